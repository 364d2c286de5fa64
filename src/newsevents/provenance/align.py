"""Sentence-to-sentence similarity and the monotone alignment of two articles.

A copy, however rewritten, tells the same facts in the same order: its sentences line up
with the original's along a chain that never goes back. Two independent reports of the
same story may share a quote or a name-heavy sentence, but their sentences match in
scattered places and in another order. ``align`` finds the best monotone chain of
sentence pairs (a heaviest increasing chain over the pairs that are similar at all), in
which a sentence may pair with two neighbours on the other side (a spinner splits and
merges sentences).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from .fingerprint import Fingerprint, SentenceFP

#: Weights of the three views of a sentence pair: content-word stems, character 4-grams
#: of the content words, and anchors (names, numbers, coded items).
W_STEMS = 0.4
W_GRAMS = 0.3
W_ANCHORS = 0.3
#: A pair scores below this is not similar at all (no cell in the alignment).
FLOOR = 0.3
#: Pairs sharing fewer content stems than this are never scored (the sparse prefilter).
MIN_SHARED = 2
#: Sets smaller than this get only part of the containment credit.
SHORT = 6


@dataclass(frozen=True, slots=True)
class Pair:
    """Sentence ``a`` of the first article aligned with sentence ``b`` of the second."""

    a: int
    b: int
    sim: float


@dataclass(frozen=True, slots=True)
class Alignment:
    """The best monotone chain of sentence pairs, and how much of each article it covers.

    ``cover_a`` / ``cover_b`` are the shares of each article's words in aligned sentences;
    ``mean_sim`` the word-weighted mean similarity of the aligned pairs.
    """

    pairs: tuple[Pair, ...]
    cover_a: float
    cover_b: float
    mean_sim: float


def _overlap(x: frozenset[str], y: frozenset[str]) -> float:
    """Return the mean of Dice and containment (of the smaller set) of two sets."""
    if not x or not y:
        return 0.0
    common = len(x & y)
    small = min(len(x), len(y))
    # Containment keeps the halves of a split sentence similar to the whole; Dice keeps a
    # short sentence inside a long one from scoring like an equal, and a sentence of a
    # few words gets only part of the containment (two shared names prove nothing).
    dice = 2 * common / (len(x) + len(y))
    return dice + 0.5 * (common / small - dice) * min(1.0, small / SHORT)


def similarity(a: SentenceFP, b: SentenceFP) -> float:
    """Return the similarity of two sentences, in [0, 1]."""
    words = _overlap(a.stems, b.stems)
    grams = _overlap(a.grams, b.grams)
    if not a.anchors and not b.anchors:
        return (W_STEMS * words + W_GRAMS * grams) / (W_STEMS + W_GRAMS)
    anchors = _overlap(frozenset(a.anchors), frozenset(b.anchors))
    return W_STEMS * words + W_GRAMS * grams + W_ANCHORS * anchors


def cells(fa: Fingerprint, fb: Fingerprint, floor: float = FLOOR) -> list[Pair]:
    """Return every sentence pair scoring at least ``floor`` (pairs sharing fewer than
    ``MIN_SHARED`` content stems are not scored), sorted by ``(a, b)``."""
    where: dict[str, list[int]] = {}
    for j, s in enumerate(fb.sentences):
        for w in s.stems:
            where.setdefault(w, []).append(j)
    out: list[Pair] = []
    for i, s in enumerate(fa.sentences):
        shared: dict[int, int] = {}
        for w in s.stems:
            for j in where.get(w, ()):
                shared[j] = shared.get(j, 0) + 1
        for j, n in shared.items():
            if n >= MIN_SHARED:
                sim = similarity(s, fb.sentences[j])
                if sim >= floor:
                    out.append(Pair(i, j, sim))
    out.sort(key=lambda p: (p.a, p.b))
    return out


def chain(pairs: Sequence[Pair], floor: float = FLOOR) -> list[Pair]:
    """Return the heaviest chain of ``pairs`` (sorted by ``(a, b)``) that never goes back.

    A chain may keep ``a`` and advance ``b`` (or the reverse) by one step: a sentence
    split in two, or two merged into one. Each pair weighs ``sim - floor / 2``.
    """
    n = len(pairs)
    best = [0.0] * n
    back = [-1] * n
    for k, p in enumerate(pairs):
        gain = p.sim - floor / 2
        best[k] = gain
        for q in range(k):
            o = pairs[q]
            if o.a > p.a or o.b > p.b or (o.a == p.a and o.b == p.b):
                continue
            if (o.a == p.a and p.b - o.b > 1) or (o.b == p.b and p.a - o.a > 1):
                continue
            if best[q] + gain > best[k]:
                best[k] = best[q] + gain
                back[k] = q
    if not n:
        return []
    k = max(range(n), key=best.__getitem__)
    out: list[Pair] = []
    while k >= 0:
        out.append(pairs[k])
        k = back[k]
    return out[::-1]


def align(fa: Fingerprint, fb: Fingerprint, floor: float = FLOOR) -> Alignment:
    """Return the best monotone alignment of the sentences of two articles."""
    pairs = _thin(cells(fa, fb, floor))
    best = chain(pairs, floor)
    words_a = sum(s.words for s in fa.sentences) or 1
    words_b = sum(s.words for s in fb.sentences) or 1
    in_a = {p.a for p in best}
    in_b = {p.b for p in best}
    cover_a = sum(fa.sentences[i].words for i in in_a) / words_a
    cover_b = sum(fb.sentences[j].words for j in in_b) / words_b
    weight = sum(fa.sentences[p.a].words + fb.sentences[p.b].words for p in best) or 1
    mean = sum(p.sim * (fa.sentences[p.a].words + fb.sentences[p.b].words) for p in best)
    return Alignment(tuple(best), cover_a, cover_b, mean / weight)


#: At most this many candidate cells per sentence enter the chain (the best ones): keeps
#: the quadratic chain search small on long articles with many loose matches.
PER_SENTENCE = 3


def _thin(pairs: list[Pair]) -> list[Pair]:
    by_a: dict[int, list[Pair]] = {}
    for p in pairs:
        by_a.setdefault(p.a, []).append(p)
    kept = [p for group in by_a.values()
            for p in sorted(group, key=lambda p: -p.sim)[:PER_SENTENCE]]  # fmt: skip
    kept.sort(key=lambda p: (p.a, p.b))
    return kept


def order_agreement(a: Sequence[str], b: Sequence[str]) -> float:
    """Return the longest common subsequence of two anchor sequences over the shorter one's
    length (1.0: every anchor of the shorter comes in the same order in the longer)."""
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    positions: dict[str, list[int]] = {}
    for k, x in enumerate(b):
        positions.setdefault(x, []).append(k)
    # Hunt-Szymanski: LCS as a longest increasing subsequence of matching positions.
    tails: list[int] = []
    for x in a:
        for pos in reversed(positions.get(x, ())):
            k = bisect_left(tails, pos)
            if k == len(tails):
                tails.append(pos)
            else:
                tails[k] = pos
    return len(tails) / len(a)
