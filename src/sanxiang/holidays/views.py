"""Staff pages of the working-day calendar: years, a year's month grid, entry form, calculator."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sanxiang.holidays import selectors, services
from sanxiang.holidays.choices import RuleUnit
from sanxiang.holidays.forms import ArrangementForm, CalculatorForm
from sanxiang.kernel.access import has_role
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.exceptions import ValidationFailed
from sanxiang.kernel.http import StaffHttpRequest


def _check_year(year: int) -> None:
    if not services.FIRST_YEAR <= year <= services.LAST_YEAR:
        raise Http404


def _require_editor(request: StaffHttpRequest) -> None:
    # Every staff member may read the calendar; only administrators change it (403, not 404:
    # the page exists and the user knows it does).
    if not has_role(request.user, RoleCode.ADMINISTRATOR):
        raise PermissionDenied


@login_required
def index(request: StaffHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "holidays/index.html",
        {
            "years": selectors.calendar_year_overview(today=today),
            "form": CalculatorForm(initial={"start": today}),
            "can_edit": has_role(request.user, RoleCode.ADMINISTRATOR),
            "today": today,
        },
    )


@login_required
def year_detail(request: StaffHttpRequest, year: int) -> HttpResponse:
    _check_year(year)
    return render(
        request,
        "holidays/year_detail.html",
        {
            "status": selectors.year_status(year),
            "months": selectors.year_months(year),
            "weekday_heads": [_("一"), _("二"), _("三"), _("四"), _("五"), _("六"), _("日")],
            "can_edit": has_role(request.user, RoleCode.ADMINISTRATOR),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def year_edit(request: StaffHttpRequest, year: int) -> HttpResponse:
    _check_year(year)
    _require_editor(request)
    status = selectors.year_status(year)
    if request.method == "POST":
        form = ArrangementForm(request.POST)
        if form.is_valid():
            parsed = form.cleaned_data["lines"]
            try:
                moves = services.calendar_year_save(
                    actor=request.user,
                    year=year,
                    source=form.cleaned_data["source"],
                    holidays=parsed.holidays,
                    adjusted_working_days=parsed.adjusted_working_days,
                    notes=form.cleaned_data["notes"],
                )
            except ValidationFailed as exc:
                for message in exc.extra.get("errors") or [exc.message]:
                    form.add_error(None, message)
            else:
                return render(
                    request, "holidays/year_saved.html", {"year": year, "moves": moves, "deleted": False}
                )
    else:
        form = ArrangementForm(
            initial={
                "source": status.record.source if status.record else "",
                "lines": selectors.arrangement_lines(year),
                "notes": status.record.notes if status.record else "",
            }
        )
    return render(request, "holidays/year_edit.html", {"status": status, "form": form})


@login_required
@require_POST
def year_delete(request: StaffHttpRequest, year: int) -> HttpResponse:
    _check_year(year)
    _require_editor(request)
    try:
        moves = services.calendar_year_delete(actor=request.user, year=year)
    except ValidationFailed as exc:
        raise Http404 from exc
    return render(request, "holidays/year_saved.html", {"year": year, "moves": moves, "deleted": True})


@login_required
@require_POST
def calculate(request: StaffHttpRequest) -> HttpResponse:
    """The deadline calculator: an htmx fragment, or the whole page without JavaScript."""
    form = CalculatorForm(request.POST)
    result = None
    if form.is_valid():
        data = form.cleaned_data
        n = data["n"]
        by_unit = {"working_days": n} if data["unit"] == RuleUnit.WORKING_DAYS else {"days": n}
        result = services.deadline_compute(
            start=data["start"], tax_extension=data["tax_extension"], **by_unit
        )
    context: dict[str, Any] = {
        "form": form,
        "result": result,
        "day": selectors.current_calendar().day_info(result.date) if result else None,
    }
    if request.headers.get("HX-Request"):
        return render(request, "holidays/_calculator_result.html", context)
    today = timezone.localdate()
    context |= {
        "years": selectors.calendar_year_overview(today=today),
        "can_edit": has_role(request.user, RoleCode.ADMINISTRATOR),
        "today": today,
    }
    return render(request, "holidays/index.html", context)
