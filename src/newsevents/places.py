"""The places step. Link place mentions to the gazetteer and locate events (issue 5)."""

from __future__ import annotations

from .config import Config
from .model import Analysis


class PlacesStep:
    """Step `places`: needs doc,events; adds places."""

    name = "places"
    needs: tuple[str, ...] = ('doc', 'events',)
    adds: tuple[str, ...] = ("places",)

    def __init__(self, config: Config) -> None:
        self.config = config

    def __call__(self, analysis: Analysis) -> Analysis:
        """Return the analysis unchanged: this step is not built yet."""
        return analysis


def make_step(config: Config) -> PlacesStep:
    """Return the places step for ``config``."""
    return PlacesStep(config)
