"""The DuckDB backend: one file (``newsevents.duckdb`` by default), the default store."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .base import Store
from .rows import Row
from .schema import Table


@contextmanager
def translate_errors(location: str) -> Iterator[None]:
    """Re-raise any DuckDB error inside the block as StoreError, naming the database."""
    import duckdb

    try:
        yield
    except duckdb.Error as exc:
        raise StoreError(f"{location}: {_explain(str(exc))}") from exc


def _explain(message: str) -> str:
    if "lock" in message.lower():
        return (
            "the database is in use by another process (one newsevents ingest at a time; "
            f"close the other one and retry). DuckDB said: {message}"
        )
    return message


@lru_cache(maxsize=1)
def _arrow_types() -> dict[str, Any]:
    """Return the schema's SQL types as Arrow types (pyarrow is imported on first use)."""
    import pyarrow as pa

    return {"TEXT": pa.string(), "INTEGER": pa.int64(), "BIGINT": pa.int64(),
            "DOUBLE PRECISION": pa.float64(), "BOOLEAN": pa.bool_(), "DATE": pa.date32(),
            "TIMESTAMP": pa.timestamp("us")}


class DuckDBStore(Store):
    """A store in one DuckDB file.

    Raises StoreError (never a duckdb exception) for every database failure.
    """

    def __init__(self, path: str | os.PathLike[str], read_only: bool = False) -> None:
        import duckdb

        self.location = str(path)
        if read_only and not Path(path).is_file():
            raise StoreError(f"{path}: no such database (create it with `newsevents ingest`)")
        with translate_errors(self.location):
            self._con = duckdb.connect(str(path), read_only=read_only)
        self._in_transaction = False
        try:
            self._initialise(create=not read_only)
        except BaseException:
            self._con.close()
            raise

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        with translate_errors(self.location):
            self._con.execute(sql, list(params))

    def _executemany(self, sql: str, rows: Sequence[Row]) -> None:
        with translate_errors(self.location):
            self._con.executemany(sql, [list(r) for r in rows])

    def _insert(self, table: Table, rows: Sequence[Row]) -> None:
        """Insert rows through one Arrow table: DuckDB's ``executemany`` runs one statement per
        row, which made the store write most of an ingest's time (~170 ms an article)."""
        import pyarrow as pa

        types = _arrow_types()
        columns = zip(zip(*rows, strict=True), table.columns, strict=True)
        data = pa.table(
            [pa.array(col, type=types[kind]) for col, (_, kind) in columns],
            names=list(table.column_names),
        )
        names = ", ".join(table.column_names)
        with translate_errors(self.location):
            self._con.register("_newsevents_rows", data)
            try:
                self._con.execute(
                    f"INSERT INTO {table.name} ({names}) SELECT {names} FROM _newsevents_rows"
                )
            finally:
                self._con.unregister("_newsevents_rows")

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with translate_errors(self.location):
            cur = self._con.execute(sql, list(params))
            names = [d[0] for d in cur.description or ()]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self._in_transaction:  # nested: the outer transaction commits
            yield
            return
        with translate_errors(self.location):
            self._con.begin()
        self._in_transaction = True
        try:
            yield
        except BaseException:
            self._in_transaction = False
            with translate_errors(self.location):
                self._con.rollback()
            raise
        self._in_transaction = False
        with translate_errors(self.location):
            self._con.commit()

    def close(self) -> None:
        """Close the connection (committed data is on disk already)."""
        with translate_errors(self.location):
            self._con.close()
