"""Reading a corpus: folders of .txt/.html files, JSONL, CSV, or JSONL on standard input.

Every source yields ``Item``s (an article to code, with its metadata) and ``Malformed``
records (a line or row that cannot be an article, with the reason): a bad line is
recorded and skipped, never fatal. Keys (JSONL and CSV): ``text`` (required), ``title``,
``url``, ``outlet``, ``published`` (YYYY-MM-DD...), ``id`` (your own identifier, kept as
the article's source key). See ``docs/ingest.md``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..errors import InputError, MissingInputError

#: File suffixes a folder source reads (case-insensitive).
FOLDER_SUFFIXES: tuple[str, ...] = (".txt", ".html", ".htm")
#: Suffixes read as JSON Lines and as CSV.
JSONL_SUFFIXES: tuple[str, ...] = (".jsonl", ".ndjson", ".json")
CSV_SUFFIXES: tuple[str, ...] = (".csv", ".tsv")
#: The documented keys / columns; others are ignored.
FIELDS: tuple[str, ...] = ("text", "title", "url", "outlet", "published", "id")


@dataclass(frozen=True, slots=True)
class Item:
    """One article to code: raw text or HTML (str, or bytes from a file) and its metadata.

    ``key`` says where it came from: a file path, ``file:line``, or the record's ``id``.
    """

    key: str
    text: str | bytes
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Malformed:
    """A line, row or file that cannot be an article, and why."""

    key: str
    reason: str


Record = Item | Malformed


def read_sources(specs: Iterable[str], stdin: IO[str] | None = None) -> Iterator[Record]:
    """Return the records of every source, in order (folders in sorted path order).

    ``-`` reads JSONL from ``stdin`` (default ``sys.stdin``).

    Raises:
        MissingInputError: a source path does not exist.
        InputError: a file is neither JSONL, CSV nor a text/HTML article.
    """
    for spec in specs:
        yield from read_source(spec, stdin)


def read_source(spec: str, stdin: IO[str] | None = None) -> Iterator[Record]:
    """Return the records of one source (see ``read_sources``)."""
    if spec == "-":
        yield from read_jsonl(stdin or sys.stdin, "<stdin>")
        return
    path = Path(spec)
    if path.is_dir():
        yield from read_folder(path)
    elif not path.exists():
        raise MissingInputError(f"{spec}: no such file or folder")
    elif path.suffix.lower() in JSONL_SUFFIXES:
        with path.open(encoding="utf-8", errors="replace", newline="") as fh:
            yield from read_jsonl(fh, str(path))
    elif path.suffix.lower() in CSV_SUFFIXES:
        with path.open(encoding="utf-8", errors="replace", newline="") as fh:
            yield from read_csv(fh, str(path), delimiter="\t" if path.suffix == ".tsv" else ",")
    elif path.suffix.lower() in FOLDER_SUFFIXES:
        yield Item(key=str(path), text=path.read_bytes())
    else:
        raise InputError(
            f"{spec}: not a folder, JSONL ({', '.join(JSONL_SUFFIXES)}), CSV "
            f"({', '.join(CSV_SUFFIXES)}) or article ({', '.join(FOLDER_SUFFIXES)}) file"
        )


def folder_files(folder: Path) -> list[Path]:
    """Return the article files under ``folder`` (recursively), sorted by path."""
    return sorted(
        p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES
    )


def read_folder(folder: Path) -> Iterator[Record]:
    """Return one Item per .txt/.html file under ``folder``; the key is the file path."""
    for path in folder_files(folder):
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield Malformed(str(path), f"cannot read the file: {exc.strerror or exc}")
            continue
        yield Item(key=str(path), text=data)


def read_jsonl(lines: Iterable[str], name: str) -> Iterator[Record]:
    """Return one record per non-blank line of JSON Lines (``name`` labels the keys)."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Malformed(where, f"not JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield Malformed(where, f"a JSON {type(obj).__name__}, not an object with a text key")
            continue
        yield record_from_fields(obj, where)


def read_csv(fh: IO[str], name: str, delimiter: str = ",") -> Iterator[Record]:
    """Return one record per CSV row; the header must name a ``text`` column.

    Raises:
        InputError: the file has no header or no ``text`` column.
    """
    csv.field_size_limit(2**31 - 1)  # article texts exceed the 128 KiB default
    reader = csv.DictReader(fh, delimiter=delimiter)
    if not reader.fieldnames or "text" not in [f.strip().lower() for f in reader.fieldnames]:
        raise InputError(
            f"{name}: a CSV source needs a header row with a 'text' column "
            f"(optional: {', '.join(FIELDS[1:])})"
        )
    try:
        for row in reader:
            where = f"{name}:{reader.line_num}"
            if None in row:  # more cells than header columns
                yield Malformed(where, "more cells than the header has columns")
                continue
            fields = {k.strip().lower(): v for k, v in row.items() if k is not None}
            yield record_from_fields(fields, where)
    except csv.Error as exc:
        yield Malformed(f"{name}:{reader.line_num}", f"CSV error, rest of file skipped: {exc}")


def record_from_fields(obj: dict[str, Any], where: str) -> Record:
    """Return the Item described by a JSON object or CSV row, or Malformed with the reason."""
    text = obj.get("text")
    if not isinstance(text, str):
        kind = "missing" if text is None else f"a {type(text).__name__}, not a string"
        return Malformed(where, f"the 'text' field is {kind}")
    if not text.strip():
        return Malformed(where, "the 'text' field is empty")
    meta: dict[str, str | None] = {}
    for key in ("title", "url", "outlet", "published", "id"):
        value = obj.get(key)
        if value is not None and not isinstance(value, (str, int, float)):
            return Malformed(where, f"the {key!r} field is a {type(value).__name__}")
        meta[key] = None if value is None or value == "" else str(value)
    key = meta["id"] or where
    return Item(
        key=key, text=text, title=meta["title"], url=meta["url"], outlet=meta["outlet"],
        published=meta["published"],
    )  # fmt: skip


def count_records(specs: Iterable[str]) -> int | None:
    """Return how many records the sources hold (for the progress bar), or None for stdin.

    Counts files in folders and non-blank lines in JSONL; CSV rows are counted as parsed
    rows. Cheap next to coding.
    """
    total = 0
    for spec in specs:
        if spec == "-":
            return None
        path = Path(spec)
        if path.is_dir():
            total += len(folder_files(path))
        elif path.suffix.lower() in JSONL_SUFFIXES and path.is_file():
            with path.open(encoding="utf-8", errors="replace") as fh:
                total += sum(1 for line in fh if line.strip())
        elif path.suffix.lower() in CSV_SUFFIXES and path.is_file():
            with path.open(encoding="utf-8", errors="replace", newline="") as fh:
                csv.field_size_limit(2**31 - 1)
                total += max(sum(1 for _ in csv.reader(fh)) - 1, 0)
        else:
            total += 1
    return total
