"""``newsevents query``: read events, corpus events, articles or skipped inputs from the store."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import Any

from ..store import DEFAULT_DB

EXAMPLE = """examples:
  newsevents query events --actor russia --type ACCUSE --from 2025-01-01
  newsevents query corpus-events --asserted-by-outlet --format csv > events.csv
  newsevents query skipped --format json
"""

WHAT = ("events", "corpus-events", "articles", "skipped", "runs")

#: Columns shown in the terminal table for each kind (all columns in json and csv).
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "events": ("event_date", "plover", "cameo", "source_name", "target_name", "trigger_text",
               "asserted_by", "factual", "outlet"),
    "corpus-events": ("event_date", "plover", "cameo", "source_name", "target_name",
                      "reports", "articles", "independent_articles", "outlets"),
    "articles": ("published", "outlet", "title", "original_id", "story_id"),
    "skipped": ("run_id", "source_key", "kind", "step", "reason"),
    "runs": ("run_id", "started_at", "status", "coded", "already_stored", "duplicates",
             "skipped", "errors"),
}  # fmt: skip


def register(sub: Any) -> None:
    """Add the ``query`` subcommand to ``sub``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "query", help="list events, corpus events, articles or skipped inputs from the store",
        description="Query the store. Filters apply to events and corpus-events.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    p.add_argument("what", choices=WHAT, help="what to list")
    p.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB file or postgresql:// URL "
                   f"(default {DEFAULT_DB})")  # fmt: skip
    p.add_argument("--actor", help="source or target: name substring, CAMEO code prefix or KB id")
    p.add_argument("--type", dest="event_type", help="PLOVER type (ACCUSE) or CAMEO prefix (11)")
    p.add_argument("--from", dest="date_from", help="first date, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", help="last date, YYYY-MM-DD")
    p.add_argument("--asserted-by-outlet", action="store_true",
                   help="only events the outlet itself asserts (not attributed to a source)")
    p.add_argument("--limit", type=int, default=None, help="at most this many rows")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table",
                   help="output format (default table)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the rows ``args`` asks for; return the exit code."""
    from ..errors import InputError
    from ..store import EventFilter, open_store

    for name in ("date_from", "date_to"):
        value = getattr(args, name)
        if value is not None:
            try:
                dt.date.fromisoformat(value)
            except ValueError as exc:
                raise InputError(f"--{name[5:]} {value!r} is not YYYY-MM-DD") from exc
    flt = EventFilter(actor=args.actor, event_type=args.event_type, date_from=args.date_from,
                      date_to=args.date_to, asserted_by_outlet=args.asserted_by_outlet,
                      limit=args.limit)  # fmt: skip
    with open_store(args.db, read_only=True) as store:
        if args.what == "events":
            rows = store.events(flt)
        elif args.what == "corpus-events":
            rows = store.corpus_events(flt)
        else:
            named = {"articles": "articles", "skipped": "skipped", "runs": "ingest_runs"}
            rows = list(store.iter_query(named[args.what]))
            if args.limit is not None:
                rows = rows[: args.limit]
    write_rows(rows, args.format, TABLE_COLUMNS[args.what])
    return 0


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def write_rows(rows: Sequence[dict[str, Any]], fmt: str, table_columns: Sequence[str]) -> None:
    """Print ``rows`` as a rich table (chosen columns), JSON (a list) or CSV (all columns)."""
    if fmt == "json":
        json.dump([{k: _plain(v) for k, v in r.items()} for r in rows], sys.stdout,
                  ensure_ascii=False, indent=2)  # fmt: skip
        sys.stdout.write("\n")
    elif fmt == "csv":
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows({k: _plain(v) for k, v in r.items()} for r in rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*table_columns, caption=f"{len(rows)} rows")
        for r in rows:
            table.add_row(*("" if r.get(c) is None else str(_plain(r.get(c)))
                            for c in table_columns))  # fmt: skip
        Console(width=160).print(table)
