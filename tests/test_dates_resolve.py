"""The resolver and calendar rules on their own: text in, ISO value out."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.dates.calendar import parse_value, pick_day, pick_month, pick_season, pick_weekday
from newsevents.dates.resolve import Resolved, resolve

ANCHOR = dt.date(2023, 1, 20)  # a Friday


@pytest.mark.parametrize(
    ("text", "tense", "value", "precision"),
    [
        ("last year", "past", "2022", "year"),
        ("on Tuesday", "past", "2023-01-17", "day"),
        ("Tuesday", "future", "2023-01-24", "day"),
        ("Friday", "past", "2023-01-20", "day"),
        ("Friday", "future", "2023-01-27", "day"),
        ("this Monday", "past", "2023-01-16", "day"),
        ("Tuesday night", "past", "2023-01-17", "day"),
        ("in March", "past", "2022-03", "month"),
        ("in January", "past", "2023-01", "month"),
        ("March", "present", "2023-03", "month"),
        ("last January", "past", "2022-01", "month"),
        ("two weeks ago", "past", "2023-W01", "week"),
        ("three days ago", "past", "2023-01-17", "day"),
        ("six months ago", "past", "2022-07", "month"),
        ("since 2014", "past", "2014", "year"),
        ("2014-2016", "past", "2014/2016", "year"),
        ("the early 1990s", "past", "199", "decade"),
        ("the end of 2022", "past", "2022", "year"),
        ("the end of last year", "past", "2022", "year"),
        ("late March", "past", "2022-03", "month"),
        ("Jan. 5", "past", "2023-01-05", "day"),
        ("the 5th of May", "past", "2022-05-05", "day"),
        ("Tuesday, January 17", "past", "2023-01-17", "day"),
        ("2022-11-30", "past", "2022-11-30", "day"),
        ("this weekend", "future", "2023-W03-WE", "week"),
        ("next summer", "future", "2023-SU", "season"),
        ("last winter", "past", "2021-WI", "season"),
        ("tonight", "future", "2023-01-20TNI", "time"),
        ("the day before yesterday", "past", "2023-01-18", "day"),
        ("last decade", "past", "201", "decade"),
    ],
)
def test_dates_resolve_against_anchor(text, tense, value, precision) -> None:  # type: ignore[no-untyped-def]
    assert resolve(text, ANCHOR, tense) == Resolved(value, precision)


@pytest.mark.parametrize(
    ("text", "previous", "value", "precision"),
    [
        ("the same year", Resolved("2014", "year"), "2014", "year"),
        ("the same year", Resolved("2014-03-05", "day"), "2014", "year"),
        ("that month", Resolved("2014-03-05", "day"), "2014-03", "month"),
        ("the following day", Resolved("2014-03-05", "day"), "2014-03-06", "day"),
        ("the previous year", Resolved("2014", "year"), "2013", "year"),
        ("a year later", Resolved("2014", "year"), "2015", "year"),
        # Finer than the previous expression: no value rather than a guess.
        ("the same day", Resolved("2014", "year"), None, "day"),
        ("the same year", None, None, "year"),
        # A duration never anchors "the same year".
        ("the same year", Resolved("P3Y", None, duration=True), None, "year"),
    ],
)
def test_dates_resolve_against_previous(text, previous, value, precision) -> None:  # type: ignore[no-untyped-def]
    assert resolve(text, ANCHOR, "past", previous) == Resolved(value, precision)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("months", "PXM"),
        ("three weeks", "P3W"),
        ("48 hours", "PT48H"),
        ("the past year", "P1Y"),
        ("several years", "PXY"),
        ("two decades", "P20Y"),
        ("for nearly a decade", "P10Y"),
    ],
)
def test_dates_resolve_durations(text, value) -> None:  # type: ignore[no-untyped-def]
    assert resolve(text, ANCHOR) == Resolved(value, None, duration=True)


@pytest.mark.parametrize(
    "text",
    ["recently", "57-year-old", "five-year", "the weekend", "now", "annual", "year", "Kiev", ""],
)
def test_dates_resolve_rejects_what_is_not_an_expression(text) -> None:  # type: ignore[no-untyped-def]
    assert resolve(text, ANCHOR) is None


@pytest.mark.parametrize("text", ["last year", "on Tuesday", "two weeks ago", "in March"])
def test_dates_relative_expressions_have_no_value_without_anchor(text) -> None:  # type: ignore[no-untyped-def]
    resolved = resolve(text, None)
    assert resolved is not None and resolved.value is None and resolved.precision is not None


_dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))


@given(anchor=_dates, weekday=st.integers(0, 6))
def test_dates_weekday_past_is_latest_on_or_before_and_future_after(anchor, weekday) -> None:  # type: ignore[no-untyped-def]
    past = dt.date.fromisoformat(pick_weekday(anchor, weekday, "past", None))
    future = dt.date.fromisoformat(pick_weekday(anchor, weekday, "future", None))
    assert past.weekday() == weekday == future.weekday()
    assert 0 <= (anchor - past).days < 7
    assert 0 < (future - anchor).days <= 7


@given(anchor=_dates, month=st.integers(1, 12), day=st.integers(1, 28))
def test_dates_month_and_day_respect_tense(anchor, month, day) -> None:  # type: ignore[no-untyped-def]
    assert pick_month(anchor, month, "past") <= anchor.isoformat()[:7]
    assert pick_month(anchor, month, "future") >= anchor.isoformat()[:7]
    past = pick_day(anchor, month, day, "past")
    future = pick_day(anchor, month, day, "future")
    assert past is not None and past <= anchor.isoformat()
    assert future is not None and future >= anchor.isoformat()


@given(anchor=_dates, code=st.sampled_from(["SP", "SU", "FA", "WI"]))
def test_dates_last_season_is_before_next_season(anchor, code) -> None:  # type: ignore[no-untyped-def]
    last = pick_season(anchor, code, -1, "past")
    nxt = pick_season(anchor, code, 1, "future")
    assert int(last[:4]) < int(nxt[:4])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2014", (dt.date(2014, 1, 1), "year")),
        ("2014-03", (dt.date(2014, 3, 1), "month")),
        ("2014-03-05", (dt.date(2014, 3, 5), "day")),
        ("2023-W02", (dt.date(2023, 1, 9), "week")),
        ("199", (dt.date(1990, 1, 1), "decade")),
        ("P3Y", None),
    ],
)
def test_dates_parse_value(value, expected) -> None:  # type: ignore[no-untyped-def]
    assert parse_value(value) == expected
