"""A run killed with SIGKILL mid-ingest, then started again, stores every article once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsevents.config import Config
from newsevents.corpus.ingest import precheck_id
from newsevents.corpus.sources import Item
from newsevents.formats import validate
from newsevents.store import open_store

PLACES = ["Velmora", "Ostria", "Dravia", "Kessel", "Marlow", "Tarvin", "Elsin", "Brona"]


def _write_articles(folder: Path) -> list[Path]:
    paths = []
    for i, place in enumerate(PLACES):
        text = (
            f"Officials in {place} met union leaders on day {i + 1} of the dispute over "
            f"wages. The mayor of {place} said an agreement was close, while union members "
            f"in {place} threatened a longer strike if the talks failed."
        )
        path = folder / f"{i:02d}-{place.lower()}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _ingest_cmd(folder: Path, db: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "newsevents.cli", "ingest", str(folder), "--db", str(db),
            "--workers", str(workers), "--chunk-size", "1", "--progress", "lines",
            "--no-corpus-pass"]  # fmt: skip


@pytest.mark.slow
def test_ingest_killed_then_resumed_stores_every_article_once(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    paths = _write_articles(folder)
    db = tmp_path / "k.duckdb"
    proc = subprocess.Popen(_ingest_cmd(folder, db, 1), stderr=subprocess.PIPE, text=True,
                            start_new_session=True)  # fmt: skip
    assert proc.stderr is not None
    deadline = time.monotonic() + 240
    killed_at = None
    for line in proc.stderr:
        if " coded" in line and int(line.split(" coded")[0].split()[-1]) >= 2:
            os.killpg(proc.pid, signal.SIGKILL)  # the ingest and its worker, no warning
            killed_at = line
            break
        assert time.monotonic() < deadline, "the ingest made no progress"
    proc.wait(timeout=60)
    assert killed_at is not None, "the ingest finished before it could be killed"
    assert proc.returncode == -signal.SIGKILL

    with open_store(db) as store:
        partial = store.count("articles")
    assert 2 <= partial < len(paths)

    done = subprocess.run(_ingest_cmd(folder, db, 0), capture_output=True, text=True,
                          timeout=300, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr

    expected = {precheck_id(Item(key=str(p), text=p.read_bytes()), Config()) for p in paths}
    with open_store(db) as store:
        assert store.stored_ids() == expected
        assert store.count("articles") == len(paths)
        for table in ("actors", "mentions", "statements", "events", "dates", "places",
                      "framing"):  # fmt: skip
            orphans = store.select(
                f"SELECT count(*) AS n FROM {table} WHERE article_id NOT IN "
                "(SELECT id FROM articles)"
            )  # our own table names
            assert orphans[0]["n"] == 0
        for article_id in expected:
            validate(store.analysis(article_id))
        runs = store.rows("ingest_runs")
        assert [r["status"] for r in runs] == ["interrupted", "finished"]
        assert runs[1]["coded"] + partial == len(paths)
        assert runs[1]["already_stored"] == partial
