"""The events step. Code PLOVER/CAMEO events (issue 5)."""

from __future__ import annotations

from ..config import Config
from ..model import Analysis


class EventsStep:
    """Step `events`: needs doc,actors,statements; adds events."""

    name = "events"
    needs: tuple[str, ...] = ('doc', 'actors', 'statements',)
    adds: tuple[str, ...] = ("events",)

    def __init__(self, config: Config) -> None:
        self.config = config

    def __call__(self, analysis: Analysis) -> Analysis:
        """Return the analysis unchanged: this step is not built yet."""
        return analysis


def make_step(config: Config) -> EventsStep:
    """Return the events step for ``config``."""
    return EventsStep(config)
