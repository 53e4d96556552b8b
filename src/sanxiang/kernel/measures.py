"""Registry of measures and loop checks, filled by each capability app in ``AppConfig.ready``.

The evaluation module computes indicators from *measures* that the modules owning the data
provide, and keeps *loop checks* (a decision that needed review and got none, an act on the
audio/video list without its recording …) as lists with owners and due dates. Neither the kernel
nor the evaluation app reads another module's tables: a module registers here what it can count,
so an indicator whose module is not installed finds no measure and is shown as "数据来源未启用".

A measure counts per key (an authority, department or officer id) over a period::

    register_measure(Measure(
        code="publicity.on_time", system="publicity", label=_("按时公示数 / 应公示数"),
        kind=MeasureKind.RATIO, compute=on_time_counts, drill=on_time_rows,
    ))

``compute(period, level)`` returns ``{key: Figure(numerator, denominator)}`` for every key with
data (one GROUP BY query per level, never a query per unit); ``drill(period, level, key)`` returns
the records behind the figure as ``DrillRow`` (label, link, date, state), so that every number on
a screen leads to what it counts.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
import enum
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.utils.translation import gettext as _

T = TypeVar("T")


class Level(enum.StrEnum):
    """Whom a figure is about: a unit (its own acts), a department, or an officer."""

    AUTHORITY = "authority"
    DEPARTMENT = "department"
    OFFICER = "officer"


class MeasureKind(enum.StrEnum):
    RATIO = "ratio"  # numerator / denominator
    COUNT = "count"  # numerator, denominator unused (1)
    AVERAGE = "average"  # numerator is a sum, denominator the number of items


@dataclass(frozen=True)
class Period:
    """A closed date range, both ends included, evaluated as of ``as_of`` (default: its end).

    A period still running is evaluated as of today: an item due after ``cutoff`` is not late yet
    and is left out of "on time" ratios rather than counted against.
    """

    start: datetime.date
    end: datetime.date
    as_of: datetime.date | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends before it starts: {self.start}–{self.end}")

    @classmethod
    def month(cls, year: int, month: int, *, as_of: datetime.date | None = None) -> Period:
        start = datetime.date(year, month, 1)
        following = datetime.date(year + (month == 12), month % 12 + 1, 1)
        return cls(start, following - datetime.timedelta(days=1), as_of)

    @classmethod
    def year(cls, year: int, *, as_of: datetime.date | None = None) -> Period:
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31), as_of)

    @property
    def cutoff(self) -> datetime.date:
        """The last day whose deadlines can already have been missed."""
        return min(self.end, self.as_of or self.end)

    def shifted(self, *, months: int) -> Period:
        """The same calendar month(s) ``months`` earlier (negative) or later, e.g. for 环比/同比."""

        def move(day: datetime.date, last: bool) -> datetime.date:
            index = day.year * 12 + day.month - 1 + months
            year, month = divmod(index, 12)
            whole = Period.month(year, month + 1)
            return whole.end if last else whole.start

        return Period(move(self.start, False), move(self.end, True))

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end

    @property
    def label(self) -> str:
        whole_month = Period.month(self.start.year, self.start.month)
        if (self.start, self.end) == (whole_month.start, whole_month.end):
            return _("%(year)s年%(month)s月") % {"year": self.start.year, "month": self.start.month}
        if (self.start, self.end) == (
            datetime.date(self.start.year, 1, 1),
            datetime.date(self.start.year, 12, 31),
        ):
            return _("%(year)s年") % {"year": self.start.year}
        return _("%(start)s 至 %(end)s") % {"start": f"{self.start:%Y-%m-%d}", "end": f"{self.end:%Y-%m-%d}"}


@dataclass(frozen=True)
class Figure:
    numerator: float
    denominator: float = 1

    def __add__(self, other: Figure) -> Figure:
        return Figure(self.numerator + other.numerator, self.denominator + other.denominator)


@dataclass(frozen=True)
class DrillRow:
    """One record behind a figure: what it is, where to open it, and whether it counts against."""

    label: str
    url: str
    on: datetime.date | None = None
    state: str = ""
    counts_against: bool = False
    department: str = ""
    officer: str = ""


MeasureCompute = Callable[[Period, Level], dict[int, Figure]]
MeasureDrill = Callable[[Period, Level, int], Iterable[DrillRow]]


@dataclass(frozen=True)
class Measure:
    code: str
    system: str
    label: Any
    kind: MeasureKind
    compute: MeasureCompute
    drill: MeasureDrill | None = None
    levels: tuple[Level, ...] = (Level.AUTHORITY, Level.DEPARTMENT, Level.OFFICER)
    unit: Any = ""


@dataclass(frozen=True)
class LoopItem:
    """One broken loop between the systems, found by a check: who owns it and by when to fix it."""

    key: str  # stable within the check, e.g. "review.case:42"
    label: str
    url: str
    authority_id: int
    department_id: int | None = None
    officer_id: int | None = None
    due: datetime.date | None = None
    extra: dict[str, Any] = field(default_factory=dict)


LoopFinder = Callable[[datetime.date], Iterable[LoopItem]]


@dataclass(frozen=True)
class LoopCheck:
    code: str
    system: str
    label: Any
    description: Any
    find: LoopFinder


_measures: dict[str, Measure] = {}
_loop_checks: dict[str, LoopCheck] = {}


def register_measure(measure: Measure) -> None:
    _measures[measure.code] = measure


def register_loop_check(check: LoopCheck) -> None:
    _loop_checks[check.code] = check


def measure_get(code: str) -> Measure | None:
    return _measures.get(code)


def measures() -> list[Measure]:
    return sorted(_measures.values(), key=lambda m: m.code)


def loop_checks() -> list[LoopCheck]:
    return sorted(_loop_checks.values(), key=lambda c: c.code)


def loop_check_get(code: str) -> LoopCheck | None:
    return _loop_checks.get(code)


def enabled_systems() -> set[str]:
    """Systems with at least one registered measure (their module is installed)."""
    return {m.system for m in _measures.values()}


# --- one computation over many measures and levels ----------------------------------------------

_batch: contextvars.ContextVar[dict[Hashable, Any] | None] = contextvars.ContextVar(
    "sanxiang_measure_batch", default=None
)


@contextlib.contextmanager
def computing() -> Iterator[None]:
    """Compute several measures (or one measure at several levels) as one batch.

    Inside the block, :func:`shared` keeps what a measure read once (e.g. every decision with its
    publication limit) for the other levels and measures that need the same rows; outside it,
    nothing is kept, so a figure never comes from data older than the computation asking for it.
    """
    if _batch.get() is not None:
        yield
        return
    token = _batch.set({})
    try:
        yield
    finally:
        _batch.reset(token)


def shared(key: Hashable, build: Callable[[], T]) -> T:
    """``build()``, once per :func:`computing` block for the same ``key`` (every call outside one)."""
    memo = _batch.get()
    if memo is None:
        return build()
    if key not in memo:
        memo[key] = build()
    return memo[key]
