"""The events step's actor lookup answers exactly as ``Analysis.actor_at``."""

from __future__ import annotations

from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from events_helpers import analysis_with
from newsevents.events.parties import ActorFinder

TEXT = (
    "Russia and Ukraine held talks in Ankara, and Russian officials said Ukraine's "
    "government must accept the Turkish plan before Russia withdraws."
)
ACTORS = {"Russia": "RUS", "Ukraine": "UKR", "Russian officials": "RUS GOV", "Turkish": "TUR"}


@cache
def _analysis(nlp):  # type: ignore[no-untyped-def]
    return analysis_with(nlp, TEXT, ACTORS)  # parsed once: the spans vary, not the text


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(TEXT)), st.integers(1, 40))
def test_finder_matches_actor_at(nlp, start: int, width: int) -> None:  # type: ignore[no-untyped-def]
    analysis = _analysis(nlp)
    finder = ActorFinder(analysis)
    end = min(len(TEXT), start + width)
    assert finder.at(start, end) is analysis.actor_at(start, end)
