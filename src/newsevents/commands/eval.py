"""``newsevents eval NAME``: score the coder against a public gold set.

Each scorer lives in ``newsevents.eval.<name>`` and exposes ``register(sub)``.
"""

from __future__ import annotations

import argparse
import importlib
from typing import Any

#: Scorer modules under newsevents.eval.
EVALS: tuple[str, ...] = ("actors", "attribution", "events", "framing", "petrarch")


def register(sub: Any) -> None:
    """Add ``eval`` and its scorers to ``sub``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "eval", help="score against a public gold set (see docs/evaluation.md)"
    )
    scorers = p.add_subparsers(dest="scorer", metavar="SCORER")
    scorers.required = True
    for name in EVALS:
        importlib.import_module(f"newsevents.eval.{name}").register(scorers)
