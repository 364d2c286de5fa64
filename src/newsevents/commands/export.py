"""``newsevents export``: write corpus events (or events, articles) as JSONL, CSV, Parquet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..store import DEFAULT_DB

EXAMPLE = """examples:
  newsevents export --format parquet --output events.parquet
  newsevents export --format csv --style gdelt > gdelt-events.csv
  newsevents export --format jsonl --what evidence --db corpus.duckdb

One row per distinct corpus event, with its number of reports beside it
(column layouts: docs/ingest.md).
"""


def register(sub: Any) -> None:
    """Add the ``export`` subcommand to ``sub``."""
    from ..exporters import FORMATS, STYLES, WHAT

    p: argparse.ArgumentParser = sub.add_parser(
        "export", help="export corpus events as JSONL, CSV or Parquet (GDELT/POLECAT layouts)",
        description="Export the store: corpus events (default), article events, evidence "
        "or articles.", epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    p.add_argument("--format", choices=FORMATS, default="jsonl", help="default jsonl")
    p.add_argument("--style", choices=tuple(STYLES), default="native",
                   help="column layout of corpus events (default native)")
    p.add_argument("--what", choices=tuple(WHAT), default="corpus-events",
                   help="what to export (default corpus-events)")
    p.add_argument("--output", "-o", type=Path, default=None,
                   help="output file (default: stdout; parquet: corpus-events.parquet)")
    p.add_argument("--db", default=DEFAULT_DB,
                   help=f"DuckDB file or postgresql:// URL (default {DEFAULT_DB})")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the export; return the exit code."""
    from ..exporters import export
    from ..store import open_store

    output = args.output
    if args.format == "parquet" and output is None:
        output = Path(f"{args.what}.parquet")
    with open_store(args.db, read_only=True) as store:
        n = export(store, args.format, output, args.what, args.style)
    if output is not None:
        print(f"wrote {n} rows to {output}", file=sys.stderr)
    return 0
