"""The store's read queries: constant SQL, and filters that add only ``?`` parameters.

A filter never puts a user's value into SQL text: each condition is a fixed fragment with
placeholders, and the values travel as parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .schema import ARTICLE_TABLES, TABLES

HAS_VERSION_TABLE = (
    "SELECT table_name FROM information_schema.tables "
    "WHERE table_name = 'schema_version' AND table_schema = current_schema()"
)
ARTICLE_EXISTS = "SELECT 1 AS found FROM articles WHERE id = ?"

COUNT = {name: f"SELECT count(*) AS n FROM {name}" for name in TABLES}
DELETE_ALL = {name: f"DELETE FROM {name}" for name in TABLES}
SELECT_ALL = {
    name: f"SELECT * FROM {name}" + (f" ORDER BY {', '.join(t.key)}" if t.key else "")
    for name, t in TABLES.items()
}
ARTICLE_ROWS = {
    t.name: (
        "SELECT * FROM articles WHERE id = ?"
        if t.name == "articles"
        else f"SELECT * FROM {t.name} WHERE article_id = ? ORDER BY "
        + ("actor_id, seq" if t.name == "mentions" else "seq")
    )
    for t in ARTICLE_TABLES
}

_EVENT_DATE = "coalesce(e.date_value, CAST(a.published AS TEXT))"

EVENTS_SELECT = f"""
SELECT e.article_id, e.event_id, e.plover, e.plover_mode, e.cameo,
       sa.name AS source_name, e.source_code, ta.name AS target_name, e.target_code,
       e.trigger_text, e.sentence, {_EVENT_DATE} AS event_date, e.date_precision,
       e.negated, e.conditional, e.hypothetical, e.future, e.near_miss,
       e.asserted_by, e.factual, e.certainty, a.outlet, a.published, a.url, a.title
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN actors sa ON sa.article_id = e.article_id AND sa.actor_id = e.source
LEFT JOIN actors ta ON ta.article_id = e.article_id AND ta.actor_id = e.target
"""

#: Inputs of the corpus pass and the exports.
NAMED: dict[str, str] = {
    "corpus_articles": (
        "SELECT id, text, title, outlet, url, published, source_key, run_id, ingested_at "
        "FROM articles ORDER BY run_id, ingested_at, id"
    ),
    "articles": (
        "SELECT a.id, a.title, a.outlet, a.url, a.published, a.language, a.source_key, "
        "a.run_id, a.ingested_at, d.original_id, s.story_id, length(a.text) AS characters "
        "FROM articles a LEFT JOIN duplicates d ON d.article_id = a.id "
        "LEFT JOIN stories s ON s.article_id = a.id ORDER BY a.published, a.id"
    ),
    "merge_inputs": """
SELECT e.article_id, e.event_id, e.plover, e.cameo, e.trigger_start_char, e.trigger_end_char,
       e.trigger_text, e.sentence, e.date_value, e.asserted_by, e.factual, e.location,
       e.source_code, e.target_code,
       sa.name AS source_name, sa.kb_id AS source_kb, sa.country AS source_country,
       sa.sector AS source_sector,
       ta.name AS target_name, ta.kb_id AS target_kb, ta.country AS target_country,
       ta.sector AS target_sector,
       p.name AS place_name, p.country AS place_country, p.latitude, p.longitude,
       p.geonames_id, a.published, a.outlet, a.url, a.sentences
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN actors sa ON sa.article_id = e.article_id AND sa.actor_id = e.source
LEFT JOIN actors ta ON ta.article_id = e.article_id AND ta.actor_id = e.target
LEFT JOIN places p ON p.article_id = e.article_id AND p.place_id = e.location
ORDER BY a.published, e.article_id, e.seq
""",
    "corpus_events": "SELECT * FROM corpus_events ORDER BY event_date, id",
    "corpus_event_evidence": (
        "SELECT v.*, a.outlet, a.published, a.url FROM corpus_event_evidence v "
        "JOIN articles a ON a.id = v.article_id ORDER BY v.corpus_event_id, a.published"
    ),
    "events": EVENTS_SELECT + " ORDER BY event_date, e.article_id, e.seq",
    "skipped": "SELECT * FROM skipped ORDER BY run_id, seq",
    "ingest_runs": "SELECT * FROM ingest_runs ORDER BY run_id",
}


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events a query returns; every field None means no condition.

    ``actor`` matches a source or target by name (case-insensitive substring), CAMEO
    actor code prefix or knowledge-base id; ``event_type`` is a PLOVER type or a CAMEO
    code prefix; ``date_from``/``date_to`` are ISO dates, compared at the precision the
    event's date has (an event dated 2016-03 is inside ``--from 2016-03-15``).
    """

    actor: str | None = None
    event_type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    asserted_by_outlet: bool = False
    limit: int | None = None


def like(value: str) -> str:
    """Return a LIKE pattern matching ``value`` anywhere (lower-cased), its wildcards escaped."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def _conditions(
    flt: EventFilter, cols: dict[str, str]
) -> tuple[list[str], list[Any]]:
    """Return the WHERE fragments and their parameters for ``flt`` over columns ``cols``."""
    where: list[str] = []
    params: list[Any] = []
    if flt.actor:
        where.append(
            f"(lower({cols['source_name']}) LIKE ? ESCAPE '\\' "
            f"OR lower({cols['target_name']}) LIKE ? ESCAPE '\\' "
            f"OR upper({cols['source_code']}) LIKE ? ESCAPE '\\' "
            f"OR upper({cols['target_code']}) LIKE ? ESCAPE '\\' "
            f"OR {cols['source_kb']} = ? OR {cols['target_kb']} = ?)"
        )
        code = like(flt.actor)[1:].upper()  # a code prefix: RUS matches RUSGOV
        params += [like(flt.actor), like(flt.actor), code, code, flt.actor, flt.actor]
    if flt.event_type:
        if flt.event_type.isdigit():
            where.append(f"{cols['cameo']} LIKE ?")
            params.append(flt.event_type + "%")
        else:
            where.append(f"{cols['plover']} = ?")
            params.append(flt.event_type.upper())
    date = cols["date"]
    if flt.date_from:
        where.append(f"{date} >= substr(?, 1, length({date}))")
        params.append(flt.date_from)
    if flt.date_to:
        where.append(f"{date} <= substr(?, 1, length({date}))")
        params.append(flt.date_to)
    if flt.asserted_by_outlet:
        where.append(cols["outlet_asserted"])
    return where, params


_EVENT_COLS = {
    "source_name": "sa.name", "target_name": "ta.name", "source_code": "e.source_code",
    "target_code": "e.target_code", "source_kb": "sa.kb_id", "target_kb": "ta.kb_id",
    "cameo": "e.cameo", "plover": "e.plover", "date": _EVENT_DATE,
    "outlet_asserted": "e.asserted_by = 'outlet'",
}  # fmt: skip

_CORPUS_COLS = {
    "source_name": "c.source_name", "target_name": "c.target_name",
    "source_code": "c.source_code", "target_code": "c.target_code",
    "source_kb": "c.source_key", "target_kb": "c.target_key", "cameo": "c.cameo",
    "plover": "c.plover", "date": "c.event_date",
    "outlet_asserted": "c.outlet_asserted_reports > 0",
}  # fmt: skip


def _finish(sql: str, where: list[str], params: list[Any], order: str, limit: int | None
            ) -> tuple[str, list[Any]]:
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return sql, params


def events_query(flt: EventFilter) -> tuple[str, list[Any]]:
    """Return the SQL and parameters of the article-events query for ``flt``."""
    where, params = _conditions(flt, _EVENT_COLS)
    return _finish(EVENTS_SELECT, where, params, "event_date, e.article_id, e.seq", flt.limit)


def corpus_events_query(flt: EventFilter) -> tuple[str, list[Any]]:
    """Return the SQL and parameters of the corpus-events query for ``flt``."""
    where, params = _conditions(flt, _CORPUS_COLS)
    return _finish("SELECT c.* FROM corpus_events c", where, params,
                   "c.event_date, c.id", flt.limit)  # fmt: skip
