"""Upload limits per kind and the free-disk floor: clear Chinese refusals, nothing stored."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from sanxiang.files import uploads
from sanxiang.files.models import StoredFile
from sanxiang.files.services import file_store
from sanxiang.kernel.exceptions import ValidationFailed
from tests import factories


@pytest.fixture
def officer(org):
    return factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"], scope="unit")


def _upload(client, org, data: bytes, name: str = "附件.pdf"):
    return client.post(
        reverse("files:upload"), {"file": SimpleUploadedFile(name, data), "authority": org.district_a.pk}
    )


def test_an_attachment_over_its_limit_is_refused_by_the_page(officer, org, settings):
    settings.SANXIANG_UPLOAD_LIMITS_MB = {**settings.SANXIANG_UPLOAD_LIMITS_MB, "attachment": 1}
    client = Client()
    client.force_login(officer)
    response = _upload(client, org, b"x" * (1024 * 1024 + 1), name="大附件.pdf")
    assert response.status_code == 400
    page = response.content.decode()
    assert "大附件.pdf" in page and "超过此处上传的上限 1 MB" in page
    assert not StoredFile.objects.exists()
    assert _upload(client, org, b"small").status_code == 302


def test_the_disk_floor_refuses_with_a_clear_message(officer, org, settings):
    settings.SANXIANG_DISK_FLOOR_MB = 10**9  # a floor no disk is above
    client = Client()
    client.force_login(officer)
    response = _upload(client, org, b"x" * 100)
    assert response.status_code == 400
    assert "服务器存储空间不足" in response.content.decode()
    assert not StoredFile.objects.exists()


def test_limits_apply_per_kind_and_to_the_streaming_store(officer, settings):
    settings.SANXIANG_UPLOAD_LIMITS_MB = {"default": 5, "import": 2, "attachment": 3, "evidence": 1}
    assert uploads.upload_limit_bytes("evidence") == 1024 * 1024
    assert uploads.upload_limit_bytes("unknown") == 5 * 1024 * 1024
    assert uploads.kind_for("supervision.evidence") == "evidence"
    assert uploads.kind_for("attachment") == "attachment" and uploads.kind_for("") == "attachment"
    with pytest.raises(ValidationFailed, match="超过此处上传的上限 1 MB"):
        file_store(
            actor=officer,
            stream=io.BytesIO(b""),
            name="证据.mp4",
            content_type="video/mp4",
            authority=officer.authority,
            purpose="supervision.evidence",
            expected_size=2 * 1024 * 1024,
        )
    assert not StoredFile.objects.exists()


def test_the_safe_reader_takes_its_limits_from_the_settings(settings):
    from sanxiang.lib import safefiles

    before = safefiles.default_limits()
    try:
        settings.SANXIANG_SAFEFILE_MAX_ROWS = 123
        assert uploads.configure_safe_reader().max_rows == 123
    finally:
        safefiles.configure(**before.__dict__)


def test_the_spool_of_a_dead_or_zombie_process_is_removed_never_a_live_ones(settings, tmp_path):
    import subprocess
    import time

    settings.SANXIANG_SPOOL_DIR = tmp_path / "spool"
    child = subprocess.Popen(["true"])
    time.sleep(0.5)  # exited and not yet reaped: a zombie, as a SIGKILLed worker can be
    dead = tmp_path / "spool" / str(child.pid)
    dead.mkdir(parents=True)
    (dead / "x.upload.bin").write_bytes(b"x")
    live = uploads.spool_dir()
    (live / "y.upload.bin").write_bytes(b"y")
    (tmp_path / "spool" / "stray.upload").write_bytes(b"z")
    removed = uploads.spool_clean()
    child.wait()
    assert dead in removed and not dead.exists()
    assert (live / "y.upload.bin").exists()
    assert not (tmp_path / "spool" / "stray.upload").exists()
