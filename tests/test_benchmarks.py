"""The benchmarks stay runnable: each runs on a handful of articles and prints its figures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def test_bench_pipeline_reports_ratio_and_memory() -> None:
    proc = subprocess.run(
        [sys.executable, str(BENCH / "bench_pipeline.py"), "--n", "4", "--repeat", "1", "--json"],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["articles"] == 4
    assert report["throughput_ratio"] > 0
    assert 0 < report["ratio_from_step_time"] < 1  # the steps take some time
    assert report["peak_rss_mib"] > 0
    assert set(report["ms_per_article_by_step"]) == {
        "actors", "statements", "events", "legacy", "dates", "places", "framing",
    }  # fmt: skip
