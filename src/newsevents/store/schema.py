"""The store's tables, declared once: every backend creates them from this list.

Each table is a name, its columns ``(name, SQL type)`` in order, and its primary key. The
row builders in ``rows.py`` produce tuples in exactly this column order, and the insert
statements are generated from these constants (never from data). Types are the subset of
SQL that DuckDB and PostgreSQL share. ``docs/store.md`` documents every table.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Bump when a table changes; a database of another version is refused with a clear message.
SCHEMA_VERSION = 2  # 2: the provenance table (issue 12)


@dataclass(frozen=True, slots=True)
class Table:
    """One table: its name, ordered ``(column, type)`` pairs and its primary key columns."""

    name: str
    columns: tuple[tuple[str, str], ...]
    key: tuple[str, ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        """Return the column names, in order."""
        return tuple(name for name, _ in self.columns)

    def create_sql(self) -> str:
        """Return the ``CREATE TABLE IF NOT EXISTS`` statement."""
        cols = [f"{name} {kind}" for name, kind in self.columns]
        if self.key:
            cols.append(f"PRIMARY KEY ({', '.join(self.key)})")
        return f"CREATE TABLE IF NOT EXISTS {self.name} ({', '.join(cols)})"

    def insert_sql(self) -> str:
        """Return the parameterised ``INSERT`` of one full row (``?`` placeholders)."""
        marks = ", ".join("?" for _ in self.columns)
        return f"INSERT INTO {self.name} ({', '.join(self.column_names)}) VALUES ({marks})"


SPAN = (("start_char", "INTEGER"), ("end_char", "INTEGER"), ("text", "TEXT"))


def _span(prefix: str) -> tuple[tuple[str, str], ...]:
    return tuple((f"{prefix}_{name}", kind) for name, kind in SPAN)


SCHEMA_VERSION_TABLE = Table(
    "schema_version", (("version", "INTEGER"), ("created_at", "TIMESTAMP"))
)

INGEST_RUNS = Table(
    "ingest_runs",
    (
        ("run_id", "INTEGER"),
        ("started_at", "TIMESTAMP"),
        ("finished_at", "TIMESTAMP"),
        ("status", "TEXT"),  # running | finished | interrupted
        ("sources", "TEXT"),  # JSON list of the SOURCE arguments
        ("workers", "INTEGER"),
        ("newsevents_version", "TEXT"),
        ("coded", "INTEGER"),
        ("already_stored", "INTEGER"),
        ("duplicates", "INTEGER"),
        ("skipped", "INTEGER"),
        ("errors", "INTEGER"),
    ),
    ("run_id",),
)

ARTICLES = Table(
    "articles",
    (
        ("id", "TEXT"),
        ("title", "TEXT"),
        ("outlet", "TEXT"),
        ("url", "TEXT"),
        ("published", "DATE"),
        ("language", "TEXT"),
        ("text", "TEXT"),
        ("removed", "TEXT"),  # JSON, as in newsevents/1
        ("offsets", "TEXT"),  # JSON, as in newsevents/1
        ("sentences", "TEXT"),  # JSON list of [start, end]
        ("source_key", "TEXT"),  # where it came from: file path, file:line, the id column
        ("run_id", "INTEGER"),
        ("ingested_at", "TIMESTAMP"),
    ),
    ("id",),
)

ACTORS = Table(
    "actors",
    (
        ("article_id", "TEXT"),
        ("actor_id", "TEXT"),
        ("seq", "INTEGER"),
        ("name", "TEXT"),
        ("kind", "TEXT"),
        ("country", "TEXT"),
        ("sector", "TEXT"),
        ("cameo", "TEXT"),
        ("role", "TEXT"),
        ("kb_id", "TEXT"),
    ),
    ("article_id", "actor_id"),
)

MENTIONS = Table(
    "mentions",
    (
        ("article_id", "TEXT"),
        ("actor_id", "TEXT"),
        ("seq", "INTEGER"),
        *SPAN,
        ("via", "TEXT"),
        ("confidence", "DOUBLE PRECISION"),
    ),
    ("article_id", "actor_id", "seq"),
)

STATEMENTS = Table(
    "statements",
    (
        ("article_id", "TEXT"),
        ("statement_id", "TEXT"),
        ("seq", "INTEGER"),
        ("speaker", "TEXT"),
        *_span("source"),
        *_span("cue"),
        *_span("content"),
        ("kind", "TEXT"),
    ),
    ("article_id", "statement_id"),
)

EVENTS = Table(
    "events",
    (
        ("article_id", "TEXT"),
        ("event_id", "TEXT"),
        ("seq", "INTEGER"),
        ("plover", "TEXT"),
        ("plover_mode", "TEXT"),
        ("context", "TEXT"),  # JSON list of context codes
        ("cameo", "TEXT"),
        ("source", "TEXT"),
        ("target", "TEXT"),
        ("source_code", "TEXT"),
        ("target_code", "TEXT"),
        *_span("trigger"),
        ("sentence", "INTEGER"),
        ("negated", "BOOLEAN"),
        ("conditional", "BOOLEAN"),
        ("hypothetical", "BOOLEAN"),
        ("future", "BOOLEAN"),
        ("near_miss", "BOOLEAN"),
        ("asserted_by", "TEXT"),
        ("certainty", "DOUBLE PRECISION"),
        ("has_date", "BOOLEAN"),
        ("date_value", "TEXT"),
        ("date_precision", "TEXT"),
        *_span("date"),
        ("location", "TEXT"),
        ("factual", "BOOLEAN"),
    ),
    ("article_id", "event_id"),
)

DATES = Table(
    "dates",
    (
        ("article_id", "TEXT"),
        ("date_id", "TEXT"),
        ("seq", "INTEGER"),
        *SPAN,
        ("value", "TEXT"),
        ("date_precision", "TEXT"),
    ),
    ("article_id", "date_id"),
)

PLACES = Table(
    "places",
    (
        ("article_id", "TEXT"),
        ("place_id", "TEXT"),
        ("seq", "INTEGER"),
        *SPAN,
        ("name", "TEXT"),
        ("kind", "TEXT"),
        ("country", "TEXT"),
        ("latitude", "DOUBLE PRECISION"),
        ("longitude", "DOUBLE PRECISION"),
        ("geonames_id", "BIGINT"),
    ),
    ("article_id", "place_id"),
)

FRAMING = Table(
    "framing",
    (
        ("article_id", "TEXT"),
        ("seq", "INTEGER"),
        ("kind", "TEXT"),
        *SPAN,
        ("note", "TEXT"),
        ("target", "TEXT"),
        ("label", "TEXT"),
    ),
    ("article_id", "seq"),
)

SKIPPED = Table(
    "skipped",
    (
        ("run_id", "INTEGER"),
        ("seq", "INTEGER"),
        ("source_key", "TEXT"),
        ("article_id", "TEXT"),  # known for duplicates and for failures after normalising
        ("kind", "TEXT"),  # skipped (bad input, reason given) | duplicate | error (a bug)
        ("step", "TEXT"),  # read | normalise | a pipeline step | store
        ("reason", "TEXT"),
        ("error_type", "TEXT"),
        ("recorded_at", "TIMESTAMP"),
    ),
    ("run_id", "seq"),
)

DUPLICATES = Table(
    "duplicates",
    (
        ("article_id", "TEXT"),
        ("original_id", "TEXT"),  # the earliest known source of this text in the corpus
        ("containment", "DOUBLE PRECISION"),
        ("jaccard", "DOUBLE PRECISION"),
    ),
    ("article_id",),
)

STORIES = Table(
    "stories",
    (("article_id", "TEXT"), ("story_id", "TEXT"), ("story_size", "INTEGER")),
    ("article_id",),
)

CORPUS_EVENTS = Table(
    "corpus_events",
    (
        ("id", "TEXT"),
        ("plover", "TEXT"),
        ("cameo", "TEXT"),
        ("source_key", "TEXT"),  # the actor identity merged on: kb id, CAMEO code or name
        ("source_name", "TEXT"),
        ("source_code", "TEXT"),
        ("source_country", "TEXT"),
        ("source_sector", "TEXT"),
        ("target_key", "TEXT"),
        ("target_name", "TEXT"),
        ("target_code", "TEXT"),
        ("target_country", "TEXT"),
        ("target_sector", "TEXT"),
        ("event_date", "TEXT"),  # ISO value as coded (day, month or year precision)
        ("reports", "INTEGER"),  # article events merged here
        ("articles", "INTEGER"),  # distinct articles
        ("independent_articles", "INTEGER"),  # distinct earliest sources (copies count once)
        ("outlets", "INTEGER"),
        ("factual_reports", "INTEGER"),
        ("outlet_asserted_reports", "INTEGER"),
        ("first_published", "DATE"),
        ("last_published", "DATE"),
        ("first_url", "TEXT"),
        ("place_name", "TEXT"),
        ("place_country", "TEXT"),
        ("latitude", "DOUBLE PRECISION"),
        ("longitude", "DOUBLE PRECISION"),
        ("geonames_id", "BIGINT"),
        ("story_id", "TEXT"),
    ),
    ("id",),
)

CORPUS_EVENT_EVIDENCE = Table(
    "corpus_event_evidence",
    (
        ("corpus_event_id", "TEXT"),
        ("article_id", "TEXT"),
        ("event_id", "TEXT"),
        *_span("trigger"),
        ("sentence_start", "INTEGER"),
        ("sentence_end", "INTEGER"),
        ("asserted_by", "TEXT"),
        ("factual", "BOOLEAN"),
    ),
    ("corpus_event_id", "article_id", "event_id"),
)

PROVENANCE = Table(
    "provenance",
    (
        ("article_id", "TEXT"),  # the copy (the later of the two)
        ("original_id", "TEXT"),  # what it copies: the earliest best-scoring source
        ("kind", "TEXT"),  # verbatim | light_edit | excerpt | rewrite
        ("score", "DOUBLE PRECISION"),
        ("cover_article", "DOUBLE PRECISION"),  # share of the copy's words aligned
        ("cover_original", "DOUBLE PRECISION"),
        ("order_agreement", "DOUBLE PRECISION"),  # names and numbers in the same order
        ("evidence", "TEXT"),  # JSON list of aligned sentence pairs (docs/provenance.md)
    ),
    ("article_id",),
)

#: The rows one Analysis writes, in insert order (the article row first).
ARTICLE_TABLES: tuple[Table, ...] = (
    ARTICLES, ACTORS, MENTIONS, STATEMENTS, EVENTS, DATES, PLACES, FRAMING,
)  # fmt: skip

#: Tables the corpus pass (dedup, stories, merge) rewrites as a whole.
CORPUS_TABLES: tuple[Table, ...] = (
    DUPLICATES, STORIES, CORPUS_EVENTS, CORPUS_EVENT_EVIDENCE, PROVENANCE,
)  # fmt: skip

ALL_TABLES: tuple[Table, ...] = (
    SCHEMA_VERSION_TABLE, INGEST_RUNS, *ARTICLE_TABLES, SKIPPED, *CORPUS_TABLES,
)  # fmt: skip

TABLES: dict[str, Table] = {t.name: t for t in ALL_TABLES}
