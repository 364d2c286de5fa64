"""Time the statements step per article, relative to the spaCy parse it follows.

Usage:
    python benchmarks/bench_statements.py [--split test] [--limit 84]

Reads the PolNeAR texts of one split from ../shared/data at run time, parses them with
``nlp.pipe`` (timed), then runs the statements step on every parsed article (timed apart;
the actors step is not run, so speakers stay None: speaker lookup is a few dict and list
scans per statement). Prints milliseconds per article and the step's share of parse time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsevents.config import Config
from newsevents.model import Analysis, Article
from newsevents.normalise import article_id, normalise
from newsevents.parse import load_nlp, sentence_offsets
from newsevents.statements import StatementsStep

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"


def main() -> None:
    """Print the timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    paths = sorted((POLNEAR / args.split / "text").glob("*.txt"))[: args.limit]
    if not paths:
        sys.exit(f"no PolNeAR texts under {POLNEAR / args.split}")
    texts = [normalise(p.read_text(encoding="utf-8")).text for p in paths]
    nlp = load_nlp()
    list(nlp.pipe(texts[:2]))  # warm up
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse = time.perf_counter() - t0
    t1 = time.perf_counter()
    step = StatementsStep(Config())
    load = time.perf_counter() - t1
    found = 0
    t2 = time.perf_counter()
    for text, doc in zip(texts, docs, strict=True):
        analysis = Analysis(article=Article(id=article_id(text), text=text), doc=doc)
        analysis.sentences = sentence_offsets(doc)
        found += len(step(analysis).statements)
    statements = time.perf_counter() - t2
    n = len(texts)
    print(f"PolNeAR {args.split}: {n} articles, {sum(len(d) for d in docs)} tokens")
    print(f"parse       {1000 * parse / n:8.1f} ms/article")
    print(f"statements  {1000 * statements / n:8.1f} ms/article  "
          f"({100 * statements / parse:.1f}% of parse), {found} statements")
    print(f"lexicon load {1000 * load:.1f} ms (once per pipeline)")


if __name__ == "__main__":
    main()
