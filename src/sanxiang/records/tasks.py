"""Thin background tasks of the records archive."""

from __future__ import annotations

from sanxiang.kernel.tasks import task


@task()
def upload_expiry_task() -> int:
    """Expire abandoned tus uploads and remove their partial bytes (hourly)."""
    from .uploads import upload_expire_abandoned

    return upload_expire_abandoned()


@task()
def fixity_sync_task() -> int:
    """Copy the file store's latest fixity results onto the records (after the store's sweep)."""
    from .fixity import fixity_sync_all

    return fixity_sync_all()
