"""``newsevents provenance``: list the articles that copy others, with the evidence."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..store import DEFAULT_DB

EXAMPLE = """examples:
  newsevents ingest articles/ --db news.duckdb
  newsevents provenance --db news.duckdb
  newsevents provenance --db news.duckdb --format json > copies.json
  newsevents provenance --db news.duckdb --refresh     # recompute from the stored articles
"""


def register(sub: Any) -> None:
    """Add the ``provenance`` subcommand to ``sub``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "provenance", help="list articles that copy or rewrite others (with evidence)",
        description="List every copy found in the store: the article, what it copies, the "
        "kind (verbatim, light_edit, excerpt, rewrite), a score and the aligned sentences.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    p.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB file or postgresql:// URL "
                   f"(default {DEFAULT_DB})")  # fmt: skip
    p.add_argument("--format", choices=("table", "json"), default="table",
                   help="output format (default table)")  # fmt: skip
    p.add_argument("--refresh", action="store_true",
                   help="recompute the links from the stored articles first")  # fmt: skip
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the stored provenance links; return the exit code."""
    from ..provenance.stored import refresh_provenance, stored_links
    from ..store import open_store

    with open_store(args.db, read_only=not args.refresh) as store:
        if args.refresh:
            refresh_provenance(store)
        links = stored_links(store)
    if args.format == "json":
        print(json.dumps(links, indent=2, ensure_ascii=False, default=str))
        return 0
    print(table(links))
    return 0


def table(links: list[dict[str, Any]]) -> str:
    """Return the links as a plain text table (one line each, the first evidence pair)."""
    if not links:
        return "no copies found"
    rows = [("kind", "score", "article", "copy of", "pairs")]
    for link in links:
        rows.append((
            link["kind"], f"{link['score']:.2f}", _short(link["article"]),
            _short(link["copy_of"]), str(len(link["evidence"])),
        ))  # fmt: skip
    widths = [max(len(r[k]) for r in rows) for k in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
                     for r in rows)  # fmt: skip


def _short(ref: dict[str, Any]) -> str:
    source = ref.get("source") or ""
    return f"{ref['id'][:12]} {source[-60:]}".strip()
