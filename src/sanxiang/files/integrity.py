"""Integrity of the file store: the fixity cycle, refusal of files whose last check failed, the
administrators' alert, and the garbage collection of bytes no row references.

**Fixity cycle.** ``fixity_cycle_run`` is scheduled every hour. Each run checks the files whose
last check is oldest (never-checked first) within a byte budget of one run's share of the store
(``total bytes / runs per cycle``, at least ``SANXIANG_FIXITY_MIN_RUN_MB``). A file larger than
what is left of the budget is *skipped*, not waited for, so small files behind a large one are
still checked; and any file whose last check is older than the cycle
(``SANXIANG_FIXITY_CYCLE_HOURS``) is checked whatever the budget. So every stored file is checked
at least once per cycle, and no large file holds the others back.

**Refusal.** A file whose latest fixity check failed is not served: ``fixity_guard`` raises
``FileIntegrityError`` (HTTP 409, a Chinese message) and alerts the administrators of the file's
authority (and above) once per file.
"""

from __future__ import annotations

import datetime
import math
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanxiang.kernel.exceptions import DomainError

from .models import FileAccess, FileAccessAction, StoredFile
from .services import file_fixity_check, file_root

_MIB = 1024 * 1024


class FileIntegrityError(DomainError):
    """The stored bytes failed their last fixity check: they are not served until restored."""

    code = "file_integrity"
    default_message = gettext_lazy(
        "该文件最近一次完整性校验未通过（内容可能已被改动或损坏），已暂停下载。系统已通知管理员。"
    )
    http_status = 409


def last_fixity(file: StoredFile) -> FileAccess | None:
    return FileAccess.objects.filter(file=file, action=FileAccessAction.FIXITY).order_by("-at", "-pk").first()


def fixity_alert(file: StoredFile) -> None:
    """Tell the administrators of the file's authority (and the authorities above) once per file."""
    from sanxiang.kernel.choices import RoleCode
    from sanxiang.notifications.services import notify_users_with_role

    notify_users_with_role(
        authority=file.authority,
        roles=[RoleCode.ADMINISTRATOR],
        include_ancestors=True,
        title=_("文件完整性校验未通过：%(name)s") % {"name": file.original_name},
        body=_(
            "存储文件“%(name)s”（编号 %(id)s）的内容与登记的指纹不符，可能已被改动或损坏，已暂停下载。请从备份恢复。"
        )
        % {"name": file.original_name, "id": file.public_id},
        url=reverse("files:detail", kwargs={"public_id": file.public_id}),
        category="files.fixity_failed",
        dedupe_key=f"files.fixity_failed:{file.pk}",
    )


def fixity_guard(file: StoredFile, *, actor: Any = None) -> None:
    """Refuse a file whose latest fixity check failed. The refusal is audited so that it survives
    the rollback of the download; the administrators were alerted when the check failed."""
    from sanxiang.audit.services import audit_refusal

    last = last_fixity(file)
    if last is not None and last.ok is False:
        audit_refusal(
            actor=actor,
            action="files.file.download_refused",
            target=file,
            data={"reason": "fixity_failed", "checked_at": last.at.isoformat(), "sha256": file.sha256},
        )
        raise FileIntegrityError()


# --- the cycle -----------------------------------------------------------------------------------


@dataclass
class FixityRun:
    checked: int = 0
    failed: list[int] = field(default_factory=list)
    skipped: int = 0  # too large for what was left of this run's budget (checked in a later run)
    bytes_read: int = 0
    budget: int = 0


def _cycle() -> datetime.timedelta:
    return datetime.timedelta(hours=settings.SANXIANG_FIXITY_CYCLE_HOURS)


def run_budget() -> int:
    """One run's share of the store: all bytes over the runs of one cycle."""
    runs = max(1, settings.SANXIANG_FIXITY_CYCLE_HOURS // max(1, settings.SANXIANG_FIXITY_RUN_EVERY_HOURS))
    total = StoredFile.objects.aggregate(total=models.Sum("size"))["total"] or 0
    return max(settings.SANXIANG_FIXITY_MIN_RUN_MB * _MIB, math.ceil(total / runs))


def fixity_cycle_run(*, now: datetime.datetime | None = None, budget: int | None = None) -> FixityRun:
    now = now or timezone.now()
    result = FixityRun(budget=run_budget() if budget is None else budget)
    overdue_before = now - _cycle()
    last_check = models.Max("accesses__at", filter=models.Q(accesses__action=FileAccessAction.FIXITY))
    candidates = (
        StoredFile.objects.filter(destroyed_at__isnull=True)
        .annotate(last_check=last_check)
        .order_by(models.F("last_check").asc(nulls_first=True), "pk")
        .values_list("pk", "size", "last_check")
    )
    for pk, size, checked_at in candidates.iterator(chunk_size=500):
        overdue = checked_at is None or checked_at < overdue_before
        if result.bytes_read + size > result.budget and not overdue:
            result.skipped += 1
            continue
        stored = StoredFile.objects.get(pk=pk)
        ok = file_fixity_check(file=stored)
        if not ok:
            result.failed.append(pk)
            fixity_alert(stored)
        result.checked += 1
        result.bytes_read += size
    return result


def verify_all() -> Iterator[tuple[StoredFile, bool]]:
    """Check every stored file now (``sanxiang verify_files``)."""
    live = StoredFile.objects.filter(destroyed_at__isnull=True).order_by("pk")
    for pk in live.values_list("pk", flat=True).iterator(chunk_size=500):
        stored = StoredFile.objects.get(pk=pk)
        ok = file_fixity_check(file=stored)
        if not ok:
            fixity_alert(stored)
        yield stored, ok


# --- garbage collection -----------------------------------------------------------------------


@dataclass
class GcResult:
    orphans: list[Path] = field(default_factory=list)
    stale_temporary: list[Path] = field(default_factory=list)
    bytes: int = 0


def files_gc(*, dry_run: bool = False, temporary_age: float = 3600.0) -> GcResult:
    """Remove stored bytes no ``StoredFile`` row references (``file_orphan_list``), and temporary
    files older than ``temporary_age`` seconds left in ``<root>/tmp`` by a killed process."""
    from .selectors import file_orphan_list

    root = file_root()
    result = GcResult()
    for relative in file_orphan_list():
        path = root / relative
        result.orphans.append(path)
        result.bytes += path.stat().st_size
    cutoff = time.time() - temporary_age
    tmp = root / "tmp"
    if tmp.is_dir():
        for path in sorted(tmp.iterdir()):
            if path.is_file() and path.stat().st_mtime < cutoff:
                result.stale_temporary.append(path)
                result.bytes += path.stat().st_size
    if not dry_run:
        for path in [*result.orphans, *result.stale_temporary]:
            path.unlink(missing_ok=True)
    return result
