"""Coding articles in parallel: a pool of worker processes, each with its own pipeline.

The main process reads the sources and owns the store; workers only run
``newsevents.analyze_many`` on chunks of articles and send back the plain Analyses (the
spaCy Doc never leaves a worker) with the failures their error handler collected. Workers
start with ``spawn``: the main process holds a database connection and a progress
thread, which must not be forked.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from ..config import Config
from ..errors import EngineError, InputError
from ..model import Analysis
from ..pipeline import ArticleInput
from .sources import Item


@dataclass(frozen=True, slots=True)
class Failure:
    """An article the coder could not finish: where, in which step, and why."""

    key: str
    step: str
    error_type: str
    reason: str
    bad_input: bool  # an InputError (not English, empty...): skipped, not a bug


@dataclass(slots=True)
class ChunkResult:
    """What a worker returns for one chunk of articles."""

    analyses: list[tuple[str, Analysis]] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    pid: int = 0
    peak_rss_kib: int = 0


#: Seconds one article may take in the coder before it is given up (a step stuck in a loop).
DEFAULT_TIMEOUT = 300.0


class ArticleTimeout(EngineError):
    """An article took longer than the per-article time limit."""


class _Timer:
    """Raises ArticleTimeout in this thread when armed time runs out (SIGALRM).

    Only the main thread receives signals: elsewhere (an ingest called from a thread)
    the timer does nothing and there is no time limit.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.active = seconds > 0 and threading.current_thread() is threading.main_thread()
        if self.active:
            signal.signal(signal.SIGALRM, self._expired)

    def _expired(self, signum: int, frame: object) -> None:
        raise ArticleTimeout(f"gave up after {self.seconds:g} s (raise it with --timeout)")

    def arm(self, articles: int = 1) -> None:
        """Give the next ``articles`` articles their time from now."""
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, self.seconds * max(articles, 1))

    def stop(self) -> None:
        """Disarm the timer."""
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)


def code_chunk(
    items: Sequence[Item], config: Config | None, timeout: float = DEFAULT_TIMEOUT
) -> ChunkResult:
    """Return the analyses of ``items`` and the failures (never raises for one article).

    Runs in a worker process (or in this one, with no pool): the pipeline is built once
    per process and cached by ``analyze_many``. Each article gets ``timeout`` seconds (0:
    no limit; the chunk is parsed together, so the first result may take the whole
    chunk's time); one that runs over is recorded as a failure and the chunk goes on.
    """
    import newsevents

    result = ChunkResult(pid=os.getpid())
    timer = _Timer(timeout)

    def on_error(step: str, key: object, exc: Exception) -> None:
        result.failures.append(
            Failure(str(key), step, type(exc).__name__, str(exc) or repr(exc),
                    isinstance(exc, InputError))
        )  # fmt: skip
        timer.arm()

    inputs = [
        ArticleInput(text=it.text, published=it.published, outlet=it.outlet, url=it.url,
                     title=it.title, key=it.key)
        for it in items
    ]  # fmt: skip
    try:
        timer.arm(len(items))
        for key, analysis in newsevents.analyze_many(inputs, config=config, on_error=on_error):
            result.analyses.append((str(key), analysis))
            timer.arm()
    except Exception as exc:  # a failure outside any one article (the model, the batch)
        done = {key for key, _ in result.analyses} | {f.key for f in result.failures}
        for it in items:
            if it.key not in done:
                result.failures.append(
                    Failure(it.key, "pipeline", type(exc).__name__, str(exc), False)
                )
    finally:
        timer.stop()
    result.peak_rss_kib = peak_rss_kib()
    return result


def peak_rss_kib() -> int:
    """Return this process's peak resident set size in KiB.

    Linux's ``VmHWM`` is per address space; ``ru_maxrss`` survives ``exec``, so in a
    spawned worker it would report the parent's peak when that was larger.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _all_failed(items: Sequence[Item], step: str, exc: Exception) -> ChunkResult:
    """Return a result in which every article of ``items`` failed with ``exc``."""
    return ChunkResult(failures=[
        Failure(it.key, step, type(exc).__name__, str(exc) or repr(exc), False) for it in items
    ])  # fmt: skip


class Coder:
    """Codes chunks of articles with ``workers`` processes (0: in this process).

    ``submit`` queues a chunk; ``results`` returns finished chunks as they complete,
    waiting while more than ``max_pending`` are in flight (bounded memory on any corpus).
    """

    def __init__(
        self, workers: int, config: Config | None = None, timeout: float = DEFAULT_TIMEOUT
    ) -> None:
        if workers < 0:
            raise ValueError(f"workers must be >= 0, got {workers}")
        self.workers = workers
        self.config = config
        self.timeout = timeout
        self.max_pending = max(2 * workers, 1)
        self._pool: ProcessPoolExecutor | None = None
        self._pending: dict[Future[ChunkResult], Sequence[Item]] = {}
        self._done: list[ChunkResult] = []

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            ctx = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx)
        return self._pool

    def submit(self, items: Sequence[Item]) -> Iterator[ChunkResult]:
        """Queue ``items`` for coding; return the chunks that finished meanwhile."""
        if self.workers == 0:
            try:
                yield code_chunk(items, self.config, self.timeout)
            except Exception as exc:  # the timer fired outside the chunk's own handling
                yield _all_failed(items, "coder", exc)
            return
        future = self._executor().submit(code_chunk, items, self.config, self.timeout)
        self._pending[future] = items
        while len(self._pending) >= self.max_pending:
            yield from self._wait(FIRST_COMPLETED)

    def drain(self) -> Iterator[ChunkResult]:
        """Return every chunk still in flight, as each finishes."""
        while self._pending:
            yield from self._wait(FIRST_COMPLETED)

    def _wait(self, how: str) -> Iterator[ChunkResult]:
        done, _ = wait(list(self._pending), return_when=how)
        for future in done:
            items = self._pending.pop(future)
            try:
                result = future.result()
            except BrokenProcessPool as exc:
                yield self._lose_pool(items, exc)
                return
            except Exception as exc:  # raised in the worker outside any one article
                yield _all_failed(items, "coder", exc)
                continue
            yield result

    def _lose_pool(self, items: Sequence[Item], exc: Exception) -> ChunkResult:
        """Return every article in flight as failed, and drop the broken pool.

        A worker died (killed, out of memory, a crash in native code): all chunks in
        flight are lost with it. They are reported; a rerun of the ingest retries them.
        """
        lost = [*items, *(it for chunk in self._pending.values() for it in chunk)]
        self._pending.clear()
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        reason = "a worker process died while this article was in flight; ingest again to retry"
        return ChunkResult(
            failures=[Failure(it.key, "worker", type(exc).__name__, reason, False) for it in lost]
        )

    def close(self) -> None:
        """Stop the workers (pending chunks are cancelled)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
