"""Ingest end to end (real spaCy, in this process): counts, reasons, idempotence."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsevents.config import Config
from newsevents.corpus.ingest import ingest
from newsevents.corpus.runner import code_chunk
from newsevents.corpus.sources import Item
from newsevents.formats import validate
from newsevents.store import open_store

ARTICLES = [
    "Port workers in Velmora went on strike on Monday, demanding higher wages after a year "
    "of rising prices. The port authority said talks with the union would resume on Friday.",
    "The government of Ostria announced new sanctions against three shipping firms on "
    "Tuesday. The foreign minister said the firms had broken an arms embargo.",
    "Farmers blocked the main road into the capital of Dravia with tractors on Wednesday, "
    "protesting against cuts to fuel subsidies. Police said the protest was peaceful.",
]
FRENCH = (
    "Le gouvernement a annoncé mardi de nouvelles mesures pour soutenir les agriculteurs "
    "touchés par la sécheresse, a déclaré le ministre de l'Agriculture devant les députés."
)


def _feed(path: Path) -> Path:
    lines = [json.dumps({"text": t, "outlet": "Herald", "published": f"2025-02-0{i + 1}",
                         "id": f"h{i}"}) for i, t in enumerate(ARTICLES)]  # fmt: skip
    lines.append(json.dumps({"text": ARTICLES[0], "outlet": "Mirror", "id": "m0"}))  # a copy
    lines.append("{this is not json")
    lines.append(json.dumps({"text": ""}))
    lines.append(json.dumps({"text": FRENCH, "id": "fr"}))
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.slow
def test_ingest_counts_reasons_and_reruns_nothing(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl")
    db = tmp_path / "c.duckdb"
    with open_store(db) as store:
        first = ingest([str(feed)], store, workers=0)
        assert (first.coded, first.duplicates, first.errors) == (3, 1, 0)
        assert first.skipped == 3  # bad JSON, empty text, not English
        assert store.count("articles") == 3
        kinds = sorted((r["source_key"].split(":")[-1], r["kind"]) for r in store.rows("skipped"))
        assert kinds == [("5", "skipped"), ("6", "skipped"), ("fr", "skipped"),
                         ("m0", "duplicate")]  # fmt: skip
        french = next(r for r in store.rows("skipped") if r["source_key"] == "fr")
        assert "not English" in french["reason"]
        for article_id in store.stored_ids():
            validate(store.analysis(article_id))
        before = {t: store.count(t) for t in ("articles", "events", "actors", "corpus_events")}

        second = ingest([str(feed)], store, workers=0)
        assert (second.coded, second.already_stored) == (0, 4)  # the copy is stored too
        assert {t: store.count(t) for t in before} == before
        runs = store.rows("ingest_runs")
        assert [(r["status"], r["coded"]) for r in runs] == [("finished", 3), ("finished", 0)]


@pytest.mark.slow
def test_ingest_stdin_source(tmp_path: Path) -> None:
    stdin = io.StringIO(json.dumps({"text": ARTICLES[1], "id": "s1"}) + "\n")
    with open_store(tmp_path / "s.duckdb") as store:
        summary = ingest(["-"], store, workers=0, stdin=stdin, corpus_pass=False)
        assert summary.coded == 1
        assert [r["source_key"] for r in store.iter_query("articles")] == ["s1"]


def test_ingest_oversized_input_is_skipped_not_fatal(tmp_path: Path) -> None:
    feed = tmp_path / "big.jsonl"
    feed.write_text(json.dumps({"text": "word " * 5000, "id": "big"}) + "\n")
    with open_store(tmp_path / "b.duckdb") as store:
        summary = ingest([str(feed)], store, workers=0, config=Config(max_bytes=1000))
        assert (summary.coded, summary.skipped) == (0, 1)
        assert store.rows("skipped")[0]["error_type"] == "InputTooLargeError"


def test_ingest_chunk_that_runs_out_of_time_reports_every_article() -> None:
    items = [Item(key=f"k{i}", text=t) for i, t in enumerate(ARTICLES)]
    result = code_chunk(items, Config(), timeout=1e-6)  # never raises, whatever happens
    assert sorted(f.key for f in result.failures) == ["k0", "k1", "k2"]
    assert result.analyses == []
