"""Writing rows: JSON Lines, CSV and Parquet (pyarrow)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from ..errors import StoreError

Row = dict[str, Any]


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def write_jsonl(rows: Sequence[Row], out: IO[str]) -> None:
    """Write one JSON object per row."""
    for row in rows:
        out.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False))
        out.write("\n")


def write_csv(rows: Sequence[Row], out: IO[str], columns: Sequence[str]) -> None:
    """Write a header of ``columns`` and one line per row (nested values as JSON)."""
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({
            k: json.dumps(v, default=_plain) if isinstance(v, (list, dict)) else _plain(v)
            for k, v in row.items()
        })  # fmt: skip


def write_parquet(rows: Sequence[Row], path: Path, columns: Sequence[str]) -> None:
    """Write ``rows`` as one Parquet file (nested values as JSON text).

    Raises:
        StoreError: pyarrow could not write the file.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = {
        c: [json.dumps(r.get(c), default=_plain) if isinstance(r.get(c), (list, dict))
            else r.get(c) for r in rows]
        for c in columns
    }  # fmt: skip
    try:
        pq.write_table(pa.table(data), path)
    except (pa.ArrowException, OSError) as exc:
        raise StoreError(f"{path}: cannot write Parquet: {exc}") from exc
