"""The fixity cycle never starves behind a large file, covers the store within its cycle;
files_gc; the unsigned tail in verify_audit; the checkpoint at a clean worker shutdown."""

from __future__ import annotations

import datetime
import io
import os
import time

import pytest
from django.core.management import call_command
from django.utils import timezone

from sanxiang.audit.models import AuditCheckpoint
from sanxiang.audit.services import audit_log
from sanxiang.files.integrity import fixity_cycle_run
from sanxiang.files.models import FileAccess, StoredFile
from sanxiang.files.services import file_root
from sanxiang.kernel.management.commands.worker import _checkpoint_on_shutdown
from tests import factories
from tests.files.factories import stored_file


@pytest.fixture
def officer(org):
    return factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"], scope="unit")


def test_a_large_file_does_not_hold_the_small_ones_back(officer):
    large = stored_file(officer, content=b"L" * 300_000, name="large.bin")
    small = [stored_file(officer, content=f"s{n}".encode(), name=f"s{n}.txt") for n in range(5)]
    # The large file is first in line (never checked, lowest id) and over the budget.
    first = fixity_cycle_run(budget=1000, now=large.uploaded_at)
    assert first.checked == len(small) + 1  # never-checked files are overdue: all checked
    now = timezone.now() + datetime.timedelta(hours=1)
    second = fixity_cycle_run(budget=1000, now=now)
    assert second.skipped == 1 and second.checked == 5  # large skipped, not waited for
    assert {f.pk for f in small} <= set(
        FileAccess.objects.filter(action="fixity").values_list("file_id", flat=True)
    )


def test_every_file_is_checked_within_the_cycle(officer, settings):
    settings.SANXIANG_FIXITY_CYCLE_HOURS = 24
    large = stored_file(officer, content=b"L" * 300_000, name="large.bin")
    stored_file(officer, content=b"small", name="small.txt")
    start = timezone.now()
    fixity_cycle_run(budget=1000, now=start)
    checks_of_large = FileAccess.objects.filter(file=large, action="fixity").count()
    for hour in range(1, 26):
        fixity_cycle_run(budget=1000, now=start + datetime.timedelta(hours=hour))
    # Skipped by every run while it was checked within the cycle, checked once it came due.
    assert FileAccess.objects.filter(file=large, action="fixity").count() == checks_of_large + 1


def test_verify_files_exits_non_zero_on_a_changed_file(officer):
    stored = stored_file(officer, content=b"original")
    out = io.StringIO()
    call_command("verify_files", stdout=out)
    assert "1 个文件全部通过" in out.getvalue()
    path = file_root() / stored.storage_path
    os.chmod(path, 0o600)
    path.write_bytes(b"changed!")
    with pytest.raises(Exception) as raised:
        call_command("verify_files", stdout=io.StringIO(), stderr=io.StringIO())
    assert getattr(raised.value, "returncode", None) == 1


def test_files_gc_removes_only_unreferenced_bytes_and_stale_temporaries(officer):
    kept = stored_file(officer, content=b"kept")
    orphan = file_root() / "ab" / "cd" / "abcd-orphan"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"x" * 10)
    stale = file_root() / "tmp" / "upload-stale"
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"y")
    old = time.time() - 7200
    os.utime(stale, (old, old))
    fresh = file_root() / "tmp" / "upload-fresh"
    fresh.write_bytes(b"z")

    out = io.StringIO()
    call_command("files_gc", "--dry-run", stdout=out)
    assert "可删除 1 个无记录的存储文件、1 个残留临时文件" in out.getvalue()
    assert orphan.exists() and stale.exists()

    call_command("files_gc", stdout=io.StringIO())
    assert not orphan.exists() and not stale.exists() and fresh.exists()
    assert (file_root() / kept.storage_path).exists()
    assert StoredFile.objects.count() == 1


def test_verify_audit_reports_the_unsigned_tail(db, django_capture_on_commit_callbacks):
    audit_log(actor=None, action="case.file.created", data={"n": 1})
    out = io.StringIO()
    call_command("verify_audit", "--no-record", stdout=out)
    assert "未受签名保护的尾部：最后一个签名检查点之后有 1 条事件" in out.getvalue()
    with django_capture_on_commit_callbacks(execute=True):
        _checkpoint_on_shutdown()  # what a clean worker shutdown does
    out = io.StringIO()
    call_command("verify_audit", "--no-record", stdout=out)
    assert "未受签名保护" not in out.getvalue()
    assert AuditCheckpoint.objects.count() == 1
