"""Give each event the place of its clause: a locative phrase on the trigger or in its clause."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..dates.syntax import clause_head, token_at, tree_distance
from ..doccache import sent_start
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


def _located(doc: Doc, trigger: Token, places: list[Place]) -> Iterator[tuple[Place, Token]]:
    """Yield each place of the trigger's sentence that a locative phrase holds, with its
    preposition ("in" of "talks in Geneva")."""
    for place in places:
        token = token_at(doc, place.start, place.end)
        if token is None or sent_start(token) != sent_start(trigger):
            continue
        prep = locative_prep(token)
        if prep is not None:
            yield place, prep


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
    for place, prep in _located(doc, trigger, places):
        attached = prep.head
        if attached.i != trigger.i and clause_head(attached).i != clause:
            continue
        key = (tree_distance(trigger, prep), abs(trigger.i - prep.i), place.id)
        if best is None or key < best:
            best = key
    return best[2] if best else None


#: Types whose own venue is what they act on: a protest, an attack, a curfew "in X" are
#: aimed at X. Talks, agreements and statements merely happen somewhere.
VENUE_RECIPIENT = frozenset({"PROTEST", "ASSAULT", "COERCE"})
#: Arcs that lead from an argument up to its trigger: objects, prepositions, the clauses
#: and modifiers inside them. Not subjects: "rebels in Chad attacked" says who, not whom.
_ARGUMENT_ARCS = frozenset({
    "dobj", "obj", "pobj", "pcomp", "prep", "dative", "xcomp", "acl", "relcl", "compound",
    "amod", "nmod", "appos", "attr", "oprd", "conj", "nsubjpass",
})  # fmt: skip


def _argument_kind(word: Token, trigger: Token) -> str | None:
    """Return how ``word`` hangs under ``trigger``: "venue" (in a locative phrase on the
    trigger: "surrendered in the town of X"), "argument" (in an object or another
    prepositional argument: "a curfew in X", "deploy troops in X"), or None."""
    current = word
    for _ in range(12):
        if current.i == trigger.i:
            return "argument"
        if current.dep_ not in _ARGUMENT_ARCS or current.head.i == current.i:
            return None
        if current.head.i == trigger.i and current.dep_ == "prep":
            return "venue" if current.lower_ in EVENT_PREPS else "argument"
        current = current.head
    return None


#: Prepositions of a trigger that say what it acts on ("the siege of X", "attacks on X").
AIMED_PREPS = frozenset({"of", "on", "against"})


#: Object nouns of a verb that carry its aim: "resumed attacks on X", "began the siege of X".
AIMED_OBJECTS = frozenset({
    "attack", "assault", "offensive", "bombardment", "bombing", "shelling", "strike",
    "airstrike", "raid", "siege", "blockade", "invasion", "occupation", "shell",
})  # fmt: skip
#: Prepositions that name the recipient of some event types: "sent aid to Gaza", "fired
#: rockets at Ashkelon". Elsewhere "to" is a destination ("moved troops to the border").
RECIPIENT_PREPS: dict[str, frozenset[str]] = {
    "AID": frozenset({"to"}),
    "ASSAULT": frozenset({"at"}),
    "RETREAT": frozenset({"from"}),  # "withdrew its forces from Rafah"
}


def _object_place(token: Token, trigger: Token, plover: str = "") -> bool:
    """Return True when the place ``token`` is what the trigger acts on.

    "shelled Kherson", "overran the city of El Fasher", "the shelling of Kherson",
    "attacks on the port of Odesa": the object, or an "of"/"on"/"against" noun of the
    trigger or of its attack-noun object ("resumed attacks on X"), or the recipient
    preposition of its type ("aid to Gaza"), through names and "of" ("districts of X");
    "a convoy from Poland" is not aimed at Poland.
    """
    current = token
    for _ in range(8):
        dep, head = current.dep_, current.head
        if dep in ("dobj", "obj", "nsubjpass") and head.i == trigger.i:
            return True
        if dep == "pobj":
            holder = head.head  # what the preposition hangs on
            on_trigger = holder.i == trigger.i
            if head.lower_ in AIMED_PREPS and (
                on_trigger  # an event noun's "of" noun, "attacks on X": "the siege of X"
                or (  # "resumed attacks on Kharkiv", "stepped up the shelling of X"
                    holder.dep_ in ("dobj", "obj")
                    and holder.head.i == trigger.i
                    and holder.lemma_.lower() in AIMED_OBJECTS
                )
            ):
                return True
            if head.lower_ in RECIPIENT_PREPS.get(plover, ()) and (
                on_trigger or holder.head.i == trigger.i
            ):
                return True  # "aid to Gaza", "provided aid to Gaza", "fired rockets at X"
        if dep in ("compound", "appos", "conj", "amod", "nmod"):
            current = head
        elif dep == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
            current = head.head  # "districts of Kherson"
        else:
            return False
    return False


def recipient_place(doc: Doc, event: Event, places: list[Place]) -> Place | None:
    """Return the place an event with no named recipient is aimed at, or None.

    "imposed a curfew on the town in northern Iraq", "refused to deploy troops in Iraq":
    the locative phrase sits inside the event's object or another prepositional argument.
    A protest, an attack or a coercion is also aimed at its venue ("protested in Kharkiv",
    "fired at targets in Kharkiv"); a surrender or a signing in a town only happens there.
    A place that is the event's object ("shelled Kherson", "overran the city of X") is
    aimed at too.
    The place must lie in a known country; the nearest one in the parse wins. The
    recipient is then the place's country (its territory and people), not an actor:
    ``target`` stays null and ``target_code`` is the country code.
    """
    if event.target is not None or event.target_code is not None:
        return None
    trigger = token_at(doc, event.trigger.start, event.trigger.end)
    if trigger is None:
        return None
    best: tuple[int, int, Place] | None = None
    for place in places:
        if place.country is None:
            continue
        token = token_at(doc, place.start, place.end)
        if token is None or sent_start(token) != sent_start(trigger):
            continue
        prep = locative_prep(token)
        if prep is None:
            if not _object_place(token, trigger, event.plover):
                continue
            prep = token  # "shelled Kherson", "the shelling of the city of Kherson"
        else:
            kind = "venue" if prep.head.i == trigger.i else _argument_kind(prep.head, trigger)
            if kind is None or (kind == "venue" and event.plover not in VENUE_RECIPIENT):
                continue
        key = (tree_distance(trigger, prep), abs(trigger.i - prep.i))
        if best is None or key < best[:2]:
            best = (*key, place)
    return best[2] if best else None
