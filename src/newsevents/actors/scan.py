"""Fast scans of a parsed doc: which token positions hold words from a word set.

Iterating a spaCy ``Doc`` creates a Python ``Token`` per word, which costs more than
the linking itself on long articles. ``positions`` reads the doc's hash array once
(``Doc.to_array``) and answers per distinct string from a cache that lives as long as
the caller keeps it (one per step instance), so each word is looked at once per corpus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Cache bound: distinct strings seen (a news corpus has a few hundred thousand).
MAX_CACHED = 500_000


class WordScan:
    """Token positions whose ORTH or LOWER string passes ``test``, cached by string hash."""

    def __init__(self, attr: str, test: Callable[[str], bool]) -> None:
        self.attr = attr  # "ORTH" or "LOWER"
        self.test = test
        self._seen: dict[int, bool] = {}

    def positions(self, doc: Doc) -> list[int]:
        """Return the indices of the tokens of ``doc`` whose string passes the test."""
        seen, strings = self._seen, doc.vocab.strings
        out: list[int] = []
        for i, key in enumerate(doc.to_array(self.attr).tolist()):
            hit = seen.get(key)
            if hit is None:
                hit = self.test(strings[key])
                if len(seen) < MAX_CACHED:
                    seen[key] = hit
            if hit:
                out.append(i)
        return out
