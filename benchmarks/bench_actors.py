"""Time the actors step: KB load, one lookup, one search, and linking per article vs the parse.

Usage:
    python benchmarks/bench_actors.py [--split test] [--limit 84]

Reads the PolNeAR texts of one split from ../shared/data at run time (never copied), parses
them with ``nlp.pipe`` (timed), then runs the actors step on every parsed article (timed
apart), and prints milliseconds per article and the step's share of the parse time, with
the knowledge base's size and the time of one exact lookup and one fuzzy search.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsevents.actors import find_actors
from newsevents.actors.kb import load_kb
from newsevents.normalise import normalise
from newsevents.parse import load_nlp

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"


def per_call(fn: object, repeat: int) -> float:
    """Return the mean seconds of ``repeat`` calls of ``fn()``."""
    start = time.perf_counter()
    for _ in range(repeat):
        fn()  # type: ignore[operator]
    return (time.perf_counter() - start) / repeat


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
    start = time.perf_counter()
    kb = load_kb()
    load = time.perf_counter() - start
    lookup = per_call(lambda: kb.lookup("the Kremlin"), 10_000)
    search = per_call(lambda: kb.search("Zelenskyy"), 20)
    fuzzy = per_call(lambda: (kb._fuzzy_seen.clear(), kb.fuzzy("Venezeula")), 200)
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse = time.perf_counter() - start
    start = time.perf_counter()
    found = sum(len(find_actors(doc, kb, None)) for doc in docs)
    linking = time.perf_counter() - start
    n = len(docs)
    counts = kb.counts()
    print(
        f"knowledge base: {counts['states']} states, {counts['organizations']} organisations, "
        f"{counts['groups']} groups, {counts['people']} people, {counts['roles']} roles, "
        f"{counts['names']} names; loaded in {load:.2f} s"
    )
    print(f"lookup  {1e6 * lookup:8.2f} µs (exact)   fuzzy {1e3 * fuzzy:.2f} ms   "
          f"search {1e3 * search:.2f} ms")  # fmt: skip
    print(f"{n} PolNeAR {args.split} articles, {sum(len(d) for d in docs)} tokens, {found} actors")
    print(f"parse   {1000 * parse / n:8.1f} ms/article")
    print(f"actors  {1000 * linking / n:8.2f} ms/article  {linking / parse:6.1%} of parse")


if __name__ == "__main__":
    main()
