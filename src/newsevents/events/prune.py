"""Events that only restate, or set the scene of, an event that governs them in the parse.

Two kinds are dropped once every trigger has been coded:

* a circumstance with nobody linked: "soldiers were killed by a bomb attack by unknown
  gunmen", "two men suspected of blowing up a plane": the governed event links no actor
  at all, while the event above it does; it adds a type and no dyad.
* a restatement: "Arnland attacked Borduria, killing twenty soldiers", "Arnland's raids
  killed three commanders": an event of the same PLOVER type under another one, whose
  actors are all actors of that event; it is the same event told twice.

A governed event with an actor of its own ("suspended flights after Borduria shot down a
helicopter") stays: it is another event, with its own dyad. So does a coordinated one
("rejected the plan and said it opposed the deployment").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from ..model import Event


def _actors(event: Event) -> set[str]:
    """Return the event's actors that say who they are: an actor with no code ("a Skyline
    Airways plane", unknown to the knowledge base) places the event nowhere."""
    return {
        a
        for a, code in ((event.source, event.source_code), (event.target, event.target_code))
        if a is not None and code is not None
    }


def _governors(doc: Doc, head: int) -> list[int]:
    """Return the tokens above ``head`` up to the first coordination ("rejected X and said
    they opposed Y": two events) or the root."""
    out: list[int] = []
    tok = doc[head]
    while tok.dep_ != "conj" and tok.head.i != tok.i:
        tok = tok.head
        out.append(tok.i)
    return out


def redundant(events: Sequence[Event], heads: Sequence[int], doc: Doc) -> set[int]:
    """Return the positions in ``events`` of the events to drop (see the module docstring).

    ``heads[k]`` is the token index of the trigger of ``events[k]``; the events of one
    trigger (one per actor pair) are judged together.
    """
    by_head: dict[int, list[int]] = {}
    for k, head in enumerate(heads):
        by_head.setdefault(head, []).append(k)
    actors = {h: set().union(*(_actors(events[k]) for k in ks)) for h, ks in by_head.items()}
    types = {h: {events[k].plover for k in ks} for h, ks in by_head.items()}
    drop: set[int] = set()
    for head, ks in by_head.items():
        governors = [i for i in _governors(doc, head) if i in by_head]
        if not governors:
            continue
        own = actors[head]
        for k in ks:
            plover = events[k].plover
            circumstance = not own and any(actors[g] for g in governors)
            restated = bool(own) and any(
                plover in types[g] and own <= actors[g] for g in governors
            )
            if circumstance or restated:
                drop.add(k)
    return drop
