"""Concurrent appenders on PostgreSQL cannot fork the chain (the advisory lock serialises them)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from sanxiang.audit.models import AuditEvent
from sanxiang.audit.services import audit_checkpoint_create, audit_log, audit_scope_refusal, audit_verify
from sanxiang.kernel.exceptions import ScopeViolation

THREADS = 6
PER_THREAD = 20

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises writers at BEGIN IMMEDIATE; only PostgreSQL has concurrent writers",
    ),
    pytest.mark.django_db(transaction=True),
]


def test_it_keeps_one_chain_under_concurrent_appends():
    """Refusals inside open transactions commit through their own connection meanwhile."""
    start = threading.Barrier(THREADS + 1)
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            start.wait()
            for i in range(PER_THREAD):
                with transaction.atomic():
                    audit_log(actor=None, action="load.item.created", data={"writer": n, "i": i})
                if i % 7 == 0:
                    audit_scope_refusal(
                        actor=None, violation=ScopeViolation(model_label="a.B", object_ref="pk=1")
                    )
                if i % 9 == 0:
                    audit_checkpoint_create()
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(THREADS)]
    for t in threads:
        t.start()
    start.wait()
    with pytest.raises(ScopeViolation), transaction.atomic():
        violation = ScopeViolation(model_label="a.B", object_ref="pk=2")
        own = audit_scope_refusal(actor=None, violation=violation)
        assert own is not None
        seen: list[bool] = []
        reader = threading.Thread(
            target=lambda: (
                seen.append(AuditEvent.objects.filter(pk=own.pk).exists()),
                connections.close_all(),
            )
        )
        reader.start()
        reader.join()
        assert seen == [True]  # committed while this transaction is still open
        raise violation
    for t in threads:
        t.join()

    assert errors == []
    refusals_per_thread = len(range(0, PER_THREAD, 7))
    total = THREADS * (PER_THREAD + refusals_per_thread) + 1
    seqs = list(AuditEvent.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, total + 1))
    hashes = AuditEvent.objects.values_list("prev_hash", flat=True)
    assert len(set(hashes)) == total  # no two events share a predecessor: no fork
    result = audit_verify(record=False)
    assert result.ok, result.problems
    assert result.event_count == total
