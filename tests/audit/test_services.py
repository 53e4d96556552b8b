"""audit_log, snapshots and checkpoints: what gets stored, chained, masked and signed."""

from __future__ import annotations

import datetime
import stat

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import RequestFactory

from sanxiang.audit import keys, services
from sanxiang.audit.models import AuditCheckpoint, AuditEvent, AuditVerification
from sanxiang.audit.services import audit_checkpoint_create, audit_log, audit_snapshot, audit_verify
from sanxiang.audit.tasks import audit_checkpoint_task, audit_verify_task
from sanxiang.audit.verification import event_content
from sanxiang.kernel.access import ScopeSpec
from sanxiang.kernel.middleware import RequestContextMiddleware
from sanxiang.lib.hashchain import GENESIS_HASH, chain_hash, parse_checkpoint_line

ID18 = "11010519491231002X"


def log(n: int = 1, **kwargs) -> list[AuditEvent]:
    kwargs.setdefault("actor", None)
    kwargs.setdefault("action", "test.thing.done")
    return [audit_log(**kwargs) for _ in range(n)]


def test_it_chains_consecutive_events_from_genesis(db):
    events = log(3)
    assert [e.seq for e in events] == [1, 2, 3]
    assert events[0].prev_hash == GENESIS_HASH
    assert events[1].prev_hash == events[0].hash and events[2].prev_hash == events[1].hash
    for stored in AuditEvent.objects.order_by("seq"):
        assert stored.hash == chain_hash(stored.prev_hash, event_content(stored))


def test_it_records_who_what_where_and_before_after(org, officer):
    department = org.a_collection

    def view(request):
        audit_log(
            actor=officer,
            action="core.department.renamed",
            target=department,
            before={"name": "征收管理科"},
            after={"name": "征收管理股"},
            data={"reason": "机构改革"},
        )
        return HttpResponse()

    request = RequestFactory().get("/staff/x/", REMOTE_ADDR="10.1.2.3", HTTP_USER_AGENT="Firefox/128")
    RequestContextMiddleware(view)(request)
    event = AuditEvent.objects.get()
    assert event.actor == officer
    assert event.actor_label == f"测试人员 ({officer.username})"
    assert event.action == "core.department.renamed"
    assert (event.target_type, event.target_id) == ("core.department", str(department.pk))
    assert event.target_label == str(department)
    assert event.authority == org.district_a
    assert event.before == {"name": "征收管理科"} and event.after == {"name": "征收管理股"}
    assert event.data == {"reason": "机构改革"}
    assert (event.source_address, event.user_agent) == ("10.1.2.3", "Firefox/128")
    assert event.outcome == "ok"
    assert event.occurred_at is not None


def test_it_takes_the_authority_from_target_then_actor(org, officer, admin_user):
    assert (
        audit_log(actor=admin_user, action="core.user.changed", target=officer).authority_id
        == org.district_a.pk
    )
    assert (
        audit_log(actor=officer, action="core.authority.changed", target=org.city).authority_id == org.city.pk
    )
    assert audit_log(actor=officer, action="core.report.exported").authority_id == org.district_a.pk
    assert audit_log(actor=None, action="core.report.exported").authority_id is None
    assert audit_log(actor=None, action="a.b", authority=org.district_b).authority_id == org.district_b.pk


def test_it_follows_the_scope_spec_path_to_the_authority(org):
    class Case:
        scope = ScopeSpec(authority="department__authority")

    case = Case()
    case.department = org.b_collection
    assert services._authority_id(case, None, None) == org.district_b.pk


def test_it_labels_system_anonymous_and_named_actors(db):
    assert audit_log(actor=None, action="a.b").actor_label == "system"
    assert audit_log(actor=AnonymousUser(), action="a.b").actor_label == "anonymous"
    event = audit_log(actor="source:jinsan", action="a.b")
    assert (event.actor_id, event.actor_label) == (None, "source:jinsan")


@pytest.mark.parametrize("action", ["", "published", "Publicity.Entry", "a..b", "a.b c", "a." + "b" * 100])
def test_it_refuses_actions_that_are_not_dotted_codes(db, action):
    with pytest.raises(ValueError):
        audit_log(actor=None, action=action)
    assert not AuditEvent.objects.exists()


def test_it_rolls_back_with_the_callers_transaction(db):
    log(1)
    with pytest.raises(RuntimeError), transaction.atomic():
        log(2)
        raise RuntimeError("business write failed")
    assert list(AuditEvent.objects.values_list("seq", flat=True)) == [1]
    assert log(1)[0].seq == 2


def test_it_stores_personal_data_masked_with_a_pepper_kept_outside_the_database(db, settings):
    event = audit_log(
        actor=None,
        action="taxpayer.person.updated",
        before={"id_number": ID18, "phone": "13812345678"},
        after={"note": f"更正证号{ID18}"},
        target_label=f"张三 {ID18}",
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT before, after, data, target_label FROM audit_auditevent WHERE seq = %s", [event.seq]
        )
        raw = repr(cursor.fetchone())
    assert ID18 not in raw and "13812345678" not in raw
    assert event.before["id_number"]["masked"] == "110105********002X"
    assert event.target_label == "张三 110105********002X"
    pepper_file = settings.SANXIANG_KEY_DIR / keys.PEPPER_FILE
    assert stat.S_IMODE(pepper_file.stat().st_mode) == 0o600
    assert len(bytes.fromhex(pepper_file.read_text())) == 32


def test_it_keeps_decimals_dates_and_floats_hash_stable(db):
    import decimal

    event = audit_log(
        actor=None,
        action="a.b",
        data={"amount": decimal.Decimal("100.10"), "due": datetime.date(2026, 5, 1), "ratio": 0.1},
    )
    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.data == {"amount": "100.10", "due": "2026-05-01", "ratio": "0.1"}
    assert chain_hash(stored.prev_hash, event_content(stored)) == stored.hash


def test_it_appends_reading_only_the_newest_event(db, django_assert_num_queries):
    log(1)
    with django_assert_num_queries(3 if connection.vendor == "postgresql" else 2):
        log(1)
    log(200)
    with django_assert_num_queries(3 if connection.vendor == "postgresql" else 2):
        log(1)


def test_it_snapshots_model_fields_with_foreign_key_ids(org):
    department = org.a_collection
    assert audit_snapshot(department, ["name", "authority"]) == {
        "name": "征收管理科",
        "authority_id": org.district_a.pk,
    }
    assert set(audit_snapshot(department)) >= {"id", "name", "authority_id", "aliases"}


# --- checkpoints ---------------------------------------------------------------------------------


def checkpoint(django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return audit_checkpoint_create(**kwargs)


def test_it_creates_no_checkpoint_for_an_empty_chain(db):
    assert audit_checkpoint_create() is None
    assert not AuditCheckpoint.objects.exists()


def test_it_signs_the_head_and_appends_it_to_the_log(db, settings, django_capture_on_commit_callbacks):
    events = log(3)
    cp = checkpoint(django_capture_on_commit_callbacks)
    assert (cp.seq, cp.head_hash) == (3, events[-1].hash)
    lines = keys.checkpoint_log_lines()
    assert [parse_checkpoint_line(line).seq for line in lines] == [3]
    key_dir = settings.SANXIANG_KEY_DIR
    for name in (keys.SIGNING_KEY_FILE, keys.CHECKPOINT_LOG_FILE, f"audit-signing-{cp.key_id}.pub"):
        assert stat.S_IMODE((key_dir / name).stat().st_mode) == 0o600
    assert stat.S_IMODE(key_dir.stat().st_mode) == 0o700


def test_it_is_idempotent_while_the_head_is_unchanged(db, django_capture_on_commit_callbacks):
    log(2)
    first = checkpoint(django_capture_on_commit_callbacks)
    assert checkpoint(django_capture_on_commit_callbacks).pk == first.pk
    log(1)
    second = checkpoint(django_capture_on_commit_callbacks)
    assert second.seq == 3
    assert [parse_checkpoint_line(line).seq for line in keys.checkpoint_log_lines()] == [2, 3]


def test_it_writes_the_log_line_only_after_commit(db, django_capture_on_commit_callbacks):
    log(1)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        audit_checkpoint_create()
    assert keys.checkpoint_log_lines() == []
    assert len(callbacks) == 1


def test_it_backfills_log_lines_lost_between_commit_and_write(db, django_capture_on_commit_callbacks):
    log(1)
    with django_capture_on_commit_callbacks(execute=False):
        audit_checkpoint_create()  # the process dies before the line is written
    log(1)
    checkpoint(django_capture_on_commit_callbacks)
    assert [parse_checkpoint_line(line).seq for line in keys.checkpoint_log_lines()] == [1, 2]
    assert audit_verify(record=False).ok


def test_it_keeps_one_signing_key(db, django_capture_on_commit_callbacks):
    log(1)
    a = checkpoint(django_capture_on_commit_callbacks)
    keys._signing_cache.clear()
    log(1)
    assert checkpoint(django_capture_on_commit_callbacks).key_id == a.key_id


def test_it_creates_key_files_once_even_when_racing(tmp_path):
    path = tmp_path / "k"
    assert keys.create_once(path, b"first")
    assert not keys.create_once(path, b"second")
    assert path.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["k"]


def test_it_runs_checkpoint_and_verify_as_tasks(db, django_capture_on_commit_callbacks):
    log(4)
    with django_capture_on_commit_callbacks(execute=True):
        assert audit_checkpoint_task.call() == 4
    assert audit_verify_task.call() is True
    run = AuditVerification.objects.get()
    assert (run.ok, run.event_count, run.checkpoint_count, run.triggered_by) == (True, 4, 1, "task")
    assert run.message == "审计链完整：4 条事件，1 个检查点"


def test_it_returns_none_from_the_checkpoint_task_on_an_empty_chain(db):
    assert audit_checkpoint_task.call() is None
