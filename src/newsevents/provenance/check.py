"""Does a new article copy one in a store, or does a stored one copy it? (``analyze --db``)

The new article joins the stored corpus as its latest article; the same index and
verdicts as the corpus pass decide. The cost is one pass over the stored texts.
"""

from __future__ import annotations

from typing import Any

from ..model import Analysis
from ..store import Store
from .links import ProvenanceDoc, find_links
from .stored import as_date


def check_against_store(analysis: Analysis, store: Store) -> list[dict[str, Any]]:
    """Return the links between ``analysis`` and the stored articles.

    Each is ``{"role": "copy"|"original", "other": {"id", "source", "title"}, "kind",
    "score"}``: ``copy`` when the new article copies a stored one, ``original`` when a
    stored article copies the new one (it was published earlier). Empty when neither.
    """
    rows = list(store.iter_query("corpus_articles"))
    art = analysis.article
    docs = [ProvenanceDoc(r["id"], r["text"], as_date(r.get("published")), k)
            for k, r in enumerate(rows) if r["id"] != art.id]  # fmt: skip
    docs.append(ProvenanceDoc(art.id, art.text, art.published, len(rows)))
    info = {r["id"]: r for r in rows}
    out: list[dict[str, Any]] = []
    for v in find_links(docs):
        if art.id not in (v.copy, v.original):
            continue
        other = v.original if v.copy == art.id else v.copy
        r = info[other]
        out.append({
            "role": "copy" if v.copy == art.id else "original",
            "other": {"id": other, "source": r.get("url") or r.get("source_key"),
                      "title": r.get("title")},
            "kind": v.kind,
            "score": round(v.score, 3),
        })  # fmt: skip
    return out


def describe(link: dict[str, Any]) -> str:
    """Return one readable line for a link from ``check_against_store``."""
    other = link["other"]
    name = other["source"] or other["id"][:12]
    kind = link["kind"].replace("_", " ")
    if link["role"] == "copy":
        return f"this article is a {kind} copy of {name} (score {link['score']})"
    return f"{name} is a {kind} copy of this article (score {link['score']})"
