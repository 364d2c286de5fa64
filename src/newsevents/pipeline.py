"""The pipeline, read top to bottom: normalise → parse → the steps in ``STEPS``.

``analyze_many`` is the single path: ``analyze`` is ``analyze_many`` of one article. Each
article's key rides along with it, input order is kept, and an error in one article goes
to ``on_error(step, key, exc)`` instead of sinking the batch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from . import actors, dates, events, framing, places, statements
from .config import Config
from .doccache import remember_text
from .errors import InputError, NewseventsError, UnsupportedLanguageError
from .language import detect_language
from .legacy import step as legacy
from .model import Analysis, Article
from .normalise import article_id, normalise
from .parse import load_nlp, parse_many, sentence_offsets
from .reading import read_input
from .step import PROVIDED_BY_PARSE, Step, StepFactory

#: The steps after parsing, in order. Each is ``make_step(config) -> Step``.
STEPS: tuple[tuple[str, StepFactory], ...] = (
    ("actors", actors.make_step),
    ("statements", statements.make_step),
    ("events", events.make_step),
    ("legacy", legacy.make_step),
    ("dates", dates.make_step),
    ("places", places.make_step),
    ("framing", framing.make_step),
)

ErrorHandler = Callable[[str, object, Exception], None]


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """One article to analyse: its text (or HTML, or bytes) and what is known about it.

    ``key`` is the caller's id for it (a file path, a row number); it rides along.
    """

    text: str | bytes
    published: dt.date | str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    key: object = None


def raise_error(step: str, key: object, exc: Exception) -> None:
    """The default error handler: re-raise."""
    raise exc


class Pipeline:
    """The built steps of one configuration. Build it once; call it many times."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.steps: list[Step] = [factory(self.config) for _, factory in STEPS]
        check_order(self.steps)

    def prepare(self, item: ArticleInput) -> Analysis:
        """Return an Analysis holding the normalised article, not yet parsed (``prepare``)."""
        return prepare(item, self.config)

    def run(
        self,
        items: Iterable[ArticleInput],
        on_error: ErrorHandler = raise_error,
        batch_size: int | None = None,
    ) -> Iterator[tuple[object, Analysis]]:
        """Return ``(key, analysis)`` for every article that was coded, in input order."""
        nlp = load_nlp(self.config.model, self.config.max_bytes + 1)
        size = batch_size or self.config.batch_size
        batch: list[tuple[object, Analysis]] = []
        for item in items:
            try:
                batch.append((item.key, self.prepare(item)))
            except Exception as exc:
                on_error("normalise", item.key, exc)
                continue
            if len(batch) >= size:
                yield from self._finish(nlp, batch, on_error)
                batch = []
        if batch:
            yield from self._finish(nlp, batch, on_error)

    def _finish(
        self, nlp: object, batch: list[tuple[object, Analysis]], on_error: ErrorHandler
    ) -> Iterator[tuple[object, Analysis]]:
        texts = [analysis.article.text for _, analysis in batch]
        docs = parse_many(nlp, texts, batch_size=len(batch))  # type: ignore[arg-type]
        for (key, analysis), doc in zip(batch, docs, strict=True):
            analysis.doc = doc
            remember_text(doc, analysis.article.text)
            analysis.sentences = sentence_offsets(doc)
            done = self._apply_steps(key, analysis, on_error)
            if done is not None:
                done.doc = None  # the Doc stays inside; what leaves is the plain model
                yield key, done

    def _apply_steps(
        self, key: object, analysis: Analysis, on_error: ErrorHandler
    ) -> Analysis | None:
        for step in self.steps:
            try:
                analysis = step(analysis)
            except Exception as exc:
                on_error(step.name, key, exc)
                return None
        return analysis


def prepare(item: ArticleInput, config: Config | None = None) -> Analysis:
    """Return an Analysis holding the normalised article, not yet parsed.

    Needs no model: bad input is refused before anything heavy loads.

    Raises:
        InputError: the input is empty, binary, too large, undecodable or not English.
    """
    config = config or Config()
    name = str(item.key) if item.key is not None else "input"
    raw = read_input(item.text, name=name, max_bytes=config.max_bytes)
    norm = normalise(raw.text)
    if not norm.text.strip():
        raise InputError(f"{name}: nothing left to code once boilerplate was removed")
    language = detect_language(norm.text)
    if config.check_language and language != "en":
        raise UnsupportedLanguageError(
            f"{name}: the text is not English (detected: {language}); "
            "newsevents codes English news only",
            language,
        )
    article = Article(
        id=article_id(norm.text),
        text=norm.text,
        title=item.title or raw.title or guess_title(norm.text),
        outlet=item.outlet,
        url=item.url,
        published=parse_published(item.published),
        language=language,
        removed=norm.removed,
        offsets=[] if raw.is_html else norm.offsets,  # HTML: the body is not the input
    )
    return Analysis(article=article)


def check_order(steps: list[Step]) -> None:
    """Raise NewseventsError unless each step's needs are added by an earlier step."""
    available = set(PROVIDED_BY_PARSE)
    for step in steps:
        missing = [need for need in step.needs if need not in available]
        if missing:
            raise NewseventsError(
                f"step {step.name!r} needs {', '.join(missing)}, which no earlier step adds"
            )
        available.update(step.adds)


def parse_published(value: dt.date | str | None) -> dt.date | None:
    """Return the publication date from a date or an ISO string (YYYY-MM-DD...), or None.

    Raises:
        InputError: the string is not an ISO date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError as exc:
        raise InputError(f"published date {value!r} is not YYYY-MM-DD") from exc


def guess_title(text: str) -> str | None:
    """Return the first paragraph when it reads as a headline (short, no final stop), else None.

    The headline stays in the text too: spans index the whole text.
    """
    first = text.split("\n\n", 1)[0]
    if (
        "\n\n" in text
        and len(first) <= 160
        and not first.rstrip().endswith((".", "?", "!", '"', "”"))
    ):
        return first
    return None


def get_pipeline(config: Config | None = None) -> Pipeline:
    """Return the cached Pipeline for ``config`` (steps load their data once per process)."""
    return _cached_pipeline(config or Config())


@lru_cache(maxsize=8)
def _cached_pipeline(config: Config) -> Pipeline:
    return Pipeline(config)
