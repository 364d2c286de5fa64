"""Give each event the place of its clause: a locative phrase on the trigger or in its clause."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..dates.syntax import clause_head, token_at, tree_distance
from ..model import Event, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Prepositions that say where an event happens ("talks in Istanbul", "shelling near
#: Bakhmut"). Not "to"/"from"/"on": "aid to Ukraine", "reparations from Russia" and
#: "sanctions on Russia" name recipients and sources, not locations.
EVENT_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within",
     "along", "off", "into", "beyond", "nearby"}
)  # fmt: skip
#: Nouns whose "of" phrase still locates ("in the port of Odesa", "near the city of Kherson").
_OF_HEADS = frozenset({"port", "city", "town", "village", "region", "province", "outskirts",
                       "suburbs", "centre", "center", "coast", "streets", "district", "area"})


def locative_prep(token: Token) -> Token | None:
    """Return the event preposition whose object holds ``token`` ("in" of "in the Kherson
    region", "in the port of Odesa"), or None."""
    current = token
    for _ in range(6):
        if current.dep_ in ("conj", "compound", "appos", "amod", "nmod"):
            current = current.head
        elif current.dep_ == "pobj" and current.head.lower_ in EVENT_PREPS:
            return current.head
        elif (
            current.dep_ == "pobj" and current.head.lower_ == "of"
            and current.head.head.lower_ in _OF_HEADS
        ):
            current = current.head.head
        else:
            return None
    return None


def location_for(doc: Doc, event: Event, places: list[Place]) -> str | None:
    """Return the id of the place where ``event`` happens, or None.

    A place counts when its locative preposition hangs from the trigger, or from a word
    of the trigger's clause; the one fewest dependency arcs from the trigger wins.
    """
    trigger = token_at(doc, event.trigger.start, event.trigger.end)
    if trigger is None:
        return None
    clause = clause_head(trigger).i
    best: tuple[int, int, str] | None = None
    for place in places:
        token = token_at(doc, place.start, place.end)
        if token is None or token.sent.start != trigger.sent.start:
            continue
        prep = locative_prep(token)
        if prep is None:
            continue
        attached = prep.head
        if attached.i != trigger.i and clause_head(attached).i != clause:
            continue
        key = (tree_distance(trigger, prep), abs(trigger.i - prep.i), place.id)
        if best is None or key < best:
            best = key
    return best[2] if best else None
