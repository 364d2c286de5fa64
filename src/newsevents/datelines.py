"""Datelines: the place, and the agency, that open a news story.

"KHERSON —", "DOHA (Reuters) —", "PORT SUDAN, Sudan (AP) —", "BEIJING, Dec. 1 (Xinhua) --",
"PARIS, Nov 3 -". The place is where the story was filed, never an actor; the agency is a
byline, neither actor nor place. Found over the parse, used by the actors and places steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

DASHES: frozenset[str] = frozenset({"—", "–", "-", "--", "―"})
#: How many tokens a dateline may take before its dash.
MAX_TOKENS = 14


@dataclass(frozen=True, slots=True)
class Dateline:
    """Token indices of one dateline: ``[start, end)`` up to its dash, the
    agency in brackets ``[agency_start, agency_end)`` (equal when there is none)."""

    start: int
    end: int
    agency_start: int
    agency_end: int

    def has_place(self, i: int) -> bool:
        """Return True when token ``i`` is part of the dateline's place or date."""
        return self.start <= i < self.end and not self.agency_start <= i < self.agency_end


def find_datelines(doc: Doc) -> list[Dateline]:
    """Return the datelines of ``doc``: a paragraph opening with a word in capitals."""
    from .doccache import tokens as doc_tokens  # here: doccache imports this module

    out: list[Dateline] = []
    opens = True  # the previous token held a line break (or there is none)
    for tok in doc_tokens(doc):
        text = tok.text
        if opens and tok.is_alpha and len(text) > 1 and text.isupper():
            found = _dateline_at(doc, tok.i)
            if found is not None:
                out.append(found)
        opens = "\n" in text
    return out


def _dateline_at(doc: Doc, start: int) -> Dateline | None:
    j = start
    while j < len(doc) and doc[j].text.isupper() and doc[j].is_alpha:
        j += 1
    if j >= len(doc) or doc[j].text not in DASHES | {",", "("}:
        return None  # "PUTIN'S PUPPET!": a headline in capitals, no dateline
    agency = (j, j)
    while j < min(len(doc), start + MAX_TOKENS):
        tok = doc[j]
        if tok.text in DASHES:
            return Dateline(start, j, *agency)
        if tok.text == "(":
            close = next((t.i for t in doc[j + 1 : j + 7] if t.text == ")"), None)
            if close is None:
                break
            agency = (j, close + 1)
            j = close + 1
            continue
        if tok.is_space or not (tok.text in (",", ".") or tok.like_num or tok.is_title
                                or tok.is_upper):
            break
        j += 1
    return None  # "NATO, the alliance, said ...": a name in capitals opening a sentence
