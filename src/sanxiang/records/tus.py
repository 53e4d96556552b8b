"""The tus 1.0.0 endpoint (core, creation, termination, checksum, expiration) for records.

``OPTIONS/POST /staff/records/tus/`` and ``HEAD/PATCH/DELETE /staff/records/tus/<id>``. Signed-in
staff (session; the CSRF token in ``X-CSRFToken``) and source systems and devices (``Authorization:
Token …``) use the same endpoint. The upload's metadata names the act, the record kind, the stage
and optionally the device or room; the file's type is checked from its first bytes. The body is
read 1 MiB at a time straight from the WSGI input: memory stays constant whatever the size.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.http import http_date
from rest_framework.permissions import IsAuthenticated
from rest_framework.views import APIView

from sanxiang.kernel.exceptions import DomainError, ScopeViolation

from . import uploads
from .choices import UploadStatus
from .wsgi_input import body_reader

TUS_VERSION = "1.0.0"
EXTENSIONS = "creation,termination,checksum,expiration"


def parse_metadata(header: str) -> dict[str, str]:
    """``Upload-Metadata``: comma-separated ``key base64value`` pairs (value optional)."""
    result: dict[str, str] = {}
    for pair in filter(None, (p.strip() for p in (header or "").split(","))):
        key, _, value = pair.partition(" ")
        try:
            result[key] = base64.b64decode(value, validate=True).decode("utf-8") if value else ""
        except (binascii.Error, UnicodeDecodeError):
            raise ValueError(key) from None
    return result


def _response(status: int, body: str = "", **headers: Any) -> HttpResponse:
    response = HttpResponse(body, status=status, content_type="text/plain; charset=utf-8")
    response["Tus-Resumable"] = TUS_VERSION
    response["Cache-Control"] = "no-store"
    for key, value in headers.items():
        response[key.replace("_", "-")] = str(value)
    return response


def _error(exc: DomainError) -> HttpResponse:
    return _response(exc.http_status, str(exc.message))


class _VersionMismatch(Exception):
    pass


class TusView(APIView):
    # Devices and source systems send the API's source token; the browser its session (the
    # project's default DRF authentication classes, so no import of the API layer here).
    permission_classes = [IsAuthenticated]
    schema = None  # not a JSON API: the tus protocol is documented at tus.io

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        override = request.META.get("HTTP_X_HTTP_METHOD_OVERRIDE")
        if override and request.method == "POST":
            request.method = override.upper()
        return super().dispatch(request, *args, **kwargs)

    def initial(self, request: Any, *args: Any, **kwargs: Any) -> None:
        """Authentication and permission first (401/403), then the protocol version (412)."""
        super().initial(request, *args, **kwargs)
        if request.method not in ("OPTIONS", "GET") and request.META.get("HTTP_TUS_RESUMABLE") != TUS_VERSION:
            raise _VersionMismatch()

    def handle_exception(self, exc: Exception) -> Any:
        if isinstance(exc, _VersionMismatch):
            return _response(412, "Tus-Resumable 1.0.0 required", Tus_Version=TUS_VERSION)
        return super().handle_exception(exc)

    def finalize_response(self, request: Any, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Tus-Resumable"] = TUS_VERSION
        return response

    # DRF passes any HttpResponse through finalize_response; the stubs type the return as Response.
    def options(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:  # type: ignore[override]
        return _response(
            204,
            Tus_Version=TUS_VERSION,
            Tus_Extension=EXTENSIONS,
            Tus_Checksum_Algorithm=",".join(uploads.CHECKSUM_ALGORITHMS),
            Tus_Max_Size=max(uploads.size_limit(k) for k in uploads.RecordKind.values),
        )

    # -- creation --------------------------------------------------------------------------------
    def post(self, request: Any, upload_id: str | None = None) -> HttpResponse:
        if upload_id is not None:
            return _response(405)
        if request.META.get("HTTP_UPLOAD_DEFER_LENGTH"):
            return _response(400, "Upload-Defer-Length is not supported")
        try:
            length = int(request.META.get("HTTP_UPLOAD_LENGTH", ""))
            if length < 0:
                raise ValueError
        except ValueError:
            return _response(400, "Upload-Length 缺失或无效。")
        raw = request.META.get("HTTP_UPLOAD_METADATA", "")
        try:
            metadata = parse_metadata(raw)
        except ValueError as exc:
            return _response(400, f"Upload-Metadata 中 {exc} 的值不是有效的 base64。")
        try:
            upload = uploads.upload_create(
                actor=request.user, length=length, metadata=metadata, raw_metadata=raw
            )
        except DomainError as exc:
            return _error(exc)
        except (ScopeViolation, Http404):
            return _response(404, "执法行为、设备或约谈室不存在或不在您的数据权限内。")
        location = request.build_absolute_uri(reverse("records:tus_upload", args=[upload.public_id]))
        return _response(
            201, Location=location, Upload_Offset=0, Upload_Expires=http_date(upload.expires_at.timestamp())
        )

    def _upload(self, request: Any, upload_id: str) -> Any:
        return uploads.upload_get(actor=request.user, public_id=upload_id)

    # -- core ------------------------------------------------------------------------------------
    def head(self, request: Any, upload_id: str | None = None) -> HttpResponse:
        if upload_id is None:
            return _response(405)
        upload = self._upload(request, upload_id)
        if upload.status in (UploadStatus.TERMINATED, UploadStatus.EXPIRED, UploadStatus.FAILED):
            return _response(410 if upload.status != UploadStatus.FAILED else 404)
        headers: dict[str, Any] = {"Upload_Offset": upload.offset, "Upload_Length": upload.length}
        if upload.raw_metadata:
            headers["Upload_Metadata"] = upload.raw_metadata
        if upload.status == UploadStatus.RECEIVING:
            headers["Upload_Expires"] = http_date(upload.expires_at.timestamp())
        if upload.record_id:
            headers["X_Record_Url"] = reverse("records:record_detail", args=[upload.record.public_id])
        return _response(200, **headers)

    def patch(self, request: Any, upload_id: str | None = None) -> HttpResponse:
        if upload_id is None:
            return _response(405)
        if request.META.get("CONTENT_TYPE", "").split(";")[0].strip() != "application/offset+octet-stream":
            return _response(415, "Content-Type 应为 application/offset+octet-stream。")
        try:
            offset = int(request.META.get("HTTP_UPLOAD_OFFSET", ""))
        except ValueError:
            return _response(400, "Upload-Offset 缺失或无效。")
        checksum = None
        if request.META.get("HTTP_UPLOAD_CHECKSUM"):
            algorithm, _, encoded = request.META["HTTP_UPLOAD_CHECKSUM"].strip().partition(" ")
            try:
                checksum = (algorithm.lower(), base64.b64decode(encoded, validate=True))
            except binascii.Error:
                return _response(400, "Upload-Checksum 无效。")
            if checksum[0] not in uploads.CHECKSUM_ALGORITHMS:
                return _response(400, "不支持的校验算法。")
        try:
            content_length = int(request.META.get("CONTENT_LENGTH") or 0) or None
        except ValueError:
            content_length = None
        upload = self._upload(request, upload_id)
        try:
            upload = uploads.upload_append(
                actor=request.user,
                upload=upload,
                offset=offset,
                read=body_reader(request._request),
                content_length=content_length,
                checksum=checksum,
            )
        except uploads.OffsetMismatch as exc:
            return _response(409, str(exc.message), Upload_Offset=exc.extra.get("offset", ""))
        except DomainError as exc:
            return _error(exc)
        except (ScopeViolation, Http404):
            return _response(404)
        headers: dict[str, Any] = {"Upload_Offset": upload.offset}
        if upload.status == UploadStatus.RECEIVING:
            headers["Upload_Expires"] = http_date(upload.expires_at.timestamp())
        if upload.record is not None:
            headers["X_Record_Url"] = reverse("records:record_detail", args=[upload.record.public_id])
        return _response(204, **headers)

    # -- termination -----------------------------------------------------------------------------
    def delete(self, request: Any, upload_id: str | None = None) -> HttpResponse:
        if upload_id is None:
            return _response(405)
        upload = self._upload(request, upload_id)
        try:
            uploads.upload_terminate(actor=request.user, upload=upload)
        except DomainError as exc:
            return _error(exc)
        return _response(204)
