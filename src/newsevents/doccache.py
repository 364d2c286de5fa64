"""Values read from a parsed Doc once and shared by the steps that need them.

spaCy builds a new object at every ``doc[i]``, ``token.sent`` or ``doc.char_span``, and
``token.sent`` walks the sentence boundaries each time; the steps ask for the same ones
many times over (each event against each place and date). ``memo(doc)`` is a dict that
lives as long as ``doc`` is the one being coded in this thread: the pipeline codes one
Doc at a time, so one slot per thread is enough, and it never holds more than one Doc.
Only values that no step changes belong here (the Doc is not modified after parsing).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_slot = threading.local()


def memo(doc: Doc) -> dict[Any, Any]:
    """Return the memo dict of ``doc`` (empty the first time this Doc is seen)."""
    if getattr(_slot, "doc", None) is not doc:
        _slot.doc, _slot.memo = doc, {}
    found: dict[Any, Any] = _slot.memo
    return found


def sent_starts(doc: Doc) -> list[int]:
    """Return, for each token index, the index of the first token of its sentence."""
    store = memo(doc)
    found: list[int] | None = store.get("sent_starts")
    if found is None:
        found = [0] * len(doc)
        for sent in doc.sents:
            found[sent.start : sent.end] = [sent.start] * (sent.end - sent.start)
        store["sent_starts"] = found
    return found


def sent_start(token: Token) -> int:
    """Return the index of the first token of ``token``'s sentence (``token.sent.start``)."""
    return sent_starts(token.doc)[token.i]
