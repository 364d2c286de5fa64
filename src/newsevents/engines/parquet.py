"""The Parquet dataset a cluster run leaves behind: one partition per batch, and a manifest.

Layout under the output (a local folder or any URL pyarrow or fsspec opens: ``s3://``,
``gs://``, ``hdfs://``, ``abfs://`` ...)::

    OUTPUT/
      articles/run=TAG/part-000001.parquet   one file per batch, per store table,
      actors/run=TAG/part-000001.parquet     with the store's columns (``store/schema.py``)
      ...                                    (``run_id`` is the store's ingest run)
      manifest/run=TAG/manifest.parquet      one row per article handed to the engine

A partition is written under a temporary name and then moved into place, so a batch
retried after its worker died replaces its partition instead of adding a second one: a
reader never sees an article twice. DuckDB reads the dataset in place::

    SELECT * FROM read_parquet('OUTPUT/events/*/*.parquet', hive_partitioning = true)
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from ..errors import EngineError
from ..model import Analysis
from ..store.rows import analysis_rows
from ..store.schema import ARTICLE_TABLES, Table

#: The URL prefix that names a Parquet output explicitly (``parquet://DIR``).
PARQUET_SCHEME = "parquet://"
MANIFEST = "manifest"


@dataclass(slots=True)
class ManifestRow:
    """What happened to one article handed to the engine.

    ``status``: ``coded``, ``skipped`` (bad input, e.g. not English: ``reason`` says
    why), ``error`` (a step failed, or every attempt of its batch was lost) or
    ``pending`` (the run stopped before its batch came back). ``attempts`` counts the
    submissions of its batch; ``retried`` is ``attempts > 1``.
    """

    key: str
    batch: int
    attempts: int = 1
    status: str = "pending"
    article_id: str | None = None
    step: str | None = None
    error_type: str | None = None
    reason: str | None = None
    worker_pid: int | None = None

    @property
    def retried(self) -> bool:
        """Return True when the article's batch was submitted more than once."""
        return self.attempts > 1


def split_output(url: str) -> tuple[Any, str]:
    """Return ``(pyarrow FileSystem, base path)`` for an output folder or URL.

    ``parquet://DIR`` and plain paths are local folders (made absolute); other URLs go to
    pyarrow's filesystems (s3, gs, hdfs...), else to fsspec when it is installed.

    Raises:
        EngineError: the URL's filesystem is unknown or cannot be opened.
    """
    import pyarrow as pa
    import pyarrow.fs as pafs

    if url.startswith(PARQUET_SCHEME):
        url = url[len(PARQUET_SCHEME) :]
    if "://" not in url:
        return pafs.LocalFileSystem(), os.path.abspath(url)
    try:
        fs, path = pafs.FileSystem.from_uri(url)
        return fs, str(path)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, OSError) as arrow_exc:
        try:
            import fsspec
        except ImportError:
            raise EngineError(
                f"{url}: pyarrow cannot open this URL ({arrow_exc}); install fsspec and the "
                "package for its scheme (e.g. s3fs, gcsfs, adlfs), or write to a folder"
            ) from arrow_exc
        try:
            ffs, path = fsspec.core.url_to_fs(url)
        except (ImportError, ValueError, OSError) as exc:
            raise EngineError(f"{url}: cannot open this output: {exc}") from exc
        return pafs.PyFileSystem(pafs.FSSpecHandler(ffs)), str(path)


_ARROW_TYPES = {
    "TEXT": "string",
    "INTEGER": "int64",
    "BIGINT": "int64",
    "BOOLEAN": "bool",
    "DOUBLE PRECISION": "float64",
    "DATE": "date32",
    "TIMESTAMP": "timestamp[us]",
}


def arrow_schema(table: Table) -> Any:
    """Return the pyarrow schema of a store table (the same columns, in order)."""
    import pyarrow as pa

    return pa.schema(
        [(name, pa.type_for_alias(_ARROW_TYPES[kind])) for name, kind in table.columns]
    )


def manifest_schema() -> Any:
    """Return the pyarrow schema of the manifest (``ManifestRow``'s fields, then ``retried``)."""
    import pyarrow as pa

    return pa.schema([
        ("key", pa.string()), ("batch", pa.int64()), ("attempts", pa.int64()),
        ("status", pa.string()), ("article_id", pa.string()), ("step", pa.string()),
        ("error_type", pa.string()), ("reason", pa.string()), ("worker_pid", pa.int64()),
        ("retried", pa.bool_()),
    ])  # fmt: skip


def _write_table(fs: Any, folder: str, name: str, table: Any) -> str:
    """Write ``table`` to ``folder/name`` atomically (temporary name, then move); return
    the path."""
    import pyarrow.parquet as pq

    fs.create_dir(folder, recursive=True)
    final = f"{folder}/{name}"
    tmp = f"{folder}/.{name}.{uuid.uuid4().hex}.tmp"
    pq.write_table(table, tmp, filesystem=fs)
    fs.move(tmp, final)
    return final


def write_partition(
    output: str,
    tag: str,
    batch: int,
    analyses: Sequence[tuple[str, Analysis]],
    run_id: int,
) -> int:
    """Write one batch's rows, one file per store table; return the number of articles.

    Writing the same ``batch`` again replaces its files (a retried batch).

    Raises:
        EngineError: the output cannot be written.
    """
    import pyarrow as pa

    if not analyses:
        return 0
    fs, base = split_output(output)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    columns: dict[str, list[tuple[Any, ...]]] = {t.name: [] for t in ARTICLE_TABLES}
    for key, analysis in analyses:
        for name, rows in analysis_rows(analysis, key, run_id, now).items():
            columns[name].extend(rows)
    part = f"part-{batch:06d}.parquet"
    try:
        for table in ARTICLE_TABLES:
            schema = arrow_schema(table)
            data = pa.Table.from_pylist(
                [dict(zip(schema.names, row, strict=True)) for row in columns[table.name]],
                schema=schema,
            )
            _write_table(fs, f"{base}/{table.name}/run={tag}", part, data)
    except (OSError, pa.ArrowException) as exc:
        raise EngineError(f"{output}: cannot write partition {part}: {exc}") from exc
    return len(analyses)


def write_manifest(output: str, tag: str, rows: Iterable[ManifestRow]) -> str:
    """Write the run's manifest (one row per article, sorted by batch then key); return
    its path.

    Raises:
        EngineError: the output cannot be written.
    """
    import pyarrow as pa

    fs, base = split_output(output)
    records = [
        {**asdict(r), "retried": r.retried} for r in sorted(rows, key=lambda r: (r.batch, r.key))
    ]
    try:
        table = pa.Table.from_pylist(records, schema=manifest_schema())
        return _write_table(fs, f"{base}/{MANIFEST}/run={tag}", "manifest.parquet", table)
    except (OSError, pa.ArrowException) as exc:
        raise EngineError(f"{output}: cannot write the manifest: {exc}") from exc


def read_manifest(output: str, tag: str | None = None) -> list[dict[str, Any]]:
    """Return the manifest rows of run ``tag`` (default: every run under ``output``)."""
    import pyarrow.dataset as ds

    fs, base = split_output(output)
    folder = f"{base}/{MANIFEST}" + (f"/run={tag}" if tag else "")
    rows: list[dict[str, Any]] = (
        ds.dataset(folder, filesystem=fs, format="parquet", partitioning="hive")
        .to_table()
        .to_pylist()
    )
    return rows


def new_tag() -> str:
    """Return a run tag that sorts by time and never collides (UTC time + random)."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    return f"{stamp}-{uuid.uuid4().hex[:6]}"
