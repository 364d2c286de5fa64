"""The verdict: is one article a copy of another, of which kind, and which came first?

A pair proposed by the index is a copy when a monotone chain of similar sentences covers
most of the smaller article (``COVER``) with a good mean similarity (``MEAN_SIM``), and
the names and numbers come in the same order (``ORDER``). Independent reports of the same
story fail here even when they share quotes and names: their shared sentences are a few,
scattered, and in another order; the rest of each report is its own writing.

Kinds, from the copy's point of view (the later of the two):

* ``verbatim``: the same sentences, word for word (a new headline, footer or share
  lines around them do not count);
* ``light_edit``: mostly the same sentences, some words changed, some dropped;
* ``excerpt``: the same sentences as a part of the other (under ``EXCERPT`` of it);
* ``rewrite``: the same facts in the same order, sentence by sentence, in other words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .align import Alignment, Pair, align, order_agreement
from .fingerprint import Fingerprint

#: Share of the smaller article's words that the alignment must cover.
COVER = 0.7
#: Word-weighted mean similarity of the aligned sentence pairs.
MEAN_SIM = 0.5
#: Share of the smaller article's anchors found in the same order in the other.
ORDER = 0.6
#: A partial copy (under ``PARTIAL`` of the larger article aligned: an excerpt) must be
#: this similar: an excerpt copies sentences, while a few loosely similar sentences in a
#: long article (a live blog, a round-up) are common talk.
PARTIAL = 0.3
PARTIAL_SIM = 0.75
#: Fewest aligned sentences for a link (one shared sentence is a quote, not a copy).
MIN_PAIRS = 3
#: An aligned pair this similar counts as the same sentence (light edit, excerpt); this
#: similar, as an unchanged one (verbatim).
SAME = 0.9
EXACT = 0.98
#: Share of both texts in same sentences for ``verbatim``; of the copy for an excerpt or
#: a light edit.
VERBATIM = 0.9
LIGHT = 0.6
#: An excerpt covers less than this share of the other article.
EXCERPT = 0.7

KINDS = ("verbatim", "light_edit", "excerpt", "rewrite")


@dataclass(frozen=True, slots=True)
class Dated:
    """What decides which of two articles is the earlier: publication date, then ingest
    order (undated articles count as later than dated ones)."""

    published: dt.date | None
    order: int

    def key(self) -> tuple[dt.date, int]:
        """Return the sort key: earlier first."""
        return (self.published or dt.date.max, self.order)


@dataclass(frozen=True, slots=True)
class Verdict:
    """``copy`` is a copy of ``original`` (the earlier), of ``kind``, with ``score``.

    ``pairs`` are the aligned sentences as ``Pair(a=copy sentence, b=original sentence)``.
    """

    copy: str
    original: str
    kind: str
    score: float
    pairs: tuple[Pair, ...]
    cover_copy: float
    cover_original: float
    order: float


def measures(fa: Fingerprint, fb: Fingerprint) -> tuple[Alignment, float]:
    """Return the alignment of two articles and the order agreement of their anchors."""
    return align(fa, fb), order_agreement(fa.anchors, fb.anchors)


def is_copy(al: Alignment, order: float, small_is_a: bool) -> bool:
    """Return True when an alignment and anchor order make the pair a copy."""
    cover, cover_large = (al.cover_a, al.cover_b) if small_is_a else (al.cover_b, al.cover_a)
    needed = PARTIAL_SIM if cover_large < PARTIAL else MEAN_SIM
    return (
        len(al.pairs) >= MIN_PAIRS and cover >= COVER and al.mean_sim >= needed and order >= ORDER
    )


def score(al: Alignment, order: float, small_is_a: bool) -> float:
    """Return the copy score in [0, 1]: coverage of the smaller article × mean similarity,
    lifted by the order agreement."""
    cover = al.cover_a if small_is_a else al.cover_b
    return round(min(1.0, cover * al.mean_sim * (0.5 + 0.5 * order) * 1.25), 4)


def kind_of(fc: Fingerprint, fo: Fingerprint, pairs: tuple[Pair, ...]) -> str:
    """Return the kind of copy ``fc`` is of ``fo``, given pairs ``(copy, original)``."""
    words_c = sum(s.words for s in fc.sentences) or 1
    words_o = sum(s.words for s in fo.sentences) or 1

    def shares(floor: float) -> tuple[float, float]:
        kept = [p for p in pairs if p.sim >= floor]
        return (sum(fc.sentences[i].words for i in {p.a for p in kept}) / words_c,
                sum(fo.sentences[j].words for j in {p.b for p in kept}) / words_o)  # fmt: skip

    exact_c, exact_o = shares(EXACT)
    if exact_c >= VERBATIM and exact_o >= VERBATIM:
        return "verbatim"
    same_c, _ = shares(SAME)
    shingles = len(fc.shingles & fo.shingles) / max(min(len(fc.shingles), len(fo.shingles)), 1)
    covered_o = sum(fo.sentences[j].words for j in {p.b for p in pairs}) / words_o
    if same_c >= LIGHT and covered_o < EXCERPT:
        return "excerpt"
    if same_c >= LIGHT or shingles >= 0.5:
        return "light_edit"
    return "rewrite"


def verdict(fa: Fingerprint, da: Dated, fb: Fingerprint, db: Dated) -> Verdict | None:
    """Return the verdict on two articles when one is a copy of the other, else None.

    The earlier (``Dated.key``) is the original; the pairs in the verdict are turned so
    that ``a`` indexes the copy's sentences.
    """
    al, order = measures(fa, fb)
    small_is_a = sum(s.words for s in fa.sentences) <= sum(s.words for s in fb.sentences)
    if not is_copy(al, order, small_is_a):
        return None
    s = score(al, order, small_is_a)
    if db.key() <= da.key():
        fc, fo, pairs, cc, co = fa, fb, al.pairs, al.cover_a, al.cover_b
    else:
        fc, fo, cc, co = fb, fa, al.cover_b, al.cover_a
        pairs = tuple(Pair(p.b, p.a, p.sim) for p in al.pairs)
    return Verdict(fc.id, fo.id, kind_of(fc, fo, pairs), s, pairs, round(cc, 4), round(co, 4),
                   round(order, 4))  # fmt: skip
