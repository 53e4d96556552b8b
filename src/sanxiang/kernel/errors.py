"""Error pages: 400/403/404/500 and the CSRF failure page, in Chinese, with a way back.

Each renders ``<status>.html`` (``403_csrf.html``): a page under the staff console offers 返回工作台,
every other page 返回首页; ``/api/`` answers in the API's error shape. The pages render without a
database query (the 500 page may be shown because the database is down) and never show a stack
trace or the exception's text.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.urls import reverse
from django.utils.translation import gettext as _

API_ERRORS = {
    400: ("bad_request", _("请求有误。")),
    403: ("permission_denied", _("没有访问权限。")),
    404: ("not_found", _("资源不存在。")),
    500: ("server_error", _("系统暂时出错，请稍后重试。")),
}


def error_page(request: HttpRequest | None, status: int, template: str = "") -> HttpResponse:
    path = request.path if request is not None else ""
    if path.startswith("/api/"):
        code, message = API_ERRORS[status]
        return JsonResponse({"code": code, "message": str(message), "extra": {}}, status=status)
    # No request context: no context processor runs, so no query (the shell's menus read the database).
    body = loader.get_template(template or f"{status}.html").render(
        {"status": status, "staff": path.startswith(reverse("core:home"))}
    )
    return HttpResponse(body, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return error_page(request, 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """``CSRF_FAILURE_VIEW``: usually a form left open past the session, or cookies blocked."""
    return error_page(request, 403, "403_csrf.html")
