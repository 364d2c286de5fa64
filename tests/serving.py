"""Helpers for the server tests: a real store written from our example articles, and a real
uvicorn server on a free loopback port, started in a thread and stopped after."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

import newsevents
from newsevents.provenance.stored import refresh_provenance
from newsevents.serve import ServeSettings, create_app
from newsevents.store import open_store

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = [
    (ROOT / "examples" / "grain-corridor-talks.txt", "2025-08-12", "Example Wire",
     "https://example.org/grain-talks"),
    (ROOT / "tests" / "fixtures" / "hostile-article.txt", "2025-08-13", "Hostile <i>Times</i>",
     "javascript:alert(1)"),
]


def build_store(path: Path) -> dict[str, str]:
    """Write our example articles into a new DuckDB store; return their ids by file stem."""
    ids: dict[str, str] = {}
    with open_store(path) as store:
        run = store.begin_run(["tests"], 1)
        for file, published, outlet, url in ARTICLES:
            analysis = newsevents.analyze(
                file.read_text(encoding="utf-8"), published=published, outlet=outlet, url=url
            )
            store.write_analysis(analysis, str(file.name), run)
            ids[file.stem] = analysis.article.id
        # a later, re-wrapped copy of the first article, for the provenance views
        original = ARTICLES[0][0].read_text(encoding="utf-8")
        copy = "EXCLUSIVE: Grain talks latest\n\n" + original.replace("Source link", "Share this")
        analysis = newsevents.analyze(copy, published="2025-08-14", outlet="Copy Farm")
        store.write_analysis(analysis, "copy.txt", run)
        ids["copy"] = analysis.article.id
        refresh_provenance(store)
    return ids


def free_port() -> int:
    """Return a free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(settings: ServeSettings) -> Iterator[str]:
    """Run the app with uvicorn on 127.0.0.1 in a thread; yield its base URL."""
    port = free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="error")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
