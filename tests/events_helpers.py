"""Build an Analysis from a sentence we wrote, with actors added by hand.

The events step is tested apart from actor linking: each case names its actors, and
``analysis_with`` adds one Actor with a name mention for every occurrence of each name.
"""

from __future__ import annotations

import re

from newsevents.events import code_events
from newsevents.events.lexicon import load_lexicon
from newsevents.model import Actor, Analysis, Article, Event, Mention
from newsevents.parse import sentence_offsets

LEXICON = load_lexicon()


def analysis_with(nlp, text: str, actors: dict[str, str]) -> Analysis:  # type: ignore[no-untyped-def]
    """Return a parsed Analysis of ``text`` whose actors are ``{name: "RUS GOV"}``."""
    analysis = Analysis(article=Article(id="t", text=text))
    analysis.doc = nlp(text)
    analysis.sentences = sentence_offsets(analysis.doc)
    for n, (name, code) in enumerate(actors.items(), start=1):
        country, _, sector = code.partition(" ")
        mentions = [
            Mention(m.start(), m.end(), m.group(0), "name")
            for m in re.finditer(rf"\b{re.escape(name)}\b", text)
        ]
        analysis.actors.append(
            Actor(f"a{n}", name, "state", country=country, sector=sector or None,
                  mentions=mentions)
        )
    return analysis


def events_of(nlp, text: str, actors: dict[str, str]) -> tuple[Analysis, list[Event]]:  # type: ignore[no-untyped-def]
    """Return the analysis and the events coded for ``text``."""
    analysis = analysis_with(nlp, text, actors)
    return analysis, code_events(analysis, LEXICON)


def triples(analysis: Analysis, events: list[Event]) -> set[tuple[str | None, str, str | None]]:
    """Return ``(source name, PLOVER type, target name)`` for each event."""
    def name(actor_id: str | None) -> str | None:
        actor = analysis.actor(actor_id)
        return actor.name if actor else None

    return {(name(e.source), e.plover, name(e.target)) for e in events}
