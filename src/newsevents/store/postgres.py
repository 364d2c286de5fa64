"""The PostgreSQL backend (``--db postgresql://user@host:port/dbname``), psycopg 3.

Install it with ``pip install 'newsevents[postgres]'``. The tables are those of the DuckDB
store, created in the connection's current schema.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..errors import StoreError
from .base import Store
from .rows import Row


def redact(url: str) -> str:
    """Return ``url`` without its password, fit for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    netloc = f"{parts.username}:***@{host}" if parts.username else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _placeholders(sql: str) -> str:
    # Our SQL is constant text with ``?`` placeholders and no literal ``%`` or ``?``
    # (values always travel as parameters), so this rewrite is exact.
    return sql.replace("?", "%s")


class PostgresStore(Store):
    """A store in a PostgreSQL database. Raises StoreError for every database failure."""

    def __init__(self, url: str, read_only: bool = False) -> None:
        self.location = redact(url)
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as exc:
            raise StoreError(
                "the PostgreSQL store needs psycopg: pip install 'newsevents[postgres]'"
            ) from exc
        with self._translate():
            self._con = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        self._depth = 0
        try:
            self._initialise(create=not read_only)
        except BaseException:
            self._con.close()
            raise

    @contextmanager
    def _translate(self) -> Iterator[None]:
        import psycopg

        try:
            yield
        except psycopg.Error as exc:
            raise StoreError(f"{self.location}: {exc}".strip()) from exc

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self._translate():
            self._con.execute(_placeholders(sql), list(params))

    def _executemany(self, sql: str, rows: Sequence[Row]) -> None:
        with self._translate(), self._con.cursor() as cur:
            cur.executemany(_placeholders(sql), [list(r) for r in rows])

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._translate():
            cur = self._con.execute(_placeholders(sql), list(params))
            return list(cur.fetchall())

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._translate(), self._con.transaction():
            yield

    def close(self) -> None:
        """Close the connection."""
        with self._translate():
            self._con.close()
