"""The pattern guards of date finding: a skipped pattern is one that could not have matched."""

from __future__ import annotations

import pytest

from newsevents.dates import find


def _unguarded(text: str) -> set[tuple[int, int]]:
    return {m.span("x") for p in find.PATTERNS for m in p.finditer(text)}


def _guarded(text: str) -> set[tuple[int, int]]:
    lowered, seen = text.translate(find._FOLD).lower(), {}  # type: ignore[var-annotated]
    return {
        m.span("x")
        for p, needs in zip(find.PATTERNS, find._NEEDS, strict=True)
        if find._may_match(needs, text, lowered, seen)
        for m in p.finditer(text)
    }


@pytest.mark.parametrize(
    "text",
    [
        "The envoys met on Tuesday, March 3, 2021, and again three weeks later.",
        "Talks begin in mid-June; the treaty of the early 1990s ends at the end of 2030.",
        "The ceasefire held through the summer of 2019 and since 2014 nothing moved.",
        "YESTERDAY the minister spoke; THIS EVENING the cabinet meets, the same year.",
        "The deal was signed on 2022-05-17 by the delegates, a decade ago.",
        "Troops left in \u0661\u0669\u0669\u0660 and the envoy came last \u017fpring.",
        "Nothing here names a time at all, only a market and a decision.",
    ],
)
def test_guards_skip_only_patterns_that_cannot_match(text: str) -> None:
    assert _guarded(text) == _unguarded(text)


def test_a_text_without_digits_skips_the_numeric_patterns() -> None:
    text = "The minister said the talks would go on."
    lowered, seen = text.lower(), {}  # type: ignore[var-annotated]
    run = [find._may_match(n, text, lowered, seen) for n in find._NEEDS]
    assert not any(run[i] for i in (0, 1, 2, 10, 11, 12, 13))
