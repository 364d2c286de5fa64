"""Reading raw input: bytes to text, HTML to its body and title, with clear errors.

Article text is untrusted: nothing here evaluates it, and every refusal says what was wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MissingInputError,
)

DEFAULT_MAX_BYTES = 2_000_000

_HTML_SNIFF = re.compile(
    r"<\s*(!doctype\s+html|html|head|body|article|p|div|title|meta)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class RawInput:
    """Decoded input text, whether it was HTML, and the title HTML carried."""

    text: str
    is_html: bool = False
    title: str | None = None


def read_bytes(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Return the bytes of ``path``, refusing a missing file or one over ``max_bytes``.

    Raises:
        MissingInputError: the file does not exist or is not a file.
        InputTooLargeError: the file is larger than ``max_bytes``.
    """
    p = Path(path)
    if not p.is_file():
        raise MissingInputError(f"{path}: no such file")
    size = p.stat().st_size
    if size > max_bytes:
        raise InputTooLargeError(
            f"{path}: {size:,} bytes is over the limit of {max_bytes:,} bytes "
            "(raise it with --max-bytes)"
        )
    return p.read_bytes()


def decode(data: bytes, name: str = "input", max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Return ``data`` decoded as text (UTF-8, or UTF-16 with a byte-order mark).

    Raises:
        InputTooLargeError: over ``max_bytes``.
        EmptyInputError: no bytes, or only white space.
        BinaryInputError: NUL bytes or other control bytes that text does not have.
        DecodingError: not valid UTF-8 (the message gives the byte offset).
    """
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"{name}: {len(data):,} bytes is over the limit of {max_bytes:,} bytes"
        )
    if not data.strip():
        raise EmptyInputError(f"{name}: the input is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodingError(f"{name}: not valid UTF-16 despite its byte-order mark") from exc
    if b"\x00" in data[:8192] or _control_share(data[:8192]) > 0.05:
        raise BinaryInputError(f"{name}: binary data, not text (NUL or control bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DecodingError(
            f"{name}: not valid UTF-8 at byte {exc.start} (tried UTF-8; "
            "convert the file to UTF-8 first, e.g. with iconv)"
        ) from exc


def _control_share(chunk: bytes) -> float:
    """Return the share of bytes that are control characters other than tab/newline/CR/FF."""
    if not chunk:
        return 0.0
    bad = sum(1 for b in chunk if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(chunk)


def looks_like_html(text: str) -> bool:
    """Return True when the text starts like an HTML document or fragment."""
    return bool(_HTML_SNIFF.search(text[:2048]))


def extract_html(html: str, name: str = "input") -> RawInput:
    """Return the main body text and title of an HTML page (trafilatura).

    Raises:
        EmptyInputError: no article body could be found in the page.
    """
    import trafilatura  # imported here: costly, and only HTML input needs it

    try:
        body = trafilatura.extract(
            html, include_comments=False, include_tables=False, favor_precision=True
        )
        meta = trafilatura.extract_metadata(html)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(f"{name}: the HTML could not be read ({exc})") from exc
    if not body or not body.strip():
        raise EmptyInputError(f"{name}: no article text found in the HTML")
    title = meta.title if meta is not None and meta.title else None
    return RawInput(text=body, is_html=True, title=title)


def read_input(
    data: bytes | str, name: str = "input", max_bytes: int = DEFAULT_MAX_BYTES
) -> RawInput:
    """Return the text of one article from bytes or a string, extracting HTML bodies.

    Raises:
        InputError: one of its subclasses, with a message naming ``name``.
    """
    if isinstance(data, bytes):
        text = decode(data, name, max_bytes)
    else:
        if len(data.encode("utf-8", "surrogatepass")) > max_bytes:
            raise InputTooLargeError(f"{name}: over the limit of {max_bytes:,} bytes")
        if not data.strip():
            raise EmptyInputError(f"{name}: the input is empty")
        if "\x00" in data[:8192]:
            raise BinaryInputError(f"{name}: binary data, not text (NUL characters)")
        text = data
    if looks_like_html(text):
        return extract_html(text, name)
    return RawInput(text=text)
