"""The cue lexicon: reporting verbs, nouns and multi-word cues (``data/lexicons/cues.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataError

_SECTIONS = ("verbs", "nouns", "adjectives", "phrases")


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Cue lemmas: ``verbs``, ``nouns`` and ``adjectives`` are sets; ``phrases`` maps a
    head lemma to the tuples of lemmas that may follow it ("call" -> {("for",), ("on",)})."""

    verbs: frozenset[str]
    nouns: frozenset[str]
    phrases: dict[str, frozenset[tuple[str, ...]]]
    #: adjectives of belief and attitude that report a stance after "be" ("were
    #: confident that ...", "is critical of ...")
    adjectives: frozenset[str] = frozenset()

    def phrase_tail(self, head: str, words: tuple[str, ...]) -> tuple[str, ...] | None:
        """Return the longest listed tail of ``head`` that ``words`` starts with, or None."""
        best: tuple[str, ...] | None = None
        for tail in self.phrases.get(head, ()):
            if words[: len(tail)] == tail and (best is None or len(tail) > len(best)):
                best = tail
        return best


def default_path() -> Path:
    """Return the path of the bundled cue lexicon."""
    return Path(str(resources.files("newsevents") / "data" / "lexicons" / "cues.yaml"))


def load_cues(path: Path | None = None) -> CueLexicon:
    """Return the cue lexicon read from ``path`` (default: the bundled ``cues.yaml``).

    Raises:
        DataError: the file is missing, not YAML, or not sorted lists of lower-case lemmas.
    """
    path = path or default_path()
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{path}: cannot read the cue lexicon: {exc}") from exc
    if not isinstance(data, dict):
        raise DataError(f"{path}: expected a mapping with {', '.join(_SECTIONS)}")
    lists: dict[str, list[str]] = {}
    for section in _SECTIONS:
        entries = data.get(section)
        if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
            raise DataError(f"{path}: {section!r} must be a list of strings")
        if entries != sorted(entries) or any(e != e.lower().strip() for e in entries):
            raise DataError(f"{path}: {section!r} must be sorted lower-case lemmas")
        lists[section] = entries
    phrases: dict[str, set[tuple[str, ...]]] = {}
    for entry in lists["phrases"]:
        head, *tail = entry.split()
        if not tail:
            raise DataError(f"{path}: phrase {entry!r} has a single word; put it in verbs")
        phrases.setdefault(head, set()).add(tuple(tail))
    return CueLexicon(
        verbs=frozenset(lists["verbs"]),
        nouns=frozenset(lists["nouns"]),
        adjectives=frozenset(lists["adjectives"]),
        phrases={head: frozenset(tails) for head, tails in phrases.items()},
    )
