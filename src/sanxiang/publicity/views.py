"""Staff views of the publicity back office. Thin: a form, one service or selector, a template.

Out-of-scope ids raise ``ScopeViolation`` in the selectors (404, audited by the middleware).
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from openpyxl import Workbook

from sanxiang.enforcement.choices import DecisionKind
from sanxiang.jobs.services import job_create
from sanxiang.kernel.access import role_required
from sanxiang.kernel.exceptions import DomainError
from sanxiang.kernel.http import StaffHttpRequest

from . import catalogue_services, documents, imports, jobs, selectors, services
from .forms import (
    CategoryForm,
    CommentForm,
    DocumentImportForm,
    EntryForm,
    ImportForm,
    ItemForm,
    ItemRuleForm,
    LiftForm,
    MaskForm,
    MaskPolicyForm,
    OverdueFilterForm,
    ReasonForm,
    add_domain_error,
)
from .masking import preview
from .models import Category, EntryStatus, Item, ItemRule, MaskPolicy

STAFF_ROLES = selectors.STAFF_ROLES


staff_required = role_required(*STAFF_ROLES)


@staff_required
@require_GET
def entry_list(request: StaffHttpRequest) -> HttpResponse:
    entries = selectors.entry_list(
        actor=request.user,
        status=request.GET.get("status") or None,
        item=request.GET.get("item") or None,
        q=request.GET.get("q") or None,
    )
    return render(
        request,
        "publicity/entry_list.html",
        {
            "page": Paginator(entries, 50).get_page(request.GET.get("page")),
            "items": selectors.item_list(),
            "draftable": [i for i in selectors.item_list() if services.can_draft(request.user, i)],
            "statuses": EntryStatus.choices,
            "filters": request.GET,
            "today": timezone.localdate(),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def entry_create(request: StaffHttpRequest, code: str) -> HttpResponse:
    item = get_object_or_404(Item, code=code, is_active=True)
    if not services.can_draft(request.user, item):
        raise PermissionDenied
    form = EntryForm(request.POST or None, item=item, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.entry_create(
                actor=request.user,
                item=item,
                authority=form.cleaned_data["authority"],
                department=request.user.department
                if request.user.department
                and request.user.department.authority_id == form.cleaned_data["authority"].pk
                else None,
                data=form.values(),
                text=form.cleaned_data.get("text", ""),
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, _("公示信息草稿已保存。"))
            return redirect("publicity:entry_detail", pk=entry.pk)
    return render(request, "publicity/entry_form.html", {"form": form, "item": item})


@staff_required
@require_GET
def entry_detail(request: StaffHttpRequest, pk: int) -> HttpResponse:
    entry = selectors.entry_get(actor=request.user, pk=pk)
    versions = list(entry.versions.select_related("created_by", "approved_by").order_by("number"))
    current = next(v for v in versions if v.number == entry.current_version)
    table = services.PolicyTable()
    category = entry.item.masking_category or entry.item.code
    liftable = sorted(table.liftable.get((category, entry.subject_type), set()))
    raw = {
        **current.data,
        "legal_representative": current.legal_representative,
        "id_number": current.id_number,
    }
    can_approve = services.can_approve(request.user, entry.item)
    source = documents.source_segments(entry)
    preview_fields, segments = preview(
        entry.item.fields, raw, current.text, current.spans, current.field_masks
    )
    return render(
        request,
        "publicity/entry_detail.html",
        {
            "entry": entry,
            "version": current,
            "versions": versions,
            "segments": segments,
            "preview_fields": preview_fields,
            "source_fields": source[0] if source else None,
            "source_segments": source[1] if source else None,
            "source_file": entry.document_source.file_name if source else "",
            "transitions": entry.transitions.select_related("actor"),
            "can_draft": services.can_draft(request.user, entry.item),
            "can_approve": can_approve,
            "today": timezone.localdate(),
            "can_mask": can_approve and entry.status in (EntryStatus.SUBMITTED, EntryStatus.CORRECTING),
            "is_author": current.created_by_id == request.user.pk,
            "liftable": liftable,
            "comment_form": CommentForm(auto_id="approve_%s"),
            "return_form": CommentForm(auto_id="return_%s"),
            "reason_form": ReasonForm(auto_id="withdraw_%s"),
            "repair_form": ReasonForm(auto_id="repair_%s"),
            "mask_form": MaskForm(),
            "lift_form": LiftForm(),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def entry_edit(request: StaffHttpRequest, pk: int, correct: bool = False) -> HttpResponse:
    entry = selectors.entry_get(actor=request.user, pk=pk, action="change")
    if not services.can_draft(request.user, entry.item):
        raise PermissionDenied
    form = EntryForm(
        request.POST or None,
        initial=selectors.entry_form_initial(entry),
        item=entry.item,
        user=request.user,
        with_reason=correct,
    )
    if request.method == "POST" and form.is_valid():
        try:
            if correct:
                published = entry.published_version
                services.entry_correct(
                    actor=request.user,
                    entry=entry,
                    data=form.values(),
                    text=form.cleaned_data.get("text", ""),
                    reason=form.cleaned_data["reason"],
                )
                message = _(
                    "已生成更正版本（第%(new)s版），已提交审核；审核通过前，公示页面仍显示第%(old)s版。"
                ) % {"new": entry.current_version, "old": published}
            else:
                services.entry_update(
                    actor=request.user,
                    entry=entry,
                    data=form.values(),
                    text=form.cleaned_data.get("text", ""),
                )
                message = _("修改已保存（第%(n)s版）。") % {"n": entry.current_version}
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, message)
            return redirect("publicity:entry_detail", pk=entry.pk)
    return render(
        request,
        "publicity/entry_form.html",
        {"form": form, "item": entry.item, "entry": entry, "correct": correct},
    )


def _action(request: StaffHttpRequest, pk: int, run: Callable[[Any, Any], Any], ok: str) -> HttpResponse:
    """Run one workflow step on an entry; ``ok`` names the entry (``%(entry)s``) and its new state."""
    entry = selectors.entry_get(actor=request.user, pk=pk, action="change")
    try:
        run(entry, request.POST)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, ok % {"entry": services.entry_notice_title(entry)})
    return redirect("publicity:entry_detail", pk=entry.pk)


@staff_required
@require_POST
def entry_submit(request: StaffHttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        lambda e, p: services.entry_submit(actor=request.user, entry=e),
        _("“%(entry)s”已提交审核，等待审批人保密审查与发布审批。"),
    )


@staff_required
@require_POST
def entry_recall(request: StaffHttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        lambda e, p: services.entry_recall(actor=request.user, entry=e),
        _("“%(entry)s”已撤回提交，回到草稿，可修改后重新提交。"),
    )


@staff_required
@require_POST
def entry_approve(request: StaffHttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        lambda e, p: services.entry_approve(actor=request.user, entry=e, comment=p.get("comment", "")),
        _("“%(entry)s”已审批，现已在门户公示。"),
    )


@staff_required
@require_POST
def entry_return(request: StaffHttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        lambda e, p: services.entry_return(actor=request.user, entry=e, comment=p.get("comment", "")),
        _("“%(entry)s”已退回起草人修改。"),
    )


@staff_required
@require_POST
def entry_withdraw(request: StaffHttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        lambda e, p: services.entry_withdraw(actor=request.user, entry=e, reason=p.get("reason", "")),
        _("“%(entry)s”已撤回公示，门户不再显示。"),
    )


@staff_required
@require_POST
def entry_credit_repair(request: StaffHttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        lambda e, p: services.entry_credit_repair(actor=request.user, entry=e, reason=p.get("reason", "")),
        _("“%(entry)s”已因信用修复停止公示。"),
    )


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


@staff_required
@require_POST
def entry_add_mask(request: StaffHttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        lambda e, p: services.entry_add_mask(
            actor=request.user,
            entry=e,
            phrase=p.get("phrase", "").strip(),
            start=_int(p.get("start")),
            end=_int(p.get("end")),
            field=p.get("field", ""),
        ),
        _("已添加遮盖。"),
    )


@staff_required
@require_POST
def entry_lift_mask(request: StaffHttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        lambda e, p: services.entry_lift_mask(
            actor=request.user, entry=e, field_type=p.get("field_type", ""), reason=p.get("reason", "")
        ),
        _("已解除遮盖。"),
    )


@staff_required
@require_http_methods(["GET", "POST"])
def entry_import(request: StaffHttpRequest) -> HttpResponse:
    """The import page; a valid upload becomes a background job and the clerk goes to its page."""
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job = job_create(
                actor=request.user,
                kind=jobs.ENTRIES_IMPORT,
                authority=form.cleaned_data["authority"],
                params={"item": form.cleaned_data["item"].code, "file_name": upload.name},
                uploads=[upload],
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            return redirect("jobs:detail", job_id=job.pk)
    return _import_page(request, form=form)


def _import_page(
    request: StaffHttpRequest, *, form: ImportForm | None = None, document_form: Any = None
) -> HttpResponse:
    return render(
        request,
        "publicity/import.html",
        {
            "form": form or ImportForm(user=request.user),
            "document_form": document_form or DocumentImportForm(user=request.user),
            "items": selectors.item_list(),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def document_import(request: StaffHttpRequest) -> HttpResponse:
    """Upload decision documents (文书): one masked draft per document, routed by its type, in a background job."""
    form = DocumentImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            job = job_create(
                actor=request.user,
                kind=jobs.DOCUMENTS_IMPORT,
                authority=form.cleaned_data["authority"],
                params={"file_name": "、".join(f.name for f in form.cleaned_data["files"])[:200]},
                uploads=form.cleaned_data["files"],
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            return redirect("jobs:detail", job_id=job.pk)
    return _import_page(request, document_form=form)


@staff_required
@require_GET
def item_template(request: StaffHttpRequest, code: str) -> HttpResponse:
    item = get_object_or_404(Item, code=code)
    response = HttpResponse(
        imports.template_workbook(item),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="template-{item.code}.xlsx"'
    return response


@staff_required
@require_GET
def catalogue(request: StaffHttpRequest) -> HttpResponse:
    items = list(selectors.item_list(active_only=False))
    return render(
        request,
        "publicity/catalogue.html",
        {
            "items": items,
            "unconfirmed": selectors.unconfirmed_rules(items),
            "categories": selectors.category_list(),
            "can_edit": catalogue_services.can_edit_catalogue(request.user),
        },
    )


def admin_required(view: Callable) -> Callable:
    """Catalogue editing: administrators only (the services check again)."""

    @staff_required
    @wraps(view)
    def wrapped(request: StaffHttpRequest, *args: Any, **kwargs: Any) -> Any:
        if not catalogue_services.can_edit_catalogue(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _edit(
    request: StaffHttpRequest,
    form: Any,
    save: Callable[[dict[str, Any]], Any],
    *,
    title: str,
    ok: str,
    back: str,
) -> HttpResponse:
    """The one shape of every catalogue edit page: a form, one service call, back to the catalogue."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, ok)
            return redirect(back)
    return render(request, "publicity/catalogue_form.html", {"form": form, "title": title, "back": back})


@admin_required
@require_http_methods(["GET", "POST"])
def category_edit(request: StaffHttpRequest, pk: int | None = None) -> HttpResponse:
    category = get_object_or_404(Category, pk=pk) if pk else None
    form = CategoryForm(request.POST or None, instance=category)
    return _edit(
        request,
        form,
        lambda d: catalogue_services.category_save(
            actor=request.user,
            category=category,
            code=category.code if category else d["code"],
            label=d["label"],
            stage=d["stage"],
            order=d["order"],
        ),
        title=_("修改公示类别") if category else _("新增公示类别"),
        ok=_("公示类别已保存。"),
        back=reverse("publicity:catalogue"),
    )


@admin_required
@require_http_methods(["GET", "POST"])
def item_edit(request: StaffHttpRequest, code: str | None = None) -> HttpResponse:
    item = get_object_or_404(Item, code=code) if code else None
    form = ItemForm(request.POST or None, instance=item)
    return _edit(
        request,
        form,
        lambda d: catalogue_services.item_save(
            actor=request.user, item=item, values={**d, "code": item.code if item else d["code"]}
        ),
        title=_("修改公示事项") if item else _("新增公示事项"),
        ok=_("公示事项已保存。"),
        back=reverse("publicity:catalogue"),
    )


@admin_required
@require_http_methods(["GET", "POST"])
def rule_edit(request: StaffHttpRequest, code: str, pk: int | None = None) -> HttpResponse:
    item = get_object_or_404(Item, code=code)
    rule = get_object_or_404(ItemRule, pk=pk, item=item) if pk else None
    form = ItemRuleForm(request.POST or None, instance=rule)
    return _edit(
        request,
        form,
        lambda d: catalogue_services.item_rule_save(actor=request.user, item=item, rule=rule, values=d),
        title=(_("修改时限规则：%(item)s") if rule else _("新增时限规则版本：%(item)s"))
        % {"item": item.label},
        ok=_("时限规则已保存。"),
        back=reverse("publicity:catalogue") + f"#item-{item.code}",
    )


@staff_required
@require_GET
def mask_policies(request: StaffHttpRequest) -> HttpResponse:
    categories = selectors.masking_categories()
    codes = [code for code, _label in categories]
    category = request.GET.get("category") or (codes[0] if codes else "")
    if category not in codes and category != "all":
        category = codes[0] if codes else ""
    return render(
        request,
        "publicity/mask_policies.html",
        {
            "policies": selectors.mask_policy_list(category=None if category == "all" else category),
            "categories": categories,
            "category": category,
            "modes": MaskPolicy._meta.get_field("mode").choices,
            "can_edit": catalogue_services.can_edit_catalogue(request.user),
        },
    )


@admin_required
@require_POST
def mask_policy_edit(request: StaffHttpRequest, pk: int) -> HttpResponse:
    policy = get_object_or_404(MaskPolicy, pk=pk)
    form = MaskPolicyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("显示方式无效。"))
    else:
        try:
            services.mask_policy_set(
                actor=request.user,
                policy=policy,
                mode=form.cleaned_data["mode"],
                liftable=form.cleaned_data["liftable"],
            )
        except DomainError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("脱敏策略已保存。"))
    return redirect(reverse("publicity:mask_policies") + f"?category={policy.category}#policy-{policy.pk}")


@staff_required
@require_GET
def overdue(request: StaffHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = OverdueFilterForm(request.GET or None, user=request.user)
    overdue = selectors.overdue_list(actor=request.user, today=today, **form.filters())
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    return render(
        request,
        "publicity/overdue.html",
        {
            "today": today,
            "form": form,
            "page": Paginator(overdue, OVERDUE_PAGE_SIZE).get_page(request.GET.get("page")),
            "query": query.urlencode(),
            "export_filters": [(name, query[name]) for name in form.fields if query.get(name)],
            "withdrawals": selectors.withdrawal_overdue_list(actor=request.user, today=today)[:500],
            "unpublished": selectors.unpublished_decisions(actor=request.user, today=today)[:500],
        },
    )


OVERDUE_PAGE_SIZE = 50


@staff_required
@require_POST
def overdue_export(request: StaffHttpRequest) -> HttpResponse:
    """The overdue list's Excel export as a background job, with the page's filters."""
    form = OverdueFilterForm(request.POST, user=request.user)
    if not form.is_valid() or request.user.authority is None:
        messages.error(request, _("筛选条件无效，未能导出，请重新筛选后再导出。"))
        return redirect("publicity:overdue")
    job = job_create(
        actor=request.user,
        kind=jobs.OVERDUE_EXPORT,
        authority=request.user.authority,
        params={
            "today": timezone.localdate().isoformat(),
            "filters": {name: request.POST[name] for name in form.fields if request.POST.get(name)},
        },
    )
    return redirect("jobs:detail", job_id=job.pk)


def xlsx_response(data: bytes, file_name: str) -> HttpResponse:
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


@staff_required
@require_GET
def statistics(request: StaffHttpRequest) -> HttpResponse:
    year = _int(request.GET.get("year")) or timezone.localdate().year - 1
    if not 2000 <= year <= 2100:
        year = timezone.localdate().year - 1
    stats = selectors.annual_statistics(actor=request.user, year=year)
    if request.GET.get("format") == "xlsx":
        wb = Workbook()
        ws = wb.active
        ws.title = str(year)
        ws.append([_("单位"), *[label for _code, label in stats.items], _("合计")])
        for name, counts, total in stats.rows:
            ws.append([name, *counts, total])
        ws.append([_("合计"), *stats.totals, sum(stats.totals)])
        sheet = wb.create_sheet(_("执法决定"))
        sheet.append([_("决定类别"), _("数量")])
        for kind, n in sorted(stats.decisions.items()):
            sheet.append([kind, n])
        buffer = io.BytesIO()
        wb.save(buffer)
        return xlsx_response(buffer.getvalue(), f"publicity-statistics-{year}.xlsx")
    return render(
        request,
        "publicity/statistics.html",
        {
            "stats": stats,
            "year": year,
            "years": range(timezone.localdate().year, timezone.localdate().year - 6, -1),
            "grand_total": sum(stats.totals),
            "decision_kinds": dict(DecisionKind.choices),
            "today": datetime.date.today(),
        },
    )
