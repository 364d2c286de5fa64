"""The learned cue boundary model: the bundled weights load, bad files raise, and on
sentences we wrote it draws the cue as a reader (and PolNeAR's annotators) would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.statements.attach import find_statements
from newsevents.statements.cues import load_cues
from newsevents.statements.learned import load_cue_model
from newsevents.statements.spans import FORMAT, SpanModel, load_span_model, relation


@pytest.fixture(scope="module")
def parts():  # type: ignore[no-untyped-def]
    return load_cues(), load_cue_model(), load_span_model()


def _cues(nlp, parts, text, learned=True):  # type: ignore[no-untyped-def]
    lexicon, model, spans = parts
    found = find_statements(nlp(text), lexicon, model, spans=spans if learned else None)
    return [(text[f.cue[0] : f.cue[1]], text[f.content[0] : f.content[1]]) for f in found]


def test_statements_spans_bundled_model_loads(parts) -> None:  # type: ignore[no-untyped-def]
    spans = parts[2]
    assert isinstance(spans, SpanModel)
    assert len(spans.start) > 1000 and len(spans.end) > 1000
    # the rule's own boundary is the prior the model starts from
    assert spans.end["dr=0"] > spans.end["dr=3"]
    path = Path(__file__).resolve().parents[1] / "src/newsevents/data/models/attribution-spans.json"
    assert path.stat().st_size < 3_000_000


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        json.dumps({"format": "something-else/1"}),
        json.dumps({"format": FORMAT, "start": {}, "end": {}, "start_bias": 0}),  # no end_bias
        json.dumps({"format": FORMAT, "start": [], "end": {}, "start_bias": 0, "end_bias": 0}),
    ],
)
def test_statements_spans_bad_files_raise(tmp_path: Path, body: str) -> None:
    path = tmp_path / "spans.json"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataError):
        load_span_model(path)


@pytest.mark.parametrize(
    ("text", "rules", "learned"),
    [
        (  # a verb of going on before the cue belongs to it
            "The coach went on to explain that the team needed rest.",
            ("to explain", "that the team needed rest"),
            ("went on to explain", "that the team needed rest"),
        ),
        (  # the words of a fixed phrase: the content loses them
            "The mayor made it clear that the bridge would stay shut.",
            ("made", "it clear that the bridge would stay shut"),
            ("made it clear", "that the bridge would stay shut"),
        ),
        (  # two cues of one statement become one
            "The governor continued to insist that the roads were safe.",
            ("continued", "to insist that the roads were safe"),
            ("continued to insist", "that the roads were safe"),
        ),
    ],
)
def test_statements_spans_widen_cues(nlp, parts, text, rules, learned):  # type: ignore[no-untyped-def]
    assert rules in _cues(nlp, parts, text, learned=False)
    assert _cues(nlp, parts, text) == [learned]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The union has also warned that strikes could spread.", "has also warned"),
        ("The coach expressed concerns that the rules would hurt players.", "expressed concerns"),
        ("The senator talked about the budget at length.", "talked about"),
        ("The minister said in an interview that prices would fall.", "said in an interview"),
    ],
)
def test_statements_spans_keep_what_rules_get_right(nlp, parts, text, expected):  # type: ignore[no-untyped-def]
    assert [cue for cue, _ in _cues(nlp, parts, text)] == [expected]


def test_statements_spans_relation(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The mayor said in an interview that prices would fall.")
    said = doc[2]
    assert relation(said, said) == "self"
    assert relation(doc[3], said) == "c:prep"  # "in"
    assert relation(doc[5], said) == "g:prep/pobj"  # "interview"
    assert relation(doc[1], said) == "c:nsubj"
