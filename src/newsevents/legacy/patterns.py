"""Verb patterns over a dependency-parsed sentence.

A pattern's words after ``*`` are looked for left to right among the words that follow
the verb inside its clause (the verb's subtree); its words before ``*`` right to left
among the words before the verb in the sentence. ``_``-joined elements must be adjacent,
blank-joined ones may have other words between them. ``$``, ``+`` and ``%`` take the
noun phrase (with its conjuncts) at that place, if it has an actor code; ``^`` skips one
base noun phrase (spaCy's noun chunks).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .nps import SentenceActors, owner
from .verbdict import Element, VerbPattern

if TYPE_CHECKING:
    from spacy.tokens import Token

NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "DET", "ADJ", "X"})


@dataclass(slots=True)
class Hit:
    """What a matched pattern says about the event's actors (phrase heads)."""

    source: Token | None = None
    target: Token | None = None
    compound: Token | None = None
    consumed: set[int] = field(default_factory=set)


@dataclass(slots=True)
class VerbContext:
    """Where a verb's patterns are matched: word ranges and lookups of one sentence."""

    actors: SentenceActors
    synsets: dict[str, tuple[tuple[str, ...], ...]]
    verb_first: int  # first and last word of the verb (a multi-word verb spans several)
    verb_last: int
    post_end: int  # last word index a pattern may use after the verb
    chunk_of_word: dict[int, tuple[int, int]]  # word → (first, last) word of its noun chunk


def conj_root(tok: Token) -> Token:
    """Return the first conjunct of the coordination ``tok`` is in."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def match(pattern: VerbPattern, ctx: VerbContext) -> Hit | None:
    """Return the slots of ``pattern`` if it matches around the verb, else None."""
    hit = Hit()
    if not _side(pattern.after, 0, ctx.verb_last + 1, +1, ctx, hit, True):
        return None
    before = tuple(reversed(pattern.before))
    if not _side(before, 0, ctx.verb_first - 1, -1, ctx, hit, True):
        return None
    return hit


def _side(
    elems: Sequence[Element],
    k: int,
    cursor: int,
    step: int,
    ctx: VerbContext,
    hit: Hit,
    first: bool,
) -> bool:
    """Match ``elems[k:]`` from word ``cursor`` in direction ``step``; fill ``hit``."""
    if k == len(elems):
        return True
    elem = elems[k]
    # Before the verb an element is tight towards its right neighbour, which is the one
    # matched just before it (elems are reversed there); after it, towards its left one.
    tight = elem.tight
    limit = ctx.post_end if step > 0 else 0
    positions = (
        [cursor]
        if tight
        else list(range(cursor, limit + 1))
        if step > 0
        else list(range(cursor, limit - 1, -1))
    )
    for at in positions:
        if not 0 <= at < len(ctx.actors.words) or (step > 0 and at > ctx.post_end):
            break
        got = _consume(elem, at, step, ctx)
        if got is None:
            continue
        nxt, head = got
        saved = (hit.source, hit.target, hit.compound)
        if head is not None:
            setattr(hit, elem.kind, head)
        if _side(elems, k + 1, nxt, step, ctx, hit, False):
            return True
        hit.source, hit.target, hit.compound = saved
    return False


def _consume(
    elem: Element, at: int, step: int, ctx: VerbContext
) -> tuple[int, Token | None] | None:
    """Return (next cursor, slot head) if ``elem`` matches at word ``at``, else None."""
    words = ctx.actors.words
    if elem.kind == "word":
        return (at + step, None) if words[at].text == elem.value else None
    if elem.kind == "synset":
        for phrase in sorted(ctx.synsets.get(elem.value, ()), key=len, reverse=True):
            lo = at if step > 0 else at - len(phrase) + 1
            if lo < 0 or lo + len(phrase) > len(words):
                continue
            if tuple(w.text for w in words[lo : lo + len(phrase)]) == phrase:
                return (lo + len(phrase) if step > 0 else lo - 1, None)
        return None
    doc = ctx.actors.sent.doc
    tok = doc[words[at].start]
    if elem.kind == "skip":
        chunk = ctx.chunk_of_word.get(at)
        if chunk is None:
            return None
        return (chunk[1] + 1 if step > 0 else chunk[0] - 1, None)
    if tok.pos_ not in NOMINAL:
        return None
    head = conj_root(owner(tok))
    if not ctx.actors.group_codes(head):
        return None
    lo_tok = min(t.i for t in head.subtree)
    hi_tok = max(t.i for t in head.subtree)
    word_of = ctx.actors.word_of_token
    if step > 0:
        return (word_of.get(hi_tok, at) + 1, head)
    return (word_of.get(lo_tok, at) - 1, head)
