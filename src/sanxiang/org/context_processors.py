from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from sanxiang.kernel.modules import modules_for


def shell(request: HttpRequest) -> dict:
    """Navigation of the staff console (the portal builds its own in portal_base.html)."""
    path = request.path
    context: dict = {}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and path.startswith(reverse("core:home")):
        nav = [{"url": reverse("core:home"), "label": _("首页"), "current": path == reverse("core:home")}]
        for module in modules_for(user):
            url = reverse(module.url_name)
            nav.append({"url": url, "label": module.label, "current": path.startswith(url)})
        context["shell_nav"] = nav
    return context
