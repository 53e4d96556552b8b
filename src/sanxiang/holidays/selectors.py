"""Reads of the working-day calendar and of deadlines.

The calendar is national data, the same for every user, so these selectors take no ``actor``;
deadlines are read through their owner, whose module applies the data scope.
"""

from __future__ import annotations

import calendar as pycalendar
import datetime
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.db.models import Count, Max

from sanxiang.holidays.choices import CalendarDayKind, YearBasis
from sanxiang.holidays.models import CalendarDay, CalendarYear, Deadline
from sanxiang.lib.workdays import DayInfo, HolidayCalendar, YearArrangement, package_arrangements

# -- the merged calendar ------------------------------------------------------------------------

_lock = threading.Lock()
_cached: tuple[object, HolidayCalendar] | None = None


def _stamp() -> tuple[int, datetime.datetime | None]:
    """Changes whenever a ``CalendarYear`` is saved, added or deleted (one cheap query).

    Checked on every read so that a change made in one process (a web worker) is seen by all
    the others (other workers, the task worker) without a shared cache.
    """
    row = CalendarYear.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    return row["n"], row["last"]


def invalidate_calendar_cache() -> None:
    global _cached
    with _lock:
        _cached = None


def administrator_arrangements() -> list[YearArrangement]:
    days_by_year: dict[int, list[CalendarDay]] = {}
    years = list(CalendarYear.objects.order_by("year"))
    for day in CalendarDay.objects.filter(calendar_year__in=years).order_by("date"):
        days_by_year.setdefault(day.calendar_year_id, []).append(day)
    return [_arrangement(year, days_by_year.get(year.pk, [])) for year in years]


def _arrangement(year: CalendarYear, days: list[CalendarDay]) -> YearArrangement:
    return YearArrangement(
        year=year.year,
        holidays=frozenset(d.date for d in days if d.kind == CalendarDayKind.PUBLIC_HOLIDAY),
        adjusted_working_days=frozenset(
            d.date for d in days if d.kind == CalendarDayKind.ADJUSTED_WORKING_DAY
        ),
        names=tuple((d.date, d.name) for d in days if d.name),
        source=year.source,
    )


def build_calendar() -> HolidayCalendar:
    """The package's official years overridden, year by year, by the administrators' entries."""
    return HolidayCalendar(package_arrangements()).overridden_by(administrator_arrangements())


def current_calendar() -> HolidayCalendar:
    """``build_calendar()``, cached per process until a ``CalendarYear`` changes."""
    global _cached
    stamp = _stamp()
    with _lock:
        if _cached is not None and _cached[0] == stamp:
            return _cached[1]
    merged = build_calendar()
    with _lock:
        _cached = (stamp, merged)
    return merged


def calendar_for(years: Iterable[int]) -> HolidayCalendar:
    """The current calendar limited to ``years``; other years read as weekend-only, provisional."""
    return current_calendar().restricted_to(years)


# -- the year list and a year's page ------------------------------------------------------------


@dataclass(frozen=True)
class YearStatus:
    year: int
    basis: YearBasis
    source: str
    holiday_count: int
    adjusted_count: int
    record: CalendarYear | None

    @property
    def provisional(self) -> bool:
        return self.basis == YearBasis.PROVISIONAL


def _status(year: int, arrangement: YearArrangement | None, record: CalendarYear | None) -> YearStatus:
    if record is not None:
        basis = YearBasis.ADMINISTRATOR
    elif arrangement is not None:
        basis = YearBasis.OFFICIAL
    else:
        basis = YearBasis.PROVISIONAL
    return YearStatus(
        year=year,
        basis=basis,
        source=arrangement.source if arrangement else "",
        holiday_count=len(arrangement.holidays) if arrangement else 0,
        adjusted_count=len(arrangement.adjusted_working_days) if arrangement else 0,
        record=record,
    )


def year_status(year: int) -> YearStatus:
    record = CalendarYear.objects.filter(year=year).select_related("entered_by").first()
    return _status(year, current_calendar().arrangement(year), record)


FIRST_LISTED_YEAR = 2019


def calendar_year_overview(*, today: datetime.date) -> list[YearStatus]:
    """Every year from 2019 to next year, plus any later year an administrator entered, newest first."""
    calendar = current_calendar()
    records = {r.year: r for r in CalendarYear.objects.select_related("entered_by")}
    last = max([today.year + 1, *records])
    first = min([FIRST_LISTED_YEAR, *records])
    return [_status(y, calendar.arrangement(y), records.get(y)) for y in range(last, first - 1, -1)]


@dataclass(frozen=True)
class MonthGrid:
    year: int
    month: int
    weeks: list[list[DayInfo | None]]


def year_months(year: int) -> list[MonthGrid]:
    """Twelve Monday-first month grids of ``year`` with each day's kind and holiday name."""
    calendar = current_calendar()
    months = []
    for month in range(1, 13):
        weeks = [
            [calendar.day_info(datetime.date(year, month, d)) if d else None for d in week]
            for week in pycalendar.Calendar(firstweekday=0).monthdayscalendar(year, month)
        ]
        months.append(MonthGrid(year, month, weeks))
    return months


def arrangement_lines(year: int) -> str:
    """The year's current data as the text the entry form accepts, one ``date name`` per line."""
    arrangement = current_calendar().arrangement(year)
    if arrangement is None:
        return ""
    lines = []
    for day in sorted(arrangement.holidays | arrangement.adjusted_working_days):
        name = arrangement.name_of(day)
        if day in arrangement.adjusted_working_days:
            lines.append(f"{day.isoformat()} 调休上班" + (f" {name}" if name else ""))
        else:
            lines.append(f"{day.isoformat()} {name or '节假日'}")
    return "\n".join(lines)


# -- deadlines ----------------------------------------------------------------------------------


def deadline_get(*, owner: models.Model, purpose: str) -> Deadline | None:
    return Deadline.objects.for_owner(owner).filter(purpose=purpose).first()


def deadline_list(*, owner: models.Model) -> models.QuerySet[Deadline]:
    return Deadline.objects.for_owner(owner).order_by("due", "pk")
