"""Events merged across articles: one corpus event per (source, type, target, date).

GDELT counts an event once per article that reports it, so one wire story republished
by fifty sites becomes fifty "events". Here every report of the same source actor, PLOVER
type, target actor and date becomes one corpus event that lists every evidence span, with
the number of reports, of distinct articles and of *independent* articles (copies of one
original count once) beside it.

Actors are matched across articles by knowledge-base id, else CAMEO actor code, else
lower-cased name; the date is the event's coded date, else the article's publication date.
An event with no date at all, or with neither a source nor a target, cannot be told
apart from another of its type: it stays a corpus event of its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..store.rows import Row

#: (source, type, target, date, alone): ``alone`` is empty for a mergeable event, else
#: ``article id/event id``.
Key = tuple[str, str, str, str, str]


@dataclass(slots=True)
class _Group:
    key: Key
    reports: list[dict[str, Any]] = field(default_factory=list)


def actor_key(kb: str | None, code: str | None, name: str | None) -> str:
    """Return the cross-article identity of an actor: its knowledge-base id, else
    ``code:<CAMEO code>``, else ``name:<lower-case name>``, else ``-`` (no actor)."""
    if kb:
        return kb
    if code:
        return f"code:{code.upper()}"
    if name:
        return f"name:{' '.join(name.lower().split())}"
    return "-"


def event_key(row: Mapping[str, Any]) -> Key:
    """Return (source, type, target, date, alone) of one article event row (``merge_inputs``)."""
    published = row["published"]
    date = row["date_value"] or (published.isoformat() if published else "")
    source = actor_key(row["source_kb"], row["source_code"], row["source_name"])
    target = actor_key(row["target_kb"], row["target_code"], row["target_name"])
    alone = ""
    if not date or source == target == "-":
        alone = f"{row['article_id']}/{row['event_id']}"
    return (source, row["plover"], target, date, alone)


def corpus_event_id(key: Key) -> str:
    """Return the stable id of a corpus event: 16 hex digits of the sha256 of its key."""
    return hashlib.sha256("\x1f".join(key).encode("utf-8")).hexdigest()[:16]


def _most_common(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v is not None and v != "")
    return counts.most_common(1)[0][0] if counts else None


def merge_events(
    rows: Sequence[Mapping[str, Any]],
    originals: Mapping[str, str],
    stories: Mapping[str, str],
) -> tuple[list[Row], list[Row]]:
    """Return (corpus_events rows, corpus_event_evidence rows) for the article events.

    ``originals`` maps a copy's article id to its earliest known source; ``stories`` maps
    article ids to story ids.
    """
    groups: dict[Key, _Group] = {}
    for row in rows:
        key = event_key(row)
        groups.setdefault(key, _Group(key)).reports.append(dict(row))
    events: list[Row] = []
    evidence: list[Row] = []
    for key, group in sorted(groups.items()):
        cid = corpus_event_id(key)
        reps = group.reports
        events.append(_event_row(cid, key, reps, originals, stories))
        seen: set[tuple[str, str]] = set()
        for r in reps:
            if (r["article_id"], r["event_id"]) in seen:
                continue
            seen.add((r["article_id"], r["event_id"]))
            sent = _sentence(r["sentences"], r["sentence"])
            evidence.append((
                cid, r["article_id"], r["event_id"], r["trigger_start_char"],
                r["trigger_end_char"], r["trigger_text"], sent[0], sent[1], r["asserted_by"],
                r["factual"],
            ))  # fmt: skip
    return events, evidence


def _sentence(sentences_json: str | None, index: int | None) -> tuple[int | None, int | None]:
    if not sentences_json or index is None:
        return None, None
    sentences = json.loads(sentences_json)
    if 0 <= index < len(sentences):
        return int(sentences[index][0]), int(sentences[index][1])
    return None, None


def _event_row(
    cid: str,
    key: Key,
    reps: list[dict[str, Any]],
    originals: Mapping[str, str],
    stories: Mapping[str, str],
) -> Row:
    articles = {r["article_id"] for r in reps}
    dated = sorted(reps, key=lambda r: (r["published"] or dt.date.max, r["article_id"]))
    first = dated[0]
    published = [r["published"] for r in reps if r["published"]]
    place = _most_common(r["place_name"] for r in reps)
    at = next((r for r in reps if r["place_name"] == place), {}) if place else {}
    return (
        cid, key[1], _most_common(r["cameo"] for r in reps),
        key[0], _most_common(r["source_name"] for r in reps),
        _most_common(r["source_code"] for r in reps),
        _most_common(r["source_country"] for r in reps),
        _most_common(r["source_sector"] for r in reps),
        key[2], _most_common(r["target_name"] for r in reps),
        _most_common(r["target_code"] for r in reps),
        _most_common(r["target_country"] for r in reps),
        _most_common(r["target_sector"] for r in reps),
        key[3] or None, len(reps), len(articles),
        len({originals.get(a, a) for a in articles}),
        len({r["outlet"] for r in reps if r["outlet"]}),
        sum(1 for r in reps if r["factual"]),
        sum(1 for r in reps if r["asserted_by"] == "outlet"),
        min(published) if published else None, max(published) if published else None,
        first["url"], place, at.get("place_country"), at.get("latitude"),
        at.get("longitude"), at.get("geonames_id"), stories.get(first["article_id"]),
    )  # fmt: skip
