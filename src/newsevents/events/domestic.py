"""Domestic events: the recipient or actor the text leaves unnamed is the actor's own country.

CAMEO codes a government's coercion of its own people, its concessions to them, a police
force's violence and a protest inside one country with that country on both sides
("Turkish authorities imposed a curfew" → TUR → TUR; "students demonstrated against the
government" → the students' country → the government). When the text names no
recipient (and no place the event is aimed at, which comes first: ``places``), these
read the missing side as the country itself:

* a coercion (curfew, arrest, ban; not a seizure) or a concession (lifting it, releasing
  someone), by an actor of a country, with no recipient: aimed at that country;
* violence by a police force with no recipient: aimed at its own country;
* a protest with no recipient is aimed at its protesters' own country; one with no
  named actor (crowds, "students") is made by the people of the country it is aimed at.

The inferred side is a country code only (``target_code`` / ``source_code`` with a null
``target`` / ``source``), like a place recipient: no actor is invented.
"""

from __future__ import annotations

from ..model import Actor, Event

#: Types that act on the actor's own society when they name no one else.
DOMESTIC_TYPES = frozenset({"COERCE", "CONCEDE", "PROTEST"})
#: Modes that take something rather than restrict people: a seizure or occupation is
#: as likely abroad ("retook a village") as at home.
FOREIGN_MODES = frozenset({"seize", "cyber"})
#: Sectors whose violence is domestic when it names no victim: the police.
DOMESTIC_FORCES = frozenset({"COP"})


def _sector(actor: Actor) -> str | None:
    if actor.sector:
        return actor.sector
    if actor.cameo and actor.country and actor.cameo.startswith(actor.country):
        return actor.cameo[len(actor.country) :][:3] or None
    return None


def domestic_target(event: Event, source: Actor | None) -> str | None:
    """Return the country an event with no recipient is aimed at inside its actor's country.

    None when the event has a recipient or a place recipient, when its actor belongs to no
    country (an international body), or when its type is not domestic by default.
    """
    if event.target is not None or event.target_code is not None or source is None:
        return None
    if not source.country:
        return None
    if event.plover in DOMESTIC_TYPES and event.plover_mode not in FOREIGN_MODES:
        return source.country
    if event.plover == "ASSAULT" and _sector(source) in DOMESTIC_FORCES:
        return source.country
    return None


def domestic_source(event: Event, target: Actor | None) -> str | None:
    """Return the country whose people make a protest that names no actor of its own.

    "Tens of thousands of students demonstrated against the government" (the government
    of Arnland): the protesters are Arnland's. The recipient is an actor or a place.
    """
    if event.plover != "PROTEST" or event.source is not None or event.source_code is not None:
        return None
    if target is not None:
        return target.country or None
    return event.target_code[:3] if event.target_code else None
