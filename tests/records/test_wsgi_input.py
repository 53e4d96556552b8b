"""The gunicorn fast path reads exactly the body, whatever gunicorn buffered, and leaves the next request."""

from __future__ import annotations

import os
import socket
import threading

from gunicorn.http.body import Body, LengthReader
from gunicorn.http.unreader import SocketUnreader

from sanxiang.records.wsgi_input import _GunicornLengthBody, body_reader


def test_reads_the_exact_body_across_buffers_and_socket():
    body_bytes = os.urandom(3 * 1024 * 1024 + 17)
    following = b"GET /next HTTP/1.1\r\n\r\n"
    server, client = socket.socketpair()
    sender = threading.Thread(target=lambda: client.sendall(body_bytes[100:] + following))
    sender.start()
    unreader = SocketUnreader(server)
    unreader.unread(body_bytes[50:100])  # gunicorn read these past the headers already
    body = Body(LengthReader(unreader, len(body_bytes) - 0))
    body.buf.write(body_bytes[:50])  # and its Body holds these
    body.reader.length -= 50
    read = _GunicornLengthBody(body).read
    got = bytearray()
    while chunk := read(1024 * 1024):
        got += chunk
    sender.join()
    assert bytes(got) == body_bytes
    assert body.reader.length == 0
    assert unreader.read(len(following)) == following  # the next request is untouched
    server.close()
    client.close()


def test_other_servers_get_the_plain_read(rf):
    request = rf.post("/", data=b"abc", content_type="application/octet-stream")
    assert body_reader(request) == request.read
