"""Progress reports with evidence, recorded events, extensions and close-out (销号)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_log_many
from sanxiang.files.services import file_store_from_upload
from sanxiang.holidays.services import deadline_close, deadline_set
from sanxiang.kernel.exceptions import InvalidTransition, PermissionDeniedError, ValidationFailed
from sanxiang.notifications.services import notify, notify_users_with_role
from sanxiang.org.models import User
from sanxiang.org.services import access_grant_create

from .. import rules
from ..choices import EventKind, PlanStatus, ReportStatus, RequestStatus
from ..models import CloseoutRequest, ExtensionRequest, Milestone, ProgressReport, Task, TaskEvent
from ..roles import can_decide, can_manage, can_request_closeout, can_review_report
from ._common import (
    MILESTONE_PURPOSE,
    acting_department_ids,
    department_contacts,
    iso,
    record_event,
    task_url,
)
from .recurrence import milestones_roll

# -- status -------------------------------------------------------------------------------------


def _next_due(task: Task) -> tuple[datetime.date | None, bool, bool]:
    """The earliest open binding due date, whether any step is ongoing (持续开展), and whether
    every open date is a periodic report of that ongoing work."""
    dues: list[datetime.date] = []
    ongoing = False
    only_reports = True
    for milestone in task.milestones.all():
        if milestone.done_at is not None or milestone.provisional:
            continue
        kind = (milestone.schedule or {}).get("kind")
        if milestone.deadline is not None and milestone.deadline.closed_at is None:
            dues.append(milestone.deadline.due)
            only_reports = only_reports and kind == "cycle_report"
        elif kind == "ongoing":
            ongoing = True
    return (min(dues) if dues else None), ongoing, only_reports


def refresh_tasks(
    tasks: QuerySet[Task] | Iterable[Task],
    *,
    today: datetime.date,
    actor: User | None = None,
    record: bool = True,
) -> list[Task]:
    """Recompute status and light; with ``record`` a status change gets a history row and an audit entry.

    Written in bulk (one UPDATE per 500 tasks, one audit append) because the daily job refreshes
    every open task of every plan."""
    if isinstance(tasks, QuerySet):
        tasks = tasks.prefetch_related("milestones__deadline")
    changed: list[Task] = []
    befores: list[dict[str, str]] = []
    for task in tasks:
        next_due, ongoing, only_reports = _next_due(task)
        status = rules.task_status(
            closed=task.closed_at is not None,
            next_due=next_due,
            percent=task.percent,
            ongoing=ongoing,
            today=today,
            only_reports=only_reports,
        )
        light = rules.light(status=status, next_due=next_due, percent=task.percent, today=today)
        if status == task.status and light == task.light:
            continue
        befores.append({"status": task.status, "light": task.light})
        task.status, task.light = status, light
        changed.append(task)
    Task.objects.bulk_update(changed, ["status", "light"], batch_size=500)
    if record:
        moved = [(t, b) for t, b in zip(changed, befores, strict=True) if b["status"] != t.status]
        TaskEvent.objects.bulk_create(
            [
                TaskEvent(
                    task=task,
                    kind=EventKind.STATUS,
                    actor=actor if getattr(actor, "pk", None) else None,
                    comment=task.get_status_display(),
                )
                for task, _before in moved
            ]
        )
        audit_log_many(
            actor=actor,
            events=[
                {
                    "action": "supervision.task.status_changed",
                    "target": task,
                    "before": before,
                    "after": {"status": task.status, "light": task.light},
                }
                for task, before in moved
            ],
        )
    return changed


def task_refresh(*, task: Task, today: datetime.date, actor: User | None = None) -> Task:
    refresh_tasks(Task.objects.filter(pk=task.pk), today=today, actor=actor)
    return Task.objects.get(pk=task.pk)


def _locked(task: Task) -> Task:
    task = (
        Task.objects.select_for_update(of=("self",))
        .select_related("plan", "authority", "owner_department")
        .get(pk=task.pk)
    )
    if task.plan.status != PlanStatus.CONFIRMED:
        raise InvalidTransition(_("计划尚未确认，任务还不能办理。"))
    return task


def _may_act(actor: User, task: Task) -> bool:
    return actor.department_id in acting_department_ids(task) or can_manage(actor, task.authority)


# -- progress reports ---------------------------------------------------------------------------


@transaction.atomic
def progress_report_create(
    *,
    actor: User,
    task: Task,
    text: str,
    percent: int,
    milestone: Milestone | None = None,
    uploads: Iterable[UploadedFile] = (),
    today: datetime.date,
) -> ProgressReport:
    """Report progress with evidence 佐证材料, by an assigned department (or its liaison)."""
    task = _locked(task)
    if not _may_act(actor, task):
        raise PermissionDeniedError(_("只有承办部门或其联络员可以报送进展。"))
    if task.closed_at is not None:
        raise InvalidTransition(_("任务已销号。"))
    text = (text or "").strip()
    if not text:
        raise ValidationFailed(_("请填写进展情况。"), extra={"field": "text"})
    if isinstance(percent, bool) or not 0 <= int(percent) <= 100:
        raise ValidationFailed(_("完成进度须在 0 至 100 之间。"), extra={"field": "percent"})
    if milestone is not None and milestone.task_id != task.pk:
        raise ValidationFailed(_("节点不属于该任务。"), extra={"field": "milestone"})
    report = ProgressReport.objects.create(
        task=task,
        milestone=milestone,
        reporter=actor,
        department=actor.department,
        text=text,
        percent=int(percent),
    )
    files = []
    for upload in uploads:
        stored = file_store_from_upload(
            actor=actor,
            upload=upload,
            authority=actor.authority or task.authority,
            owner=report,
            purpose="supervision.evidence",
        )
        files.append(stored)
        if task.owner_department_id and task.owner_department_id != actor.department_id:
            # The lead department reviews the evidence, wherever the reporter's scope lies.
            access_grant_create(
                actor=actor, target=stored, department=task.owner_department, reason=_("督办任务佐证材料审核")
            )
    report.evidence.set(files)
    record_event(
        task,
        EventKind.REPORTED,
        actor=actor,
        comment=text[:200],
        data={"report": report.pk, "percent": report.percent, "files": [f.original_name for f in files]},
        action="supervision.progress_report.submitted",
        after={"percent": report.percent, "evidence": [f.sha256 for f in files]},
    )
    if task.owner_department_id:
        notify(
            recipients=department_contacts([task.owner_department_id]),
            title=_("待审核进展：%(task)s") % {"task": str(task)[:60]},
            url=task_url(task),
            category="supervision.report_submitted",
            dedupe_key=f"supervision.report.{report.pk}",
            actor=actor,
        )
    return report


@transaction.atomic
def progress_report_review(
    *,
    actor: User,
    report: ProgressReport,
    accept: bool,
    comment: str = "",
    today: datetime.date,
) -> ProgressReport:
    """The lead department accepts (progress counts) or returns (with a comment) a report."""
    task = _locked(report.task)
    report = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if report.reporter_id == actor.pk:
        raise PermissionDeniedError(_("不能审核本人报送的进展。"))
    if not can_review_report(actor, task, report):
        raise PermissionDeniedError(_("只有牵头部门可以审核进展。"))
    target = ReportStatus.ACCEPTED if accept else ReportStatus.RETURNED
    if not rules.can_transition(rules.REPORT_TRANSITIONS, report.status, target):
        raise InvalidTransition(_("该进展已审核。"))
    if not accept and not comment.strip():
        raise ValidationFailed(_("退回时请填写意见。"), extra={"field": "comment"})
    report.status = target
    report.reviewed_by = actor
    report.reviewed_at = timezone.now()
    report.comment = comment.strip()
    report.save(update_fields=["status", "reviewed_by", "reviewed_at", "comment"])
    if accept:
        task.percent = max(task.percent, report.percent)
        task.save(update_fields=["percent"])
        milestone = report.milestone
        # A periodic report (每月/每季度报送) is done once accepted; any other step at 100 %.
        is_report = milestone is not None and (milestone.schedule or {}).get("kind") == "cycle_report"
        if milestone is not None and milestone.done_at is None and (report.percent == 100 or is_report):
            milestone.done_at = timezone.now()
            milestone.save(update_fields=["done_at"])
            deadline_close(owner=milestone, purpose=MILESTONE_PURPOSE, actor=actor)
            milestone.task = task
            milestones_roll(milestones=[milestone], today=today, actor=actor)
    record_event(
        task,
        EventKind.REPORT_ACCEPTED if accept else EventKind.REPORT_RETURNED,
        actor=actor,
        comment=report.comment,
        data={"report": report.pk},
        action="supervision.progress_report." + ("accepted" if accept else "returned"),
        before={"status": ReportStatus.SUBMITTED},
        after={"status": target, "task_percent": task.percent},
    )
    notify(
        recipients=[report.reporter],
        title=(_("进展已采纳：%(task)s") if accept else _("进展被退回：%(task)s")) % {"task": str(task)[:60]},
        body=report.comment,
        url=task_url(task),
        category="supervision.report_reviewed",
        actor=actor,
    )
    refresh_tasks([task], today=today, actor=actor)
    return report


# -- events of unknown date ---------------------------------------------------------------------


@transaction.atomic
def milestone_record_event(
    *,
    actor: User,
    milestone: Milestone,
    event_date: datetime.date,
    due_date: datetime.date | None = None,
    today: datetime.date,
) -> Milestone:
    """Record the day the awaited event happened ("实施方案印发"); the clock starts from it.

    A span counts on the working-day calendar; a superior's deployment (按税务总局部署) has no
    span, so ``due_date`` is required for it.
    """
    task = _locked(milestone.task)
    milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
    if not _may_act(actor, task):
        raise PermissionDeniedError(_("只有承办部门或督办员可以登记起算事件。"))
    if not milestone.awaits_event:
        raise InvalidTransition(_("该节点不需要登记起算事件。"))
    schedule = milestone.schedule or {}
    if due_date is not None:
        start, unit, n = due_date, "days", 0
    elif schedule.get("kind") == "after_event":
        start, unit, n = rules.after_event_span(schedule, event_date)
    else:
        raise ValidationFailed(_("请填写完成日期。"), extra={"field": "due_date"})
    milestone.deadline = deadline_set(
        owner=milestone,
        purpose=MILESTONE_PURPOSE,
        label=milestone.label[:200],
        start=start,
        working_days=n if unit == "working_days" else None,
        days=n if unit != "working_days" else None,
        actor=actor,
    )
    milestone.event_date = event_date
    milestone.awaits_event = False
    milestone.planned_date = milestone.deadline.due
    milestone.save(update_fields=["deadline", "event_date", "awaits_event", "planned_date"])
    record_event(
        task,
        EventKind.EVENT_RECORDED,
        actor=actor,
        comment=milestone.event_label,
        data={"milestone": milestone.pk, "event_date": iso(event_date), "due": iso(milestone.deadline.due)},
        action="supervision.milestone.event_recorded",
        after={"event_date": iso(event_date), "due": iso(milestone.deadline.due)},
    )
    refresh_tasks([task], today=today, actor=actor)
    return milestone


# -- extensions ---------------------------------------------------------------------------------


@transaction.atomic
def extension_request(
    *, actor: User, milestone: Milestone, new_date: datetime.date, reason: str
) -> ExtensionRequest:
    """Ask to move a milestone's due date; a supervisor or leader decides."""
    task = _locked(milestone.task)
    if not _may_act(actor, task):
        raise PermissionDeniedError(_("只有承办部门可以申请延期。"))
    if milestone.deadline is None:
        raise InvalidTransition(_("该节点尚无完成时限，无需延期。"))
    if new_date <= milestone.deadline.due:
        raise ValidationFailed(_("延期后的日期须晚于原时限。"), extra={"field": "new_date"})
    if not reason.strip():
        raise ValidationFailed(_("请填写延期理由。"), extra={"field": "reason"})
    if milestone.extensions.filter(status=RequestStatus.PENDING).exists():
        raise InvalidTransition(_("该节点已有待审批的延期申请。"))
    request = ExtensionRequest.objects.create(
        task=task, milestone=milestone, requested_by=actor, reason=reason.strip(), new_date=new_date
    )
    record_event(
        task,
        EventKind.EXTENSION_REQUESTED,
        actor=actor,
        comment=request.reason,
        data={"extension": request.pk, "from": iso(milestone.deadline.due), "to": iso(new_date)},
        action="supervision.extension.requested",
        after={"new_date": iso(new_date)},
    )
    notify_users_with_role(
        authority=task.authority,
        roles=["supervisor"],
        title=_("延期申请待审批：%(task)s") % {"task": str(task)[:60]},
        url=task_url(task),
        category="supervision.extension_requested",
        dedupe_key=f"supervision.extension.{request.pk}",
        actor=actor,
    )
    return request


@transaction.atomic
def extension_decide(
    *,
    actor: User,
    extension: ExtensionRequest,
    approve: bool,
    comment: str = "",
    today: datetime.date,
) -> ExtensionRequest:
    extension = ExtensionRequest.objects.select_for_update().select_related("milestone").get(pk=extension.pk)
    task = _locked(extension.task)
    if not can_decide(actor, task.authority):
        raise PermissionDeniedError(_("只有督办员或局领导可以审批延期。"))
    target = RequestStatus.APPROVED if approve else RequestStatus.REJECTED
    if not rules.can_transition(rules.REQUEST_TRANSITIONS, extension.status, target):
        raise InvalidTransition(_("该申请已审批。"))
    extension.status, extension.decided_by, extension.decided_at = target, actor, timezone.now()
    extension.comment = comment.strip()
    extension.save(update_fields=["status", "decided_by", "decided_at", "comment"])
    milestone = extension.milestone
    old_due = milestone.deadline.due if milestone.deadline is not None else None
    if approve:
        milestone.deadline = deadline_set(
            owner=milestone,
            purpose=MILESTONE_PURPOSE,
            label=milestone.label[:200],
            start=extension.new_date,
            days=0,
            actor=actor,
        )
        milestone.planned_date = extension.new_date
        milestone.save(update_fields=["deadline", "planned_date"])
    record_event(
        task,
        EventKind.EXTENSION_DECIDED,
        actor=actor,
        comment=extension.comment,
        data={
            "extension": extension.pk,
            "approved": approve,
            "from": iso(old_due),
            "to": iso(extension.new_date),
        },
        action="supervision.extension." + ("approved" if approve else "rejected"),
        before={"status": RequestStatus.PENDING, "due": iso(old_due)},
        after={
            "status": target,
            "due": iso(milestone.deadline.due if milestone.deadline is not None else None),
        },
    )
    notify(
        recipients=[extension.requested_by],
        title=(_("延期已批准：%(task)s") if approve else _("延期未批准：%(task)s"))
        % {"task": str(task)[:60]},
        body=extension.comment,
        url=task_url(task),
        category="supervision.extension_decided",
        actor=actor,
    )
    refresh_tasks([task], today=today, actor=actor)
    return extension


# -- close-out 销号 -------------------------------------------------------------------------------


@transaction.atomic
def closeout_request(*, actor: User, task: Task, summary: str) -> CloseoutRequest:
    """The lead department asks to close the task; only an approval closes it."""
    task = _locked(task)
    if not can_request_closeout(actor, task):
        raise PermissionDeniedError(_("只有牵头部门可以申请销号。"))
    if task.closed_at is not None:
        raise InvalidTransition(_("任务已销号。"))
    if task.closeouts.filter(status=RequestStatus.PENDING).exists():
        raise InvalidTransition(_("已有待审批的销号申请。"))
    if not summary.strip():
        raise ValidationFailed(_("请填写完成情况。"), extra={"field": "summary"})
    request = CloseoutRequest.objects.create(task=task, requested_by=actor, summary=summary.strip())
    record_event(
        task,
        EventKind.CLOSEOUT_REQUESTED,
        actor=actor,
        comment=request.summary[:200],
        data={"closeout": request.pk},
        action="supervision.closeout.requested",
    )
    notify_users_with_role(
        authority=task.authority,
        roles=["supervisor", "leader"],
        title=_("销号申请待审批：%(task)s") % {"task": str(task)[:60]},
        url=task_url(task),
        category="supervision.closeout_requested",
        dedupe_key=f"supervision.closeout.{request.pk}",
        actor=actor,
    )
    return request


@transaction.atomic
def closeout_decide(
    *,
    actor: User,
    closeout: CloseoutRequest,
    approve: bool,
    comment: str = "",
    today: datetime.date,
) -> CloseoutRequest:
    closeout = CloseoutRequest.objects.select_for_update().get(pk=closeout.pk)
    task = _locked(closeout.task)
    if not can_decide(actor, task.authority):
        raise PermissionDeniedError(_("只有督办员或局领导可以审批销号。"))
    if closeout.requested_by_id == actor.pk:
        raise PermissionDeniedError(_("不能审批本人提出的销号申请。"))
    target = RequestStatus.APPROVED if approve else RequestStatus.REJECTED
    if not rules.can_transition(rules.REQUEST_TRANSITIONS, closeout.status, target):
        raise InvalidTransition(_("该申请已审批。"))
    closeout.status, closeout.decided_by, closeout.decided_at = target, actor, timezone.now()
    closeout.comment = comment.strip()
    closeout.save(update_fields=["status", "decided_by", "decided_at", "comment"])
    if approve:
        now = timezone.now()
        task.closed_at = now
        task.percent = 100
        task.save(update_fields=["closed_at", "percent"])
        for milestone in task.milestones.filter(done_at__isnull=True):
            milestone.done_at = now
            milestone.save(update_fields=["done_at"])
            if milestone.deadline_id:
                deadline_close(owner=milestone, purpose=MILESTONE_PURPOSE, actor=actor)
    record_event(
        task,
        EventKind.CLOSEOUT_DECIDED,
        actor=actor,
        comment=closeout.comment,
        data={"closeout": closeout.pk, "approved": approve},
        action="supervision.closeout." + ("approved" if approve else "rejected"),
        before={"status": RequestStatus.PENDING},
        after={"status": target},
    )
    notify(
        recipients=[closeout.requested_by],
        title=(_("销号已批准：%(task)s") if approve else _("销号未批准：%(task)s"))
        % {"task": str(task)[:60]},
        body=closeout.comment,
        url=task_url(task),
        category="supervision.closeout_decided",
        actor=actor,
    )
    refresh_tasks([task], today=today, actor=actor)
    return closeout


__all__ = [
    "closeout_decide",
    "closeout_request",
    "extension_decide",
    "extension_request",
    "milestone_record_event",
    "progress_report_create",
    "progress_report_review",
    "refresh_tasks",
    "task_refresh",
]
