"""The framing step. Flag loaded terms, editorial sentences and hedges (issue 9)."""

from __future__ import annotations

from ..config import Config
from ..model import Analysis


class FramingStep:
    """Step `framing`: needs doc,statements,events; adds framing."""

    name = "framing"
    needs: tuple[str, ...] = ('doc', 'statements', 'events',)
    adds: tuple[str, ...] = ("framing",)

    def __init__(self, config: Config) -> None:
        self.config = config

    def __call__(self, analysis: Analysis) -> Analysis:
        """Return the analysis unchanged: this step is not built yet."""
        return analysis


def make_step(config: Config) -> FramingStep:
    """Return the framing step for ``config``."""
    return FramingStep(config)
