"""Ingest: sources → (already stored? duplicate?) → parallel coding → the store.

Nothing lost, nothing doubled:

* an article is identified by the sha256 of its normalised text, computed here before
  coding, so an article already stored is never coded again (a rerun is cheap);
* each article's rows are written in one transaction, so a run killed at any moment
  leaves only whole articles, and the next run codes the rest;
* a malformed line, a bad input or an article that fails in a step is recorded in
  ``skipped`` with its reason, and the run goes on.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import IO

from ..config import Config
from ..engines import Engine
from ..engines.local import LocalEngine
from ..errors import InputError
from ..normalise import article_id, normalise
from ..reading import read_input
from ..store import RunCounts, Skip, Store
from .runner import DEFAULT_TIMEOUT, ChunkResult
from .sources import Item, Malformed, read_sources


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did: the counts, the reasons, the time and the memory."""

    run_id: int = 0
    records: int = 0
    coded: int = 0
    already_stored: int = 0
    duplicates: int = 0
    skipped: int = 0
    errors: int = 0
    seconds: float = 0.0
    coding_seconds: float = 0.0
    reasons: Counter[str] = field(default_factory=Counter)
    peak_rss_mib: dict[int, float] = field(default_factory=dict)
    corpus: dict[str, int] = field(default_factory=dict)

    @property
    def articles_per_second(self) -> float:
        """Return coded articles per second of reading, coding and storing (the corpus pass
        after it is not counted); 0 when nothing was coded."""
        if self.coding_seconds <= 0 or not self.coded:
            return 0.0
        return self.coded / self.coding_seconds

    def counts(self) -> RunCounts:
        """Return the counts as stored in ``ingest_runs``."""
        return RunCounts(self.coded, self.already_stored, self.duplicates, self.skipped,
                         self.errors)  # fmt: skip


ProgressCallback = Callable[[IngestSummary], None]


def precheck_id(item: Item, config: Config) -> str:
    """Return the article id ``item`` will have once coded (sha256 of normalised text).

    The same read and normalise as the pipeline, without parsing: cheap enough to skip
    stored articles before any coding.

    Raises:
        InputError: the input is empty, binary, undecodable or too large.
    """
    raw = read_input(item.text, name=item.key, max_bytes=config.max_bytes)
    text = normalise(raw.text).text
    if not text.strip():
        raise InputError(f"{item.key}: nothing left to code once boilerplate was removed")
    return article_id(text)


class _Run:
    """The state of one ingest run: the store, the coder, the counts."""

    def __init__(self, store: Store, coder: Engine, summary: IngestSummary,
                 on_progress: ProgressCallback | None) -> None:  # fmt: skip
        self.store = store
        self.coder = coder
        self.summary = summary
        self.on_progress = on_progress
        self.stored = store.stored_ids()
        self.seen: dict[str, str] = {}

    def skip(self, key: str, kind: str, step: str, reason: str, error_type: str | None = None,
             article: str | None = None) -> None:  # fmt: skip
        s = self.summary
        if kind == "duplicate":
            s.duplicates += 1
        elif kind == "error":
            s.errors += 1
        else:
            s.skipped += 1
        s.reasons[f"{kind}: {_reason_class(step, error_type, reason)}"] += 1
        self.store.record_skip(
            s.run_id, Skip(key, kind, step, reason, error_type, article)
        )

    def triage(self, record: Item | Malformed, config: Config) -> Item | None:
        """Return the item if it must be coded; record or count it otherwise."""
        self.summary.records += 1
        if isinstance(record, Malformed):
            self.skip(record.key, "skipped", "read", record.reason, "Malformed")
            return None
        try:
            aid = precheck_id(record, config)
        except InputError as exc:
            self.skip(record.key, "skipped", "read", str(exc), type(exc).__name__)
            return None
        if aid in self.stored:
            self.summary.already_stored += 1
            return None
        if aid in self.seen:
            self.skip(record.key, "duplicate", "read",
                      f"same normalised text as {self.seen[aid]}", article=aid)  # fmt: skip
            return None
        self.seen[aid] = record.key
        return record

    def take(self, result: ChunkResult) -> None:
        """Write a finished chunk to the store, in one transaction."""
        items = [(analysis, key) for key, analysis in result.analyses]
        for (analysis, _), new in zip(items, self.store.write_analyses(items, self.summary.run_id),
                                      strict=True):
            if new:
                self.summary.coded += 1
                self.stored.add(analysis.article.id)
            else:
                self.summary.already_stored += 1
        for f in result.failures:
            kind = "skipped" if f.bad_input else "error"
            self.skip(f.key, kind, f.step, f.reason, f.error_type)
        if result.pid:
            mib = result.peak_rss_kib / 1024
            self.summary.peak_rss_mib[result.pid] = max(
                mib, self.summary.peak_rss_mib.get(result.pid, 0.0)
            )
        if self.on_progress:
            self.on_progress(self.summary)


def _reason_class(step: str, error_type: str | None, reason: str) -> str:
    """Return a short class of a reason for the summary (the full text is stored)."""
    if error_type == "Malformed":
        return reason.split(" (")[0]
    return f"{error_type or 'duplicate'} in {step}"


def ingest(
    sources: Sequence[str],
    store: Store,
    *,
    workers: int = 1,
    config: Config | None = None,
    chunk_size: int = 4,
    on_progress: ProgressCallback | None = None,
    stdin: IO[str] | None = None,
    corpus_pass: bool = True,
    timeout: float = DEFAULT_TIMEOUT,
    engine: Engine | None = None,
) -> IngestSummary:
    """Return the summary of ingesting ``sources`` into ``store``.

    Args:
        sources: folders, JSONL or CSV files, or ``-`` for JSONL on ``stdin``.
        workers: coding processes (0: code in this process, no pool).
        chunk_size: articles per task sent to a worker.
        on_progress: called with the running summary after each chunk and each record
            that needs no coding.
        timeout: seconds one article may take in the coder (0: no limit); one that runs
            over is recorded as an error and the run goes on.
        engine: where chunks are coded (``newsevents.engines``; default: the local
            process pool with ``workers`` and ``timeout``).
        corpus_pass: when something new was stored, refresh duplicates, stories and
            corpus events (``newsevents.corpus.refresh``).

    Raises:
        InputError: a source does not exist or is of an unknown kind.
        StoreError: the database failed (the articles stored so far stay stored).
    """
    config = config or Config()
    started = time.perf_counter()
    summary = IngestSummary(run_id=store.begin_run(list(sources), workers))
    coder = engine if engine is not None else LocalEngine(workers, config, timeout)
    run = _Run(store, coder, summary, on_progress)
    status = "interrupted"
    try:
        coder.start(summary.run_id)
        chunk: list[Item] = []
        for record in read_sources(sources, stdin):
            item = run.triage(record, config)
            if item is None:
                if on_progress:
                    on_progress(summary)
                continue
            chunk.append(item)
            if len(chunk) >= chunk_size:
                _submit(run, chunk)
                chunk = []
        if chunk:
            _submit(run, chunk)
        for result in coder.drain():
            run.take(result)
        status = "finished"
    finally:
        coder.close()
        summary.coding_seconds = summary.seconds = time.perf_counter() - started
        store.finish_run(summary.run_id, summary.counts(), status)
    if corpus_pass and summary.coded:
        from . import refresh

        summary.corpus = refresh(store)
    summary.seconds = time.perf_counter() - started
    return summary


def _submit(run: _Run, chunk: Iterable[Item]) -> None:
    for result in run.coder.submit(list(chunk)):
        run.take(result)
