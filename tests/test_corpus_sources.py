"""Corpus readers: folders, JSONL, CSV, stdin; malformed records are reported, not fatal."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsevents.corpus.sources import Item, Malformed, count_records, read_sources
from newsevents.errors import InputError, MissingInputError


def test_corpus_folder_reads_txt_and_html_sorted(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second article text.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.html").write_text("<html><body><p>First.</p></body></html>")
    (tmp_path / "notes.md").write_text("ignored")
    records = list(read_sources([str(tmp_path)]))
    assert [Path(r.key).name for r in records] == ["b.txt", "a.html"]
    assert all(isinstance(r, Item) and isinstance(r.text, bytes) for r in records)
    assert count_records([str(tmp_path)]) == 2


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "not JSON"),
        ("[1, 2]", "a JSON list, not an object"),
        ('{"title": "no text"}', "the 'text' field is missing"),
        ('{"text": 42}', "the 'text' field is a int, not a string"),
        ('{"text": "   "}', "the 'text' field is empty"),
        ('{"text": "ok", "outlet": {"a": 1}}', "the 'outlet' field is a dict"),
    ],
)
def test_corpus_jsonl_malformed_line_is_recorded(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "feed.jsonl"
    good = {"text": "Ministers met on Monday.", "outlet": "Herald", "published": "2025-01-02",
            "id": "h-1", "url": "https://example.org/1", "title": "Ministers meet"}
    path.write_text(json.dumps(good) + "\n" + line + "\n\n")
    records = list(read_sources([str(path)]))
    assert records[0] == Item(key="h-1", text=good["text"], title="Ministers meet",
                              url="https://example.org/1", outlet="Herald",
                              published="2025-01-02")  # fmt: skip
    assert isinstance(records[1], Malformed)
    assert records[1].key == f"{path}:2"
    assert reason in records[1].reason
    assert len(records) == 2  # the blank line is not a record


def test_corpus_stdin_is_jsonl() -> None:
    stdin = io.StringIO('{"text": "One."}\n{"text": "Two."}\n')
    records = list(read_sources(["-"], stdin=stdin))
    assert [r.key for r in records] == ["<stdin>:1", "<stdin>:2"]
    assert count_records(["-"]) is None


def test_corpus_csv_columns_and_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('Text,Outlet,published\n"Talks resumed, officials said.",Herald,2025-01-02\n'
                    ',Herald,2025-01-03\n"x",y,z,extra\n')  # fmt: skip
    records = list(read_sources([str(path)]))
    assert isinstance(records[0], Item)
    assert records[0].outlet == "Herald"
    assert records[0].text == "Talks resumed, officials said."
    assert isinstance(records[1], Malformed)
    assert "empty" in records[1].reason
    assert isinstance(records[2], Malformed)
    assert "more cells" in records[2].reason
    assert count_records([str(path)]) == 3


def test_corpus_csv_without_text_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("body,outlet\nsomething,Herald\n")
    with pytest.raises(InputError, match="'text' column"):
        list(read_sources([str(path)]))


def test_corpus_missing_and_unknown_sources(tmp_path: Path) -> None:
    with pytest.raises(MissingInputError):
        list(read_sources([str(tmp_path / "nope")]))
    odd = tmp_path / "a.pdf"
    odd.write_bytes(b"%PDF")
    with pytest.raises(InputError, match="not a folder, JSONL"):
        list(read_sources([str(odd)]))
