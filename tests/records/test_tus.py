"""tus 1.0 endpoint: creation, resumed PATCHes, checksum, termination, expiry, type and size checks."""

from __future__ import annotations

import base64
import datetime
import hashlib

import pytest
from django.urls import reverse

from sanxiang.files.models import StoredFile
from sanxiang.records import uploads
from sanxiang.records.models import Record, Upload

TUS = {"HTTP_TUS_RESUMABLE": "1.0.0"}


def _meta(**values: str) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in values.items())


def _create(client, world, length: int, **meta: str):
    values = {
        "act": str(world.act.pk),
        "kind": "body_camera",
        "stage": "investigation",
        "filename": "现场.mp4",
        **meta,
    }
    return client.post(
        reverse("records:tus_create"),
        HTTP_UPLOAD_LENGTH=str(length),
        HTTP_UPLOAD_METADATA=_meta(**values),
        **TUS,
    )


def _patch(client, location: str, offset: int, data: bytes, **headers):
    return client.generic(
        "PATCH",
        location,
        data,
        content_type="application/offset+octet-stream",
        HTTP_UPLOAD_OFFSET=str(offset),
        **TUS,
        **headers,
    )


@pytest.fixture
def officer_client(client, world):
    client.force_login(world.officer)
    return client


def test_options_advertises_extensions(officer_client):
    response = officer_client.options(reverse("records:tus_create"))
    assert response.status_code == 204
    assert response["Tus-Version"] == "1.0.0"
    assert set(response["Tus-Extension"].split(",")) >= {"creation", "termination", "checksum", "expiration"}
    assert "sha1" in response["Tus-Checksum-Algorithm"]


def test_missing_tus_resumable_is_412(officer_client, world):
    response = officer_client.post(reverse("records:tus_create"), HTTP_UPLOAD_LENGTH="10")
    assert response.status_code == 412


def test_upload_in_three_patches_becomes_a_record_with_fingerprints_and_metadata(
    officer_client, world, video_bytes
):
    response = _create(officer_client, world, len(video_bytes))
    assert response.status_code == 201, response.content.decode()
    location = response["Location"]
    third = len(video_bytes) // 3
    offset = 0
    for piece in (video_bytes[:third], video_bytes[third : 2 * third], video_bytes[2 * third :]):
        head = officer_client.head(location, **TUS)
        assert int(head["Upload-Offset"]) == offset
        response = _patch(officer_client, location, offset, piece)
        assert response.status_code == 204, response.content.decode()
        offset += len(piece)
        assert int(response["Upload-Offset"]) == offset
    record = Record.objects.get()
    assert record.file.sha256 == hashlib.sha256(video_bytes).hexdigest()
    assert record.file.sm3 == hashlib.new("sm3", video_bytes).hexdigest()
    assert record.file.content_type == "video/mp4"
    assert record.codecs == "h264" and record.resolution == "64x48"
    assert record.duration_seconds == pytest.approx(1.0, abs=0.3)
    assert record.device_serial == "BWC-TEST-001"
    assert record.recorded_start == datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)
    assert response["X-Record-Url"] == reverse("records:record_detail", args=[record.public_id])
    assert not uploads.spool_path(Upload.objects.get()).exists()


def test_resume_in_another_process_rehashes_the_partial_file(officer_client, world, video_bytes):
    location = _create(officer_client, world, len(video_bytes))["Location"]
    half = len(video_bytes) // 2
    assert _patch(officer_client, location, 0, video_bytes[:half]).status_code == 204
    uploads._HASH_STATES.clear()  # as if the next PATCH reached another worker or a restarted server
    before = uploads.rehashed_bytes
    assert _patch(officer_client, location, half, video_bytes[half:]).status_code == 204
    assert uploads.rehashed_bytes - before == half
    assert Record.objects.get().file.sm3 == hashlib.new("sm3", video_bytes).hexdigest()


def test_wrong_offset_is_409(officer_client, world, video_bytes):
    location = _create(officer_client, world, len(video_bytes))["Location"]
    assert _patch(officer_client, location, 0, video_bytes[:100]).status_code == 204
    response = _patch(officer_client, location, 50, video_bytes[50:200])
    assert response.status_code == 409
    assert response["Upload-Offset"] == "100"


def test_checksum_mismatch_discards_the_chunk(officer_client, world, video_bytes):
    location = _create(officer_client, world, len(video_bytes))["Location"]
    good = base64.b64encode(hashlib.sha1(video_bytes[:100]).digest()).decode()
    assert (
        _patch(
            officer_client, location, 0, video_bytes[:100], HTTP_UPLOAD_CHECKSUM=f"sha1 {good}"
        ).status_code
        == 204
    )
    bad = base64.b64encode(hashlib.sha1(b"other").digest()).decode()
    response = _patch(officer_client, location, 100, video_bytes[100:300], HTTP_UPLOAD_CHECKSUM=f"sha1 {bad}")
    assert response.status_code == 460
    assert officer_client.head(location, **TUS)["Upload-Offset"] == "100"
    assert _patch(officer_client, location, 100, video_bytes[100:]).status_code == 204
    assert Record.objects.get().file.sha256 == hashlib.sha256(video_bytes).hexdigest()


def test_type_is_checked_from_content_not_name(officer_client, world):
    fake = b"MZ\x90\x00" + b"\x00" * 200  # a Windows executable named .mp4
    location = _create(officer_client, world, len(fake), filename="clip.mp4")["Location"]
    response = _patch(officer_client, location, 0, fake)
    assert response.status_code == 415
    assert "按文件内容识别" in response.content.decode()
    assert not Record.objects.exists() and not StoredFile.objects.exists()
    assert Upload.objects.get().status == "failed"
    assert officer_client.head(location, **TUS).status_code == 404


def test_a_pdf_is_refused_as_a_body_camera_video(officer_client, world):
    pdf = b"%PDF-1.4\n" + b"x" * 100
    location = _create(officer_client, world, len(pdf))["Location"]
    assert _patch(officer_client, location, 0, pdf).status_code == 415


def test_size_limit_per_kind(officer_client, world, settings):
    settings.SANXIANG_RECORDS_SIZE_LIMITS = {"default": 1000, "body_camera": 5000}
    assert _create(officer_client, world, 5001).status_code == 413
    assert _create(officer_client, world, 5000).status_code == 201
    assert _create(officer_client, world, 1001, kind="document").status_code == 413


def test_act_out_of_scope_is_404(client, world):
    client.force_login(world.other_officer)
    assert _create(client, world, 100).status_code == 404


def test_role_without_recording_right_is_refused(client, world):
    client.force_login(world.leader)
    assert _create(client, world, 100).status_code == 403


def test_another_users_upload_is_404(officer_client, client, world, video_bytes, django_user_model):
    location = _create(officer_client, world, len(video_bytes))["Location"]
    from tests import factories

    colleague = factories.user(
        world.org.district_a, world.org.a_collection, roles=["enforcement_officer"], scope="unit"
    )
    other = client.__class__()
    other.force_login(colleague)
    assert other.head(location, **TUS).status_code == 404
    assert _patch(other, location, 0, video_bytes).status_code == 404


def test_termination_removes_the_partial_file(
    officer_client, world, video_bytes, django_capture_on_commit_callbacks
):
    location = _create(officer_client, world, len(video_bytes))["Location"]
    _patch(officer_client, location, 0, video_bytes[:100])
    upload = Upload.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        assert officer_client.delete(location, **TUS).status_code == 204
    assert not uploads.spool_path(upload).exists()
    assert officer_client.head(location, **TUS).status_code == 410
    assert _patch(officer_client, location, 100, video_bytes[100:]).status_code == 410


def test_abandoned_upload_expires_and_leaves_nothing(officer_client, world, video_bytes):
    location = _create(officer_client, world, len(video_bytes))["Location"]
    _patch(officer_client, location, 0, video_bytes[:100])
    upload = Upload.objects.get()
    assert uploads.spool_path(upload).exists()
    later = upload.expires_at + datetime.timedelta(minutes=1)
    assert uploads.upload_expire_abandoned(now=later) == 1
    assert not uploads.spool_path(upload).exists()
    assert Upload.objects.get().status == "expired"
    assert _patch(officer_client, location, 100, video_bytes[100:]).status_code == 410


def test_token_authenticated_device_upload(client, world, video_bytes):
    from sanxiang.api.services import source_token_create

    _token, key = source_token_create(actor=None, name="执法记录仪工作站", user=world.officer)
    auth = {"HTTP_AUTHORIZATION": f"Token {key}"}
    values = {"act": str(world.act.pk), "kind": "body_camera"}
    response = client.post(
        reverse("records:tus_create"),
        HTTP_UPLOAD_LENGTH=str(len(video_bytes)),
        HTTP_UPLOAD_METADATA=_meta(**values),
        **TUS,
        **auth,
    )
    assert response.status_code == 201
    response = _patch(client, response["Location"], 0, video_bytes, **auth)
    assert response.status_code == 204
    assert Record.objects.get().recorder == world.officer


def test_expiry_removes_stale_orphan_spool_files_only(world):
    import os
    import time

    directory = uploads.tus_dir()
    directory.mkdir(parents=True, exist_ok=True)
    stale, fresh = directory / "orphan.part", directory / "fresh.part"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"y")
    old = time.time() - 7200
    os.utime(stale, (old, old))
    uploads.upload_expire_abandoned()
    assert not stale.exists() and fresh.exists()
