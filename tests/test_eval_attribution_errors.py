"""The attribution scorer's error listing: boundary, missed and spurious spans."""

from __future__ import annotations

from newsevents.eval.attribution import SpanError, error_lines, span_errors


def test_eval_attribution_span_errors_kinds() -> None:
    pred = {(0, 4), (10, 20), (40, 45)}
    gold = {(0, 4), (12, 20), (30, 35)}
    assert span_errors(pred, gold) == [
        SpanError("boundary", (10, 20), (12, 20)),
        SpanError("missed", None, (30, 35)),
        SpanError("spurious", (40, 45), None),
    ]


def test_eval_attribution_exact_match_is_no_error() -> None:
    # a prediction next to an exactly matched gold span, overlapping it, is not spurious
    assert span_errors({(0, 4), (2, 6)}, {(0, 4)}) == []


def test_eval_attribution_error_lines() -> None:
    text = "The mayor said on Monday that the bridge will close."
    line = next(error_lines("a1", text, [SpanError("boundary", (10, 14), (10, 24))]))
    name, kind, pred, gold, context = line.split("\t")
    assert (name, kind, pred, gold) == ("a1", "boundary", "said", "said on Monday")
    assert "[[said on Monday]]" in context
