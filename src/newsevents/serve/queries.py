"""The read queries behind the API and the UI: constant SQL, values only as parameters.

A filter adds a fixed fragment with ``?`` placeholders for each condition it has; no value
a user sends ever becomes SQL text. The SQL is the subset DuckDB and PostgreSQL share.

Across articles an actor is known by its *key*: its knowledge-base id, else
``name:<lower-case name>`` for an actor the knowledge base does not hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..store import Store
from ..store.queries import like

ACTOR_KEY = "coalesce({t}.kb_id, 'name:' || lower({t}.name))"
_SRC_KEY = ACTOR_KEY.format(t="sa")
_TGT_KEY = ACTOR_KEY.format(t="ta")
_EVENT_DATE = "coalesce(e.date_value, CAST(a.published AS TEXT))"

MODALITIES = ("factual", "negated", "conditional", "hypothetical", "future", "near_miss")


@dataclass(frozen=True, slots=True)
class Page:
    """Which page of a list: ``limit`` rows after ``offset``."""

    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """Which articles: every None field means no condition. ``q`` searches title and text."""

    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    story: str | None = None
    q: str | None = None


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events. ``actor`` is an actor key, a name substring or a CAMEO code prefix;
    ``country`` an ISO alpha-3 code of the source or target; ``plover`` a PLOVER type;
    ``cameo`` a CAMEO event code prefix; ``modality`` one of ``MODALITIES``."""

    actor: str | None = None
    country: str | None = None
    plover: str | None = None
    cameo: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    outlet_only: bool = False
    modality: str | None = None
    article: str | None = None


def _where(parts: list[str]) -> str:
    return (" WHERE " + " AND ".join(parts)) if parts else ""


def articles(store: Store, flt: ArticleFilter, page: Page) -> tuple[list[dict[str, Any]], int]:
    """Return one page of articles (newest first) and the number of matching articles."""
    where: list[str] = []
    params: list[Any] = []
    if flt.outlet:
        where.append("a.outlet = ?")
        params.append(flt.outlet)
    if flt.date_from:
        where.append("a.published >= CAST(? AS DATE)")
        params.append(flt.date_from)
    if flt.date_to:
        where.append("a.published <= CAST(? AS DATE)")
        params.append(flt.date_to)
    if flt.story:
        where.append("s.story_id = ?")
        params.append(flt.story)
    if flt.q:
        where.append("(lower(a.title) LIKE ? ESCAPE '\\' OR lower(a.text) LIKE ? ESCAPE '\\')")
        params += [like(flt.q), like(flt.q)]
    base = " FROM articles a LEFT JOIN stories s ON s.article_id = a.id" + _where(where)
    total = store.select("SELECT count(*) AS n" + base, params)[0]["n"]
    rows = store.select(
        "SELECT a.id, a.title, a.outlet, a.url, CAST(a.published AS TEXT) AS published, "
        "s.story_id, (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events, "
        "(SELECT count(*) FROM statements t WHERE t.article_id = a.id) AS statements, "
        "substr(a.text, 1, 240) AS lead"
        + base
        + " ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?",
        [*params, page.limit, page.offset],
    )
    return rows, int(total)


EVENTS_SQL = f"""
SELECT e.article_id, e.event_id, e.plover, e.plover_mode, e.cameo, e.context,
       e.source, sa.name AS source_name, {_SRC_KEY} AS source_key, sa.country AS source_country,
       e.source_code, e.target, ta.name AS target_name,
       CASE WHEN ta.actor_id IS NULL THEN NULL ELSE {_TGT_KEY} END AS target_key,
       ta.country AS target_country, e.target_code,
       e.trigger_start_char, e.trigger_end_char, e.trigger_text, e.sentence,
       {_EVENT_DATE} AS event_date, e.date_precision, e.negated, e.conditional,
       e.hypothetical, e.future, e.near_miss, e.asserted_by, e.factual, e.certainty,
       a.outlet, CAST(a.published AS TEXT) AS published, a.title
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN actors sa ON sa.article_id = e.article_id AND sa.actor_id = e.source
LEFT JOIN actors ta ON ta.article_id = e.article_id AND ta.actor_id = e.target
"""


def _event_conditions(q: EventQuery) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if q.actor:
        where.append(
            f"({_SRC_KEY} = ? OR {_TGT_KEY} = ? OR lower(sa.name) LIKE ? ESCAPE '\\' "
            "OR lower(ta.name) LIKE ? ESCAPE '\\' OR e.source_code LIKE ? OR e.target_code LIKE ?)"
        )
        params += [q.actor, q.actor, like(q.actor), like(q.actor),
                   q.actor.upper() + "%", q.actor.upper() + "%"]  # fmt: skip
    if q.country:
        where.append("(sa.country = ? OR ta.country = ?)")
        params += [q.country.upper(), q.country.upper()]
    if q.plover:
        where.append("e.plover = ?")
        params.append(q.plover.upper())
    if q.cameo:
        where.append("e.cameo LIKE ?")
        params.append(q.cameo + "%")
    if q.date_from:
        # compared at the event date's own precision: 2016-03 is inside "from 2016-03-15"
        where.append(f"{_EVENT_DATE} >= substr(?, 1, length({_EVENT_DATE}))")
        params.append(q.date_from)
    if q.date_to:
        where.append(f"{_EVENT_DATE} <= substr(?, 1, length({_EVENT_DATE}))")
        params.append(q.date_to)
    if q.outlet_only:
        where.append("e.asserted_by = 'outlet'")
    if q.modality == "factual":
        where.append("e.factual")
    elif q.modality in MODALITIES:
        where.append(f"e.{q.modality}")  # a column name from our constant list only
    if q.article:
        where.append("e.article_id = ?")
        params.append(q.article)
    return where, params


def events(store: Store, q: EventQuery, page: Page) -> tuple[list[dict[str, Any]], int]:
    """Return one page of events (by date) and the number of matching events."""
    where, params = _event_conditions(q)
    inner = EVENTS_SQL + _where(where)
    total = store.select(f"SELECT count(*) AS n FROM ({inner}) x", params)[0]["n"]
    rows = store.select(
        inner + " ORDER BY event_date, e.article_id, e.seq LIMIT ? OFFSET ?",
        [*params, page.limit, page.offset],
    )
    return rows, int(total)


ACTORS_SQL = f"""
SELECT {ACTOR_KEY.format(t="r")} AS key, min(r.name) AS name, max(r.kind) AS kind,
       max(r.country) AS country, max(r.sector) AS sector, max(r.cameo) AS cameo,
       max(r.kb_id) AS kb_id, count(DISTINCT r.article_id) AS articles
FROM actors r
"""


def actors(store: Store, q: str | None, page: Page) -> tuple[list[dict[str, Any]], int]:
    """Return one page of actors across articles (most-mentioned first) and their count."""
    where: list[str] = []
    params: list[Any] = []
    if q:
        where.append("(lower(r.name) LIKE ? ESCAPE '\\' OR lower(r.cameo) LIKE ? ESCAPE '\\')")
        params += [like(q), like(q)]
    grouped = ACTORS_SQL + _where(where) + f" GROUP BY {ACTOR_KEY.format(t='r')}"
    total = store.select(f"SELECT count(*) AS n FROM ({grouped}) x", params)[0]["n"]
    rows = store.select(
        grouped + " ORDER BY articles DESC, name LIMIT ? OFFSET ?",
        [*params, page.limit, page.offset],
    )
    return rows, int(total)


def actor(store: Store, key: str) -> dict[str, Any] | None:
    """Return one actor across articles, with its statements, events and network, or None."""
    head = store.select(
        ACTORS_SQL + f" WHERE {ACTOR_KEY.format(t='r')} = ? GROUP BY {ACTOR_KEY.format(t='r')}",
        [key],
    )
    if not head:
        return None
    as_source = store.select(
        EVENTS_SQL + f" WHERE {_SRC_KEY} = ? ORDER BY event_date, e.article_id, e.seq", [key]
    )
    as_target = store.select(
        EVENTS_SQL + f" WHERE {_TGT_KEY} = ? ORDER BY event_date, e.article_id, e.seq", [key]
    )
    statements = store.select(
        "SELECT t.article_id, t.statement_id, t.cue_text, t.content_text, t.kind, "
        "CAST(a.published AS TEXT) AS published, a.outlet, a.title "
        "FROM statements t JOIN articles a ON a.id = t.article_id "
        "JOIN actors r ON r.article_id = t.article_id AND r.actor_id = t.speaker "
        f"WHERE {ACTOR_KEY.format(t='r')} = ? ORDER BY a.published, t.article_id, t.seq",
        [key],
    )
    return {
        **head[0],
        "events_as_source": as_source,
        "events_as_target": as_target,
        "statements": statements,
    }


def story(store: Store, story_id: str) -> dict[str, Any] | None:
    """Return a story: its articles and the corpus events merged from them, or None."""
    arts, total = articles(store, ArticleFilter(story=story_id), Page(limit=500))
    if not total:
        return None
    merged = store.select(
        "SELECT * FROM corpus_events WHERE story_id = ? ORDER BY event_date, id", [story_id]
    )
    return {"id": story_id, "articles": arts, "events": merged}


def outlets(store: Store) -> list[str]:
    """Return the distinct outlets, sorted (for the filter menus)."""
    rows = store.select(
        "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet"
    )
    return [r["outlet"] for r in rows]


_PROVENANCE_SQL = (
    "SELECT p.article_id, p.original_id, p.kind, p.score, "
    "a.title AS article_title, coalesce(a.url, a.source_key) AS article_source, "
    "o.title AS original_title, coalesce(o.url, o.source_key) AS original_source "
    "FROM provenance p JOIN articles a ON a.id = p.article_id "
    "JOIN articles o ON o.id = p.original_id "
)


def provenance(store: Store, article_id: str) -> dict[str, Any]:
    """Return what an article copies (``copy_of``, or None) and its known ``copies``."""
    up = store.select(_PROVENANCE_SQL + "WHERE p.article_id = ?", [article_id])
    down = store.select(
        _PROVENANCE_SQL + "WHERE p.original_id = ? ORDER BY p.score DESC", [article_id]
    )
    return {"id": article_id, "copy_of": up[0] if up else None, "copies": down}
