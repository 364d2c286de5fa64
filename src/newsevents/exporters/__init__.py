"""Exports of the store: corpus events (or article events, articles) as JSONL, CSV or
Parquet, in our layout or GDELT's or POLECAT's (``styles.py``; ``docs/ingest.md``).

Counts are of *distinct* corpus events; each row carries its number of reports.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..store import Store
from .styles import GDELT_COLUMNS, POLECAT_COLUMNS, STYLES
from .writers import write_csv, write_jsonl, write_parquet

__all__ = ["FORMATS", "STYLES", "WHAT", "export", "export_rows"]

FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")
#: What can be exported, and the store query each reads.
WHAT: dict[str, str] = {
    "corpus-events": "corpus_events",
    "events": "events",
    "evidence": "corpus_event_evidence",
    "articles": "articles",
}


def export_rows(store: Store, what: str = "corpus-events", style: str = "native"
                ) -> tuple[list[dict[str, Any]], Sequence[str]]:  # fmt: skip
    """Return the rows to export and their column order.

    Raises:
        InputError: an unknown ``what`` or ``style``, or a style other than native for
            anything but corpus events.
    """
    if what not in WHAT:
        raise InputError(f"cannot export {what!r}; choose one of {', '.join(WHAT)}")
    if style not in STYLES:
        raise InputError(f"unknown style {style!r}; choose one of {', '.join(STYLES)}")
    if style != "native" and what != "corpus-events":
        raise InputError(f"--style {style} lays out corpus events; use it with corpus-events")
    rows = [STYLES[style](r) for r in store.iter_query(WHAT[what])]
    if style == "gdelt":
        columns: Sequence[str] = GDELT_COLUMNS
    elif style == "polecat":
        columns = POLECAT_COLUMNS
    else:
        columns = list(rows[0]) if rows else []
    return rows, columns


def export(store: Store, fmt: str, output: Path | None, what: str = "corpus-events",
           style: str = "native") -> int:  # fmt: skip
    """Write the export to ``output`` (None: standard output; Parquet needs a file);
    return the number of rows written.

    Raises:
        InputError: an unknown format, what or style; Parquet to standard output.
        StoreError: the database or the Parquet writer failed.
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    rows, columns = export_rows(store, what, style)
    if fmt == "parquet":
        if output is None:
            raise InputError("Parquet needs a file: give --output PATH")
        write_parquet(rows, output, columns)
        return len(rows)
    out = sys.stdout if output is None else output.open("w", encoding="utf-8", newline="")
    try:
        if fmt == "jsonl":
            write_jsonl(rows, out)
        else:
            write_csv(rows, out, columns)
    finally:
        if out is not sys.stdout:
            out.close()
    return len(rows)
