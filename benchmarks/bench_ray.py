"""Ingest throughput with ``--engine ray`` against ``--engine local``, in the same run.

Usage:
    python benchmarks/bench_ray.py [--limit N] [--workers 1,2] [--chunk-size 4] [--json]
    python benchmarks/bench_ray.py --driver-cost 40    # the driver's own cost per article

Codes the PolNeAR articles (``../shared/data/polnear/*/text/*.txt``, with publisher and
date from ``metadata.tsv``, read at run time) into a fresh DuckDB store per run, with the
local process pool and with Ray actors, at each worker count; local and Ray alternate so
that a noisy neighbour hits both alike. One Ray instance is started on this machine
first (its start-up is reported apart); each Ray run starts its own actors, so loading
the model is inside every run's time, as it is for the local pool's processes.

Reports per run: articles/s over the whole ingest (start-up included), articles/s after
the first batch came back (steady), peak RSS per worker, and Ray's overhead against local
at the same worker count (1 - ray/local). ``--driver-cost`` measures instead what the
driver spends per article whatever the engine (triage, one store write): its inverse is
the most articles per second one driver can feed a cluster (``docs/scale.md``).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from newsevents.corpus.ingest import IngestSummary, ingest
from newsevents.engines import Engine, make_engine
from newsevents.store import open_store

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"


def write_corpus(path: Path, limit: int | None) -> int:
    """Write the PolNeAR articles as JSONL (text, outlet, published, id); return how many."""
    meta: dict[str, dict[str, str]] = {}
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            meta[row["filename"]] = row
    files = sorted(POLNEAR.glob("*/text/*.txt"))[:limit]
    if not files:
        sys.exit(f"PolNeAR texts not found under {POLNEAR}")
    with path.open("w", encoding="utf-8") as out:
        for f in files:
            m = meta.get(f.stem, {})
            record = {
                "id": f"{f.parent.parent.name}/{f.stem}",
                "text": f.read_text(encoding="utf-8"),
                "outlet": m.get("publisher"),
                "published": m.get("publication_date"),
            }
            out.write(json.dumps(record) + "\n")
    return len(files)


def run_once(engine: Engine, corpus: Path, db: Path, chunk_size: int) -> dict[str, Any]:
    """Ingest ``corpus`` into a new store at ``db`` with ``engine``; return the figures."""
    first: list[float] = []
    started = time.perf_counter()

    def note(summary: IngestSummary) -> None:
        if summary.coded and not first:
            first.extend([time.perf_counter(), float(summary.coded)])

    with open_store(db) as store:
        s = ingest([str(corpus)], store, engine=engine, chunk_size=chunk_size,
                   on_progress=note, corpus_pass=False)  # fmt: skip
    total = time.perf_counter() - started
    steady = 0.0
    if first and s.coded > first[1]:
        steady = (s.coded - first[1]) / (started + total - first[0])
    return {
        "engine": engine.name,
        "workers": engine.workers,
        "coded": s.coded,
        "errors": s.errors + s.skipped,
        "seconds": round(total, 1),
        "articles_per_s": round(s.coded / total, 3),
        "steady_articles_per_s": round(steady, 3),
        "first_batch_s": round(first[0] - started, 1) if first else None,
        "peak_rss_mib_per_worker": sorted(round(v) for v in s.peak_rss_mib.values()),
        "db_mib": round(db.stat().st_size / 2**20, 1),
    }


def driver_cost(corpus: Path, n: int, tmp: Path) -> dict[str, float]:
    """Return the driver's own milliseconds per article: reading and triage (the id of the
    normalised text), and writing one coded article to a DuckDB store.

    Codes ``n`` articles once in this process, then writes them into three fresh stores.
    """
    import newsevents
    from newsevents.config import Config
    from newsevents.corpus.ingest import precheck_id
    from newsevents.corpus.sources import Item, read_sources
    from newsevents.pipeline import ArticleInput

    config = Config()
    items = [r for r in read_sources([str(corpus)]) if isinstance(r, Item)]
    t0 = time.perf_counter()
    for item in items:
        precheck_id(item, config)
    triage_ms = 1000 * (time.perf_counter() - t0) / len(items)
    inputs = [ArticleInput(text=it.text, published=it.published, outlet=it.outlet, key=it.key)
              for it in items[:n]]  # fmt: skip
    coded = list(newsevents.analyze_many(inputs, config=config))
    write_s = 0.0
    for i in range(3):
        with open_store(tmp / f"write-{i}.duckdb") as store:
            t0 = time.perf_counter()
            for key, analysis in coded:
                store.write_analysis(analysis, str(key), 1)
            write_s += time.perf_counter() - t0
    return {"triage_ms": round(triage_ms, 2),
            "store_write_ms": round(1000 * write_s / (3 * len(coded)), 2)}  # fmt: skip


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--workers", default="1,2", help="worker counts, comma-separated")
    parser.add_argument("--chunk-size", type=int, default=4)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--driver-cost",
        type=int,
        default=0,
        metavar="N",
        help="instead: the driver's ms per article (triage; store write of N articles)",
    )
    args = parser.parse_args()
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    # Ray runs its workers at nice 15 by default; on a machine shared with other work
    # that alone slows them against the local pool's processes (nice 0).
    os.environ.setdefault("RAY_worker_niceness", "0")
    import ray

    tmp = Path(tempfile.mkdtemp(prefix="bench-ray-"))
    corpus = tmp / "polnear.jsonl"
    n = write_corpus(corpus, args.limit)
    if args.driver_cost:
        print(json.dumps({"articles": n, **driver_cost(corpus, args.driver_cost, tmp)}))
        return
    counts = [int(w) for w in args.workers.split(",")]
    t0 = time.perf_counter()
    ray.init(num_cpus=max(counts), include_dashboard=False, logging_level="WARNING",
             log_to_driver=False)  # fmt: skip
    ray_start = time.perf_counter() - t0
    runs = []
    try:
        for w in counts:
            for name in ("local", "ray"):
                out = str(tmp / f"parquet-{name}-{w}") if name == "ray" else None
                engine = make_engine(name, workers=w, output=out)
                runs.append(run_once(engine, corpus, tmp / f"{name}-{w}.duckdb", args.chunk_size))
                if not args.json:
                    print(json.dumps(runs[-1]), file=sys.stderr)
    finally:
        ray.shutdown()
    by = {(r["engine"], r["workers"]): r for r in runs}
    overhead = {
        str(w): {
            key: round(1 - by["ray", w][key] / by["local", w][key], 3)
            for key in ("articles_per_s", "steady_articles_per_s")
            if by["local", w][key]
        }
        for w in counts
    }
    report = {"articles": n, "cpus": os.cpu_count(), "ray_start_s": round(ray_start, 1),
              "runs": runs, "ray_overhead": overhead}  # fmt: skip
    if args.json:
        print(json.dumps(report))
        return
    print(f"PolNeAR: {n} articles, {os.cpu_count()} CPUs; Ray started in {ray_start:.1f} s")
    print("engine  workers   art/s  steady  first-batch-s  peak-RSS/worker-MiB")
    for r in runs:
        rss = ",".join(str(v) for v in r["peak_rss_mib_per_worker"])
        print(
            f"{r['engine']:7} {r['workers']:7d} {r['articles_per_s']:7.2f} "
            f"{r['steady_articles_per_s']:7.2f} {r['first_batch_s'] or 0:14.1f}  {rss}"
        )
    for w, o in overhead.items():
        figures = ", ".join(f"{k} {v:+.1%}" for k, v in o.items())
        print(f"Ray overhead at {w} worker(s) (1 - ray/local): {figures}")


if __name__ == "__main__":
    main()
