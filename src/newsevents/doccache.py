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

from .datelines import Dateline, find_datelines

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_slot = threading.local()


def memo(doc: Doc) -> dict[Any, Any]:
    """Return the memo dict of ``doc`` (empty the first time this Doc is seen)."""
    if getattr(_slot, "doc", None) is not doc:
        _slot.doc, _slot.memo = doc, {}
    found: dict[Any, Any] = _slot.memo
    return found


def sents(doc: Doc) -> list[Span]:
    """Return ``list(doc.sents)``, built once (each ``doc.sents`` walks every token again)."""
    store = memo(doc)
    found: list[Span] | None = store.get("sents")
    if found is None:
        found = store["sents"] = list(doc.sents)
    return found


def sent_starts(doc: Doc) -> list[int]:
    """Return, for each token index, the index of the first token of its sentence."""
    store = memo(doc)
    found: list[int] | None = store.get("sent_starts")
    if found is None:
        found = [0] * len(doc)
        for sent in sents(doc):
            found[sent.start : sent.end] = [sent.start] * (sent.end - sent.start)
        store["sent_starts"] = found
    return found


def sent_start(token: Token) -> int:
    """Return the index of the first token of ``token``'s sentence (``token.sent.start``)."""
    return sent_starts(token.doc)[token.i]


def tokens(doc: Doc) -> list[Token]:
    """Return the Doc's tokens as one list, built once (``for t in doc`` builds new ones)."""
    store = memo(doc)
    found: list[Token] | None = store.get("tokens")
    if found is None:
        found = store["tokens"] = list(doc)
    return found


def children(token: Token) -> list[Token]:
    """Return ``token.children`` (left to right), from lists built once per Doc."""
    doc = token.doc
    store = memo(doc)
    kids: list[list[Token]] | None = store.get("children")
    if kids is None:
        from spacy.attrs import HEAD

        toks = tokens(doc)
        kids = [[] for _ in toks]
        # relative offsets, stored unsigned: int64 gives the negative ones back
        heads = doc.to_array([HEAD]).astype("int64").tolist() if toks else []
        for i, offset in enumerate(heads):
            if offset:  # the root is its own head, no child of itself
                kids[i + offset].append(toks[i])
        store["children"] = kids
    return kids[token.i]


def datelines(doc: Doc) -> list[Dateline]:
    """Return ``find_datelines(doc)``, found once per Doc for the actors and places steps."""
    store = memo(doc)
    found: list[Dateline] | None = store.get("datelines")
    if found is None:
        found = store["datelines"] = find_datelines(doc)
    return list(found)
