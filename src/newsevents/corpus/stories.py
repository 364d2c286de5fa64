"""Stories: articles about the same happening, clustered within a time window.

TF-IDF over each article's words (English stop words out, sublinear term frequency),
cosine similarity between articles published at most ``window_days`` apart; pairs at or
above ``threshold`` are linked, copies (from dedup) are always linked, and each connected
group is a story. Its id is the id of its earliest article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

#: Cosine similarity at which two articles are taken to report the same happening.
THRESHOLD = 0.35
#: Days apart two articles may be published and still be about the same happening.
WINDOW_DAYS = 3
#: Rows compared per block (bounds memory on large corpora).
BLOCK = 2000


@dataclass(frozen=True, slots=True)
class StoryDoc:
    """An article as story clustering sees it."""

    id: str
    text: str
    published: dt.date | None = None
    order: int = 0


def similar_pairs(
    docs: Sequence[StoryDoc], threshold: float = THRESHOLD, window_days: int = WINDOW_DAYS
) -> list[tuple[int, int, float]]:
    """Return ``(i, j, cosine)`` for i < j within the window and at or above ``threshold``.

    Undated articles are compared with every article.
    """
    if len(docs) < 2:
        return []
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectoriser = TfidfVectorizer(
        stop_words="english", sublinear_tf=True, max_df=0.5 if len(docs) > 20 else 1.0,
        token_pattern=r"(?u)\b[^\W\d_][\w'-]+\b", dtype=np.float32,
    )  # fmt: skip
    try:
        matrix = vectoriser.fit_transform([d.text for d in docs])
    except ValueError:  # no words left at all (empty vocabulary)
        return []
    days = np.array(
        [d.published.toordinal() if d.published else -1 for d in docs], dtype=np.int64
    )
    pairs: list[tuple[int, int, float]] = []
    for lo in range(0, len(docs), BLOCK):
        block = (matrix[lo : lo + BLOCK] @ matrix.T).tocoo()
        for r, c, v in zip(block.row, block.col, block.data, strict=True):
            i, j = lo + int(r), int(c)
            if i >= j or v < threshold:
                continue
            if days[i] >= 0 and days[j] >= 0 and abs(days[i] - days[j]) > window_days:
                continue
            pairs.append((i, j, float(v)))
    return pairs


def cluster_stories(
    docs: Sequence[StoryDoc],
    copies: Sequence[tuple[str, str]] = (),
    threshold: float = THRESHOLD,
    window_days: int = WINDOW_DAYS,
) -> dict[str, str]:
    """Return ``{article id: story id}`` for every article (a lone article is its own story).

    ``copies`` are ``(article_id, original_id)`` pairs from dedup: always one story.
    """
    index = {d.id: i for i, d in enumerate(docs)}
    parent = list(range(len(docs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, _ in similar_pairs(docs, threshold, window_days):
        parent[root(i)] = root(j)
    for a, b in copies:
        if a in index and b in index:
            parent[root(index[a])] = root(index[b])
    groups: dict[int, list[int]] = {}
    for i in range(len(docs)):
        groups.setdefault(root(i), []).append(i)
    story: dict[str, str] = {}
    for members in groups.values():
        first = min(members, key=lambda k: (docs[k].published or dt.date.max, docs[k].order,
                                            docs[k].id))  # fmt: skip
        for k in members:
            story[docs[k].id] = docs[first].id
    return story
