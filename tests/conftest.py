"""Shared fixtures: the spaCy model and the KB (loaded once), the example article, shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
#: Public evaluation data lives beside the repository, never inside it.
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The spaCy English pipeline, as the parse step loads it."""
    from newsevents.parse import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def kb():  # type: ignore[no-untyped-def]
    """The actor knowledge base, loaded once."""
    from newsevents.actors.kb import load_kb

    return load_kb()


@pytest.fixture(scope="session")
def example_text() -> str:
    """The bundled example article (written by us)."""
    return (EXAMPLES / "grain-corridor-talks.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The ../shared/data folder; skips the test with a message when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared evaluation data not found at {SHARED_DATA}")
    return SHARED_DATA
