"""Periodic jobs of the audit trail; the schedule lives in the project's one schedule module."""

from __future__ import annotations

from sanxiang.audit.services import audit_checkpoint_create, audit_verify
from sanxiang.kernel.tasks import task


@task()
def audit_checkpoint_task() -> int | None:
    """Sign the chain head; returns the checkpoint's seq (None while the chain is empty)."""
    checkpoint = audit_checkpoint_create()
    return checkpoint.seq if checkpoint is not None else None


@task()
def audit_verify_task() -> bool:
    """Re-verify the whole chain and record the result for the audit page; True if intact."""
    return audit_verify(record=True, triggered_by="task").ok
