"""The inbox at /staff/inbox/: list, mark one read, open one, mark all read."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sanxiang.kernel.http import StaffHttpRequest

from . import selectors, services

PAGE_SIZE = 50


@login_required
def inbox(request: StaffHttpRequest) -> HttpResponse:
    page = Paginator(selectors.inbox_list(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/inbox.html",
        {"page": page, "unread": selectors.unread_count(request.user)},
    )


@login_required
@require_POST
def mark_read(request: StaffHttpRequest, pk: int) -> HttpResponse:
    """Mark one read; htmx gets the re-rendered item back, a plain form goes back to the inbox."""
    notification = selectors.notification_get(actor=request.user, pk=pk)
    services.notification_mark_read(actor=request.user, notification=notification)
    if request.headers.get("HX-Request"):
        return render(request, "notifications/_item.html", {"n": notification})
    return redirect("notifications:inbox")


@login_required
@require_POST
def open_notification(request: StaffHttpRequest, pk: int) -> HttpResponse:
    """Mark one read and follow its link (only to a path on this site)."""
    notification = selectors.notification_get(actor=request.user, pk=pk)
    services.notification_mark_read(actor=request.user, notification=notification)
    target = notification.url
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(target)
    return redirect("notifications:inbox")


@login_required
@require_POST
def mark_all_read(request: StaffHttpRequest) -> HttpResponse:
    count = services.notification_mark_all_read(actor=request.user)
    messages.success(request, _("已将 %(count)d 条消息标记为已读。") % {"count": count})
    return redirect("notifications:inbox")
