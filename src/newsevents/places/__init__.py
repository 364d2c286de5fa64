"""The places step: link place mentions to the gazetteer and locate events (issue 5).

``gazetteer`` builds the name index once per step, ``find`` finds and links the mentions,
``attach`` gives each event the place of its clause. See ``docs/dates-places.md``.
"""

from __future__ import annotations

from ..config import Config
from ..errors import NewseventsError
from ..events.domestic import domestic_source, domestic_target
from ..model import Analysis, Event, Place
from .attach import location_for, recipient_place
from .find import Mention, find_places
from .gazetteer import Gazetteer


class PlacesStep:
    """Step ``places``: needs doc, events; adds places (and each event's ``location``).

    It also gives an event the place it is aimed at as its recipient, and a domestic
    event its own country where the text names no one (``events.domestic``).
    """

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
            if not meets(event):  # talks in Geneva are not aimed at Switzerland
                aimed = recipient_place(analysis.doc, event, analysis.places)
                if aimed is not None:
                    event.target_code = aimed.country
            # what the text leaves unnamed in a domestic event is the country itself
            event.source_code = event.source_code or domestic_source(
                event, analysis.actor(event.target)
            )
            event.target_code = event.target_code or domestic_target(
                event, analysis.actor(event.source)
            )
        return analysis


#: CAMEO codes of agreeing to, asking for or refusing a meeting ("agreed to attend talks
#: in Jeddah"): the venue of the talks is no recipient either.
MEETING_CODES = frozenset({"036", "106", "125"})


def meets(event: Event) -> bool:
    """Return True when an event is a meeting, or an agreement to, a request for or a
    refusal of one: its place is where it happens, not whom it is aimed at."""
    return event.plover == "CONSULT" or event.cameo in MEETING_CODES or event.plover_mode == "meet"


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
