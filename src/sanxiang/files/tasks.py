"""Thin background tasks of the file store."""

from __future__ import annotations

from sanxiang.kernel.tasks import task

from .models import StoredFile
from .services import file_fixity_check, file_fixity_sweep


@task()
def fixity_check_task(stored_file_id: int) -> bool:
    """Re-hash one stored file (完整性校验); returns whether it is intact."""
    return file_fixity_check(file=StoredFile.objects.get(pk=stored_file_id))


@task()
def fixity_sweep_task() -> dict:
    """Daily rotation over the store (scheduled in ``sanxiang.kernel.schedule`` as files.fixity_sweep)."""
    result = file_fixity_sweep()
    return {"checked": result.checked, "failed": result.failed, "bytes_read": result.bytes_read}
