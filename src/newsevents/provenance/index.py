"""Candidate generation: which stored articles could a new one be a copy of?

No all-pairs comparison. Each article contributes a small set of *features*, hashed to
integers: pairs of neighbouring anchors in reading order ("Peskov" near "Kiev", "2014"
near "Crimea": what a rewrite keeps), a consistent sample of its word 5-grams (what a
verbatim or lightly edited copy keeps) and its long quoted strings. An inverted index maps
each feature to the articles that have it. A feature found in more than ``CAP`` articles
says nothing about copying ("Clinton" near "Trump") and is no longer looked up, so the
work per article is bounded by ``features × CAP`` whatever the size of the corpus. The
articles sharing the most features (relative to the smaller feature set) are the
candidates; the detector then confirms or rejects each.
"""

from __future__ import annotations

import zlib
from collections import Counter
from dataclasses import dataclass

from .fingerprint import Fingerprint

#: A feature shared by more articles than this is common talk, not evidence of copying.
CAP = 40
#: Candidates proposed per article at most (the best by shared features).
TOP = 12
#: A candidate shares at least this many features, and this share of the smaller set.
MIN_SHARED = 3
MIN_SHARE = 0.08
#: Anchors this far apart (in the anchor sequence) still make a pair: survives a spinner
#: reordering the clauses inside a sentence.
WINDOW = 2


def _h(text: str) -> int:
    return zlib.crc32(text.encode())


def features(fp: Fingerprint) -> frozenset[int]:
    """Return the hashed index features of a fingerprint (anchor pairs, sampled word
    5-grams, quotes)."""
    out: set[int] = set(fp.shingles)
    anchors = [a for k, a in enumerate(fp.anchors) if k == 0 or a != fp.anchors[k - 1]]
    for k, a in enumerate(anchors):
        for b in anchors[k + 1 : k + 1 + WINDOW]:
            if a != b:
                lo, hi = sorted((a, b))
                out.add(_h(f"p:{lo}|{hi}"))
    out.update(_h(f"q:{q}") for q in fp.quotes)
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stored article that may be related: its id, features shared, share of the smaller
    feature set."""

    id: str
    shared: int
    share: float


class ProvenanceIndex:
    """An inverted index from features to articles, with capped posting lists.

    >>> index = ProvenanceIndex()
    >>> index.add(fp)  # doctest: +SKIP
    >>> index.candidates(other_fp)  # doctest: +SKIP
    """

    def __init__(self, cap: int = CAP, top: int = TOP) -> None:
        self.cap = cap
        self.top = top
        self._ids: list[str] = []
        self._sizes: list[int] = []
        self._postings: dict[int, list[int]] = {}
        #: Feature look-ups made by queries so far (the work measure of the benchmark).
        self.lookups = 0

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, fp: Fingerprint, feats: frozenset[int] | None = None) -> None:
        """Index one article's features (a posting list stops growing at ``cap + 1``)."""
        doc = len(self._ids)
        feats = features(fp) if feats is None else feats
        self._ids.append(fp.id)
        self._sizes.append(len(feats))
        for f in feats:
            posting = self._postings.setdefault(f, [])
            if len(posting) <= self.cap:
                posting.append(doc)

    def candidates(self, fp: Fingerprint, feats: frozenset[int] | None = None
                   ) -> list[Candidate]:  # fmt: skip
        """Return the best candidates for ``fp`` among the indexed articles, best first."""
        feats = features(fp) if feats is None else feats
        if not feats:
            return []
        shared: Counter[int] = Counter()
        for f in feats:
            posting = self._postings.get(f)
            if posting is None or len(posting) > self.cap:
                continue
            self.lookups += len(posting)
            shared.update(posting)
        out = []
        for doc, n in shared.items():
            if self._ids[doc] == fp.id or n < MIN_SHARED:
                continue
            share = n / min(len(feats), self._sizes[doc])
            if share >= MIN_SHARE:
                out.append(Candidate(self._ids[doc], n, round(share, 4)))
        out.sort(key=lambda c: (-c.share, -c.shared, c.id))
        return out[: self.top]
