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

from ..doccache import ents
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

# Searched once per text, unanchored (so each is a necessary condition of the patterns that
# name it): a capitalised month name, a year, any digit (``\d`` takes non-ASCII ones too).
_MONTHS = re.compile(_MONTH)
_YEARS = re.compile(_YEAR)
_DIGITS = re.compile(r"\d")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SEASONS = ("spring", "summer", "autumn", "fall", "winter")

#: Patterns for expressions spaCy's NER often misses or cuts, matched on the raw text; the
#: group ``x`` is the expression. Month and weekday names must be capitalised, and a bare
#: month or year must follow a word that makes it a date ("May I", "2014 troops" are not).
#: Each comes with what it cannot match without (a pattern the text must hold, or words one of
#: which its lowercased form must hold): it is only run on a text that has them all, since a
#: scan of a long text costs far more than a few substring tests and most texts lack some.
_Need = re.Pattern[str] | tuple[str, ...]
_GUARDED: tuple[tuple[str, tuple[_Need, ...]], ...] = (
    (rf"\b(?P<x>(?:{_WEEKDAY},? )?{_MONTH} {_DAYNUM}\b(?:,? {_YEAR}\b)?)", (_MONTHS, _DIGITS)),
    (
        rf"\b(?P<x>(?:{_WEEKDAY},? )?(?:the )?{_DAYNUM} (?:of )?{_MONTH}(?:,? {_YEAR}\b)?)",
        (_MONTHS, _DIGITS),
    ),
    (
        rf"\b(?P<x>(?:(?i:early|mid|late)[- ]?|(?i:the) (?:start|beginning|middle|end) of )?"
        rf"{_MONTH},? (?:of )?{_YEAR})\b",
        (_MONTHS, _YEARS),
    ),
    (rf"\b(?P<x>(?i:early|mid|late)[- ]?(?:{_MONTH}|{_YEAR}\b))", (("early", "mid", "late"),)),
    (
        rf"\b(?P<x>(?i:the) (?:start|beginning|middle|end|rest) of (?:{_MONTH}|{_YEAR}\b|"
        rf"(?:the|this|last|next) (?:year|month|week)))",
        ((" of ",),),
    ),
    (
        rf"\b(?P<x>(?:(?:[Ll]ast|[Nn]ext|[Tt]his) )?{_WEEKDAY}"
        rf"(?: (?:morning|afternoon|evening|night))?)\b",
        (_WEEKDAYS,),
    ),
    (
        rf"\b(?:{_PREP} |(?=(?:[Ll]ast|[Nn]ext|[Tt]his) ))(?P<x>(?:(?:[Ll]ast|[Nn]ext|[Tt]his) )?"
        rf"{_MONTH})(?![\w-])",
        (_MONTHS,),
    ),
    (
        r"(?i)\b(?P<x>the day (?:before yesterday|after tomorrow)|yesterday|today|tomorrow|"
        r"tonight|last night|this (?:morning|afternoon|evening))\b",
        (
            (
                "yesterday",
                "today",
                "tomorrow",
                "tonight",
                "last night",
                "this morning",
                "this afternoon",
                "this evening",
            ),
        ),
    ),
    (
        rf"(?i)\b(?P<x>(?:(?:the )?(?:same|following|previous|preceding|next)|that|last|next|"
        rf"this|(?:earlier|later) (?:this|that|in the))\s+{_UNIT})\b",
        (("day", "week", "month", "year", "decade", *_SEASONS),),
    ),
    (
        rf"(?i)\b(?P<x>{_NUMWORD} (?:day|week|month|year|decade)s? "
        rf"(?:ago|earlier|later|from now))\b",
        (("ago", "earlier", "later", "from now"),),
    ),
    (r"(?i)\b(?P<x>(?:the )?(?:early |late |mid-?)?(?:1[6-9]|20)\d0s)\b", (("0s",),)),
    (
        rf"(?i)\b(?P<x>(?:(?:early|late) )?(?:the )?(?:spring|summer|autumn|fall|winter),? "
        rf"(?:of )?{_YEAR})\b",
        (_SEASONS, _YEARS),
    ),
    (r"\b(?P<x>\d{4}-\d{2}-\d{2})\b", (("-",), _DIGITS)),
    (rf"\b{_PREP} (?P<x>{_YEAR})\b(?![-/]?\d|%| percent)", (_YEARS,)),
)
PATTERNS: tuple[re.Pattern[str], ...] = tuple(re.compile(p) for p, _ in _GUARDED)
_NEEDS: tuple[tuple[_Need, ...], ...] = tuple(needs for _, needs in _GUARDED)

#: The non-ASCII letters that an IGNORECASE pattern matches to an ASCII one (re's docs), put
#: back to that letter before lowercasing so that no guard turns away a text its pattern fits.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _may_match(needs: tuple[_Need, ...], text: str, lowered: str, seen: dict[_Need, bool]) -> bool:
    """Return False when ``text`` lacks one of ``needs``: a pattern, or one word of a group.

    ``lowered`` is ``text`` folded and lowercased; ``seen`` keeps each pattern's answer.
    """
    for need in needs:
        if isinstance(need, re.Pattern):
            found = seen.get(need)
            if found is None:
                found = seen[need] = need.search(text) is not None
            if not found:
                return False
        elif not any(word in lowered for word in need):
            return False
    return True


@dataclass(frozen=True, slots=True)
class Found:
    """A normalised time expression at ``[start, end)`` of the text."""

    start: int
    end: int
    text: str
    resolved: Resolved


def candidate_spans(text: str, doc: Doc) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of every candidate: NER DATE/TIME entities, our pattern matches."""
    spans = {(ent.start_char, ent.end_char) for ent in ents(doc) if ent.label_ in ("DATE", "TIME")}
    lowered = text.translate(_FOLD).lower()
    seen: dict[_Need, bool] = {}
    for pattern, needs in zip(PATTERNS, _NEEDS, strict=True):
        if _may_match(needs, text, lowered, seen):
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
