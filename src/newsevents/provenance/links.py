"""Provenance over a corpus: index every article, confirm the candidates, keep one source.

Articles are fingerprinted and indexed in ingest order. Each article asks the index for
candidates among the articles before it; every candidate pair gets a verdict; each copy
keeps its best-scoring earlier source. The work per article is bounded (the index caps
its look-ups and candidates), so a corpus of n articles costs O(n).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from .detect import Dated, Verdict, verdict
from .fingerprint import Coded, Fingerprint, fingerprint
from .index import ProvenanceIndex, features


@dataclass(frozen=True, slots=True)
class ProvenanceDoc:
    """An article as provenance reads it.

    ``order`` is its ingest order (the tie-break when dates are equal or missing);
    ``sentences`` the parse's sentence spans and ``coded`` its statements and events,
    when known (both optional).
    """

    id: str
    text: str
    published: dt.date | None = None
    order: int = 0
    sentences: tuple[tuple[int, int], ...] | None = None
    coded: tuple[Coded, ...] = ()


@dataclass(slots=True)
class LinkStats:
    """Work done: articles, candidate pairs checked, index look-ups, copies found."""

    articles: int = 0
    candidates: int = 0
    lookups: int = 0
    links: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def fingerprint_doc(doc: ProvenanceDoc) -> Fingerprint:
    """Return the fingerprint of one document."""
    return fingerprint(doc.id, doc.text, doc.sentences, doc.coded)


def find_links(docs: Sequence[ProvenanceDoc], stats: LinkStats | None = None,
               index: ProvenanceIndex | None = None) -> list[Verdict]:  # fmt: skip
    """Return one verdict per copy in ``docs``: the copy and its best earlier source.

    Articles with no copy relation get nothing. ``stats``, when given, is filled with the
    work done.
    """
    stats = stats if stats is not None else LinkStats()
    index = index if index is not None else ProvenanceIndex()
    t0 = time.perf_counter()
    fps = {d.id: fingerprint_doc(d) for d in docs}
    t1 = time.perf_counter()
    dated = {d.id: Dated(d.published, d.order) for d in docs}
    pairs: list[tuple[str, str]] = []
    for d in sorted(docs, key=lambda d: d.order):
        fp = fps[d.id]
        feats = features(fp)
        pairs.extend((d.id, c.id) for c in index.candidates(fp, feats))
        index.add(fp, feats)
    t2 = time.perf_counter()
    best = best_sources(
        (verdict(fps[a], dated[a], fps[b], dated[b]) for a, b in pairs),
        lambda aid: dated[aid].key(),
    )
    t3 = time.perf_counter()
    stats.articles += len(docs)
    stats.candidates += len(pairs)
    stats.lookups += index.lookups
    stats.links += len(best)
    stats.seconds = {"fingerprint": t1 - t0, "candidates": t2 - t1, "verify": t3 - t2}
    return best


#: Sources scoring within this of a copy's best are as good: the earliest of them wins
#: (a copy of a verbatim copy is a copy of the original).
TIE = 0.05


def best_sources(verdicts: Iterable[Verdict | None],
                 age: Callable[[str], tuple[dt.date, int]]) -> list[Verdict]:  # fmt: skip
    """Return, for each copy, its source: the earliest (``age``) of those scoring within
    ``TIE`` of its best; sorted by ``(original, copy)``."""
    by_copy: dict[str, list[Verdict]] = {}
    for v in verdicts:
        if v is not None:
            by_copy.setdefault(v.copy, []).append(v)
    out = []
    for found in by_copy.values():
        top = max(v.score for v in found)
        near = [v for v in found if v.score >= top - TIE]
        out.append(min(near, key=lambda v: (age(v.original), -v.score, v.original)))
    return sorted(out, key=lambda v: (v.original, v.copy))
