"""A task for the worker test: records that job ``n`` ran, and in which process."""

from __future__ import annotations

import os

from sanxiang.kernel.tasks import task


@task()
def record_job(n: int, path: str) -> int:
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, f"{n} {os.getpid()}\n".encode())
    finally:
        os.close(fd)
    return n
