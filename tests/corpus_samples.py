"""Hand-built analyses for the store, corpus and export tests (text written by us).

Each is valid newsevents/1 (a test checks it) and fills every list of the contract, so
the store is exercised on the whole output while the coder's steps are still growing.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from newsevents.model import (
    Actor,
    Analysis,
    Article,
    DateRef,
    Event,
    Frame,
    Mention,
    Modality,
    OffsetRun,
    Place,
    Removed,
    Span,
    Statement,
    TimeExpr,
)

TALKS = (
    "Ruritania and Freedonia resume talks\n\n"
    "Ruritania's foreign minister met Freedonian envoys in Geneva on Monday, officials said. "
    "\"We will sign the accord next week,\" the minister told reporters. "
    "Freedonia accused Ruritania of shelling a border village."
)


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _span(text: str, needle: str, nth: int = 0) -> Span:
    s, e = _at(text, needle, nth)
    return Span(s, e, text[s:e])


def talks_analysis(
    text: str = TALKS,
    outlet: str | None = "The Example Herald",
    published: dt.date | None = dt.date(2025, 3, 3),
    url: str | None = "https://example.org/talks",
) -> Analysis:
    """Return a full analysis of ``text`` (which must contain the TALKS phrases)."""
    article = Article(
        id=hashlib.sha256(text.encode()).hexdigest(), text=text, title=text.split("\n")[0],
        outlet=outlet, url=url, published=published,
        removed=[Removed(0, 9, "Read more", "navigation")],
        offsets=[OffsetRun(0, 10, len(text))],
    )  # fmt: skip
    rur = Actor("a1", "Ruritania", "state", country="RUR", cameo="RUR", kb_id="kb:ruritania",
                mentions=[Mention(*_at(text, "Ruritania"), "Ruritania", "name"),
                          Mention(*_at(text, "Ruritania", 2), "Ruritania", "name", 0.9)])
    minister = Actor("a2", "foreign minister of Ruritania", "person", country="RUR",
                     sector="GOV", cameo="RURGOV", role="foreign minister",
                     mentions=[Mention(*_at(text, "Ruritania's foreign minister"),
                                       "Ruritania's foreign minister", "descriptor"),
                               Mention(*_at(text, "the minister"), "the minister", "descriptor")])
    fre = Actor("a3", "Freedonia", "state", country="FRE", cameo="FRE",
                mentions=[Mention(*_at(text, "Freedonia"), "Freedonia", "name"),
                          Mention(*_at(text, "Freedonia", 1), "Freedonia", "name")])
    quote = Statement("s1", "a2", _span(text, "the minister"), _span(text, "told"),
                      _span(text, "We will sign the accord next week,"), "direct")
    anon = Statement("s2", None, None, _span(text, "said"),
                     _span(text, "Ruritania's foreign minister met Freedonian envoys in "
                                 "Geneva on Monday"), "indirect")
    monday = TimeExpr("t1", *_at(text, "Monday"), "Monday", "2025-03-03", "day")
    week = TimeExpr("t2", *_at(text, "next week"), "next week", "2025-W11", "week")
    geneva = Place("p1", *_at(text, "Geneva"), "Geneva", "Geneva", "city", "CHE",
                   46.20222, 6.14569, 2660646)
    met = Event("e1", "CONSULT", "040", "a2", "a3", _span(text, "met"), 1,
                plover_mode="visit", context=["diplomatic"], source_code="RURGOV",
                target_code="FRE", asserted_by="s2", certainty=0.8,
                date=DateRef("2025-03-03", "day", *_at(text, "Monday"), "Monday"),
                location="p1")
    sign = Event("e2", "AGREE", "057", "a2", None, _span(text, "sign"), 2,
                 source_code="RURGOV", modality=Modality(future=True), asserted_by="s1",
                 date=DateRef("2025-W11", "week", *_at(text, "next week"), "next week"))
    accuse = Event("e3", "ACCUSE", "112", "a3", "a1", _span(text, "accused"), 3,
                   source_code="FRE", target_code="RUR",
                   date=DateRef("2025-03-03", "day"))
    frame = Frame("hedge", *_at(text, "officials said"), "officials said",
                  "unnamed officials", target=None, label="anonymous_source")
    return Analysis(
        article=article,
        sentences=[(0, text.index("\n")),
                   _at(text, "Ruritania's foreign minister met Freedonian envoys in Geneva on "
                             "Monday, officials said."),
                   _at(text, "\"We will sign the accord next week,\" the minister told reporters."),
                   _at(text, "Freedonia accused Ruritania of shelling a border village.")],
        actors=[rur, minister, fre], statements=[quote, anon], events=[met, sign, accuse],
        dates=[monday, week], places=[geneva], framing=[frame],
    )  # fmt: skip


def accusation_analysis(text: str, outlet: str, published: dt.date | None) -> Analysis:
    """Return an analysis of ``text`` holding one event: "Freedonia accused Ruritania"."""
    analysis = empty_analysis(text, published, outlet)
    fre = Actor("x1", "Freedonia", "state", country="FRE",
                mentions=[Mention(*_at(text, "Freedonia"), "Freedonia", "name")])
    rur = Actor("x2", "Ruritania", "state", country="RUR", kb_id="kb:ruritania",
                mentions=[Mention(*_at(text, "Ruritania"), "Ruritania", "name")])
    analysis.actors = [fre, rur]
    analysis.sentences = [(0, len(text))]
    analysis.events = [Event("x3", "ACCUSE", "112", "x1", "x2", _span(text, "accused"), 0,
                             source_code="FRE", target_code="RUR")]
    return analysis


def empty_analysis(text: str, published: dt.date | None = None, outlet: str | None = None
                   ) -> Analysis:
    """Return an analysis with only the article (what the coder gives before its steps)."""
    return Analysis(article=Article(
        id=hashlib.sha256(text.encode()).hexdigest(), text=text, published=published,
        outlet=outlet,
    ))  # fmt: skip
