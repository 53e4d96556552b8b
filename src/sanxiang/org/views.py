"""Staff console shell: login, logout and the per-role home page."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from sanxiang.kernel.http import StaffHttpRequest
from sanxiang.kernel.modules import home_panels_for, modules_for, todos_for
from sanxiang.org.selectors import role_labels


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


@login_required
def home(request: StaffHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    user = request.user
    modules = modules_for(user)
    labels = {m.code: m.label for m in modules}
    todos = [(todo, labels.get(todo.module, todo.module)) for todo in todos_for(user, today)[:20]]
    return render(
        request,
        "core/home.html",
        {
            "modules": modules,
            "todos": todos,
            "roles": role_labels(user),
            "today": today,
            "panels": home_panels_for(user, today),
        },
    )
