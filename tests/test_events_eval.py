"""The events scorer: gold reading, dyads, scores (full runs are `newsevents eval events`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.eval.events import (
    Score,
    causes,
    dyads,
    main_triples,
    normal_code,
    predicted_triples,
    read_gold,
)
from newsevents.model import Actor, Analysis, Article, Event, Span


@pytest.mark.parametrize(
    ("sources", "targets", "expected"),
    [
        (["RUS"], ["UKR"], {("RUS", "ACCUSE", "UKR")}),
        (["RUS"], [], {("RUS", "ACCUSE", None)}),
        (["RUS", "UKR"], [], {("RUS", "ACCUSE", "UKR"), ("UKR", "ACCUSE", "RUS")}),
        (["USA"], ["RUS", "CHN"], {("USA", "ACCUSE", "RUS"), ("USA", "ACCUSE", "CHN")}),
    ],
)
def test_events_eval_dyads(sources, targets, expected) -> None:  # type: ignore[no-untyped-def]
    assert dyads(sources, targets, "ACCUSE") == expected


def test_events_eval_codes_and_score() -> None:
    assert normal_code("JAP") == "JPN" and normal_code(" rus ") == "RUS" and normal_code("") is None
    score = Score()
    score.add({"a", "b"}, {"a"})
    score.add(set(), {"c"})
    assert score.as_dict() == {
        "tp": 1, "predicted": 2, "gold": 2, "precision": 0.5, "recall": 0.5, "f1": 0.5,
    }


def test_events_eval_reads_the_gold_file(shared_data: Path) -> None:
    gold = read_gold(shared_data / "plover" / "PLOVER_GSR_CAMEO.txt")
    assert len(gold) == 322
    assert {g.plover for g in gold} <= {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }
    assert all(g.triples for g in gold[:20])


def test_events_eval_causes_of_misses_and_false_triples() -> None:
    gold = frozenset({("RUS", "ACCUSE", "UKR")})
    missed, false = causes(gold, {("RUS", "ACCUSE", None), ("UKR", "ASSAULT", None)}, "ACCUSE")
    assert missed == {"target missing": 1}
    assert false == {"actors wrong": 1, "actors wrong (no country)": 1,
                     "extra event": 1, "extra event (no country)": 1}
    missed, false = causes(gold, {("RUS", "ACCUSE", "UKR"), ("RUS", "ACCUSE", "USA")}, "ACCUSE")
    assert not missed and false == {"extra dyad": 1}
    assert causes(gold, set(), "ACCUSE") == ({"no event": 1}, {})
    assert causes(gold, {("RUS", "REJECT", "UKR")}, "ACCUSE")[0] == {"wrong type": 1}
    assert causes(gold, {("USA", "ACCUSE", None)}, "ACCUSE")[0] == {
        "source wrong + target missing": 1}


def test_events_eval_place_recipient_counts_as_target() -> None:
    article = Article(id="t", text="Police imposed a curfew in Kharkiv.")
    analysis = Analysis(article=article, actors=[Actor("a1", "police", "group", "ARN", "COP")])
    analysis.events = [Event("e1", "COERCE", "172", "a1", None, Span(7, 14, "imposed"), 0,
                             target_code="UKR")]
    assert predicted_triples(analysis) == {("ARN", "COERCE", "UKR")}


def test_events_eval_main_event_is_the_best_known_trigger() -> None:
    text = "Arnland attacked Borduria and Syldavia after clashes."
    analysis = Analysis(article=Article(id="t", text=text), actors=[
        Actor("a1", "Arnland", "state", "ARN"), Actor("a2", "Borduria", "state", "BRD"),
        Actor("a3", "Syldavia", "state", "SYL"),
    ])  # fmt: skip
    clashes = Span(text.index("clashes"), len(text) - 1, "clashes")
    attacked = Span(8, 16, "attacked")
    analysis.events = [
        Event("e1", "ASSAULT", "190", None, None, clashes, 0),
        Event("e2", "ASSAULT", "190", "a1", "a2", attacked, 0),
        Event("e3", "ASSAULT", "190", "a1", "a3", attacked, 0),
    ]
    assert main_triples(analysis) == {("ARN", "ASSAULT", "BRD"), ("ARN", "ASSAULT", "SYL")}
    assert main_triples(Analysis(article=Article(id="e", text="Nothing."))) == set()
