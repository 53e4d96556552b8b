"""Working days and statutory time limits on the official Chinese calendar (pure Python).

A ``HolidayCalendar`` is built from per-year data: each year's State Council arrangement (国务院办公厅
放假安排通知) lists the public holidays (rest days, including the weekend days inside a holiday
block) and the adjusted working days (调休上班, weekend days that become working days). A date is a
working day when it is Monday–Friday and not a holiday, or when it is an adjusted working day
(RULES.md §9.2 step 1). The calendar is data, never computed from the lunar calendar.

Pitfalls this module handles on purpose:

* The start day never counts (民法典第二百零一条; 民事诉讼法第八十五条): day 1 of "N working days
  from D" is the first working day *after* D, day 1 of "N days" is D + 1.
* A calendar-day period whose last day is a rest day ends on the next working day
  (民法典第二百零三条).
* A year without an arrangement (the notice for next year is usually published in November) is
  computed on weekends alone and every result touching it is *provisional*, never an error.
* A year's arrangement can contain only dates of that year. A notice that moves days across New
  Year (e.g. 2018-12-29 调休上班 in the 2019 notice) is entered partly in each year.

Official data for 2004–2026 comes from the ``chinese-calendar`` package, read in exactly one place,
``package_arrangements``.
"""

from __future__ import annotations

import datetime
import enum
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

__all__ = [
    "MAX_PERIOD",
    "DayInfo",
    "DayKind",
    "HolidayCalendar",
    "WorkdayResult",
    "YearArrangement",
    "package_arrangement",
    "package_arrangements",
    "official_notice_title",
    "package_source",
]

# No statutory period comes close; the bound keeps a typo (7000000) from looping for minutes.
MAX_PERIOD = 10_000

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class DayKind(enum.StrEnum):
    """Why a date is, or is not, a working day."""

    WORKING_DAY = "working_day"
    WEEKEND = "weekend"
    PUBLIC_HOLIDAY = "public_holiday"
    ADJUSTED_WORKING_DAY = "adjusted_working_day"


@dataclass(frozen=True)
class YearArrangement:
    """One year's official arrangement: rest days and adjusted working days, all inside ``year``.

    ``names`` maps dates to the holiday they belong to (春节, 国庆节 …), for display only.
    """

    year: int
    holidays: frozenset[datetime.date]
    adjusted_working_days: frozenset[datetime.date]
    names: tuple[tuple[datetime.date, str], ...] = ()
    source: str = ""

    def __post_init__(self) -> None:
        outside = sorted(d for d in self.holidays | self.adjusted_working_days if d.year != self.year)
        if outside:
            raise ValueError(f"dates outside {self.year}: {', '.join(d.isoformat() for d in outside)}")
        both = sorted(self.holidays & self.adjusted_working_days)
        if both:
            raise ValueError(f"dates both holiday and working day: {', '.join(d.isoformat() for d in both)}")

    def name_of(self, day: datetime.date) -> str:
        for named_day, name in self.names:
            if named_day == day:
                return name
        return ""


@dataclass(frozen=True)
class DayInfo:
    """What the calendar says about one date."""

    date: datetime.date
    working: bool
    kind: DayKind
    name: str
    provisional: bool

    @property
    def weekday_name(self) -> str:
        return WEEKDAY_NAMES[self.date.weekday()]


@dataclass(frozen=True)
class WorkdayResult:
    """The outcome of a deadline computation.

    ``provisional`` is true when any year from the start to the result has no arrangement, so the
    date was computed on weekends alone there and may move once that year is entered.
    ``extended_by`` counts the days added under 征管法实施细则第一百零九条 (opt-in, calendar days).
    """

    date: datetime.date
    provisional: bool
    provisional_years: tuple[int, ...] = ()
    extended_by: int = 0


@dataclass(frozen=True)
class HolidayCalendar:
    """A calendar of known years; every other year is weekend-only and provisional."""

    arrangements: tuple[YearArrangement, ...] = ()
    _by_year: dict[int, YearArrangement] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        by_year: dict[int, YearArrangement] = {}
        for arrangement in self.arrangements:
            if arrangement.year in by_year:
                raise ValueError(f"two arrangements for {arrangement.year}")
            by_year[arrangement.year] = arrangement
        object.__setattr__(self, "_by_year", by_year)

    # -- building -------------------------------------------------------------------------------

    def overridden_by(self, arrangements: Iterable[YearArrangement]) -> HolidayCalendar:
        """A calendar where each given arrangement replaces this calendar's data for its year."""
        merged = dict(self._by_year)
        for arrangement in arrangements:
            merged[arrangement.year] = arrangement
        return HolidayCalendar(tuple(merged[y] for y in sorted(merged)))

    def restricted_to(self, years: Iterable[int]) -> HolidayCalendar:
        wanted = set(years)
        return HolidayCalendar(tuple(a for a in self.arrangements if a.year in wanted))

    # -- single days ----------------------------------------------------------------------------

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted(self._by_year))

    def covers(self, year: int) -> bool:
        return year in self._by_year

    def arrangement(self, year: int) -> YearArrangement | None:
        return self._by_year.get(year)

    def is_working_day(self, day: datetime.date) -> bool:
        """(Mon–Fri and not a holiday) or an adjusted working day (RULES.md §9.2)."""
        arrangement = self._by_year.get(day.year)
        if arrangement is None:
            return day.weekday() < 5
        if day in arrangement.adjusted_working_days:
            return True
        return day.weekday() < 5 and day not in arrangement.holidays

    def day_info(self, day: datetime.date) -> DayInfo:
        arrangement = self._by_year.get(day.year)
        if arrangement is None:
            weekday = day.weekday() < 5
            kind = DayKind.WORKING_DAY if weekday else DayKind.WEEKEND
            return DayInfo(day, weekday, kind, "", provisional=True)
        name = arrangement.name_of(day)
        if day in arrangement.adjusted_working_days:
            return DayInfo(day, True, DayKind.ADJUSTED_WORKING_DAY, name, provisional=False)
        if day in arrangement.holidays:
            return DayInfo(day, False, DayKind.PUBLIC_HOLIDAY, name, provisional=False)
        if day.weekday() >= 5:
            return DayInfo(day, False, DayKind.WEEKEND, "", provisional=False)
        return DayInfo(day, True, DayKind.WORKING_DAY, "", provisional=False)

    def roll_forward(self, day: datetime.date) -> datetime.date:
        """``day`` itself if it is a working day, else the next working day."""
        while not self.is_working_day(day):
            day += datetime.timedelta(days=1)
        return day

    # -- periods --------------------------------------------------------------------------------

    def add_working_days(self, start: datetime.date, n: int) -> WorkdayResult:
        """The Nth working day after ``start``; the start day does not count (RULES.md §9.2 step 2).

        N = 0 returns ``start`` unchanged (e.g. a time limit of "当日").
        """
        _check_period(n)
        day = start
        remaining = n
        while remaining:
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return self._result(start, day)

    def add_days(self, start: datetime.date, n: int, *, tax_extension: bool = False) -> WorkdayResult:
        """``start`` + N calendar days, moved to the next working day if that is a rest day.

        The last day on a rest day ends the period on the first working day after it
        (民法典第二百零三条; 民事诉讼法第八十五条). N = 0 returns ``start`` rolled forward.

        ``tax_extension`` applies 征管法实施细则第一百零九条: the rest days of every run of at least
        three consecutive rest days inside the period (start+1 … start+N) extend it by their
        number, then the end is rolled forward. Days reached by the extension do not extend it
        again. Off by default: it governs tax-law periods only.
        """
        _check_period(n)
        end = start + datetime.timedelta(days=n)
        extended_by = 0
        if tax_extension and n:
            extended_by = self._long_rest_days_within(start + datetime.timedelta(days=1), end)
            end += datetime.timedelta(days=extended_by)
        return self._result(start, self.roll_forward(end), extended_by=extended_by)

    def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
        """How many working days lie in (start, end]; negative when ``end`` precedes ``start``."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(1 for day in _days(start + datetime.timedelta(days=1), end) if self.is_working_day(day))

    def _long_rest_days_within(self, first: datetime.date, last: datetime.date) -> int:
        """Days in [first, last] that form runs of at least three consecutive rest days there.

        Read literally ("在期限内有连续3日以上法定休假日"): the run is clipped to the period, so the
        last two days of a holiday block that began before the period do not count.
        """
        count = 0
        run = 0
        for day in _days(first, last):
            if self.is_working_day(day):
                count += run if run >= 3 else 0
                run = 0
            else:
                run += 1
        return count + (run if run >= 3 else 0)

    def _result(self, start: datetime.date, end: datetime.date, *, extended_by: int = 0) -> WorkdayResult:
        missing = tuple(y for y in range(start.year, end.year + 1) if y not in self._by_year)
        return WorkdayResult(end, bool(missing), missing, extended_by)


def _check_period(n: int) -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("a period is a whole number of days")
    if n < 0:
        raise ValueError("a period cannot be negative")
    if n > MAX_PERIOD:
        raise ValueError(f"a period cannot exceed {MAX_PERIOD} days")


def _days(first: datetime.date, last: datetime.date) -> Iterator[datetime.date]:
    day = first
    while day <= last:
        yield day
        day += datetime.timedelta(days=1)


# -- the chinese-calendar package ---------------------------------------------------------------


def package_source() -> str:
    """A label naming the package release the official data came from."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"chinese-calendar {version('chinese_calendar')}"
    except PackageNotFoundError:  # pragma: no cover - the package is a hard dependency
        return "chinese-calendar"


def official_notice_title(year: int) -> str:
    """How a clerk reads the source of the built-in data for ``year``: the State Council notice the
    ``chinese-calendar`` package transcribes (its release is recorded by ``package_source``)."""
    return f"国务院办公厅关于{year}年部分节假日安排的通知（内置日历数据）"


@functools.cache
def package_arrangements() -> tuple[YearArrangement, ...]:
    """Every year the ``chinese-calendar`` package covers, as ``YearArrangement``s.

    The package stores rest days (``holidays``, weekend days of a holiday block included) and
    make-up working days (``workdays``) keyed by date, with the English holiday name as value.
    This is the only place that imports it.
    """
    from chinese_calendar.constants import Holiday
    from chinese_calendar.constants import holidays as rest_days
    from chinese_calendar.constants import workdays as make_up_days

    chinese = {member.value: member.chinese for member in Holiday}
    years = sorted({d.year for d in rest_days} | {d.year for d in make_up_days})
    arrangements = []
    for year in years:
        off = {d: chinese.get(name, name) for d, name in rest_days.items() if d.year == year}
        on = {d: chinese.get(name, name) for d, name in make_up_days.items() if d.year == year}
        arrangements.append(
            YearArrangement(
                year=year,
                holidays=frozenset(off),
                adjusted_working_days=frozenset(on),
                names=tuple(sorted({**off, **on}.items())),
                source=official_notice_title(year),
            )
        )
    return tuple(arrangements)


def package_arrangement(year: int) -> YearArrangement | None:
    """The package's arrangement for ``year``, or None when the package does not cover it."""
    for arrangement in package_arrangements():
        if arrangement.year == year:
            return arrangement
    return None
