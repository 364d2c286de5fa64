"""Output formats: the newsevents/1 JSON Schema and its validator."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

from ..errors import SchemaError

SCHEMA_FILE = "newsevents-1.schema.json"


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """Return the newsevents/1 JSON Schema as a dict."""
    text = files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate(data: dict[str, Any]) -> None:
    """Return None if ``data`` is valid newsevents/1 JSON; also check every span's offsets.

    Raises:
        SchemaError: the first problem found, with its JSON path.
    """
    import jsonschema

    try:
        jsonschema.validate(data, load_schema(), cls=jsonschema.Draft202012Validator)
    except jsonschema.ValidationError as exc:
        path = "/".join(str(p) for p in exc.absolute_path)
        raise SchemaError(f"newsevents/1 output invalid at /{path}: {exc.message}") from exc
    check_spans(data)


def check_spans(data: dict[str, Any]) -> None:
    """Return None if every span's text equals ``article.text[start:end]``.

    Raises:
        SchemaError: naming the first span that does not index the text.
    """
    text: str = data["article"]["text"]
    for where, span in _spans(data):
        start, end = span["start"], span["end"]
        if not (0 <= start <= end <= len(text)):
            raise SchemaError(f"{where}: [{start}, {end}) is outside the text")
        if "text" in span and span["text"] is not None and text[start:end] != span["text"]:
            raise SchemaError(f"{where}: text {span['text']!r} != article.text[{start}:{end}]")


def _spans(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    out += [(f"sentences/{i}", s) for i, s in enumerate(data["sentences"])]
    for i, actor in enumerate(data["actors"]):
        out += [(f"actors/{i}/mentions/{j}", m) for j, m in enumerate(actor["mentions"])]
    for i, st in enumerate(data["statements"]):
        out += [(f"statements/{i}/{k}", st[k]) for k in ("source", "cue", "content") if st[k]]
    for i, ev in enumerate(data["events"]):
        out.append((f"events/{i}/trigger", ev["trigger"]))
        if ev["date"] and ev["date"]["start"] is not None:
            out.append((f"events/{i}/date", ev["date"]))
    for key in ("dates", "places", "framing"):
        out += [(f"{key}/{i}", x) for i, x in enumerate(data[key])]
    return out
