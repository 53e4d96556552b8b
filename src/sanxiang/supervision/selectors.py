"""Reads of task supervision, always scoped to the actor (out of scope → 404, audited)."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from sanxiang.kernel.access import get_visible_or_404
from sanxiang.kernel.exceptions import ScopeViolation
from sanxiang.kernel.modules import Todo

from .choices import Light, MatchKind, PlanStatus, ReportStatus, RequestStatus, TaskStatus
from .models import CloseoutRequest, ExtensionRequest, Milestone, ProgressReport, Task, TaskPlan, TaskUnit
from .roles import can_decide, can_manage

if TYPE_CHECKING:
    from sanxiang.org.models import User


def _plans_seen_through_tasks(actor: User) -> QuerySet[TaskPlan]:
    """Plans outside the actor's scope of which the actor may see at least one confirmed task.

    A liaison or department-scope officer sees the tasks of the department (and the tasks granted
    to it) but not the plan, which belongs to the authority: the plan page is shown read-only
    with only those tasks. A draft stays with its supervisors.
    """
    tasks = Task.objects.visible_to(actor).filter(plan__status=PlanStatus.CONFIRMED)
    return TaskPlan.objects.filter(pk__in=tasks.values("plan_id"))


def plan_list(*, actor: User) -> QuerySet[TaskPlan]:
    """Plans in the actor's scope, and confirmed plans with at least one task the actor may see."""
    scoped = TaskPlan.objects.visible_to(actor).values("pk")
    through_tasks = _plans_seen_through_tasks(actor).values("pk")
    return TaskPlan.objects.filter(Q(pk__in=scoped) | Q(pk__in=through_tasks)).select_related(
        "authority", "imported_by"
    )


READ_ACTIONS = ("view", "export")


def plan_get(*, actor: User, pk: Any, action: str = "view") -> TaskPlan:
    """One plan; reading (``view``, ``export``) also through a visible task, any other action
    only within the actor's scope. Out of reach: ``ScopeViolation`` (404, audited)."""
    if action not in READ_ACTIONS:
        return get_visible_or_404(TaskPlan.objects.select_related("authority"), actor, action=action, pk=pk)
    plan = plan_list(actor=actor).filter(pk=pk).first()
    if plan is not None:
        return plan
    if TaskPlan.objects.filter(pk=pk).exists():
        raise ScopeViolation(model_label=TaskPlan._meta.label, object_ref=f"pk={pk}", action=action)
    raise Http404


def plan_in_scope(*, actor: User, plan: TaskPlan) -> bool:
    """Whether the whole plan lies in the actor's scope (else the page shows only the actor's tasks)."""
    return TaskPlan.objects.visible_to(actor).filter(pk=plan.pk).exists()


def task_list(
    *, actor: User, plan: TaskPlan | None = None, status: str | None = None, department: int | None = None
) -> QuerySet[Task]:
    qs = Task.objects.visible_to(actor).select_related("plan", "owner_department", "authority")
    if plan is not None:
        qs = qs.filter(plan=plan)
    if status:
        qs = qs.filter(status=status)
    if department:
        qs = qs.filter(owner_department_id=department)
    return qs.prefetch_related(
        # A city plan's units may be the district bureaus' departments: the page names the bureau.
        Prefetch("units", queryset=TaskUnit.objects.select_related("department__authority")),
        Prefetch("milestones", queryset=Milestone.objects.select_related("deadline")),
    )


def task_get(*, actor: User, pk: Any, action: str = "view") -> Task:
    return get_visible_or_404(
        Task.objects.select_related("plan__authority", "owner_department", "authority"),
        actor,
        action=action,
        pk=pk,
    )


def _child_of_visible_task(model: Any, actor: User, pk: Any, action: str) -> Any:
    obj = model.objects.select_related("task").filter(pk=pk).first()
    if obj is None:
        raise Http404
    if not Task.objects.visible_to(actor).filter(pk=obj.task_id).exists():
        raise ScopeViolation(model_label=model._meta.label, object_ref=f"pk={pk}", action=action)
    return obj


def milestone_get(*, actor: User, pk: Any, action: str = "view") -> Milestone:
    return _child_of_visible_task(Milestone, actor, pk, action)


def report_get(*, actor: User, pk: Any, action: str = "view") -> ProgressReport:
    return _child_of_visible_task(ProgressReport, actor, pk, action)


def extension_get(*, actor: User, pk: Any, action: str = "view") -> ExtensionRequest:
    return _child_of_visible_task(ExtensionRequest, actor, pk, action)


def closeout_get(*, actor: User, pk: Any, action: str = "view") -> CloseoutRequest:
    return _child_of_visible_task(CloseoutRequest, actor, pk, action)


# -- plan pages ---------------------------------------------------------------------------------


def task_due(task: Task) -> datetime.date | None:
    """The last binding due date of a task (its milestones' calendar deadlines or planned dates)."""
    dues = [m.due for m in task.milestones.all() if not m.provisional and m.due]
    return max(dues) if dues else None


def task_doubts(task: Task) -> list[str]:
    """What the preview highlights for a person: parser doubts, unmatched units, unparsed schedules."""
    doubts = list(task.doubts)
    unmatched = list(dict.fromkeys(u.name for u in task.units.all() if u.match_kind == MatchKind.UNMATCHED))
    if unmatched:
        doubts.append(_("未匹配单位：%(names)s") % {"names": "、".join(unmatched)})
    if not task.units.all():
        doubts.append(_("没有责任单位"))
    schedule = task.schedule or {}
    kinds = [schedule.get("kind")] + [i.get("kind") for i in schedule.get("items", [])]
    if not schedule:
        doubts.append(_("没有完成时限"))
    elif "unparsed" in kinds and not any(d.startswith("完成时限“") for d in doubts):
        doubts.append(_("完成时限未能解析，请人工确定"))
    if any(m.awaits_event for m in task.milestones.all()):
        doubts.append(_("时限自事件起算（日期未知），下达后需登记事件日期"))
    if any(m.provisional for m in task.milestones.all()):
        doubts.append(_("正文中有日期，建议设为节点，请确认"))
    return list(dict.fromkeys(doubts))  # the parser and this list may say the same thing


_NOTE_LABEL = re.compile(r"^\s*(备注|注|说明)\s*[:：]\s*")


def plan_notes(plan: TaskPlan) -> list[str]:
    """The plan's notes without their own "备注：" label (the page prints it once)."""
    notes = [_NOTE_LABEL.sub("", note).strip() for note in plan.notes]
    return list(dict.fromkeys(note for note in notes if note))


@dataclass
class DepartmentRow:
    name: str
    statuses: Counter = field(default_factory=Counter)
    lights: Counter = field(default_factory=Counter)
    total: int = 0

    @property
    def counts(self) -> list[int]:
        """Task counts in ``TaskStatus`` order (templates cannot index a Counter by variable)."""
        return [self.statuses.get(value, 0) for value, _label in TaskStatus.choices]

    @property
    def red(self) -> int:
        return self.lights.get(Light.RED, 0)


def plan_overview(*, tasks: Iterable[Task]) -> dict[str, Any]:
    """Counts by owner department and status, with the lights (the plan overview)."""
    rows: dict[str, DepartmentRow] = {}
    totals: Counter = Counter()
    lights: Counter = Counter()
    for task in tasks:
        name = task.owner_department.name if task.owner_department is not None else _("待明确牵头部门")
        row = rows.setdefault(name, DepartmentRow(name=name))
        row.statuses[task.status] += 1
        row.lights[task.light] += 1
        row.total += 1
        totals[task.status] += 1
        lights[task.light] += 1
    return {
        "rows": sorted(rows.values(), key=lambda r: (-r.lights[Light.RED], r.name)),
        "totals": totals,
        "lights": lights,
        "statuses": TaskStatus.choices,
    }


@dataclass
class TimelineBar:
    task: Task
    due: datetime.date
    x: float
    width: float


def plan_timeline(*, tasks: Iterable[Task], today: datetime.date) -> dict[str, Any]:
    """Bars from the plan's first date to each task's due date, in percent of the whole span."""
    dated = [(task, due) for task in tasks if (due := task_due(task)) is not None]
    if not dated:
        return {"bars": [], "undated": True}
    start = min([d for _t, d in dated] + [today]) - datetime.timedelta(days=30)
    end = max([d for _t, d in dated] + [today]) + datetime.timedelta(days=15)
    span = max((end - start).days, 1)
    bars = [
        TimelineBar(task=t, due=d, x=0.0, width=round((d - start).days * 100 / span, 2))
        for t, d in sorted(dated, key=lambda p: p[1])
    ]
    return {
        "bars": bars,
        "start": start,
        "end": end,
        "today_x": round((today - start).days * 100 / span, 2),
        "undated": len(dated) < len(list(tasks)) if isinstance(tasks, list) else False,
    }


def task_history(*, task: Task) -> dict[str, Any]:
    return {
        "events": list(task.events.select_related("actor")),
        "reports": list(
            task.reports.select_related(
                "reporter", "department", "reviewed_by", "milestone"
            ).prefetch_related("evidence")
        ),
        "reminders": list(task.reminders.select_related("milestone")),
        "extensions": list(
            task.extensions.select_related("requested_by", "decided_by", "milestone__deadline")
        ),
        "closeouts": list(task.closeouts.select_related("requested_by", "decided_by")),
        "milestones": list(task.milestones.select_related("deadline", "owner_department")),
        "units": list(task.units.select_related("department", "external_unit")),
    }


# -- home page to-dos ---------------------------------------------------------------------------


def todos_for(user: Any, today: datetime.date) -> list[Todo]:
    """Overdue and soon-due tasks of the user's department, reports to review, requests to decide."""
    if not getattr(user, "is_authenticated", False):
        return []
    todos: list[Todo] = []
    if user.department_id:
        mine = (
            Task.objects.visible_to(user)
            .filter(plan__status=PlanStatus.CONFIRMED, closed_at__isnull=True)
            .filter(Q(owner_department_id=user.department_id) | Q(units__department_id=user.department_id))
            .filter(status=TaskStatus.OVERDUE)
            .distinct()[:20]
        )
        for task in mine:
            todos.append(
                Todo(
                    label=_("逾期督办任务：%(task)s") % {"task": str(task)[:40]},
                    url=reverse("supervision:task_detail", args=[task.pk]),
                    module="supervision",
                    overdue=True,
                )
            )
        reviews = ProgressReport.objects.filter(
            status=ReportStatus.SUBMITTED, task__owner_department_id=user.department_id
        ).exclude(reporter=user)[:20]
        for report in reviews.select_related("task"):
            todos.append(
                Todo(
                    label=_("待审核进展：%(task)s") % {"task": str(report.task)[:40]},
                    url=reverse("supervision:task_detail", args=[report.task_id]),
                    module="supervision",
                )
            )
    if user.authority_id and (can_decide(user, user.authority) or can_manage(user, user.authority)):
        pending = (
            ExtensionRequest.objects.filter(
                status=RequestStatus.PENDING, task__authority_id=user.authority_id
            ).count()
            + CloseoutRequest.objects.filter(
                status=RequestStatus.PENDING, task__authority_id=user.authority_id
            ).count()
        )
        if pending:
            todos.append(
                Todo(
                    label=_("待审批的延期和销号申请 %(n)d 件") % {"n": pending},
                    url=reverse("supervision:plan_list"),
                    module="supervision",
                )
            )
    return todos
