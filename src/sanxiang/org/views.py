"""Staff console shell: login, logout and the per-role home page."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from sanxiang.kernel.access import authorities_in_scope, role_required
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.http import StaffHttpRequest
from sanxiang.kernel.measures import loop_check_get
from sanxiang.kernel.modules import (
    home_panels_for,
    module_label,
    module_open_to,
    modules_for,
    todo_notices,
    todos_for,
)
from sanxiang.org import overview
from sanxiang.org.selectors import role_labels


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


HOME_TODOS = 10  # the rest behind "更多"


@login_required
def home(request: StaffHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    user = request.user
    todos = todos_for(user, today)
    return render(
        request,
        "core/home.html",
        {
            "modules": modules_for(user),
            "todos": [(todo, module_label(todo.module)) for todo in todos[:HOME_TODOS]],
            "todo_count": len(todos),
            "todo_notices": todo_notices(todos),
            "roles": role_labels(user),
            "today": today,
            "panels": home_panels_for(user, today),
        },
    )


@login_required
def todo_list(request: StaffHttpRequest) -> HttpResponse:
    """Every to-do of the user (the home page shows the first ``HOME_TODOS``), most urgent first."""
    today = timezone.localdate()
    todos = todos_for(request.user, today)
    page = Paginator([(todo, module_label(todo.module)) for todo in todos], 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "core/todos.html",
        {
            "page": page,
            "todos": page.object_list,
            "todo_count": len(todos),
            "todo_notices": todo_notices(todos),
        },
    )


@role_required(RoleCode.LEADER)
def overview_items(request: StaffHttpRequest, check: str, authority: int) -> HttpResponse:
    """The items behind one number of a leader's overview: overdue now, or due within a week."""
    loop_check = loop_check_get(check)
    unit = authorities_in_scope(request.user).filter(pk=authority).first()
    if loop_check is None or unit is None:
        raise Http404
    when = "week" if request.GET.get("when") == "week" else "overdue"
    own = request.GET.get("own") == "1"
    today = timezone.localdate()
    items = overview.overview_items(
        user=request.user, check_code=check, authority=unit, own=own, when=when, today=today
    )
    return render(
        request,
        "core/overview_items.html",
        {
            "check": loop_check,
            "module": module_label(loop_check.system),
            "unit": unit,
            "own": own,
            "when": when,
            "items": sorted(items, key=lambda i: (i.due or today, i.label)),
            # A module the leader's roles do not open (依申请公开 holds applicants' identities):
            # the items are counted and named, not linked.
            "linked": module_open_to(loop_check.system, request.user),
            "today": today,
        },
    )
