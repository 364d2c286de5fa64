"""Docs stay true: every setting and every command is documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.cli import COMMANDS
from newsevents.config import SETTINGS, setting_names

ROOT = Path(__file__).resolve().parents[1]


def test_every_setting_is_declared_and_documented() -> None:
    declared = [s.name for s in SETTINGS]
    assert declared == setting_names()
    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    for name in declared:
        assert f"| `{name}` |" in doc, f"setting {name} missing from docs/settings.md"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"newsevents {command}" in readme, f"`newsevents {command}` missing from README.md"


def test_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```bash", 1)[1].split("```", 1)[0]
    commands = [line for line in first_block.splitlines() if line and not line.startswith("#")]
    assert commands[0].startswith("pip install . && newsevents analyze examples/")
    assert commands[1] == "bash scripts/test"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/test" in ci
