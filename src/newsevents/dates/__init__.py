"""The dates step: normalise time expressions against the publication date, date events (issue 5).

``find`` locates and normalises the expressions (``resolve`` holds the rules, ``calendar``
the arithmetic), ``attach`` gives every event the date of its clause. See
``docs/dates-places.md``.
"""

from __future__ import annotations

from ..config import Config
from ..errors import NewseventsError
from ..model import Analysis, TimeExpr
from .attach import date_for
from .find import Found, find_dates


class DatesStep:
    """Step ``dates``: needs doc, events; adds dates (and each event's ``date``)."""

    name = "dates"
    needs: tuple[str, ...] = ("doc", "events")
    adds: tuple[str, ...] = ("dates",)

    def __init__(self, config: Config) -> None:
        self.config = config

    def __call__(self, analysis: Analysis) -> Analysis:
        """Return the analysis with ``dates`` filled and a ``date`` on every event.

        Raises:
            NewseventsError: the analysis has no parse (the step runs after parsing).
        """
        if analysis.doc is None:
            raise NewseventsError("the dates step needs the spaCy Doc; run it after parsing")
        found = find_dates(analysis.article.text, analysis.doc, analysis.article.published)
        analysis.dates = to_time_exprs(found)
        for event in analysis.events:
            event.date = date_for(
                analysis.doc, event, analysis.dates, analysis.article.published
            )
        return analysis


def to_time_exprs(found: list[Found]) -> list[TimeExpr]:
    """Return the found expressions as TimeExpr records with ids ``t1``, ``t2``, ..."""
    return [
        TimeExpr(f"t{i}", f.start, f.end, f.text, f.resolved.value, f.resolved.precision)
        for i, f in enumerate(found, start=1)
    ]


def make_step(config: Config) -> DatesStep:
    """Return the dates step for ``config``."""
    return DatesStep(config)
