"""The events step inside the whole pipeline: it runs, its output validates."""

from __future__ import annotations

import newsevents
from newsevents.formats import validate
from newsevents.model import PLOVER_TYPES


def test_events_step_output_validates_on_the_example(example_text: str) -> None:
    analysis = newsevents.analyze(example_text, published="2025-08-12")
    validate(analysis.to_dict())
    assert analysis.events, "the example article reports events"
    for n, ev in enumerate(analysis.events, start=1):
        assert ev.id == f"e{n}"
        assert ev.plover in PLOVER_TYPES
        assert analysis.article.text[ev.trigger.start : ev.trigger.end] == ev.trigger.text
        assert ev.asserted_by == "outlet" or any(s.id == ev.asserted_by for s in analysis.statements)
