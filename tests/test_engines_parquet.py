"""Engines without a cluster: the Parquet partitions and manifest, the engine factory, and
the local engine through ``map_chunks`` (real spaCy parses of sentences written here)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import duckdb
import pytest

import newsevents
from newsevents.corpus.sources import Item
from newsevents.engines import default_output, make_engine, map_chunks
from newsevents.engines.local import LocalEngine
from newsevents.engines.parquet import (
    ManifestRow,
    read_manifest,
    split_output,
    write_manifest,
    write_partition,
)
from newsevents.errors import EngineError, InputError
from newsevents.store.rows import analysis_rows
from newsevents.store.schema import ARTICLE_TABLES

TEXTS = {
    "talks": "Norway and Chile agreed on Tuesday to resume trade talks in Oslo next month. "
    "The Chilean foreign minister said the talks would be difficult.",
    "protest": "Thousands of farmers protested outside parliament in Madrid on Friday, "
    "police said. The agriculture minister promised to meet their leaders.",
}


@pytest.fixture(scope="module")
def analyses() -> list[tuple[str, newsevents.Analysis]]:
    """Two coded articles, keyed as an ingest would key them."""
    return [(key, newsevents.analyze(text, published="2024-05-03")) for key, text in TEXTS.items()]


def _parquet(base: Path, table: str) -> list[tuple[object, ...]]:
    sql = f"SELECT * FROM read_parquet('{base}/{table}/*/*.parquet', hive_partitioning = false)"
    return duckdb.sql(sql).fetchall()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("out", os.path.abspath("out")),
        ("parquet:///data/run", "/data/run"),
        ("parquet://relative", os.path.abspath("relative")),
        ("file:///data/run", "/data/run"),
    ],
)
def test_engines_parquet_split_output(url: str, expected: str) -> None:
    fs, path = split_output(url)
    assert path == expected
    assert fs.type_name == "local"


def test_engines_parquet_unknown_scheme_is_ours() -> None:
    with pytest.raises(EngineError, match="nosuch://"):
        split_output("nosuch://bucket/run")


@pytest.mark.slow
def test_engines_parquet_partition_has_the_store_rows(
    tmp_path: Path, analyses: list[tuple[str, newsevents.Analysis]]
) -> None:
    assert write_partition(str(tmp_path), "t1", 7, analyses, run_id=3) == 2
    now = dt.datetime(2024, 1, 1)
    for table in ARTICLE_TABLES:
        files = list((tmp_path / table.name / "run=t1").iterdir())
        assert [f.name for f in files] == ["part-000007.parquet"]
        cols = duckdb.sql(
            f"DESCRIBE SELECT * FROM read_parquet('{files[0]}', hive_partitioning = false)"
        ).fetchall()
        assert tuple(c[0] for c in cols) == table.column_names
        expected = [r for k, a in analyses for r in analysis_rows(a, k, 3, now)[table.name]]
        got = _parquet(tmp_path, table.name)
        if table.name == "articles":  # ingested_at is the write time
            expected = [r[:-1] for r in expected]
            got = [r[:-1] for r in got]
        assert sorted(map(repr, got)) == sorted(map(repr, expected))
    assert len(_parquet(tmp_path, "events")) == sum(len(a.events) for _, a in analyses)


@pytest.mark.slow
def test_engines_parquet_retried_batch_replaces_its_partition(
    tmp_path: Path, analyses: list[tuple[str, newsevents.Analysis]]
) -> None:
    write_partition(str(tmp_path), "t1", 1, analyses, run_id=1)
    write_partition(str(tmp_path), "t1", 1, analyses, run_id=1)  # the same batch again
    write_partition(str(tmp_path), "t1", 2, analyses[:1], run_id=1)
    assert len(_parquet(tmp_path, "articles")) == 3
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


def test_engines_parquet_empty_batch_writes_nothing(tmp_path: Path) -> None:
    assert write_partition(str(tmp_path), "t1", 1, [], run_id=1) == 0
    assert list(tmp_path.iterdir()) == []


def test_engines_parquet_manifest_round_trip(tmp_path: Path) -> None:
    rows = [
        ManifestRow("b.txt", 2, attempts=2, status="coded", article_id="ab", worker_pid=11),
        ManifestRow(
            "a.txt",
            2,
            status="skipped",
            step="normalise",
            error_type="InputError",
            reason="not English",
        ),
        ManifestRow("c.txt", 1, status="error", step="events", reason="boom"),
    ]
    path = write_manifest(str(tmp_path), "r1", rows)
    assert path.endswith("manifest/run=r1/manifest.parquet")
    back = read_manifest(str(tmp_path), "r1")
    assert [(r["batch"], r["key"], r["status"], r["retried"]) for r in back] == [
        (1, "c.txt", "error", False),
        (2, "a.txt", "skipped", False),
        (2, "b.txt", "coded", True),
    ]
    assert read_manifest(str(tmp_path))[0]["run"] == "r1"  # the hive key, across runs


@pytest.mark.parametrize(
    ("engine", "kwargs", "error"),
    [
        ("spark", {}, InputError),
        ("local", {"address": "auto"}, InputError),
        ("local", {"output": "out"}, InputError),
        ("local", {"load": False}, InputError),
        ("ray", {"load": False}, EngineError),  # leaving results in Parquet needs an output
        ("ray", {"workers": 0}, EngineError),
        ("ray", {"max_retries": -1}, EngineError),
    ],
)
def test_engines_make_engine_refuses(engine: str, kwargs: dict[str, object], error: type) -> None:
    with pytest.raises(error):
        make_engine(engine, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("engine", "db", "expected"),
    [
        ("local", "corpus.duckdb", None),
        ("ray", "corpus.duckdb", "corpus.parquet"),
        ("ray", "/data/news.duckdb", "/data/news.parquet"),
        ("ray", "postgresql://me@host/news", "newsevents.parquet"),
    ],
)
def test_engines_default_output(engine: str, db: str, expected: str | None) -> None:
    assert default_output(engine, db) == expected


@pytest.mark.slow
def test_engines_local_map_chunks_returns_every_key() -> None:
    items = [Item(key=k, text=t) for k, t in TEXTS.items()]
    items.append(Item(key="empty", text="   "))
    results = list(map_chunks(LocalEngine(0), [items[:2], items[2:]]))
    coded = sorted(k for r in results for k, _ in r.analyses)
    failed = [(f.key, f.bad_input) for r in results for f in r.failures]
    assert coded == ["protest", "talks"]
    assert failed == [("empty", True)]
