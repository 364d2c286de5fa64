"""Our framing lexicons (YAML under ``newsevents/data/lexicons/``) and a matcher over them.

A lexicon entry is a phrase written in lower case. Each word matches its lower-case form
(the last word also its regular plural), "a|b" either word, "*" any one word, and a
hyphenated word matches both as one token and as spaCy splits it ("neo", "-", "nazi"). We
match word forms rather than spaCy lemmas on purpose: the small English model tags rare or
capitalised words as proper nouns and leaves them unlemmatised ("Regimes", "Nazis").
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from ..errors import DataError

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: The lexicons and the categories each may use.
CATEGORIES: dict[str, frozenset[str]] = {
    "loaded_terms": frozenset(
        {"name_calling", "dehumanising", "loaded_label", "euphemism", "scare_quotes", "emotive"}
    ),
    "hedges": frozenset({"modal", "epistemic", "distancing", "impersonal"}),
    "editorial": frozenset({"evaluative", "predictive"}),
}
_FIELDS = frozenset(
    {"term", "category", "note", "needs_target", "not_with", "certainty", "tag", "initial",
     "of_master", "aims_at"}
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry; fields a lexicon does not use keep their defaults."""

    term: str
    category: str
    note: str | None = None
    needs_target: bool = False
    not_with: frozenset[str] = frozenset()
    certainty: float = 1.0
    tag: str | None = None
    initial: bool = False
    of_master: bool = False
    aims_at: str | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon entry found in a Doc: tokens ``[start, end)``."""

    lexicon: str
    entry: Entry
    start: int
    end: int


def load_lexicon(name: str) -> list[Entry]:
    """Return the entries of lexicon ``name`` (``data/lexicons/<name>.yaml``), in file order.

    Raises:
        DataError: the file is missing, not YAML, or an entry is malformed.
    """
    if name not in CATEGORIES:
        raise DataError(f"unknown lexicon {name!r}; known: {', '.join(sorted(CATEGORIES))}")
    path = resources.files("newsevents") / "data" / "lexicons" / f"{name}.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read lexicon {path}: {exc}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("entries"), list):
        raise DataError(f"lexicon {path}: expected a mapping with an 'entries' list")
    return [_entry(name, item, path) for item in raw["entries"]]


def _entry(name: str, item: Any, path: object) -> Entry:
    if not isinstance(item, dict) or not isinstance(item.get("term"), str):
        raise DataError(f"lexicon {path}: entry {item!r} has no 'term'")
    unknown = set(item) - _FIELDS
    if unknown:
        raise DataError(f"lexicon {path}: entry {item['term']!r} has unknown fields {unknown}")
    category = item.get("category")
    if category not in CATEGORIES[name]:
        raise DataError(
            f"lexicon {path}: entry {item['term']!r} has category {category!r}; "
            f"use one of {', '.join(sorted(CATEGORIES[name]))}"
        )
    certainty = float(item.get("certainty", 1.0))
    if not 0.0 <= certainty <= 1.0:
        raise DataError(f"lexicon {path}: entry {item['term']!r} certainty must be in [0, 1]")
    return Entry(
        term=item["term"],
        category=category,
        note=item.get("note"),
        needs_target=bool(item.get("needs_target", False)),
        not_with=frozenset(str(w) for w in item.get("not_with", ())),
        certainty=certainty,
        tag=item.get("tag"),
        initial=bool(item.get("initial", False)),
        of_master=bool(item.get("of_master", False)),
        aims_at=item.get("aims_at"),
    )


def _forms(word: str, last: bool) -> list[str]:
    """Return the lower-case forms one written word matches."""
    forms = word.split("|")
    if last:  # regular plurals of the head noun: regime(s), proxy wars, atrocities
        sibilant = ("s", "sh", "ch", "x", "z")
        extra = [f + "s" for f in forms] + [f + "es" for f in forms if f.endswith(sibilant)]
        extra += [f[:-1] + "ies" for f in forms if f.endswith("y")]
        forms = forms + extra
    return sorted(set(forms))


def _token(word: str, last: bool) -> dict[str, Any]:
    if word == "*":
        return {"IS_ALPHA": True}
    forms = _forms(word, last)
    return {"LOWER": forms[0]} if len(forms) == 1 else {"LOWER": {"IN": forms}}


def term_patterns(entry: Entry) -> list[list[dict[str, Any]]]:
    """Return the spaCy Matcher patterns of ``entry`` (hyphenated words split and whole)."""
    words = entry.term.split()
    split: list[dict[str, Any]] = []
    whole: list[dict[str, Any]] = []
    for n, word in enumerate(words):
        last = n == len(words) - 1
        parts = word.split("-")
        whole.append(_token(word, last) if word != "*" else {"IS_ALPHA": True})
        for k, part in enumerate(parts):
            if k:
                split.append({"ORTH": "-"})
            split.append(_token(part, last and k == len(parts) - 1))
    if entry.tag:  # the first word must carry this tag ("may" the modal, not the month)
        split[0] = {**split[0], "TAG": entry.tag}
        whole[0] = {**whole[0], "TAG": entry.tag}
    if "*" in entry.term:
        return [split]  # "*-backed": spaCy always splits a hyphen after a word
    return [split] if split == whole else [split, whole]


@dataclass(frozen=True, slots=True)
class _Slot:
    """One compiled pattern token: hashes of the lower-case forms it accepts (None: any
    alphabetic word), the one ORTH it needs, and the TAG it needs (first token only)."""

    lowers: frozenset[int] | None
    orth: int | None
    tag: int | None


@dataclass(frozen=True, slots=True)
class _Pattern:
    """A compiled pattern of ``entry``; ``anchor`` is the slot the index is keyed on."""

    order: int  # the entry's position over all lexicons: ties keep lexicon file order
    lexicon: str
    entry: Entry
    slots: tuple[_Slot, ...]
    anchor: int


def _slot(token: dict[str, Any]) -> _Slot:
    from spacy.strings import get_string_id

    lower = token.get("LOWER")
    if isinstance(lower, dict):
        lowers: frozenset[int] | None = frozenset(get_string_id(f) for f in lower["IN"])
    elif lower is not None:
        lowers = frozenset({get_string_id(lower)})
    else:
        lowers = None
    orth = get_string_id(token["ORTH"]) if "ORTH" in token else None
    tag = get_string_id(token["TAG"]) if "TAG" in token else None
    return _Slot(lowers, orth, tag)


class LexiconMatcher:
    """The lexicons' patterns, indexed by the words they must contain.

    Matches exactly what a spaCy ``Matcher`` over ``term_patterns`` finds, but only tries a
    pattern where its first fixed word occurs: a Matcher runs every pattern at every token,
    which made this lookup a fifth of the whole pipeline's time.
    """

    def __init__(self, lexicons: dict[str, list[Entry]]) -> None:
        self.lexicons = lexicons
        # token hash (a lower-case form, or an ORTH) -> the patterns anchored on it
        self._by_lower: dict[int, list[_Pattern]] = {}
        self._by_orth: dict[int, list[_Pattern]] = {}
        order = 0
        for name, entries in lexicons.items():
            for entry in entries:
                for tokens in term_patterns(entry):
                    slots = tuple(_slot(t) for t in tokens)
                    anchor = next(
                        k for k, sl in enumerate(slots) if sl.lowers is not None or sl.orth
                    )
                    pattern = _Pattern(order, name, entry, slots, anchor)
                    sl = slots[anchor]
                    if sl.lowers is not None:
                        for h in sl.lowers:
                            self._by_lower.setdefault(h, []).append(pattern)
                    else:
                        self._by_orth.setdefault(sl.orth, []).append(pattern)  # type: ignore[arg-type]
                order += 1

    def __call__(self, doc: Doc) -> dict[str, list[Match]]:
        """Return the matches in ``doc`` by lexicon name, longest first among overlaps.

        Within one lexicon, a match contained in a longer one is dropped ("it appears" inside
        "it appears that").
        """
        from spacy.attrs import IS_ALPHA, LOWER, ORTH, TAG

        cols = doc.to_array([LOWER, ORTH, IS_ALPHA, TAG]).T.tolist() if len(doc) else [[]] * 4
        lowers, orths, alphas, tags = cols
        n = len(lowers)
        hits: set[tuple[int, int, int]] = set()  # (order, start, end), one per entry and span
        found: list[tuple[int, int, int, _Pattern]] = []
        by_lower, by_orth = self._by_lower, self._by_orth
        for i in range(n):
            candidates = by_lower.get(lowers[i])
            orth_candidates = by_orth.get(orths[i])
            if orth_candidates:
                candidates = (candidates or []) + orth_candidates
            if not candidates:
                continue
            for pattern in candidates:
                start = i - pattern.anchor
                end = start + len(pattern.slots)
                if start < 0 or end > n:
                    continue
                if all(
                    (sl.lowers is None or lowers[k] in sl.lowers)
                    and (sl.orth is None or orths[k] == sl.orth)
                    and (sl.lowers is not None or sl.orth is not None or alphas[k])
                    and (sl.tag is None or tags[k] == sl.tag)
                    for k, sl in zip(range(start, end), pattern.slots, strict=True)
                ):
                    key = (pattern.order, start, end)
                    if key not in hits:
                        hits.add(key)
                        found.append((start, end, pattern.order, pattern))
        found.sort(key=lambda f: f[:3])  # a Matcher's order among equal spans: pattern order
        out: dict[str, list[Match]] = {name: [] for name in self.lexicons}
        for start, end, _, pattern in found:
            out[pattern.lexicon].append(Match(pattern.lexicon, pattern.entry, start, end))
        return {name: _drop_nested(matches) for name, matches in out.items()}


def _drop_nested(matches: list[Match]) -> list[Match]:
    """Return the matches not contained in a longer one, in text order."""
    ordered = sorted(matches, key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Match] = []
    reach = -1  # the furthest end of a kept match; every kept match starts before m
    for m in ordered:
        if m.end <= reach:
            continue
        out.append(m)
        reach = max(reach, m.end)
    return out
