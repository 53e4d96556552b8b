"""HTTP range responses (RFC 9110 §14) over a seekable stream: seeking in a multi-GB video."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO, Literal

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

CHUNK = 1024 * 1024
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def parse_range(header: str, size: int) -> tuple[int, int] | None | Literal[False]:
    """(start, end inclusive) of a single byte range; None for no/ignored header; False if unsatisfiable."""
    match = _RANGE.match((header or "").strip())
    if not match:
        return None  # absent, multi-range or another unit: send the whole file (allowed by the RFC)
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # suffix range: the last N bytes
        length = int(last)
        if length == 0:
            return False
        return max(0, size - length), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        return False
    return start, end


def _iterate(stream: IO[bytes], start: int, length: int) -> Iterator[bytes]:
    try:
        stream.seek(start)
        remaining = length
        while remaining > 0:
            data = stream.read(min(CHUNK, remaining))
            if not data:
                break
            remaining -= len(data)
            yield data
    finally:
        stream.close()


def ranged_response(
    request: HttpRequest, stream: IO[bytes], *, size: int, content_type: str, filename: str, attachment: bool
) -> HttpResponse | StreamingHttpResponse:
    """200 with the whole file, 206 with one range, or 416; the stream is closed when done."""
    wanted = parse_range(request.headers.get("Range", ""), size)
    if wanted is False:
        stream.close()
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{size}"
        return refused
    start, end = wanted if wanted else (0, size - 1)
    length = max(0, end - start + 1)
    response = StreamingHttpResponse(
        _iterate(stream, start, length), status=206 if wanted else 200, content_type=content_type
    )
    response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    if wanted:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    disposition = content_disposition_header(attachment, filename)
    if disposition:  # None only without a file name and inline
        response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
