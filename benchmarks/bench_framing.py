"""Time the framing step per article, relative to the spaCy parse it follows (issue 9).

Usage:
    python benchmarks/bench_framing.py [--split test] [--limit 84]

Reads the PolNeAR texts of one split from ../shared/data at run time, parses them with
``nlp.pipe`` (timed), then runs the framing step on every parsed article (timed apart; the
step is built and warmed up first, as a pipeline builds it once). Prints milliseconds per
article, the step's share of the parse time (the bar: at most 10%), and how many frames of
each kind were found.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from newsevents.config import Config
from newsevents.framing import FramingStep
from newsevents.model import Analysis, Article
from newsevents.normalise import normalise
from newsevents.parse import load_nlp, sentence_offsets

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=("train", "dev", "test"))
    parser.add_argument("--limit", type=int, default=84)
    args = parser.parse_args()
    paths = sorted((POLNEAR / args.split / "text").glob("*.txt"))[: args.limit]
    if not paths:
        print(f"no PolNeAR texts under {POLNEAR / args.split}", file=sys.stderr)
        return 1
    texts = [normalise(p.read_text(encoding="utf-8")).text for p in paths]
    nlp = load_nlp()
    built = time.perf_counter()
    step = FramingStep(Config())
    built = time.perf_counter() - built
    list(nlp.pipe(["Warm-up sentence."]))
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse = time.perf_counter() - started
    step(_analysis(nlp("The regime may fall."), "The regime may fall."))  # warm-up
    kinds: Counter[str] = Counter()
    framing = 0.0
    for text, doc in zip(texts, docs, strict=True):
        analysis = _analysis(doc, text)
        t = time.perf_counter()
        step(analysis)
        framing += time.perf_counter() - t
        kinds.update(f.kind for f in analysis.framing)
    n = len(texts)
    print(f"{n} PolNeAR {args.split} articles, {sum(len(d) for d in docs)} tokens")
    print(f"step build (lexicons + model): {built * 1000:.0f} ms, once")
    print(f"parse:   {parse / n * 1000:7.1f} ms/article")
    print(f"framing: {framing / n * 1000:7.1f} ms/article = {framing / parse:.1%} of the parse")
    print("frames: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    return 0


def _analysis(doc, text: str) -> Analysis:  # type: ignore[no-untyped-def]
    analysis = Analysis(article=Article(id="bench", text=text))
    analysis.doc = doc
    analysis.sentences = sentence_offsets(doc)
    return analysis


if __name__ == "__main__":
    sys.exit(main())
