"""Thin background tasks of the file store."""

from __future__ import annotations

from sanxiang.kernel.tasks import task

from .models import StoredFile
from .services import file_fixity_check


@task()
def fixity_check_task(stored_file_id: int) -> bool:
    """Re-hash one stored file (完整性校验); returns whether it is intact."""
    return file_fixity_check(file=StoredFile.objects.get(pk=stored_file_id))


@task()
def fixity_sweep_task() -> dict:
    """One run of the fixity cycle (scheduled in ``sanxiang.kernel.schedule`` as files.fixity_sweep):
    every stored file is checked within ``SANXIANG_FIXITY_CYCLE_HOURS`` (``files.integrity``)."""
    from .integrity import fixity_cycle_run

    result = fixity_cycle_run()
    return {
        "checked": result.checked,
        "failed": result.failed,
        "skipped": result.skipped,
        "bytes_read": result.bytes_read,
    }
