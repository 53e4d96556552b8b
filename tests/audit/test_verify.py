"""``sanxiang verify_audit`` passes untouched data and names the first broken event otherwise.

Each attack drops the append-only triggers first, as anyone with database access can.
"""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from sanxiang.audit import keys
from sanxiang.audit.models import AuditCheckpoint, AuditEvent, AuditVerification
from sanxiang.audit.services import audit_checkpoint_create, audit_log
from sanxiang.audit.verification import HASHED_FIELDS, event_content
from sanxiang.lib.hashchain import GENESIS_HASH, chain_hash


@pytest.fixture
def chain(db, django_capture_on_commit_callbacks):
    """12 events with a signed checkpoint at 10."""
    for n in range(1, 11):
        audit_log(actor=None, action="case.file.created", data={"n": n})
    with django_capture_on_commit_callbacks(execute=True):
        audit_checkpoint_create()
    for n in range(11, 13):
        audit_log(actor=None, action="case.file.created", data={"n": n})


def verify(*args: str) -> str:
    out = io.StringIO()
    call_command("verify_audit", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def broken(*args: str) -> tuple[str, str]:
    err = io.StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command("verify_audit", *args, stdout=io.StringIO(), stderr=err)
    assert excinfo.value.returncode == 1
    return str(excinfo.value), err.getvalue()


def test_it_passes_an_untouched_chain(chain):
    lines = verify().splitlines()
    assert lines[0] == "审计链完整：12 条事件，1 个检查点"
    # Events 11 and 12 came after the checkpoint: the unsigned tail is reported.
    assert lines[1].startswith("未受签名保护的尾部：最后一个签名检查点之后有 2 条事件")


def test_it_passes_an_empty_chain(db):
    assert verify().strip() == "审计链完整：0 条事件，0 个检查点"


def test_it_records_each_run_for_the_audit_page(chain, attacker):
    verify()
    attacker("UPDATE audit_auditevent SET action = 'case.file.deleted' WHERE seq = 4")
    broken()
    ok, bad = AuditVerification.objects.order_by("pk")
    assert (ok.ok, ok.event_count, ok.checkpoint_count, ok.first_broken_seq) == (True, 12, 1, None)
    assert (bad.ok, bad.first_broken_seq, bad.problem_code) == (False, 4, "altered")
    assert bad.problems[0] == {"code": "altered", "seq": 4, "message": "第 4 条事件的内容或哈希被改动"}


def test_it_does_not_record_with_no_record(chain):
    verify("--no-record")
    assert not AuditVerification.objects.exists()


def test_it_names_an_event_with_altered_content(chain, attacker):
    attacker("UPDATE audit_auditevent SET action = 'case.file.deleted' WHERE seq = 4")
    message, details = broken()
    assert message == "审计链已损坏：第 4 条事件的内容或哈希被改动 [altered]"
    assert details.splitlines() == ["[altered] 第 4 条事件的内容或哈希被改动"]


def test_it_names_an_event_with_altered_snapshot(chain, attacker):
    attacker("UPDATE audit_auditevent SET data = %s WHERE seq = 7", ['{"n": 70}'])
    assert "第 7 条" in broken()[0]


def test_it_names_an_event_with_altered_hash(chain, attacker):
    attacker("UPDATE audit_auditevent SET hash = %s WHERE seq = 11", ["a" * 64])
    message, details = broken()
    assert "第 11 条" in message and "[altered]" in message
    assert len(details.splitlines()) == 1


def test_it_names_a_deleted_middle_event(chain, attacker):
    attacker("DELETE FROM audit_auditevent WHERE seq = 5")
    message, _ = broken()
    assert message == "审计链已损坏：第 5 条事件缺失（已被删除） [removed]"


def test_it_names_reordered_events(chain, attacker):
    attacker("UPDATE audit_auditevent SET seq = 1000 WHERE seq = 5")
    attacker("UPDATE audit_auditevent SET seq = 5 WHERE seq = 6")
    attacker("UPDATE audit_auditevent SET seq = 6 WHERE seq = 1000")
    message, details = broken()
    assert message == "审计链已损坏：第 5 条事件的位置被调换（它原是第 6 条） [reordered]"
    assert "[reordered] 第 6 条事件的位置被调换（它原是第 5 条）" in details


def test_it_detects_a_truncated_tail_before_the_checkpoint(chain, attacker):
    attacker("DELETE FROM audit_auditevent WHERE seq >= 9")
    message, _ = broken()
    assert message == "审计链已损坏：第 9 条及以后的事件被截断（已签名检查点记录到第 10 条） [truncated]"


def test_it_detects_truncation_even_when_the_checkpoint_rows_go_too(chain, attacker):
    attacker("DELETE FROM audit_auditevent WHERE seq >= 9")
    attacker("DELETE FROM audit_auditcheckpoint")
    message, details = broken()
    assert "[truncated]" in message and "第 9 条" in message
    assert "[checkpoint_removed]" in details


def test_it_detects_a_chain_recomputed_without_the_key(chain, attacker):
    """The attacker edits event 3 and recomputes every hash after it, as the algorithm is public."""
    prev = GENESIS_HASH
    for event in AuditEvent.objects.order_by("seq"):
        content = event_content(event)
        if event.seq == 3:
            content["data"] = {"n": 300}
        digest = chain_hash(prev, content)
        attacker(
            "UPDATE audit_auditevent SET data = %s, prev_hash = %s, hash = %s WHERE seq = %s",
            ['{"n": 300}' if event.seq == 3 else f'{{"n": {event.seq}}}', prev, digest, event.seq],
        )
        prev = digest
    message, _ = broken()
    assert "[checkpoint_mismatch]" in message
    assert "第 10 条事件的哈希与已签名检查点不符：第 1–10 条事件被改动，或整条链被重新计算" in message


def test_it_detects_a_deleted_checkpoint_row(chain, attacker):
    attacker("DELETE FROM audit_auditcheckpoint")
    message, _ = broken()
    assert (
        message
        == "审计链已损坏：第 10 条处的检查点记录已从数据库删除（检查点日志文件中仍有） [checkpoint_removed]"
    )


def test_it_detects_a_forged_checkpoint_row(chain, attacker):
    attacker("UPDATE audit_auditcheckpoint SET head_hash = %s", ["b" * 64])
    _, details = broken()
    assert "[checkpoint_altered] 第 10 条处的检查点记录与检查点日志文件不符" in details
    assert "[bad_signature] 第 10 条处的检查点签名无效或签名密钥缺失" in details


def test_it_detects_a_forged_log_line(chain):
    path = keys.checkpoint_log_path()
    path.write_text(path.read_text().replace(" 10 ", " 11 "))
    assert "[bad_signature]" in "".join(broken())


def test_it_reports_a_corrupt_log_line(chain):
    with keys.checkpoint_log_path().open("a") as handle:
        handle.write("garbage\n")
    assert "检查点日志文件第 2 行无法解析 [checkpoint_log_corrupt]" in broken()[0]


def test_it_detects_a_missing_public_key(chain, settings):
    for pub in settings.SANXIANG_KEY_DIR.glob("audit-signing-*.pub"):
        pub.unlink()
    assert "[bad_signature]" in broken()[0]


def test_it_streams_events_in_chunks(chain, monkeypatch):
    """Constant memory: the verifier reads through a chunked iterator, never the whole table."""
    from django.db.models import QuerySet

    from sanxiang.audit.verification import verify_chain
    from sanxiang.kernel.access import ScopedQuerySet

    sizes = []

    def spy(self, chunk_size=None):
        sizes.append(chunk_size)
        return QuerySet.iterator(self, chunk_size=chunk_size)

    monkeypatch.setattr(ScopedQuerySet, "iterator", spy, raising=False)
    assert verify_chain(chunk_size=5).event_count == 12
    assert sizes == [5]


def test_it_hashes_every_content_field(chain, attacker):
    """A change in any hashed column breaks the chain."""
    assert set(HASHED_FIELDS) >= {"seq", "occurred_at", "actor_id", "action", "before", "after", "data"}
    attacker("UPDATE audit_auditevent SET source_address = '6.6.6.6' WHERE seq = 2")
    assert "第 2 条" in broken()[0]


def test_triggers_refuse_updates_and_deletes(chain, triggers):
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEvent.objects.filter(seq=1).update(action="x.y")
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEvent.objects.filter(seq=12).delete()
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditCheckpoint.objects.all().delete()
    assert AuditEvent.objects.count() == 12
    audit_log(actor=None, action="still.appends.fine")
    assert verify().startswith("审计链完整：13 条事件")


@pytest.mark.parametrize(
    ("vendor", "in_memory", "expected"),
    [("postgresql", False, True), ("sqlite", False, True), ("sqlite", True, False)],
)
def test_the_migration_skips_triggers_only_on_throwaway_in_memory_databases(vendor, in_memory, expected):
    from types import SimpleNamespace

    from sanxiang.audit.triggers import wanted

    assert wanted(SimpleNamespace(vendor=vendor, is_in_memory_db=lambda: in_memory)) is expected
