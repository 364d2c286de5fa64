"""Normalise the text of one time expression against an anchor, a tense and the previous date.

``resolve("last year", date(2023, 1, 20), "past", None)`` returns
``Resolved("2022", "year")``. Text that is not a time expression we can normalise (a vague
"recently", an age such as "57-year-old", an NER false positive) returns None, and the
caller drops it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from ..model import Precision
from .calendar import (
    SEASONS,
    Tense,
    Unit,
    parse_value,
    pick_day,
    pick_month,
    pick_season,
    pick_weekday,
    shift,
)

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "a couple of": 2, "a dozen": 12,
}  # fmt: skip
#: Quantities that give no number: "several years ago" cannot be normalised, "for several
#: years" is a duration of unknown length (``PXY``).
VAGUE = ("a few", "few", "several", "some", "many", "a number of", "the past few", "recent")
PARTS_OF_DAY: dict[str, str] = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
DURATION_UNITS: dict[str, str] = {
    "second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "month": "M",
    "year": "Y", "decade": "DE", "century": "CE",
}  # fmt: skip

_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WD = r"(?P<wd>" + "|".join(WEEKDAYS) + r")"
_NUM = r"(?P<num>\d+|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")"
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_EDGE = (
    r"(?:(?:early|mid|late)[- ]?|the (?:start|beginning|middle|end|rest) of |"
    r"(?:the )?(?:first|second|last) half of )"
)
_UNIT = r"(?P<unit>day|week|weekend|month|year|decade|spring|summer|autumn|fall|winter)"

#: Words before an expression that do not change its value (stripped before matching).
_LEADING = re.compile(
    r"^(?:on|in|at|since|during|until|till|by|from|through|throughout|before|after|around|"
    r"about|circa|as of|as early as|over|within|for|of|nearly|almost|roughly|some|"
    r"approximately|more than|less than|at least|only|just|exactly)\s+"
)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A normalised value: ISO text and its precision; ``duration`` marks ``P...`` values."""

    value: str | None
    precision: Precision | None
    duration: bool = False


@dataclass(frozen=True, slots=True)
class Context:
    """What a relative expression is resolved against."""

    anchor: dt.date | None
    tense: Tense
    previous: Resolved | None


def normalise_text(text: str) -> str:
    """Return ``text`` lower-cased, straight-quoted, single-spaced, without leading prepositions."""
    out = text.lower().replace("’", "'").replace("–", "-").replace("—", "-")
    out = re.sub(r"\s+", " ", out).strip(" ,.;:'\"()")
    out = re.sub(r"'s$", "", out)
    previous = None
    while previous != out:
        previous = out
        out = _LEADING.sub("", out)
    return out


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def _previous(ctx: Context) -> tuple[dt.date, str] | None:
    if ctx.previous is None or ctx.previous.value is None or ctx.previous.duration:
        return None
    return parse_value(ctx.previous.value)


def _res(value: str | None, precision: str | None) -> Resolved:
    return Resolved(value, cast(Precision | None, precision))


# Each rule is (pattern, handler). Handlers receive the match and the context and return
# a Resolved, or None when the text matched but cannot be normalised (an invalid date).
Handler = Callable[[re.Match[str], Context], Resolved | None]


def _decade(m: re.Match[str], ctx: Context) -> Resolved:
    return _res(m["dec"], "decade")


def _year(m: re.Match[str], ctx: Context) -> Resolved:
    return _res(m["year"], "year")


def _year_range(m: re.Match[str], ctx: Context) -> Resolved:
    end = m["end"]
    if len(end) == 2:
        end = m["year"][:2] + end
    return _res(f"{m['year']}/{end}", "year")


def _season_year(m: re.Match[str], ctx: Context) -> Resolved:
    return _res(f"{m['year']}-{SEASONS[m['season']]}", "season")


def _full_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    try:
        day = dt.date(int(m["year"]), MONTHS[m["mon"]], int(m["day"]))
    except ValueError:
        return None
    return _res(day.isoformat(), "day")


def _iso_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    try:
        return _res(dt.date.fromisoformat(m[0]).isoformat(), "day")
    except ValueError:
        return None


def _month_year(m: re.Match[str], ctx: Context) -> Resolved:
    return _res(f"{m['year']}-{MONTHS[m['mon']]:02d}", "month")


def _month_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    if ctx.anchor is None:
        return _res(None, "day")
    value = pick_day(ctx.anchor, MONTHS[m["mon"]], int(m["day"]), ctx.tense)
    return _res(value, "day") if value else None


def _month(m: re.Match[str], ctx: Context) -> Resolved:
    if ctx.anchor is None:
        return _res(None, "month")
    month, mod = MONTHS[m["mon"]], m["mod"]
    if mod == "last":
        value = pick_month(ctx.anchor, month, "past")
        if month == ctx.anchor.month:
            value = f"{ctx.anchor.year - 1:04d}-{month:02d}"
    elif mod == "next":
        value = pick_month(ctx.anchor, month, "future")
        if month == ctx.anchor.month:
            value = f"{ctx.anchor.year + 1:04d}-{month:02d}"
    elif mod == "this":
        value = f"{ctx.anchor.year:04d}-{month:02d}"
    else:
        value = pick_month(ctx.anchor, month, ctx.tense)
    return _res(value, "month")


def _weekday(m: re.Match[str], ctx: Context) -> Resolved:
    if ctx.anchor is None:
        return _res(None, "day")
    return _res(pick_weekday(ctx.anchor, WEEKDAYS[m["wd"]], ctx.tense, m["mod"]), "day")


def _deictic_day(m: re.Match[str], ctx: Context) -> Resolved:
    word = m[0]
    offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
    offset = -2 if "before yesterday" in word else 2 if "after tomorrow" in word else offset
    part = next((code for name, code in PARTS_OF_DAY.items() if word.endswith(name)), None)
    if word == "tonight":
        part = "NI"
    if ctx.anchor is None:
        return _res(None, "time" if part and offset == 0 else "day")
    value = (ctx.anchor + dt.timedelta(days=offset)).isoformat()
    if part and offset == 0:
        return _res(f"{value}T{part}", "time")
    return _res(value, "day")


_UNIT_OFFSETS: dict[str, tuple[int, bool]] = {
    # modifier: (offset, anaphoric: resolved on the previous expression, not the anchor)
    "last": (-1, False), "this": (0, False), "next": (1, False), "the coming": (1, False),
    "the current": (0, False), "earlier this": (0, False), "later this": (0, False),
    "the same": (0, True), "that": (0, True), "the following": (1, True),
    "the next": (1, True), "the previous": (-1, True), "the preceding": (-1, True),
    "earlier that": (0, True), "later that": (0, True), "the end of the": (0, False),
    "the end of this": (0, False), "the start of the": (0, False),
    "the beginning of the": (0, False), "the end of last": (-1, False),
    "the end of next": (1, False), "the start of this": (0, False),
    "the beginning of this": (0, False), "the beginning of next": (1, False),
    "the start of next": (1, False), "the middle of the": (0, False),
    "the rest of the": (0, False), "the rest of this": (0, False),
    "earlier in the": (0, False), "later in the": (0, False),
}  # fmt: skip


def _unit_relative(m: re.Match[str], ctx: Context) -> Resolved | None:
    offset, anaphoric = _UNIT_OFFSETS[m["rel"]]
    unit = m["unit"]
    if unit in SEASONS:
        if ctx.anchor is None or anaphoric:
            return _res(None, "season")
        return _res(pick_season(ctx.anchor, SEASONS[unit], offset, ctx.tense), "season")
    if anaphoric:
        prev = _previous(ctx)
        precision = {"weekend": "week"}.get(unit, unit)
        order = ("day", "week", "month", "year", "decade")
        if prev is None or order.index(prev[1]) > order.index(precision):
            return _res(None, precision)
        value, precision = shift(prev[0], cast(Unit, unit), offset)
        return _res(value, precision)
    if ctx.anchor is None:
        return _res(None, {"weekend": "week"}.get(unit, unit))
    value, precision = shift(ctx.anchor, cast(Unit, unit), offset)
    return _res(value, precision)


def _ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    n = _number(m["num"])
    if n is None:
        return None
    unit = cast(Unit, m["unit"])
    sign = 1 if m["dir"] in ("later", "after", "from now", "hence") else -1
    base: dt.date | None = ctx.anchor
    if m["dir"] in ("earlier", "later", "before", "after"):
        # "two years later" counts from the previous date expression (TimeML), if any.
        prev = _previous(ctx)
        base = prev[0] if prev else ctx.anchor
    if base is None:
        return _res(None, unit)
    value, precision = shift(base, unit, sign * n)
    parsed = parse_value(value) if value is not None else None
    if ctx.tense == "past" and ctx.anchor is not None and parsed and parsed[0] > ctx.anchor:
        # "Peskov said two days later" after a mention of "next week": a past event is
        # not after the day of writing, so the previous date was not its base
        return _res(None, unit)
    return _res(value, precision)


def _duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    word = m["unit"]
    plural = word.endswith("s") or word == "centuries"
    code = DURATION_UNITS["century" if word.startswith("centur") else word.rstrip("s")]
    quantity = m["num"]
    if quantity is None:
        # A bare plural ("months") is a vague duration; a bare singular is not an expression.
        if not plural and not m["span"]:
            return None
        amount = "1" if m["span"] and not plural else "X"
    elif quantity in VAGUE:
        amount = "X"
    else:
        n = _number(quantity)
        if n is None:
            return None
        amount = str(n)
    if code == "DE":
        value = f"P{int(amount) * 10}Y" if amount.isdigit() else "PXDE"
    elif code == "CE":
        value = f"P{int(amount) * 100}Y" if amount.isdigit() else "PXCE"
    elif code.startswith("T"):
        value = f"PT{amount}{code[1]}"
    else:
        value = f"P{amount}{code}"
    return Resolved(value, None, duration=True)


_VAGUE_NUM = "|".join(VAGUE)
RULES: tuple[tuple[re.Pattern[str], Handler], ...] = tuple(
    (re.compile(pattern), handler)
    for pattern, handler in (
        (r"(?:the )?(?:early |mid-?|late )?(?P<dec>(?:1[6-9]|20)\d)0s", _decade),
        (r"(?:the )?" + _YEAR + r" ?(?:-|/|to) ?(?P<end>(?:1[6-9]|20)?\d\d)", _year_range),
        (
            r"(?:the )?(?:(?:early|late|mid-?) )?(?P<season>spring|summer|autumn|fall|winter)"
            r",? (?:of )?" + _YEAR,
            _season_year,
        ),
        (r"\d{4}-\d{2}-\d{2}", _iso_date),
        (r"(?:" + _WD + r",? )?" + _MON + r" " + _DAY + r",? (?:of )?" + _YEAR, _full_date),
        (
            r"(?:" + _WD + r",? )?(?:the )?" + _DAY + r" (?:of )?" + _MON + r",? " + _YEAR,
            _full_date,
        ),
        (_EDGE + r"?" + _MON + r",? (?:of )?" + _YEAR, _month_year),
        (_EDGE + r"?(?:the year )?" + _YEAR, _year),
        (r"(?:" + _WD + r",? )?" + _MON + r" " + _DAY, _month_day),
        (r"(?:" + _WD + r",? )?(?:the )?" + _DAY + r" (?:of )?" + _MON, _month_day),
        (r"(?:(?P<mod>last|next|this)\s)?" + _EDGE + r"?" + _MON, _month),
        (
            r"(?:(?P<mod>last|next|this) )?" + _WD
            + r"(?: (?:morning|afternoon|evening|night))?",
            _weekday,
        ),
        (
            r"yesterday|today|tomorrow|tonight|last night|this (?:morning|afternoon|evening)|"
            r"the day (?:before yesterday|after tomorrow)",
            _deictic_day,
        ),
        (r"(?P<rel>" + "|".join(sorted(_UNIT_OFFSETS, key=len, reverse=True)) + r") " + _UNIT,
         _unit_relative),
        (
            _NUM + r" (?P<unit>day|week|month|year|decade)s? "
            r"(?P<dir>ago|earlier|later|before|after|from now|hence)",
            _ago,
        ),
        (
            r"(?:(?P<span>the (?:past|last|next|coming|first|previous|following)) )?"
            r"(?P<num>\d+|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + "|"
            + _VAGUE_NUM + r")? ?(?P<unit>(?:second|minute|hour|day|week|month|year|decade)s?|"
            r"century|centuries)(?: and a half)?",
            _duration,
        ),
    )
)


def resolve(
    text: str, anchor: dt.date | None, tense: Tense = "past", previous: Resolved | None = None
) -> Resolved | None:
    """Return the normalised value of the time expression ``text``, or None if it is not one.

    Args:
        text: the expression as written ("last year", "on Tuesday", "mid-2022").
        anchor: the publication date; relative expressions get ``value=None`` without it.
        tense: the tense of the expression's clause; it decides "on Tuesday" and "in March".
        previous: the previous expression's value, for "the same year", "two years later".

    Example:
        >>> resolve("the same year", None, "past", Resolved("2014", "year")).value
        '2014'
    """
    norm = normalise_text(text)
    if not norm:
        return None
    ctx = Context(anchor, tense, previous)
    for pattern, handler in RULES:
        match = pattern.fullmatch(norm)
        if match:
            return handler(match, ctx)
    return None
