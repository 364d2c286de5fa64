"""Events that only restate, or set the scene of, an event that governs them in the parse.

Two kinds are dropped once every trigger has been coded:

* a circumstance with nobody linked: "soldiers were killed by a bomb attack by unknown
  gunmen", "two men suspected of blowing up a plane": the governed event links no actor
  at all, while the event above it does; it adds a type and no dyad.
* a restatement: "Arnland attacked Borduria, killing twenty soldiers", "Arnland's raids
  killed three commanders": an event of the same PLOVER type under another one, whose
  actors are all actors of that event; it is the same event told twice.

* an event with no recipient told again, with its recipient, by an event it governs: "Tusk
  hit back, branding the threat blackmail" (hit back, and the branding aimed at the one who
  threatened), "Arnland attacked, killing twenty Bordurian soldiers": the same type and
  actor, and the governed one says whom.

* an event with no recipient under an event of the same actor that has one: "will visit
  Borduria to mediate", "rejected the Bordurian plan, urging the counterpart to ...": the
  purpose or manner of the act, told without whom it concerns, adds no dyad.

A governed event with an actor of its own ("suspended flights after Borduria shot down a
helicopter") stays: it is another event, with its own dyad. So does a coordinated one
("rejected the plan and said it opposed the deployment").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

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
    """Return the tokens above ``head`` up to the root, not the ones it is coordinated with.

    "rejected X and said they opposed Y": "said" is not under "rejected", two events; but
    "shelled the town, killing three and wounding eleven": "wounding" is under "shelled"
    as much as "killing" is, so a conjunct's governors are those of its first conjunct.
    """
    out: list[int] = []
    tok = doc[head]
    for _ in range(len(doc)):
        if tok.dep_ == "conj":
            while tok.dep_ == "conj" and tok.head.i != tok.i:
                tok = tok.head  # the first conjunct, itself not a governor
        if tok.head.i == tok.i:
            break
        tok = tok.head
        out.append(tok.i)
    return out


def redundant(
    events: Sequence[Event],
    heads: Sequence[int],
    doc: Doc,
    carriers: Mapping[int, int] | None = None,
) -> set[int]:
    """Return the positions in ``events`` of the events to drop (see the module docstring).

    ``heads[k]`` is the token index of the trigger of ``events[k]``; the events of one
    trigger (one per actor pair) are judged together. ``carriers`` maps a light verb to
    the event noun it carries ("held" → "talks"): what hangs on the verb is under the noun.
    """
    carriers = carriers or {}
    by_head: dict[int, list[int]] = {}
    for k, head in enumerate(heads):
        by_head.setdefault(head, []).append(k)
    actors = {h: set().union(*(_actors(events[k]) for k in ks)) for h, ks in by_head.items()}
    types = {h: {events[k].plover for k in ks} for h, ks in by_head.items()}
    drop: set[int] = set()
    for head, ks in by_head.items():
        above = (carriers.get(i, i) for i in _governors(doc, head))
        governors = [g for g in above if g in by_head and g != head]
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
        for g in governors:
            for kg in by_head[g]:
                if _aimless(events[kg]) and any(
                    events[k].plover == events[kg].plover
                    and events[k].source == events[kg].source
                    and not _aimless(events[k])
                    for k in ks
                    if k not in drop
                ):
                    drop.add(kg)  # the governed event says whom it is aimed at
            if any(
                events[kg].source == events[k].source and not _aimless(events[kg])
                for k in ks
                for kg in by_head[g]
                if events[k].source is not None
            ):
                drop.update(k for k in ks if _aimless(events[k]))  # its purpose or manner
    return drop


def _aimless(event: Event) -> bool:
    """Return True when an event has a source and no recipient at all."""
    return event.source is not None and event.target is None and event.target_code is None
