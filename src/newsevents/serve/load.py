"""A bounded load generator for the API: a fixed number of requests from concurrent clients.

Used by ``benchmarks/bench_serve.py`` and the load test; it only ever talks to the URL it is
given (a server on loopback in our tests and benchmarks).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import httpx


@dataclass(frozen=True, slots=True)
class LoadReport:
    """Latencies (ms) and errors of one load run."""

    requests: int
    errors: int
    p50_ms: float
    p99_ms: float
    seconds: float

    def line(self, name: str) -> str:
        """Return the report as one readable line."""
        return (f"{name}: {self.requests} requests, {self.errors} errors, "
                f"p50 {self.p50_ms:.1f} ms, p99 {self.p99_ms:.1f} ms, "
                f"{self.requests / self.seconds:.1f} req/s")  # fmt: skip


def run_load(
    base_url: str,
    send: Callable[[httpx.Client], httpx.Response],
    clients: int = 8,
    per_client: int = 20,
    timeout: float = 120.0,
) -> LoadReport:
    """Return the latencies of ``clients * per_client`` requests sent by ``send``.

    Each client has its own connection and sends its requests one after another; a
    response that is not 2xx, or any exception, counts as an error.
    """

    def client_run(_: int) -> tuple[list[float], int]:
        times: list[float] = []
        errors = 0
        with httpx.Client(base_url=base_url, timeout=timeout) as c:
            for _ in range(per_client):
                t0 = time.perf_counter()
                try:
                    ok = send(c).is_success
                except httpx.HTTPError:
                    ok = False
                times.append(1000 * (time.perf_counter() - t0))
                errors += not ok
        return times, errors

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        results = list(pool.map(client_run, range(clients)))
    seconds = time.perf_counter() - start
    times = sorted(t for ts, _ in results for t in ts)
    errors = sum(e for _, e in results)
    p99 = statistics.quantiles(times, n=100)[98] if len(times) >= 2 else times[0]
    return LoadReport(len(times), errors, statistics.median(times), p99, seconds)
