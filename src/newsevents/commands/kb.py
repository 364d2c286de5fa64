"""``newsevents kb search NAME``: show what the actor knowledge base holds for a name."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from ..errors import InputError

EXAMPLE = """example:
  newsevents kb search Zelenskyy --on 2023-05-01
  newsevents kb search Kremlin
  newsevents kb search Blinken --on 2026-01-10 --kb my-people.yaml
"""


def register(sub: Any) -> None:
    """Add the ``kb`` subcommand to ``sub``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "kb",
        help="look names up in the actor knowledge base",
        description="Look names up in the actor knowledge base (docs/kb.md).",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    search = actions.add_parser(
        "search",
        help="entries matching a name, exactly or approximately",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    search.add_argument("name", help="a name, alias, demonym, capital or seat of power")
    search.add_argument("--on", help="date YYYY-MM-DD at which to resolve people's roles")
    search.add_argument("--limit", type=int, default=5, help="most entries to show (default 5)")
    search.add_argument("--kb", action="append", type=Path, default=[],
                        help="extra knowledge-base file (repeatable)")  # fmt: skip
    search.set_defaults(func=run_search)


def run_search(args: argparse.Namespace) -> int:
    """Print the best entries for ``args.name``; return 0, or 1 when nothing matches."""
    from ..actors.kb import load_kb

    day = None
    if args.on:
        try:
            day = dt.date.fromisoformat(args.on)
        except ValueError as exc:
            raise InputError(f"--on {args.on!r} is not a date YYYY-MM-DD") from exc
    kb = load_kb(tuple(args.kb))
    hits = kb.search(args.name, on=day, limit=args.limit)
    if not hits:
        print(f"nothing in the knowledge base matches {args.name!r}")
        return 1
    for hit in hits:
        e = hit.entry
        print(f"{e.id}  {e.kind}  {e.name}  (matched {hit.matched!r}, score {hit.score:.2f})")
        if e.cameo or e.country or e.sector:
            print(
                f"    country {e.country or '-'}  sector {e.sector or '-'}  cameo {e.cameo or '-'}"
            )
        if e.aliases:
            print(f"    aliases: {', '.join(e.aliases[:12])}")
        if e.demonyms:
            print(f"    demonyms: {', '.join(e.demonyms)}")
        if e.metonyms:
            print("    stands for it: " + ", ".join(f"{k} ({v})" for k, v in e.metonyms))
        if e.kind == "person":
            when = day.isoformat() if day else "latest"
            role = hit.role
            held = (f"{role.title}, {role.country or '-'} {role.sector or '-'}"
                    if role else "no role held")  # fmt: skip
            print(f"    role on {when}: {held}")
            for r in e.roles:
                span = f"{r.start or '?'} .. {r.end or 'now'}"
                print(f"      {span}  {r.title} ({r.country} {r.sector})")
        if e.source:
            print(f"    source: {e.source}")
    return 0
