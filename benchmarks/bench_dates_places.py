"""Time the dates and places steps per article, relative to the spaCy parse they follow.

Usage:
    python benchmarks/bench_dates_places.py [--split test] [--limit 84]

Reads the PolNeAR texts of one split and their publication dates from ../shared/data at
run time, parses them with ``nlp.pipe`` (timed), then runs each step on every parsed
article (timed apart). Prints milliseconds per article and each step's share of the parse
time, the gazetteer build time, and how many expressions and places were found.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
import time
from pathlib import Path

from newsevents.config import Config
from newsevents.dates import DatesStep
from newsevents.model import Analysis, Article
from newsevents.normalise import article_id, normalise
from newsevents.parse import load_nlp, sentence_offsets
from newsevents.places import PlacesStep

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"


def load_split(split: str, limit: int | None) -> list[tuple[str, dt.date | None]]:
    """Return ``(normalised text, publication date)`` of the split's articles, sorted by file."""
    dates: dict[str, dt.date] = {}
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            try:
                dates[row["filename"]] = dt.date.fromisoformat(row["publication_date"])
            except ValueError:
                continue
    paths = sorted((POLNEAR / split / "text").glob("*.txt"))[:limit]
    if not paths:
        sys.exit(f"no PolNeAR texts under {POLNEAR / split}")
    return [
        (normalise(p.read_text(encoding="utf-8")).text, dates.get(p.stem)) for p in paths
    ]


def main() -> None:
    """Print the timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    articles = load_split(args.split, args.limit)
    nlp = load_nlp()
    t0 = time.perf_counter()
    dates_step = DatesStep(Config())
    t1 = time.perf_counter()
    places_step = PlacesStep(Config())
    t2 = time.perf_counter()
    start = time.perf_counter()
    docs = list(nlp.pipe([text for text, _ in articles], batch_size=16))
    parse = time.perf_counter() - start
    timings = {"dates": 0.0, "places": 0.0}
    counts = {"dates": 0, "places": 0}
    for (text, published), doc in zip(articles, docs, strict=True):
        analysis = Analysis(Article(article_id(text), text, published=published), doc=doc)
        analysis.sentences = sentence_offsets(doc)
        for name, step in (("dates", dates_step), ("places", places_step)):
            start = time.perf_counter()
            step(analysis)
            timings[name] += time.perf_counter() - start
        counts["dates"] += len(analysis.dates)
        counts["places"] += len(analysis.places)
    n = len(articles)
    tokens = sum(len(d) for d in docs)
    print(f"{n} PolNeAR {args.split} articles, {tokens} tokens")
    print(f"parse   {1000 * parse / n:8.1f} ms/article")
    for name in ("dates", "places"):
        share = timings[name] / parse
        print(
            f"{name:7} {1000 * timings[name] / n:8.2f} ms/article  {share:6.1%} of parse  "
            f"({counts[name]} found)"
        )
    print(f"build   dates {t1 - t0:.2f} s, places (gazetteer) {t2 - t1:.2f} s, once per process")


if __name__ == "__main__":
    main()
