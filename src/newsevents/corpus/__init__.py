"""The corpus: ingest many articles, then find copies, stories and events across them.

``ingest`` (``ingest.py``) codes sources into a store; ``refresh`` recomputes the corpus
tables from everything stored: near-duplicates (``dedup.py``), stories (``stories.py``)
and corpus events merged across articles (``merge.py``). The coder never imports this
package.
"""

from __future__ import annotations

from ..provenance.stored import provenance_rows
from ..store import Store
from .dedup import DedupDoc, find_duplicates
from .merge import merge_events
from .stories import StoryDoc, cluster_stories

__all__ = ["refresh"]


def refresh(store: Store) -> dict[str, int]:
    """Recompute duplicates, stories and corpus events from the whole store; return counts.

    The three tables are replaced in one transaction. Loads every article's text into
    memory (about the size of the corpus).
    """
    articles = list(store.iter_query("corpus_articles"))
    links = find_duplicates([
        DedupDoc(a["id"], a["text"], a["published"], i) for i, a in enumerate(articles)
    ])  # fmt: skip
    originals = {link.article_id: link.original_id for link in links}
    story_of = cluster_stories(
        [StoryDoc(a["id"], a["text"], a["published"], i) for i, a in enumerate(articles)],
        copies=list(originals.items()),
    )
    sizes: dict[str, int] = {}
    for story in story_of.values():
        sizes[story] = sizes.get(story, 0) + 1
    events, evidence = merge_events(list(store.iter_query("merge_inputs")), originals, story_of)
    store.replace_corpus_tables({
        "duplicates": [(k.article_id, k.original_id, k.containment, k.jaccard) for k in links],
        "stories": [(a, s, sizes[s]) for a, s in sorted(story_of.items())],
        "corpus_events": events,
        "corpus_event_evidence": evidence,
        "provenance": provenance_rows(articles),
    })  # fmt: skip
    return {
        "duplicates": len(links),
        "stories": sum(1 for n in sizes.values() if n > 1),
        "corpus_events": len(events),
        "reports": len(evidence),
    }
