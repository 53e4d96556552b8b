"""Staff views of the whole-process records. Thin: parse, call one service or selector, render."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sanxiang.enforcement import selectors as enforcement_selectors
from sanxiang.files import storage
from sanxiang.jobs.services import job_create
from sanxiang.kernel.access import has_role, role_required
from sanxiang.kernel.exceptions import DomainError
from sanxiang.kernel.http import StaffHttpRequest

from . import jobs, selectors, services
from .choices import CustodyAction, DisposalStatus
from .forms import (
    DeviceForm,
    DisposalForm,
    HoldForm,
    MatterFormSet,
    MatterVersionForm,
    ReasonForm,
    RoomForm,
    UploadForm,
)
from .models import DisposalOrder, LegalHold, Record, RequiredMatter
from .permissions import (
    ARCHIVE_ROLES,
    DISPOSAL_APPROVER_ROLES,
    DOWNLOAD_ROLES,
    MATTER_LIST_ROLES,
    READ_ROLES,
    RECORD_ROLES,
    REPORT_ROLES,
)
from .streaming import ranged_response

if TYPE_CHECKING:
    from sanxiang.enforcement.models import Taxpayer

VIEW_GRANT_HOURS = 4
_GRANTS = "records_view_grants"


def _grant(request: StaffHttpRequest, record: Record) -> None:
    grants = request.session.get(_GRANTS, {})
    grants[record.public_id.hex] = (timezone.now() + datetime.timedelta(hours=VIEW_GRANT_HOURS)).timestamp()
    request.session[_GRANTS] = grants


def _granted(request: StaffHttpRequest, record: Record) -> bool:
    until = request.session.get(_GRANTS, {}).get(record.public_id.hex)
    return bool(until and until > timezone.now().timestamp())


@role_required(*READ_ROLES)
@require_GET
def record_list(request: StaffHttpRequest) -> HttpResponse:
    records = selectors.record_list(actor=request.user).filter(disposed_at__isnull=True)
    kind = request.GET.get("kind")
    if kind:
        records = records.filter(kind=kind)
    page = Paginator(records, 50).get_page(request.GET.get("page"))
    return render(request, "records/record_list.html", {"page": page, "kind": kind})


@role_required(*RECORD_ROLES)
@require_GET
def record_upload(request: StaffHttpRequest, act_pk: int) -> HttpResponse:
    act = enforcement_selectors.act_get(actor=request.user, pk=act_pk)
    form = UploadForm(act=act)
    return render(
        request,
        "records/record_upload.html",
        {
            "act": act,
            "form": form,
            "records": selectors.record_list(actor=request.user, act=act),
            "chunk_size": settings.SANXIANG_RECORDS_BROWSER_CHUNK_BYTES,
        },
    )


@role_required(*READ_ROLES)
@require_GET
def record_detail(request: StaffHttpRequest, public_id: str) -> HttpResponse:
    record = selectors.record_get(actor=request.user, public_id=public_id)
    return render(
        request,
        "records/record_detail.html",
        {
            "record": record,
            "custody": selectors.custody_events(record),
            "fixity": record.fixity_checks.all()[:20],
            "poster": selectors.record_poster(record),
            "granted": _granted(request, record),
            "reason_required": services.access_reason_required(record),
            "can_download": has_role(request.user, *DOWNLOAD_ROLES),
            "can_hold": has_role(request.user, *ARCHIVE_ROLES),
            "holds": LegalHold.objects.filter(record=record) | LegalHold.objects.filter(act=record.act),
            "retention_until": selectors.record_retention_until(record),
            "reason_form": ReasonForm(),
            "hold_form": HoldForm(),
        },
    )


@role_required(*READ_ROLES)
@require_POST
def record_view(request: StaffHttpRequest, public_id: str) -> HttpResponse:
    """Open a record for viewing/playing: logs the custody event (with its reason) once."""
    record = selectors.record_get(actor=request.user, public_id=public_id, action="view")
    form = ReasonForm(request.POST)
    form.is_valid()
    try:
        services.record_access(
            actor=request.user,
            record=record,
            action=CustodyAction.VIEWED,
            reason=form.cleaned_data.get("reason", ""),
        )
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return redirect("records:record_detail", public_id=record.public_id)
    _grant(request, record)
    return redirect("records:record_detail", public_id=record.public_id)


@role_required(*READ_ROLES)
@require_GET
def record_media(request: StaffHttpRequest, public_id: str) -> HttpResponseBase:
    """The bytes for the browser's player (range requests); only after the view was logged."""
    record = selectors.record_get(actor=request.user, public_id=public_id, action="view")
    if not _granted(request, record) or record.disposed_at is not None:
        raise PermissionDenied
    try:
        stream = storage.backend().open(record.file.storage_path)
    except FileNotFoundError:
        raise Http404 from None
    return ranged_response(
        request,
        stream,
        size=record.file.size,
        content_type=record.file.content_type,
        filename=record.file.original_name,
        attachment=False,
    )


@role_required(*READ_ROLES)
@require_GET
def record_poster(request: StaffHttpRequest, public_id: str) -> HttpResponseBase:
    record = selectors.record_get(actor=request.user, public_id=public_id)
    poster = selectors.record_poster(record)
    if poster is None or record.disposed_at is not None:
        raise Http404
    response = FileResponse(storage.backend().open(poster.storage_path), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(*DOWNLOAD_ROLES)
@require_POST
def record_download(request: StaffHttpRequest, public_id: str) -> HttpResponseBase:
    record = selectors.record_get(actor=request.user, public_id=public_id, action="download")
    form = ReasonForm(request.POST)
    form.is_valid()
    try:
        services.record_access(
            actor=request.user,
            record=record,
            action=CustodyAction.DOWNLOADED,
            reason=form.cleaned_data.get("reason", ""),
        )
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return redirect("records:record_detail", public_id=record.public_id)
    stream = storage.backend().open(record.file.storage_path)
    return ranged_response(
        request,
        stream,
        size=record.file.size,
        content_type=record.file.content_type,
        filename=record.file.original_name,
        attachment=True,
    )


@role_required(*ARCHIVE_ROLES)
@require_POST
def record_hold(request: StaffHttpRequest, public_id: str) -> HttpResponse:
    record = selectors.record_get(actor=request.user, public_id=public_id, action="hold")
    form = HoldForm(request.POST)
    if form.is_valid():
        try:
            services.legal_hold_place(actor=request.user, record=record, reason=form.cleaned_data["reason"])
            messages.success(request, _("已保全冻结。"))
        except DomainError as exc:
            messages.error(request, str(exc.message))
    return redirect("records:record_detail", public_id=record.public_id)


@role_required(*ARCHIVE_ROLES)
@require_POST
def hold_release(request: StaffHttpRequest, pk: int) -> HttpResponse:
    from sanxiang.kernel.access import get_visible_or_404

    hold = get_visible_or_404(LegalHold, request.user, action="release", pk=pk)
    try:
        services.legal_hold_release(actor=request.user, hold=hold)
        messages.success(request, _("已解除保全冻结。"))
    except DomainError as exc:
        messages.error(request, str(exc.message))
    target = hold.record or Record.objects.filter(act=hold.act).first()
    return (
        redirect("records:record_detail", public_id=target.public_id)
        if target
        else redirect("records:expiry")
    )


@role_required(*READ_ROLES)
@require_GET
def taxpayer_archive(request: StaffHttpRequest, pk: int) -> HttpResponse:
    """一户式 (一人式 for a natural person): one timeline of acts, records, reviews, publications."""
    taxpayer = enforcement_selectors.taxpayer_get(actor=request.user, pk=pk)
    taxpayers = (
        selectors.person_taxpayers(actor=request.user, person=taxpayer)
        if taxpayer.is_natural_person
        else [taxpayer]
    )
    timeline: list[tuple[Taxpayer, selectors.TimelineEntry]] = []
    for t in taxpayers:
        timeline.extend((t, e) for e in selectors.taxpayer_timeline(actor=request.user, taxpayer=t))
    timeline.sort(key=lambda pair: pair[1].at, reverse=True)
    return render(
        request,
        "records/taxpayer_archive.html",
        {
            "taxpayer": taxpayer,
            "taxpayers": taxpayers,
            "timeline": timeline,
            "can_export": has_role(request.user, *DOWNLOAD_ROLES),
            "reason_form": ReasonForm(),
        },
    )


@role_required(*DOWNLOAD_ROLES)
@require_POST
def taxpayer_export(request: StaffHttpRequest, pk: int) -> HttpResponseBase:
    """Hand the bag export to the worker (it can take minutes); the job's page offers the package."""
    from .bagexport import taxpayer_bag_export_check

    taxpayer = enforcement_selectors.taxpayer_get(actor=request.user, pk=pk, action="export")
    form = ReasonForm(request.POST)
    form.is_valid()
    reason = form.cleaned_data.get("reason", "")
    try:
        taxpayer_bag_export_check(actor=request.user, reason=reason)  # at once; the job checks again
        job = job_create(
            actor=request.user,
            kind=jobs.TAXPAYER_EXPORT,
            authority=taxpayer.authority,
            params={"taxpayer": taxpayer.pk, "reason": reason},
        )
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return redirect("records:taxpayer_archive", pk=taxpayer.pk)
    return redirect("jobs:detail", job_id=job.pk)


@role_required(*REPORT_ROLES)
@require_GET
def coverage(request: StaffHttpRequest) -> HttpResponse:
    report = selectors.coverage_report(actor=request.user)
    return render(
        request,
        "records/coverage.html",
        {"report": report, "grace": settings.SANXIANG_RECORDS_GRACE_WORKING_DAYS},
    )


@role_required(*READ_ROLES)
@require_GET
def matter_list(request: StaffHttpRequest) -> HttpResponse:
    version = selectors.matter_list_current()
    return render(
        request,
        "records/matter_list.html",
        {
            "version": version,
            "rows": version.rows.all() if version else [],
            "versions": selectors.MatterListVersion.objects.all()[:20],
            "can_edit": has_role(request.user, *MATTER_LIST_ROLES),
        },
    )


@role_required(*MATTER_LIST_ROLES)
@require_http_methods(["GET", "POST"])
def matter_list_edit(request: StaffHttpRequest) -> HttpResponse:
    current = selectors.matter_list_current()
    queryset = current.rows.all() if current else RequiredMatter.objects.none()
    if request.method == "POST":
        formset = MatterFormSet(request.POST, queryset=queryset)
        version_form = MatterVersionForm(request.POST)
        if formset.is_valid() and version_form.is_valid():
            rows = [
                {k: v for k, v in f.cleaned_data.items() if k in services.MATTER_FIELDS}
                for f in formset.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            try:
                services.matter_list_publish(actor=request.user, rows=rows, **version_form.cleaned_data)
                messages.success(request, _("已发布新版本的音像记录事项清单。"))
                return redirect("records:matter_list")
            except DomainError as exc:
                messages.error(request, str(exc.message))
    else:
        formset = MatterFormSet(queryset=queryset)
        version_form = MatterVersionForm(initial={"effective_from": timezone.localdate()})
    return render(
        request, "records/matter_list_edit.html", {"formset": formset, "version_form": version_form}
    )


@role_required(*REPORT_ROLES, *ARCHIVE_ROLES)
@require_GET
def statistics(request: StaffHttpRequest) -> HttpResponse:
    return render(request, "records/statistics.html", {"stats": selectors.statistics(actor=request.user)})


@role_required(*READ_ROLES)
@require_http_methods(["GET", "POST"])
def device_list(request: StaffHttpRequest) -> HttpResponse:
    can_edit = has_role(request.user, *ARCHIVE_ROLES)
    device_form, room_form = DeviceForm(prefix="d"), RoomForm(prefix="r")
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if "d-serial" in request.POST:
            device_form = DeviceForm(request.POST, prefix="d")
            if device_form.is_valid():
                try:
                    services.device_save(actor=request.user, device=device_form.save(commit=False))
                    messages.success(request, _("已登记设备。"))
                    return redirect("records:device_list")
                except DomainError as exc:
                    messages.error(request, str(exc.message))
        else:
            room_form = RoomForm(request.POST, prefix="r")
            if room_form.is_valid():
                try:
                    services.room_save(actor=request.user, room=room_form.save(commit=False))
                    messages.success(request, _("已登记约谈（询问）室。"))
                    return redirect("records:device_list")
                except DomainError as exc:
                    messages.error(request, str(exc.message))
    return render(
        request,
        "records/device_list.html",
        {
            "devices": selectors.device_list(actor=request.user),
            "rooms": selectors.room_list(actor=request.user),
            "can_edit": can_edit,
            "device_form": device_form,
            "room_form": room_form,
        },
    )


@role_required(*ARCHIVE_ROLES, *DISPOSAL_APPROVER_ROLES)
@require_http_methods(["GET", "POST"])
def expiry(request: StaffHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    rows = selectors.expiry_report(actor=request.user, today=today)
    form = DisposalForm()
    if request.method == "POST":
        if not has_role(request.user, *ARCHIVE_ROLES):
            raise PermissionDenied
        form = DisposalForm(request.POST)
        if form.is_valid():
            chosen = set(request.POST.getlist("records"))
            records = [r for r, _until, held in rows if r.public_id.hex in chosen]
            try:
                order = services.disposal_order_create(
                    actor=request.user, records=records, appraisal=form.cleaned_data["appraisal"], today=today
                )
                messages.success(request, _("已提交销毁清单 #%(n)s，待领导审批。") % {"n": order.pk})
                return redirect("records:disposal_list")
            except DomainError as exc:
                messages.error(request, str(exc.message))
    return render(
        request,
        "records/expiry.html",
        {"rows": rows, "form": form, "can_dispose": has_role(request.user, *ARCHIVE_ROLES)},
    )


@role_required(*ARCHIVE_ROLES, *DISPOSAL_APPROVER_ROLES)
@require_GET
def disposal_list(request: StaffHttpRequest) -> HttpResponse:
    orders = DisposalOrder.objects.visible_to(request.user).prefetch_related("items__record")
    return render(
        request,
        "records/disposal_list.html",
        {
            "orders": orders,
            "can_approve": has_role(request.user, *DISPOSAL_APPROVER_ROLES),
            "can_execute": has_role(request.user, *ARCHIVE_ROLES),
            "SUBMITTED": DisposalStatus.SUBMITTED,
            "APPROVED": DisposalStatus.APPROVED,
        },
    )


@role_required(*ARCHIVE_ROLES, *DISPOSAL_APPROVER_ROLES)
@require_POST
def disposal_action(request: StaffHttpRequest, pk: int, action: str) -> HttpResponse:
    from sanxiang.kernel.access import get_visible_or_404

    order = get_visible_or_404(DisposalOrder, request.user, action=action, pk=pk)
    try:
        if action in ("approve", "reject"):
            services.disposal_order_decide(actor=request.user, order=order, approve=action == "approve")
        elif action == "execute":
            services.disposal_order_execute(actor=request.user, order=order)
        else:
            raise Http404
        done = {"approve": _("已批准"), "reject": _("已驳回"), "execute": _("已执行销毁")}[action]
        order.refresh_from_db()
        messages.success(
            request,
            _("%(done)s第 %(number)s 号销毁清单，当前状态“%(status)s”。")
            % {"done": done, "number": order.pk, "status": order.get_status_display()},
        )
    except DomainError as exc:
        messages.error(request, str(exc.message))
    return redirect("records:disposal_list")
