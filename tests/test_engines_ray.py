"""The Ray engine on a real Ray cluster on loopback: a head and a worker node started here
(each ``ray start --block``, stopped at the end by their process ids).

* the same corpus stored with ``--engine local`` and ``--engine ray`` gives the same
  actors, mentions, statements, events, dates, places and framing;
* a worker killed (SIGKILL) mid-run loses and doubles no article: its batches are
  submitted again, and the manifest records every article, retried ones marked;
* ``--no-load`` leaves the articles in Parquet only.

Skipped with a message when Ray is not installed (``pip install 'newsevents[ray]'``).
"""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from newsevents.corpus.ingest import IngestSummary, ingest
from newsevents.engines.local import LocalEngine
from newsevents.engines.parquet import read_manifest
from newsevents.engines.ray_engine import RayEngine
from newsevents.store import Store, open_store

ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'newsevents[ray]'")

pytestmark = pytest.mark.slow

#: Columns that say when or in which run a row was written, not what was coded.
RUN_COLUMNS = {"run_id", "ingested_at", "source_key"}
COMPARED = ("articles", "actors", "mentions", "statements", "events", "dates", "places",
            "framing")  # fmt: skip


#: A throwaway cluster on loopback: no usage stats; no token authentication (Ray turns it
#: on when ~/.ray/auth_token exists; a real cluster should keep it, see docs/scale.md).
CLUSTER_ENV = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "disabled"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _ray_start(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    exe = shutil.which("ray")
    if exe is None:
        pytest.skip("the ray command is not on PATH")
    env = {**os.environ, **CLUSTER_ENV}
    with log.open("ab") as fh:
        return subprocess.Popen(
            [exe, "start", "--block", "--node-ip-address=127.0.0.1", "--num-cpus=1",
             "--object-store-memory=150000000", "--disable-usage-stats", *args],
            stdout=fh, stderr=subprocess.STDOUT, env=env, start_new_session=True,
        )  # fmt: skip


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop one ``ray start --block`` (it stops the Ray processes it started)."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # the session we started, by its id
            proc.wait(timeout=10)


def _wait_for(check: object, what: str, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return
        time.sleep(0.5)
    raise TimeoutError(f"the test Ray cluster: {what} not ready after {timeout:.0f} s")


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[str]:
    """The address of a two-node Ray cluster (head + worker, one CPU each) on loopback."""
    tmp = Path(tempfile.mkdtemp(prefix="ne-ray-"))
    env = pytest.MonkeyPatch()
    for name, value in CLUSTER_ENV.items():  # the driver (this process) too
        env.setenv(name, value)
    port = _free_port()
    address = f"127.0.0.1:{port}"
    procs = [_ray_start(["--head", f"--port={port}", "--include-dashboard=false",
                         f"--temp-dir={tmp}"], tmp / "head.log")]  # fmt: skip
    try:
        _wait_for(lambda: _listening(port), "the head node")
        procs.append(_ray_start([f"--address={address}"], tmp / "worker.log"))
        ray.init(address=address, logging_level="WARNING", log_to_driver=False)
        try:
            _wait_for(lambda: ray.cluster_resources().get("CPU", 0) >= 2, "the worker node")
        finally:
            ray.shutdown()
        yield address
    finally:
        for proc in reversed(procs):
            _stop(proc)
        env.undo()
        shutil.rmtree(tmp, ignore_errors=True)


def _polnear_jsonl(shared_data: Path, path: Path, n: int) -> Path:
    """Write ``n`` PolNeAR test articles (read at run time) with their outlet and date."""
    polnear = shared_data / "polnear"
    with (polnear / "metadata.tsv").open(encoding="utf-8") as fh:
        meta = {r["filename"]: r for r in csv.DictReader(fh, delimiter="\t")}
    files = sorted((polnear / "test" / "text").glob("*.txt"), key=lambda p: p.stat().st_size)
    with path.open("w", encoding="utf-8") as out:
        for f in files[5 : 5 + n]:  # short ones, so the test stays quick
            m = meta.get(f.stem, {})
            out.write(json.dumps({"id": f.stem, "text": f.read_text(encoding="utf-8"),
                                  "outlet": m.get("publisher"),
                                  "published": m.get("publication_date")}) + "\n")  # fmt: skip
    return path


_STATES = ["Norway", "Chile", "Kenya", "Vietnam", "Portugal", "Canada", "Ghana", "Peru"]
_SENTENCES = [
    "{a} accused {b} on Monday of blocking the shipment of grain across the border.",
    "The foreign minister of {a} said talks with {b} would resume next week.",
    "{b} imposed new tariffs on steel from {a}, the trade ministry said.",
    "Protesters gathered outside the embassy of {a} in the capital of {b}.",
    "{a} and {b} agreed to exchange prisoners before the end of the month.",
]


def _synthetic_jsonl(path: Path, n: int) -> Path:
    """Write ``n`` short distinct articles from our own sentences."""
    rng = random.Random(8)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            sents = []
            for template in rng.sample(_SENTENCES, 3):
                a, b = rng.sample(_STATES, 2)
                sents.append(template.format(a=a, b=b))
            text = f"Dispatch {i}. " + " ".join(sents)
            out.write(json.dumps({"id": f"art-{i:03d}", "text": text}) + "\n")
    return path


def _coded_rows(store: Store) -> dict[str, set[tuple[object, ...]]]:
    """Return every compared table as a set of rows, without the run's bookkeeping."""
    out = {}
    for table in COMPARED:
        rows = store.rows(table)
        out[table] = {tuple((k, repr(v)) for k, v in sorted(r.items()) if k not in RUN_COLUMNS)
                      for r in rows}  # fmt: skip
    return out


def test_engines_ray_stores_what_local_stores(
    ray_cluster: str, shared_data: Path, tmp_path: Path
) -> None:
    corpus = str(_polnear_jsonl(shared_data, tmp_path / "corpus.jsonl", 8))
    with open_store(tmp_path / "local.duckdb") as store:
        ingest([corpus], store, engine=LocalEngine(0), chunk_size=2)
        local = _coded_rows(store)
    engine = RayEngine(workers=2, address=ray_cluster, output=str(tmp_path / "out"))
    with open_store(tmp_path / "ray.duckdb") as store:
        summary = ingest([corpus], store, engine=engine, chunk_size=2)
        clustered = _coded_rows(store)
    assert summary.coded == 8
    assert len(set(engine.pids)) == 2
    for table in COMPARED:
        assert clustered[table] == local[table], table
    assert len(local["events"]) > 0 and len(local["statements"]) > 0
    in_place = duckdb.sql(
        f"SELECT count(*), count(DISTINCT article_id) FROM "
        f"read_parquet('{tmp_path}/out/events/*/*.parquet', hive_partitioning = true)"
    ).fetchall()
    assert in_place[0] == (len(local["events"]), len({r[0] for r in local["events"]}))


def test_engines_ray_killed_worker_loses_and_doubles_nothing(
    ray_cluster: str, tmp_path: Path
) -> None:
    n = 24
    corpus = str(_synthetic_jsonl(tmp_path / "corpus.jsonl", n))
    out = str(tmp_path / "out")
    engine = RayEngine(workers=2, address=ray_cluster, output=out, max_retries=2)
    killed: list[int] = []

    def kill_one_worker(summary: IngestSummary) -> None:
        if summary.coded and not killed:  # a batch is back; each worker holds more
            killed.append(engine.pids[0])
            os.kill(engine.pids[0], signal.SIGKILL)

    with open_store(tmp_path / "ray.duckdb") as store:
        summary = ingest([corpus], store, engine=engine, chunk_size=2,
                         on_progress=kill_one_worker, corpus_pass=False)  # fmt: skip
        stored = store.select("SELECT source_key FROM articles")
    assert killed
    assert summary.coded == n and summary.errors == 0
    assert sorted(r["source_key"] for r in stored) == [f"art-{i:03d}" for i in range(n)]
    assert engine.retried_batches >= 1
    manifest = read_manifest(out, engine.tag)
    assert sorted(r["key"] for r in manifest) == [f"art-{i:03d}" for i in range(n)]
    assert {r["status"] for r in manifest} == {"coded"}
    retried = [r for r in manifest if r["retried"]]
    assert retried and all(r["attempts"] == 2 for r in retried)
    assert all(r["worker_pid"] != killed[0] for r in retried)
    keys = duckdb.sql(
        f"SELECT source_key FROM read_parquet('{out}/articles/*/*.parquet')"
    ).fetchall()
    assert sorted(k for (k,) in keys) == [f"art-{i:03d}" for i in range(n)]  # none doubled


def test_engines_ray_no_load_leaves_parquet_only(ray_cluster: str, tmp_path: Path) -> None:
    corpus = str(_synthetic_jsonl(tmp_path / "corpus.jsonl", 3))
    out = f"parquet://{tmp_path / 'out'}"
    engine = RayEngine(workers=1, address=ray_cluster, output=out, load=False)
    with open_store(tmp_path / "ray.duckdb") as store:
        ingest([corpus], store, engine=engine, corpus_pass=False)
        assert store.count("articles") == 0
    rows = duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{tmp_path}/out/articles/*/*.parquet')"
    ).fetchall()
    assert rows == [(3,)]
    assert [r["status"] for r in read_manifest(out)] == ["coded"] * 3
