"""The ingest command's progress display (rich) and end-of-run summary."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

if TYPE_CHECKING:
    from ..corpus.ingest import IngestSummary


class _RateColumn(ProgressColumn):
    """Articles coded per second since the start (not counting already stored ones)."""

    def __init__(self, started: float) -> None:
        super().__init__()
        self.started = started
        self.coded = 0

    def render(self, task: Task) -> Text:
        elapsed = time.perf_counter() - self.started
        rate = self.coded / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:5.2f} articles/s", style="progress.data.speed")


class IngestProgress:
    """A progress bar (``bar``), one stderr line per update (``lines``) or nothing."""

    def __init__(self, mode: str, total: int | None) -> None:
        self.mode = mode
        self.total = total
        self.started = time.perf_counter()
        self._rate = _RateColumn(self.started)
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._last_line = 0

    def __enter__(self) -> IngestProgress:
        if self.mode == "bar":
            self._progress = Progress(
                TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), self._rate,
                TextColumn("ETA"), TimeRemainingColumn(), TimeElapsedColumn(),
                console=Console(stderr=True),
            )  # fmt: skip
            self._progress.start()
            self._task = self._progress.add_task("ingest", total=self.total)
        return self

    def update(self, summary: IngestSummary) -> None:
        """Show the running counts of ``summary``."""
        done = summary.coded + summary.already_stored + summary.duplicates
        done += summary.skipped + summary.errors
        if self._progress is not None and self._task is not None:
            self._rate.coded = summary.coded
            self._progress.update(self._task, completed=done)
        elif self.mode == "lines" and summary.coded != self._last_line:
            self._last_line = summary.coded
            print(f"ingest: {done} done, {summary.coded} coded, {summary.already_stored} "
                  f"already stored, {summary.errors} errors", file=sys.stderr, flush=True)

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:  # fmt: skip
        if self._progress is not None:
            self._progress.stop()


def print_summary(summary: IngestSummary, db: str) -> None:
    """Print what the run did (counts, reasons, speed, memory) to stdout."""
    s = summary
    print(f"ingest run {s.run_id} into {db}: {s.records} records in {s.seconds:.1f} s")
    print(f"  coded            {s.coded:7d}  ({s.articles_per_second:.2f} articles/s)")
    print(f"  already stored   {s.already_stored:7d}")
    print(f"  duplicates       {s.duplicates:7d}  (same text as another record of this run)")
    print(f"  skipped          {s.skipped:7d}")
    print(f"  errors           {s.errors:7d}")
    for reason, n in s.reasons.most_common():
        print(f"    {n:5d}  {reason}")
    if s.peak_rss_mib:
        peaks = ", ".join(f"{v:.0f}" for v in sorted(s.peak_rss_mib.values()))
        print(f"  peak RSS per coding process (MiB): {peaks}")
    if s.corpus:
        c = s.corpus
        print(f"  corpus: {c['duplicates']} near-duplicates, {c['stories']} multi-article "
              f"stories, {c['corpus_events']} corpus events from {c['reports']} reports")
    if s.skipped or s.errors:
        print("  reasons per input: newsevents query skipped")
