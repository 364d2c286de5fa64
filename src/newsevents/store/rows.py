"""Analysis ⇄ table rows: what one article writes, and how its JSON is rebuilt from them.

``analysis_rows`` decides every row first (plain tuples in the column order of
``schema.py``); the store then writes them in one transaction. ``analysis_dict`` is the
inverse: from the stored rows back to exactly ``Analysis.to_dict()``, so nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from ..model import SCHEMA, Analysis
from .schema import ACTORS, ARTICLES, DATES, EVENTS, FRAMING, MENTIONS, PLACES, STATEMENTS

Row = tuple[Any, ...]

MODALITY_FLAGS = ("negated", "conditional", "hypothetical", "future", "near_miss")


def analysis_rows(
    analysis: Analysis, source_key: str | None, run_id: int, now: dt.datetime
) -> dict[str, list[Row]]:
    """Return the rows of every article table for ``analysis``, keyed by table name."""
    data = analysis.to_dict()
    art = data["article"]
    aid = art["id"]
    rows: dict[str, list[Row]] = {t.name: [] for t in (
        ARTICLES, ACTORS, MENTIONS, STATEMENTS, EVENTS, DATES, PLACES, FRAMING,
    )}  # fmt: skip
    rows[ARTICLES.name].append((
        aid, art["title"], art["outlet"], art["url"], analysis.article.published,
        art["language"], art["text"], json.dumps(art["removed"], ensure_ascii=False),
        json.dumps(art["offsets"]), json.dumps([[s["start"], s["end"]] for s in data["sentences"]]),
        source_key, run_id, now,
    ))  # fmt: skip
    for i, a in enumerate(data["actors"]):
        rows[ACTORS.name].append((
            aid, a["id"], i, a["name"], a["kind"], a["country"], a["sector"], a["cameo"],
            a["role"], a["kb_id"],
        ))  # fmt: skip
        for j, m in enumerate(a["mentions"]):
            rows[MENTIONS.name].append(
                (aid, a["id"], j, m["start"], m["end"], m["text"], m["via"], m["confidence"])
            )
    for i, st in enumerate(data["statements"]):
        rows[STATEMENTS.name].append((
            aid, st["id"], i, st["speaker"], *_span(st["source"]), *_span(st["cue"]),
            *_span(st["content"]), st["kind"],
        ))  # fmt: skip
    for i, ev in enumerate(data["events"]):
        rows[EVENTS.name].append(_event_row(aid, i, ev))
    for i, d in enumerate(data["dates"]):
        rows[DATES.name].append(
            (aid, d["id"], i, d["start"], d["end"], d["text"], d["value"], d["precision"])
        )
    for i, p in enumerate(data["places"]):
        rows[PLACES.name].append((
            aid, p["id"], i, p["start"], p["end"], p["text"], p["name"], p["kind"],
            p["country"], p["latitude"], p["longitude"], p["geonames_id"],
        ))  # fmt: skip
    for i, f in enumerate(data["framing"]):
        rows[FRAMING.name].append(
            (aid, i, f["kind"], f["start"], f["end"], f["text"], f["note"], f["target"], f["label"])
        )
    return rows


def _span(span: dict[str, Any] | None) -> tuple[Any, Any, Any]:
    if span is None:
        return (None, None, None)
    return (span["start"], span["end"], span["text"])


def _event_row(aid: str, seq: int, ev: dict[str, Any]) -> Row:
    mod = ev["modality"]
    date = ev["date"] or {}
    return (
        aid, ev["id"], seq, ev["plover"], ev["plover_mode"], json.dumps(ev["context"]),
        ev["cameo"], ev["source"], ev["target"], ev["source_code"], ev["target_code"],
        *_span(ev["trigger"]), ev["sentence"], mod["negated"], mod["conditional"],
        mod["hypothetical"], mod["future"], mod["near_miss"], ev["asserted_by"],
        ev["certainty"], ev["date"] is not None, date.get("value"), date.get("precision"),
        date.get("start"), date.get("end"), date.get("text"), ev["location"], ev["factual"],
    )  # fmt: skip


def analysis_dict(tables: Mapping[str, Sequence[dict[str, Any]]]) -> dict[str, Any]:
    """Return the newsevents/1 JSON rebuilt from one article's rows (dicts by column).

    ``tables`` maps each article table name to that article's rows ordered by ``seq``
    (mentions by actor, then ``seq``).
    """
    art = tables[ARTICLES.name][0]
    published = art["published"]
    mentions: dict[str, list[dict[str, Any]]] = {}
    for m in tables[MENTIONS.name]:
        mentions.setdefault(m["actor_id"], []).append({
            "start": m["start_char"], "end": m["end_char"], "text": m["text"],
            "via": m["via"], "confidence": m["confidence"],
        })  # fmt: skip
    return {
        "schema": SCHEMA,
        "article": {
            "id": art["id"], "title": art["title"], "outlet": art["outlet"], "url": art["url"],
            "published": published.isoformat() if published else None,
            "language": art["language"], "text": art["text"],
            "removed": json.loads(art["removed"]), "offsets": json.loads(art["offsets"]),
        },
        "sentences": [{"start": s, "end": e} for s, e in json.loads(art["sentences"])],
        "actors": [
            {
                "id": a["actor_id"], "name": a["name"], "kind": a["kind"],
                "country": a["country"], "sector": a["sector"], "cameo": a["cameo"],
                "role": a["role"], "kb_id": a["kb_id"],
                "mentions": mentions.get(a["actor_id"], []),
            }
            for a in tables[ACTORS.name]
        ],
        "statements": [
            {
                "id": s["statement_id"], "speaker": s["speaker"],
                "source": _span_dict(s, "source"), "cue": _span_dict(s, "cue"),
                "content": _span_dict(s, "content"), "kind": s["kind"],
            }
            for s in tables[STATEMENTS.name]
        ],
        "events": [_event_dict(e) for e in tables[EVENTS.name]],
        "dates": [
            {
                "id": d["date_id"], "start": d["start_char"], "end": d["end_char"],
                "text": d["text"], "value": d["value"], "precision": d["date_precision"],
            }
            for d in tables[DATES.name]
        ],
        "places": [
            {
                "id": p["place_id"], "start": p["start_char"], "end": p["end_char"],
                "text": p["text"], "name": p["name"], "kind": p["kind"],
                "country": p["country"], "latitude": p["latitude"],
                "longitude": p["longitude"], "geonames_id": p["geonames_id"],
            }
            for p in tables[PLACES.name]
        ],
        "framing": [
            {
                "kind": f["kind"], "start": f["start_char"], "end": f["end_char"],
                "text": f["text"], "note": f["note"], "target": f["target"], "label": f["label"],
            }
            for f in tables[FRAMING.name]
        ],
    }  # fmt: skip


def _span_dict(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    if row[f"{prefix}_start_char"] is None:
        return None
    return {
        "start": row[f"{prefix}_start_char"],
        "end": row[f"{prefix}_end_char"],
        "text": row[f"{prefix}_text"],
    }


def _event_dict(e: dict[str, Any]) -> dict[str, Any]:
    date = None
    if e["has_date"]:
        date = {
            "value": e["date_value"], "precision": e["date_precision"],
            "start": e["date_start_char"], "end": e["date_end_char"], "text": e["date_text"],
        }  # fmt: skip
    return {
        "id": e["event_id"], "plover": e["plover"], "cameo": e["cameo"],
        "source": e["source"], "target": e["target"], "trigger": _span_dict(e, "trigger"),
        "sentence": e["sentence"], "plover_mode": e["plover_mode"],
        "context": json.loads(e["context"]), "source_code": e["source_code"],
        "target_code": e["target_code"],
        "modality": {k: e[k] for k in MODALITY_FLAGS},
        "asserted_by": e["asserted_by"], "certainty": e["certainty"], "date": date,
        "location": e["location"], "factual": e["factual"],
    }  # fmt: skip
