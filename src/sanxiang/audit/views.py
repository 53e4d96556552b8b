"""Staff pages of the audit trail: scoped event list with chain status, and one event."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from sanxiang.audit.forms import AuditEventFilterForm
from sanxiang.audit.selectors import (
    audit_access_allowed,
    audit_action_codes,
    audit_chain_status,
    audit_event_get,
    audit_event_list,
    audit_target_types,
)
from sanxiang.kernel.http import StaffHttpRequest

PAGE_SIZE = 50


@login_required
def event_list(request: StaffHttpRequest) -> HttpResponse:
    if not audit_access_allowed(request.user):
        raise PermissionDenied
    form = AuditEventFilterForm(
        request.GET or None, codes=audit_action_codes(), target_types=audit_target_types()
    )
    events = audit_event_list(actor=request.user, **form.filters())
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/event_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "status": audit_chain_status(actor=request.user),
        },
    )


def _pretty(value: object) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


@login_required
def event_detail(request: StaffHttpRequest, seq: int) -> HttpResponse:
    if not audit_access_allowed(request.user):
        raise PermissionDenied
    event = audit_event_get(actor=request.user, seq=seq)
    return render(
        request,
        "audit/event_detail.html",
        {
            "event": event,
            "before": _pretty(event.before),
            "after": _pretty(event.after),
            "data": _pretty(event.data),
        },
    )
