"""Find knowledge-base names in a parsed text: the longest match at each capitalised token.

A dictionary lookup per candidate n-gram, pruned by the set of first words the knowledge
base knows, so the cost grows with the number of capitalised tokens, not with the size of
the knowledge base.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..doccache import tokens
from .kb import Entry, KnowledgeBase, Surface

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Which reading of an ambiguous name wins: a state's name beats a person's surname.
VIA_RANK: dict[str, int] = {
    "name": 0, "alias": 1, "metonym": 2, "demonym": 3, "region": 4, "surname": 5,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Match:
    """Tokens ``[start, end)`` of the doc that name ``entry`` by ``surface``."""

    start: int
    end: int
    entry: Entry
    surface: Surface
    surface_text: str = ""
    confidence: float = 1.0

    @property
    def via(self) -> str:
        """Return how the tokens name the entry (name, alias, metonym, demonym, ...)."""
        return self.surface.via


def find_matches(
    doc: Doc, kb: KnowledgeBase, day: dt.date | None, text: str | None = None
) -> list[Match]:
    """Return the knowledge-base matches of ``doc``, left to right, never overlapping.

    ``text`` is ``doc.text`` when the caller has it (spaCy rebuilds it at each access).
    """
    out: list[Match] = []
    text = doc.text if text is None else text
    toks = tokens(doc)
    n = len(toks)
    for i in kb.first_word_scan.positions(doc):
        if out and i < out[-1].end:
            continue
        tok = toks[i]
        found = None
        for length in range(min(kb.max_words, n - i), 0, -1):
            last = toks[i + length - 1]
            if length > 1 and (last.is_space or last.is_punct):
                continue
            surfaces = kb.lookup(text[tok.idx : last.idx + len(last.text)])
            if surfaces:
                surface = choose(surfaces, kb, day)
                if surface is not None:
                    name = text[tok.idx : last.idx + len(last.text)]
                    found = Match(i, i + length, kb.entries[surface.entry_id], surface, name)
                    break
        if found is not None:
            out.append(found)
    return out


def choose(surfaces: list[Surface], kb: KnowledgeBase, day: dt.date | None) -> Surface | None:
    """Return the best reading of a name, or None when it is an ambiguous surname.

    A surname shared by several people resolves to the one holding a role on ``day``
    (the only one, else none).
    """
    best = min(surfaces, key=lambda s: VIA_RANK[s.via])
    if best.via != "surname":
        return best
    people = [s for s in surfaces if s.via == "surname"]
    if len(people) == 1:
        return people[0]
    current = [s for s in people if kb.entries[s.entry_id].role_on(day) is not None]
    return current[0] if len(current) == 1 else None
