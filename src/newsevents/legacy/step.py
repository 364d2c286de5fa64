"""The ``legacy`` pipeline step: code events with TABARI/PETRARCH dictionaries (issue 10).

Runs after our own events step. Without a verb dictionary in the Config it does nothing.
With one, the dictionaries' events are added beside ours (an event of the same type on the
same trigger is not added twice), or replace ours with ``legacy_only``. Dictionary actors
are added as actors of their own (their ids continue ours), so that statements keep their
speakers.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from ..config import Config
from ..model import Actor, Analysis, Event
from .coder import LegacyCoder, code_analysis
from .plover import read_cameo_plover
from .readers import load_dictionaries

#: Our copy of the CAMEO -> PLOVER table (scripts/build_cameo_plover.py).
CAMEO_PLOVER = "cameo_plover.txt"


class LegacyStep:
    """Step `legacy`: needs doc, actors, statements, events; adds events (and actors)."""

    name = "legacy"
    needs: tuple[str, ...] = ("doc", "actors", "statements", "events")
    adds: tuple[str, ...] = ("events",)

    def __init__(self, config: Config) -> None:
        self.config = config
        self.coder: LegacyCoder | None = None
        if config.verbs_file is None:
            return
        dictionaries = load_dictionaries(
            config.verbs_file, list(config.actor_dict_files),
            config.agents_file or _empty_agents(), config.discards_file,
        )  # fmt: skip
        table = files("newsevents") / "data" / "lexicons" / CAMEO_PLOVER
        self.coder = LegacyCoder(dictionaries, read_cameo_plover(Path(str(table))))

    def __call__(self, analysis: Analysis) -> Analysis:
        """Return the analysis with the dictionaries' events (and their actors) added."""
        if self.coder is None:
            return analysis
        actors, events = code_analysis(analysis, self.coder)
        attach(analysis, actors, events, replace=self.config.legacy_only)
        return analysis


def attach(analysis: Analysis, actors: list[Actor], events: list[Event], replace: bool) -> None:
    """Add legacy actors and events to ``analysis`` with ids that continue its own."""
    renamed: dict[str, str] = {}
    for actor in actors:
        renamed[actor.id] = actor.id = f"a{len(analysis.actors) + 1}"
        analysis.actors.append(actor)
    kept = [] if replace else list(analysis.events)
    at = {(e.trigger.start, e.plover): i for i, e in enumerate(kept)}
    for ev in events:
        ev.source = renamed.get(ev.source or "", ev.source)
        ev.target = renamed.get(ev.target or "", ev.target)
        covering = analysis.statement_covering(ev.trigger.start, ev.trigger.end)
        ev.asserted_by = covering.id if covering else "outlet"
        same = at.get((ev.trigger.start, ev.plover))
        if same is None:
            at[(ev.trigger.start, ev.plover)] = len(kept)
            kept.append(ev)
        elif _codes(ev) > _codes(kept[same]):  # the same event, with more of its actors
            ev.modality, ev.date, ev.location = (
                kept[same].modality, kept[same].date, kept[same].location,
            )  # fmt: skip
            kept[same] = ev
    for i, ev in enumerate(kept, start=1):
        ev.id = f"e{i}"
    analysis.events = kept


def _codes(event: Event) -> int:
    """Return how many of the event's two actors have a CAMEO code."""
    return (event.source_code is not None) + (event.target_code is not None)


def _empty_agents() -> Path:
    """Return a path to an empty agent dictionary (agents are optional)."""
    return Path(str(files("newsevents") / "data" / "lexicons" / "empty_agents.txt"))


def make_step(config: Config) -> LegacyStep:
    """Return the legacy step for ``config``."""
    return LegacyStep(config)
