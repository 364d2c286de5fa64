"""The learned cue scorer: the bundled weights load, bad files raise, and on sentences we
wrote it accepts stance cues the lexicon lacks and leaves the outlet's voice alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.statements.attach import find_statements
from newsevents.statements.cues import load_cues
from newsevents.statements.learned import (
    FORMAT,
    CueDecision,
    CueModel,
    load_cue_model,
    score_tokens,
)


@pytest.fixture(scope="module")
def lexicon():  # type: ignore[no-untyped-def]
    return load_cues()


@pytest.fixture(scope="module")
def model() -> CueModel:
    return load_cue_model()


def _found(nlp, lexicon, model, text):  # type: ignore[no-untyped-def]
    out = []
    for f in find_statements(nlp(text), lexicon, model):
        source = text[f.source[0] : f.source[1]] if f.source else None
        out.append((source, text[f.cue[0] : f.cue[1]], text[f.content[0] : f.content[1]]))
    return out


def test_statements_learned_bundled_model_loads(model: CueModel) -> None:
    assert 0.0 <= model.veto <= model.threshold <= 1.0
    assert len(model.weights) > 1000
    # the lexicon is a strong prior: a listed verb weighs for a cue, an unlisted one against
    assert model.weights["lex=v"] > 0 > model.weights["lex=-"]
    path = Path(__file__).resolve().parents[1] / "src/newsevents/data/models/attribution-cues.json"
    assert path.stat().st_size < 5_000_000


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        json.dumps({"format": "something-else/1"}),
        json.dumps({"format": FORMAT, "weights": {}, "bias": 0, "threshold": 0.5}),  # no veto
        json.dumps({"format": FORMAT, "weights": {}, "bias": 0, "threshold": 0.2, "veto": 0.5}),
        json.dumps({"format": FORMAT, "weights": [], "bias": 0, "threshold": 0.5, "veto": 0}),
    ],
)
def test_statements_learned_bad_files_raise(tmp_path: Path, body: str) -> None:
    path = tmp_path / "model.json"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataError):
        load_cue_model(path)


def test_statements_learned_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(DataError):
        load_cue_model(tmp_path / "absent.json")


@pytest.mark.parametrize(
    ("listed", "score", "expected"),
    [(True, 0.01, False), (True, 0.3, True), (False, 0.3, False), (False, 0.7, True),
     (True, None, True), (False, None, False)],
)  # fmt: skip
def test_statements_learned_decision(listed: bool, score: float | None, expected: bool) -> None:
    scores = {} if score is None else {0: score}
    assert CueDecision(scores, threshold=0.5, veto=0.1).accepts(0, listed) is expected


def test_statements_learned_scores_are_probabilities(nlp, lexicon, model) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The senator said that the bill would pass, but the vote was delayed.")
    scores = score_tokens(model, doc, lexicon)
    assert all(0.0 <= p <= 1.0 for p in scores.values())
    said = next(t.i for t in doc if t.text == "said")
    delayed = next(t.i for t in doc if t.text == "delayed")
    assert scores[said] > model.threshold > scores[delayed]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Most farmers want the government to lower the tax on diesel.",
            ("Most farmers", "want", "the government to lower the tax on diesel"),
        ),
        (
            "The governor is expected to sign the budget next week.",
            (None, "is expected", "to sign the budget next week"),
        ),
    ],
)
def test_statements_learned_stance_cues(nlp, lexicon, model, text, expected) -> None:  # type: ignore[no-untyped-def]
    found = _found(nlp, lexicon, model, text)
    assert any(f[1] == expected[1] and f[2] == expected[2] for f in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Overall, it appears that the port will reopen once the storm has passed.",
        "It seems unlikely that the harbour will reopen before spring.",
        "The mayor has consistently refused to engage in talks with the striking drivers.",
        "The ministry decided to close three rural schools.",
        "The storm damaged hundreds of homes along the coast.",
    ],
)
def test_statements_learned_no_statement(nlp, lexicon, model, text) -> None:  # type: ignore[no-untyped-def]
    assert _found(nlp, lexicon, model, text) == []
