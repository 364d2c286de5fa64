"""The cue lexicon loads, is sorted, and its multi-word cues are looked up by head."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.statements.cues import load_cues


def test_statements_cues_load() -> None:
    lexicon = load_cues()
    assert {"say", "state", "suggest", "warn", "insist"} <= lexicon.verbs
    assert {"claim", "comment"} <= lexicon.nouns
    assert lexicon.phrase_tail("according", ("to", "the")) == ("to",)
    assert lexicon.phrase_tail("express", ("concern", "that")) == ("concern",)
    assert lexicon.phrase_tail("express", ("joy", "that")) is None


@pytest.mark.parametrize(
    "body",
    [
        "verbs: [say, add]\nnouns: []\nadjectives: []\nphrases: []\n",  # not sorted
        "verbs: [Say]\nnouns: []\nadjectives: []\nphrases: []\n",  # not lower case
        "verbs: [say]\nnouns: []\nadjectives: []\nphrases: [according]\n",  # one word
        "- just a list\n",
    ],
)
def test_statements_cues_bad_files_raise(tmp_path: Path, body: str) -> None:
    path = tmp_path / "cues.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataError):
        load_cues(path)
