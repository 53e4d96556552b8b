"""The one error shape of the API: ``{"code", "message", "extra"}``."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from sanxiang.kernel.exceptions import DomainError, ScopeViolation


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, ScopeViolation):
        from sanxiang.audit.services import audit_scope_refusal

        request = context.get("request")
        audit_scope_refusal(actor=getattr(request, "user", None), violation=exc)
        return Response(
            {"code": "not_found", "message": _("未找到该对象。"), "extra": {}},
            status=status.HTTP_404_NOT_FOUND,
        )
    if isinstance(exc, DomainError):
        return Response(
            {"code": exc.code, "message": str(exc.message), "extra": exc.extra}, status=exc.http_status
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(_("未找到该对象。"))
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    detail = response.data
    if isinstance(exc, exceptions.ValidationError):
        body = {"code": "invalid", "message": _("输入有误。"), "extra": {"fields": detail}}
    else:
        code = getattr(exc, "default_code", "error")
        message = detail.get("detail", "") if isinstance(detail, dict) else str(detail)
        body = {"code": code, "message": str(message), "extra": {}}
    response.data = body
    return response


def not_found(request: Any, *args: Any, **kwargs: Any) -> Any:
    """Any path under /api/ that matches no endpoint: a JSON 404, never Django's HTML page."""
    from django.http import JsonResponse

    return JsonResponse({"code": "not_found", "message": _("未找到该接口或对象。"), "extra": {}}, status=404)
