"""The provenance test set, built at run time from real articles (never stored in the repo).

From a folder of PolNeAR texts (``../shared/data/polnear``, with ``metadata.tsv``):

1. the *pool*: every article, less the later member of each pair that is already a
   near-copy inside PolNeAR (updated versions of one story), so that every remaining pair
   of pool articles is independent;
2. one *half* of the pool, by position in the sorted file list (``even`` to tune,
   ``odd`` to report), as the originals;
3. for each original, one copy of one kind, in turn: ``verbatim`` (new headline, source
   and share lines), ``light_edit`` (a paragraph dropped, a few words changed),
   ``excerpt`` (the first or middle third), ``rewrite`` (``Spinner.spin``, sentence by
   sentence), dated the same day or up to two days later, ingested after the originals.

Every other pair is a negative; the pool is full of independent same-day reports of the
same 2016 events (``same_story_pairs`` lists them), the hard negatives.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .fingerprint import Fingerprint, fingerprint
from .links import ProvenanceDoc
from .spin import Spinner, excerpt, light_edit, scramble, verbatim

KINDS = ("verbatim", "light_edit", "excerpt", "rewrite")


@dataclass(frozen=True, slots=True)
class Source:
    """One real article: its file stem, title, body, publisher and date."""

    key: str
    title: str
    body: str
    publisher: str
    published: dt.date | None

    @property
    def text(self) -> str:
        """Return the article as published (title line, blank line, body)."""
        return f"{self.title}\n\n{self.body}"


@dataclass(frozen=True, slots=True)
class TestSet:
    """Documents in ingest order, and the truth: copy id → (original id, kind)."""

    docs: tuple[ProvenanceDoc, ...]
    truth: dict[str, tuple[str, str]]
    originals: int


def read_polnear(root: Path) -> list[Source]:
    """Return every PolNeAR article under ``root`` (``*/text/*.txt``), sorted by file name."""
    meta: dict[str, tuple[str, str]] = {}
    tsv = root / "metadata.tsv"
    if tsv.is_file():
        with tsv.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                meta[row["filename"]] = (row["publisher"], row["publication_date"])
    out = []
    for path in sorted(root.glob("*/text/*.txt"), key=lambda p: p.name):
        text = path.read_text(encoding="utf-8").strip()
        title, _, body = text.partition("\n")
        stem = path.stem.rsplit("_", 1)[0] if path.stem.count("_") > 2 else path.stem
        publisher, date = meta.get(stem, (path.stem.split("_")[0], ""))
        out.append(Source(path.stem, title.strip(), body.strip(), publisher, _date(date, stem)))
    return out


def _date(value: str, stem: str) -> dt.date | None:
    for text in (value, stem.split("_")[1] if stem.count("_") >= 1 else ""):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            continue
    return None


def independent_pool(sources: Sequence[Source]) -> list[Source]:
    """Return ``sources`` less the later member of each near-copy pair and duplicate keys.

    Near-copy: a quarter of either's sampled word 5-grams in the other (PolNeAR holds a
    few updated versions of one story, and wire copies).
    """
    kept: list[Source] = []
    seen: dict[int, int] = {}
    keys: set[str] = set()
    fps: list[Fingerprint] = []
    for src in sources:
        if src.key in keys or len(src.body.split()) < 60:
            continue
        fp = fingerprint(src.key, src.body)
        counts: dict[int, int] = {}
        for h in fp.shingles:
            if h in seen:
                counts[seen[h]] = counts.get(seen[h], 0) + 1
        size = max(len(fp.shingles), 1)
        if any(n / min(size, max(len(fps[k].shingles), 1)) >= 0.25 for k, n in counts.items()):
            continue
        for h in fp.shingles:
            seen.setdefault(h, len(kept))
        keys.add(src.key)
        kept.append(src)
        fps.append(fp)
    return kept


def build(root: Path, half: str = "odd", seed: int = 2016, limit: int | None = None,
          sources: int | None = None, scramble_rate: float = 0.0) -> TestSet:  # fmt: skip
    """Return the test set of one half (``even`` or ``odd``) of the PolNeAR pool.

    ``limit`` keeps only the first originals of the half, ``sources`` reads only the
    first articles (small runs, tests); ``scramble_rate`` > 0 also replaces that share of
    the rewrites' longer lower-case words by random words (``spin.scramble``, a stress test).
    """
    sources_read = read_polnear(root)[:sources]
    # The half is decided by position in the sorted file list, before the pool is
    # filtered: a change in the filter never moves an article to the other half.
    position = {src.key: k for k, src in enumerate(sources_read)}
    pool = independent_pool(sources_read)
    originals = [s for s in pool if (position[s.key] % 2 == 0) == (half == "even")]
    if limit is not None:
        originals = originals[:limit]
    spinner = Spinner()
    rng = random.Random(seed)
    docs = [ProvenanceDoc(s.key, s.text, s.published, k) for k, s in enumerate(originals)]
    truth: dict[str, tuple[str, str]] = {}
    copies: list[ProvenanceDoc] = []
    for k, src in enumerate(originals):
        kind = KINDS[k % len(KINDS)]
        crng = random.Random(rng.randrange(2**32))
        text = make_copy(spinner, src, kind, crng)
        if kind == "rewrite" and scramble_rate > 0:
            text = scramble(text, crng, scramble_rate, list(spinner.synonyms.values()))
        cid = f"{src.key}~{kind}"
        published = src.published + dt.timedelta(days=rng.randrange(3)) if src.published else None
        copies.append(ProvenanceDoc(cid, text, published, 0))
        truth[cid] = (src.key, kind)
    rng.shuffle(copies)
    start = len(docs)
    docs.extend(ProvenanceDoc(c.id, c.text, c.published, start + k) for k, c in enumerate(copies))
    return TestSet(tuple(docs), truth, len(originals))


def make_copy(spinner: Spinner, src: Source, kind: str, rng: random.Random) -> str:
    """Return a copy of ``src`` of ``kind``."""
    if kind == "verbatim":
        return verbatim(src.title, src.body, rng)
    if kind == "light_edit":
        return light_edit(spinner, src.title, src.body, rng)
    if kind == "excerpt":
        return excerpt(src.body, rng)
    spun_title = spinner.words(src.title, rng, rate=1.0)
    body = spinner.spin(src.body, rng.randrange(2**32)).text
    return f"{spun_title}\n\n{body}\n\nSource link\n"


def same_story_pairs(docs: Sequence[ProvenanceDoc], days: int = 1, min_share: float = 0.3
                     ) -> list[tuple[str, str, float]]:  # fmt: skip
    """Return pairs of originals published within ``days`` of each other that share at least
    ``min_share`` of the smaller one's names (independent reports of the same story)."""
    named = []
    for d in docs:
        if "~" in d.id:
            continue
        fp = fingerprint(d.id, d.text)
        names = {a for a in fp.anchors if not a[0].isdigit()}
        named.append((d, names))
    out = []
    for k, (a, na) in enumerate(named):
        for b, nb in named[k + 1 :]:
            if not (a.published and b.published) or abs((a.published - b.published).days) > days:
                continue
            if na and nb:
                share = len(na & nb) / min(len(na), len(nb))
                if share >= min_share:
                    out.append((a.id, b.id, round(share, 3)))
    out.sort(key=lambda t: -t[2])
    return out
