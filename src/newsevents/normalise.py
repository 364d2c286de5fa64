"""Normalisation: the text every span points into, and the map back to the input.

What it does, in order, and why:

* line breaks: ``\\r\\n`` and ``\\r`` become ``\\n``;
* paragraphs: where the input has blank lines and its single line breaks fall mid-sentence,
  blank lines separate paragraphs and single breaks are hard wraps (joined by a space);
  otherwise (no blank lines, or lines that end sentences, as in one-paragraph-per-line
  text with a blank line after the title) every line is a paragraph. Paragraphs are joined
  by ``\\n\\n`` in the output;
* white space inside a paragraph collapses to one space; zero-width characters and soft
  hyphens go; Unicode NFC; typographic quotes are *kept* (quote extraction needs them);
* boilerplate paragraphs ("Source link", "Read more", share/subscribe/cookie lines,
  syndication bylines) are removed and recorded with their *original* offsets and a reason.

Characters copied unchanged are recorded as ``OffsetRun``s, so ``Article.to_original``
maps any text offset back to the input.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import pairwise

from . import boilerplate
from .model import OffsetRun, Removed

_TOKEN = re.compile(r"\S+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
#: How a sentence, and so a paragraph, ends: ".", "!", "?", a closing quote or bracket.
_SENTENCE_ENDS = (".", "!", "?", '"', "”", "’", "'", ")", ":")


@dataclass(slots=True)
class Normalised:
    """The normalised text, what was removed from the input, and the offset map."""

    text: str
    removed: list[Removed] = field(default_factory=list)
    offsets: list[OffsetRun] = field(default_factory=list)


class _Builder:
    """Appends output text, recording which characters were copied from where."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.runs: list[OffsetRun] = []

    def copy(self, text: str, original: int) -> None:
        last = self.runs[-1] if self.runs else None
        if (
            last
            and last.start + last.length == self.length
            and last.original + last.length == original
        ):
            self.runs[-1] = OffsetRun(last.start, last.original, last.length + len(text))
        else:
            self.runs.append(OffsetRun(self.length, original, len(text)))
        self._add(text)

    def insert(self, text: str) -> None:
        self._add(text)

    def _add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)


def normalise(raw: str) -> Normalised:
    """Return the normalised text of ``raw`` with removed boilerplate and the offset map.

    Offsets in ``removed`` and ``offsets[].original`` index ``raw`` itself (before line-break
    conversion), so nothing of the input is lost.
    """
    paragraphs = _paragraphs(raw)
    out = _Builder()
    removed: list[Removed] = []
    kept: list[list[tuple[int, str]]] = []
    for para in paragraphs:
        reason = boilerplate.classify(_visible(para))
        if reason is not None:
            start, end = para[0][0], para[-1][0] + len(para[-1][1])
            removed.append(Removed(start, end, raw[start:end], reason))
        else:
            kept.append(para)
    if kept:
        kept[-1] = _cut_tail(kept[-1], raw, removed)
    for i, para in enumerate(p for p in kept if p):
        if i:
            out.insert("\n\n")
        _emit_paragraph(out, para, raw)
    removed.sort(key=lambda r: r.start)
    return Normalised("".join(out.parts), removed, out.runs)


def _paragraphs(raw: str) -> list[list[tuple[int, str]]]:
    """Return paragraphs as lists of ``(original offset, token)``; empty ones are dropped."""
    text = raw.replace("\r\n", "\n ").replace("\r", "\n")  # same length: offsets hold
    blank_separated = bool(_BLANK_LINE.search(text)) and _hard_wrapped(text)
    paragraphs: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    line_start = 0
    for line in text.split("\n"):
        # a token of invisible characters only is no word (tested per line: most have none)
        invisible = _INVISIBLE.search(line) is not None
        line_tokens = [
            (line_start + t.start(), t.group())
            for t in _TOKEN.finditer(line)
            if not invisible or _INVISIBLE.sub("", t.group())
        ]
        line_start += len(line) + 1
        if not line_tokens:
            if current:
                paragraphs.append(current)
                current = []
            continue
        if blank_separated and boilerplate.classify(_visible(line_tokens)) is None:
            current.extend(line_tokens)
        elif blank_separated:  # a debris line inside a wrapped paragraph stands alone
            if current:
                paragraphs.append(current)
                current = []
            paragraphs.append(line_tokens)
        else:
            paragraphs.append(line_tokens)
    if current:
        paragraphs.append(current)
    return paragraphs


def _hard_wrapped(text: str) -> bool:
    """Return True when single line breaks inside blank-line blocks are wraps, not paragraphs.

    Prose wrapped at a fixed width ends a line at a sentence end only by chance; a text
    with one paragraph per line (and a blank line after its title, as many scrapers and
    SemEval write it) ends nearly every line with one. The lines looked at are those a
    single break follows.
    """
    wrapped = [
        line.rstrip()
        for block in _BLANK_LINE.split(text)
        for line in block.strip("\n").split("\n")[:-1]
        if line.strip()
    ]
    if not wrapped:
        return True
    ends = sum(1 for line in wrapped if line.endswith(_SENTENCE_ENDS))
    return ends / len(wrapped) < 0.5


def _visible(tokens: list[tuple[int, str]]) -> str:
    """Return the tokens' text as a reader sees it: a zero-width space hides no "Source link"."""
    return _INVISIBLE.sub("", " ".join(tok for _, tok in tokens))


def _cut_tail(
    para: list[tuple[int, str]], raw: str, removed: list[Removed]
) -> list[tuple[int, str]]:
    """Return the paragraph without debris glued to its end, recording what was cut."""
    start0 = para[0][0]
    end0 = para[-1][0] + len(para[-1][1])
    span = raw[start0:end0]
    if _INVISIBLE.search(span) is None:
        found = boilerplate.split_tail(span)
    else:  # matched as a reader sees it: a zero-width space hides no "Source link"
        seen = [i for i, ch in enumerate(span) if not _INVISIBLE.match(ch)]
        found = boilerplate.split_tail("".join(span[i] for i in seen))
        if found is not None:
            found = (seen[found[0]] if found[0] < len(seen) else len(span), found[1])
    if found is None:
        return para
    cut, reason = found
    cut_at = start0 + cut
    removed.append(Removed(cut_at, end0, raw[cut_at:end0], reason))
    kept: list[tuple[int, str]] = []
    for off, tok in para:
        if off + len(tok) <= cut_at:
            kept.append((off, tok))
        elif off < cut_at:
            kept.append((off, tok[: cut_at - off]))
    return kept


def _emit_paragraph(out: _Builder, para: list[tuple[int, str]], raw: str) -> None:
    if para and _copies_whole(para, raw):
        # the common case, a clean paragraph with single spaces: one copy of its raw span
        # is what the word-by-word copies below add up to (they merge into one run)
        out.copy(raw[para[0][0] : para[-1][0] + len(para[-1][1])], para[0][0])
        return
    prev_end: int | None = None
    for off, tok in para:
        if prev_end is not None:
            if raw[prev_end:off] == " ":
                out.copy(" ", prev_end)
            else:
                out.insert(" ")
        clean = unicodedata.normalize("NFC", _INVISIBLE.sub("", tok))
        if clean == tok:
            out.copy(tok, off)
        else:
            out.insert(clean)
        prev_end = off + len(tok)


def _copies_whole(para: list[tuple[int, str]], raw: str) -> bool:
    """Return True when ``para``'s words stand in ``raw`` one space apart, NFC and visible."""
    for (off, tok), (nxt, _) in pairwise(para):
        if nxt != off + len(tok) + 1 or raw[nxt - 1] != " ":
            return False
    span = raw[para[0][0] : para[-1][0] + len(para[-1][1])]
    return _INVISIBLE.search(span) is None and unicodedata.is_normalized("NFC", span)


def article_id(text: str) -> str:
    """Return the article id: the sha256 hex digest of the normalised text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
