"""Direct quotes: where the quote marks are, paragraph by paragraph.

Quote marks: “ ” ‘ ’ « » and the straight ``"`` (and ``''``, the double apostrophe some
wires use). A quote never runs over a paragraph break: a quote that goes on over several
paragraphs reopens its mark at each paragraph start ("a paragraph may open a new quote
mark without closing the last"), so each paragraph gives one piece, closed at its end.
"""

from __future__ import annotations

import re

# Openers mapped to the closers that end them. ’ is also an apostrophe: it closes a ‘ only
# when no letter follows it ("‘don’t’" keeps going past "don’t").
_PAIRS = {"“": "”", "«": "»", "‘": "’", '"': '"', "''": "''", "``": "''"}
#: Double quote marks: any one of them may close a quote another one opened (see _closes).
_DOUBLE = frozenset({"“", "”", '"'})
_MARK = re.compile(r"''|``|[“”«»‘’\"]")
_PARAGRAPH = re.compile(r"\n\s*\n")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Return the ``[start, end)`` spans of top-level quotes, marks included, in text order.

    Nested quotes (‘...’ inside “...”) are part of their outer quote. An unclosed quote
    ends at its paragraph's end.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for brk in [*_PARAGRAPH.finditer(text), None]:
        end = brk.start() if brk else len(text)
        spans.extend(_paragraph_quotes(text, start, end))
        if brk:
            start = brk.end()
    return spans


def _paragraph_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    opened: tuple[int, str] | None = None  # (offset, closer wanted)
    for m in _MARK.finditer(text, start, end):
        mark, at = m.group(), m.start()
        if opened is None:
            if mark == "”" and _opens_paragraph(text, start, at, m.end(), end):
                opened = (at, "”")  # typed the wrong way round: ”Fear. I am afraid ...”
                continue
            if mark in ("”", "»", "’"):
                continue  # a stray closer or an apostrophe
            if mark == "‘" and not _opens(text, at, m.end(), end):
                continue
            opened = (at, _PAIRS[mark])
        elif mark == opened[1] or (
            opened[1] in _DOUBLE and mark in _DOUBLE and _closes(text, at, m.end(), end)
        ):
            if mark == "’" and m.end() < end and text[m.end()].isalpha():
                continue  # an apostrophe inside the quote
            out.append((opened[0], m.end()))
            opened = None
    if opened is not None:
        close = end
        while close > opened[0] and text[close - 1].isspace():
            close -= 1
        out.append((opened[0], close))
    return out


def _closes(text: str, at: int, after: int, end: int) -> bool:
    """Return True when a double mark at ``at`` has a closer's shape: right after a word or
    punctuation, before a space, punctuation or the paragraph's end. Typed and converted
    text mixes the marks ("...” opened straight, “... here,“ closed curly the wrong way)."""
    before = text[at - 1] if at > 0 else " "
    nxt = text[after] if after < end else " "
    return not before.isspace() and (nxt.isspace() or (not nxt.isalnum() and nxt not in _DOUBLE))


def _opens_paragraph(text: str, start: int, at: int, after: int, end: int) -> bool:
    """Return True when a closing ” at ``at`` is the first character of its paragraph and
    a letter follows it: a quote opened with the wrong mark, as converted text has it."""
    return not text[start:at].strip() and after < end and text[after].isalpha()


def _opens(text: str, at: int, after: int, end: int) -> bool:
    """Return True when a ‘ at ``at`` opens a quote: at a word start, before a word."""
    before_ok = at == 0 or not text[at - 1].isalnum()
    return before_ok and after < end and not text[after].isspace()


def words_in(text: str, span: tuple[int, int]) -> int:
    """Return the number of words inside a quote span."""
    return len(re.findall(r"\w+", text[span[0] : span[1]]))
