"""The store: every coded article, its findings and the corpus tables, in one database.

>>> from newsevents.store import open_store
>>> with open_store("newsevents.duckdb") as store:  # doctest: +SKIP
...     store.count("articles")

DuckDB (one file) is the default; ``postgresql://...`` opens a PostgreSQL database through
the same interface (``Store`` in ``base.py``). ``docs/store.md`` documents the tables.
The coder (``newsevents.analyze`` and its steps) never imports this package.
"""

from __future__ import annotations

import os

from .base import RunCounts, Skip, Store
from .queries import EventFilter
from .schema import SCHEMA_VERSION, TABLES

DEFAULT_DB = "newsevents.duckdb"

__all__ = [
    "DEFAULT_DB",
    "SCHEMA_VERSION",
    "TABLES",
    "EventFilter",
    "RunCounts",
    "Skip",
    "Store",
    "is_postgres",
    "open_store",
]


def is_postgres(db: str | os.PathLike[str]) -> bool:
    """Return True when ``db`` is a PostgreSQL URL rather than a DuckDB file path."""
    return str(db).startswith(("postgresql://", "postgres://"))


def open_store(db: str | os.PathLike[str] | None = None, read_only: bool = False) -> Store:
    """Return the store at ``db``: a DuckDB file path (default ``newsevents.duckdb``) or a
    ``postgresql://`` URL. A new database gets the tables; an existing one is checked.

    ``read_only`` opens an existing database for reading (query, export) and never
    creates one.

    Raises:
        StoreError: the database cannot be opened, is locked by another writer, has
            another schema version, or (read_only) does not exist.
    """
    target = DEFAULT_DB if db is None else db
    if is_postgres(target):
        from .postgres import PostgresStore

        return PostgresStore(str(target), read_only=read_only)
    from .duck import DuckDBStore

    return DuckDBStore(target, read_only=read_only)
