"""CAMEO event codes to PLOVER types, from the official table read at run time.

``CAMEO2PLOVER-2021.txt`` lines read ``CODE: TYPE, mode, context # description``; root
lines read ``CODE: TYPE``. A code not in the table takes the entry of its longest prefix
that is (``0874`` → ``087``). CAMEO 01 and 02 (statements, appeals) have no PLOVER type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..model import PLOVER_TYPES
from .lines import content_lines, error, read_text

_CAMEO = re.compile(r"^[0-9]{2,4}$")


@dataclass(frozen=True, slots=True)
class PloverEntry:
    """The PLOVER type, mode (or None) and context codes of one CAMEO code."""

    type: str
    mode: str | None
    context: tuple[str, ...]


def read_cameo_plover(path: str | Path) -> dict[str, PloverEntry]:
    """Return the CAMEO → PLOVER table (first entry wins when a code is listed twice).

    Raises:
        MissingInputError: the file does not exist.
        DataError: a line that is not ``CODE: TYPE[, mode, context]`` with a PLOVER type.
    """
    table: dict[str, PloverEntry] = {}
    for line in content_lines(read_text(path)):
        text = line.text.strip()
        if text.startswith("~~~"):  # the table's end marker
            break
        if not text:
            continue
        code, sep, rest = text.partition(":")
        fields = [f.strip() for f in rest.split(",")]
        if not sep or not _CAMEO.match(code.strip()) or fields[0] not in PLOVER_TYPES:
            raise error(path, line, f"not a 'CODE: TYPE, mode, context' line: {text!r}")
        mode = fields[1] if len(fields) > 1 and fields[1] else None
        context = tuple(c.strip() for f in fields[2:] for c in f.split(";") if c.strip())
        table.setdefault(code.strip(), PloverEntry(fields[0], mode, context))
    return table


def plover_for(cameo: str, table: dict[str, PloverEntry]) -> PloverEntry | None:
    """Return the PLOVER entry of a CAMEO code, by its longest listed prefix, or None."""
    if not _CAMEO.match(cameo):
        return None
    for cut in range(len(cameo), 1, -1):
        entry = table.get(cameo[:cut])
        if entry is not None:
            return entry
    return None
