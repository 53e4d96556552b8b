"""Pure rules of task supervision: milestones from a schedule, status, lights, escalation, matching.

No database and no clock: ``today`` is always passed in.
"""

from __future__ import annotations

import calendar
import datetime
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# -- milestones ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MilestoneSpec:
    """What one milestone of a schedule says before anyone touches it."""

    label: str
    schedule: dict[str, Any]
    planned_date: datetime.date | None = None
    awaits_event: bool = False
    event_label: str = ""
    level_note: str = ""
    ongoing: bool = False
    doubtful: bool = False
    start: datetime.date | None = None


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _yearly(month: int, day: int, year: int) -> datetime.date:
    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def milestone_specs(
    schedule: dict[str, Any] | None, *, label: str, plan_year: int | None
) -> list[MilestoneSpec]:
    """One spec per dated step of a parsed schedule (``lib.tasktables`` JSON shape).

    ``ongoing`` work gets no due date; ``after_event`` and ``follows_superior`` wait for a
    person to record the event; ``unparsed`` keeps the text and is flagged doubtful.
    """
    if not schedule:
        return [MilestoneSpec(label=label or "完成", schedule={}, doubtful=True)]
    kind = schedule.get("kind")
    if kind == "milestones":
        specs: list[MilestoneSpec] = []
        for item in schedule.get("items", []):
            specs.extend(milestone_specs(item, label=_item_label(item, label), plan_year=plan_year))
        return specs or [MilestoneSpec(label=label, schedule=schedule, doubtful=True)]
    note = schedule.get("note") or ""
    start = _date(schedule.get("start"))
    common: dict[str, Any] = {
        "label": label,
        "schedule": schedule,
        "level_note": _level_note(note),
        "start": start,
    }
    if kind == "by_date":
        return [MilestoneSpec(planned_date=_date(schedule.get("date")), **common)]
    if kind == "yearly":
        year = plan_year or (start.year if start else None)
        planned = _yearly(schedule["month"], schedule["day"], year) if year else None
        return [MilestoneSpec(planned_date=planned, doubtful=planned is None, **common)]
    if kind == "after_event":
        return [MilestoneSpec(awaits_event=True, event_label=schedule.get("event") or "起算事件", **common)]
    if kind == "follows_superior":
        event = "按%s部署" % (schedule.get("authority") or "上级")
        return [MilestoneSpec(awaits_event=True, event_label=event, **common)]
    if kind == "ongoing":
        return [MilestoneSpec(ongoing=True, **common)]
    return [MilestoneSpec(doubtful=True, **common)]


def _item_label(item: dict[str, Any], fallback: str) -> str:
    """One step's own label: its note, else what its kind says ("2019-09-30前完成", "持续开展"),
    so that the steps of "2019年9月底前完成，并持续开展" do not both carry the whole text."""
    note = item.get("note")
    if note:
        return str(note)
    kind = item.get("kind")
    if kind == "by_date" and item.get("date"):
        return f"{item['date']}前完成"
    if kind == "ongoing":
        return "持续开展"
    if kind == "yearly":
        return f"每年{item.get('month')}月{item.get('day')}日前"
    return fallback


_LEVEL = re.compile(r"(税务总局|省及省以下税务机关|省税务局|市局|区局|各级税务机关|省以下)")


def _level_note(note: str) -> str:
    found = _LEVEL.search(note)
    return found.group(1) if found else ""


def add_months(day: datetime.date, months: int) -> datetime.date:
    """Same day ``months`` later, clipped to the month's end (制定后1个月内)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def after_event_span(schedule: dict[str, Any], event_date: datetime.date) -> tuple[datetime.date, str, int]:
    """(start, unit, n) for the calendar: working days count on the holiday calendar, months and
    hours become calendar days from the event ("次月10日" is the day of the following month)."""
    unit = schedule.get("unit") or "days"
    n = int(schedule.get("n") or 0)
    if schedule.get("day"):
        target = add_months(event_date.replace(day=1), n or 1)
        target = target.replace(day=min(schedule["day"], calendar.monthrange(target.year, target.month)[1]))
        return event_date, "days", (target - event_date).days
    if unit == "working_days":
        return event_date, "working_days", n
    if unit == "months":
        return event_date, "days", (add_months(event_date, n) - event_date).days
    if unit == "hours":
        return event_date, "days", (n + 23) // 24
    return event_date, "days", n


# -- recurrence: yearly deadlines and report cycles ------------------------------------------------

# Months per reporting cycle of an ongoing task (每月/每季度/每半年/每年报送); weekly is in days.
CYCLE_MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}
CYCLES = (*CYCLE_MONTHS, "weekly")


def is_recurring(schedule: dict[str, Any] | None) -> bool:
    """A yearly deadline (每年1月31日前) or a report milestone of an ongoing cycle."""
    schedule = schedule or {}
    return schedule.get("kind") == "yearly" or schedule.get("kind") == "cycle_report"


def period_end(cycle: str, day: datetime.date) -> datetime.date:
    """The last day of the ``cycle`` period containing ``day``: a report is due when its period
    ends (a month's report by the month's last day, a quarter's by 3月31日, 6月30日 …)."""
    if cycle == "weekly":
        return day + datetime.timedelta(days=6 - day.weekday())
    months = CYCLE_MONTHS[cycle]
    last_month = ((day.month - 1) // months + 1) * months
    return datetime.date(day.year, last_month, calendar.monthrange(day.year, last_month)[1])


def first_cycle_due(cycle: str, today: datetime.date) -> datetime.date:
    """The due date of the first report of an ongoing task confirmed on ``today``."""
    return period_end(cycle, today)


def next_due(schedule: dict[str, Any], previous: datetime.date) -> datetime.date:
    """The due date after ``previous`` of a recurring milestone: the same day next year for a
    yearly deadline (clipped to 2月28日), the next period's end for a report cycle."""
    if schedule.get("kind") == "yearly":
        return _yearly(int(schedule["month"]), int(schedule["day"]), previous.year + 1)
    cycle = schedule.get("cycle") or "monthly"
    return period_end(cycle, previous + datetime.timedelta(days=1))


def recurrence_label(schedule: dict[str, Any], due: datetime.date, base: str) -> str:
    """Which occurrence a milestone is: "2021年：每年1月31日前", "2026年第2季度进展报送".

    Stored data (the milestone's label, like the schedule's own text), not interface text."""
    if schedule.get("kind") == "yearly":
        return f"{due.year}年：{base}"
    cycle = schedule.get("cycle") or "monthly"
    if cycle == "weekly":
        return f"截至{due.isoformat()}的一周进展报送"
    if cycle == "monthly":
        return f"{due.year}年{due.month}月进展报送"
    if cycle == "quarterly":
        return f"{due.year}年第{(due.month - 1) // 3 + 1}季度进展报送"
    if cycle == "half_yearly":
        return f"{due.year}年{'上' if due.month <= 6 else '下'}半年进展报送"
    return f"{due.year}年度进展报送"


# -- status and lights --------------------------------------------------------------------------

NOT_STARTED, IN_PROGRESS, DONE, OVERDUE, ONGOING = "not_started", "in_progress", "done", "overdue", "ongoing"
GREEN, YELLOW, RED = "green", "yellow", "red"
WARN_DAYS = 7  # a due date this close (calendar days) turns an unfinished task yellow


def task_status(
    *,
    closed: bool,
    next_due: datetime.date | None,
    percent: int,
    ongoing: bool,
    today: datetime.date,
    only_reports: bool = False,
) -> str:
    """Closed (销号) → done; past its next open due date → overdue; ongoing work (持续开展) with no
    date, or whose only dates are its periodic reports (``only_reports``) → ongoing."""
    if closed:
        return DONE
    if next_due is not None and next_due < today:
        return OVERDUE
    if ongoing and (next_due is None or only_reports):
        return ONGOING
    return IN_PROGRESS if percent > 0 else NOT_STARTED


def light(
    *,
    status: str,
    next_due: datetime.date | None,
    percent: int,
    today: datetime.date,
    start: datetime.date | None = None,
) -> str:
    """Red: overdue. Yellow: due within ``WARN_DAYS`` and unfinished, or progress lagging the time
    elapsed since ``start`` by more than 30 points. Green otherwise (done, on track, no date)."""
    if status == DONE:
        return GREEN
    if status == OVERDUE:
        return RED
    if next_due is None:
        return GREEN
    if (next_due - today).days <= WARN_DAYS and percent < 100:
        return YELLOW
    if start is not None and start < next_due and start <= today:
        elapsed = (today - start).days / (next_due - start).days
        if elapsed * 100 - percent > 30:
            return YELLOW
    return GREEN


# -- escalation ---------------------------------------------------------------------------------

UPCOMING, URGE, ORDER, LEADER = "upcoming", "urge", "order", "leader"


def escalation_kinds(
    *, due: datetime.date, today: datetime.date, order_from: datetime.date, leader_from: datetime.date
) -> list[str]:
    """Steps due for a milestone past ``due``: 催办 from the first day overdue, a 督办单 once
    ``order_from`` has passed, the leader once ``leader_from`` has passed (dates from the calendar)."""
    if today <= due:
        return []
    kinds = [URGE]
    if today > order_from:
        kinds.append(ORDER)
    if today > leader_from:
        kinds.append(LEADER)
    return kinds


def should_remind(*, due: datetime.date, today: datetime.date, horizon: datetime.date) -> bool:
    """Remind while the due date lies between today and ``horizon`` (N working days ahead)."""
    return today <= due <= horizon


# -- workflow transitions -----------------------------------------------------------------------

REPORT_TRANSITIONS: dict[str, set[str]] = {
    "submitted": {"accepted", "returned"},
    "accepted": set(),
    "returned": set(),
}
REQUEST_TRANSITIONS: dict[str, set[str]] = {
    "pending": {"approved", "rejected"},
    "approved": set(),
    "rejected": set(),
}


def can_transition(table: dict[str, set[str]], current: str, target: str) -> bool:
    return target in table.get(current, set())


# -- unit matching ------------------------------------------------------------------------------

_GROUP_NAMES = {"各级税务机关", "工作专班成员", "全体成员", "各单位", "各部门"}
_GROUP = re.compile(
    r"^(各|其他|其余|相关|有关|全体|所属)|(相关部门|相关处室|相关科室|相关司局|专班成员|有关部门)$"
)


def is_group(name: str) -> bool:
    """A group marker ("其他相关部门", "各级税务机关", "工作专班成员"), not one unit."""
    return name in _GROUP_NAMES or bool(_GROUP.search(name))


def fuzzy_best(name: str, candidates: Iterable[str], threshold: float) -> str | None:
    """The one candidate most similar to ``name`` (difflib ratio ≥ ``threshold``); None on a tie."""
    scored = sorted(((difflib.SequenceMatcher(None, name, c).ratio(), c) for c in candidates), reverse=True)
    if not scored or scored[0][0] < threshold:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0] and scored[1][1] != scored[0][1]:
        return None
    return scored[0][1]
