"""The statements step. Find attributed statements (issue 4)."""

from __future__ import annotations

from ..config import Config
from ..model import Analysis


class StatementsStep:
    """Step `statements`: needs doc,actors; adds statements."""

    name = "statements"
    needs: tuple[str, ...] = ('doc', 'actors',)
    adds: tuple[str, ...] = ("statements",)

    def __init__(self, config: Config) -> None:
        self.config = config

    def __call__(self, analysis: Analysis) -> Analysis:
        """Return the analysis unchanged: this step is not built yet."""
        return analysis


def make_step(config: Config) -> StatementsStep:
    """Return the statements step for ``config``."""
    return StatementsStep(config)
