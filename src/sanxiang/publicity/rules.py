"""Pure rules of enforcement publicity: time limits, display periods and the workflow table.

No Django here. ``today`` and the holiday calendar are always parameters. Every rule kind that the
catalogue stores as data (``ItemRule.kind`` + ``params``) is evaluated by ``publish_due``; the
display period by ``display_until``; the workflow by ``next_status``.
"""

from __future__ import annotations

import calendar as _calendar
import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol


class WorkCalendar(Protocol):
    """What the rules need of ``sanxiang.lib.workdays.HolidayCalendar``."""

    def add_working_days(self, start: datetime.date, n: int) -> Any: ...

    def add_days(self, start: datetime.date, n: int, *, tax_extension: bool = False) -> Any: ...


class RuleKind(StrEnum):
    WORKING_DAYS = "working_days"  # N working days from the event (决定作出之日)
    CALENDAR_DAYS = "calendar_days"  # N calendar days from the event
    DAY_OF_NEXT_MONTH = "day_of_next_month"  # by day D of the month after the event (令第54号: 15)
    YEARLY_DATE = "yearly_date"  # by a month/day of the year after the data year (统计年报: 1月31日)
    PERIODIC = "periodic"  # at the end of a cycle by subject type (欠税公告: quarterly / half-yearly)
    TWO_STAGE = "two_stage"  # hand over within N working days, publish within M more (事前公开)


class Certainty(StrEnum):
    """RULES.md marks."""

    CONFIRMED = "confirmed"  # ✅
    PARTLY = "partly"  # 🟡
    UNCONFIRMED = "unconfirmed"  # ❓


class CreditClass(StrEnum):
    """失信行为 classes of the 信用修复管理办法 (2026-04-01)."""

    MINOR = "minor"  # 轻微
    GENERAL = "general"  # 一般
    SERIOUS = "serious"  # 严重


@dataclass(frozen=True)
class Due:
    """A publication due date; ``provisional`` when a year in the window has no holiday arrangement.

    ``handover`` is the first stage's due date of a two-stage clock (None otherwise); ``unit``/``n``
    say how to store the period as a ``Deadline`` (``days`` spans are exact calendar-day counts).
    """

    date: datetime.date
    provisional: bool
    unit: str
    n: int
    handover: datetime.date | None = None


def _int(params: Mapping[str, Any], key: str, default: int | None = None) -> int:
    value = params.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"rule parameter {key!r} must be a non-negative integer, not {value!r}")
    return value


def _end_of_month(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, _calendar.monthrange(year, month)[1])


def _add_months(day: datetime.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + (day.month - 1) + months
    return index // 12, index % 12 + 1


def _fixed(start: datetime.date, due: datetime.date, cal: WorkCalendar) -> Due:
    """A due date fixed by the calendar (not a span): stored as a calendar-day count from the event.

    The count is taken before any roll-forward, so a Deadline recomputed from it applies the same
    民法典第二百零三条 roll-forward as here (a last day on a rest day moves to the next working day).
    """
    n = max((due - start).days, 0)
    result = cal.add_days(start, n)
    return Due(result.date, result.provisional, "days", n)


def publish_due(
    kind: str,
    params: Mapping[str, Any],
    *,
    event: datetime.date,
    subject_type: str = "organisation",
    cal: WorkCalendar,
) -> Due:
    """When an entry must be public, counted from its event date (decision, service, formation …).

    * ``working_days``: ``{"n": 7}`` — licensing and penalty decisions within 7 working days of the
      decision (国办发〔2015〕51号第十八条); other decisions 20 (国办发〔2018〕118号).
    * ``calendar_days``: ``{"n": 30}``.
    * ``day_of_next_month``: ``{"day": 15}`` — by the 15th of the month after the determination was
      served (令第54号); the earlier rule said the 10th.
    * ``yearly_date``: ``{"month": 1, "day": 31}`` — the previous year's statistics by 31 January
      (国办发〔2018〕118号); ``event`` is any day of the data year.
    * ``periodic``: ``{"months": {"organisation": 3, "natural_person": 6, …}, "offset_days": 0}`` —
      by the end of the cycle the event falls in (欠税公告办法第四条).
    * ``two_stage``: ``{"handover": 20, "publish": 5}`` — handed over within 20 working days of the
      information being formed, published within 5 more (税总依法行政办发〔2019〕1号).
    """
    if kind == RuleKind.WORKING_DAYS:
        n = _int(params, "n")
        result = cal.add_working_days(event, n)
        return Due(result.date, result.provisional, "working_days", n)
    if kind == RuleKind.CALENDAR_DAYS:
        n = _int(params, "n")
        result = cal.add_days(event, n)
        return Due(result.date, result.provisional, "days", n)
    if kind == RuleKind.DAY_OF_NEXT_MONTH:
        day = _int(params, "day")
        year, month = _add_months(event, 1)
        due = datetime.date(year, month, min(max(day, 1), _calendar.monthrange(year, month)[1]))
        return _fixed(event, due, cal)
    if kind == RuleKind.YEARLY_DATE:
        month, day = _int(params, "month", 1), _int(params, "day", 31)
        return _fixed(event, datetime.date(event.year + 1, month, day), cal)
    if kind == RuleKind.PERIODIC:
        cycles = params.get("months") or {}
        months = cycles.get(subject_type) or cycles.get("default") or 3
        if not isinstance(months, int) or months <= 0 or 12 % months:
            raise ValueError(f"cycle length must divide 12, not {months!r}")
        # Cycles are aligned to the calendar year: quarters end in March, June …; halves in June, December.
        cycle_end_month = ((event.month - 1) // months + 1) * months
        due = _end_of_month(event.year, cycle_end_month) + datetime.timedelta(
            days=_int(params, "offset_days", 0)
        )
        return _fixed(event, due, cal)
    if kind == RuleKind.TWO_STAGE:
        handover = cal.add_working_days(event, _int(params, "handover"))
        total = _int(params, "handover") + _int(params, "publish")
        result = cal.add_working_days(event, total)
        return Due(
            result.date,
            result.provisional or handover.provisional,
            "working_days",
            total,
            handover=handover.date,
        )
    raise ValueError(f"unknown rule kind {kind!r}")


def display_until(
    params: Mapping[str, Any], *, start: datetime.date, credit_class: str | None = None
) -> datetime.date | None:
    """The last day an entry stays on the portal; None for an open-ended display.

    ``params``: ``{"months": 36}`` for a fixed period, or ``{"by_credit_class": {"minor": 3,
    "general": 12, "serious": 36}}`` (maximum months by class, 信用修复管理办法 2026: 一般 at most one
    year, 严重 at most three, 轻微 in principle not published or at most three months). The period
    runs from the date of the decision document. An unknown class takes the longest period, the safe
    reading for a record the public may rely on.
    """
    months: int | None = None
    by_class = params.get("by_credit_class")
    if by_class:
        if credit_class and credit_class in by_class:
            months = by_class[credit_class]
        else:
            months = max(by_class.values())
    elif params.get("months") is not None:
        months = params["months"]
    if months is None:
        return None
    year, month = _add_months(start, int(months))
    day = min(start.day, _calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day) - datetime.timedelta(days=1)


def credit_repair_allowed(
    params: Mapping[str, Any], *, start: datetime.date, credit_class: str | None, today: datetime.date
) -> bool:
    """Whether a credit repair may end the display now: after the class's minimum period.

    ``params["min_by_credit_class"]``: ``{"minor": 0, "general": 3, "serious": 12}`` months
    (信用修复管理办法 2026: 一般 at least 3 months, 严重 at least one year).
    """
    minimums = params.get("min_by_credit_class") or {}
    months = minimums.get(credit_class or "", max(minimums.values(), default=0))
    year, month = _add_months(start, int(months))
    earliest = datetime.date(year, month, min(start.day, _calendar.monthrange(year, month)[1]))
    return today >= earliest


def withdrawal_due(outcome_on: datetime.date, cal: WorkCalendar) -> Due:
    """A published penalty decision changed, revoked, held unlawful or void comes off within 3
    working days, with the reason published (行政处罚法第四十八条第二款, 第八十五条)."""
    result = cal.add_working_days(outcome_on, 3)
    return Due(result.date, result.provisional, "working_days", 3)


def pick_version(versions: list[tuple[datetime.date, Any]], on: datetime.date) -> Any | None:
    """The rule version in force on ``on``: the latest ``effective_from`` not after it."""
    best = None
    best_from: datetime.date | None = None
    for effective_from, value in versions:
        if effective_from <= on and (best_from is None or effective_from > best_from):
            best, best_from = value, effective_from
    return best


# -------------------------------------------------------------------------------------- workflow


class Status(StrEnum):
    DRAFT = "draft"  # 草稿
    SUBMITTED = "submitted"  # 待审核（保密审查与发布审批）
    PUBLISHED = "published"  # 已公示
    CORRECTING = "correcting"  # 更正中：新版本待审核，旧版本仍在公示
    WITHDRAWN = "withdrawn"  # 已撤回
    EXPIRED = "expired"  # 公示期满 / 信用修复后停止公示


class Action(StrEnum):
    SUBMIT = "submit"
    RECALL = "recall"  # the drafter takes a submitted entry back before anyone approves it
    RETURN = "return"
    APPROVE = "approve"  # confidentiality review and approval → published
    CORRECT = "correct"  # open a new version of a published entry
    WITHDRAW = "withdraw"
    EXPIRE = "expire"


TRANSITIONS: Mapping[tuple[str, str], str] = {
    (Status.DRAFT, Action.SUBMIT): Status.SUBMITTED,
    (Status.SUBMITTED, Action.RECALL): Status.DRAFT,
    (Status.SUBMITTED, Action.RETURN): Status.DRAFT,
    (Status.SUBMITTED, Action.APPROVE): Status.PUBLISHED,
    (Status.PUBLISHED, Action.CORRECT): Status.CORRECTING,
    (Status.CORRECTING, Action.APPROVE): Status.PUBLISHED,
    (Status.CORRECTING, Action.RETURN): Status.CORRECTING,
    (Status.PUBLISHED, Action.WITHDRAW): Status.WITHDRAWN,
    (Status.CORRECTING, Action.WITHDRAW): Status.WITHDRAWN,
    (Status.PUBLISHED, Action.EXPIRE): Status.EXPIRED,
    (Status.CORRECTING, Action.EXPIRE): Status.EXPIRED,
}

# Which pending version a RETURN from CORRECTING sends back: the correction stays open for editing.
EDITABLE = frozenset({Status.DRAFT, Status.CORRECTING})
PUBLIC = frozenset({Status.PUBLISHED, Status.CORRECTING})


def next_status(status: str, action: str) -> str | None:
    """The status after ``action`` in ``status``; None when the transition is not allowed."""
    return TRANSITIONS.get((status, action))


def approver_may_approve(*, author_id: int | None, approver_id: int) -> bool:
    """The approver is never the author of the version (four-eyes principle)."""
    return author_id is None or author_id != approver_id


def blanked_fields(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    """Keys filled in ``before`` (the published version) that ``after`` (the correction) leaves empty.

    A correction replaces the published text wholesale, so an emptied field is information silently
    taken off the portal; the service refuses it (withdraw the entry to take it down instead)."""
    return [
        key
        for key, value in before.items()
        if str(value if value is not None else "").strip()
        and not str(after.get(key) if after.get(key) is not None else "").strip()
    ]
