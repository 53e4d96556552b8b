"""Retention (longest wins; case evidence follows the case file), legal hold, disposal orders."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from sanxiang.audit.models import AuditEvent
from sanxiang.files.services import file_root
from sanxiang.kernel.exceptions import InvalidTransition, PermissionDeniedError, ValidationFailed
from sanxiang.records import selectors, services
from sanxiang.records.models import Record
from tests.enforcement import factories as ef

from .conftest import add_record

LATER = datetime.date(2030, 1, 1)


@pytest.fixture
def old_record(world, video_bytes):
    # The matter 增值税专用发票最高开票限额审批实地查验 keeps recordings 36 months.
    return add_record(world, video_bytes, recorded_start="2026-03-02T09:30:00+08:00")


def test_longest_retention_wins(world, old_record, settings):
    settings.SANXIANG_RECORDS_DEFAULT_RETENTION_MONTHS = 6
    assert selectors.record_retention_until(old_record) == datetime.date(2029, 3, 2)
    settings.SANXIANG_RECORDS_DEFAULT_RETENTION_MONTHS = 48
    assert selectors.record_retention_until(old_record) == datetime.date(2030, 3, 2)


def test_case_evidence_follows_the_case_file(world, old_record, settings):
    settings.SANXIANG_RECORDS_CASE_FILE_RETENTION_MONTHS = 120
    ef.decision(world.act)
    assert selectors.record_retention_until(old_record) is None  # the case is still open
    world.act.concluded_on = datetime.date(2026, 6, 30)
    world.act.save()
    assert selectors.record_retention_until(Record.objects.get(pk=old_record.pk)) == datetime.date(
        2036, 6, 30
    )


def test_disposal_needs_approval_and_lists_fingerprints(
    world, old_record, django_capture_on_commit_callbacks
):
    path = file_root() / old_record.file.storage_path
    poster = file_root() / selectors.record_poster(old_record).storage_path
    assert [r for r, _, _ in selectors.expiry_report(actor=world.archivist, today=LATER)] == [old_record]
    with pytest.raises(ValidationFailed):
        services.disposal_order_create(actor=world.archivist, records=[old_record], appraisal="", today=LATER)
    with pytest.raises(ValidationFailed):  # not yet expired
        services.disposal_order_create(
            actor=world.archivist, records=[old_record], appraisal="到期鉴定", today=datetime.date(2027, 1, 1)
        )
    order = services.disposal_order_create(
        actor=world.archivist, records=[old_record], appraisal="经鉴定无保存价值", today=LATER
    )
    item = order.items.get()
    assert (item.sha256, item.sm3, item.size) == (
        old_record.file.sha256,
        old_record.file.sm3,
        old_record.file.size,
    )
    with pytest.raises(InvalidTransition):
        services.disposal_order_execute(actor=world.archivist, order=order)
    with pytest.raises(PermissionDeniedError):
        services.disposal_order_decide(actor=world.archivist, order=order, approve=True)
    services.disposal_order_decide(actor=world.leader, order=order, approve=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.disposal_order_execute(actor=world.archivist, order=order)
    assert not path.exists() and not poster.exists()
    record = Record.objects.get(pk=old_record.pk)
    assert record.disposed_at is not None
    executed = AuditEvent.objects.get(action="records.disposal_order.executed")
    assert executed.data["destroyed"][0]["sm3"] == old_record.file.sm3
    assert record.custody_events.filter(action="disposed").exists()


def test_legal_hold_suspends_disposal(world, old_record):
    hold = services.legal_hold_place(actor=world.archivist, act=world.act, reason="行政复议中")
    rows = selectors.expiry_report(actor=world.archivist, today=LATER)
    assert rows == [(old_record, datetime.date(2029, 3, 2), True)]
    with pytest.raises(ValidationFailed):
        services.disposal_order_create(
            actor=world.archivist, records=[old_record], appraisal="鉴定", today=LATER
        )
    services.legal_hold_release(actor=world.archivist, hold=hold)
    order = services.disposal_order_create(
        actor=world.archivist, records=[old_record], appraisal="鉴定", today=LATER
    )
    services.disposal_order_decide(actor=world.leader, order=order, approve=True)
    services.legal_hold_place(actor=world.archivist, record=old_record, reason="诉讼保全")
    with pytest.raises(InvalidTransition):  # a hold placed after approval still stops it
        services.disposal_order_execute(actor=world.archivist, order=order)
    assert Record.objects.get(pk=old_record.pk).disposed_at is None
    assert old_record.custody_events.filter(action="hold_placed").count() == 2


def test_officer_cannot_place_holds(world, old_record):
    with pytest.raises(PermissionDeniedError):
        services.legal_hold_place(actor=world.officer, record=old_record, reason="x")


def test_disposed_record_cannot_be_viewed(world, old_record):
    Record.objects.filter(pk=old_record.pk).update(disposed_at=timezone.now())
    old_record.refresh_from_db()
    with pytest.raises(InvalidTransition):
        services.record_access(actor=world.archivist, record=old_record, action="viewed", reason="x")


def test_destroyed_files_leave_the_fixity_cycle_and_are_never_served(world, video_bytes, tmp_path):
    """A disposal destroys through the file store: the fingerprints stay, the fixity sweep and
    ``verify_files`` do not report the (deliberately) missing bytes, and a download is refused."""
    from sanxiang.files.integrity import fixity_cycle_run, verify_all
    from sanxiang.files.services import FileMissingError, file_destroy_many, file_open_for_download

    record = add_record(world, video_bytes)
    stored = record.file
    file_destroy_many(actor=world.archivist, files=[stored], reason="测试销毁")
    stored.refresh_from_db()
    assert stored.destroyed_at is not None and stored.sha256
    assert fixity_cycle_run().failed == []
    assert all(f.pk != stored.pk for f, _ok in verify_all())
    with pytest.raises(FileMissingError):
        file_open_for_download(actor=world.archivist, file=stored)


def test_a_disposal_step_on_the_page_names_the_order_and_its_new_state(client, world, old_record):
    from django.urls import reverse

    order = services.disposal_order_create(
        actor=world.archivist, records=[old_record], appraisal="经鉴定无保存价值", today=LATER
    )
    client.force_login(world.leader)
    response = client.post(
        reverse("records:disposal_action", kwargs={"pk": order.pk, "action": "approve"}), follow=True
    )
    page = response.content.decode()
    assert f"已批准第 {order.pk} 号销毁清单，当前状态“" in page
    assert "已处理。" not in page
