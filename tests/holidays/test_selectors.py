"""Reading the merged calendar: cache, year overview, month grids, system check."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from sanxiang.holidays.checks import check_calendar_years
from sanxiang.holidays.choices import YearBasis
from sanxiang.holidays.models import CalendarDay, CalendarYear
from sanxiang.holidays.selectors import (
    arrangement_lines,
    calendar_for,
    calendar_year_overview,
    current_calendar,
    year_months,
    year_status,
)
from sanxiang.holidays.services import calendar_year_save
from sanxiang.lib.workdays import DayKind

from .conftest import ADJUSTED_2027, HOLIDAYS_2027

D = datetime.date


def test_it_caches_the_calendar_until_a_year_changes(db, django_assert_num_queries):
    first = current_calendar()
    with django_assert_num_queries(1):  # only the change stamp
        assert current_calendar() is first
    # A change written by another process, which did not invalidate this one's cache.
    year = CalendarYear.objects.create(year=2027, source="其他进程")
    CalendarDay.objects.create(calendar_year=year, date=D(2027, 1, 1), kind="public_holiday", name="元旦")
    year.save()  # bump updated_at after the day exists, as the service does within one transaction
    refreshed = current_calendar()
    assert refreshed is not first
    assert refreshed.covers(2027)
    assert not refreshed.is_working_day(D(2027, 1, 1))


def test_it_restricts_the_calendar_to_some_years(db):
    assert calendar_for([2024, 2025]).years == (2024, 2025)


def test_it_lists_years_with_their_basis(admin_user):
    calendar_year_save(
        actor=admin_user,
        year=2028,
        source="录入",
        holidays=[(D(2028, 1, 1), "元旦")],
        adjusted_working_days=[],
    )
    rows = calendar_year_overview(today=D(2026, 11, 22))
    by_year = {row.year: row for row in rows}
    assert [row.year for row in rows] == list(range(2028, 2018, -1))
    assert {y for y, r in by_year.items() if r.basis == YearBasis.OFFICIAL} == set(range(2019, 2027))
    assert by_year[2027].basis == YearBasis.PROVISIONAL
    assert by_year[2027].provisional
    assert by_year[2028].basis == YearBasis.ADMINISTRATOR
    assert by_year[2028].record.entered_by == admin_user
    assert by_year[2026].source == "国务院办公厅关于2026年部分节假日安排的通知（内置日历数据）"
    assert (by_year[2026].holiday_count, by_year[2026].adjusted_count) == (33, 6)


def test_it_builds_month_grids_with_each_days_kind(db):
    months = year_months(2026)
    assert len(months) == 12
    february = [day for week in months[1].weeks for day in week if day]
    assert len(february) == 28
    assert months[1].weeks[0][:6] == [None] * 6  # 2026-02-01 is a Sunday
    kinds = {day.date.day: day.kind for day in february}
    assert kinds[14] == DayKind.ADJUSTED_WORKING_DAY
    assert kinds[17] == DayKind.PUBLIC_HOLIDAY
    assert kinds[24] == DayKind.WORKING_DAY
    assert all(day.provisional for week in year_months(2027)[0].weeks for day in week if day)


def test_it_writes_a_year_as_lines_the_form_reads_back(db):
    from sanxiang.holidays.forms import parse_arrangement

    text = arrangement_lines(2026)
    assert "2026-02-14 调休上班 春节" in text.splitlines()
    assert "2026-02-15 春节" in text.splitlines()
    parsed = parse_arrangement(text)
    assert parsed.errors == []
    assert len(parsed.holidays) == 33
    assert len(parsed.adjusted_working_days) == 6
    assert arrangement_lines(2027) == ""


def test_it_reports_a_years_status(admin_user):
    assert year_status(2027).basis == YearBasis.PROVISIONAL
    calendar_year_save(
        actor=admin_user,
        year=2027,
        source="录入",
        holidays=list(HOLIDAYS_2027),
        adjusted_working_days=ADJUSTED_2027,
    )
    status = year_status(2027)
    assert (status.basis, status.holiday_count, status.adjusted_count) == (YearBasis.ADMINISTRATOR, 17, 2)


@pytest.mark.django_db
def test_it_warns_while_next_year_has_no_arrangement(admin_user):
    with time_machine.travel(datetime.datetime(2026, 11, 22, 12, tzinfo=datetime.UTC), tick=False):
        warnings = check_calendar_years()
        assert [w.id for w in warnings] == ["holidays.W001"]
        assert "2027" in warnings[0].msg
        calendar_year_save(
            actor=admin_user, year=2027, source="录入", holidays=list(HOLIDAYS_2027), adjusted_working_days=[]
        )
        assert check_calendar_years() == []
    with time_machine.travel(datetime.datetime(2025, 6, 1, 12, tzinfo=datetime.UTC), tick=False):
        assert check_calendar_years() == []
    with time_machine.travel(datetime.datetime(2028, 6, 1, 12, tzinfo=datetime.UTC), tick=False):
        assert [w.obj for w in check_calendar_years()] == ["2028 年工作日历", "2029 年工作日历"]
