"""Uploads before they reach a service: the safe reader's limits from the settings, a size limit
per upload kind, the free-disk floor, and the spool directory under the data directory.

- ``configure_safe_reader`` applies the ``SANXIANG_SAFEFILE_*`` settings to
  :mod:`sanxiang.lib.safefiles` (called once when the app is ready).
- ``upload_check(upload, kind=…)`` refuses a file over its kind's limit, or one that would bring
  the free space of the data directory under ``SANXIANG_DISK_FLOOR_MB``, with a Chinese message
  (:class:`~sanxiang.kernel.exceptions.ValidationFailed`).
- ``LimitUploadHandler`` (first of ``FILE_UPLOAD_HANDLERS``) and ``UploadLimitMiddleware`` refuse a
  request body over the largest upload limit before it is spooled: on its ``Content-Length`` at
  once, and while streaming (a chunked body, a lying length) as soon as the bytes received pass
  the limit. The per-kind limit is checked again by ``upload_check`` once the file is in.
- Django spools an upload larger than ``FILE_UPLOAD_MAX_MEMORY_SIZE`` to disk. ``SpoolUploadHandler``
  writes it under ``<spool>/<pid>/`` instead of ``/tmp``: a process killed mid-upload leaves its
  directory behind, and ``spool_clean`` (run when the server or a worker starts) removes the
  directories of processes that are no longer alive — never those of a live sibling worker.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, TemporaryFileUploadHandler
from django.utils.translation import gettext as _

from sanxiang.kernel.exceptions import ValidationFailed
from sanxiang.lib import safefiles

__all__ = [
    "LimitUploadHandler",
    "SpoolUploadHandler",
    "UploadTooLarge",
    "request_limit_bytes",
    "configure_safe_reader",
    "disk_check",
    "spool_clean",
    "spool_dir",
    "spool_directory",
    "kind_for",
    "size_check",
    "upload_check",
    "upload_limit_bytes",
]

_MIB = 1024 * 1024


def configure_safe_reader() -> safefiles.Limits:
    return safefiles.configure(
        max_members=settings.SANXIANG_SAFEFILE_MAX_MEMBERS,
        max_unpacked_bytes=settings.SANXIANG_SAFEFILE_MAX_UNPACKED_MB * _MIB,
        max_ratio=settings.SANXIANG_SAFEFILE_MAX_RATIO,
        max_rows=settings.SANXIANG_SAFEFILE_MAX_ROWS,
        time_budget=float(settings.SANXIANG_SAFEFILE_SECONDS),
        max_bytes=settings.SANXIANG_UPLOAD_LIMITS_MB.get("import", 50) * _MIB,
    )


# --- limits --------------------------------------------------------------------------------------


def upload_limit_bytes(kind: str) -> int:
    limits = settings.SANXIANG_UPLOAD_LIMITS_MB
    return int(limits.get(kind, limits.get("default", 100))) * _MIB


def _data_dir() -> Path:
    root = Path(settings.SANXIANG_FILE_ROOT)
    for candidate in (root, *root.parents):
        if candidate.exists():
            return candidate
    return Path(settings.VAR_DIR)


def disk_check(size: int, *, name: str = "") -> None:
    """Refuse a write of ``size`` bytes that would bring the data directory under the floor."""
    floor = settings.SANXIANG_DISK_FLOOR_MB * _MIB
    free = shutil.disk_usage(_data_dir()).free
    if free - size < floor:
        raise ValidationFailed(
            _(
                "服务器存储空间不足：保存文件“%(name)s”后可用空间将低于 %(floor)d MB 的下限，已拒绝。请联系系统管理员。"
            )
            % {"name": name, "floor": settings.SANXIANG_DISK_FLOOR_MB},
            code="disk_floor",
            extra={"free_mb": free // _MIB, "floor_mb": settings.SANXIANG_DISK_FLOOR_MB},
        )


# The upload kind of a stored file's purpose (anything else is an "attachment").
KIND_BY_PURPOSE = {"supervision.evidence": "evidence", "supervision.plan": "import", "jobs.input": "import"}


def kind_for(purpose: str) -> str:
    return KIND_BY_PURPOSE.get(
        purpose, purpose if purpose in settings.SANXIANG_UPLOAD_LIMITS_MB else "attachment"
    )


def upload_check(upload: Any, *, kind: str = "default") -> None:
    """Refuse an upload over its kind's size limit, or one the disk cannot take above the floor."""
    size_check(int(getattr(upload, "size", 0) or 0), name=str(getattr(upload, "name", "") or ""), kind=kind)


def size_check(size: int, *, name: str, kind: str) -> None:
    limit = upload_limit_bytes(kind)
    if size > limit:
        raise ValidationFailed(
            _("文件“%(name)s”大小 %(size).1f MB，超过此处上传的上限 %(limit)d MB。")
            % {"name": name, "size": size / _MIB, "limit": limit // _MIB},
            code="too_large",
            extra={"size": size, "limit": limit},
        )
    disk_check(size, name=name)


# --- spool ---------------------------------------------------------------------------------------


def spool_root() -> Path:
    return Path(settings.SANXIANG_SPOOL_DIR)


def spool_dir() -> Path:
    """This process's spool directory (created on first use)."""
    path = spool_root() / str(os.getpid())
    path.mkdir(parents=True, exist_ok=True)
    return path


@contextlib.contextmanager
def spool_directory(prefix: str = "work-") -> Iterator[Path]:
    """A temporary directory in this process's spool, removed on exit (or at the next start)."""
    with tempfile.TemporaryDirectory(prefix=prefix, dir=spool_dir()) as tmp:
        yield Path(tmp)


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie — killed, not yet reaped — does not)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no /proc: trust the signal test
    state = stat.rpartition(")")[2].split()[:1]
    return state not in (["Z"], ["X"])


def spool_clean() -> list[Path]:
    """Remove what dead processes left in the spool; returns what was removed."""
    root = spool_root()
    removed: list[Path] = []
    if not root.is_dir():
        return removed
    for entry in root.iterdir():
        if entry.is_dir() and entry.name.isdigit() and _alive(int(entry.name)):
            continue
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry)
    return removed


class SpooledUpload(UploadedFile):
    """Django's ``TemporaryUploadedFile``, written in this process's spool directory."""

    def __init__(
        self, name: str, content_type: str, size: int, charset: str | None, extra: Any = None
    ) -> None:
        _root, ext = os.path.splitext(name)
        file = tempfile.NamedTemporaryFile(suffix=".upload" + ext[:16], dir=spool_dir())  # noqa: SIM115
        super().__init__(file, name, content_type, size, charset, extra)

    def temporary_file_path(self) -> str:
        assert self.file is not None  # opened in __init__
        return self.file.name

    def close(self) -> None:
        assert self.file is not None  # opened in __init__
        try:
            self.file.close()
        except FileNotFoundError:
            return None


class SpoolUploadHandler(TemporaryFileUploadHandler):
    def new_file(self, *args: Any, **kwargs: Any) -> None:
        FileUploadHandler.new_file(self, *args, **kwargs)
        # The stubs type ``file`` as the parent's TemporaryUploadedFile; this one is an UploadedFile like it.
        # file_name and content_type are set (str) by FileUploadHandler.new_file just above.
        self.file = SpooledUpload(  # type: ignore[assignment]
            cast(str, self.file_name), cast(str, self.content_type), 0, self.charset, self.content_type_extra
        )


# --- early refusal ---------------------------------------------------------------------------------

# Room for the multipart envelope (boundaries, part headers, the other form fields) around the file.
ENVELOPE_BYTES = 1 * _MIB


def request_limit_bytes() -> int:
    """The largest request body any upload may send: the largest per-kind limit and the envelope."""
    return max(upload_limit_bytes(kind) for kind in settings.SANXIANG_UPLOAD_LIMITS_MB) + ENVELOPE_BYTES


class UploadTooLarge(RequestDataTooBig):
    """A request body over ``request_limit_bytes`` (a ``SuspiciousOperation``: a 400 if nobody
    catches it; ``UploadLimitMiddleware`` answers 413 with the message)."""

    def __init__(self, size: int | None = None) -> None:
        self.size = size
        limit = request_limit_bytes() - ENVELOPE_BYTES
        super().__init__(
            _("上传的文件过大：超过系统允许的最大上传大小 %(limit)d MB，已拒绝接收。请压缩或拆分后再上传。")
            % {"limit": limit // _MIB}
        )


class LimitUploadHandler(FileUploadHandler):
    """Refuses a multipart body over the request limit on its length, and stops reading as soon as
    the file bytes received pass the largest upload limit, so an oversized file is never spooled
    whole (nor a body whose length understates it)."""

    def handle_raw_input(
        self, input_data: Any, META: Any, content_length: int, boundary: Any, encoding: Any = None
    ) -> None:
        self.limit = request_limit_bytes() - ENVELOPE_BYTES
        self.received = 0
        if content_length and content_length > self.limit + ENVELOPE_BYTES:
            raise UploadTooLarge(content_length)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.limit:
            raise UploadTooLarge(self.received)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler (memory or spool) makes the file
