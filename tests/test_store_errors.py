"""Database failures reach callers as StoreError, with a message that says what to do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from newsevents.errors import StoreError
from newsevents.store import open_store
from newsevents.store.postgres import redact


def test_store_other_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    open_store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE schema_version SET version = 99")
    con.close()
    with pytest.raises(StoreError, match="schema version 99.*new database"):
        open_store(path)


def test_store_foreign_database_is_refused_read_only(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(StoreError, match="not a newsevents database"):
        open_store(path, read_only=True)


def test_store_missing_database_read_only(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        open_store(tmp_path / "none.duckdb", read_only=True)
    assert not (tmp_path / "none.duckdb").exists()


def test_store_locked_by_another_process(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    open_store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
         "print('ready', flush=True); sys.stdin.read()", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="in use by another process") as info:
            open_store(path)
        assert isinstance(info.value.__cause__, duckdb.Error)  # translated, not leaked
    finally:
        holder.communicate("", timeout=30)


def test_store_unreachable_postgres_is_a_store_error_without_password() -> None:
    pytest.importorskip("psycopg")
    url = "postgresql://me:secret@127.0.0.1:1/nodb?connect_timeout=2"
    with pytest.raises(StoreError) as info:
        open_store(url)
    assert "secret" not in str(info.value)
    assert redact(url).startswith("postgresql://me:***@127.0.0.1:1/nodb")
