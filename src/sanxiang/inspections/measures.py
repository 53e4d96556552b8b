"""What random inspections count for the evaluation (registered in the app's ``ready``)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.measures import (
    DrillRow,
    Figure,
    Level,
    LoopCheck,
    LoopItem,
    Measure,
    MeasureKind,
    Period,
    register_loop_check,
    register_measure,
)

from .choices import PlanStatus, TaskStatus
from .models import InspectionPlan, InspectionTask
from .selectors import plan_progress

SYSTEM = "inspections"


def _plans(period: Period) -> object:
    return InspectionPlan.objects.filter(year__gte=period.start.year, year__lte=period.end.year).exclude(
        status=PlanStatus.DRAFT
    )


def ratio_counts(period: Period, level: Level) -> dict[int, Figure]:
    """随机抽查比例达成率: the ratio groups of the year's plans whose draws met their aim (or kept
    within their limit)."""
    result: dict[int, Figure] = {}
    for plan in _plans(period):  # type: ignore[attr-defined]
        for row in plan_progress(plan):
            if not row.population:
                continue
            ok = row.status in ("met", "within")
            result[plan.authority_id] = result.get(plan.authority_id, Figure(0, 0)) + Figure(
                1 if ok else 0, 1
            )
    return result


def ratio_rows(period: Period, level: Level, key: int) -> Iterable[DrillRow]:
    for plan in _plans(period).filter(authority_id=key):  # type: ignore[attr-defined]
        for row in plan_progress(plan):
            if not row.population:
                continue
            ok = row.status in ("met", "within")
            yield DrillRow(
                label=f"{plan.title}：{row.group} 抽取 {row.drawn} / {row.population}（应 {row.expected}）",
                url=reverse("inspections:plan_detail", args=[plan.pk]),
                on=datetime.date(plan.year, 12, 31),
                state=str(_("达到规定比例") if ok else _("未达到规定比例")),
                counts_against=not ok,
            )


def _due_in(period: Period) -> object:
    return InspectionTask.objects.filter(
        publish_due_on__gte=period.start, publish_due_on__lte=period.cutoff
    ).select_related("authority")


def _published_on_time(task: InspectionTask) -> bool:
    due = task.publish_due_on
    return (
        due is not None
        and task.published_at is not None
        and timezone.localtime(task.published_at).date() <= due
    )


def published_counts(period: Period, level: Level) -> dict[int, Figure]:
    """抽查结果按时公开率: inspections whose publication limit fell in the period, published in time."""
    result: dict[int, Figure] = {}
    for task in _due_in(period):  # type: ignore[attr-defined]
        result[task.authority_id] = result.get(task.authority_id, Figure(0, 0)) + Figure(
            1 if _published_on_time(task) else 0, 1
        )
    return result


def published_rows(period: Period, level: Level, key: int) -> Iterable[DrillRow]:
    for task in _due_in(period).filter(authority_id=key).order_by("publish_due_on", "pk")[:500]:  # type: ignore[attr-defined]
        ok = _published_on_time(task)
        yield DrillRow(
            label=task.target_name,
            url=reverse("inspections:task_detail", args=[task.pk]),
            on=task.publish_due_on,
            state=str(_("已按时公开") if ok else _("未按时公开")),
            counts_against=not ok,
        )


def overdue_loop(today: datetime.date) -> Iterable[LoopItem]:
    overdue = InspectionTask.objects.filter(
        Q(status=TaskStatus.FINISHED), publish_due_on__lt=today, published_at__isnull=True
    )
    for task in overdue.order_by("publish_due_on", "pk"):
        yield LoopItem(
            key=f"inspections.task:{task.pk}",
            label=str(_("双随机抽查结果未按时公开：{name}")).format(name=task.target_name),
            url=reverse("inspections:task_detail", args=[task.pk]),
            authority_id=task.authority_id,
            due=task.publish_due_on,
        )


def register() -> None:
    register_measure(
        Measure(
            code="inspections.ratio_met",
            system=SYSTEM,
            label=_("达到规定比例的抽查名录数 / 年度计划的抽查名录数"),
            kind=MeasureKind.RATIO,
            compute=ratio_counts,
            drill=ratio_rows,
            levels=(Level.AUTHORITY,),
        )
    )
    register_measure(
        Measure(
            code="inspections.published_on_time",
            system=SYSTEM,
            label=_("按时公开结果的抽查任务数 / 公开期限届满的抽查任务数"),
            kind=MeasureKind.RATIO,
            compute=published_counts,
            drill=published_rows,
            levels=(Level.AUTHORITY,),
        )
    )
    register_loop_check(
        LoopCheck(
            code="inspections.unpublished",
            system=SYSTEM,
            label=_("抽查结果未按时公开"),
            description=_("检查结束后超过规定工作日仍未公开抽查结果。"),
            find=overdue_loop,
        )
    )
