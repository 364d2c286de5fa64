"""Readers for the PETRARCH discard list and issue dictionary.

Discards (``*.discards.txt``): one phrase a line. A sentence containing it (blanks or
``_`` between words, any case) is not coded; a leading ``+`` discards the whole story.
A final ``_`` means the phrase must end at a word boundary, else it also matches as a stem.

Issues (``*.IssueCoding.txt``): ``<ISSUE CATEGORY="..." TYPE="...">`` ... ``</ISSUE>``
sections of ``phrase [CODE]`` lines. In a phrase, ``n:word`` stands for the noun and its
plural, ``v:word`` for the verb's regular forms (+S, +ED, +ING) and ``a+b`` for "a b" and
"a-b". A line ``~phrase`` (or ``~~phrase``) is an ignore phrase: when found it cancels
the sentence's issues.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError
from .lines import content_lines, error, read_text
from .verbdict import plural

_ISSUE_OPEN = re.compile(r"^<ISSUE\b(?P<attrs>[^>]*)>$", re.IGNORECASE)
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')


@dataclass(frozen=True, slots=True)
class Discard:
    """A discard phrase: upper case, words joined by one blank."""

    phrase: str
    story: bool  # discards the whole story, not only the sentence
    exact: bool  # must end at a word boundary (final "_")
    line: int


@dataclass(frozen=True, slots=True)
class IssuePhrase:
    """An issue phrase with every variant its ``n:``/``v:``/``+`` markers stand for."""

    category: str
    code: str | None  # None: an ignore phrase
    variants: tuple[str, ...]
    line: int


@dataclass(slots=True)
class IssueDictionary:
    """The issue phrases, grouped by nothing: ``category`` is on each phrase."""

    path: str
    phrases: list[IssuePhrase] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def read_discards(path: str | Path) -> list[Discard]:
    """Return the discard phrases of ``path``.

    Raises:
        MissingInputError: the file does not exist.
        DataError: a ``+`` with no phrase after it.
    """
    out: list[Discard] = []
    for line in content_lines(read_text(path)):
        text = line.text.strip()
        if not text:
            continue
        story = text.startswith("+")
        body = text[1:].strip() if story else text
        if not body:
            raise error(path, line, "discard line with no phrase")
        words = body.replace("_", " ").upper().split()
        out.append(Discard(" ".join(words), story, body.endswith("_"), line.number))
    return out


def expand_issue_phrase(text: str) -> tuple[str, ...]:
    """Return the variants of an issue phrase (upper case, blank-separated words)."""
    options: list[list[str]] = []
    for word in text.upper().split():
        # "pre+n:school": the "+" joins parts, each of which may carry n:/v:.
        parts = [_word_forms(part) for part in word.split("+")]
        joined: list[str] = []
        for combo in itertools.product(*parts):
            joined.append(" ".join(combo))
            if len(combo) > 1:
                joined.append("-".join(combo))
        options.append(joined)
    return tuple(" ".join(combo) for combo in itertools.product(*options))


def _word_forms(word: str) -> list[str]:
    """Return the forms an ``n:``/``v:`` marked word stands for (the word itself otherwise)."""
    if word.startswith("N:"):
        return [word[2:], plural(word[2:])]
    if word.startswith("V:"):
        stem = word[2:]
        base = stem[:-1] if stem.endswith("E") else stem
        return [stem, stem + "S", base + "ED", base + "ING"]
    return [word]


def read_issues(path: str | Path, *, strict: bool = True) -> IssueDictionary:
    """Return the issue phrases of ``path``.

    Raises:
        MissingInputError: the file does not exist.
        DataError: a phrase outside an ``<ISSUE>`` section, without a ``[CODE]``, or an
            unclosed section, when ``strict`` (else skipped and noted in ``skipped``).
    """
    src = str(path)
    out = IssueDictionary(src)
    category: str | None = None
    opened_at = 0
    for line in content_lines(read_text(path)):
        text = line.text.strip()
        if not text:
            continue
        try:
            m = _ISSUE_OPEN.match(text)
            if m:
                attrs = {k.upper(): v for k, v in _ATTR.findall(m.group("attrs"))}
                category, opened_at = attrs.get("CATEGORY", ""), line.number
                continue
            if text.upper().startswith("</ISSUE"):
                category = None
                continue
            if category is None:
                raise error(src, line, f"issue phrase outside an <ISSUE> section: {text!r}")
            if text.startswith("~"):
                variants = expand_issue_phrase(text.lstrip("~"))
                out.phrases.append(IssuePhrase(category, None, variants, line.number))
                continue
            m = re.match(r"^(?P<phrase>[^\[]+)\[(?P<code>[^\]]+)\]$", text)
            if not m:
                raise error(src, line, f"issue phrase needs one [CODE] at the end: {text!r}")
            variants = expand_issue_phrase(m.group("phrase"))
            out.phrases.append(
                IssuePhrase(category, m.group("code").strip(), variants, line.number)
            )
        except DataError:
            if strict:
                raise
            out.skipped.append(f"{src}:{line.number}: {line.raw.strip()}")
    if category is not None and strict:
        raise error(src, opened_at, "<ISSUE> section never closed")
    return out
