"""What task supervision counts for the evaluation (registered in ``SupervisionConfig.ready``)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.measures import DrillRow, Figure, Level, Measure, MeasureKind, Period, register_measure

from .choices import TaskStatus
from .models import Milestone

SYSTEM = "supervision"
_KEYS = {
    Level.AUTHORITY: "task__authority_id",
    Level.DEPARTMENT: "department_key",
}


def _milestones(period: Period) -> object:
    return (
        Milestone.objects.annotate(
            due_on=Coalesce("deadline__due", "planned_date"),
            department_key=Coalesce("owner_department_id", "task__owner_department_id"),
        )
        .filter(due_on__gte=period.start, due_on__lte=period.cutoff)
        .exclude(task__status=TaskStatus.ONGOING)
    )


def on_time_counts(period: Period, level: Level) -> dict[int, Figure]:
    """任务按时完成率: milestones due in the period (up to its cutoff) done by their due date."""
    key = _KEYS[level]
    rows = (
        _milestones(period)
        .values(key)  # type: ignore[attr-defined]
        .annotate(
            due=Count("pk"),
            on_time=Count("pk", filter=Q(done_at__isnull=False, done_at__date__lte=F("due_on"))),
        )
    )
    return {r[key]: Figure(r["on_time"], r["due"]) for r in rows if r[key] is not None}


def overdue_counts(period: Period, level: Level) -> dict[int, Figure]:
    """逾期任务数: milestones due in the period still open after their due date at the cutoff."""
    key = _KEYS[level]
    rows = (
        _milestones(period)
        .filter(Q(done_at__isnull=True) | Q(done_at__date__gt=F("due_on")))  # type: ignore[attr-defined]
        .filter(due_on__lt=period.cutoff)
        .values(key)
        .annotate(n=Count("task_id", distinct=True))
    )
    return {r[key]: Figure(r["n"], 1) for r in rows if r[key] is not None}


def _rows(period: Period, level: Level, key: int, *, overdue_only: bool) -> Iterable[DrillRow]:
    milestones = _milestones(period).filter(**{_KEYS[level]: key}).select_related("task")  # type: ignore[attr-defined]
    for m in milestones.order_by("due_on", "pk")[:500]:
        late = (
            m.done_at is None
            and m.due_on < period.cutoff
            or (m.done_at is not None and m.done_at.date() > m.due_on)
        )
        if overdue_only and not late:
            continue
        yield DrillRow(
            label=f"{m.task.seq} {m.task.text[:60]}：{m.label[:40]}",
            url=reverse("supervision:task_detail", args=[m.task_id]),
            on=m.due_on,
            state=str(_("已完成") if m.done_at else _("未完成")),
            counts_against=late,
        )


def on_time_rows(period: Period, level: Level, key: int) -> Iterable[DrillRow]:
    return _rows(period, level, key, overdue_only=False)


def overdue_rows(period: Period, level: Level, key: int) -> Iterable[DrillRow]:
    return _rows(period, level, key, overdue_only=True)


def register() -> None:
    levels = (Level.AUTHORITY, Level.DEPARTMENT)
    register_measure(
        Measure(
            code="supervision.on_time",
            system=SYSTEM,
            label=_("按时完成的任务节点数 / 到期节点数"),
            kind=MeasureKind.RATIO,
            compute=on_time_counts,
            drill=on_time_rows,
            levels=levels,
        )
    )
    register_measure(
        Measure(
            code="supervision.overdue",
            system=SYSTEM,
            label=_("逾期未完成的任务数"),
            kind=MeasureKind.COUNT,
            compute=overdue_counts,
            drill=overdue_rows,
            levels=levels,
            unit=_("项"),
        )
    )
