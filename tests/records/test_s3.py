"""The S3 backend against a real SeaweedFS server: multipart, write-once, ranges, fixity, records."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from botocore.exceptions import ClientError
from django.core.management import call_command
from django.urls import reverse

from sanxiang.files.services import file_store
from sanxiang.records.models import Record

from .conftest import add_record


def _spool(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "spool"
    path.write_bytes(data)
    return path


def test_multipart_place_open_ranges_and_write_once(s3_storage, tmp_path):
    data = os.urandom(12 * 1024 * 1024 + 123)  # three parts of 5 MiB
    s3_storage.place(_spool(tmp_path, data), "ab/cd/object")
    with s3_storage.open("ab/cd/object") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == hashlib.sha256(data).hexdigest()
        handle.seek(7 * 1024 * 1024)
        assert handle.read(10) == data[7 * 1024 * 1024 : 7 * 1024 * 1024 + 10]
    with pytest.raises(ClientError):  # If-None-Match: * — an existing object is never replaced
        s3_storage.place(_spool(tmp_path, b"other"), "ab/cd/object")
    with s3_storage.open("ab/cd/object") as handle:
        assert handle.read(16) == data[:16]
    with pytest.raises(FileNotFoundError):
        s3_storage.open("no/such/object")


def test_a_failed_upload_leaves_no_half_object(s3_storage, tmp_path, monkeypatch):
    client = s3_storage.client
    calls = {"n": 0}
    real = client.upload_part

    def flaky(**kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise ConnectionError("network dropped")
        return real(**kwargs)

    monkeypatch.setattr(client, "upload_part", flaky)
    with pytest.raises(ConnectionError):
        s3_storage.place(_spool(tmp_path, os.urandom(11 * 1024 * 1024)), "half/object")
    assert client.list_objects_v2(Bucket=s3_storage.bucket).get("KeyCount", 0) == 0
    assert not client.list_multipart_uploads(Bucket=s3_storage.bucket).get("Uploads")


def test_record_on_s3_plays_with_ranges_and_fixity_finds_one_changed_byte(
    s3_storage, client, world, video_bytes, capsys
):
    record = add_record(world, video_bytes)
    obj = s3_storage.client.get_object(Bucket=s3_storage.bucket, Key=record.file.storage_path)["Body"].read()
    assert obj == video_bytes
    client.force_login(world.legal)
    client.post(reverse("records:record_view", args=[record.public_id]), {"reason": "复核"})
    part = client.get(reverse("records:record_media", args=[record.public_id]), HTTP_RANGE="bytes=10-19")
    assert part.status_code == 206 and b"".join(part.streaming_content) == video_bytes[10:20]

    call_command("verify_records")
    changed = bytearray(video_bytes)
    changed[len(changed) // 2] ^= 0x01
    # Someone with direct bucket access rewrites the object (bypassing the platform's write-once path).
    s3_storage.client.put_object(Bucket=s3_storage.bucket, Key=record.file.storage_path, Body=bytes(changed))
    with pytest.raises(SystemExit) as exit_info:
        call_command("verify_records")
    assert exit_info.value.code == 1
    assert Record.objects.get(pk=record.pk).fixity_checks.first().outcome == "changed"


def test_tus_upload_lands_in_s3(s3_storage, client, world, video_bytes):
    import base64

    client.force_login(world.officer)
    meta = ",".join(
        f"{k} {base64.b64encode(v.encode()).decode()}"
        for k, v in {"act": str(world.act.pk), "kind": "body_camera"}.items()
    )
    location = client.post(
        reverse("records:tus_create"),
        HTTP_UPLOAD_LENGTH=str(len(video_bytes)),
        HTTP_UPLOAD_METADATA=meta,
        HTTP_TUS_RESUMABLE="1.0.0",
    )["Location"]
    response = client.generic(
        "PATCH",
        location,
        video_bytes,
        content_type="application/offset+octet-stream",
        HTTP_UPLOAD_OFFSET="0",
        HTTP_TUS_RESUMABLE="1.0.0",
    )
    assert response.status_code == 204
    record = Record.objects.get()
    head = s3_storage.client.head_object(Bucket=s3_storage.bucket, Key=record.file.storage_path)
    assert head["ContentLength"] == len(video_bytes)


def test_plain_file_store_uses_s3_too(s3_storage, world):
    import io

    stored = file_store(
        actor=world.officer,
        stream=io.BytesIO(b"%PDF-1.4 x"),
        name="a.pdf",
        content_type="application/pdf",
        authority=world.org.district_a,
    )
    assert (
        s3_storage.client.head_object(Bucket=s3_storage.bucket, Key=stored.storage_path)["ContentLength"]
        == 10
    )
