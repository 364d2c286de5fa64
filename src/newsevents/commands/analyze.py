"""``newsevents analyze``: code one article and print its analysis."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import InputError
from ..pipeline import ArticleInput, get_pipeline, prepare
from ..reading import DEFAULT_MAX_BYTES, read_bytes

EXAMPLE = """example:
  newsevents analyze examples/grain-corridor-talks.txt --published 2025-08-12
  curl -s https://... | newsevents analyze - --format json > analysis.json
"""


def register(sub: Any) -> None:
    """Add the ``analyze`` subcommand to ``sub``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "analyze",
        help="code one article (text or HTML) and print its analysis",
        description="Code one article (plain text or HTML) and print the newsevents/1 JSON "
        "(when piped, or with --format json) or a readable summary (on a terminal).",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("path", help="article file, or - for standard input")
    p.add_argument("--published", help="publication date YYYY-MM-DD (anchors relative dates)")
    p.add_argument("--outlet", help="the outlet's name")
    p.add_argument("--url", help="the article's URL")
    p.add_argument("--title", help="the article's title (HTML input: taken from the page)")
    p.add_argument(
        "--format",
        choices=("json", "text"),
        default=None,
        help="output format (default: text on a terminal, json otherwise)",
    )
    p.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        help=f"largest input accepted (default {DEFAULT_MAX_BYTES:,})",
    )
    p.add_argument(
        "--kb",
        action="append",
        type=Path,
        default=[],
        help="extra knowledge-base file (repeatable)",
    )
    add_dictionary_options(p)
    p.add_argument("--db", help="also check the article against the copies and originals "
                   "in this store (provenance: docs/provenance.md); the report goes to stderr")
    p.set_defaults(func=run)


def report_provenance(analysis: Any, db: str) -> None:
    """Print on stderr whether the article copies a stored one, or a stored one copies it."""
    from ..provenance.check import check_against_store, describe
    from ..store import open_store

    with open_store(db, read_only=True) as store:
        links = check_against_store(analysis, store)
    if not links:
        print("provenance: no copy relation with the stored articles", file=sys.stderr)
    for link in links:
        print(f"provenance: {describe(link)}", file=sys.stderr)


def add_dictionary_options(p: argparse.ArgumentParser) -> None:
    """Add the legacy TABARI/PETRARCH dictionary options (shared with ``ingest``)."""
    g = p.add_argument_group("legacy dictionaries (TABARI/PETRARCH formats; docs/legacy.md)")
    g.add_argument("--verbs", type=Path, help="CAMEO verb-pattern dictionary to code with")
    g.add_argument(
        "--actors",
        type=Path,
        action="append",
        default=[],
        help="actor dictionary (repeatable; needed with --verbs)",
    )
    g.add_argument("--agents", type=Path, help="agent dictionary")
    g.add_argument("--discards", type=Path, help="discard list")
    g.add_argument(
        "--legacy-only",
        action="store_true",
        help="code events with the dictionaries only, in place of our lexicon",
    )


def dictionary_settings(args: argparse.Namespace) -> dict[str, Any]:
    """Return the Config settings of the legacy dictionary options."""
    return {
        "verbs_file": args.verbs, "actor_dict_files": tuple(args.actors),
        "agents_file": args.agents, "discards_file": args.discards,
        "legacy_only": args.legacy_only,
    }  # fmt: skip


def run(args: argparse.Namespace) -> int:
    """Analyse the article named by ``args`` and print it; return the exit code."""
    config = Config(max_bytes=args.max_bytes, kb_files=tuple(args.kb), **dictionary_settings(args))
    if args.path == "-":
        data = sys.stdin.buffer.read(args.max_bytes + 1)
        name = "<stdin>"
    else:
        data = read_bytes(args.path, args.max_bytes)
        name = args.path
    item = ArticleInput(
        text=data,
        published=args.published,
        outlet=args.outlet,
        url=args.url,
        title=args.title,
        key=name,
    )
    prepare(item, config)  # refuse bad input before the model and lexicons load
    results = list(get_pipeline(config).run([item]))
    if not results:
        raise InputError(f"{name}: nothing was coded")
    analysis = results[0][1]
    if args.db:
        report_provenance(analysis, args.db)
    fmt = args.format or ("text" if sys.stdout.isatty() else "json")
    if fmt == "json":
        json.dump(analysis.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from ..render import print_summary

        print_summary(analysis)
    return 0
