"""Provenance in the store: rows of the ``provenance`` table, and the links read back.

The corpus pass (``newsevents.corpus.refresh``) calls ``provenance_rows`` with every stored
article in ingest order and writes the rows with the other corpus tables;
``stored_links`` reads them back as the ``newsevents provenance`` command lists them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from ..store import Store
from .detect import Verdict
from .links import LinkStats, ProvenanceDoc, find_links

#: Aligned sentence pairs kept as evidence per link, and characters kept of each sentence.
MAX_EVIDENCE = 40
MAX_CHARS = 400


def provenance_rows(articles: Sequence[dict[str, Any]], stats: LinkStats | None = None
                    ) -> list[tuple[Any, ...]]:  # fmt: skip
    """Return the ``provenance`` table rows for ``articles`` (dicts with ``id``, ``text``,
    ``published``, in ingest order), one per copy."""
    docs = [
        ProvenanceDoc(a["id"], a["text"], as_date(a.get("published")), k)
        for k, a in enumerate(articles)
    ]
    texts = {a["id"]: a["text"] for a in articles}
    return [
        (v.copy, v.original, v.kind, v.score, v.cover_copy, v.cover_original, v.order,
         json.dumps(evidence(v, texts[v.copy], texts[v.original])))
        for v in find_links(docs, stats)
    ]  # fmt: skip


def evidence(v: Verdict, copy_text: str, original_text: str) -> list[dict[str, Any]]:
    """Return the aligned sentence pairs of a verdict as JSON-ready dicts (offsets into each
    article's stored text, the sentences, their similarity)."""
    from .fingerprint import split_sentences

    sc = split_sentences(copy_text)
    so = split_sentences(original_text)
    out = []
    for p in v.pairs[:MAX_EVIDENCE]:
        (a0, a1), (b0, b1) = sc[p.a], so[p.b]
        out.append({
            "article": [a0, a1],
            "copy_of": [b0, b1],
            "similarity": round(p.sim, 3),
            "article_text": copy_text[a0:a1][:MAX_CHARS],
            "copy_of_text": original_text[b0:b1][:MAX_CHARS],
        })  # fmt: skip
    return out


def as_date(value: Any) -> dt.date | None:
    """Return a date from a date, datetime or ISO string as the store gives it, else None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


LINKS_SQL = (
    "SELECT p.article_id, p.original_id, p.kind, p.score, p.evidence, "
    "coalesce(a.url, a.source_key) AS article_source, "
    "coalesce(o.url, o.source_key) AS original_source, "
    "a.published AS article_published, o.published AS original_published "
    "FROM provenance p JOIN articles a ON a.id = p.article_id "
    "JOIN articles o ON o.id = p.original_id ORDER BY p.original_id, p.article_id"
)


def stored_links(store: Store) -> list[dict[str, Any]]:
    """Return every stored link as ``{"article": {"id", "source"}, "copy_of": {"id",
    "source"}, "kind", "score", "evidence": [...]}`` (``source``: the URL, else the
    path or key the article was ingested from)."""
    return [
        {
            "article": {"id": r["article_id"], "source": r["article_source"]},
            "copy_of": {"id": r["original_id"], "source": r["original_source"]},
            "kind": r["kind"],
            "score": r["score"],
            "evidence": json.loads(r["evidence"] or "[]"),
        }
        for r in store.select(LINKS_SQL)
    ]


def refresh_provenance(store: Store) -> int:
    """Recompute the ``provenance`` table from every stored article; return the links."""
    rows = provenance_rows(list(store.iter_query("corpus_articles")))
    store.replace_corpus_tables({"provenance": rows})
    return len(rows)
