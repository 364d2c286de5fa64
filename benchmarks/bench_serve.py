"""API latency under a bounded load: GET /events and POST /analyze with concurrent clients.

Usage:
    newsevents ingest ../shared/data/polnear --db polnear.duckdb   # once
    python benchmarks/bench_serve.py --db polnear.duckdb [--clients 8] [--requests 25]

Starts the server on a free loopback port in this process, sends a fixed number of
requests from each client, and prints p50/p99 latency and errors for each endpoint.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from newsevents.serve import ServeSettings
from newsevents.serve.load import run_load
from serving import running_server  # the same server harness as the tests

ARTICLE = (
    "Poland demanded on Friday that Belarus reopen its border crossings, the foreign ministry "
    "said in a statement. Minsk rejected the demand and accused Warsaw of staging provocations "
    "near the frontier, according to state media."
)


def main() -> None:
    """Run the load and print one line per endpoint."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--db", required=True, help="a store built by `newsevents ingest`")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=25, help="requests per client for GET")
    ap.add_argument("--analyze-requests", type=int, default=4, help="per client for POST")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "copy.duckdb"  # the writes of POST /analyze go to a copy
        shutil.copy(args.db, db)
        with running_server(ServeSettings(db=str(db), token="bench")) as url:
            # warm up: the first analysis loads the model and lexicons in the server
            run_load(
                url,
                lambda c: c.post(
                    "/analyze", json={"text": ARTICLE}, headers={"Authorization": "Bearer bench"}
                ),
                1,
                1,
            )
            events = run_load(
                url, lambda c: c.get("/events", params={"limit": 50}), args.clients, args.requests
            )
            filtered = run_load(
                url,
                lambda c: c.get(
                    "/events", params={"type": "ACCUSE", "from": "2016-01-01", "limit": 50}
                ),
                args.clients,
                args.requests,
            )
            analyze = run_load(
                url,
                lambda c: c.post(
                    "/analyze", json={"text": ARTICLE}, headers={"Authorization": "Bearer bench"}
                ),
                args.clients,
                args.analyze_requests,
            )
    print(f"{args.clients} concurrent clients, store {args.db}")
    print(events.line("GET /events"))
    print(filtered.line("GET /events?type=ACCUSE&from=2016-01-01"))
    print(analyze.line("POST /analyze"))


if __name__ == "__main__":
    main()
