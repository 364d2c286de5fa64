"""Events take the date of their clause, else the publication date; the step's output validates."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.config import Config
from newsevents.dates import make_step
from newsevents.formats import validate
from newsevents.model import Analysis, Article, DateRef, Event, Span
from newsevents.normalise import article_id
from newsevents.parse import sentence_offsets

PUBLISHED = dt.date(2023, 1, 20)


def _analysis(nlp, text: str, published: dt.date | None = PUBLISHED) -> Analysis:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    analysis = Analysis(article=Article(id=article_id(text), text=text, published=published), doc=doc)
    analysis.sentences = sentence_offsets(doc)
    return analysis


def _event(analysis: Analysis, trigger: str, nth: int = 0) -> Event:
    start = -1
    for _ in range(nth + 1):
        start = analysis.article.text.index(trigger, start + 1)
    end = start + len(trigger)
    span = Span(start, end, trigger)
    return Event("e1", "ACCUSE", "112", None, None, span, analysis.sentence_index(start))


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # The expression attached to the trigger's own clause wins over one nearby.
        ("Russia rejected the plan on Tuesday.", "rejected", ("2023-01-17", "Tuesday")),
        (
            "Kiev said on Monday that Moscow had attacked the port last year.",
            "attacked",
            ("2022", "last year"),
        ),
        (
            "Kiev said on Monday that Moscow had attacked the port last year.",
            "said",
            ("2023-01-16", "Monday"),
        ),
        # Nothing in the clause: the same sentence's expression.
        (
            "On Wednesday, officials said the army was shelling the town.",
            "shelling",
            ("2023-01-18", "Wednesday"),
        ),
        # A nominal trigger takes the expression attached to it.
        ("The talks in Istanbul next week will be difficult.", "talks", ("2023-W04", "next week")),
        # Durations never date an event; the publication date stands in.
        ("The siege lasted months.", "siege", ("2023-01-20", None)),
        # Another sentence's expression is not this event's.
        ("Troops left in 2014. Protests erupted.", "erupted", ("2023-01-20", None)),
        # A comparison, reason or sequence clause dates its own verb, not the main event.
        (
            "Arnland may impose further sanctions on Borduria, as it did in 2019.",
            "sanctions",
            ("2023-01-20", None),
        ),
        ("Arnland may impose further sanctions, as it did in 2019.", "did", ("2019", "2019")),
        (
            "Arnland urged restraint, as mediators prepared to meet next week.",
            "urged",
            ("2023-01-20", None),
        ),
    ],
)
def test_dates_event_takes_its_clause_date(nlp, text, trigger, expected) -> None:  # type: ignore[no-untyped-def]
    analysis = _analysis(nlp, text)
    analysis.events = [_event(analysis, trigger)]
    make_step(Config())(analysis)
    date = analysis.events[0].date
    assert date is not None and (date.value, date.text) == expected


def test_dates_event_without_publication_date_or_expression_has_no_date(nlp) -> None:  # type: ignore[no-untyped-def]
    analysis = _analysis(nlp, "Protests erupted.", published=None)
    analysis.events = [_event(analysis, "erupted")]
    make_step(Config())(analysis)
    assert analysis.events[0].date is None


def test_dates_publication_fallback_has_no_span(nlp) -> None:  # type: ignore[no-untyped-def]
    analysis = _analysis(nlp, "Protests erupted.")
    analysis.events = [_event(analysis, "erupted")]
    make_step(Config())(analysis)
    assert analysis.events[0].date == DateRef("2023-01-20", "day")


def test_dates_step_output_validates_on_example(nlp, example_text) -> None:  # type: ignore[no-untyped-def]
    analysis = _analysis(nlp, example_text, published=dt.date(2025, 8, 12))
    analysis.events = [_event(analysis, "rejected"), _event(analysis, "announced")]
    make_step(Config())(analysis)
    got = [(d.text, d.value, d.precision) for d in analysis.dates]
    assert got == [
        ("Tuesday", "2025-08-12", "day"),
        ("last year", "2024", "year"),
        ("next week", "2025-W34", "week"),
        ("hours", "PTXH", None),
        ("July", "2025-07", "month"),
        ("Wednesday", "2025-08-06", "day"),
        ("Two years ago", "2023", "year"),
        ("months", "PXM", None),
    ]
    assert [d.id for d in analysis.dates] == [f"t{i}" for i in range(1, 9)]
    assert analysis.events[1].date == DateRef("2025-08-06", "day", 1430, 1439, "Wednesday")
    validate(analysis.to_dict())
