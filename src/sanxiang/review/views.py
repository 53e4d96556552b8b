"""Staff pages of the legal review. Thin: parse a form, call one service or selector, render.
Out-of-scope ids raise ``ScopeViolation`` in the selectors (404, audited by the middleware)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.forms.models import model_to_dict
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sanxiang.enforcement.forms import add_domain_error
from sanxiang.files.selectors import file_list_for
from sanxiang.jobs.services import job_create
from sanxiang.kernel.access import has_role, holds_role, role_required
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.exceptions import DomainError, PermissionDeniedError
from sanxiang.kernel.http import StaffHttpRequest

from . import documents, jobs, rules, selectors, services
from .choices import CaseStatus
from .forms import (
    AssignForm,
    BenchmarkImportForm,
    CaseForm,
    CatalogueRuleFormSet,
    CatalogueVersionForm,
    ChecklistItemForm,
    CommentForm,
    DecideForm,
    DeliberationForm,
    FilingForm,
    OpinionForm,
    ReasonForm,
    catalogue_rows,
    initial_rows,
)
from .models import BenchmarkVersion, ExemptionBatch
from .roles import REVIEW_ROLES

review_required = role_required(*REVIEW_ROLES)


def _today() -> datetime.date:
    return services.now_date()


@review_required
@require_GET
def case_list(request: StaffHttpRequest) -> HttpResponse:
    cases = selectors.case_list(
        actor=request.user, status=request.GET.get("status") or None, q=request.GET.get("q")
    )
    page = Paginator(cases, 50).get_page(request.GET.get("page"))
    queue = (
        list(selectors.reviewer_queue(actor=request.user)[:20])
        if holds_role(request.user, "legal_reviewer")
        else []
    )
    return render(
        request,
        "review/case_list.html",
        {"page": page, "statuses": CaseStatus.choices, "filters": request.GET, "queue": queue},
    )


@review_required
@require_http_methods(["GET", "POST"])
def case_create(request: StaffHttpRequest) -> HttpResponse:
    initial = {"act": request.GET.get("act")} if request.GET.get("act") else None
    form = CaseForm(request.POST or None, actor=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_create(actor=request.user, today=_today(), **form.case_data(_today()))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                _("已登记法制审核案件：%(case)s，当前状态“%(status)s”。")
                % {"case": case, "status": case.get_status_display()},
            )
            return redirect("review:case_detail", pk=case.pk)
    return render(request, "review/case_form.html", {"form": form, **_assistant(request, form)})


def _assistant(request: StaffHttpRequest, form: CaseForm) -> dict[str, Any]:
    """The live discretion assistant for what the form holds so far (valid parts only)."""
    if form.is_bound:
        form.is_valid()
    data = getattr(form, "cleaned_data", {}) if form.is_bound else {}
    questions = form.questions(_today()) if form.is_bound else []
    preview = None
    if data.get("violation_code"):
        act = data.get("act")
        preview = selectors.discretion_preview(
            actor=request.user,
            act_id=act.pk if act is not None else None,
            violation=data["violation_code"],
            violation_date=data.get("violation_date"),
            facts=form.discretion_facts([q.key for q in questions]),
            proposed_penalty=data.get("penalty_amount"),
            today=_today(),
        )
    return {"questions": form.fact_fields([q.key for q in questions]), "discretion": preview}


@review_required
@require_GET
def discretion_assist(request: StaffHttpRequest) -> HttpResponse:
    """htmx: the circumstance questions, lawful range, benchmark line, 首违不罚 and similar cases
    for the case form as filled in so far."""
    form = CaseForm(request.GET, actor=request.user)
    return render(request, "review/_discretion_assist.html", {"form": form, **_assistant(request, form)})


def _detail_context(request: StaffHttpRequest, case: Any) -> dict[str, Any]:
    items = selectors.checklist_items(case.authority)
    return {
        "case": case,
        "condition_labels": [rules.CONDITIONS.get(c, c) for c in case.conditions or []],
        "transitions": case.transitions.select_related("actor"),
        "opinions": case.opinions.select_related("reviewer").prefetch_related("findings"),
        "deliberations": case.deliberations.all(),
        "pauses": case.pauses.all(),
        "deadlines": selectors.case_deadlines(case),
        "files": file_list_for(actor=request.user, owner=case),
        "actions": {s.action for s in rules.actions_from(case.status)},
        "discretion": selectors.case_discretion(case=case, today=_today()),
        "assign_form": AssignForm(reviewers=selectors.eligible_reviewers(case=case))
        if case.status == "submitted"
        else None,
        "opinion_form": OpinionForm(items=items),
        "deliberation_form": DeliberationForm(initial={"held_on": _today()}),
        "decide_form": DecideForm(
            initial={"mode": "collective" if case.leaders_collective else "individual"}
        ),
        "comment_form": CommentForm(),
        "reason_form": ReasonForm(),
    }


@review_required
@require_GET
def case_detail(request: StaffHttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_get(actor=request.user, pk=pk)
    return render(request, "review/case_detail.html", _detail_context(request, case))


def _assign(request: StaffHttpRequest, case: Any) -> None:
    form = AssignForm(request.POST, reviewers=selectors.eligible_reviewers(case=case))
    if not form.is_valid():
        raise DomainError(_("请选择符合条件的审核人员。"))
    services.case_assign(
        actor=request.user, case=case, reviewer=form.cleaned_data["reviewer"], today=_today()
    )


def _opinion(request: StaffHttpRequest, case: Any) -> None:
    form = OpinionForm(request.POST, items=selectors.checklist_items(case.authority))
    if not form.is_valid():
        raise DomainError(_("请填写审核意见、理由和每项审核结论。"))
    services.review_record_opinion(
        actor=request.user,
        case=case,
        opinion=form.cleaned_data["opinion"],
        reasons=form.cleaned_data["reasons"],
        findings=form.findings(),
        today=_today(),
    )


def _with_form(form_class: type, call: Callable) -> Callable:
    def run(request: StaffHttpRequest, case: Any) -> None:
        form = form_class(request.POST)
        if not form.is_valid():
            raise DomainError(_("输入有误：%(errors)s") % {"errors": form.errors.as_text()})
        call(request, case, form)

    return run


# What each step did, for the confirmation message (with the case and its new status).
ACTION_DONE = {
    "submit": _("已送审"),
    "assign": _("已分配审核人员"),
    "opinion": _("审核意见已保存"),
    "confirm_changes": _("已确认按修改意见修改"),
    "resume": _("已恢复审核计时"),
    "extend": _("已延长审核期限"),
    "deliberate": _("集体审议结果已登记"),
    "decide": _("决定已登记"),
    "withdraw": _("已撤回送审"),
}

ACTIONS: dict[str, Callable] = {
    "submit": _with_form(
        CommentForm,
        lambda r, c, f: services.case_submit(
            actor=r.user, case=c, today=_today(), comment=f.cleaned_data["comment"]
        ),
    ),
    "assign": _assign,
    "opinion": _opinion,
    "confirm_changes": _with_form(
        CommentForm,
        lambda r, c, f: services.review_confirm_changes(
            actor=r.user, case=c, today=_today(), comment=f.cleaned_data["comment"]
        ),
    ),
    "resume": _with_form(
        CommentForm,
        lambda r, c, f: services.case_resume(
            actor=r.user, case=c, today=_today(), comment=f.cleaned_data["comment"]
        ),
    ),
    "extend": _with_form(
        ReasonForm,
        lambda r, c, f: services.case_extend(
            actor=r.user, case=c, today=_today(), reason=f.cleaned_data["reason"]
        ),
    ),
    "deliberate": _with_form(
        DeliberationForm,
        lambda r, c, f: services.deliberation_record(actor=r.user, case=c, **f.service_data()),
    ),
    "decide": _with_form(
        DecideForm,
        lambda r, c, f: services.case_decide(actor=r.user, case=c, today=_today(), **f.service_data()),
    ),
    "withdraw": _with_form(
        ReasonForm,
        lambda r, c, f: services.case_withdraw(
            actor=r.user, case=c, today=_today(), reason=f.cleaned_data["reason"]
        ),
    ),
}


@review_required
@require_POST
def case_action(request: StaffHttpRequest, pk: int, action: str) -> HttpResponse:
    """One workflow step from the case page; refusals come back as a message on the page."""
    if action not in ACTIONS:
        raise Http404
    case = selectors.case_get(actor=request.user, pk=pk, action="change")
    try:
        ACTIONS[action](request, case)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        case.refresh_from_db()
        messages.success(
            request,
            _("%(done)s：%(case)s，当前状态“%(status)s”。")
            % {"done": ACTION_DONE[action], "case": case, "status": case.get_status_display()},
        )
    return redirect("review:case_detail", pk=pk)


@review_required
@require_GET
def opinion_document(request: StaffHttpRequest, pk: int, opinion_pk: int, fmt: str) -> HttpResponse:
    case = selectors.case_get(actor=request.user, pk=pk)
    opinion = case.opinions.filter(pk=opinion_pk).select_related("reviewer").first()
    if opinion is None:
        raise Http404
    name = f"review-opinion-{case.pk}-{opinion.round}"
    if fmt == "docx":
        response = HttpResponse(
            documents.opinion_docx(case, opinion),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.docx"'
        return response
    pdf = documents.opinion_pdf(case, opinion)
    if pdf is None:
        return HttpResponse(
            _("本服务器无法生成 PDF（未安装 WeasyPrint 或缺少字体），请下载 Word 版本。"), status=503
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response


@review_required
@require_GET
def exemption_document(request: StaffHttpRequest, pk: int) -> HttpResponse:
    """The 不予行政处罚决定书 (Word) for a case the first-violation exemption covers."""
    case = selectors.case_get(actor=request.user, pk=pk)
    try:
        document = services.exemption_decision_document(actor=request.user, case=case, today=_today())
    except services.ExemptionNotApplicable as exc:
        if exc.unreadable:
            raise Http404 from None
        messages.error(request, str(exc.message))
        return redirect("review:case_detail", pk=pk)
    response = HttpResponse(
        document,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="no-penalty-{case.pk}.docx"'
    return response


@review_required
@require_GET
def workflow(request: StaffHttpRequest) -> HttpResponse:
    labels = {value: str(label) for value, label in CaseStatus.choices}
    return render(
        request,
        "review/workflow.html",
        {
            "steps": rules.TRANSITIONS,
            "mermaid": rules.mermaid(labels=labels),
            "dot": rules.dot(),
            "labels": labels,
        },
    )


def _year(request: StaffHttpRequest) -> int:
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() else _today().year


@review_required
@require_GET
def statistics(request: StaffHttpRequest) -> HttpResponse:
    year = _year(request)
    stats = selectors.review_statistics(actor=request.user, year=year)
    return render(
        request,
        "review/statistics.html",
        {"stats": stats, "year": year, "years": range(_today().year, _today().year - 5, -1)},
    )


@review_required
@require_GET
def statistics_xlsx(request: StaffHttpRequest) -> HttpResponse:
    year = _year(request)
    stats = selectors.review_statistics(actor=request.user, year=year)
    body = documents.statistics_xlsx(stats)
    response = HttpResponse(
        body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="review-statistics-{year}.xlsx"'
    return response


@review_required
@require_GET
def unreviewed(request: StaffHttpRequest) -> HttpResponse:
    return render(
        request, "review/unreviewed.html", {"groups": selectors.unreviewed_by_unit(actor=request.user)}
    )


@review_required
@require_http_methods(["GET", "POST"])
def benchmarks(request: StaffHttpRequest) -> HttpResponse:
    form = BenchmarkImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["workbook"]
        try:
            services.benchmark_require_importer(request.user)  # at once; the job checks again
            if request.user.authority is None:
                raise PermissionDeniedError(_("您的账号未归属任何机关，不能提交后台任务。"))
            job = job_create(
                actor=request.user,
                kind=jobs.BENCHMARK_IMPORT,
                authority=request.user.authority,
                params={"file_name": upload.name},
                uploads=[upload],
            )
        except DomainError as error:  # no importer; over the file store's size limit
            form.add_error(None, str(error.message))
        else:
            return redirect("jobs:detail", job_id=job.pk)
    return render(
        request,
        "review/benchmarks.html",
        {"form": form, "versions": BenchmarkVersion.objects.all(), "batches": ExemptionBatch.objects.all()},
    )


# --- catalogue and checklist administration ------------------------------------------------------


def admin_required(view: Callable) -> Callable:
    """Pages that edit the catalogue or the checklist: administrators only (the services check
    the data scope of each change again)."""

    return review_required(role_required(RoleCode.ADMINISTRATOR)(view))


def _can_administer(user: Any) -> bool:
    return has_role(user, RoleCode.ADMINISTRATOR)


@review_required
@require_GET
def catalogue_list(request: StaffHttpRequest) -> HttpResponse:
    today = _today()
    return render(
        request,
        "review/catalogue_list.html",
        {
            "rows": selectors.catalogue_list(actor=request.user, today=today),
            "problems": selectors.catalogue_filing_problems(actor=request.user, today=today),
            "can_edit": _can_administer(request.user),
            "filing_form": FilingForm(initial={"filed_on": today}),
        },
    )


@review_required
@require_GET
def catalogue_detail(request: StaffHttpRequest, pk: int) -> HttpResponse:
    row = selectors.catalogue_get(actor=request.user, pk=pk, today=_today())
    return render(
        request,
        "review/catalogue_detail.html",
        {
            "row": row,
            "catalogue": row.catalogue,
            "rules": selectors.catalogue_rules(row.catalogue),
            "can_edit": _can_administer(request.user) and row.catalogue.authority_id is not None,
            "filing_form": FilingForm(initial={"filed_on": row.catalogue.filed_on or _today()}),
        },
    )


@admin_required
@require_http_methods(["GET", "POST"])
def catalogue_create(request: StaffHttpRequest) -> HttpResponse:
    authorities = selectors.catalogue_admin_authorities(actor=request.user)
    chosen = authorities.filter(pk=request.GET.get("authority") or 0).first() or (
        authorities.filter(pk=request.user.authority_id).first() or authorities.first()
    )
    in_force = services.catalogue_for(chosen, _today()) if chosen else None
    form = CatalogueVersionForm(
        request.POST or None,
        authorities=authorities,
        initial={
            "authority": chosen,
            "name": in_force.name.replace("（默认）", "") if in_force else _("重大执法决定法制审核事项清单"),
            "effective_from": _today(),
        },
    )
    rows = CatalogueRuleFormSet(
        request.POST or None,
        prefix="rules",
        initial=initial_rows(list(in_force.rules.all())) if in_force and request.method == "GET" else None,
    )
    if request.method == "POST" and form.is_valid() and rows.is_valid():
        try:
            catalogue = services.catalogue_create(
                actor=request.user, rows=catalogue_rows(rows), today=_today(), **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, str(error.message))
            for line in error.extra.get("errors", []):
                form.add_error(None, str(line))
        else:
            messages.success(request, _("已保存新版本。"))
            return redirect("review:catalogue_detail", pk=catalogue.pk)
    return render(
        request,
        "review/catalogue_form.html",
        {"form": form, "rows": rows, "in_force": in_force, "authorities": authorities, "chosen": chosen},
    )


@admin_required
@require_POST
def catalogue_file(request: StaffHttpRequest, pk: int) -> HttpResponse:
    row = selectors.catalogue_get(actor=request.user, pk=pk, today=_today())
    form = FilingForm(request.POST)
    try:
        if not form.is_valid():
            raise DomainError(_("请填写备案日期。"))
        services.catalogue_record_filing(
            actor=request.user,
            catalogue=row.catalogue,
            filed_on=form.cleaned_data["filed_on"],
            today=_today(),
        )
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("已登记备案日期。"))
    return redirect("review:catalogue_detail", pk=pk)


@review_required
@require_http_methods(["GET", "POST"])
def checklist(request: StaffHttpRequest) -> HttpResponse:
    authorities = selectors.catalogue_admin_authorities(actor=request.user)
    authority = authorities.filter(pk=request.GET.get("authority") or 0).first() or (
        authorities.filter(pk=request.user.authority_id).first()
    )
    if authority is None and request.user.authority_id and not authorities.exists():
        authority = request.user.authority
    form = ChecklistItemForm(request.POST or None, prefix="new")
    if request.method == "POST":
        if not _can_administer(request.user):
            raise PermissionDenied
        if form.is_valid():
            try:
                services.checklist_item_create(
                    actor=request.user,
                    authority=authority,
                    point=form.cleaned_data["point"],
                    text=form.cleaned_data["text"],
                    order=form.cleaned_data["order"],
                )
            except DomainError as error:
                form.add_error(None, str(error.message))
            else:
                messages.success(request, _("已添加审核事项。"))
                return redirect(f"{request.path}?authority={authority.pk if authority else ''}")
    items, own = selectors.checklist_admin(actor=request.user, authority=authority)
    return render(
        request,
        "review/checklist.html",
        {
            "items": [
                (item, ChecklistItemForm(prefix=f"i{item.pk}", initial=model_to_dict(item))) for item in items
            ],
            "own": own,
            "authority": authority,
            "authorities": authorities,
            "form": form,
            "can_edit": _can_administer(request.user),
        },
    )


@admin_required
@require_POST
def checklist_item(request: StaffHttpRequest, pk: int) -> HttpResponse:
    item = selectors.checklist_item_get(actor=request.user, pk=pk)
    form = ChecklistItemForm(request.POST, prefix=f"i{pk}")
    try:
        if not form.is_valid():
            raise DomainError(_("输入有误：%(errors)s") % {"errors": form.errors.as_text()})
        services.checklist_item_update(
            actor=request.user,
            item=item,
            point=form.cleaned_data["point"],
            text=form.cleaned_data["text"],
            order=form.cleaned_data["order"] or 0,
            is_active=form.cleaned_data["is_active"],
        )
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("已保存审核清单项“%(item)s”。") % {"item": item.text})
    return redirect(f"{reverse('review:checklist')}?authority={item.authority_id or ''}")
