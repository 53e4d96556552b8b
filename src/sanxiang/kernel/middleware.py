"""Request context for code that has no request at hand (audit source address, actor)."""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse


@dataclass(frozen=True)
class RequestContext:
    source_address: str
    user_agent: str
    path: str


_current: contextvars.ContextVar[RequestContext | None] = contextvars.ContextVar(
    "sanxiang_request", default=None
)


def current_request_context() -> RequestContext | None:
    return _current.get()


def client_address(request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is trusted only behind a configured proxy (SECURE mode
    # leaves that to the proxy, which overwrites REMOTE_ADDR through the WSGI server).
    return request.META.get("REMOTE_ADDR", "")


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _current.set(
            RequestContext(
                source_address=client_address(request),
                user_agent=request.META.get("HTTP_USER_AGENT", "")[:200],
                path=request.path[:200],
            )
        )
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)
