"""Fixity per record and ``sanxiang verify_records``: one changed byte is found, never passed silently."""

from __future__ import annotations

import os

import pytest
from django.core.management import call_command

from sanxiang.files.services import file_fixity_sweep, file_root
from sanxiang.notifications.models import Notification
from sanxiang.records.fixity import fixity_sync_all
from sanxiang.records.models import FixityCheck

from .conftest import add_record


def _flip_one_byte(record) -> None:
    path = file_root() / record.file.storage_path
    os.chmod(path, 0o640)
    with open(path, "r+b") as handle:
        handle.seek(record.file.size // 2)
        byte = handle.read(1)
        handle.seek(record.file.size // 2)
        handle.write(bytes([byte[0] ^ 0x01]))


def test_verify_records_passes_then_fails_after_one_byte_changed(world, video_bytes, capsys):
    record = add_record(world, video_bytes)
    call_command("verify_records")
    assert FixityCheck.objects.get(record=record).outcome == "passed"
    _flip_one_byte(record)
    with pytest.raises(SystemExit) as exit_info:
        call_command("verify_records")
    assert exit_info.value.code == 1
    assert "失败 1 条" in capsys.readouterr().out
    latest = record.fixity_checks.first()
    assert latest.outcome == "changed"
    assert Notification.objects.filter(recipient=world.archivist, category="records.fixity_failed").exists()


def test_missing_file_is_reported_as_missing(world, video_bytes):
    record = add_record(world, video_bytes)
    (file_root() / record.file.storage_path).unlink()
    with pytest.raises(SystemExit):
        call_command("verify_records")
    assert record.fixity_checks.first().outcome == "missing"


def test_a_crashing_check_is_an_error_event_not_a_pass(world, video_bytes, monkeypatch):
    record = add_record(world, video_bytes)

    def boom(**kwargs):
        raise OSError("disk controller error")

    monkeypatch.setattr("sanxiang.records.services.file_fixity_check", boom)
    with pytest.raises(SystemExit) as exit_info:
        call_command("verify_records")
    assert exit_info.value.code == 1
    check = record.fixity_checks.first()
    assert check.outcome == "error" and "disk controller error" in check.detail


def test_the_store_sweep_results_become_record_events(world, video_bytes):
    record = add_record(world, video_bytes)
    _flip_one_byte(record)
    file_fixity_sweep()
    assert fixity_sync_all() >= 1
    assert record.fixity_checks.filter(outcome="changed").count() == 1
    assert fixity_sync_all() == 0  # each store result is recorded once
