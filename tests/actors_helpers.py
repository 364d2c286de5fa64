"""Link actors in a sentence we wrote and find the actor of a mention (the actors tests)."""

from __future__ import annotations

import datetime as dt

from newsevents.actors import find_actors
from newsevents.model import Actor


def actors_of(nlp, kb, text: str, day: dt.date | None = dt.date(2023, 6, 1)) -> list[Actor]:  # type: ignore[no-untyped-def]
    """Return the actors of ``text`` parsed by ``nlp``, roles dated ``day``."""
    return find_actors(nlp(text), kb, day)


def owner(actors: list[Actor], text: str) -> Actor | None:
    """Return the actor with a mention whose text is exactly ``text``."""
    return next((a for a in actors if any(m.text == text for m in a.mentions)), None)
