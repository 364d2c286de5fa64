"""The command line, run as a user runs it: a real subprocess, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsevents.formats import validate

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsevents.cli", *args],
        input=stdin, capture_output=True, timeout=300,
    )


def test_cli_analyze_prints_valid_json_when_piped() -> None:
    proc = run("analyze", str(EXAMPLES / "grain-corridor-talks.txt"), "--published", "2025-08-12",
               "--outlet", "Example Wire")
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout)
    validate(data)
    assert data["article"]["outlet"] == "Example Wire"


def test_cli_analyze_text_format_is_readable() -> None:
    proc = run("analyze", "-", "--format", "text", stdin=b"Turkey offered to host the talks.\n")
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"sentences" in proc.stdout


@pytest.mark.parametrize(
    ("stdin", "args", "message"),
    [
        (b"", (), b"empty"),
        (b"\x00\x01\x02binary", (), b"binary"),
        (b"caf\xe9 noir", (), b"UTF-8"),
        ("Правительство заявило, что переговоры не состоятся на этой неделе.".encode(), (),
         b"not English"),
        (b"word " * 100, ("--max-bytes", "100"), b"over the limit"),
        (b"Talks resumed.", ("--published", "yesterday"), b"YYYY-MM-DD"),
    ],
)
def test_cli_bad_input_gets_one_clear_line_and_exit_2(
    stdin: bytes, args: tuple[str, ...], message: bytes
) -> None:
    proc = run("analyze", "-", *args, stdin=stdin)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert b"Traceback" not in proc.stderr
    assert proc.stderr.count(b"\n") == 1


def test_cli_missing_file(tmp_path: Path) -> None:
    proc = run("analyze", str(tmp_path / "missing.txt"))
    assert proc.returncode == 2
    assert b"no such file" in proc.stderr and b"Traceback" not in proc.stderr


def test_cli_help_shows_an_example() -> None:
    proc = run("analyze", "--help")
    assert proc.returncode == 0 and b"example:" in proc.stdout


def test_cli_analyze_with_db_reports_a_copy(tmp_path: Path) -> None:
    import newsevents
    from newsevents.store import open_store

    original = (EXAMPLES / "grain-corridor-talks.txt").read_text(encoding="utf-8")
    db = tmp_path / "store.duckdb"
    with open_store(db) as store:
        run_id = store.begin_run(["test"], 1)
        store.write_analysis(newsevents.analyze(original, published="2025-08-12"), "orig.txt",
                             run_id)  # fmt: skip
    copy = tmp_path / "copy.txt"
    copy.write_text("BREAKING: talks\n\n" + original.replace("Source link", "Read more"),
                    encoding="utf-8")  # fmt: skip
    proc = run("analyze", str(copy), "--published", "2025-08-13", "--db", str(db))
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"copy of orig.txt" in proc.stderr
    json.loads(proc.stdout)  # the JSON on stdout is untouched
