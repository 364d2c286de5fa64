"""newsevents: news articles in, auditable event data out.

>>> import newsevents
>>> analysis = newsevents.analyze(text, published="2023-01-20")  # doctest: +SKIP
>>> analysis.to_dict()["schema"]  # doctest: +SKIP
'newsevents/1'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from .config import Config
from .errors import (
    DataError,
    InputError,
    ModelError,
    NewseventsError,
    SchemaError,
    StoreError,
    UnsupportedLanguageError,
)
from .model import (
    Actor,
    Analysis,
    Article,
    DateRef,
    Event,
    Frame,
    Mention,
    Modality,
    Place,
    Span,
    Statement,
    TimeExpr,
)
from .pipeline import ArticleInput, ErrorHandler
from .pipeline import get_pipeline as _get_pipeline
from .pipeline import raise_error as _raise_error

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Analysis",
    "Article",
    "ArticleInput",
    "Config",
    "DataError",
    "DateRef",
    "ErrorHandler",
    "Event",
    "Frame",
    "InputError",
    "Mention",
    "Modality",
    "ModelError",
    "NewseventsError",
    "Place",
    "SchemaError",
    "Span",
    "Statement",
    "StoreError",
    "TimeExpr",
    "UnsupportedLanguageError",
    "__version__",
    "analyze",
    "analyze_many",
]


def analyze(
    text: str | bytes,
    published: dt.date | str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    *,
    config: Config | None = None,
) -> Analysis:
    """Return the Analysis of one article (plain text or HTML).

    Args:
        text: the article, as text, HTML or UTF-8 bytes.
        published: publication date (``YYYY-MM-DD``), the anchor for relative dates.
        outlet, url, title: carried into ``article``.
        config: pipeline settings; the default pipeline is built once per process.

    Raises:
        InputError: empty, binary, undecodable, too large or non-English input.
        ModelError: the spaCy English pipeline is not installed.

    Example:
        >>> analyze("Russia accused Ukraine of shelling the plant.").events  # doctest: +SKIP
    """
    item = ArticleInput(text=text, published=published, outlet=outlet, url=url, title=title)
    for _, analysis in _get_pipeline(config).run([item]):
        return analysis
    raise NewseventsError("the pipeline returned no analysis")  # unreachable: errors raise


def analyze_many(
    items: Iterable[ArticleInput | str],
    *,
    config: Config | None = None,
    batch_size: int | None = None,
    on_error: ErrorHandler = _raise_error,
) -> Iterator[tuple[object, Analysis]]:
    """Return ``(key, analysis)`` pairs for a stream of articles, in input order.

    A plain string is an article with no metadata whose key is its position. Errors go to
    ``on_error(step_name, key, exception)``; the default re-raises. Pass a handler that
    records them to skip bad articles and go on.
    """

    def as_inputs() -> Iterator[ArticleInput]:
        for i, item in enumerate(items):
            yield item if isinstance(item, ArticleInput) else ArticleInput(text=item, key=i)

    yield from _get_pipeline(config).run(as_inputs(), on_error=on_error, batch_size=batch_size)
