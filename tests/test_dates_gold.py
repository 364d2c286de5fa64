"""A gold set of our own sentences, one or more per kind of time expression, through the real parse.

Published 2023-01-20, a Friday, unless the case says otherwise. ``score_gold`` reports the
accuracy (``benchmarks/bench_dates_places.py`` prints it); each case is also a test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.dates.find import find_dates

FRIDAY = dt.date(2023, 1, 20)

#: (sentence, [(expression text, value, precision), ...]) in text order.
GOLD: list[tuple[str, list[tuple[str, str | None, str | None]]]] = [
    ("The treaty was signed last year.", [("last year", "2022", "year")]),
    ("The minister resigned on Tuesday.", [("Tuesday", "2023-01-17", "day")]),
    ("The minister will resign on Tuesday.", [("Tuesday", "2023-01-24", "day")]),
    ("The ceasefire collapsed in March.", [("March", "2022-03", "month")]),
    ("The elections will be held in March.", [("March", "2023-03", "month")]),
    ("Troops crossed the border two weeks ago.", [("two weeks ago", "2023-W01", "week")]),
    ("The region has been occupied since 2014.", [("2014", "2014", "year")]),
    (
        "The peninsula was annexed in 2014 and sanctions followed the same year.",
        [("2014", "2014", "year"), ("the same year", "2014", "year")],
    ),
    ("Exports fell sharply last month.", [("last month", "2022-12", "month")]),
    ("The envoy will travel to Ankara next week.", [("next week", "2023-W04", "week")]),
    ("Rebels shelled the town yesterday.", [("yesterday", "2023-01-19", "day")]),
    ("Prices rose earlier this year.", [("earlier this year", "2023", "year")]),
    ("The summit opened on January 20, 2023.", [("January 20, 2023", "2023-01-20", "day")]),
    ("Growth stalled in mid-2022.", [("mid-2022", "2022", "year")]),
    ("The conflict began in the 1990s.", [("the 1990s", "199", "decade")]),
    ("The border was reopened last Friday.", [("last Friday", "2023-01-13", "day")]),
    ("The talks resume tomorrow.", [("tomorrow", "2023-01-21", "day")]),
    ("Delegates met today in Geneva.", [("today", "2023-01-20", "day")]),
    ("The deal expired on 17 July 2023.", [("17 July 2023", "2023-07-17", "day")]),
    ("The army withdrew in September 2022.", [("September 2022", "2022-09", "month")]),
    ("The offensive started last summer.", [("last summer", "2022-SU", "season")]),
    ("The bridge was hit in the summer of 2022.", [("the summer of 2022", "2022-SU", "season")]),
    ("The port was blockaded on March 3.", [("March 3", "2022-03-03", "day")]),
    ("Parliament will vote on February 14.", [("February 14", "2023-02-14", "day")]),
    ("Inflation will ease next year.", [("next year", "2024", "year")]),
    ("Inflation peaked this month.", [("this month", "2023-01", "month")]),
    ("The embassy closed three years ago.", [("three years ago", "2020", "year")]),
    (
        "The rebels seized the city in 2015 and lost it two years later.",
        [("2015", "2015", "year"), ("two years later", "2017", "year")],
    ),
    (
        "Fighting broke out in May 2021 and a truce was agreed the following month.",
        [("May 2021", "2021-05", "month"), ("the following month", "2021-06", "month")],
    ),
    ("The strike began this morning.", [("this morning", "2023-01-20TMO", "time")]),
    ("Talks dragged on for months.", [("months", "PXM", None)]),
    ("The siege lasted three weeks.", [("three weeks", "P3W", None)]),
    ("Officials met between 2014 and 2016.", [("2014", "2014", "year"), ("2016", "2016", "year")]),
    ("The war ended in late 2020.", [("late 2020", "2020", "year")]),
    ("The ministers spoke last week.", [("last week", "2023-W02", "week")]),
    ("The reactor was shut down a year ago.", [("a year ago", "2022", "year")]),
    ("The law takes effect at the end of the year.", [("the end of the year", "2023", "year")]),
    ("The agreement was extended until 2025.", [("2025", "2025", "year")]),
    ("Unrest spread in the 2000s.", [("the 2000s", "200", "decade")]),
    ("The president recently met rebels.", []),
    ("May I ask the minister a question?", []),
    ("The 57-year-old general was dismissed.", []),
]


def _found(sentence: str, nlp, published: dt.date | None = FRIDAY):  # type: ignore[no-untyped-def]
    return [
        (f.text, f.resolved.value, f.resolved.precision)
        for f in find_dates(sentence, nlp(sentence), published)
    ]


def score_gold(nlp) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Return ``(correct, total)`` over GOLD expressions: text, value and precision all right.

    A false positive in a sentence counts as one wrong item too.
    """
    correct = total = 0
    for sentence, expected in GOLD:
        found = _found(sentence, nlp)
        total += max(len(expected), len(found)) or 1
        correct += sum(1 for item in found if item in expected) if expected or found else 1
    return correct, total


@pytest.mark.parametrize(("sentence", "expected"), GOLD)
def test_dates_gold_sentence(nlp, sentence, expected) -> None:  # type: ignore[no-untyped-def]
    assert _found(sentence, nlp) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The treaty was signed last year.", [("last year", None, "year")]),
        ("The treaty was signed in 2014.", [("2014", "2014", "year")]),
        ("The treaty was signed on January 20, 2023.", [("January 20, 2023", "2023-01-20", "day")]),
    ],
)
def test_dates_without_publication_date_relative_values_are_null(  # type: ignore[no-untyped-def]
    nlp, sentence, expected
) -> None:
    assert _found(sentence, nlp, published=None) == expected


def test_dates_gold_accuracy_floor(nlp) -> None:  # type: ignore[no-untyped-def]
    correct, total = score_gold(nlp)
    assert correct / total >= 0.9
