"""Reminders before each milestone and escalation when overdue: 催办 → 督办单 → 报领导.

Run daily by the periodic job ``supervision.daily`` with ``today``; every step is idempotent
(a unique ``Reminder`` row per milestone and kind, a dedupe key per notification), so running
the job twice on a day, or after downtime, repeats nothing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from sanxiang.holidays.selectors import current_calendar
from sanxiang.notifications.services import notify
from sanxiang.org.models import User

from .. import rules
from ..choices import EventKind, PlanStatus, ReminderKind
from ..models import Milestone, Reminder, Task
from ._common import (
    acting_department_ids,
    authority_users_with_role,
    department_contacts,
    record_event,
    task_url,
)
from .progress import refresh_tasks
from .recurrence import milestones_roll, recurring_due_to_roll


def remind_days() -> int:
    """Working days before a milestone's due date to start reminding (read at call time)."""
    return int(settings.SANXIANG_SUPERVISION_REMIND_DAYS)


def order_after_days() -> int:
    """Working days overdue after which a 督办单 is issued."""
    return int(settings.SANXIANG_SUPERVISION_ORDER_AFTER_DAYS)


def leader_after_days() -> int:
    """Working days overdue after which the leader is told."""
    return int(settings.SANXIANG_SUPERVISION_LEADER_AFTER_DAYS)


@dataclass
class EscalationResult:
    reminded: int = 0
    urged: int = 0
    orders: int = 0
    leaders: int = 0
    refreshed: int = 0
    rolled: int = 0
    reminders: list[Reminder] = field(default_factory=list)


def _open_milestones():
    return Milestone.objects.filter(
        task__plan__status=PlanStatus.CONFIRMED,
        task__closed_at__isnull=True,
        done_at__isnull=True,
        provisional=False,
        deadline__isnull=False,
        deadline__closed_at__isnull=True,
    ).select_related("task__authority", "deadline", "task__owner_department")


def _claim(milestone: Milestone, kind: str, today: datetime.date, **fields: object) -> Reminder | None:
    """Insert the reminder row; None when it already exists (another run got there first)."""
    try:
        with transaction.atomic():
            return Reminder.objects.create(
                task=milestone.task, milestone=milestone, kind=kind, day=today, **fields
            )
    except IntegrityError:
        return None


@transaction.atomic
def reminders_send(*, today: datetime.date) -> EscalationResult:
    """Remind the assigned departments ``remind_days()`` working days before each due date."""
    result = EscalationResult()
    horizon = current_calendar().add_working_days(today, remind_days()).date
    for milestone in _open_milestones().filter(deadline__due__gte=today, deadline__due__lte=horizon):
        if not rules.should_remind(due=milestone.deadline.due, today=today, horizon=horizon):
            continue
        reminder = _claim(milestone, ReminderKind.UPCOMING, today)
        if reminder is None:
            continue
        task = milestone.task
        sent = notify(
            recipients=department_contacts(acting_department_ids(task)),
            title=_("到期提醒：%(task)s") % {"task": str(task)[:60]},
            body=_("节点“%(label)s”将于 %(due)s 到期，请按时完成并报送进展。")
            % {"label": milestone.label[:80], "due": milestone.deadline.due.isoformat()},
            url=task_url(task),
            category="supervision.reminder",
            dedupe_key=f"supervision.remind.{milestone.pk}.{today.isoformat()}",
        )
        reminder.recipient_count = len(sent)
        reminder.save(update_fields=["recipient_count"])
        record_event(
            task,
            EventKind.REMINDED,
            actor=None,
            comment=reminder.get_kind_display(),
            data={
                "milestone": milestone.pk,
                "kind": reminder.kind,
                "due": milestone.deadline.due.isoformat(),
            },
        )
        result.reminded += 1
        result.reminders.append(reminder)
    return result


def _order_number(task: Task, today: datetime.date) -> str:
    count = Reminder.objects.filter(
        kind=ReminderKind.ORDER, task__authority_id=task.authority_id, day__year=today.year
    ).count()
    return _("督〔%(year)d〕%(n)d号") % {"year": today.year, "n": count + 1}


@transaction.atomic
def escalation_run(*, today: datetime.date) -> EscalationResult:
    """Mark overdue tasks and escalate each overdue milestone one step at a time."""
    result = EscalationResult()
    calendar = current_calendar()
    overdue = list(_open_milestones().filter(deadline__due__lt=today))
    tasks = {m.task_id: m.task for m in overdue}
    result.refreshed = len(refresh_tasks(Task.objects.filter(pk__in=tasks), today=today))
    for milestone in overdue:
        due = milestone.deadline.due
        kinds = rules.escalation_kinds(
            due=due,
            today=today,
            order_from=calendar.add_working_days(due, order_after_days()).date,
            leader_from=calendar.add_working_days(due, leader_after_days()).date,
        )
        task = milestone.task
        for kind in kinds:
            reminder = _escalate(milestone, task, kind, today)
            if reminder is None:
                continue
            result.reminders.append(reminder)
            if kind == ReminderKind.URGE:
                result.urged += 1
            elif kind == ReminderKind.ORDER:
                result.orders += 1
            else:
                result.leaders += 1
    return result


def _escalate(milestone: Milestone, task: Task, kind: str, today: datetime.date) -> Reminder | None:
    assert milestone.deadline is not None  # only overdue milestones (deadline__due__lt) escalate
    due = milestone.deadline.due.isoformat()
    departments = acting_department_ids(task)
    if kind == ReminderKind.URGE:
        recipients: list[User] = department_contacts(departments)
        title = _("催办：%(task)s") % {"task": str(task)[:60]}
        text = _("节点“%(label)s”已于 %(due)s 到期，尚未完成，请抓紧办理并报送进展。") % {
            "label": milestone.label[:80],
            "due": due,
        }
        fields: dict[str, object] = {"text": text}
    elif kind == ReminderKind.ORDER:
        number = _order_number(task, today)
        recipients = department_contacts(departments) + authority_users_with_role(task, "supervisor")
        title = _("督办单 %(number)s：%(task)s") % {"number": number, "task": str(task)[:60]}
        text = _(
            "任务“%(task)s”的节点“%(label)s”已于 %(due)s 到期，经催办仍未完成。请于收到本督办单后3个工作日内书面报告办理情况及逾期原因。"
        ) % {
            "task": task.text[:200],
            "label": milestone.label[:80],
            "due": due,
        }
        fields = {"number": number, "text": text}
    else:
        recipients = authority_users_with_role(task, "leader")
        title = _("逾期任务报领导：%(task)s") % {"task": str(task)[:60]}
        text = _("节点“%(label)s”已于 %(due)s 到期，经催办和督办单督办仍未完成，请领导督促。") % {
            "label": milestone.label[:80],
            "due": due,
        }
        fields = {"text": text}
    reminder = _claim(milestone, kind, today, **fields)
    if reminder is None:
        return None
    sent = notify(
        recipients=recipients,
        title=title,
        body=text,
        url=task_url(task),
        category=f"supervision.{kind}",
        dedupe_key=f"supervision.{kind}.{milestone.pk}",
    )
    reminder.recipient_count = len(sent)
    reminder.save(update_fields=["recipient_count"])
    actions: dict[str, str] = {
        ReminderKind.URGE: "supervision.task.urged",
        ReminderKind.ORDER: "supervision.order.issued",
        ReminderKind.LEADER: "supervision.task.escalated",
    }
    action = actions[kind]
    record_event(
        task,
        EventKind.REMINDED,
        actor=None,
        comment=title,
        data={"milestone": milestone.pk, "kind": kind, "due": due, "number": reminder.number},
        action=action,
        after={"kind": kind, "number": reminder.number, "recipients": len(sent)},
    )
    return reminder


def supervision_daily(*, today: datetime.date) -> EscalationResult:
    """The daily job: next occurrences of done recurring milestones, then refresh every open
    task's status and light, remind, escalate."""
    with transaction.atomic():
        result_rolled = len(milestones_roll(milestones=recurring_due_to_roll(today=today), today=today))
        open_tasks = Task.objects.filter(plan__status=PlanStatus.CONFIRMED, closed_at__isnull=True)
        refreshed = len(refresh_tasks(open_tasks, today=today))
    reminded = reminders_send(today=today)
    result = escalation_run(today=today)
    result.reminded = reminded.reminded
    result.reminders = reminded.reminders + result.reminders
    result.refreshed += refreshed
    result.rolled = result_rolled
    return result
