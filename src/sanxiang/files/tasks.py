"""Thin background tasks of the file store."""

from __future__ import annotations

from django_tasks import task

from .models import StoredFile
from .services import file_fixity_check


@task()
def fixity_check_task(stored_file_id: int) -> bool:
    """Re-hash one stored file (完整性校验); returns whether it is intact."""
    return file_fixity_check(file=StoredFile.objects.get(pk=stored_file_id))
