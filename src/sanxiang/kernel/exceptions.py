"""One exception hierarchy for every module; the interface layer maps it to HTTP.

Messages are translatable and say what went wrong and where, in Chinese on the UI.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    """A business rule refused the operation. ``code`` is stable for API clients."""

    code = "domain_error"
    default_message = _("操作未能完成。")
    http_status = 400

    def __init__(self, message: Any = None, *, code: str | None = None, extra: dict | None = None):
        self.message = message if message is not None else self.default_message
        if code:
            self.code = code
        self.extra = extra or {}
        super().__init__(str(self.message))


class ValidationFailed(DomainError):
    code = "invalid"
    default_message = _("输入有误。")


class InvalidTransition(DomainError):
    code = "invalid_transition"
    default_message = _("当前状态下不能执行该操作。")
    http_status = 409


class PermissionDeniedError(DomainError):
    """The actor lacks the role for an action on an object they can see (403)."""

    code = "permission_denied"
    default_message = _("您没有执行该操作的权限。")
    http_status = 403


class ScopeViolation(Http404):
    """The object exists but lies outside the actor's data scope.

    It is an ``Http404`` on purpose: the response must not reveal that the object exists. The
    refusal is audited where it is turned into a response (middleware / API exception handler),
    after the surrounding transaction has rolled back, so the audit event survives.
    """

    def __init__(self, *, model_label: str, object_ref: str, action: str = "view"):
        self.model_label = model_label
        self.object_ref = object_ref
        self.action = action
        super().__init__(_("未找到该对象。"))
