"""Quote finding: marks, nesting, apostrophes, quotes over several paragraphs."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.statements.quotes import find_quotes


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we will win” today.", ["“we will win”"]),
        ('She said "no deal" twice.', ['"no deal"']),
        ("They chanted «pas de guerre» loudly.", ["«pas de guerre»"]),
        ("“Don’t go,” she said, “it’s late.”", ["“Don’t go,”", "“it’s late.”"]),
        ("The mayor’s office said ‘we’re ready’ on Monday.", ["‘we’re ready’"]),
        ("“He told me ‘never again,’ and left,” she said.", ["“He told me ‘never again,’ and left,”"]),
        # a quote that runs on: the paragraph reopens the mark without closing the last
        ("“First we wait.\n\n“Then we talk,” he said.", ["“First we wait.", "“Then we talk,”"]),
        # mixed double marks: a straight opener closed curly, a curly closer typed as “
        ('"We are ready,” the mayor said.', ['"We are ready,”']),
        ("“It is too late,“ said the coach. “We lost.”", ["“It is too late,“", "“We lost.”"]),
        # a “ before a word still opens: not a closer
        ('He said "no" and “yes” twice.', ['"no"', "“yes”"]),
        ("Nobody's quoting anyone here.", []),
        # a paragraph that opens its quote with a closing mark, as converted text has it;
        # inside a paragraph a lone ” is still a stray closer
        ("Readers wrote in.\n\n”Stop the works. We want the park back.” ― Ana Ruiz",
         ["”Stop the works. We want the park back.”"]),
        ("The word ”park” came up twice.", []),
    ],
)
def test_statements_quotes_found(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@given(st.text(alphabet="ab “”\"‘’'\n«»", max_size=60))
def test_statements_quotes_are_ordered_and_inside(text: str) -> None:
    spans = find_quotes(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
