"""Reading input: encodings, binary data, size limits, HTML bodies; every refusal is clear."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputTooLargeError,
    MissingInputError,
)
from newsevents.reading import decode, looks_like_html, read_bytes, read_input

HTML = """<!doctype html><html><head><title>Talks resume in Geneva</title></head>
<body><nav>Home | World | Share</nav><article><h1>Talks resume in Geneva</h1>
<p>Diplomats from both countries met in Geneva on Monday to resume talks on a ceasefire,
the foreign ministry said in a statement released in the afternoon.</p>
<p>The minister said the government was ready to discuss an exchange of prisoners but would
not accept any preconditions set by the other side, according to officials.</p>
</article><footer>Copyright 2025 Example News</footer></body></html>"""


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"", EmptyInputError, "empty"),
        (b"  \n\t ", EmptyInputError, "empty"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", BinaryInputError, "binary"),
        (b"caf\xe9 au lait", DecodingError, "UTF-8"),
    ],
)
def test_decode_refuses_bad_bytes_with_a_clear_message(
    data: bytes, error: type[Exception], words: str
) -> None:
    with pytest.raises(error, match=words):
        decode(data, "x.txt")


def test_decode_reads_utf16_with_bom_and_utf8_with_bom() -> None:
    assert decode("Kyiv said no.".encode("utf-16")) == "Kyiv said no."
    assert decode("\ufeffKyiv said no.".encode()) == "Kyiv said no."


def test_size_limit_applies_to_files_and_bytes(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 1000)
    with pytest.raises(InputTooLargeError, match="over the limit"):
        read_bytes(big, max_bytes=100)
    with pytest.raises(InputTooLargeError):
        decode(b"word " * 1000, max_bytes=100)


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(MissingInputError, match="nope.txt"):
        read_bytes(tmp_path / "nope.txt")


def test_html_body_and_title_are_extracted() -> None:
    assert looks_like_html(HTML)
    raw = read_input(HTML)
    assert raw.is_html and raw.title == "Talks resume in Geneva"
    assert "exchange of prisoners" in raw.text
    assert "Home | World" not in raw.text


@pytest.mark.parametrize("broken", ["<html><body><p>", "<div><<<>>></div>", "<p>\x01\x02</p>"])
def test_broken_html_gives_an_input_error_not_a_crash(broken: str) -> None:
    from newsevents.errors import InputError

    with pytest.raises(InputError):
        read_input(broken)
