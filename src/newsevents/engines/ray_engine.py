"""The Ray engine: code chunks of articles on a Ray cluster, one actor per worker.

Each actor is one worker process that builds the pipeline (and loads the spaCy model)
once, when it starts, then codes batch after batch. The driver (the ``newsevents
ingest`` process) keeps at most ``in_flight`` batches queued on each actor.

Nothing lost, nothing doubled:

* an actor that dies (killed, out of memory, its node gone) fails the calls it held;
  each of those batches is submitted again, up to ``max_retries`` times, to a live or
  restarted actor (Ray restarts a dead actor, which loads the model again). Ray's own
  task retries are off so that every re-submission is counted in the manifest;
* a batch's Parquet partition has a fixed name, written under a temporary name and moved
  into place: a retried batch replaces its partition, never adds a second one;
* the store write stays where it is for the local engine (the ingest, one transaction
  per article, skipping an article already stored).

Ray is an optional dependency (``pip install 'newsevents[ray]'``); this module imports
it only when an engine starts.
"""

from __future__ import annotations

import logging
import os
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..config import Config
from ..corpus.runner import DEFAULT_TIMEOUT, ChunkResult, Failure, code_chunk
from ..corpus.sources import Item
from ..errors import EngineError
from .parquet import ManifestRow, new_tag, write_manifest, write_partition


def import_ray() -> Any:
    """Return the ``ray`` module.

    Raises:
        EngineError: Ray is not installed.
    """
    try:
        import ray
    except ImportError as exc:
        raise EngineError(
            "the ray engine needs Ray: pip install 'newsevents[ray]' (on the driver and "
            "on every node of the cluster)"
        ) from exc
    return ray


@dataclass(slots=True)
class BatchOutput:
    """What an actor returns for one batch: the coded result, the ids of the articles it
    coded (``(key, article id)``) and the articles written to Parquet."""

    result: ChunkResult
    coded: list[tuple[str, str]] = field(default_factory=list)
    written: int = 0


class CodingWorker:
    """One Ray worker process (an actor): the pipeline, built once, codes batches.

    ``output`` (a folder or URL) receives each batch as Parquet partitions; ``load``
    False drops the analyses from what goes back to the driver (they are in Parquet).
    """

    def __init__(self, config: Config | None, timeout: float, output: str | None, tag: str,
                 run_id: int, load: bool) -> None:  # fmt: skip
        from ..pipeline import get_pipeline

        self.config = config
        self.timeout = timeout
        self.output = output
        self.tag = tag
        self.run_id = run_id
        self.load = load
        get_pipeline(config)  # loads the spaCy model and our data files, once

    def pid(self) -> int:
        """Return this worker's process id (to watch or kill it)."""
        return os.getpid()

    def code(self, batch: int, items: Sequence[Item]) -> BatchOutput:
        """Return the coded batch; write its partitions first when there is an output.

        Raises:
            EngineError: the partitions cannot be written (the driver retries the batch).
        """
        result = code_chunk(items, self.config, self.timeout)
        coded = [(key, a.article.id) for key, a in result.analyses]
        written = 0
        if self.output:
            written = write_partition(self.output, self.tag, batch, result.analyses, self.run_id)
        if not self.load:
            result.analyses = []
        return BatchOutput(result, coded, written)


@dataclass(slots=True)
class _Flight:
    """A batch on its way: which actor holds it, and how many times it was submitted."""

    actor: int
    batch: int
    items: Sequence[Item]
    attempts: int


class RayEngine:
    """Codes chunks on a Ray cluster (see the module docstring).

    Args:
        workers: actors to start (default: one per CPU the cluster has at start).
        timeout: seconds one article may take in a worker (0: no limit).
        address: ``None`` starts a Ray instance on this machine; ``auto`` joins the
            cluster this machine belongs to; ``HOST:PORT`` (or ``ray://HOST:10001``)
            joins that one.
        output: folder or URL for the Parquet partitions and the manifest
            (``parquet.py``); ``None`` writes none.
        max_retries: re-submissions of a batch whose worker died before its articles
            are reported as errors.
        load: send the analyses back so the ingest stores them; False leaves them in
            Parquet only (needs ``output``).
        in_flight: batches queued on each actor (2 keeps a worker busy while the
            driver receives the previous batch).
    """

    name = "ray"

    def __init__(
        self,
        workers: int | None = None,
        config: Config | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        address: str | None = None,
        output: str | None = None,
        max_retries: int = 2,
        load: bool = True,
        in_flight: int = 2,
        start_timeout: float = 600.0,
    ) -> None:
        if workers is not None and workers < 1:
            raise EngineError(f"the ray engine needs 1 or more workers, got {workers}")
        if max_retries < 0:
            raise EngineError(f"max_retries must be 0 or more, got {max_retries}")
        if not load and not output:
            raise EngineError("not loading into the store needs an --output for the Parquet")
        self.workers = workers or 0
        self.config = config
        self.timeout = timeout
        self.address = address
        self.output = output
        self.max_retries = max_retries
        self.load = load
        self.in_flight = max(in_flight, 1)
        self.start_timeout = start_timeout
        self.tag = new_tag()
        self.manifest_path: str | None = None
        #: The actors' process ids when they started (``worker_pids`` asks again; it
        #: waits behind the batches queued on each actor).
        self.pids: list[int] = []
        self.retried_batches = 0
        self._ray: Any = None
        self._owns_ray = False
        self._actors: list[Any] = []
        self._load: list[int] = []
        self._queue: deque[_Flight] = deque()
        self._pending: dict[Any, _Flight] = {}
        self._down: dict[int, int] = {}  # actor -> failed probes since it died
        self._probes: dict[Any, int] = {}  # probe ref -> actor
        self.probe_interval = 0.5
        self.probe_limit = 600  # about five minutes for an actor to come back
        self._manifest: dict[int, dict[str, ManifestRow]] = {}
        self._next_batch = 0

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self, run_id: int) -> None:
        """Join (or start) the cluster and start the actors; return when every actor has
        loaded the pipeline.

        Raises:
            EngineError: Ray is missing, the cluster cannot be reached, or the actors
                cannot start (too few CPUs, newsevents not installed on a node...).
        """
        ray = self._ray = import_ray()
        if not ray.is_initialized():
            kwargs: dict[str, Any] = {"logging_level": logging.WARNING, "log_to_driver": False}
            if self.address is None:
                kwargs["include_dashboard"] = False
            try:
                ray.init(address=self.address, **kwargs)
            except (ConnectionError, RuntimeError, ValueError) as exc:
                raise EngineError(
                    f"cannot join the Ray cluster at {self.address or 'a new local instance'}: "
                    f"{exc}"
                ) from exc
            self._owns_ray = True
        if not self.workers:
            self.workers = max(int(ray.cluster_resources().get("CPU", 1)), 1)
        actor_class = ray.remote(CodingWorker).options(
            num_cpus=1, max_restarts=-1, max_task_retries=0, scheduling_strategy="SPREAD"
        )
        self._actors = [
            actor_class.remote(self.config, self.timeout, self.output, self.tag, run_id, self.load)
            for _ in range(self.workers)
        ]
        self._load = [0] * self.workers
        try:
            self.pids = self.worker_pids(timeout=self.start_timeout)
        except EngineError:
            self.close()
            raise

    def worker_pids(self, timeout: float = 60.0) -> list[int]:
        """Return the process id of each actor (waits for actors still starting).

        Raises:
            EngineError: an actor could not start within ``timeout`` seconds.
        """
        if self._ray is None:
            raise EngineError("start the engine before asking for its workers")
        ray = self._ray
        try:
            return [int(p) for p in ray.get([a.pid.remote() for a in self._actors],
                                            timeout=timeout)]  # fmt: skip
        except ray.exceptions.GetTimeoutError as exc:
            raise EngineError(
                f"{self.workers} Ray workers did not start within {timeout:.0f} s: does the "
                f"cluster have {self.workers} free CPUs? ({exc})"
            ) from exc
        except ray.exceptions.RayError as exc:
            raise EngineError(
                "a Ray worker could not load the newsevents pipeline: is newsevents (with "
                f"its spaCy model) installed on every node? ({exc})"
            ) from exc

    def close(self) -> None:
        """Write the manifest, stop the actors and leave the cluster (if we joined it)."""
        ray = self._ray
        if ray is None:
            return
        try:
            if self.output and self._manifest:
                self.manifest_path = write_manifest(self.output, self.tag, self.manifest())
        finally:
            for actor in self._actors:
                ray.kill(actor)
            self._actors = []
            self._pending.clear()
            self._probes.clear()
            self._down.clear()
            self._queue.clear()
            if self._owns_ray:
                ray.shutdown()
                self._owns_ray = False
            self._ray = None

    def report(self) -> str:
        """Return a summary of the run for people: workers, retries, where the Parquet is."""
        rows = self.manifest()
        coded = sum(1 for r in rows if r.status == "coded")
        lines = [f"ray: {self.workers} workers, {len(rows)} articles sent, {coded} coded, "
                 f"{self.retried_batches} batch re-submissions"]  # fmt: skip
        if self.output:
            where = "Parquet (not loaded into the store)" if not self.load else "Parquet"
            lines.append(f"  {where}: {self.output}  (run={self.tag})")
        if self.manifest_path:
            lines.append(f"  manifest: {self.manifest_path}")
        return "\n".join(lines)

    # -- chunks ------------------------------------------------------------------------------

    def submit(self, items: Sequence[Item]) -> Iterator[ChunkResult]:
        """Queue one chunk; return the chunks that finished while every worker was busy."""
        if self._ray is None:
            raise EngineError("start the engine before submitting chunks")
        batch = self._next_batch = self._next_batch + 1
        self._manifest[batch] = {it.key: ManifestRow(it.key, batch) for it in items}
        self._queue.append(_Flight(-1, batch, items, 1))
        self._dispatch()
        while self._queue:
            yield from self._wait_one()

    def drain(self) -> Iterator[ChunkResult]:
        """Return every chunk still queued or in flight, as each finishes."""
        while self._pending or self._queue:
            self._dispatch()
            yield from self._wait_one()

    def manifest(self) -> list[ManifestRow]:
        """Return the status of every article submitted so far, by batch."""
        return [row for batch in sorted(self._manifest) for row in self._manifest[batch].values()]

    def _dispatch(self) -> None:
        """Send queued batches to the least busy live actors that have room."""
        while self._queue:
            live = [i for i in range(len(self._actors)) if i not in self._down]
            if not live:
                return
            actor = min(live, key=self._load.__getitem__)
            if self._load[actor] >= self.in_flight:
                return
            flight = self._queue.popleft()
            flight.actor = actor
            self._load[actor] += 1
            ref = self._actors[actor].code.remote(flight.batch, flight.items)
            self._pending[ref] = flight

    def _wait_one(self) -> Iterator[ChunkResult]:
        """Wait for one batch (or a probe of a dead actor); return the batch's result, or
        re-queue it if its worker died.

        Raises:
            EngineError: batches are left and no actor has come back for a long while.
        """
        ray = self._ray
        if not self._pending:
            self._dispatch()
        if not self._pending and not self._probes:
            raise EngineError(
                f"every Ray worker died and none came back after {self.probe_limit} probes; "
                "the articles not coded are in the manifest: ingest again to code them"
            )
        (ref,), _ = ray.wait([*self._pending, *self._probes], num_returns=1)
        if ref in self._probes:
            self._check_probe(ref)
            self._dispatch()
            return
        flight = self._pending.pop(ref)
        self._load[flight.actor] -= 1
        try:
            output: BatchOutput = ray.get(ref)
        except ray.exceptions.RayError as exc:
            self._mark_down(flight.actor)
            lost = self._retry(flight, exc)
            self._dispatch()
            if lost is not None:
                yield lost
            return
        self._record(flight, output)
        self._dispatch()
        yield output.result

    def _mark_down(self, actor: int) -> None:
        """Send no more batches to ``actor`` until it answers a probe (Ray restarts a dead
        actor; a call to it while it restarts fails at once)."""
        if actor not in self._down:
            self._down[actor] = 0
            self._probes[self._actors[actor].pid.remote()] = actor

    def _check_probe(self, ref: Any) -> None:
        """Bring an actor back when its probe answers; probe again a little later if not."""
        ray = self._ray
        actor = self._probes.pop(ref)
        try:
            self.pids[actor] = int(ray.get(ref))
        except ray.exceptions.RayError:
            self._down[actor] += 1
            if self._down[actor] < self.probe_limit:
                time.sleep(self.probe_interval)
                self._probes[self._actors[actor].pid.remote()] = actor
            return
        del self._down[actor]

    def _retry(self, flight: _Flight, exc: Exception) -> ChunkResult | None:
        """Queue a failed batch again; return it as failures once ``max_retries`` is spent."""
        rows = self._manifest[flight.batch]
        if flight.attempts <= self.max_retries:
            self.retried_batches += 1
            for row in rows.values():
                row.attempts = flight.attempts + 1
            self._queue.appendleft(_Flight(-1, flight.batch, flight.items, flight.attempts + 1))
            return None
        reason = (f"its batch failed {flight.attempts} times on the Ray cluster "
                  f"({type(exc).__name__}); ingest again to retry")  # fmt: skip
        failures = [Failure(it.key, "engine", type(exc).__name__, reason, False)
                    for it in flight.items]  # fmt: skip
        for f in failures:
            rows[f.key].status, rows[f.key].step = "error", f.step
            rows[f.key].error_type, rows[f.key].reason = f.error_type, f.reason
        return ChunkResult(failures=failures)

    def _record(self, flight: _Flight, output: BatchOutput) -> None:
        """Mark the articles of a finished batch in the manifest."""
        rows = self._manifest[flight.batch]
        pid = output.result.pid or None
        for key, article in output.coded:
            row = rows[key]
            row.status, row.article_id, row.worker_pid = "coded", article, pid
        for f in output.result.failures:
            row = rows[f.key]
            row.status = "skipped" if f.bad_input else "error"
            row.step, row.error_type, row.reason, row.worker_pid = (
                f.step, f.error_type, f.reason, pid
            )  # fmt: skip
