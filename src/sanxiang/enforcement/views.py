"""Staff views: taxpayer search and archive (一户式), acts, decisions and attachments.

Thin: parse a form, call one selector or service, render. Out-of-scope ids raise
``ScopeViolation`` in the selectors (404, audited by the middleware).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sanxiang.files.selectors import file_list_for
from sanxiang.kernel.access import has_role, role_required
from sanxiang.kernel.exceptions import DomainError
from sanxiang.kernel.http import StaffHttpRequest

from . import documents, selectors, services, tickets
from .choices import ActKind, ActStatus
from .forms import (
    ActForm,
    AttachmentForm,
    DecisionForm,
    DecisionOutcomeForm,
    TaxpayerSearchForm,
    add_domain_error,
)
from .roles import READ_ROLES, WRITE_ROLES

read_required = role_required(*READ_ROLES)
write_required = role_required(*WRITE_ROLES)

PAGE_SIZE = 50


def _page(request: StaffHttpRequest, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


@read_required
@require_GET
def taxpayer_list(request: StaffHttpRequest) -> HttpResponse:
    form = TaxpayerSearchForm(request.GET)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    page = _page(request, selectors.taxpayer_list(actor=request.user, q=q, kind=request.GET.get("kind")))
    return render(request, "enforcement/taxpayer_list.html", {"form": form, "page": page, "q": q})


def _render_archive(request: StaffHttpRequest, pk: int, revealed_id: str | None = None) -> HttpResponse:
    taxpayer = selectors.taxpayer_get(actor=request.user, pk=pk)
    archive = selectors.taxpayer_archive(actor=request.user, taxpayer=taxpayer)
    return render(
        request,
        "enforcement/taxpayer_detail.html",
        {"archive": archive, "taxpayer": archive.taxpayer, "revealed_id": revealed_id},
    )


@read_required
@require_GET
def taxpayer_detail(request: StaffHttpRequest, pk: int) -> HttpResponse:
    return _render_archive(request, pk)


@read_required
@require_POST
def taxpayer_reveal_id(request: StaffHttpRequest, pk: int) -> HttpResponse:
    """Show the full ID number once, in this response only (audited, never cached)."""
    taxpayer = selectors.taxpayer_get(actor=request.user, pk=pk, action="reveal")
    revealed = services.taxpayer_reveal_id_number(actor=request.user, taxpayer=taxpayer)
    response = _render_archive(request, pk, revealed_id=revealed)
    response["Cache-Control"] = "private, no-store"
    return response


@read_required
@require_GET
def act_list(request: StaffHttpRequest) -> HttpResponse:
    acts = selectors.act_list(
        actor=request.user,
        kind=request.GET.get("kind") or None,
        status=request.GET.get("status") or None,
        q=request.GET.get("q"),
    )
    return render(
        request,
        "enforcement/act_list.html",
        {
            "page": _page(request, acts),
            "kinds": ActKind.choices,
            "statuses": ActStatus.choices,
            "filters": request.GET,
            "can_write": has_role(request.user, *WRITE_ROLES),
        },
    )


@read_required
@require_GET
def act_detail(request: StaffHttpRequest, pk: int) -> HttpResponse:
    act = selectors.act_get(actor=request.user, pk=pk)
    return render(
        request,
        "enforcement/act_detail.html",
        {
            "act": act,
            "decisions": selectors.decision_list(actor=request.user, act=act),
            "files": file_list_for(actor=request.user, owner=act),
            "can_write": has_role(request.user, *WRITE_ROLES),
            "ticket": selectors.matter_ticket_for(act),
            "attachment_form": AttachmentForm(),
            "outcome_form": DecisionOutcomeForm(),
        },
    )


@write_required
@require_http_methods(["GET", "POST"])
def act_create(request: StaffHttpRequest) -> HttpResponse:
    form = ActForm(request.POST if request.method == "POST" else None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            act = services.act_create(actor=request.user, officers=form.officers(), **form.act_data())
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            return redirect("enforcement:act_detail", pk=act.pk)
    return render(request, "enforcement/act_form.html", {"form": form})


@write_required
@require_http_methods(["GET", "POST"])
def act_edit(request: StaffHttpRequest, pk: int) -> HttpResponse:
    act = selectors.act_get(actor=request.user, pk=pk, action="change")
    initial = {
        name: getattr(act, name) for name in services.ACT_FIELDS if name not in ("source_system", "source_id")
    }
    links = list(act.officer_links.all())
    initial["lead_officers"] = [link.user for link in links if link.role == "lead"]
    initial["assist_officers"] = [link.user for link in links if link.role == "assist"]
    form = ActForm(request.POST if request.method == "POST" else None, actor=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.act_update(actor=request.user, act=act, data=form.act_data(), officers=form.officers())
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            return redirect("enforcement:act_detail", pk=act.pk)
    return render(request, "enforcement/act_form.html", {"form": form, "act": act})


@write_required
@require_POST
def act_attach(request: StaffHttpRequest, pk: int) -> HttpResponse:
    act = selectors.act_get(actor=request.user, pk=pk, action="change")
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        services.act_attach_file(actor=request.user, act=act, upload=form.cleaned_data["file"])
        messages.success(request, _("附件已保存。"))
    else:
        messages.error(request, _("请选择要上传的文件。"))
    return redirect("enforcement:act_detail", pk=act.pk)


@write_required
@require_http_methods(["GET", "POST"])
def decision_create(request: StaffHttpRequest, act_pk: int) -> HttpResponse:
    act = selectors.act_get(actor=request.user, pk=act_pk, action="change")
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_create(actor=request.user, act=act, **form.cleaned_data)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            return redirect("enforcement:act_detail", pk=act.pk)
    return render(request, "enforcement/decision_form.html", {"form": form, "act": act})


@write_required
@require_POST
def decision_outcome(request: StaffHttpRequest, pk: int) -> HttpResponse:
    decision = selectors.decision_get(actor=request.user, pk=pk, action="change")
    form = DecisionOutcomeForm(request.POST)
    if form.is_valid():
        try:
            services.decision_record_outcome(actor=request.user, decision=decision, **form.cleaned_data)
        except DomainError as exc:
            add_domain_error(form, exc)
    if form.errors:
        return render(
            request, "enforcement/decision_outcome.html", {"form": form, "decision": decision}, status=400
        )
    return redirect("enforcement:act_detail", pk=decision.act_id)


@write_required
@require_GET
def act_receipt(request: StaffHttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The 受理回执 of a 承诺件 in Word or PDF; it shows the verification code (audited)."""
    if fmt not in ("docx", "pdf"):
        raise Http404
    act = selectors.act_get(actor=request.user, pk=pk, action="change")
    try:
        receipt = tickets.matter_ticket_receipt(actor=request.user, act=act)
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return redirect("enforcement:act_detail", pk=act.pk)
    name = f"receipt-{receipt.ticket.matter_number}"
    if fmt == "docx":
        response = HttpResponse(
            documents.receipt_docx(receipt),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    else:
        pdf = documents.receipt_pdf(receipt)
        if pdf is None:
            return HttpResponse(
                _("本服务器无法生成 PDF（未安装 WeasyPrint 或缺少字体），请下载 Word 版本。"), status=503
            )
        response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response["Cache-Control"] = "private, no-store"
    return response
