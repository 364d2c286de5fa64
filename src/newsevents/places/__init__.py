"""The places step: link place mentions to the gazetteer and locate events (issue 5).

``gazetteer`` builds the name index once per step, ``find`` finds and links the mentions,
``attach`` gives each event the place of its clause. See ``docs/dates-places.md``.
"""

from __future__ import annotations

from ..config import Config
from ..errors import NewseventsError
from ..model import Analysis, Place
from .attach import location_for, recipient_place
from .find import Mention, find_places
from .gazetteer import Gazetteer


class PlacesStep:
    """Step ``places``: needs doc, events; adds places (and each event's ``location``)."""

    name = "places"
    needs: tuple[str, ...] = ("doc", "events")
    adds: tuple[str, ...] = ("places",)

    def __init__(self, config: Config) -> None:
        self.config = config
        self.gazetteer = Gazetteer()

    def __call__(self, analysis: Analysis) -> Analysis:
        """Return the analysis with ``places`` filled and a ``location`` on events that have one.

        Raises:
            NewseventsError: the analysis has no parse (the step runs after parsing).
        """
        if analysis.doc is None:
            raise NewseventsError("the places step needs the spaCy Doc; run it after parsing")
        actor_spans = [(m.start, m.end) for a in analysis.actors for m in a.mentions]
        found = find_places(analysis.article.text, analysis.doc, self.gazetteer, actor_spans)
        analysis.places = to_places(found)
        for event in analysis.events:
            event.location = location_for(analysis.doc, event, analysis.places)
            if event.plover != "CONSULT":  # talks in Geneva are not aimed at Switzerland
                aimed = recipient_place(analysis.doc, event, analysis.places)
                if aimed is not None:
                    event.target_code = aimed.country
        return analysis


def to_places(found: list[Mention]) -> list[Place]:
    """Return the mentions as Place records with ids ``p1``, ``p2``, ..."""
    return [
        Place(
            f"p{i}", m.start, m.end, m.text, m.entry.name, m.entry.kind, m.entry.country,
            m.entry.latitude, m.entry.longitude, m.entry.geonames_id,
        )
        for i, m in enumerate(found, start=1)
    ]


def make_step(config: Config) -> PlacesStep:
    """Return the places step for ``config``."""
    return PlacesStep(config)
