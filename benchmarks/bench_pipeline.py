"""Whole-pipeline throughput against bare spaCy ``nlp.pipe``, measured in the same run.

Usage:
    python benchmarks/bench_pipeline.py [--n 200] [--corpus synthetic|polnear] [--repeat 2]

Prints articles/s for bare ``nlp.pipe`` (the baseline) and for ``newsevents.analyze_many``,
their ratio (the target is >= 0.8), the time each step adds per article, and peak RSS.
Runs alternate baseline and pipeline so that a noisy neighbour hits both alike.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import newsevents
from corpus import polnear_articles, synthetic_articles
from newsevents.parse import PARAGRAPH_COMPONENT, REPAIR_COMPONENT, load_nlp
from newsevents.pipeline import ArticleInput, get_pipeline


def peak_rss_mib() -> float:
    """Return this process's peak resident set size in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_baseline(texts: list[str], batch_size: int) -> float:
    """Return seconds for bare ``nlp.pipe`` over the normalised texts.

    Bare: spaCy's own components only; our two (paragraph breaks, parse repairs) are part
    of the pipeline's cost, not of the baseline's.
    """
    nlp = load_nlp()
    with nlp.select_pipes(disable=[PARAGRAPH_COMPONENT, REPAIR_COMPONENT]):
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
        return time.perf_counter() - start


def time_pipeline(texts: list[str], batch_size: int) -> tuple[float, dict[str, float]]:
    """Return seconds for the whole pipeline and seconds spent in each step."""
    pipeline = get_pipeline()
    per_step = {step.name: 0.0 for step in pipeline.steps}
    originals = list(pipeline.steps)

    def timed(step):  # type: ignore[no-untyped-def]
        def call(analysis):  # type: ignore[no-untyped-def]
            t0 = time.perf_counter()
            try:
                return step(analysis)
            finally:
                per_step[step.name] += time.perf_counter() - t0

        call.name, call.needs, call.adds = step.name, step.needs, step.adds  # type: ignore[attr-defined]
        return call

    pipeline.steps = [timed(s) for s in originals]
    try:
        start = time.perf_counter()
        for _ in newsevents.analyze_many(
            [ArticleInput(t, key=i) for i, t in enumerate(texts)], batch_size=batch_size
        ):
            pass
        return time.perf_counter() - start, per_step
    finally:
        pipeline.steps = originals


def main() -> None:
    """Run the benchmark and print its report (and JSON with --json)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--n", type=int, default=200, help="number of articles (default 200)")
    ap.add_argument("--corpus", choices=("synthetic", "polnear"), default="synthetic")
    ap.add_argument("--repeat", type=int, default=2, help="alternating rounds (best is kept)")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()

    raw = synthetic_articles(args.n) if args.corpus == "synthetic" else polnear_articles(args.n)
    pipeline = get_pipeline()
    texts = [pipeline.prepare(ArticleInput(t)).article.text for t in raw]  # baseline parses
    chars = sum(map(len, texts))
    load_nlp()
    rss_loaded = peak_rss_mib()
    # warm up both paths (model caches, lexicons) on a few articles
    time_baseline(texts[:5], args.batch_size)
    time_pipeline(texts[:5], args.batch_size)

    base_best, pipe_best, steps_best = float("inf"), float("inf"), {}
    for _ in range(args.repeat):
        base_best = min(base_best, time_baseline(texts, args.batch_size))
        elapsed, steps = time_pipeline(texts, args.batch_size)
        if elapsed < pipe_best:
            pipe_best, steps_best = elapsed, steps
    ratio = base_best / pipe_best
    report = {
        "articles": len(texts),
        "characters": chars,
        "corpus": args.corpus,
        "baseline_articles_per_s": round(len(texts) / base_best, 2),
        "pipeline_articles_per_s": round(len(texts) / pipe_best, 2),
        "throughput_ratio": round(ratio, 3),
        "ms_per_article_by_step": {
            k: round(1000 * v / len(texts), 2) for k, v in steps_best.items()
        },
        "step_share_of_parse": {k: round(v / base_best, 3) for k, v in steps_best.items()},
        # the steps' own time over the bare parse: steadier on a shared machine than the
        # ratio of two wall-clock bests (it leaves out normalising and any slower parse)
        "ratio_from_step_time": round(base_best / (base_best + sum(steps_best.values())), 3),
        "peak_rss_mib": round(peak_rss_mib(), 1),
        "rss_after_model_load_mib": round(rss_loaded, 1),
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"corpus: {args.corpus}, {len(texts)} articles, {chars:,} characters")
    print(f"bare nlp.pipe:   {report['baseline_articles_per_s']:8.2f} articles/s")
    print(f"whole pipeline:  {report['pipeline_articles_per_s']:8.2f} articles/s")
    print(f"ratio (pipeline / bare spaCy): {ratio:.3f}   (target >= 0.8)")
    print(f"ratio from the steps' own time: {report['ratio_from_step_time']:.3f}")
    for name, ms in report["ms_per_article_by_step"].items():  # type: ignore[union-attr]
        share = report["step_share_of_parse"][name]  # type: ignore[index]
        print(f"  {name:<11} {ms:7.2f} ms/article  ({100 * share:5.1f}% of parse time)")
    print(f"peak RSS: {report['peak_rss_mib']} MiB (after model load: {rss_loaded:.0f} MiB)")


if __name__ == "__main__":
    main()
