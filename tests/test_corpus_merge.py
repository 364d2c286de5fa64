"""Corpus events: the same (source, type, target, date) across articles → one event with
every evidence span and its report counts; copies count once as independent articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from corpus_samples import TALKS, accusation_analysis, talks_analysis
from newsevents.corpus import refresh
from newsevents.store import EventFilter, open_store

# The same accusation, reported in another outlet's own words (an independent report).
OTHER_WORDS = (
    "On the day its envoys sat down with Ruritanian officials in Geneva, Freedonia accused "
    "Ruritania of firing artillery at one of its frontier hamlets, a charge the neighbour "
    "denied. Diplomats said the exchange would not derail the negotiations."
)


def test_corpus_merge_counts_reports_articles_and_independent_articles(tmp_path: Path) -> None:
    first = talks_analysis(TALKS, outlet="Herald", published=dt.date(2025, 3, 3))
    copy = talks_analysis(TALKS + "\n\nShare this story.", outlet="Mirror",
                          published=dt.date(2025, 3, 4))  # fmt: skip
    other = accusation_analysis(OTHER_WORDS, "Courier", dt.date(2025, 3, 3))
    with open_store(tmp_path / "m.duckdb") as store:
        run = store.begin_run(["x"], 0)
        for a in (first, copy, other):
            store.write_analysis(a, a.article.outlet, run)
        counts = refresh(store)
        assert counts["duplicates"] == 1
        dup = store.rows("duplicates")
        assert [(d["article_id"], d["original_id"]) for d in dup] == [
            (copy.article.id, first.article.id)
        ]
        accuse = store.corpus_events(EventFilter(event_type="ACCUSE"))
        assert len(accuse) == 1
        ev = accuse[0]
        assert (ev["reports"], ev["articles"], ev["independent_articles"], ev["outlets"]) == (
            3, 3, 2, 3,
        )  # fmt: skip
        assert ev["event_date"] == "2025-03-03"
        evidence = [r for r in store.rows("corpus_event_evidence")
                    if r["corpus_event_id"] == ev["id"]]  # fmt: skip
        assert {r["article_id"] for r in evidence} == {
            first.article.id, copy.article.id, other.article.id,
        }  # fmt: skip
        assert all(r["trigger_text"] == "accused" for r in evidence)
        assert all(r["sentence_start"] is not None for r in evidence)
        # seven article events, three distinct happenings: never one row per report
        assert store.count("events") == 7
        assert store.count("corpus_events") == 3
        stories = {r["article_id"]: r["story_id"] for r in store.rows("stories")}
        assert stories[copy.article.id] == stories[first.article.id] == first.article.id


def test_corpus_merge_keeps_undated_actorless_events_apart(tmp_path: Path) -> None:
    a = talks_analysis(TALKS, published=None)
    b = talks_analysis(TALKS + " Markets barely moved.", published=None)
    for analysis in (a, b):
        for ev in analysis.events:
            ev.date = None
    with open_store(tmp_path / "m.duckdb") as store:
        run = store.begin_run(["x"], 0)
        store.write_analysis(a, "a", run)
        store.write_analysis(b, "b", run)
        refresh(store)
        assert store.count("corpus_events") == 6  # nothing dated: nothing merged
