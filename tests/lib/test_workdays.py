"""The working-day calendar rules, without a database."""

from __future__ import annotations

import datetime

import chinese_calendar
import pytest

from sanxiang.lib.workdays import (
    DayKind,
    HolidayCalendar,
    WorkdayResult,
    YearArrangement,
    package_arrangement,
    package_arrangements,
)

D = datetime.date


@pytest.fixture(scope="module")
def cal() -> HolidayCalendar:
    return HolidayCalendar(package_arrangements())


def _span(first: D, last: D) -> list[D]:
    return [first + datetime.timedelta(days=i) for i in range((last - first).days + 1)]


def _all_dates(first_year: int, last_year: int) -> list[D]:
    return _span(D(first_year, 1, 1), D(last_year, 12, 31))


# -- the official calendar ----------------------------------------------------------------------


def test_it_matches_chinese_calendar_for_every_date_2019_to_2026(cal):
    mismatches = [
        d for d in _all_dates(2019, 2026) if cal.is_working_day(d) != chinese_calendar.is_workday(d)
    ]
    assert len(_all_dates(2019, 2026)) == 2922
    assert mismatches == []


def test_it_covers_2004_to_2026_from_the_package_and_not_2027(cal):
    assert cal.years[0] == 2004
    assert cal.years[-1] == 2026
    assert set(range(2019, 2027)) <= set(cal.years)
    assert not cal.covers(2027)
    assert package_arrangement(2027) is None
    assert package_arrangement(2026).source == "国务院办公厅关于2026年部分节假日安排的通知（内置日历数据）"


# RULES.md §9.1, copied from 国办发明电〔2024〕12号 and the 2026 notice (2025-11-04).
RULES_2025 = {
    "holidays": [
        (D(2025, 1, 1), D(2025, 1, 1)),
        (D(2025, 1, 28), D(2025, 2, 4)),
        (D(2025, 4, 4), D(2025, 4, 6)),
        (D(2025, 5, 1), D(2025, 5, 5)),
        (D(2025, 5, 31), D(2025, 6, 2)),
        (D(2025, 10, 1), D(2025, 10, 8)),
    ],
    "working": [D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28), D(2025, 10, 11)],
}
RULES_2026 = {
    "holidays": [
        (D(2026, 1, 1), D(2026, 1, 3)),
        (D(2026, 2, 15), D(2026, 2, 23)),
        (D(2026, 4, 4), D(2026, 4, 6)),
        (D(2026, 5, 1), D(2026, 5, 5)),
        (D(2026, 6, 19), D(2026, 6, 21)),
        (D(2026, 9, 25), D(2026, 9, 27)),
        (D(2026, 10, 1), D(2026, 10, 7)),
    ],
    "working": [
        D(2026, 1, 4),
        D(2026, 2, 14),
        D(2026, 2, 28),
        D(2026, 5, 9),
        D(2026, 9, 20),
        D(2026, 10, 10),
    ],
}


@pytest.mark.parametrize(("year", "rules"), [(2025, RULES_2025), (2026, RULES_2026)])
def test_it_follows_the_state_council_notice_listed_in_rules_for_every_day(cal, year, rules):
    off = {d for first, last in rules["holidays"] for d in _span(first, last)}
    on = set(rules["working"])
    expected = {d: (d.weekday() < 5 and d not in off) or d in on for d in _all_dates(year, year)}
    actual = {d: cal.is_working_day(d) for d in expected}
    assert actual == expected
    assert all(d.weekday() >= 5 for d in on)


@pytest.mark.parametrize(
    ("day", "weekday"),
    [
        (D(2024, 10, 12), "Saturday"),
        (D(2024, 9, 14), "Saturday"),
        (D(2025, 1, 26), "Sunday"),
        (D(2025, 2, 8), "Saturday"),
        (D(2025, 10, 11), "Saturday"),
        (D(2026, 1, 4), "Sunday"),
        (D(2026, 2, 14), "Saturday"),
        (D(2026, 2, 28), "Saturday"),
        (D(2026, 9, 20), "Sunday"),
    ],
)
def test_it_treats_adjusted_weekend_days_as_working_days(cal, day, weekday):
    info = cal.day_info(day)
    assert info.weekday_name == weekday
    assert info.working
    assert info.kind is DayKind.ADJUSTED_WORKING_DAY
    assert not info.provisional


@pytest.mark.parametrize(
    ("first", "last", "name"),
    [
        (D(2025, 1, 28), D(2025, 2, 4), "春节"),
        (D(2024, 10, 1), D(2024, 10, 7), "国庆节"),
        (D(2026, 2, 15), D(2026, 2, 23), "春节"),
        (D(2025, 10, 1), D(2025, 10, 8), "国庆节"),
    ],
)
def test_it_treats_every_day_of_a_long_holiday_as_a_rest_day(cal, first, last, name):
    days = _span(first, last)
    assert [cal.is_working_day(d) for d in days] == [False] * len(days)
    assert {cal.day_info(d).kind for d in days} == {DayKind.PUBLIC_HOLIDAY}
    assert name in {cal.day_info(d).name for d in days}
    assert (
        cal.is_working_day(last + datetime.timedelta(days=1))
        or (last + datetime.timedelta(days=1)).weekday() >= 5
    )


def test_it_describes_ordinary_days(cal):
    assert cal.day_info(D(2024, 10, 9)).kind is DayKind.WORKING_DAY
    assert cal.day_info(D(2024, 10, 13)).kind is DayKind.WEEKEND
    assert cal.day_info(D(2027, 3, 10)) == cal.day_info(D(2027, 3, 10))
    assert cal.day_info(D(2027, 3, 10)).provisional


# -- working-day periods ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        (D(2024, 9, 27), 7, D(2024, 10, 12)),  # the example: the 调休 Saturday is day 7
        (D(2024, 9, 27), 6, D(2024, 10, 11)),
        (D(2024, 9, 27), 3, D(2024, 10, 8)),
        (D(2024, 9, 27), 1, D(2024, 9, 29)),  # Sunday 2024-09-29 was a working day
        (D(2024, 9, 30), 1, D(2024, 10, 8)),
        (D(2025, 1, 24), 1, D(2025, 1, 26)),  # Friday → the working Sunday
        (D(2025, 1, 27), 1, D(2025, 2, 5)),  # across the whole Spring Festival
        (D(2025, 1, 27), 4, D(2025, 2, 8)),
        (D(2026, 2, 13), 1, D(2026, 2, 14)),
        (D(2026, 2, 14), 1, D(2026, 2, 24)),
        (D(2026, 2, 13), 20, D(2026, 3, 19)),
        (D(2024, 12, 31), 1, D(2025, 1, 2)),
        (D(2024, 10, 8), 0, D(2024, 10, 8)),
        (D(2024, 10, 5), 0, D(2024, 10, 5)),  # N = 0 is the start, even on a holiday
    ],
)
def test_it_adds_working_days_excluding_the_start_day(cal, start, n, due):
    assert cal.add_working_days(start, n) == WorkdayResult(due, provisional=False)


def test_it_counts_working_days_between_two_dates(cal):
    assert cal.working_days_between(D(2024, 9, 27), D(2024, 10, 12)) == 7
    assert cal.working_days_between(D(2024, 10, 12), D(2024, 9, 27)) == -7
    assert cal.working_days_between(D(2024, 10, 1), D(2024, 10, 1)) == 0


# -- calendar-day periods -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        (D(2024, 9, 20), 11, D(2024, 10, 8)),  # lands on 2024-10-01 → first working day after
        (D(2024, 9, 20), 10, D(2024, 9, 30)),
        (D(2024, 9, 20), 22, D(2024, 10, 12)),  # a 调休 Saturday is a working day: no roll
        (D(2024, 9, 20), 23, D(2024, 10, 14)),
        (D(2025, 1, 1), 30, D(2025, 2, 5)),  # 2025-01-31 is inside 春节
        (D(2024, 6, 1), 90, D(2024, 8, 30)),
        (D(2024, 10, 5), 0, D(2024, 10, 8)),  # N = 0 rolls the start forward
        (D(2024, 10, 8), 0, D(2024, 10, 8)),
    ],
)
def test_it_adds_calendar_days_and_rolls_a_rest_day_forward(cal, start, n, due):
    assert cal.add_days(start, n) == WorkdayResult(due, provisional=False)


@pytest.mark.parametrize(
    ("start", "n", "due", "extended_by"),
    [
        # 2024-10-15 + the 7-day National Day block inside the period.
        (D(2024, 9, 15), 30, D(2024, 10, 22), 7),
        # Sep 15–17 (Mid-autumn) and Oct 1–7 both lie inside the period.
        (D(2024, 9, 14), 30, D(2024, 10, 24), 10),
        # A plain weekend is only two rest days: no extension.
        (D(2024, 11, 1), 15, D(2024, 11, 18), 0),
        # Only Jan 1 of the 2026 New Year block falls inside: run of 1, no extension, then roll.
        (D(2025, 12, 31), 1, D(2026, 1, 4), 0),
    ],
)
def test_it_applies_the_tax_extension_only_when_asked(cal, start, n, due, extended_by):
    result = cal.add_days(start, n, tax_extension=True)
    assert (result.date, result.extended_by) == (due, extended_by)
    assert cal.add_days(start, n).extended_by == 0


def test_it_leaves_the_tax_extension_off_by_default(cal):
    assert cal.add_days(D(2024, 9, 15), 30).date == D(2024, 10, 15)


# -- provisional years --------------------------------------------------------------------------


def test_it_computes_2027_on_weekends_alone_and_marks_it_provisional(cal):
    result = cal.add_working_days(D(2027, 3, 1), 7)
    assert result == WorkdayResult(D(2027, 3, 10), provisional=True, provisional_years=(2027,))
    assert cal.add_days(D(2027, 3, 1), 5) == WorkdayResult(D(2027, 3, 8), True, (2027,))
    assert cal.is_working_day(D(2027, 1, 1))  # unknown holiday: only weekends are rest days
    assert not cal.is_working_day(D(2027, 1, 2))


def test_it_marks_a_period_crossing_into_an_unknown_year_provisional(cal):
    result = cal.add_working_days(D(2026, 12, 28), 7)
    assert result.date == D(2027, 1, 6)
    assert result.provisional
    assert result.provisional_years == (2027,)
    assert cal.add_working_days(D(2026, 12, 28), 3) == WorkdayResult(D(2026, 12, 31), provisional=False)


def test_it_lets_an_administrator_year_override_the_package(cal):
    year_2027 = YearArrangement(
        2027,
        holidays=frozenset({D(2027, 1, 1)} | set(_span(D(2027, 2, 5), D(2027, 2, 13)))),
        adjusted_working_days=frozenset({D(2027, 2, 14)}),
        names=((D(2027, 2, 5), "春节"),),
    )
    merged = cal.overridden_by([year_2027])
    assert merged.add_working_days(D(2026, 12, 28), 7) == WorkdayResult(D(2027, 1, 7), provisional=False)
    assert merged.add_working_days(D(2027, 2, 4), 1).date == D(2027, 2, 14)
    assert merged.day_info(D(2027, 2, 5)).name == "春节"
    emptied_2024 = cal.overridden_by([YearArrangement(2024, frozenset(), frozenset())])
    assert emptied_2024.is_working_day(D(2024, 10, 1))
    assert not emptied_2024.is_working_day(D(2024, 10, 12))
    assert emptied_2024.is_working_day(D(2025, 1, 26))  # other years untouched


def test_it_restricts_a_calendar_to_some_years(cal):
    small = cal.restricted_to([2024])
    assert small.years == (2024,)
    assert small.add_working_days(D(2024, 12, 30), 3).provisional


# -- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("holidays", "working", "message"),
    [
        ({D(2026, 12, 31)}, set(), "outside 2027"),
        ({D(2027, 2, 6)}, {D(2027, 2, 6)}, "both"),
    ],
)
def test_it_rejects_an_inconsistent_arrangement(holidays, working, message):
    with pytest.raises(ValueError, match=message):
        YearArrangement(2027, frozenset(holidays), frozenset(working))


def test_it_rejects_two_arrangements_for_one_year():
    with pytest.raises(ValueError, match="two arrangements"):
        HolidayCalendar((YearArrangement(2027, frozenset(), frozenset()),) * 2)


@pytest.mark.parametrize(
    ("n", "error"), [(-1, ValueError), (10_001, ValueError), (1.5, TypeError), (True, TypeError)]
)
def test_it_rejects_bad_periods(cal, n, error):
    with pytest.raises(error):
        cal.add_working_days(D(2024, 1, 1), n)
    with pytest.raises(error):
        cal.add_days(D(2024, 1, 1), n)
