"""``newsevents ingest --engine``: the Ray options are refused where they mean nothing,
before any store is created (in-process, no model load)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.cli import main


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--address", "auto"], 2, "need --engine ray"),
        (["--output", "out"], 2, "need --engine ray"),
        (["--no-load"], 2, "need --engine ray"),
        (["--engine", "ray", "--workers", "0"], 1, "1 or more workers"),
        (["--engine", "ray", "--max-retries", "-1"], 1, "max_retries"),
        (["--engine", "ray", "--chunk-size", "0"], 2, "--chunk-size"),
    ],
)
def test_engines_cli_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    db = tmp_path / "corpus.duckdb"
    assert main(["ingest", str(tmp_path), "--db", str(db), *args]) == code
    assert message in capsys.readouterr().err
    assert not db.exists()


def test_engines_cli_help_shows_the_engines(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["ingest", "--help"])
    out = capsys.readouterr().out
    for option in ("--engine {local,ray}", "--address", "--output", "--no-load", "--max-retries"):
        assert option in out
