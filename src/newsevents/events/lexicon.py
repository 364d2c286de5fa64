"""Load our event lexicon (``data/lexicons/events.yaml``) into plain, frozen lookups.

The file format is documented at its top; ``load_lexicon`` checks every entry (PLOVER type,
CAMEO code, modality name) and raises ``DataError`` naming the entry when one is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataError
from ..model import PLOVER_TYPES

#: Modality flags a governor such as "plan to" or "unlikely that" may set.
MODALITY_FLAGS: tuple[str, ...] = ("negated", "conditional", "hypothetical", "future", "near_miss")
_WORD_CLASSES: tuple[str, ...] = ("verbs", "nouns", "adjectives", "stance_nouns")
_WORD_LISTS: tuple[str, ...] = (
    "light_verbs", "recipient_verbs", "describing_verbs", "pejoratives", "speech_verbs",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class When:
    """Conditions a sense needs in the parse; all given conditions must hold."""

    objects: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    clause: bool = False
    that_clause: bool = False
    by: bool = False
    actor_object: bool = False
    has_object: bool = False
    intransitive: bool = False
    self_clause: bool = False
    party_preps: frozenset[str] = frozenset()
    name_object: bool = False
    no_preps: frozenset[str] = frozenset()
    actor_subject: bool = False
    subjects: frozenset[str] = frozenset()
    clause_objects: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Sense:
    """One meaning of a word: what event it codes and how its arguments are read."""

    plover: str
    cameo: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    of: str = "target"
    preps: tuple[str, ...] = ()
    reciprocal: bool = False
    when: When | None = None
    needs_content: bool = False


@dataclass(frozen=True, slots=True)
class Composition:
    """What a governing event becomes when it absorbs a governed one."""

    plover: str | None
    cameo: str
    mode: str | None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The loaded lexicon: senses by lemma per word class, and the word lists."""

    verbs: dict[str, tuple[Sense, ...]] = field(default_factory=dict)
    nouns: dict[str, tuple[Sense, ...]] = field(default_factory=dict)
    adjectives: dict[str, tuple[Sense, ...]] = field(default_factory=dict)
    stance_nouns: dict[str, tuple[Sense, ...]] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    recipient_verbs: frozenset[str] = frozenset()
    describing_verbs: frozenset[str] = frozenset()
    pejoratives: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    modal_governors: dict[str, str] = field(default_factory=dict)
    context_words: dict[str, str] = field(default_factory=dict)
    compose: dict[tuple[str, str], Composition] = field(default_factory=dict)


def default_path() -> Path:
    """Return the path of the lexicon shipped with the package."""
    return Path(str(resources.files("newsevents") / "data" / "lexicons" / "events.yaml"))


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Return the Lexicon read from ``path`` (default: the shipped ``events.yaml``).

    Raises:
        DataError: the file is missing, is not YAML, or an entry is malformed.
    """
    path = path or default_path()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read the event lexicon {path}: {exc}") from exc
    if not isinstance(raw, dict):
        raise DataError(f"{path}: the event lexicon must be a mapping of sections")
    words = {name: _senses_section(raw.get(name) or {}, name) for name in _WORD_CLASSES}
    lists = {name: frozenset(str(w) for w in raw.get(name) or ()) for name in _WORD_LISTS}
    modal = {str(k): str(v) for k, v in (raw.get("modal_governors") or {}).items()}
    for word, flag in modal.items():
        if flag not in MODALITY_FLAGS:
            raise DataError(f"modal_governors: {word!r} sets unknown flag {flag!r}")
    return Lexicon(
        verbs=words["verbs"],
        nouns=words["nouns"],
        adjectives=words["adjectives"],
        stance_nouns=words["stance_nouns"],
        light_verbs=lists["light_verbs"],
        recipient_verbs=lists["recipient_verbs"],
        describing_verbs=lists["describing_verbs"],
        pejoratives=lists["pejoratives"],
        speech_verbs=lists["speech_verbs"],
        modal_governors=modal,
        context_words={str(k): str(v) for k, v in (raw.get("context_words") or {}).items()},
        compose=_compose_section(raw.get("compose") or {}),
    )


def _senses_section(section: dict[str, Any], name: str) -> dict[str, tuple[Sense, ...]]:
    out: dict[str, tuple[Sense, ...]] = {}
    for word, value in section.items():
        items = value if isinstance(value, list) else [value]
        out[str(word).lower()] = tuple(_sense(item, f"{name}: {word}") for item in items)
    return out


def _sense(item: Any, where: str) -> Sense:
    if not isinstance(item, dict):
        raise DataError(f"{where}: a sense must be a mapping, got {item!r}")
    plover = str(item.get("type", ""))
    if plover not in PLOVER_TYPES:
        raise DataError(f"{where}: {plover!r} is not one of the 16 PLOVER types")
    cameo = str(item.get("cameo", ""))
    if not (cameo.isdigit() and 2 <= len(cameo) <= 4):
        raise DataError(f"{where}: CAMEO code {cameo!r} must be 2-4 digits, quoted")
    of = str(item.get("of", "target"))
    if of not in ("source", "target"):
        raise DataError(f"{where}: 'of' must be source or target, got {of!r}")
    return Sense(
        plover=plover,
        cameo=cameo,
        mode=item.get("mode"),
        context=tuple(item.get("context") or ()),
        of=of,
        preps=tuple(item.get("preps") or ()),
        reciprocal=bool(item.get("reciprocal", False)),
        when=_when(item["when"], where) if "when" in item else None,
        needs_content=bool(item.get("needs_content", False)),
    )


def _when(raw: Any, where: str) -> When:
    known = {
        "object", "prep", "modifier", "clause", "that_clause", "by", "actor_object",
        "has_object", "intransitive", "self_clause", "party_prep", "name_object",
        "no_prep", "actor_subject", "subject", "clause_object",
    }  # fmt: skip
    if not isinstance(raw, dict) or not set(raw) <= known:
        raise DataError(f"{where}: 'when' takes only {sorted(known)}, got {raw!r}")
    return When(
        objects=frozenset(raw.get("object") or ()),
        preps=frozenset(raw.get("prep") or ()),
        modifiers=frozenset(raw.get("modifier") or ()),
        clause=bool(raw.get("clause", False)),
        that_clause=bool(raw.get("that_clause", False)),
        by=bool(raw.get("by", False)),
        actor_object=bool(raw.get("actor_object", False)),
        has_object=bool(raw.get("has_object", False)),
        intransitive=bool(raw.get("intransitive", False)),
        self_clause=bool(raw.get("self_clause", False)),
        party_preps=frozenset(raw.get("party_prep") or ()),
        name_object=bool(raw.get("name_object", False)),
        no_preps=frozenset(raw.get("no_prep") or ()),
        actor_subject=bool(raw.get("actor_subject", False)),
        subjects=frozenset(raw.get("subject") or ()),
        clause_objects=frozenset(raw.get("clause_object") or ()),
    )


def _compose_section(section: dict[str, Any]) -> dict[tuple[str, str], Composition]:
    out: dict[tuple[str, str], Composition] = {}
    for governor, table in section.items():
        for governed, item in (table or {}).items():
            where = f"compose: {governor} + {governed}"
            for name in (governor, governed, item.get("type", governor)):
                if name not in PLOVER_TYPES:
                    raise DataError(f"{where}: {name!r} is not a PLOVER type")
            out[(str(governor), str(governed))] = Composition(
                plover=item.get("type"), cameo=str(item["cameo"]), mode=item.get("mode")
            )
    return out
