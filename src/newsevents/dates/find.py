"""Find the time expressions of a parsed article and normalise each one.

Candidates come from spaCy's DATE and TIME entities and from our own patterns for what the
model misses ("the same year", "since 2014", "mid-2022"); the longest candidate that
``resolve`` accepts wins where they overlap. Each is then normalised in text order, so that
"the same year" can lean on the expression before it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .calendar import Tense
from .resolve import Resolved, normalise_text, resolve
from .syntax import clause_tense, token_at

if TYPE_CHECKING:
    from spacy.tokens import Doc

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYNUM = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]|20)\d\d"
_NUMWORD = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|a couple of|a dozen)"
)
_UNIT = r"(?:day|week|weekend|month|year|decade|spring|summer|autumn|fall|winter)"

_PREP = r"(?i:in|since|by|until|till|from|through|during|before|after|between|and|to|around|circa)"

#: Patterns for expressions spaCy's NER often misses or cuts, matched on the raw text; the
#: group ``x`` is the expression. Month and weekday names must be capitalised, and a bare
#: month or year must follow a word that makes it a date ("May I", "2014 troops" are not).
PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        rf"\b(?P<x>(?:{_WEEKDAY},? )?{_MONTH} {_DAYNUM}\b(?:,? {_YEAR}\b)?)",
        rf"\b(?P<x>(?:{_WEEKDAY},? )?(?:the )?{_DAYNUM} (?:of )?{_MONTH}(?:,? {_YEAR}\b)?)",
        rf"\b(?P<x>(?:(?i:early|mid|late)[- ]?|(?i:the) (?:start|beginning|middle|end) of )?"
        rf"{_MONTH},? (?:of )?{_YEAR})\b",
        rf"\b(?P<x>(?i:early|mid|late)[- ]?(?:{_MONTH}|{_YEAR}\b))",
        rf"\b(?P<x>(?i:the) (?:start|beginning|middle|end|rest) of (?:{_MONTH}|{_YEAR}\b|"
        rf"(?:the|this|last|next) (?:year|month|week)))",
        rf"\b(?P<x>(?:(?:[Ll]ast|[Nn]ext|[Tt]his) )?{_WEEKDAY}"
        rf"(?: (?:morning|afternoon|evening|night))?)\b",
        rf"\b(?:{_PREP} |(?=(?:[Ll]ast|[Nn]ext|[Tt]his) ))(?P<x>(?:(?:[Ll]ast|[Nn]ext|[Tt]his) )?"
        rf"{_MONTH})(?![\w-])",
        r"(?i)\b(?P<x>the day (?:before yesterday|after tomorrow)|yesterday|today|tomorrow|"
        r"tonight|last night|this (?:morning|afternoon|evening))\b",
        rf"(?i)\b(?P<x>(?:(?:the )?(?:same|following|previous|preceding|next)|that|last|next|"
        rf"this|(?:earlier|later) (?:this|that|in the))\s+{_UNIT})\b",
        rf"(?i)\b(?P<x>{_NUMWORD} (?:day|week|month|year|decade)s? "
        rf"(?:ago|earlier|later|from now))\b",
        r"(?i)\b(?P<x>(?:the )?(?:early |late |mid-?)?(?:1[6-9]|20)\d0s)\b",
        rf"(?i)\b(?P<x>(?:(?:early|late) )?(?:the )?(?:spring|summer|autumn|fall|winter),? "
        rf"(?:of )?{_YEAR})\b",
        r"\b(?P<x>\d{4}-\d{2}-\d{2})\b",
        rf"\b{_PREP} (?P<x>{_YEAR})\b(?![-/]?\d|%| percent)",
    )
)


@dataclass(frozen=True, slots=True)
class Found:
    """A normalised time expression at ``[start, end)`` of the text."""

    start: int
    end: int
    text: str
    resolved: Resolved


def candidate_spans(text: str, doc: Doc) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of every candidate: NER DATE/TIME entities, our pattern matches."""
    spans = {(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in ("DATE", "TIME")}
    for pattern in PATTERNS:
        spans.update(m.span("x") for m in pattern.finditer(text))
    return sorted(spans)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the span without surrounding white space, quotes or a possessive "'s"."""
    while start < end and text[start] in " \n\t\"'“”‘’(":
        start += 1
    while end > start and text[end - 1] in " \n\t\"'“”‘’),.;:":
        end -= 1
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    return start, end


def select(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the non-overlapping spans that read as time expressions (longest wins), in order."""
    probe = dt.date(2000, 6, 15)
    accepted: list[tuple[int, int]] = []
    taken: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        start, end = _trim(text, start, end)
        if start >= end or any(start < e and s < end for s, e in taken):
            continue
        # Resolving against a dummy anchor only tells whether the text is an expression at all.
        if resolve(text[start:end], probe, "past", Resolved("2000", "year")) is None:
            continue
        accepted.append((start, end))
        taken.append((start, end))
    return sorted(accepted)


def find_dates(text: str, doc: Doc, anchor: dt.date | None) -> list[Found]:
    """Return every time expression of the parsed ``text``, normalised against ``anchor``.

    Args:
        text: the article text the Doc was parsed from.
        doc: its spaCy Doc (entities and dependency parse).
        anchor: the publication date, or None (relative expressions then get no value).
    """
    out: list[Found] = []
    previous: Resolved | None = None
    for start, end in select(text, candidate_spans(text, doc)):
        token = token_at(doc, start, end)
        tense: Tense = clause_tense(token) if token is not None else "past"
        resolved = resolve(text[start:end], anchor, tense, previous)
        if resolved is None:
            continue
        out.append(Found(start, end, text[start:end], resolved))
        if resolved.value is not None and not resolved.duration:
            previous = resolved
    return out


def is_expression(text: str) -> bool:
    """Return True if ``text`` alone reads as a time expression we normalise."""
    return bool(normalise_text(text)) and resolve(text, dt.date(2000, 6, 15)) is not None
