"""The statements step on sentences we wrote: each kind, its source, cue and content."""

from __future__ import annotations

import pytest

from newsevents.statements.attach import find_statements
from newsevents.statements.cues import load_cues


@pytest.fixture(scope="module")
def lexicon():  # type: ignore[no-untyped-def]
    return load_cues()


def _found(nlp, lexicon, text):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    out = []
    for f in find_statements(doc, lexicon):
        source = text[f.source[0] : f.source[1]] if f.source else None
        out.append((source, text[f.cue[0] : f.cue[1]], text[f.content[0] : f.content[1]], f.kind))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The minister stated that the harbour would reopen in May.",
            ("The minister", "stated", "that the harbour would reopen in May", "indirect"),
        ),
        (
            "According to the mayor, the bridge will be closed until spring.",
            ("the mayor", "According to", "the bridge will be closed until spring", "according_to"),
        ),
        (
            "The union leader has also warned that strikes could spread to the ports.",
            ("The union leader", "has also warned", "that strikes could spread to the ports",
             "indirect"),
        ),
        (
            "“We will not sign this deal under any circumstances,” the farmer said.",
            ("the farmer", "said", "“We will not sign this deal under any circumstances,”",
             "direct"),
        ),
        (
            "The plan has been described by several economists as reckless.",
            ("several economists", "has been described",
             "The plan has been described by several economists as reckless", "indirect"),
        ),
        (
            "The coach expressed concerns that the new rules would hurt young players.",
            ("The coach", "expressed concerns", "that the new rules would hurt young players",
             "indirect"),
        ),
    ],
)
def test_statements_single_kinds(nlp, lexicon, text, expected):  # type: ignore[no-untyped-def]
    assert expected in _found(nlp, lexicon, text)


@pytest.mark.parametrize(
    "text",
    [
        "Overall, it appears that the company is open to a new offer.",
        "It seems unlikely that the match will be played on Sunday.",
        "The council rejected the budget after a long debate.",
    ],
)
def test_statements_outlet_sentences_have_none(nlp, lexicon, text):  # type: ignore[no-untyped-def]
    assert _found(nlp, lexicon, text) == []
