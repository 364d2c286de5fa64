"""Reading the TABARI/PETRARCH flat files: comments, line numbers, dates and errors.

Every dictionary format shares these rules (PETRARCH2 ``docs/source/dictionaries.rst``):
``# ...`` ends a line's content; a line starting with ``<`` is a comment (``<!-- ... -->``
may run over several lines); blank lines are skipped by the readers that do not use them.
Files are ASCII or UTF-8; the Phoenix country file has a few Latin-1 bytes, so bytes that
are not UTF-8 are read as Latin-1 rather than refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError, MissingInputError


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a dictionary file with its comments removed."""

    number: int
    text: str  # content without comments, trailing white space removed
    raw: str  # the line as it is in the file


def read_text(path: str | Path) -> str:
    """Return the text of a dictionary file (UTF-8, else Latin-1).

    Raises:
        MissingInputError: the file does not exist.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise MissingInputError(f"dictionary file not found: {p}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def content_lines(text: str) -> Iterator[Line]:
    """Yield every line of ``text`` with its comments removed (blank lines included)."""
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_comment:
            end = line.find("-->")
            if end < 0:
                yield Line(number, "", raw)
                continue
            in_comment = False
            line = line[end + 3 :]
        stripped = line.lstrip()
        if stripped.startswith("<"):
            # "<!-- ... -->" (maybe several lines) or a malformed "<! -- ... -->": a comment
            # either way, as in PETRARCH; "<ISSUE ...>" tags are returned for the issue
            # reader, which asks for them by name.
            if stripped.startswith("<!--") and "-->" not in stripped[4:]:
                in_comment = True
            if stripped.upper().startswith(("<ISSUE", "</ISSUE")):
                yield Line(number, stripped.rstrip(), raw)
            else:
                yield Line(number, "", raw)
            continue
        while "<!--" in line:  # an inline comment in the middle of a line
            start = line.index("<!--")
            end = line.find("-->", start + 4)
            if end < 0:
                line, in_comment = line[:start], True
                break
            line = line[:start] + line[end + 3 :]
        line = _drop_hash_comment(line)
        yield Line(number, line.rstrip(), raw)


def _drop_hash_comment(line: str) -> str:
    """Return ``line`` up to its first ``#`` outside ``[...]`` (``[###]`` is a code)."""
    depth = 0
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(depth - 1, 0)
        elif ch == "#" and depth == 0:
            return line[:i]
    return line


def error(path: str | Path, line: Line | int, message: str) -> DataError:
    """Return a DataError naming the file and line, with what to fix."""
    number = line if isinstance(line, int) else line.number
    return DataError(f"{path}:{number}: {message}")


def parse_date(text: str) -> dt.date:
    """Return the date of a dictionary date: ``YYYYMMDD`` or ``YYMMDD``.

    Two-digit years below 30 are 20xx, others 19xx (the dictionaries were written from
    1991 to 2015 and their dated entries start in the 1890s only with four-digit years).

    Raises:
        ValueError: not a date in either form.
    """
    digits = text.strip()
    if not digits.isdigit() or len(digits) not in (6, 8):
        raise ValueError(f"{text!r} is not a YYMMDD or YYYYMMDD date")
    if len(digits) == 6:
        yy = int(digits[:2])
        year = 2000 + yy if yy < 30 else 1900 + yy
        month, day = int(digits[2:4]), int(digits[4:6])
    else:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    return dt.date(year, month, day)


def phrase_words(text: str) -> tuple[str, ...]:
    """Return the upper-case words of a dictionary phrase (``_`` or blanks between words)."""
    return tuple(w for w in text.replace("_", " ").upper().split() if w)
