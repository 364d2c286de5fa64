"""Provenance in the store: the corpus pass writes the links, the command lists them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import newsevents
from newsevents.cli import main
from newsevents.corpus import refresh
from newsevents.provenance.stored import stored_links
from newsevents.store import open_store
from provenance_samples import INDEPENDENT, ORIGINAL, REWRITE

DAY = dt.date(2024, 3, 5)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("prov") / "news.duckdb"
    with open_store(path) as store:
        run = store.begin_run(["samples"], 0)
        for key, text, day, url in (
            ("port.txt", ORIGINAL, DAY, "https://example.org/port"),
            ("fishers.txt", INDEPENDENT, DAY, None),
            ("spun.txt", REWRITE, DAY + dt.timedelta(days=1), "https://farm.example/spun"),
        ):
            analysis = newsevents.analyze(text, published=day, url=url)
            assert store.write_analysis(analysis, key, run)
        refresh(store)
    return path


def test_provenance_corpus_pass_stores_the_rewrite_only(db: Path) -> None:
    with open_store(db, read_only=True) as store:
        links = stored_links(store)
    assert [(x["article"]["source"], x["copy_of"]["source"], x["kind"]) for x in links] == [
        ("https://farm.example/spun", "https://example.org/port", "rewrite")
    ]
    pair = links[0]["evidence"][0]
    assert set(pair) == {"article", "copy_of", "similarity", "article_text", "copy_of_text"}
    assert "Lindmark" in pair["copy_of_text"]


def test_provenance_command_lists_links_as_json(db: Path, capsys: pytest.CaptureFixture[str]
                                               ) -> None:  # fmt: skip
    assert main(["provenance", "--db", str(db), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out) == 1 and set(out[0]) == {"article", "copy_of", "kind", "score", "evidence"}
    assert main(["provenance", "--db", str(db)]) == 0
    assert "rewrite" in capsys.readouterr().out


def test_provenance_command_on_a_missing_db_is_a_clean_error(tmp_path: Path) -> None:
    assert main(["provenance", "--db", str(tmp_path / "none.duckdb")]) != 0
