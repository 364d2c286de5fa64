"""Time the events step against the parse on the benchmark corpus (PolNeAR test texts).

Usage:
    python benchmarks/bench_events.py [--split test] [--limit 84]

Reads the PolNeAR texts of one split from ../shared/data at run time (never copied), parses
them with ``nlp.pipe`` (timed), runs the steps before events (actors, statements) untimed,
then the events step alone (timed), and prints milliseconds per article, the step's share
of the parse time and the number of events coded.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsevents.config import Config
from newsevents.events import make_step
from newsevents.model import Analysis, Article
from newsevents.normalise import normalise
from newsevents.parse import load_nlp, sentence_offsets
from newsevents.pipeline import STEPS

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"


def main() -> None:
    """Print the timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    files = sorted((POLNEAR / args.split / "text").glob("*.txt"))[: args.limit]
    texts = [normalise(f.read_text(encoding="utf-8")).text for f in files]
    nlp = load_nlp()
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse_s = time.perf_counter() - start
    config = Config(check_language=False)
    before = [factory(config) for name, factory in STEPS if name in ("actors", "statements")]
    events = make_step(config)
    analyses = []
    for n, (text, doc) in enumerate(zip(texts, docs, strict=True)):
        analysis = Analysis(article=Article(id=str(n), text=text), doc=doc)
        analysis.sentences = sentence_offsets(doc)
        for step in before:
            analysis = step(analysis)
        analyses.append(analysis)
    start = time.perf_counter()
    coded = sum(len(events(a).events) for a in analyses)
    events_s = time.perf_counter() - start
    n = len(texts)
    print(f"articles: {n}  tokens: {sum(len(d) for d in docs)}  events: {coded}")
    print(f"parse:  {1000 * parse_s / n:7.1f} ms/article")
    share = 100 * events_s / parse_s
    print(f"events: {1000 * events_s / n:7.1f} ms/article  ({share:.1f}% of parse)")


if __name__ == "__main__":
    main()
