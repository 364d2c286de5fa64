"""The events scorer: gold reading, dyads, scores (full runs are `newsevents eval events`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.eval.events import Score, dyads, normal_code, read_gold


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
