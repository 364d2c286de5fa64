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
    slot = _slot
    if getattr(slot, "doc", None) is not doc:
        slot.doc, slot.memo = doc, {}
    found: dict[Any, Any] = slot.memo
    return found


def sents(doc: Doc) -> list[Span]:
    """Return ``list(doc.sents)``, built once (each ``doc.sents`` walks every token again)."""
    store = memo(doc)
    found: list[Span] | None = store.get("sents")
    if found is None:
        found = store["sents"] = list(doc.sents)
    return found


def text(doc: Doc) -> str:
    """Return ``doc.text``, joined once (spaCy joins every token's text at each access).

    The pipeline seeds it with the article text the Doc was parsed from (``remember_text``).
    """
    store = memo(doc)
    found: str | None = store.get("text")
    if found is None:
        found = store["text"] = doc.text
    return found


def remember_text(doc: Doc, source: str) -> None:
    """Record ``source`` as ``doc``'s text: a Doc's text is the string it was parsed from."""
    memo(doc)["text"] = source


def ents(doc: Doc) -> tuple[Span, ...]:
    """Return ``doc.ents``, built once (each access builds every entity Span again)."""
    store = memo(doc)
    found: tuple[Span, ...] | None = store.get("ents")
    if found is None:
        found = store["ents"] = tuple(doc.ents)
    return found


def sent_starts(doc: Doc) -> list[int]:
    """Return, for each token index, the index of the first token of its sentence."""
    store = memo(doc)
    found: list[int] | None = store.get("sent_starts")
    if found is None:
        starts = [sent.start for sent in sents(doc)]
        found = store["sent_starts"] = [starts[n] for n in _sentence_numbers(doc)]
    return found


def _sentence_numbers(doc: Doc) -> list[int]:
    """Return, for each token index, the number of its sentence in ``sents(doc)``."""
    store = memo(doc)
    found: list[int] | None = store.get("sent_of")
    if found is None:
        found = [0] * len(doc)
        for n, sent in enumerate(sents(doc)):
            found[sent.start : sent.end] = [n] * (sent.end - sent.start)
        store["sent_of"] = found
    return found


def sentence(doc: Doc, i: int) -> Span:
    """Return the sentence of token ``i`` (``doc[i].sent``, which walks the boundaries)."""
    return sents(doc)[_sentence_numbers(doc)[i]]


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


def heads(doc: Doc) -> list[int]:
    """Return, for each token index, the index of its head (``token.head.i``), built once:
    each ``token.head`` builds a new Token."""
    store = memo(doc)
    found: list[int] | None = store.get("heads")
    if found is None:
        from spacy.attrs import HEAD

        # relative offsets, stored unsigned: int64 gives the negative ones back
        rel = doc.to_array([HEAD]).astype("int64").tolist() if len(doc) else []
        found = store["heads"] = [i + offset for i, offset in enumerate(rel)]
    return found


def deps(doc: Doc) -> list[str]:
    """Return each token's dependency label (``token.dep_``), read once per Doc."""
    store = memo(doc)
    found: list[str] | None = store.get("deps")
    if found is None:
        found = store["deps"] = [t.dep_ for t in tokens(doc)]
    return found


def children(token: Token) -> list[Token]:
    """Return ``token.children`` (left to right), from lists built once per Doc."""
    doc = token.doc
    store = memo(doc)
    kids: list[list[Token]] | None = store.get("children")
    if kids is None:
        toks = tokens(doc)
        kids = [[] for _ in toks]
        for i, head in enumerate(heads(doc)):
            if head != i:  # the root is its own head, no child of itself
                kids[head].append(toks[i])
        store["children"] = kids
    return kids[token.i]


def datelines(doc: Doc) -> list[Dateline]:
    """Return ``find_datelines(doc)``, found once per Doc for the actors and places steps."""
    store = memo(doc)
    found: list[Dateline] | None = store.get("datelines")
    if found is None:
        found = store["datelines"] = find_datelines(doc)
    return list(found)
