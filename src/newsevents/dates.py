"""The dates step: time expressions normalised against the publication date (issue 5)."""

from __future__ import annotations

from .config import Config
from .model import Analysis


class DatesStep:
    """Step `dates`: needs doc,events; adds dates."""

    name = "dates"
    needs: tuple[str, ...] = ('doc', 'events',)
    adds: tuple[str, ...] = ("dates",)

    def __init__(self, config: Config) -> None:
        self.config = config

    def __call__(self, analysis: Analysis) -> Analysis:
        """Return the analysis unchanged: this step is not built yet."""
        return analysis


def make_step(config: Config) -> DatesStep:
    """Return the dates step for ``config``."""
    return DatesStep(config)
