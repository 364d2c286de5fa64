"""Exports: JSONL, CSV, Parquet (read back with DuckDB) in the native, GDELT and POLECAT
layouts; one row per distinct corpus event with its report count."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import duckdb
import pytest

from corpus_samples import TALKS, talks_analysis
from newsevents.cli import main
from newsevents.corpus import refresh
from newsevents.errors import InputError
from newsevents.exporters import export
from newsevents.exporters.styles import GDELT_COLUMNS, POLECAT_COLUMNS
from newsevents.store import open_store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "e.duckdb"
    with open_store(path) as store:
        run = store.begin_run(["x"], 0)
        store.write_analysis(talks_analysis(TALKS, outlet="Herald"), "a", run)
        store.write_analysis(talks_analysis(TALKS + " Share this.", outlet="Mirror",
                                            published=dt.date(2025, 3, 4)), "b", run)  # fmt: skip
        refresh(store)
    return path


def test_export_parquet_reads_back_with_duckdb(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ce.parquet"
    assert main(["export", "--format", "parquet", "--db", str(db), "-o", str(out)]) == 0
    rows = duckdb.sql(f"SELECT plover, reports, articles, independent_articles "
                      f"FROM read_parquet('{out}') ORDER BY plover").fetchall()  # fmt: skip
    assert rows == [("ACCUSE", 2, 2, 1), ("AGREE", 2, 2, 1), ("CONSULT", 2, 2, 1)]


def test_export_gdelt_layout(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.csv"
    with open_store(db, read_only=True) as store:
        assert export(store, "csv", out, style="gdelt") == 3
    with out.open(newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ()) == GDELT_COLUMNS
        rows = {r["EventCode"]: r for r in reader}
    assert len(GDELT_COLUMNS) == 61
    accuse = rows["112"]
    assert (accuse["EventRootCode"], accuse["QuadClass"], accuse["NumArticles"]) == ("11", "3", "2")
    assert accuse["Day"] == "20250303"
    assert accuse["Actor1Code"] == "FRE"
    assert rows["040"]["ActionGeo_FeatureID"] == "2660646"


def test_export_polecat_layout_jsonl(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.jsonl"
    with open_store(db, read_only=True) as store:
        export(store, "jsonl", out, style="polecat")
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert all(tuple(r) == POLECAT_COLUMNS for r in rows)
    types = {r["Event Type"]: r for r in rows}
    assert types["accuse"]["Quad Code"] == "VERBAL CONFLICT"
    assert types["accuse"]["Num Independent Articles"] == 1


def test_export_refuses_a_style_for_article_events(db: Path) -> None:
    with open_store(db, read_only=True) as store, pytest.raises(InputError):
        export(store, "csv", None, what="events", style="gdelt")


def test_query_command_filters_and_formats(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "events", "--db", str(db), "--type", "ACCUSE", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["trigger_text"] for r in rows] == ["accused", "accused"]
    assert main(["query", "events", "--db", str(db), "--from", "March"]) == 2  # bad date


def test_query_missing_database_is_a_clean_error(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "events", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "no such database" in capsys.readouterr().err
