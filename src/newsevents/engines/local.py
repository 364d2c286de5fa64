"""The local engine: the ingest's process pool (``corpus.runner.Coder``) as an ``Engine``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..config import Config
from ..corpus.runner import DEFAULT_TIMEOUT, ChunkResult, Coder
from ..corpus.sources import Item


class LocalEngine:
    """Codes chunks on this machine with ``workers`` processes (0: in this process).

    A worker that dies loses the chunks in flight: they come back as failures, and the
    next ingest codes them (the store skips what is already stored).
    """

    name = "local"

    def __init__(self, workers: int, config: Config | None = None,
                 timeout: float = DEFAULT_TIMEOUT) -> None:  # fmt: skip
        self.workers = workers
        self._coder = Coder(workers, config, timeout)

    def start(self, run_id: int) -> None:
        """Nothing to prepare: the pool starts with the first chunk."""

    def submit(self, items: Sequence[Item]) -> Iterator[ChunkResult]:
        """Queue one chunk; return the chunks that finished meanwhile."""
        return self._coder.submit(items)

    def drain(self) -> Iterator[ChunkResult]:
        """Return every chunk still in flight, as each finishes."""
        return self._coder.drain()

    def close(self) -> None:
        """Stop the pool."""
        self._coder.close()
