"""Refuse an oversized upload before its body is read (``sanxiang.files.uploads``)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

from .uploads import UploadTooLarge, request_limit_bytes

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


class UploadLimitMiddleware:
    """Answers 413 with a Chinese message when a multipart request's ``Content-Length`` is over the largest
    upload limit (nothing is read), and parses a multipart body here, first, so that
    ``LimitUploadHandler`` can stop one that passes the limit while streaming. Placed before the
    CSRF middleware, which would otherwise parse the body first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Only form uploads: the resumable (tus) endpoint streams its raw body into the store
        # under the records' own limits, and other bodies are bounded by DATA_UPLOAD_MAX_MEMORY_SIZE.
        if request.method in _BODY_METHODS and request.content_type == "multipart/form-data":
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            try:
                if length > request_limit_bytes():
                    raise UploadTooLarge(length)
                request.POST  # noqa: B018 -- parse now, through the upload handlers
            except UploadTooLarge as refused:
                return _refusal(request, refused)
        return self.get_response(request)


def _refusal(request: HttpRequest, refused: UploadTooLarge) -> HttpResponse:
    message = str(refused)
    extra = {"limit": request_limit_bytes()}
    if request.path_info.startswith("/api/"):
        response: HttpResponse = JsonResponse(
            {"code": "too_large", "message": message, "extra": extra}, status=413
        )
    else:
        response = HttpResponse(
            render_to_string("files/upload_too_large.html", {"message": message}), status=413
        )
    # The rest of the body is not read: the server must not try to parse it as the next request.
    response["Connection"] = "close"
    return response
