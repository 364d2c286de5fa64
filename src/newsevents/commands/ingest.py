"""``newsevents ingest``: code a corpus into the store, with progress and a summary."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..config import Config
from ..engines import ENGINES
from ..reading import DEFAULT_MAX_BYTES
from ..store import DEFAULT_DB

EXAMPLE = """examples:
  newsevents ingest articles/                       # a folder of .txt/.html files
  newsevents ingest feed.jsonl archive.csv --workers 2 --db corpus.duckdb
  cat scrape.jsonl | newsevents ingest - --db postgresql://me@localhost/news
  newsevents ingest feed.jsonl --engine ray --address auto --output s3://bucket/run1

JSONL keys / CSV columns: text (required), title, url, outlet, published (YYYY-MM-DD), id.
Run it again at any time: articles already stored are not coded again (see docs/ingest.md).
"""


def register(sub: Any) -> None:
    """Add the ``ingest`` subcommand to ``sub``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "ingest",
        help="code a corpus (folders, JSONL, CSV, stdin) into the store",
        description="Code every article of the SOURCEs into the store, in parallel, "
        "skipping articles already stored; then find copies, stories and corpus events.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("sources", nargs="+", metavar="SOURCE",
                   help="folder of .txt/.html, .jsonl or .csv file, or - for JSONL on stdin")
    p.add_argument("--db", default=DEFAULT_DB,
                   help=f"DuckDB file or postgresql:// URL (default {DEFAULT_DB})")
    p.add_argument("--workers", type=int, default=None,
                   help="coding processes (local: default 1, 0 codes in this process) or "
                   "Ray workers (ray: default one per CPU of the cluster)")
    p.add_argument("--engine", choices=ENGINES, default="local",
                   help="where articles are coded: a process pool here (local) or a Ray "
                   "cluster (ray; pip install 'newsevents[ray]'; see docs/scale.md)")
    p.add_argument("--address", default=None,
                   help="ray: the cluster to join, auto or HOST:PORT (default: start Ray "
                   "on this machine)")
    p.add_argument("--output", default=None,
                   help="ray: folder or URL (s3://, gs://, parquet://DIR) for the Parquet "
                   "partitions and the manifest (default: DB.parquet beside a DuckDB file)")
    p.add_argument("--max-retries", type=int, default=2,
                   help="ray: re-submissions of a batch whose worker died (default 2)")
    p.add_argument("--no-load", action="store_true",
                   help="ray: leave the results in --output only, for DuckDB to query in "
                   "place (the store records the run, not the articles)")
    p.add_argument("--chunk-size", type=int, default=None,
                   help="articles per worker task (default 4; ray: 32, one Parquet file "
                   "per table and chunk)")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                   help=f"largest article accepted (default {DEFAULT_MAX_BYTES:,})")
    p.add_argument("--timeout", type=float, default=300.0,
                   help="seconds one article may take before it is given up (default 300)")
    p.add_argument("--no-corpus-pass", action="store_true",
                   help="skip dedup, stories and merging after the ingest")
    p.add_argument("--progress", choices=("auto", "bar", "lines", "none"), default="auto",
                   help="progress display: a bar on a terminal (auto), one line per chunk "
                   "on stderr (lines), or none")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Ingest ``args.sources`` into ``args.db``, print the summary; return the exit code."""
    from ..corpus.ingest import ingest
    from ..corpus.sources import count_records
    from ..engines import default_output, make_engine
    from ..engines.ray_engine import RayEngine
    from ..errors import InputError
    from ..store import open_store
    from .progress import IngestProgress, print_summary

    if args.workers is not None and args.workers < 0:
        raise InputError(f"--workers must be 0 or more, got {args.workers}")
    if args.chunk_size is None:
        args.chunk_size = 32 if args.engine == "ray" else 4
    if args.chunk_size < 1:
        raise InputError(f"--chunk-size must be 1 or more, got {args.chunk_size}")
    config = Config(max_bytes=args.max_bytes)
    mode = args.progress
    if mode == "auto":
        mode = "bar" if sys.stderr.isatty() else "none"
    total = count_records(args.sources) if mode == "bar" else None
    engine = make_engine(
        args.engine, workers=args.workers, config=config, timeout=args.timeout,
        address=args.address, output=args.output or default_output(args.engine, args.db),
        max_retries=args.max_retries, load=not args.no_load,
    )  # fmt: skip
    with open_store(args.db) as store, IngestProgress(mode, total) as progress:
        summary = ingest(
            args.sources, store, workers=engine.workers, config=config,
            chunk_size=args.chunk_size, on_progress=progress.update,
            corpus_pass=not args.no_corpus_pass, timeout=args.timeout, engine=engine,
        )  # fmt: skip
    print_summary(summary, args.db)
    if isinstance(engine, RayEngine):
        print(engine.report())
    return 0
