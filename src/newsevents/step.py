"""The one shape every pipeline step has.

A step is built once per pipeline from the frozen ``Config`` (it loads its lexicons and
knowledge base then), declares what it ``needs`` and what it ``adds``, and is called on
each Analysis, returning it with its own part added.
"""

from __future__ import annotations

from typing import Protocol

from .config import Config
from .model import Analysis

#: What exists before the first step runs: normalise and parse provide these.
PROVIDED_BY_PARSE: tuple[str, ...] = ("article", "doc", "sentences")


class Step(Protocol):
    """A named pipeline component: ``analysis -> analysis``."""

    name: str
    needs: tuple[str, ...]
    adds: tuple[str, ...]

    def __call__(self, analysis: Analysis) -> Analysis:
        """Return the analysis with this step's findings added."""
        ...


class StepFactory(Protocol):
    """Builds a step from the pipeline's settings."""

    def __call__(self, config: Config) -> Step:
        """Return a ready step."""
        ...
