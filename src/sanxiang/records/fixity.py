"""Fixity of records: the file store checks the bytes; each result becomes an event on the record."""

from __future__ import annotations

from dataclasses import dataclass, field

from .choices import FixityOutcome
from .models import Record
from .services import fixity_sync, record_fixity_verify


def fixity_sync_all() -> int:
    """Record every new file-store fixity result on its record; returns the failures found."""
    failures = 0
    for record in (
        Record.objects.filter(disposed_at__isnull=True).select_related("file").iterator(chunk_size=500)
    ):
        failures += sum(1 for c in fixity_sync(record=record) if c.outcome != FixityOutcome.PASSED)
    return failures


@dataclass
class VerifyResult:
    checked: int = 0
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (record id, title, outcome)


def verify_all(*, agent: str = "verify_records") -> VerifyResult:
    """Re-fingerprint every record now; fail closed (a crashed check counts as a failure)."""
    result = VerifyResult()
    for record in (
        Record.objects.filter(disposed_at__isnull=True).select_related("file", "act").iterator(chunk_size=200)
    ):
        check = record_fixity_verify(record=record, agent=agent)
        result.checked += 1
        if check is None or check.outcome != FixityOutcome.PASSED:
            outcome = check.outcome if check is not None else FixityOutcome.ERROR
            result.failed.append((str(record.public_id), record.title, outcome))
    return result
