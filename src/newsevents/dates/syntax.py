"""Dependency-tree helpers for the dates and places steps: clauses, tense, tokens at offsets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..doccache import children as doc_children
from ..doccache import memo
from .calendar import Tense

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Verbs whose present tense announces a plan ("talks are scheduled for Tuesday").
PLAN_LEMMAS = frozenset(
    {"expect", "schedule", "plan", "set", "due", "slate", "intend", "aim", "hope", "prepare"}
)
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})


def clause_head(token: Token) -> Token:
    """Return the verb heading ``token``'s clause: itself if a verb, else the nearest verb above.

    A noun with no verb above it (a headline fragment) is its own clause head.
    """
    current = token
    for _ in range(64):  # a parse is a tree; the bound guards against a malformed one
        if current.pos_ in ("VERB", "AUX") and current.dep_ != "aux":
            return current
        if current.head.i == current.i:
            return token if token.pos_ not in ("VERB", "AUX") else current
        current = current.head
    return current


def token_at(doc: Doc, start: int, end: int) -> Token | None:
    """Return the syntactic head of the tokens covering ``[start, end)``, or None if none.

    Memoised per Doc: the dates and places steps look up each event's trigger and each
    date and place once per event.
    """
    store = memo(doc)
    key = ("token_at", start, end)
    if key in store:
        found: Token | None = store[key]
        return found
    span = doc.char_span(start, end, alignment_mode="expand")
    found = None if span is None or len(span) == 0 else span.root
    store[key] = found
    return found


def tree_distance(a: Token, b: Token) -> int:
    """Return the number of dependency arcs between two tokens of one sentence (large if none)."""
    ancestors: dict[int, int] = {a.i: 0}
    for depth, anc in enumerate(a.ancestors, start=1):
        ancestors[anc.i] = depth
    if b.i in ancestors:
        return ancestors[b.i]
    for depth, anc in enumerate(b.ancestors, start=1):
        if anc.i in ancestors:
            return depth + ancestors[anc.i]
    return 1_000


def clause_tense(token: Token) -> Tense:
    """Return the tense of the clause holding ``token``, from the verb's morphology and auxiliaries.

    "will"/"shall", "going to" and planning verbs ("is scheduled", "plans to") make a
    future; a past-tense verb or perfect auxiliary a past; a present-tense verb, a modal or
    an infinitive ("agreed to meet on Tuesday") is present, read as "the nearer one".
    """
    verb = clause_head(token)
    for _ in range(4):
        auxes = [c for c in doc_children(verb) if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in FUTURE_AUX for a in auxes):
            return "future"
        if verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in doc_children(verb)):
            return "future"
        if verb.lemma_ in PLAN_LEMMAS and "Past" not in verb.morph.get("Tense", []):
            return "future"
        if any(a.lemma_ == "have" and a.tag_ in ("VBD", "VBZ", "VBP") for a in auxes):
            return "past"
        if any(a.tag_ == "VBD" for a in auxes) or verb.tag_ == "VBD":
            return "past"
        if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP", "MD") for a in auxes):
            return "present"
        if verb.tag_ == "VB" and any(a.tag_ == "TO" for a in auxes):
            return "present"  # "agreed to meet on Tuesday": after the agreeing; the nearer one
        # An infinitive or participle takes the tense of the clause it hangs from.
        if verb.head.i == verb.i:
            break
        verb = clause_head(verb.head)
    return "past"
