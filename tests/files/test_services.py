from __future__ import annotations

import hashlib
import io
import os
import stat
import tracemalloc
from unittest import mock

import pytest
from cryptography.hazmat.primitives import hashes
from django.conf import settings

from sanxiang.files import services
from sanxiang.files.models import FileAccess, FileAccessAction, StoredFile
from sanxiang.files.selectors import file_orphan_list
from sanxiang.files.services import file_fixity_check, file_open_for_download, file_store
from sanxiang.files.tasks import fixity_check_task, fixity_sweep_task
from sanxiang.kernel.exceptions import PermissionDeniedError, ScopeViolation, ValidationFailed
from tests.files.factories import GeneratedStream, stored_file

pytestmark = pytest.mark.django_db


def _root():
    return settings.SANXIANG_FILE_ROOT


def _files_on_disk():
    root = _root()
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_it_streams_a_large_file_in_constant_memory_and_fingerprints_it(officer):
    size = 64 * 1024 * 1024
    sha256 = hashlib.sha256()
    sm3 = hashes.Hash(hashes.SM3())
    for chunk in iter(GeneratedStream(size).read, b""):
        sha256.update(chunk)
        sm3.update(chunk)

    tracemalloc.start()
    try:
        baseline = tracemalloc.get_traced_memory()[0]
        stored = file_store(
            actor=officer,
            stream=GeneratedStream(size),
            name="询问录像.mp4",
            content_type="video/mp4",
            authority=officer.authority,
            expected_size=size,
        )
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert peak - baseline < 8 * 1024 * 1024
    assert stored.size == size
    assert stored.sha256 == sha256.hexdigest()
    assert stored.sm3 == sm3.finalize().hex()
    on_disk = _root() / stored.storage_path
    assert on_disk.stat().st_size == size
    assert (
        stored.storage_path
        == f"{stored.sha256[:2]}/{stored.sha256[2:4]}/{stored.sha256}-{stored.public_id.hex}"
    )


def test_it_stores_bytes_read_only_with_metadata_and_audit(officer, audit_calls):
    stored = stored_file(
        officer, content=b"hello", name="../../etc/passwd\x00.txt", content_type="text/html; x=1"
    )
    path = _root() / stored.storage_path
    assert path.read_bytes() == b"hello"
    assert not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    assert stored.original_name == "passwd.txt"
    assert stored.content_type == "text/html"
    assert stored.sha256 == hashlib.sha256(b"hello").hexdigest()
    assert stored.uploaded_by == officer
    assert [c["action"] for c in audit_calls] == ["files.file.stored"]
    assert audit_calls[0]["target_id"] == str(stored.pk)
    assert not list((_root() / "tmp").iterdir())


def test_it_stores_the_same_content_twice_as_two_files(officer):
    first = stored_file(officer, content=b"same")
    second = stored_file(officer, content=b"same")
    assert first.sha256 == second.sha256
    assert first.storage_path != second.storage_path
    assert (_root() / first.storage_path).read_bytes() == b"same"
    assert (_root() / second.storage_path).read_bytes() == b"same"


def test_it_never_overwrites_an_existing_file(officer):
    content = b"new content"
    digest = hashlib.sha256(content).hexdigest()
    fixed = services.uuid.UUID("12345678123456781234567812345678")
    target = _root() / digest[:2] / digest[2:4] / f"{digest}-{fixed.hex}"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"precious")

    with mock.patch.object(services.uuid, "uuid4", return_value=fixed), pytest.raises(FileExistsError):
        stored_file(officer, content=content)

    assert target.read_bytes() == b"precious"
    assert StoredFile.objects.count() == 0
    assert not list((_root() / "tmp").iterdir())


def test_it_removes_the_file_when_the_transaction_rolls_back(officer):
    with (
        mock.patch.object(StoredFile.objects, "create", side_effect=RuntimeError("db down")),
        pytest.raises(RuntimeError),
    ):
        stored_file(officer, content=b"doomed")
    assert _files_on_disk() == []


def test_it_removes_the_temporary_file_when_the_stream_breaks(officer):
    class Broken(io.RawIOBase):
        calls = 0

        def read(self, n=-1):
            self.calls += 1
            if self.calls > 2:
                raise ConnectionResetError
            return b"x" * 1024

    with pytest.raises(ConnectionResetError):
        file_store(actor=officer, stream=Broken(), name="a.bin", content_type="", authority=officer.authority)
    assert _files_on_disk() == []
    assert StoredFile.objects.count() == 0


def test_it_rejects_a_truncated_upload(officer):
    with pytest.raises(ValidationFailed) as exc:
        file_store(
            actor=officer,
            stream=io.BytesIO(b"short"),
            name="a.bin",
            content_type="",
            authority=officer.authority,
            expected_size=100,
        )
    assert exc.value.code == "size_mismatch"
    assert _files_on_disk() == []


def test_it_refuses_to_store_into_an_authority_outside_the_scope(officer, org):
    with pytest.raises(PermissionDeniedError):
        stored_file(officer, org.district_b)
    assert _files_on_disk() == []


def test_it_lets_a_parent_bureau_store_into_a_district(parent_bureau_officer, org):
    assert stored_file(parent_bureau_officer, org.district_a).authority == org.district_a


def test_it_refuses_to_attach_to_an_owner_outside_the_scope(officer, sibling_bureau_officer):
    foreign = stored_file(sibling_bureau_officer)
    with pytest.raises(ScopeViolation):
        stored_file(officer, owner=foreign)
    assert StoredFile.objects.count() == 1


def test_it_logs_every_download(officer, audit_calls):
    stored = stored_file(officer, content=b"report")
    response = file_open_for_download(actor=officer, file=stored)
    assert b"".join(response.streaming_content) == b"report"
    access = FileAccess.objects.get(file=stored)
    assert access.action == FileAccessAction.DOWNLOAD
    assert access.user == officer
    assert [c["action"] for c in audit_calls] == ["files.file.stored", "files.file.downloaded"]
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''%E5%86%B3%E5%AE%9A%E4%B9%A6.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_it_serves_only_safe_types_inline(officer):
    pdf = stored_file(officer, content_type="application/pdf")
    html = stored_file(officer, content=b"<script>", name="x.html", content_type="text/html")
    assert file_open_for_download(actor=officer, file=pdf, inline=True)["Content-Disposition"].startswith(
        "inline"
    )
    assert file_open_for_download(actor=officer, file=html, inline=True)["Content-Disposition"].startswith(
        "attachment"
    )
    assert list(FileAccess.objects.order_by("pk").values_list("action", flat=True)) == ["view", "download"]


def test_it_refuses_a_download_outside_the_scope(officer, sibling_bureau_officer):
    stored = stored_file(officer)
    with pytest.raises(ScopeViolation):
        file_open_for_download(actor=sibling_bureau_officer, file=stored)
    assert FileAccess.objects.count() == 0


def test_it_passes_the_fixity_check_of_an_intact_file(officer, audit_calls):
    stored = stored_file(officer)
    assert fixity_check_task.call(stored.pk) is True
    access = FileAccess.objects.get(file=stored)
    assert (access.action, access.ok) == (FileAccessAction.FIXITY, True)
    assert [c["action"] for c in audit_calls] == ["files.file.stored"]


def test_it_detects_a_tampered_file(officer, audit_calls):
    stored = stored_file(officer, content=b"original")
    path = _root() / stored.storage_path
    os.chmod(path, 0o640)
    path.write_bytes(b"tampered")
    assert file_fixity_check(file=stored) is False
    assert FileAccess.objects.get(file=stored).ok is False
    assert audit_calls[-1]["action"] == "files.file.fixity_failed"
    assert audit_calls[-1]["data"]["actual"]["sha256"] == hashlib.sha256(b"tampered").hexdigest()


def test_it_detects_a_missing_file(officer, audit_calls):
    stored = stored_file(officer)
    (_root() / stored.storage_path).unlink()
    assert file_fixity_check(file=stored) is False
    assert audit_calls[-1]["data"]["actual"] is None


def test_it_lists_files_left_without_a_row(officer):
    kept = stored_file(officer)
    stray = _root() / "ab" / "cd" / "abcd-orphan"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"x")
    assert list(file_orphan_list()) == ["ab/cd/abcd-orphan"]
    assert kept.storage_path not in list(file_orphan_list())


def test_it_sweeps_the_least_recently_checked_files_within_a_byte_budget(officer):
    first = stored_file(officer, content=b"a" * 10)
    second = stored_file(officer, content=b"b" * 10)
    third = stored_file(officer, content=b"c" * 10)
    file_fixity_check(file=second)
    (_root() / third.storage_path).unlink()

    result = services.file_fixity_sweep(max_bytes=20)
    assert (result.checked, result.failed, result.bytes_read) == (2, [third.pk], 20)
    checked = set(FileAccess.objects.filter(action="fixity").values_list("file_id", flat=True))
    assert checked == {first.pk, second.pk, third.pk}
    assert FileAccess.objects.filter(file=second, action="fixity").count() == 1

    again = fixity_sweep_task.call()
    assert again["checked"] == 3


def test_it_always_checks_at_least_one_file(officer):
    stored_file(officer, content=b"x" * 100)
    assert services.file_fixity_sweep(max_bytes=1).checked == 1


def test_it_files_an_attachment_under_its_owners_department(org, officer):
    from tests import factories as org_factories
    from tests.enforcement import factories as enforcement_factories

    act = enforcement_factories.act(enforcement_factories.taxpayer(org.district_a), department=org.a_legal)
    stored = stored_file(officer, owner=act)
    assert stored.department == org.a_legal
    colleague = org_factories.user(org.district_a, org.a_legal, roles=["legal_reviewer"], scope="department")
    other = org_factories.user(
        org.district_a, org.a_collection, roles=["enforcement_officer"], scope="department"
    )
    assert list(StoredFile.objects.visible_to(colleague)) == [stored]
    assert list(StoredFile.objects.visible_to(other)) == []
    assert stored_file(officer).department == org.a_collection
