"""An upload over the limit is refused before it is spooled: on its Content-Length without reading
the body, and while streaming as soon as the file passes the limit; a clear Chinese 413."""

from __future__ import annotations

import io

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import reverse

from sanxiang.files import uploads
from sanxiang.files.models import StoredFile

pytestmark = pytest.mark.django_db

MIB = 1024 * 1024
BOUNDARY = "----sanxiang-test-boundary"


class CountingInput(io.RawIOBase):
    """A request body that counts what the server reads from it."""

    def __init__(self, data: bytes) -> None:
        self.data = io.BytesIO(data)
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        chunk = self.data.read(size)
        self.read_bytes += len(chunk)
        return chunk

    def readline(self, size: int = -1) -> bytes:
        line = self.data.readline(size)
        self.read_bytes += len(line)
        return line


def _multipart(file_bytes: int) -> bytes:
    head = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    return head + b"x" * file_bytes + f"\r\n--{BOUNDARY}--\r\n".encode()


def _post(path: str, body: bytes, content_length: int):
    stream = CountingInput(body)
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": stream,
        "wsgi.errors": io.StringIO(),
        "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}",
        "CONTENT_LENGTH": str(content_length),
    }
    status: list[str] = []
    # As Django's test client does: the handler's end-of-request signal must not close the test's
    # database connection (on PostgreSQL it holds the test's transaction).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        chunks = WSGIHandler()(environ, lambda s, headers, exc_info=None: status.append(s))
        body = b"".join(chunks).decode()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return status[0], body, stream


@pytest.fixture
def one_mib_limits(settings):
    settings.SANXIANG_UPLOAD_LIMITS_MB = {"default": 1, "import": 1, "attachment": 1, "evidence": 1}


def test_a_body_whose_length_is_over_the_limit_is_refused_unread(one_mib_limits):
    body = _multipart(3 * MIB)
    status, page, stream = _post(reverse("files:upload"), body, len(body))
    assert status.startswith("413")
    assert "上传的文件过大：超过系统允许的最大上传大小 1 MB" in page
    assert stream.read_bytes == 0
    assert not StoredFile.objects.exists()


def test_a_file_passing_the_limit_while_streaming_is_refused_before_the_rest_is_read(
    one_mib_limits, settings
):
    # The length is within the request limit (file limit + envelope), the file itself is not.
    body = _multipart(MIB + MIB // 2)
    assert len(body) < uploads.request_limit_bytes()
    status, page, stream = _post(reverse("files:upload"), body, len(body))
    assert status.startswith("413")
    assert "上传的文件过大" in page
    assert stream.read_bytes < len(body)  # stopped once the file passed 1 MB
    assert not StoredFile.objects.exists()
    assert not any(p.is_file() for p in uploads.spool_root().rglob("*"))


def test_the_api_gets_the_refusal_in_its_error_shape(one_mib_limits):
    body = _multipart(3 * MIB)
    status, page, _stream = _post("/api/v1/files/", body, len(body))
    assert status.startswith("413")
    assert '"code": "too_large"' in page or '"code":"too_large"' in page


def test_an_upload_under_the_limit_goes_through_to_the_view(one_mib_limits):
    body = _multipart(100)
    status, _page, stream = _post(reverse("files:upload"), body, len(body))
    assert not status.startswith("413")  # the view answers (a redirect to the login here)
    assert stream.read_bytes == len(body)
