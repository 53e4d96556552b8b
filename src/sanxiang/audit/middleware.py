"""Audit out-of-scope requests where they become 404 responses."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from sanxiang.kernel.exceptions import ScopeViolation


class ScopeRefusalMiddleware:
    """Record ``ScopeViolation`` refusals and flush refusals deferred during the request.

    A refusal raised inside an application transaction on SQLite cannot be written until that
    transaction is over (one writer at a time); ``audit_scope_refusal`` then defers it, and the
    deferred events are written here once the response exists, whether the transaction committed
    or rolled back. The API's exception handler runs inside this middleware, so it is covered too.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from sanxiang.audit.services import pending_refusals

        with pending_refusals():
            return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if isinstance(exception, ScopeViolation):
            from sanxiang.audit.services import audit_scope_refusal

            audit_scope_refusal(actor=getattr(request, "user", None), violation=exception)
        return None  # Django turns the Http404 into the ordinary 404 page.
