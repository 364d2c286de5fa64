"""``newsevents serve``: the JSON API and the web UI over a store."""

from __future__ import annotations

import argparse
import os
from typing import Any

EXAMPLE = """example:
  newsevents ingest articles/ --db news.duckdb
  NEWSEVENTS_TOKEN=s3cret newsevents serve --db news.duckdb --port 8000
  open http://127.0.0.1:8000/  (the UI) or http://127.0.0.1:8000/docs (the API)
"""


def register(sub: Any) -> None:
    """Add the ``serve`` subcommand to ``sub``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "serve",
        help="serve the JSON API and the web UI over a store",
        description="Serve the JSON API (OpenAPI at /docs) and the web UI over a store. "
        "Write endpoints (POST /analyze) need a bearer token (--token or NEWSEVENTS_TOKEN); "
        "without one they are disabled.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--db", default="newsevents.duckdb", help="DuckDB file or postgresql:// URL")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on")
    p.add_argument("--port", type=int, default=8000, help="port to listen on")
    p.add_argument(
        "--token",
        default=None,
        help="bearer token for write endpoints (default: $NEWSEVENTS_TOKEN; none: writes disabled)",
    )
    p.add_argument(
        "--max-body-bytes",
        type=int,
        default=2_000_000,
        help="largest request body accepted (413 above)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Start the server; return when it stops."""
    import uvicorn

    from ..serve import ServeSettings, create_app

    settings = ServeSettings(
        db=args.db,
        token=args.token or os.environ.get("NEWSEVENTS_TOKEN") or None,
        max_body_bytes=args.max_body_bytes,
    )
    app = create_app(settings)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
