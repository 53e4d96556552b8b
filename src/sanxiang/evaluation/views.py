"""Staff pages of the evaluation: 一局式 unit view, drill-down, 一员式, loops, special evaluations."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sanxiang.kernel.access import get_visible_or_404, has_role, role_required
from sanxiang.kernel.exceptions import DomainError, ScopeViolation
from sanxiang.kernel.measures import Level, Period, loop_check_get, loop_checks

from . import exports, selectors, services
from .choices import Dimension, System
from .forms import CampaignForm, FindingForm, PeriodCloseForm
from .models import Campaign, Indicator, Snapshot
from .selectors import MANAGE_ROLES, VIEW_ROLES


def _authority(pk: int) -> Any:
    from sanxiang.org.models import Authority

    return get_object_or_404(Authority, pk=pk)


def parse_period(value: str | None, today: datetime.date) -> Period:
    """``2026-11`` (a month) or ``2026`` (a year); anything else: the current month to date."""
    value = (value or "").strip()
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", value):
        year, month = int(m[1]), int(m[2])
        if 2000 <= year <= 2100 and 1 <= month <= 12:
            return Period.month(year, month, as_of=today)
    if re.fullmatch(r"\d{4}", value) and 2000 <= int(value) <= 2100:
        return Period.year(int(value), as_of=today)
    return Period.month(today.year, today.month, as_of=today)


def _period_param(period: Period) -> str:
    if period.start.month == 1 and period.end.month == 12 and period.end.day == 31:
        return f"{period.start.year}"
    return f"{period.start:%Y-%m}"


def _month_choices(today: datetime.date, count: int = 24) -> list[tuple[str, str]]:
    choices = []
    for back in range(count):
        period = Period.month(today.year, today.month).shifted(months=-back)
        choices.append((f"{period.start:%Y-%m}", period.label))
    choices += [(str(today.year - n), _("%(year)s年（全年）") % {"year": today.year - n}) for n in range(3)]
    return choices


@role_required(*VIEW_ROLES)
def home(request: HttpRequest) -> HttpResponse:
    authority = selectors.default_authority(request.user)  # type: ignore[arg-type]
    if authority is None:
        messages.info(request, _("您的数据权限内没有可评估的单位。"))
        return redirect("evaluation:loops")
    query = request.GET.urlencode()
    return redirect(reverse("evaluation:unit", args=[authority.pk]) + (f"?{query}" if query else ""))


@role_required(*VIEW_ROLES)
def unit(request: HttpRequest, pk: int) -> HttpResponse:
    today = timezone.localdate()
    period = parse_period(request.GET.get("period"), today)
    authority = _authority(pk)
    view = selectors.unit_view(actor=request.user, authority=authority, period=period)  # type: ignore[arg-type]
    chart = {
        "months": [p.period.label for p in view.trend],
        "totals": [p.total for p in view.trend],
        "children": [{"name": c.name, "total": c.total} for c in view.children],
        "labels": {"total": _("综合得分"), "score": _("得分")},
    }
    dimensions = dict(Dimension.choices)
    return render(
        request,
        "evaluation/unit.html",
        {
            "view": view,
            "period_param": _period_param(period),
            "month_choices": _month_choices(today),
            "chart": chart,
            "dimensions": dimensions,
            "systems": dict(System.choices),
            "loop_labels": {c.code: c.label for c in loop_checks()},
            "can_manage": has_role(request.user, *MANAGE_ROLES),
            "last_month": Period.month(today.year, today.month).shifted(months=-1),
        },
    )


@role_required(*VIEW_ROLES)
def drill(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """The records behind one figure: a unit (with its subordinate units) or one of its departments."""
    today = timezone.localdate()
    period = parse_period(request.GET.get("period"), today)
    authority = _authority(pk)
    selectors.require_unit_visible(request.user, authority)  # type: ignore[arg-type]
    library = selectors.library_for(period.start)
    indicator = get_object_or_404(Indicator, library=library, code=code)
    level, key, subject = Level.AUTHORITY, authority.pk, authority.name
    if department_id := request.GET.get("department", "").strip():
        department = get_object_or_404(
            authority.departments,
            pk=int(department_id) if department_id.isascii() and department_id.isdigit() else 0,
        )
        level, key, subject = Level.DEPARTMENT, department.pk, f"{authority.name} {department.name}"
    rows = selectors.drill_rows(actor=request.user, indicator=indicator, period=period, level=level, key=key)  # type: ignore[arg-type]
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "evaluation/drill.html",
        {
            "authority": authority,
            "indicator": indicator,
            "period": period,
            "period_param": _period_param(period),
            "subject": subject,
            "page": page,
            "total": len(rows),
            "against": sum(1 for r in rows if r.counts_against),
            "department_id": department_id,
        },
    )


@role_required()
def officer(request: HttpRequest, pk: int) -> HttpResponse:
    """一员式: an officer's acts, reviews, publications, open loop findings and indicators."""
    from sanxiang.org.models import User

    person = get_object_or_404(User, pk=pk)
    if not selectors.can_view_officer(request.user, person):  # type: ignore[arg-type]
        raise ScopeViolation(model_label="core.User", object_ref=f"pk={pk}", action="evaluate")
    today = timezone.localdate()
    period = parse_period(request.GET.get("period"), today)
    view = selectors.officer_view(officer=person, period=period)
    return render(
        request,
        "evaluation/officer.html",
        {
            "person": person,
            "view": view,
            "period_param": _period_param(period),
            "month_choices": _month_choices(today),
            "loop_labels": {c.code: c.label for c in loop_checks()},
        },
    )


@role_required()
def loops(request: HttpRequest) -> HttpResponse:
    """闭环检查: the broken loops in the user's scope, per check, with owners and due dates."""
    check = request.GET.get("check", "")
    if check and loop_check_get(check) is None:
        check = ""
    show_resolved = request.GET.get("resolved") == "1"
    findings = selectors.loop_findings(actor=request.user, check=check or None, open_only=not show_resolved)  # type: ignore[arg-type]
    page = Paginator(findings, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "evaluation/loops.html",
        {
            "checks": loop_checks(),
            "check": check,
            "show_resolved": show_resolved,
            "page": page,
            "counts": selectors.loop_counts(actor=request.user),  # type: ignore[arg-type]
            "labels": {c.code: c.label for c in loop_checks()},
            "today": timezone.localdate(),
        },
    )


@role_required(*VIEW_ROLES)
def library(request: HttpRequest) -> HttpResponse:
    from sanxiang.kernel.measures import measure_get

    today = timezone.localdate()
    current = selectors.library_for(today)
    rows = [(i, measure_get(i.measure)) for i in selectors.library_indicators(current)]
    return render(
        request,
        "evaluation/library.html",
        {
            "library": current,
            "rows": rows,
            "systems": dict(System.choices),
            "dimensions": dict(Dimension.choices),
        },
    )


def _xlsx_period(request: HttpRequest, pk: int) -> tuple[Any, Any]:
    today = timezone.localdate()
    period = parse_period(request.GET.get("period"), today)
    view = selectors.unit_view(actor=request.user, authority=_authority(pk), period=period)  # type: ignore[arg-type]
    return view, period


@role_required(*VIEW_ROLES)
def unit_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    view, period = _xlsx_period(request, pk)
    response = HttpResponse(
        exports.unit_xlsx(view=view),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = exports.attachment(
        f"评估结果-{view.authority.name}-{_period_param(period)}.xlsx"
    )
    return response


@role_required(*VIEW_ROLES)
def unit_docx(request: HttpRequest, pk: int) -> HttpResponse:
    view, period = _xlsx_period(request, pk)
    response = HttpResponse(
        exports.unit_docx(view=view),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = exports.attachment(
        f"评估报告-{view.authority.name}-{_period_param(period)}.docx"
    )
    return response


@role_required(*MANAGE_ROLES)
@require_POST
def period_close(request: HttpRequest, pk: int) -> HttpResponse:
    authority = _authority(pk)
    form = PeriodCloseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择要定档的月份（格式如 2026-11）。"))
        return redirect("evaluation:unit", pk=pk)
    year, month = (int(x) for x in form.cleaned_data["month"].split("-"))
    try:
        snapshot = services.period_close(
            actor=request.user,  # type: ignore[arg-type]  # role_required: a signed-in User
            authority=authority,
            year=year,
            month=month,
            now=timezone.now(),
        )
    except (DomainError, ValueError) as exc:
        messages.error(request, str(getattr(exc, "message", exc)))
        return redirect("evaluation:unit", pk=pk)
    messages.success(request, _("已定档，结果已冻结并写入审计链。"))
    return redirect("evaluation:snapshot_detail", pk=snapshot.pk)


@role_required(*VIEW_ROLES)
def campaign_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "evaluation/campaign_list.html",
        {
            "campaigns": selectors.campaign_list(actor=request.user),  # type: ignore[arg-type]
            "can_manage": has_role(request.user, *MANAGE_ROLES),
        },
    )


@role_required(*MANAGE_ROLES)
def campaign_create(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    library_now = selectors.library_for(today)
    kwargs = {
        "authorities": selectors.evaluable_authorities(request.user),  # type: ignore[arg-type]
        "indicators": selectors.library_indicators(library_now),
    }
    form = CampaignForm(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = services.campaign_create(actor=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        except DomainError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("专项评估已创建，可登记发现的问题。"))
            return redirect("evaluation:campaign_detail", pk=campaign.pk)
    return render(request, "evaluation/campaign_form.html", {"form": form})


@role_required(*VIEW_ROLES)
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    from sanxiang.org.models import Authority

    campaign = get_visible_or_404(Campaign, request.user, pk=pk)
    period = Period(
        campaign.period_start, campaign.period_end, min(campaign.period_end, timezone.localdate())
    )
    snapshot = getattr(campaign, "snapshot", None)
    deductions: dict[int, float] = {}
    for f in campaign.findings.all():
        deductions[f.authority_id] = deductions.get(f.authority_id, 0) + float(f.deduction)
    results = selectors.authority_results(
        campaign.library, period, codes=campaign.indicator_codes, deductions=deductions
    )
    units = [results[a.pk] for a in Authority.objects.get_tree(campaign.authority)]
    form = FindingForm(
        authorities=Authority.objects.get_tree(campaign.authority), codes=list(campaign.indicator_codes)
    )
    return render(
        request,
        "evaluation/campaign_detail.html",
        {
            "campaign": campaign,
            "units": units,
            "findings": campaign.findings.select_related("authority", "department", "evidence"),
            "form": form,
            "snapshot": snapshot,
            "can_manage": has_role(request.user, *MANAGE_ROLES),
            "codes": campaign.indicator_codes,
        },
    )


@role_required(*MANAGE_ROLES)
@require_POST
def finding_create(request: HttpRequest, pk: int) -> HttpResponse:
    from sanxiang.org.models import Authority

    campaign = get_visible_or_404(Campaign, request.user, pk=pk)
    form = FindingForm(
        request.POST,
        request.FILES,
        authorities=Authority.objects.get_tree(campaign.authority),
        codes=list(campaign.indicator_codes),
    )
    if not form.is_valid():
        messages.error(
            request,
            _("输入有误：%(errors)s")
            % {"errors": "；".join(f"{form.fields[k].label}：{v[0]}" for k, v in form.errors.items())},
        )
        return redirect("evaluation:campaign_detail", pk=pk)
    try:
        services.finding_add(actor=request.user, campaign=campaign, **form.cleaned_data)  # type: ignore[arg-type]
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("问题已登记。"))
    return redirect("evaluation:campaign_detail", pk=pk)


@role_required(*MANAGE_ROLES)
@require_POST
def campaign_close(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = get_visible_or_404(Campaign, request.user, pk=pk)
    try:
        snapshot = services.campaign_close(actor=request.user, campaign=campaign, now=timezone.now())  # type: ignore[arg-type]
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return redirect("evaluation:campaign_detail", pk=pk)
    messages.success(request, _("专项评估已定档，结果已冻结并写入审计链。"))
    return redirect("evaluation:snapshot_detail", pk=snapshot.pk)


@role_required(*VIEW_ROLES)
def snapshot_list(request: HttpRequest) -> HttpResponse:
    snapshots = selectors.snapshot_list(actor=request.user).exclude(kind="daily")  # type: ignore[arg-type]
    page = Paginator(snapshots, 30).get_page(request.GET.get("page"))
    return render(request, "evaluation/snapshot_list.html", {"page": page})


@role_required(*VIEW_ROLES)
def snapshot_detail(request: HttpRequest, pk: int) -> HttpResponse:
    snapshot = get_visible_or_404(Snapshot, request.user, pk=pk)
    differences = selectors.snapshot_compare(snapshot=snapshot)
    names = {k: v.get("name", k) for k, v in snapshot.results.get("units", {}).items()}
    indicators = {i.code: i for i in selectors.library_indicators(snapshot.library)}
    units = [(names[k], v) for k, v in snapshot.results.get("units", {}).items()]
    return render(
        request,
        "evaluation/snapshot_detail.html",
        {
            "snapshot": snapshot,
            "differences": differences,
            "names": names,
            "indicators": indicators,
            "units": units,
            "codes": snapshot.results.get("indicators", []),
        },
    )
