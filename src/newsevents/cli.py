"""The ``newsevents`` command: a thin layer over the library.

Each subcommand lives in ``newsevents.commands.<name>`` with ``register(subparsers)``; a
command parses its arguments, calls one library function, and turns our errors into one
clean line on stderr and a non-zero exit code: never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from . import __version__
from .errors import InputError, NewseventsError

#: Subcommand modules under newsevents.commands, in the order --help lists them.
COMMANDS: tuple[str, ...] = (
    "analyze",
    "eval",
    "ingest",
    "query",
    "export",
    "kb",
    "serve",
    "provenance",
)

EXIT_INPUT = 2
EXIT_ERROR = 1


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="newsevents",
        description="Turn news articles into auditable event data.",
    )
    parser.add_argument("--version", action="version", version=f"newsevents {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        module = importlib.import_module(f"newsevents.commands.{name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 2 bad input, 1 other errors)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except InputError as exc:
        print(f"newsevents: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except NewseventsError as exc:
        print(f"newsevents: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("newsevents: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
