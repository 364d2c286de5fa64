"""Calendar arithmetic for time expressions: pick a month, day or weekday by tense, shift units.

Every function here is pure: it takes the anchor (the publication date) and returns ISO text.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

Tense = Literal["past", "present", "future"]
Unit = Literal["day", "week", "weekend", "month", "year", "decade", "season"]

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}  # fmt: skip
#: The first month of each season (northern hemisphere); winter runs December to February
#: and carries the year of its December (TIMEX3 convention).
SEASON_START: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def iso_week(day: dt.date) -> str:
    """Return the ISO week of ``day`` as ``YYYY-Www``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """Return ``(year, month)`` shifted by ``n`` months."""
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def pick_month(anchor: dt.date, month: int, tense: Tense) -> str:
    """Return ``YYYY-MM`` for a month named without a year ("in March").

    Past: the most recent such month not after the anchor's; future: the next one not
    before it; present: whichever of the two is nearer (the anchor's own month wins).
    """
    past = anchor.year if month <= anchor.month else anchor.year - 1
    future = anchor.year if month >= anchor.month else anchor.year + 1
    if tense == "past":
        year = past
    elif tense == "future":
        year = future
    else:
        back = (anchor.year - past) * 12 + anchor.month - month
        ahead = (future - anchor.year) * 12 + month - anchor.month
        year = past if back <= ahead else future
    return f"{year:04d}-{month:02d}"


def pick_day(anchor: dt.date, month: int, day: int, tense: Tense) -> str | None:
    """Return ``YYYY-MM-DD`` for a day named without a year ("on March 3"), or None if invalid.

    The same rule as :func:`pick_month`, at day precision.
    """
    candidates: list[dt.date] = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    past = [c for c in candidates if c <= anchor]
    future = [c for c in candidates if c >= anchor]
    chosen: dt.date | None
    if tense == "past":
        chosen = max(past, default=None)
    elif tense == "future":
        chosen = min(future, default=None)
    else:
        chosen = min(candidates, key=lambda c: (abs((c - anchor).days), c > anchor), default=None)
    return chosen.isoformat() if chosen else None


def pick_weekday(anchor: dt.date, weekday: int, tense: Tense, modifier: str | None) -> str:
    """Return ``YYYY-MM-DD`` for a weekday ("on Tuesday", "last Friday"); Monday is 0.

    Past (and "last"): the most recent one on or before the anchor ("last": strictly
    before); future (and "next"): the next one strictly after; "this": the one in the
    anchor's ISO week; present: the nearer of the past and future ones.
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7 or 7
    if modifier == "last":
        offset = -(back or 7)
    elif modifier == "next":
        offset = ahead
    elif modifier == "this":
        offset = weekday - anchor.weekday()
    elif tense == "past":
        offset = -back
    elif tense == "future":
        offset = ahead
    else:
        offset = -back if back <= ahead else ahead
    return (anchor + dt.timedelta(days=offset)).isoformat()


def season_of(day: dt.date) -> tuple[int, str]:
    """Return ``(year, code)`` of the season holding ``day`` (winter takes December's year)."""
    if day.month == 12:
        return day.year, "WI"
    if day.month <= 2:
        return day.year - 1, "WI"
    code = {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(day.month, "FA")
    return day.year, code


def pick_season(anchor: dt.date, code: str, offset: int | None, tense: Tense) -> str:
    """Return ``YYYY-SS`` for a season ("last summer", "this winter", "in the spring").

    ``offset`` -1 means "last" (the most recent one that has ended), +1 "next" (the next one
    not yet begun), 0 "this" (the one of the anchor's year); None: decided by tense.
    """
    now_year, now_code = season_of(anchor)
    start = dt.date(anchor.year, SEASON_START[code], 1)
    if code == "WI" and anchor.month <= 2:
        start = dt.date(anchor.year - 1, 12, 1)
    year = start.year
    if offset == 0:
        return f"{year}-{code}"
    if offset is None:
        offset = 1 if tense == "future" else -1
        if (year, code) == (now_year, now_code):
            return f"{year}-{code}"  # the season we are in
    if offset < 0:
        ended = start <= anchor and (year, code) != (now_year, now_code)
        return f"{year if ended else year - 1}-{code}"
    return f"{year if start > anchor else year + 1}-{code}"


def shift(anchor: dt.date, unit: Unit, n: int) -> tuple[str, str]:
    """Return ``(value, precision)`` of ``anchor`` moved by ``n`` units, at that precision."""
    if unit == "day":
        return (anchor + dt.timedelta(days=n)).isoformat(), "day"
    if unit in ("week", "weekend"):
        week = iso_week(anchor + dt.timedelta(weeks=n))
        return (week + "-WE" if unit == "weekend" else week), "week"
    if unit == "month":
        year, month = add_months(anchor.year, anchor.month, n)
        return f"{year:04d}-{month:02d}", "month"
    if unit == "decade":
        return f"{anchor.year // 10 + n:03d}", "decade"
    return f"{anchor.year + n:04d}", "year"


def parse_value(value: str) -> tuple[dt.date, str] | None:
    """Return ``(date, precision)`` for an ISO value we wrote (``2014``, ``2014-03``, ...), or None.

    Used to anchor "the same year" on the previous expression; the date is the period's start.
    """
    try:
        if len(value) == 3 and value.isdigit():
            return dt.date(int(value) * 10, 1, 1), "decade"
        if len(value) == 4 and value.isdigit():
            return dt.date(int(value), 1, 1), "year"
        if len(value) == 7 and value[4] == "-" and value[5:].isdigit():
            return dt.date(int(value[:4]), int(value[5:]), 1), "month"
        if len(value) >= 8 and value[5] == "W":
            return dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1), "week"
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            return dt.date.fromisoformat(value[:10]), "day"
    except ValueError:
        return None
    return None
