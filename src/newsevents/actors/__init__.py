"""The actors step. Link actor mentions to the knowledge base (issue 3)."""

from __future__ import annotations

from ..config import Config
from ..model import Analysis


class ActorsStep:
    """Step `actors`: needs doc; adds actors."""

    name = "actors"
    needs: tuple[str, ...] = ('doc',)
    adds: tuple[str, ...] = ("actors",)

    def __init__(self, config: Config) -> None:
        self.config = config

    def __call__(self, analysis: Analysis) -> Analysis:
        """Return the analysis unchanged: this step is not built yet."""
        return analysis


def make_step(config: Config) -> ActorsStep:
    """Return the actors step for ``config``."""
    return ActorsStep(config)
