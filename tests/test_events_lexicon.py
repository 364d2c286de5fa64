"""The event lexicon loads, is sorted, and every entry is well formed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newsevents.errors import DataError
from newsevents.events.lexicon import default_path, load_lexicon
from newsevents.model import PLOVER_TYPES


def test_events_lexicon_loads_with_every_type() -> None:
    lex = load_lexicon()
    types = {s.plover for senses in lex.verbs.values() for s in senses}
    types |= {s.plover for senses in lex.nouns.values() for s in senses}
    assert types == set(PLOVER_TYPES)
    assert "hold" in lex.light_verbs and "rely" in lex.recipient_verbs


@pytest.mark.parametrize(
    "section",
    ["verbs", "nouns", "adjectives", "stance_nouns", "modal_governors", "context_words"],
)
def test_events_lexicon_sections_are_sorted(section: str) -> None:
    raw = yaml.safe_load(default_path().read_text(encoding="utf-8"))
    keys = list(raw[section])
    assert keys == sorted(keys)


@pytest.mark.parametrize(
    "section",
    ["light_verbs", "recipient_verbs", "describing_verbs", "pejoratives", "speech_verbs"],
)
def test_events_lexicon_word_lists_are_sorted(section: str) -> None:
    raw = yaml.safe_load(default_path().read_text(encoding="utf-8"))
    assert raw[section] == sorted(raw[section])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("verbs:\n  fly: {type: FLY, cameo: '190'}\n", "PLOVER"),
        ("verbs:\n  fly: {type: ASSAULT, cameo: 190x}\n", "CAMEO"),
        ("verbs:\n  fly: {type: ASSAULT, cameo: '190', when: {colour: red}}\n", "when"),
        ("modal_governors:\n  hope: maybe\n", "flag"),
        ("- a list\n", "mapping"),
    ],
)
def test_events_lexicon_rejects_bad_entries(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        load_lexicon(path)
