"""Staff pages of random inspections: plans, directories, draws, tasks. Each view parses input,
calls one service or selector and renders; business rules live in the services."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sanxiang.jobs.services import job_create
from sanxiang.kernel.access import get_visible_or_404, has_role, role_required
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.exceptions import DomainError
from sanxiang.kernel.http import StaffHttpRequest

from . import jobs, rules, selectors, services
from .choices import DirectoryKind, DrawKind
from .forms import DrawForm, ImportForm, InspectorDrawForm, PlanForm, RecusalForm, ResultForm, json_text
from .models import Assignment, Directory, Draw, InspectionItem, InspectionPlan, InspectionTask

VIEW_ROLES = (RoleCode.INSPECTION_ORGANISER, RoleCode.LEADER, RoleCode.ADMINISTRATOR)
ORGANISER = (RoleCode.INSPECTION_ORGANISER, RoleCode.ADMINISTRATOR)


def _today() -> datetime.date:
    return timezone.localdate()


def _act(request: StaffHttpRequest, call: Callable[[], Any], success: str) -> bool:
    """Run one service call, turning a domain error into a message."""
    try:
        call()
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return False
    messages.success(request, success)
    return True


def _form_errors(request: StaffHttpRequest, form: Any) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}：{error}" if label else str(error))


@role_required(*VIEW_ROLES)
@require_GET
def index(request: StaffHttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "inspections/index.html",
        {
            "plans": selectors.plan_list(actor=user),
            "directories": selectors.directory_list(actor=user),
            "draws": selectors.draw_list(actor=user)[:20],
            "can_organise": has_role(user, *ORGANISER),
            "plan_form": PlanForm(initial={"year": _today().year}),
        },
    )


@role_required(*ORGANISER)
@require_POST
def plan_create(request: StaffHttpRequest) -> HttpResponse:
    form = PlanForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("inspections:index")
    authority = request.user.authority
    if authority is None:  # an organiser plans for their own unit; staff without one cannot
        raise PermissionDenied
    items = list(InspectionItem.objects.visible_to(request.user).filter(authority=authority, active=True))
    created: list[InspectionPlan] = []

    def call() -> None:
        created.append(
            services.plan_create(
                actor=request.user,
                authority=authority,
                year=form.cleaned_data["year"],
                title=form.cleaned_data["title"],
                items=items,
            )
        )

    if _act(request, call, _("抽查计划已创建，请报局领导批准。")):
        return redirect("inspections:plan_detail", pk=created[0].pk)
    return redirect("inspections:index")


@role_required(*VIEW_ROLES)
@require_GET
def plan_detail(request: StaffHttpRequest, pk: int) -> HttpResponse:
    plan = get_visible_or_404(InspectionPlan, request.user, pk=pk)
    return render(
        request,
        "inspections/plan_detail.html",
        {
            "plan": plan,
            "progress": selectors.plan_progress(plan),
            "cycle": selectors.key_source_cycle(plan),
            "draws": plan.draws.filter(kind=DrawKind.TARGET).select_related("snapshot__directory"),
            "tasks": selectors.task_list(actor=request.user).filter(plan=plan),
            "can_organise": has_role(request.user, *ORGANISER),
            "can_approve": has_role(request.user, RoleCode.LEADER),
            "draw_form": DrawForm(initial={"mode": "undirected", "directory": "classified"}),
        },
    )


@role_required(RoleCode.LEADER)
@require_POST
def plan_approve(request: StaffHttpRequest, pk: int) -> HttpResponse:
    plan = get_visible_or_404(InspectionPlan, request.user, pk=pk, action="approve")
    _act(request, lambda: services.plan_approve(actor=request.user, plan=plan), _("抽查计划已批准。"))
    return redirect("inspections:plan_detail", pk=pk)


@role_required(*ORGANISER)
@require_POST
def plan_publish(request: StaffHttpRequest, pk: int) -> HttpResponse:
    plan = get_visible_or_404(InspectionPlan, request.user, pk=pk, action="publish")
    _act(request, lambda: services.plan_publish(actor=request.user, plan=plan), _("抽查计划已公开。"))
    return redirect("inspections:plan_detail", pk=pk)


@role_required(*ORGANISER)
@require_POST
def draw_create(request: StaffHttpRequest, pk: int) -> HttpResponse:
    plan = get_visible_or_404(InspectionPlan, request.user, pk=pk, action="draw")
    form = DrawForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("inspections:plan_detail", pk=pk)
    directory = (
        Directory.objects.visible_to(request.user)
        .filter(authority=plan.authority, kind=form.cleaned_data["directory"])
        .first()
    )
    if directory is None:
        messages.error(request, _("本机关尚未建立该名录库。"))
        return redirect("inspections:plan_detail", pk=pk)
    created: list[Draw] = []

    def call() -> None:
        snapshot = services.snapshot_take(actor=request.user, directory=directory, today=_today())
        ratio = form.cleaned_data.get("ratio")
        created.append(
            services.draw_commit(
                actor=request.user,
                plan=plan,
                snapshot=snapshot,
                title=form.cleaned_data["title"],
                mode=form.cleaned_data["mode"],
                today=_today(),
                filters=form.filters(),
                count=form.cleaned_data.get("count"),
                ratio=str(ratio.normalize()) if ratio is not None else None,
                weights=form.weights(),
                item=plan.items.first(),
            )
        )

    if _act(request, call, _("抽取条件已承诺并记入发布日志。")):
        return redirect("inspections:draw_detail", pk=created[0].pk)
    return redirect("inspections:plan_detail", pk=pk)


@role_required(*VIEW_ROLES)
@require_GET
def directory_detail(request: StaffHttpRequest, pk: int) -> HttpResponse:
    directory = get_visible_or_404(Directory, request.user, pk=pk)
    is_inspectors = directory.kind == DirectoryKind.INSPECTOR
    return render(
        request,
        "inspections/directory_detail.html",
        {
            "directory": directory,
            "is_inspectors": is_inspectors,
            "entries": directory.inspectors.select_related("user")
            if is_inspectors
            else directory.targets.select_related("taxpayer"),
            "snapshots": directory.snapshots.order_by("-version")[:10],
            "can_organise": has_role(request.user, *ORGANISER),
            "import_form": ImportForm(),
        },
    )


@role_required(*ORGANISER)
@require_POST
def directory_import(request: StaffHttpRequest, pk: int) -> HttpResponse:
    directory = get_visible_or_404(Directory, request.user, pk=pk, action="import")
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("inspections:directory_detail", pk=pk)
    upload = form.cleaned_data["file"]
    try:
        services.require_organiser(request.user, directory.authority)  # at once; the job checks again
        job = job_create(
            actor=request.user,
            kind=jobs.DIRECTORY_IMPORT,
            authority=directory.authority,
            params={"directory": directory.pk, "file_name": upload.name},
            uploads=[upload],
        )
    except DomainError as exc:  # no organiser of this unit; over the file store's size limit
        messages.error(request, str(exc.message))
        return redirect("inspections:directory_detail", pk=pk)
    return redirect("jobs:detail", job_id=job.pk)


@role_required(*ORGANISER)
@require_POST
def snapshot_create(request: StaffHttpRequest, pk: int) -> HttpResponse:
    directory = get_visible_or_404(Directory, request.user, pk=pk, action="snapshot")
    _act(
        request,
        lambda: services.snapshot_take(actor=request.user, directory=directory, today=_today()),
        _("已生成名录库快照。"),
    )
    return redirect("inspections:directory_detail", pk=pk)


@role_required(*VIEW_ROLES)
@require_GET
def draw_detail(request: StaffHttpRequest, pk: int) -> HttpResponse:
    draw = get_visible_or_404(
        Draw.objects.select_related("snapshot__directory", "plan", "task"), request.user, pk=pk
    )
    rows = {row["key"]: row for row in draw.snapshot.rows}
    return render(
        request,
        "inspections/draw_detail.html",
        {
            "draw": draw,
            "filters_text": json_text(draw.filters),
            "filter_lines": rules.describe_filters(draw.filters),
            "weight_lines": rules.describe_weights(draw.weights),
            "weights_text": json_text(draw.weights),
            "selected": [rows[key] | {"position": n} for n, key in enumerate(draw.result, start=1)],
            "checkpoint": services.seed_checkpoint(draw),
            "can_organise": has_role(request.user, *ORGANISER),
        },
    )


@role_required(*ORGANISER)
@require_POST
def draw_run(request: StaffHttpRequest, pk: int) -> HttpResponse:
    draw = get_visible_or_404(Draw, request.user, pk=pk, action="run")
    _act(
        request,
        lambda: services.draw_run(actor=request.user, draw=draw, today=_today()),
        _("已抽取，结果已记入发布日志。"),
    )
    return redirect("inspections:draw_detail", pk=pk)


@role_required(*ORGANISER)
@require_POST
def beacon_create(request: StaffHttpRequest, pk: int) -> HttpResponse:
    draw = get_visible_or_404(Draw, request.user, pk=pk, action="beacon")
    _act(
        request,
        lambda: services.log_beacon_append(actor=request.user, authority=draw.authority),
        _("已追加随机信标，发布日志已签名新的检查点。"),
    )
    return redirect("inspections:draw_detail", pk=pk)


@role_required(*VIEW_ROLES)
@require_GET
def task_detail(request: StaffHttpRequest, pk: int) -> HttpResponse:
    task = get_visible_or_404(
        InspectionTask.objects.select_related("plan", "draw", "act"), request.user, pk=pk
    )
    return render(
        request,
        "inspections/task_detail.html",
        {
            "task": task,
            "assignments": task.assignments.select_related("inspector", "draw").order_by("status", "role"),
            "inspector_draws": task.inspector_draws.order_by("committed_at"),
            "can_organise": has_role(request.user, *ORGANISER),
            "inspector_form": InspectorDrawForm(),
            "recusal_form": RecusalForm(),
            "result_form": ResultForm(initial={"ended_on": _today()}),
        },
    )


@role_required(*ORGANISER)
@require_POST
def task_inspectors(request: StaffHttpRequest, pk: int) -> HttpResponse:
    task = get_visible_or_404(InspectionTask, request.user, pk=pk, action="staff")
    form = InspectorDrawForm(request.POST)
    form.is_valid()
    created: list[Draw] = []

    def call() -> None:
        created.append(
            services.inspectors_commit(
                actor=request.user, task=task, today=_today(), expertise=form.expertise()
            )
        )

    if _act(request, call, _("检查人员选派条件已承诺并记入发布日志。")):
        return redirect("inspections:draw_detail", pk=created[0].pk)
    return redirect("inspections:task_detail", pk=pk)


@role_required(*ORGANISER)
@require_POST
def assignment_recuse(request: StaffHttpRequest, pk: int) -> HttpResponse:
    assignment = get_visible_or_404(Assignment, request.user, pk=pk, action="recuse")
    form = RecusalForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("inspections:task_detail", pk=assignment.task_id)
    created: list[Draw] = []

    def call() -> None:
        created.append(
            services.assignment_recuse(
                actor=request.user,
                assignment=assignment,
                kind=form.cleaned_data["kind"],
                reason=form.cleaned_data["reason"],
                today=_today(),
            )
        )

    if _act(request, call, _("已记录回避，并承诺重新选派该岗位。")):
        return redirect("inspections:draw_detail", pk=created[0].pk)
    return redirect("inspections:task_detail", pk=assignment.task_id)


@role_required(*ORGANISER)
@require_POST
def task_result(request: StaffHttpRequest, pk: int) -> HttpResponse:
    task = get_visible_or_404(InspectionTask, request.user, pk=pk, action="result")
    form = ResultForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
    else:
        data = form.cleaned_data
        _act(
            request,
            lambda: services.task_record_result(
                actor=request.user,
                task=task,
                ended_on=data["ended_on"],
                category=data["category"],
                outcome=data["outcome"],
            ),
            _("检查结果已登记。"),
        )
    return redirect("inspections:task_detail", pk=pk)


@role_required(*ORGANISER)
@require_POST
def task_publish(request: StaffHttpRequest, pk: int) -> HttpResponse:
    task = get_visible_or_404(InspectionTask, request.user, pk=pk, action="publish")
    _act(request, lambda: services.task_publish_result(actor=request.user, task=task), _("检查结果已公开。"))
    return redirect("inspections:task_detail", pk=pk)


@role_required(*VIEW_ROLES)
@require_GET
def overdue(request: StaffHttpRequest) -> HttpResponse:
    today = _today()
    tasks = selectors.overdue_publications_visible(actor=request.user, on=today)
    return render(request, "inspections/overdue.html", {"tasks": tasks, "today": today})
