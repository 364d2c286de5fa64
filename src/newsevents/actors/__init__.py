"""The actors step: link actor mentions to the knowledge base, then resolve references.

Modules: ``kb`` (the knowledge base and its indexes), ``match`` (KB names in the text),
``link`` (people, titles, sectors, metonyms, unknown organisations), ``coref`` (pronouns
and definite descriptions), ``refs`` (referents and the ``Actor`` list). See docs/actors.md.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..config import Config
from ..doccache import text as doc_text
from ..errors import NewseventsError
from ..model import Actor, Analysis
from .coref import resolve
from .kb import KnowledgeBase, load_kb
from .link import link
from .refs import build_actors

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ActorsStep", "find_actors", "make_step"]


def find_actors(doc: Doc, kb: KnowledgeBase, published: dt.date | None) -> list[Actor]:
    """Return the actors of a parsed article, ids a1, a2, ... in order of first mention.

    ``published`` dates people's roles (None: each person's latest role).
    """
    text = doc_text(doc)
    linked = link(doc, kb, published, text)
    links = linked.links + resolve(doc, linked, kb, published)
    return [_in_organisation(actor, kb) for actor in build_actors(links, text)]


def _in_organisation(actor: Actor, kb: KnowledgeBase) -> Actor:
    """Return the actor with an organisation's codes when its role is held in one.

    People's roles in international bodies name the body's KB id as their "country"
    ("igo/iaea"): the person then takes the body's CAMEO code and country (a bloc or none),
    not a code glued from the id ("igo/iaeaIGO").
    """
    org = kb.get(actor.country) if actor.country and "/" in actor.country else None
    if org is not None:
        actor.country, actor.cameo = org.country, org.cameo or actor.cameo
    return actor


class ActorsStep:
    """Step `actors`: needs doc; adds actors."""

    name = "actors"
    needs: tuple[str, ...] = ("doc",)
    adds: tuple[str, ...] = ("actors",)

    def __init__(self, config: Config) -> None:
        self.config = config
        self.kb = load_kb(config.kb_files)

    def __call__(self, analysis: Analysis) -> Analysis:
        """Return the analysis with its actors and their mentions."""
        if analysis.doc is None:
            raise NewseventsError("the actors step needs the parsed Doc (analysis.doc)")
        analysis.actors = find_actors(analysis.doc, self.kb, analysis.article.published)
        return analysis


def make_step(config: Config) -> ActorsStep:
    """Return the actors step for ``config``."""
    return ActorsStep(config)
