"""The store interface, written once over a small set of backend primitives.

A backend (DuckDB, PostgreSQL) supplies five primitives: ``_execute``, ``_executemany``,
``_fetch``, ``_transaction`` and ``close``, and translates its driver's errors into
``StoreError``. Everything else (the interface users and the corpus code call) is here,
as parameterised SQL over the tables of ``schema.py``: no statement is ever built from data.
"""

from __future__ import annotations

import datetime as dt
import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from .. import __version__
from ..errors import StoreError
from ..model import Analysis
from . import queries
from .rows import Row, analysis_dict, analysis_rows
from .schema import (
    ALL_TABLES,
    ARTICLE_TABLES,
    ARTICLES,
    CORPUS_TABLES,
    INGEST_RUNS,
    SCHEMA_VERSION,
    SCHEMA_VERSION_TABLE,
    SKIPPED,
    TABLES,
    Table,
)


@dataclass(frozen=True, slots=True)
class RunCounts:
    """What one ingest run did, as stored in ``ingest_runs``."""

    coded: int = 0
    already_stored: int = 0
    duplicates: int = 0
    skipped: int = 0
    errors: int = 0


@dataclass(frozen=True, slots=True)
class Skip:
    """One input that was not stored, and why (``kind``: skipped, duplicate or error)."""

    source_key: str
    kind: str
    step: str
    reason: str
    error_type: str | None = None
    article_id: str | None = None


def now() -> dt.datetime:
    """Return the current UTC time without tzinfo (both databases store it as is)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Store(ABC):
    """A newsevents database: articles and everything coded in them, runs, corpus tables.

    Open one with ``newsevents.store.open_store``; use it as a context manager. One
    process writes at a time (DuckDB enforces it with a file lock).
    """

    #: A human-readable name of the database (a path or a URL without the password).
    location: str = ""

    # -- backend primitives ---------------------------------------------------------------

    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run one statement with ``?`` placeholders."""

    @abstractmethod
    def _executemany(self, sql: str, rows: Sequence[Row]) -> None:
        """Run one statement for each row."""

    def _insert(self, table: Table, rows: Sequence[Row]) -> None:
        """Insert full rows of ``table`` (a backend may override it with a bulk path)."""
        self._executemany(table.insert_sql(), rows)

    @abstractmethod
    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Return the result rows as dicts by column name."""

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]:
        """Return a context that commits on success and rolls back on any exception."""

    @abstractmethod
    def close(self) -> None:
        """Close the connection."""

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- schema -----------------------------------------------------------------------------

    def _initialise(self, create: bool) -> None:
        """Create the tables of a new database, or check the schema version of an old one.

        Raises:
            StoreError: the database has another schema version, or (``create`` False) none.
        """
        found = self._fetch(queries.HAS_VERSION_TABLE)
        if not found:
            if not create:
                raise StoreError(
                    f"{self.location} is not a newsevents database (no schema_version table)"
                )
            with self._transaction():
                for table in ALL_TABLES:
                    self._execute(table.create_sql())
                self._execute(SCHEMA_VERSION_TABLE.insert_sql(), (SCHEMA_VERSION, now()))
            return
        rows = self._fetch("SELECT max(version) AS version FROM schema_version")
        version = rows[0]["version"] if rows else None
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"{self.location} has store schema version {version}; this newsevents "
                f"({__version__}) reads version {SCHEMA_VERSION}: ingest into a new database"
            )

    def schema_version(self) -> int:
        """Return the schema version recorded in the database."""
        return int(self._fetch("SELECT max(version) AS v FROM schema_version")[0]["v"])

    # -- ingest -----------------------------------------------------------------------------

    def stored_ids(self) -> set[str]:
        """Return the ids of every stored article."""
        return {r["id"] for r in self._fetch("SELECT id FROM articles")}

    def begin_run(self, sources: Sequence[str], workers: int) -> int:
        """Return the id of a new ingest run; earlier runs left ``running`` become ``interrupted``.

        A run is left ``running`` only when its process died (kill -9, power loss).
        """
        with self._transaction():
            self._execute(
                "UPDATE ingest_runs SET status = ? WHERE status = ?", ("interrupted", "running")
            )
            last = self._fetch("SELECT coalesce(max(run_id), 0) AS n FROM ingest_runs")
            run_id = int(last[0]["n"]) + 1
            self._execute(
                INGEST_RUNS.insert_sql(),
                (run_id, now(), None, "running", json.dumps(list(sources)), workers,
                 __version__, 0, 0, 0, 0, 0),
            )  # fmt: skip
        return run_id

    def finish_run(self, run_id: int, counts: RunCounts, status: str = "finished") -> None:
        """Record the end of run ``run_id`` with its counts."""
        with self._transaction():
            self._execute(
                "UPDATE ingest_runs SET finished_at = ?, status = ?, coded = ?, "
                "already_stored = ?, duplicates = ?, skipped = ?, errors = ? WHERE run_id = ?",
                (now(), status, counts.coded, counts.already_stored, counts.duplicates,
                 counts.skipped, counts.errors, run_id),
            )  # fmt: skip

    def write_analysis(self, analysis: Analysis, source_key: str | None, run_id: int) -> bool:
        """Store one article and all its rows in one transaction; return False if already stored.

        Either every row of the article is committed or none is: a process killed during
        the write leaves no trace of the article, and the next run codes it again.
        """
        return self.write_analyses([(analysis, source_key)], run_id)[0]

    def write_analyses(
        self, items: Sequence[tuple[Analysis, str | None]], run_id: int
    ) -> list[bool]:
        """Store several articles in one transaction; return, for each, False if already stored.

        All or nothing, as for one article: a kill during the write loses the whole chunk,
        which the next run codes again. One insert per table for the chunk, not per article.
        """
        stamp = now()
        merged: dict[str, list[Row]] = {table.name: [] for table in ARTICLE_TABLES}
        written: list[bool] = []
        with self._transaction():
            taken: set[str] = set()
            for analysis, source_key in items:
                aid = analysis.article.id
                if aid in taken or self._fetch(queries.ARTICLE_EXISTS, (aid,)):
                    written.append(False)
                    continue
                taken.add(aid)
                rows = analysis_rows(analysis, source_key, run_id, stamp)
                for table in ARTICLE_TABLES:
                    merged[table.name] += rows[table.name]
                written.append(True)
            for table in ARTICLE_TABLES:
                if merged[table.name]:
                    self._insert(table, merged[table.name])
        return written

    def record_skip(self, run_id: int, skip: Skip) -> None:
        """Record one input that was not stored, with its reason."""
        with self._transaction():
            last = self._fetch(
                "SELECT coalesce(max(seq), 0) AS n FROM skipped WHERE run_id = ?", (run_id,)
            )
            self._execute(
                SKIPPED.insert_sql(),
                (run_id, int(last[0]["n"]) + 1, skip.source_key, skip.article_id, skip.kind,
                 skip.step, skip.reason, skip.error_type, now()),
            )  # fmt: skip

    # -- corpus -----------------------------------------------------------------------------

    def replace_corpus_tables(self, rows: dict[str, list[Row]]) -> None:
        """Replace the corpus tables (duplicates, stories, corpus events) in one transaction.

        ``rows`` maps a corpus table name to its new rows; a table not in ``rows`` is kept.
        """
        unknown = set(rows) - {t.name for t in CORPUS_TABLES}
        if unknown:
            raise StoreError(f"not corpus tables: {', '.join(sorted(unknown))}")
        with self._transaction():
            for table in CORPUS_TABLES:
                if table.name in rows:
                    self._execute(queries.DELETE_ALL[table.name])
                    if rows[table.name]:
                        self._insert(table, rows[table.name])

    # -- reading ----------------------------------------------------------------------------

    def count(self, table: str) -> int:
        """Return the number of rows in ``table`` (one of the store's tables)."""
        return int(self._fetch(queries.COUNT[_known(table)])[0]["n"])

    def rows(self, table: str) -> list[dict[str, Any]]:
        """Return every row of ``table``, in key order."""
        return self._fetch(queries.SELECT_ALL[_known(table)])

    def analysis(self, article_id: str) -> dict[str, Any]:
        """Return the newsevents/1 JSON of a stored article, rebuilt from its rows.

        Raises:
            StoreError: no article with this id is stored.
        """
        tables: dict[str, list[dict[str, Any]]] = {}
        for table in ARTICLE_TABLES:
            tables[table.name] = self._fetch(queries.ARTICLE_ROWS[table.name], (article_id,))
        if not tables[ARTICLES.name]:
            raise StoreError(f"no article {article_id} in {self.location}")
        return analysis_dict(tables)

    def events(self, flt: queries.EventFilter | None = None) -> list[dict[str, Any]]:
        """Return article events (with actor names, outlet, date), filtered by ``flt``."""
        sql, params = queries.events_query(flt or queries.EventFilter())
        return self._fetch(sql, params)

    def corpus_events(self, flt: queries.EventFilter | None = None) -> list[dict[str, Any]]:
        """Return merged corpus events, filtered by ``flt`` (``asserted_by_outlet``: some
        report is asserted by its outlet)."""
        sql, params = queries.corpus_events_query(flt or queries.EventFilter())
        return self._fetch(sql, params)

    def select(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Return the rows of a read query as dicts by column name.

        ``sql`` must be constant text with ``?`` placeholders (no literal ``%`` or ``?``):
        every value travels in ``params``, never inside the SQL.
        """
        return self._fetch(sql, params)

    def iter_query(self, name: str) -> Iterator[dict[str, Any]]:
        """Return the rows of one of the named read queries in ``queries.NAMED``."""
        if name not in queries.NAMED:
            raise StoreError(f"unknown query {name!r}; known: {', '.join(sorted(queries.NAMED))}")
        yield from self._fetch(queries.NAMED[name])


def _known(table: str) -> str:
    if table not in TABLES:
        raise StoreError(f"unknown table {table!r}; tables: {', '.join(sorted(TABLES))}")
    return table
