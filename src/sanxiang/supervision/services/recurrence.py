"""Recurring milestones: yearly deadlines (每年1月31日前) and the periodic reports of ongoing work.

A recurring milestone has one open occurrence at a time. When it is done (an accepted report
for it) the next occurrence is created at once; the daily job creates any that are still
missing once a done occurrence's date has passed. Each successor names its predecessor in
``schedule["follows"]``, which makes both paths idempotent.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

from django.db import transaction

from sanxiang.audit.services import audit_log_many
from sanxiang.holidays.services import deadline_set_many

from .. import rules
from ..choices import EventKind, PlanStatus
from ..models import Milestone, TaskEvent
from ._common import MILESTONE_PURPOSE, iso

if TYPE_CHECKING:
    from sanxiang.org.models import User


def cycle_report_milestones(milestones: Iterable[Milestone], *, today: datetime.date) -> list[Milestone]:
    """Unsaved first report milestones of the ongoing steps that name a cycle (每月/每季度报送),
    due at the end of the period containing ``today`` (the day the plan is confirmed)."""
    rows: list[Milestone] = []
    for milestone in milestones:
        schedule = milestone.schedule or {}
        cycle = schedule.get("cycle")
        if schedule.get("kind") != "ongoing" or cycle not in rules.CYCLES:
            continue
        due = rules.first_cycle_due(cycle, today)
        report = {"kind": "cycle_report", "cycle": cycle, "of": milestone.pk}
        rows.append(
            Milestone(
                task_id=milestone.task_id,
                position=milestone.position + 1,
                label=rules.recurrence_label(report, due, milestone.label)[:300],
                schedule=report,
                planned_date=due,
                owner_department_id=milestone.owner_department_id,
            )
        )
    return rows


def _successor(milestone: Milestone) -> Milestone:
    schedule = {key: value for key, value in (milestone.schedule or {}).items() if key != "follows"}
    # From the planned date (the period's end), not the calendar's due date, which a holiday
    # may have pushed into the next period (2020-01-31 fell in the Spring Festival: due 02-03).
    due = rules.next_due(schedule, milestone.planned_date or milestone.due)
    base = schedule.get("text") or _base_label(milestone)
    return Milestone(
        task_id=milestone.task_id,
        position=milestone.position + 1,
        label=rules.recurrence_label(schedule, due, base)[:300],
        schedule={**schedule, "follows": milestone.pk, "text": base},
        planned_date=due,
        owner_department_id=milestone.owner_department_id,
        level_note=milestone.level_note,
    )


def _base_label(milestone: Milestone) -> str:
    """The label without an earlier occurrence's "2020年：" prefix."""
    label = milestone.label
    head, sep, rest = label.partition("年：")
    return rest if sep and head.isdigit() else label


@transaction.atomic
def milestones_roll(
    *, milestones: Iterable[Milestone], today: datetime.date, actor: User | None = None
) -> list[Milestone]:
    """Create the next occurrence of each done recurring milestone that has none yet.

    Skips closed tasks (销号 ends the recurrence), unconfirmed plans and milestones without a
    date. The successors get calendar deadlines (``deadline_set_many``), a history row on the
    task and one audit event each.
    """
    candidates = [
        m
        for m in milestones
        if m.done_at is not None
        and rules.is_recurring(m.schedule)
        and m.due is not None
        and m.task.closed_at is None
        and m.task.plan.status == PlanStatus.CONFIRMED
    ]
    if not candidates:
        return []
    followed = set(
        Milestone.objects.filter(
            task_id__in={m.task_id for m in candidates}, schedule__follows__isnull=False
        ).values_list("schedule__follows", flat=True)
    )
    fresh = [_successor(m) for m in candidates if m.pk not in followed]
    if not fresh:
        return []
    Milestone.objects.bulk_create(fresh)
    by_label: dict[str, list[Milestone]] = {}
    for milestone in fresh:
        by_label.setdefault(milestone.label[:200], []).append(milestone)
    for label, group in by_label.items():
        deadlines = deadline_set_many(
            owners=group,
            purpose=MILESTONE_PURPOSE,
            label=label,
            rows=[(cast(datetime.date, m.planned_date), None, 0) for m in group],  # rolled: dated
            actor=actor,
        )
        for milestone, deadline in zip(group, deadlines, strict=True):
            milestone.deadline = deadline
    Milestone.objects.bulk_update(fresh, ["deadline"])
    tasks = {m.task_id: m.task for m in candidates}
    TaskEvent.objects.bulk_create(
        [
            TaskEvent(
                task_id=m.task_id,
                kind=EventKind.ROLLED,
                actor=actor if getattr(actor, "pk", None) else None,
                comment=m.label,
                data={
                    "milestone": m.pk,
                    "follows": (m.schedule or {})["follows"],
                    "due": iso(m.planned_date),
                },
            )
            for m in fresh
        ]
    )
    audit_log_many(
        actor=actor,
        events=[
            {
                "action": "supervision.milestone.rolled",
                "target": tasks[m.task_id],
                "after": {"milestone": m.pk, "label": m.label, "due": iso(m.planned_date)},
                "data": {"follows": (m.schedule or {})["follows"], "today": iso(today)},
            }
            for m in fresh
        ],
    )
    return fresh


def recurring_due_to_roll(*, today: datetime.date) -> list[Milestone]:
    """Done recurring occurrences whose date has passed (the daily job's catch-up)."""
    return list(
        Milestone.objects.filter(
            done_at__isnull=False,
            deadline__due__lt=today,
            task__closed_at__isnull=True,
            task__plan__status=PlanStatus.CONFIRMED,
            schedule__kind__in=["yearly", "cycle_report"],
        ).select_related("deadline", "task__plan")
    )


__all__ = ["cycle_report_milestones", "milestones_roll", "recurring_due_to_roll"]
