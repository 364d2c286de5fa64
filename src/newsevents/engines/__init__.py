"""Engines: where chunks of articles are coded. The ingest decides what to code and owns
the store; an engine only runs ``corpus.runner.code_chunk`` somewhere and hands back the
``ChunkResult``s.

An engine is four methods (``Engine``): ``start(run_id)`` once, ``submit(items)`` per
chunk (returning the chunks that finished meanwhile, so memory stays bounded),
``drain()`` for the rest, ``close()`` always. Results come back in completion order;
each carries its articles' keys. Two engines:

* ``local`` (``local.py``): a process pool on this machine (``--workers N``);
* ``ray`` (``ray_engine.py``): one Ray actor per worker on a Ray cluster, each loading the
  spaCy pipeline once; a batch whose worker died is submitted again, every batch is also
  written as Parquet partitions, and a manifest records every article's status
  (``parquet.py``, ``docs/scale.md``).

Both run the same ``code_chunk`` and the ingest writes their results to the store the
same way, so the two give the same stored rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

from ..config import Config
from ..corpus.runner import DEFAULT_TIMEOUT, ChunkResult
from ..corpus.sources import Item
from ..errors import InputError

#: The engines ``newsevents ingest --engine`` accepts.
ENGINES: tuple[str, ...] = ("local", "ray")


class Engine(Protocol):
    """Codes chunks of articles somewhere and returns their ``ChunkResult``s."""

    name: str
    workers: int

    def start(self, run_id: int) -> None:
        """Prepare for ingest run ``run_id`` (start workers, connect to a cluster)."""

    def submit(self, items: Sequence[Item]) -> Iterator[ChunkResult]:
        """Queue one chunk; return the chunks that finished meanwhile (waits while too
        many are in flight)."""

    def drain(self) -> Iterator[ChunkResult]:
        """Return every chunk still in flight, as each finishes."""

    def close(self) -> None:
        """Stop the workers and release the cluster (always called, also on errors)."""


def make_engine(
    name: str,
    *,
    workers: int | None = None,
    config: Config | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    address: str | None = None,
    output: str | None = None,
    max_retries: int = 2,
    load: bool = True,
) -> Engine:
    """Return the engine called ``name`` (see ``ENGINES``), not yet started.

    ``workers``: processes (local; default 1) or Ray actors (ray; default one per CPU of
    the cluster). ``timeout``: seconds one article may take (0: no limit). ``address``,
    ``output``, ``max_retries`` and ``load`` are the Ray engine's (see ``RayEngine``);
    the local engine refuses them.

    Raises:
        InputError: an unknown engine, or a Ray option given to the local engine.
        EngineError: Ray is not installed.
    """
    if name == "local":
        if address is not None or output is not None or not load:
            raise InputError("--address, --output and --no-load need --engine ray")
        from .local import LocalEngine

        return LocalEngine(1 if workers is None else workers, config, timeout)
    if name == "ray":
        from .ray_engine import RayEngine

        return RayEngine(
            workers=workers, config=config, timeout=timeout, address=address, output=output,
            max_retries=max_retries, load=load,
        )  # fmt: skip
    raise InputError(f"unknown engine {name!r}; engines: {', '.join(ENGINES)}")


def default_output(engine: str, db: str) -> str | None:
    """Return where the ``ray`` engine writes its Parquet by default: ``DB.parquet`` beside
    a DuckDB file, ``newsevents.parquet`` here for a PostgreSQL URL; None for ``local``."""
    if engine != "ray":
        return None
    if "://" in db:
        return "newsevents.parquet"
    return str(Path(db).with_suffix(".parquet"))


def map_chunks(
    engine: Engine, chunks: Iterable[Sequence[Item]], run_id: int = 0
) -> Iterator[ChunkResult]:
    """Return the results of coding every chunk with ``engine`` (started and closed here),
    in completion order; the articles' keys say which is which."""
    engine.start(run_id)
    try:
        for chunk in chunks:
            yield from engine.submit(list(chunk))
        yield from engine.drain()
    finally:
        engine.close()


__all__ = ["ENGINES", "Engine", "default_output", "make_engine", "map_chunks"]
