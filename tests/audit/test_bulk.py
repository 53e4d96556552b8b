"""``audit_log_many``: one lock and one head read per batch, the same chain as one append at a time."""

from __future__ import annotations

import io
import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext

from sanxiang.audit import services
from sanxiang.audit.models import AuditEvent
from sanxiang.audit.services import audit_log, audit_log_many, audit_verify
from sanxiang.audit.verification import event_content
from sanxiang.lib.hashchain import GENESIS_HASH, chain_hash

# Every field an event stores except its position in the chain and its time.
STORED = (
    "actor_id",
    "actor_label",
    "action",
    "target_type",
    "target_id",
    "target_label",
    "authority_id",
    "before",
    "after",
    "data",
    "source_address",
    "user_agent",
    "outcome",
)


def _stored(event: AuditEvent) -> dict:
    event.refresh_from_db()
    return {name: getattr(event, name) for name in STORED}


def _events(org, n: int = 3) -> list[dict]:
    """Events with personal data, a target with an authority and a target with none."""
    return [
        {
            "action": "case.file.created",
            "target": org.a_collection if i % 2 else org.district_b,
            "before": {"phone": "13812345678"} if i == 0 else None,
            "after": {"note": f"联系电话13812345678 第{i}条", "amount": 1.5},
            "data": {"legal_representative": "王小明", "i": i},
        }
        for i in range(n)
    ]


def test_it_stores_each_event_exactly_as_audit_log_would(org, officer):
    batch = audit_log_many(actor=officer, events=_events(org))
    singles = [audit_log(actor=officer, **event) for event in _events(org)]
    assert [_stored(e) for e in batch] == [_stored(e) for e in singles]
    first = _stored(batch[0])
    assert "13812345678" not in str(first) and "王小明" not in str(first)
    assert first["before"]["phone"]["masked"] == "138****5678"
    assert first["authority_id"] == org.district_b.pk
    assert _stored(batch[1])["authority_id"] == org.district_a.pk  # the department's authority


def test_it_chains_the_batch_onto_the_head_and_verifies(org, officer):
    audit_log(actor=None, action="case.file.created", data={"n": 0})
    batch = audit_log_many(actor=officer, events=_events(org, 4))
    audit_log(actor=None, action="case.file.created", data={"n": 5})
    events = list(AuditEvent.objects.order_by("seq"))
    assert [e.seq for e in events] == [1, 2, 3, 4, 5, 6]
    assert [e.pk for e in events[1:5]] == [e.pk for e in batch]
    assert events[0].prev_hash == GENESIS_HASH
    for previous, event in zip(events, events[1:], strict=False):
        assert event.prev_hash == previous.hash
        assert event.hash == chain_hash(event.prev_hash, event_content(event))
    out = io.StringIO()
    call_command("verify_audit", stdout=out, stderr=io.StringIO())
    assert out.getvalue().splitlines()[0] == "审计链完整：6 条事件，0 个检查点"


def test_it_writes_a_batch_larger_than_one_insert(db):
    count = services.MANY_CHUNK_SIZE * 2 + 7
    batch = audit_log_many(
        actor=None, events=[{"action": "case.file.created", "data": {"n": n}} for n in range(count)]
    )
    assert [e.seq for e in batch] == list(range(1, count + 1))
    assert AuditEvent.objects.count() == count
    result = audit_verify(record=False)
    assert result.ok and result.event_count == count


def test_it_takes_the_lock_and_reads_the_head_once_per_batch(db):
    audit_log(actor=None, action="case.file.created")
    events = [{"action": "case.file.created", "data": {"n": n}} for n in range(services.MANY_CHUNK_SIZE * 2)]
    with CaptureQueriesContext(connection) as context:
        audit_log_many(actor=None, events=events)
    sql = [q["sql"] for q in context.captured_queries]
    locks = [s for s in sql if "pg_advisory_xact_lock" in s]
    reads = [s for s in sql if s.startswith("SELECT") and s not in locks]
    insert = "COPY" if connection.vendor == "postgresql" else "INSERT INTO"
    inserts = [s for s in sql if insert in s]
    assert len(locks) == (1 if connection.vendor == "postgresql" else 0)
    assert len(reads) == 2  # the head, then the ids of the new rows
    assert len(inserts) == 2  # one prepared statement (SQLite) or COPY (PostgreSQL) per chunk
    assert len(locks) + len(reads) + len(inserts) == len(sql)
    assert audit_verify(record=False).ok


def test_it_writes_nothing_for_an_empty_batch_and_refuses_bad_events(db):
    assert audit_log_many(actor=None, events=[]) == []
    with pytest.raises(TypeError):
        audit_log_many(actor=None, events=[{"action": "case.file.created", "actor": None}])
    with pytest.raises(TypeError):
        audit_log_many(actor=None, events=[{"data": {}}])
    with pytest.raises(ValueError, match="dotted"):
        audit_log_many(actor=None, events=[{"action": "created"}])
    assert AuditEvent.objects.count() == 0


def test_it_rolls_back_with_the_callers_transaction(db):
    audit_log(actor=None, action="case.file.created")
    with pytest.raises(RuntimeError), transaction.atomic():
        audit_log_many(actor=None, events=[{"action": "case.file.created"}] * 3)
        raise RuntimeError
    assert AuditEvent.objects.count() == 1
    [event] = audit_log_many(actor=None, events=[{"action": "case.file.updated"}])
    assert event.seq == 2 and audit_verify(record=False).ok


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writers at BEGIN IMMEDIATE; only PostgreSQL has concurrent writers",
)
@pytest.mark.django_db(transaction=True)
def test_it_does_not_fork_the_chain_under_concurrent_single_appends():
    threads_n, singles, batches, per_batch = 4, 25, 6, 40
    start = threading.Barrier(threads_n + 1)
    errors: list[BaseException] = []

    def single_writer(n: int) -> None:
        try:
            start.wait()
            for i in range(singles):
                with transaction.atomic():
                    audit_log(actor=None, action="load.item.created", data={"writer": n, "i": i})
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=single_writer, args=(n,)) for n in range(threads_n)]
    for t in threads:
        t.start()
    start.wait()
    for b in range(batches):
        with transaction.atomic():
            audit_log_many(
                actor=None,
                events=[{"action": "load.batch.created", "data": {"b": b, "i": i}} for i in range(per_batch)],
            )
    for t in threads:
        t.join()

    assert errors == []
    total = threads_n * singles + batches * per_batch
    rows = list(AuditEvent.objects.order_by("seq").values_list("seq", "prev_hash", "action", "data"))
    assert [seq for seq, *_rest in rows] == list(range(1, total + 1))
    assert len({prev for _seq, prev, *_rest in rows}) == total  # no two events share a predecessor
    for b in range(batches):  # each batch is contiguous: the lock was held for all of it
        seqs = [seq for seq, _prev, action, data in rows if action == "load.batch.created" and data["b"] == b]
        assert seqs == list(range(seqs[0], seqs[0] + per_batch))
    result = audit_verify(record=False)
    assert result.ok, result.problems
    assert result.event_count == total
