"""A bounded load test on loopback: several concurrent clients, a fixed number of requests."""

from __future__ import annotations

from pathlib import Path

from newsevents.serve import ServeSettings
from newsevents.serve.load import run_load
from serving import build_store, running_server


def test_serve_under_concurrent_load_has_no_errors(tmp_path: Path) -> None:
    db = tmp_path / "load.duckdb"
    build_store(db)
    headers = {"Authorization": "Bearer t"}
    article = {"text": "Poland demanded on Friday that Belarus reopen the border crossings, "
                       "the foreign ministry said in a statement.", "published": "2025-09-05"}
    with running_server(ServeSettings(db=str(db), token="t")) as url:
        reads = run_load(url, lambda c: c.get("/events", params={"limit": 50}),
                         clients=8, per_client=10)
        writes = run_load(url, lambda c: c.post("/analyze", json=article, headers=headers),
                          clients=8, per_client=2)
    print(reads.line("GET /events"), writes.line("POST /analyze"), sep="\n")
    assert (reads.requests, reads.errors) == (80, 0)
    assert (writes.requests, writes.errors) == (16, 0)
    assert reads.p50_ms > 0 and reads.p99_ms >= reads.p50_ms


def test_load_counts_errors(tmp_path: Path) -> None:
    db = tmp_path / "err.duckdb"
    build_store(db)
    with running_server(ServeSettings(db=str(db))) as url:
        report = run_load(url, lambda c: c.get("/articles/" + "f" * 64), clients=2, per_client=3)
    assert report.errors == 6
