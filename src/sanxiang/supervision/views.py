"""Staff pages of supervision: upload → preview → correction → confirm; overview, timeline, task page.

Thin: parse a form, call one selector or service, render. Out-of-scope ids raise
``ScopeViolation`` in the selectors (404, audited by the middleware).
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sanxiang.jobs.services import job_create
from sanxiang.kernel.access import role_required
from sanxiang.kernel.exceptions import DomainError
from sanxiang.kernel.http import StaffHttpRequest

from . import exports, jobs, selectors, services
from .choices import PlanStatus, ReminderKind, TaskStatus
from .forms import (
    CloseoutForm,
    ConfirmForm,
    DecideForm,
    EventForm,
    ExtensionForm,
    MeetingForm,
    ProgressForm,
    ReviewForm,
    TaskCorrectForm,
    UploadForm,
)
from .models import Reminder
from .roles import can_decide, can_manage, can_request_closeout, can_review_report

# Any signed-in staff member; the querysets decide what they see (an empty list for no tasks).
staff_required = role_required()

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _back_to_task(
    request: StaffHttpRequest, task_id: int, error: DomainError | None = None, ok: str = ""
) -> HttpResponse:
    if error is not None:
        messages.error(request, str(error.message))
    elif ok:
        messages.success(request, ok)
    return redirect("supervision:task_detail", pk=task_id)


def _task_action(
    request: StaffHttpRequest, *, task_id: int, form, perform: Callable[[dict], object], ok: str
) -> HttpResponse:
    """The shape of every action posted from a task page: validate ``form``, make the one service call
    ``perform(cleaned_data)``, and return to the task with its outcome as a message."""
    if not form.is_valid():
        _form_error(request, form)
        return redirect("supervision:task_detail", pk=task_id)
    try:
        perform(form.cleaned_data)
    except DomainError as exc:
        return _back_to_task(request, task_id, exc)
    return _back_to_task(request, task_id, ok=ok)


def _form_error(request: StaffHttpRequest, form) -> None:
    errors = "；".join(
        f"{form.fields[f].label if f in form.fields else ''}{' '.join(e)}" for f, e in form.errors.items()
    )
    messages.error(request, _("输入有误：%(errors)s") % {"errors": errors})


@staff_required
@require_GET
def plan_list(request: StaffHttpRequest) -> HttpResponse:
    return render(
        request,
        "supervision/plan_list.html",
        {
            "plans": selectors.plan_list(actor=request.user),
            "form": UploadForm(),
            "can_manage": can_manage(request.user),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def plan_upload(request: StaffHttpRequest) -> HttpResponse:
    if request.method == "GET":
        # A refresh after an upload, or a bookmarked address: the upload form is on the list.
        return redirect("supervision:plan_list")
    if not can_manage(request.user):
        raise PermissionDenied
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        _form_error(request, form)
        return redirect("supervision:plan_list")
    if request.user.authority is None or not can_manage(request.user, request.user.authority):
        raise PermissionDenied  # a supervisor imports for their own unit
    upload = form.cleaned_data["file"]
    try:
        job = job_create(
            actor=request.user,
            kind=jobs.PLAN_IMPORT,
            authority=request.user.authority,
            params={"file_name": upload.name, "plan_year": form.cleaned_data.get("plan_year")},
            uploads=[upload],
        )
    except DomainError as exc:  # over the size limit, or the disk under its floor
        messages.error(request, str(exc.message))
        return redirect("supervision:plan_list")
    return redirect("jobs:detail", job_id=job.pk)


def _today(request: StaffHttpRequest):
    return timezone.localdate()


@staff_required
@require_GET
def plan_detail(request: StaffHttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(actor=request.user, pk=pk)
    tasks = list(selectors.task_list(actor=request.user, plan=plan, status=request.GET.get("status") or None))
    if plan.status == PlanStatus.DRAFT:
        rows = [{"task": t, "doubts": selectors.task_doubts(t)} for t in tasks]
        return render(
            request,
            "supervision/plan_preview.html",
            {
                "plan": plan,
                "notes": selectors.plan_notes(plan),
                "rows": rows,
                "doubtful": sum(1 for r in rows if r["doubts"]),
                "confirm_form": ConfirmForm(),
                "can_manage": can_manage(request.user, plan.authority),
            },
        )
    return render(
        request,
        "supervision/plan_detail.html",
        {
            "plan": plan,
            "tasks": tasks,
            "overview": selectors.plan_overview(tasks=tasks),
            "statuses": TaskStatus.choices,
            "filter_status": request.GET.get("status", ""),
            "partial": not selectors.plan_in_scope(actor=request.user, plan=plan),
        },
    )


@staff_required
@require_GET
def plan_timeline(request: StaffHttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(actor=request.user, pk=pk)
    tasks = list(selectors.task_list(actor=request.user, plan=plan))
    return render(
        request,
        "supervision/plan_timeline.html",
        {
            "plan": plan,
            "timeline": selectors.plan_timeline(tasks=tasks, today=_today(request)),
            "partial": not selectors.plan_in_scope(actor=request.user, plan=plan),
        },
    )


@staff_required
@require_POST
def plan_confirm(request: StaffHttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(actor=request.user, pk=pk, action="confirm")
    form = ConfirmForm(request.POST)
    form.is_valid()
    try:
        services.plan_confirm(
            actor=request.user,
            plan=plan,
            accept_unmatched=form.cleaned_data.get("accept_unmatched", False),
            confirm_suggested=form.cleaned_data.get("confirm_suggested", False),
            today=_today(request),
        )
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("任务计划已确认下达。"))
    return redirect("supervision:plan_detail", pk=plan.pk)


@staff_required
@require_http_methods(["GET", "POST"])
def task_correct(request: StaffHttpRequest, pk: int) -> HttpResponse:
    """htmx: GET the row's edit form, POST it back and get the corrected row."""
    task = selectors.task_get(actor=request.user, pk=pk, action="change")
    if request.method == "GET":
        units = task.units.all()
        initial = {
            role: "、".join(u.name for u in units if u.role == role)
            for role in ("lead", "responsible", "cooperating")
        }
        initial["deadline_text"] = task.deadline_text
        return render(
            request,
            "supervision/_task_edit_row.html",
            {"task": task, "form": TaskCorrectForm(initial=initial)},
        )
    form = TaskCorrectForm(request.POST)
    error = None
    if form.is_valid():
        try:
            task = services.task_correct(actor=request.user, task=task, **form.cleaned_data)
        except DomainError as exc:
            error = str(exc.message)
    task = selectors.task_list(actor=request.user).get(pk=task.pk)
    return render(
        request,
        "supervision/_preview_row.html",
        {"row": {"task": task, "doubts": selectors.task_doubts(task)}, "error": error, "can_manage": True},
    )


@staff_required
@require_GET
def my_tasks(request: StaffHttpRequest) -> HttpResponse:
    tasks = selectors.task_list(actor=request.user, status=request.GET.get("status") or None).filter(
        plan__status=PlanStatus.CONFIRMED
    )
    return render(
        request, "supervision/my_tasks.html", {"tasks": tasks[:500], "statuses": TaskStatus.choices}
    )


@staff_required
@require_GET
def task_detail(request: StaffHttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_get(actor=request.user, pk=pk)
    history = selectors.task_history(task=task)
    return render(
        request,
        "supervision/task_detail.html",
        {
            "task": task,
            **history,
            "due": selectors.task_due(task) if history["milestones"] else None,
            "progress_form": ProgressForm(),
            "can_decide": can_decide(request.user, task.authority),
            "can_manage": can_manage(request.user, task.authority),
            "can_closeout": can_request_closeout(request.user, task),
            "reviewable": {r.pk for r in history["reports"] if can_review_report(request.user, task, r)},
        },
    )


@staff_required
@require_POST
def progress_create(request: StaffHttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_get(actor=request.user, pk=pk, action="report")

    def perform(data: dict) -> None:
        milestone = task.milestones.filter(pk=data["milestone"]).first() if data.get("milestone") else None
        services.progress_report_create(
            actor=request.user,
            task=task,
            text=data["text"],
            percent=data["percent"],
            milestone=milestone,
            uploads=request.FILES.getlist("evidence"),
            today=_today(request),
        )

    return _task_action(
        request,
        task_id=task.pk,
        form=ProgressForm(request.POST, request.FILES),
        perform=perform,
        ok=_("进展已报送，等待牵头部门审核。")
        if not task.needs_lead
        else _("进展已报送，等待审核（该任务待明确牵头部门，由督办员或承办部门审核）。"),
    )


@staff_required
@require_POST
def progress_review(request: StaffHttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_get(actor=request.user, pk=pk, action="review")
    return _task_action(
        request,
        task_id=report.task_id,
        form=ReviewForm(request.POST),
        perform=lambda data: services.progress_report_review(
            actor=request.user,
            report=report,
            accept=data["decision"] == "accept",
            comment=data["comment"],
            today=_today(request),
        ),
        ok=_("审核意见已保存。"),
    )


@staff_required
@require_POST
def milestone_event(request: StaffHttpRequest, pk: int) -> HttpResponse:
    milestone = selectors.milestone_get(actor=request.user, pk=pk, action="change")
    return _task_action(
        request,
        task_id=milestone.task_id,
        form=EventForm(request.POST),
        perform=lambda data: services.milestone_record_event(
            actor=request.user, milestone=milestone, today=_today(request), **data
        ),
        ok=_("起算事件已登记，完成时限已按工作日历计算。"),
    )


@staff_required
@require_POST
def extension_create(request: StaffHttpRequest, pk: int) -> HttpResponse:
    milestone = selectors.milestone_get(actor=request.user, pk=pk, action="extend")
    return _task_action(
        request,
        task_id=milestone.task_id,
        form=ExtensionForm(request.POST),
        perform=lambda data: services.extension_request(actor=request.user, milestone=milestone, **data),
        ok=_("延期申请已提交。"),
    )


@staff_required
@require_POST
def extension_decide(request: StaffHttpRequest, pk: int) -> HttpResponse:
    extension = selectors.extension_get(actor=request.user, pk=pk, action="decide")
    return _task_action(
        request,
        task_id=extension.task_id,
        form=DecideForm(request.POST),
        perform=lambda data: services.extension_decide(
            actor=request.user,
            extension=extension,
            approve=data["decision"] == "approve",
            comment=data["comment"],
            today=_today(request),
        ),
        ok=_("审批意见已保存。"),
    )


@staff_required
@require_POST
def closeout_create(request: StaffHttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_get(actor=request.user, pk=pk, action="closeout")
    return _task_action(
        request,
        task_id=task.pk,
        form=CloseoutForm(request.POST),
        perform=lambda data: services.closeout_request(
            actor=request.user, task=task, summary=data["summary"]
        ),
        ok=_("销号申请已提交。"),
    )


@staff_required
@require_POST
def closeout_decide(request: StaffHttpRequest, pk: int) -> HttpResponse:
    closeout = selectors.closeout_get(actor=request.user, pk=pk, action="decide")
    return _task_action(
        request,
        task_id=closeout.task_id,
        form=DecideForm(request.POST),
        perform=lambda data: services.closeout_decide(
            actor=request.user,
            closeout=closeout,
            approve=data["decision"] == "approve",
            comment=data["comment"],
            today=_today(request),
        ),
        ok=_("审批意见已保存。"),
    )


@staff_required
@require_http_methods(["GET", "POST"])
def meeting_create(request: StaffHttpRequest) -> HttpResponse:
    if not can_manage(request.user, request.user.authority):
        raise PermissionDenied
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        items = []
        for line in form.cleaned_data["items"].splitlines():
            parts = [p.strip() for p in line.replace("|", "｜").split("｜")]
            if parts and parts[0]:
                items.append(
                    services.AgreedItem(
                        text=parts[0],
                        units=parts[1] if len(parts) > 1 else "",
                        deadline_text=parts[2] if len(parts) > 2 else "",
                    )
                )
        if request.user.authority is None:  # meetings are recorded for the supervisor's own unit
            raise PermissionDenied
        try:
            meeting = services.meeting_record(
                actor=request.user,
                authority=request.user.authority,
                title=form.cleaned_data["title"],
                held_on=form.cleaned_data["held_on"],
                minutes=form.cleaned_data["minutes"],
                items=items,
                today=_today(request),
            )
        except DomainError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("会议纪要已保存，议定事项已转为督办任务。"))
            return redirect("supervision:plan_detail", pk=meeting.plan_id)
    return render(request, "supervision/meeting_form.html", {"form": form})


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    response["Cache-Control"] = "private, no-store"
    return response


@staff_required
@require_GET
def plan_report_docx(request: StaffHttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(actor=request.user, pk=pk, action="export")
    tasks = list(selectors.task_list(actor=request.user, plan=plan))
    content = exports.plan_report_docx(plan=plan, tasks=tasks, today=_today(request))
    return _download(content, DOCX, f"supervision-report-{plan.pk}.docx")


@staff_required
@require_GET
def plan_report_xlsx(request: StaffHttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(actor=request.user, pk=pk, action="export")
    tasks = list(selectors.task_list(actor=request.user, plan=plan))
    content = exports.plan_report_xlsx(plan=plan, tasks=tasks, today=_today(request))
    return _download(content, XLSX, f"supervision-report-{plan.pk}.xlsx")


@staff_required
@require_GET
def order_docx(request: StaffHttpRequest, pk: int) -> HttpResponse:
    reminder = Reminder.objects.filter(pk=pk, kind=ReminderKind.ORDER).first()
    if reminder is None:
        from django.http import Http404

        raise Http404
    selectors.task_get(actor=request.user, pk=reminder.task_id, action="export")
    return _download(exports.order_docx(reminder=reminder), DOCX, f"supervision-order-{reminder.pk}.docx")
