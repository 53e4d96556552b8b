"""Staff pages of the disclosure-request module: list, entry, detail with one POST endpoint per
workflow action, documents, overdue list, statistics, annual reports and templates."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django import forms as djforms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from sanxiang.files.services import file_open_for_download
from sanxiang.kernel.access import authorities_in_scope, has_role, role_required
from sanxiang.kernel.exceptions import DomainError
from sanxiang.kernel.http import StaffHttpRequest
from sanxiang.org.models import Department

from . import forms, selectors, services
from .choices import ReplyType, RequestStatus
from .models import AnnualReport, InformationRequest
from .templates_default import DEFAULTS

HANDLERS = ("open_government_officer", "open_government_head")
READERS = (*HANDLERS, "legal_reviewer")


def _today() -> datetime.date:
    return timezone.localdate()


@role_required(*READERS)
@require_GET
def request_list(request: StaffHttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in RequestStatus.values:
        status = ""
    items = selectors.request_list(actor=request.user, status=status)[:200]
    return render(
        request,
        "information_requests/request_list.html",
        {
            "items": items,
            "status": status,
            "statuses": RequestStatus.choices,
            "today": _today(),
            "warnings": selectors.report_warnings(actor=request.user, today=_today()),
        },
    )


@role_required(*HANDLERS)
def request_create(request: StaffHttpRequest) -> HttpResponse:
    form = forms.StaffRequestForm(request.POST or None, request.FILES or None)
    authorities = authorities_in_scope(request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        authority = request.user.authority if request.user.authority in authorities else authorities.first()
        try:
            created, token = services.request_create_by_staff(
                actor=request.user,
                authority=authority,
                channel=data.pop("channel"),
                data=data,
                today=_today(),
                submitted_on=data.pop("submitted_on"),
                signed_for_on=data.pop("signed_for_on"),
                confirmed_on=data.pop("confirmed_on"),
                mail_received_on=data.pop("mail_received_on"),
                identity_proof=data.pop("identity_proof"),
            )
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            return render(
                request, "information_requests/request_created.html", {"item": created, "token": token}
            )
    return render(request, "information_requests/request_create.html", {"form": form})


def _detail_context(request: StaffHttpRequest, item: InformationRequest) -> dict[str, Any]:
    user = request.user
    departments = Department.objects.filter(authority=item.authority).order_by("name")
    reply = getattr(item, "reply", None)
    return {
        "item": item,
        "reply": reply,
        "events": item.clock_events.select_related("actor"),
        "transitions": item.transitions.select_related("actor"),
        "assignments": item.assignments.select_related("department", "answered_by"),
        "consultations": item.consultations.all(),
        "remedies": item.remedies.all(),
        "is_handler": has_role(user, *HANDLERS),
        "is_head": has_role(user, "open_government_head"),
        "is_reviewer": has_role(user, "legal_reviewer", "open_government_head"),
        "today": _today(),
        "f": {
            "register": forms.RegisterForm(),
            "assign": forms.AssignForm(departments=departments),
            "answer": forms.AnswerForm(),
            "correction_notice": forms.CorrectionNoticeForm(initial={"on": _today()}),
            "correction_received": forms.DateForm(initial={"on": _today()}),
            "extend": forms.ExtendForm(initial={"on": _today(), "days": 20}),
            "consult": forms.ConsultForm(initial={"on": _today()}),
            "consult_reply": forms.ConsultReplyForm(initial={"on": _today()}),
            "fee": forms.FeeForm(initial={"on": _today()}),
            "fee_paid": forms.DateForm(initial={"on": _today()}),
            "route_away": forms.RouteAwayForm(),
            "draft": forms.DraftForm(initial=_draft_initial(reply)),
            "review": forms.ReviewForm(),
            "comment": forms.CommentForm(),
            "issue": forms.DateForm(initial={"on": _today()}),
            "deliver": forms.DeliverForm(initial={"on": _today(), "method": item.delivery_method}),
            "remedy": forms.RemedyForm(),
            "remedy_decide": forms.RemedyDecideForm(),
        },
    }


def _draft_initial(reply: Any) -> dict[str, Any]:
    if reply is None:
        return {}
    import json

    return {
        "reply_type": reply.reply_type,
        "withheld_reason": reply.withheld_reason,
        "reasons": reply.reasons,
        "obtain_how": reply.obtain_how,
        "responsible_organ": reply.responsible_organ,
        "source_text": reply.source_text,
        "redactions": json.dumps(reply.redactions, ensure_ascii=False) if reply.redactions else "",
    }


@login_required
@require_GET
def request_detail(request: StaffHttpRequest, pk: int) -> HttpResponse:
    item = selectors.request_get(actor=request.user, pk=pk)
    return render(request, "information_requests/request_detail.html", _detail_context(request, item))


# -- actions: each parses one form and calls one service ---------------------------------------

Action = tuple[
    Callable[..., djforms.Form], Callable[[StaffHttpRequest, InformationRequest, dict[str, Any]], Any], Any
]


def _departments(item: InformationRequest) -> Any:
    return Department.objects.filter(authority=item.authority)


def _one(model_qs: Any, pk: int) -> Any:
    obj = model_qs.filter(pk=pk).first()
    if obj is None:
        raise Http404
    return obj


ACTIONS: dict[str, Action] = {
    "register": (
        lambda item, data, files: forms.RegisterForm(data),
        lambda r, item, d: services.request_register(
            actor=r.user, request=item, today=_today(), register_number=d["register_number"]
        ),
        _("已登记政府信息公开申请，答复期限开始计算。"),
    ),
    "assign": (
        lambda item, data, files: forms.AssignForm(data, departments=_departments(item)),
        lambda r, item, d: services.request_assign(
            actor=r.user, request=item, department=d["department"], instructions=d["instructions"]
        ),
        _("已交办承办部门。"),
    ),
    "answer": (
        lambda item, data, files: forms.AnswerForm(data),
        lambda r, item, d: services.assignment_answer(
            actor=r.user, assignment=_one(item.assignments, d["assignment"]), search_result=d["search_result"]
        ),
        _("检索与办理意见已反馈。"),
    ),
    "correction_notice": (
        lambda item, data, files: forms.CorrectionNoticeForm(data),
        lambda r, item, d: services.request_correction_notice(
            actor=r.user, request=item, on=d["on"], today=_today(), items=d["items"], until=d["until"]
        ),
        _("补正告知已登记，答复期限停止计算。"),
    ),
    "correction_received": (
        lambda item, data, files: forms.DateForm(data),
        lambda r, item, d: services.request_correction_received(
            actor=r.user, request=item, on=d["on"], today=_today()
        ),
        _("已收到补正，答复期限重新计算。"),
    ),
    "extend": (
        lambda item, data, files: forms.ExtendForm(data),
        lambda r, item, d: services.request_extend(
            actor=r.user, request=item, on=d["on"], today=_today(), days=d["days"], reason=d["reason"]
        ),
        _("延期已批准。"),
    ),
    "consult": (
        lambda item, data, files: forms.ConsultForm(data),
        lambda r, item, d: services.consultation_send(
            actor=r.user, request=item, kind=d["kind"], party=d["party"], on=d["on"], today=_today()
        ),
        _("征求意见已发出，征求意见时间不计入答复期限。"),
    ),
    "consult_reply": (
        lambda item, data, files: forms.ConsultReplyForm(data),
        lambda r, item, d: services.consultation_reply(
            actor=r.user,
            consultation=_one(item.consultations, d["consultation"]),
            on=d["on"],
            opinion=d["opinion"],
            today=_today(),
        ),
        _("征求意见结果已登记。"),
    ),
    "fee": (
        lambda item, data, files: forms.FeeForm(data),
        lambda r, item, d: services.fee_notice_send(
            actor=r.user,
            request=item,
            on=d["on"],
            today=_today(),
            method=d["method"],
            pages=d["pages"] if d["method"] == "per_volume" else None,
            ordinal_in_month=d["ordinal_in_month"] if d["method"] == "per_request" else None,
        ),
        _("收费通知已登记。"),
    ),
    "fee_paid": (
        lambda item, data, files: forms.DateForm(data),
        lambda r, item, d: services.fee_paid(actor=r.user, request=item, on=d["on"], today=_today()),
        _("缴费已登记。"),
    ),
    "route_away": (
        lambda item, data, files: forms.RouteAwayForm(data),
        lambda r, item, d: services.request_route_away(
            actor=r.user, request=item, channel_text=d["channel_text"], today=_today()
        ),
        _("已告知申请人通过相应渠道提出。"),
    ),
    "draft": (
        lambda item, data, files: forms.DraftForm(data),
        lambda r, item, d: services.reply_draft(actor=r.user, request=item, **d),
        _("答复已拟稿。"),
    ),
    "review": (
        lambda item, data, files: forms.ReviewForm(data),
        lambda r, item, d: services.reply_review(
            actor=r.user, request=item, opinion=d["opinion"], passed=d["passed"]
        ),
        _("审查意见已提交。"),
    ),
    "approve": (
        lambda item, data, files: forms.CommentForm(data),
        lambda r, item, d: services.reply_approve(actor=r.user, request=item, comment=d["comment"]),
        _("答复已批准。"),
    ),
    "return": (
        lambda item, data, files: forms.CommentForm(data),
        lambda r, item, d: services.reply_return(actor=r.user, request=item, comment=d["comment"]),
        _("答复已退回。"),
    ),
    "issue": (
        lambda item, data, files: forms.DateForm(data),
        lambda r, item, d: services.reply_issue(actor=r.user, request=item, on=d["on"], today=_today()),
        _("答复已发出。"),
    ),
    "deliver": (
        lambda item, data, files: forms.DeliverForm(data, files),
        lambda r, item, d: services.reply_deliver(
            actor=r.user, request=item, on=d["on"], method=d["method"], note=d["note"], proof=d["proof"]
        ),
        _("送达已登记。"),
    ),
    "archive": (
        lambda item, data, files: forms.CommentForm(data),
        lambda r, item, d: services.request_archive(actor=r.user, request=item),
        _("已归档。"),
    ),
    "remedy": (
        lambda item, data, files: forms.RemedyForm(data),
        lambda r, item, d: services.remedy_record(
            actor=r.user, request=item, kind=d["kind"], filed_on=d["filed_on"], body=d["body"]
        ),
        _("复议诉讼已登记。"),
    ),
    "remedy_decide": (
        lambda item, data, files: forms.RemedyDecideForm(data),
        lambda r, item, d: services.remedy_decide(
            actor=r.user,
            remedy=_one(item.remedies, d["remedy"]),
            outcome=d["outcome"],
            decided_on=d["decided_on"],
        ),
        _("复议诉讼结果已登记。"),
    ),
}


@login_required
@require_POST
def request_action(request: StaffHttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in ACTIONS:
        raise Http404
    item = selectors.request_get(actor=request.user, pk=pk)
    make_form, call, ok = ACTIONS[action]
    form = make_form(item, request.POST, request.FILES)
    if not form.is_valid():
        errors = "；".join(
            f"{form.fields[f].label if f in form.fields else ''}{'：' if f in form.fields else ''}{' '.join(str(m) for m in e)}"
            for f, e in form.errors.items()
        )
        messages.error(request, _("输入有误：%(errors)s") % {"errors": errors})
    else:
        try:
            call(request, item, form.cleaned_data)
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, ok)
    return redirect("information_requests:request_detail", pk=item.pk)


@login_required
@require_GET
def reply_document(request: StaffHttpRequest, pk: int, fmt: str) -> FileResponse:
    item = selectors.request_get(actor=request.user, pk=pk)
    reply = getattr(item, "reply", None)
    stored = None if reply is None else (reply.document_pdf if fmt == "pdf" else reply.document_docx)
    if stored is None:
        raise Http404
    return file_open_for_download(actor=request.user, file=stored)


@role_required(*READERS)
@require_GET
def overdue(request: StaffHttpRequest) -> HttpResponse:
    return render(
        request,
        "information_requests/overdue.html",
        {"groups": selectors.overdue_by_unit(actor=request.user, today=_today()), "today": _today()},
    )


@role_required(*READERS)
@require_GET
def statistics(request: StaffHttpRequest) -> HttpResponse:
    try:
        year = int(request.GET.get("year") or _today().year)
    except ValueError:
        year = _today().year
    stats = selectors.statistics(actor=request.user, year=year, today=_today())
    peak = max([n for _m, n in stats.by_month] or [0]) or 1
    return render(
        request,
        "information_requests/statistics.html",
        {"stats": stats, "peak": peak, "years": range(_today().year, _today().year - 5, -1)},
    )


# -- annual reports -----------------------------------------------------------------------------


@role_required(*HANDLERS)
@require_GET
def report_list(request: StaffHttpRequest) -> HttpResponse:
    reports = AnnualReport.objects.visible_to(request.user).select_related("authority")
    return render(
        request,
        "information_requests/report_list.html",
        {
            "reports": reports,
            "authorities": authorities_in_scope(request.user).order_by("path"),
            "last_year": _today().year - 1,
            "warnings": selectors.report_warnings(actor=request.user, today=_today()),
        },
    )


def _authority_or_404(request: StaffHttpRequest, authority_id: int) -> Any:
    authority = authorities_in_scope(request.user).filter(pk=authority_id).first()
    if authority is None:
        raise Http404
    return authority


@role_required(*HANDLERS)
def report_edit(request: StaffHttpRequest, authority_id: int, year: int) -> HttpResponse:
    authority = _authority_or_404(request, authority_id)
    report = AnnualReport.objects.filter(authority=authority, year=year).first()
    initial = (
        {"overview": report.overview, "problems": report.problems, "other_matters": report.other_matters}
        if report
        else {}
    )
    form = forms.ReportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.annual_report_save(
                actor=request.user, authority=authority, year=year, **form.cleaned_data
            )
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("年度报告已保存。"))
            return redirect("information_requests:report_edit", authority_id=authority.pk, year=year)
    tables = selectors.annual_report_tables(authority=authority, year=year)
    return render(
        request,
        "information_requests/report_edit.html",
        {
            "authority": authority,
            "year": year,
            "report": report,
            "form": form,
            "tables": tables,
            "rows": tables.requests_rows(),
            "is_head": has_role(request.user, "open_government_head"),
        },
    )


@role_required("open_government_head")
@require_POST
def report_publish(request: StaffHttpRequest, authority_id: int, year: int) -> HttpResponse:
    authority = _authority_or_404(request, authority_id)
    report = AnnualReport.objects.filter(authority=authority, year=year).first()
    if report is None:
        messages.error(request, _("请先填写并保存年度报告。"))
    else:
        try:
            services.annual_report_publish(actor=request.user, report=report, now=timezone.now())
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("年度报告已在门户网站发布。"))
    return redirect("information_requests:report_edit", authority_id=authority.pk, year=year)


@role_required(*HANDLERS)
@require_GET
def report_docx(request: StaffHttpRequest, authority_id: int, year: int) -> HttpResponse:
    from .documents import annual_report_docx

    authority = _authority_or_404(request, authority_id)
    report = AnnualReport.objects.filter(authority=authority, year=year).first() or AnnualReport(
        authority=authority, year=year
    )
    response = HttpResponse(
        annual_report_docx(report, selectors.annual_report_tables(authority=authority, year=year)),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="annual-report-{authority.pk}-{year}.docx"'
    return response


# -- templates ----------------------------------------------------------------------------------


@role_required(*HANDLERS)
@require_GET
def template_list(request: StaffHttpRequest) -> HttpResponse:
    from .services.replies import template_for

    authority = request.user.authority
    rows = [(value, label, template_for(authority, value)) for value, label in ReplyType.choices]
    return render(request, "information_requests/template_list.html", {"rows": rows, "authority": authority})


@role_required(*HANDLERS)
def template_edit(request: StaffHttpRequest, reply_type: str) -> HttpResponse:
    from .services.replies import template_for

    if reply_type not in DEFAULTS:
        raise Http404
    authority = request.user.authority
    title, body, basis = template_for(authority, reply_type)
    form = forms.TemplateForm(
        request.POST or None, initial={"title": title, "body": body, "legal_basis": basis}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.template_save(
                actor=request.user, authority=authority, reply_type=reply_type, **form.cleaned_data
            )
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("模板已保存。"))
            return redirect("information_requests:template_list")
    return render(
        request,
        "information_requests/template_edit.html",
        {"form": form, "label": ReplyType(reply_type).label},
    )
