"""Read a request body in large pieces, even under gunicorn.

gunicorn's ``wsgi.input`` (``gunicorn.http.body.Body``, 23.x) fills a 1 MiB ``read`` by asking
its ``LengthReader`` for 1 KiB at a time, each of which ``recv``s 8 KiB and re-buffers the rest:
thousands of Python-level copies per MiB, which caps a tus PATCH at a few tens of MiB/s on a busy
machine. For a body with a Content-Length, ``body_reader`` returns a reader that drains what
gunicorn already buffered and then ``recv_into``s the socket directly, keeping gunicorn's own
bookkeeping (the remaining length) exact so that keep-alive and the next request are unaffected.
Anything else (another server, a chunked body, a future gunicorn) gets the plain ``read``.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from typing import Any


class _GunicornLengthBody:
    def __init__(self, body: Any) -> None:
        self.body = body
        self.reader = body.reader
        self.unreader = body.reader.unreader

    def read(self, n: int) -> bytes:
        if n <= 0:
            return b""
        buffered = self.body.buf
        if buffered.tell():  # bytes gunicorn's Body already holds (already counted by the reader)
            data = buffered.getvalue()
            self.body.buf = io.BytesIO()
            self.body.buf.write(data[n:])
            return data[:n]
        want = min(n, self.reader.length)
        if want <= 0:
            return b""
        pending = self.unreader.buf
        pending.seek(0, os.SEEK_END)
        if pending.tell():  # bytes read from the socket but not yet handed out
            data = pending.getvalue()
            self.unreader.buf = io.BytesIO()
            self.unreader.buf.write(data[want:])
            taken = data[:want]
            self.reader.length -= len(taken)
            return taken
        out = bytearray(want)
        view = memoryview(out)
        got = 0
        sock = self.unreader.sock
        while got < want:
            received = sock.recv_into(view[got:], want - got)
            if not received:
                break
            got += received
        self.reader.length -= got
        return bytes(view[:got]) if got < want else bytes(out)


def body_reader(request: Any) -> Callable[[int], bytes]:
    """A ``read(n)`` for ``request``'s body (a Django ``HttpRequest``)."""
    stream = request.META.get("wsgi.input")
    try:
        from gunicorn.http.body import Body, LengthReader
        from gunicorn.http.unreader import SocketUnreader
    except ImportError:  # pragma: no cover - gunicorn is a dependency, but not every server
        return request.read
    if (
        isinstance(stream, Body)
        and isinstance(stream.reader, LengthReader)
        and isinstance(stream.reader.unreader, SocketUnreader)
        and hasattr(stream.reader.unreader, "sock")
    ):
        return _GunicornLengthBody(stream).read
    return request.read
