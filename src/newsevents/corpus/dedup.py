"""Near-duplicates: copies, lightly edited copies and copies wrapped in other boilerplate.

Each article becomes a set of word 5-shingles. MinHash LSH Ensemble (datasketch) finds
candidate pairs by *containment* (how much of the smaller text lies inside the other),
not only by Jaccard: a wire story republished inside a page with its own header, links
and footer keeps a high containment while its Jaccard similarity falls with every word of
wrapping. Candidates are then checked on the exact shingle sets. Copies form groups; in
each group the earliest known article (publication date, then ingest order) is the
original, and every other member records it as its ``original_id``.

Independent reports of the same story share names and a few quotes, but few 5-word
runs: their containment stays far below the threshold (the benchmark measures it).

Boilerplate that one site puts around all its articles (a newsletter footer, a menu)
would make two different short articles from that site look like copies of each other.
So shingles found in many articles (more than ``FREQUENT`` of them) are set aside when
two articles are compared, as long as each keeps ``MIN_CONTENT`` shingles of its own; a
wire story copied many times has only frequent shingles and is compared whole.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

#: Words per shingle: long enough that independent reports rarely share one by chance.
SHINGLE_WORDS = 5
#: Share of the smaller article's shingles found in the other: at or above, a copy.
CONTAINMENT = 0.5
#: Articles shorter than this many shingles need a near-total overlap to count as copies.
SHORT = 20
SHORT_CONTAINMENT = 0.9
NUM_PERM = 128
#: A shingle in more articles than this is treated as boilerplate when comparing two.
FREQUENT = 4
#: Shingles of its own an article must keep for the boilerplate-free comparison.
MIN_CONTENT = 10

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class DedupDoc:
    """An article as dedup sees it: its id, text, date and ingest order."""

    id: str
    text: str
    published: dt.date | None = None
    order: int = 0


@dataclass(frozen=True, slots=True)
class DuplicateLink:
    """``article_id`` is a copy of ``original_id`` (the earliest known source)."""

    article_id: str
    original_id: str
    containment: float
    jaccard: float


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Return the set of lower-cased ``size``-word shingles of ``text``."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def overlap(a: set[str], b: set[str]) -> tuple[float, float]:
    """Return (containment of the smaller set in the other, Jaccard) of two shingle sets."""
    if not a or not b:
        return 0.0, 0.0
    common = len(a & b)
    return common / min(len(a), len(b)), common / len(a | b)


def is_copy(containment: float, smaller: int) -> bool:
    """Return True when a pair with this containment (smaller set size) is a copy."""
    needed = SHORT_CONTAINMENT if smaller < SHORT else CONTAINMENT
    return containment >= needed


def candidate_pairs(sets: Sequence[set[str]], threshold: float = CONTAINMENT
                    ) -> set[tuple[int, int]]:  # fmt: skip
    """Return index pairs ``(i, j)``, i < j, whose estimated containment may pass.

    Uses MinHash LSH Ensemble with a threshold a little below the final one, so that
    estimation error costs a few extra exact checks rather than missed copies.
    """
    from datasketch import MinHash, MinHashLSHEnsemble

    hashes: list[MinHash | None] = []
    for s in sets:
        if not s:
            hashes.append(None)
            continue
        m = MinHash(num_perm=NUM_PERM)
        m.update_batch([x.encode("utf-8") for x in s])
        hashes.append(m)
    entries = [(i, m, len(sets[i])) for i, m in enumerate(hashes) if m is not None]
    if len(entries) < 2:
        return set()
    lsh = MinHashLSHEnsemble(threshold=max(threshold - 0.15, 0.1), num_perm=NUM_PERM,
                             num_part=8)  # fmt: skip
    lsh.index(entries)
    pairs: set[tuple[int, int]] = set()
    for i, m, size in entries:
        for j in lsh.query(m, size):
            if j != i:
                pairs.add((min(i, int(j)), max(i, int(j))))
    return pairs


def find_duplicates(docs: Sequence[DedupDoc]) -> list[DuplicateLink]:
    """Return one link per copy: the copy and the earliest known article of its group.

    Articles with no copy get no link (each is its own original).
    """
    sets = [shingles(d.text) for d in docs]
    df = Counter(x for s in sets for x in s)
    common = {x for x, n in df.items() if n > FREQUENT}
    own = [s - common for s in sets]
    parent = list(range(len(docs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def compare(i: int, j: int) -> tuple[float, float, int]:
        a, b = (own[i], own[j]) if min(len(own[i]), len(own[j])) >= MIN_CONTENT else (
            sets[i], sets[j])
        c, jac = overlap(a, b)
        return c, jac, min(len(a), len(b))

    for i, j in candidate_pairs(sets):
        containment, _, smaller = compare(i, j)
        if is_copy(containment, smaller):
            parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(docs)):
        groups.setdefault(root(i), []).append(i)
    links: list[DuplicateLink] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        first = min(members, key=lambda k: _age(docs[k]))
        for k in members:
            if k != first:
                c, jac, _ = compare(k, first)
                links.append(DuplicateLink(docs[k].id, docs[first].id, round(c, 4),
                                           round(jac, 4)))  # fmt: skip
    links.sort(key=lambda link: (link.original_id, link.article_id))
    return links


def _age(doc: DedupDoc) -> tuple[dt.date, int, str]:
    # Undated articles sort last: a dated copy is better evidence of who was first.
    return (doc.published or dt.date.max, doc.order, doc.id)


def jaccard_only_pairs(sets: Sequence[set[str]], threshold: float = 0.5
                       ) -> set[tuple[int, int]]:  # fmt: skip
    """Return the pairs a Jaccard-only rule (MinHashLSH) would call copies (for comparison)."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    hashes: dict[int, MinHash] = {}
    for i, s in enumerate(sets):
        if s:
            m = MinHash(num_perm=NUM_PERM)
            m.update_batch([x.encode("utf-8") for x in s])
            lsh.insert(i, m)
            hashes[i] = m
    pairs = set()
    for i, m in hashes.items():
        for j in lsh.query(m):
            if j != i and overlap(sets[i], sets[j])[1] >= threshold:
                pairs.add((min(i, j), max(i, j)))
    return pairs


