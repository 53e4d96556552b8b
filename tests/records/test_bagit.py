"""BagIt export of a taxpayer's archive: SHA-256/SHA-512 manifests, SM3 tag manifest, bagit validates."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import bagit
import pytest
from django.urls import reverse

from sanxiang.records.bagexport import build_bag
from sanxiang.records.demo import _pdf
from sanxiang.records.models import CustodyEvent

from .conftest import add_record


def test_bag_is_valid_for_bagits_own_validator(world, video_bytes, tmp_path):
    add_record(world, video_bytes)
    add_record(world, _pdf("notice"), kind="document", filename="通知书.pdf")
    build_bag(actor=world.archivist, taxpayer=world.taxpayer, directory=tmp_path / "work")
    bag_dir = tmp_path / "work" / "payload"
    bag = bagit.Bag(str(bag_dir))
    bag.validate()  # raises BagValidationError otherwise
    assert {"sha256", "sha512"} <= set(bag.algorithms)
    assert (bag_dir / "manifest-sha256.txt").exists() and (bag_dir / "manifest-sha512.txt").exists()
    lines = (bag_dir / "tagmanifest-sm3.txt").read_text().splitlines()
    names = {line.split(" ", 1)[1] for line in lines}
    assert {"bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sha512.txt"} <= names
    for line in lines:
        digest, name = line.split(" ", 1)
        assert hashlib.new("sm3", (bag_dir / name).read_bytes()).hexdigest() == digest
    payload = [p for p in (bag_dir / "data").rglob("*.mp4")]
    assert len(payload) == 1 and payload[0].read_bytes() == video_bytes


def test_a_tampered_bag_fails_validation(world, video_bytes, tmp_path):
    add_record(world, video_bytes)
    build_bag(actor=world.archivist, taxpayer=world.taxpayer, directory=tmp_path / "w")
    clip = next((tmp_path / "w" / "payload" / "data").rglob("*.mp4"))
    data = bytearray(clip.read_bytes())
    data[100] ^= 1
    clip.write_bytes(bytes(data))
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(tmp_path / "w" / "payload")).validate()


def test_export_view_zips_the_bag_and_logs_custody(client, world, video_bytes, tmp_path):
    record = add_record(world, video_bytes)
    client.force_login(world.officer)
    assert (
        client.post(reverse("records:taxpayer_export", args=[world.taxpayer.pk]), {"reason": "x"}).status_code
        == 403
    )
    client.force_login(world.archivist)
    response = client.post(
        reverse("records:taxpayer_export", args=[world.taxpayer.pk]), {"reason": "移送司法机关"}
    )
    assert response.status_code == 200
    archive = tmp_path / "export.zip"
    archive.write_bytes(b"".join(response.streaming_content))
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(tmp_path / "unzipped")
    bagit.Bag(str(Path(tmp_path / "unzipped" / "bag"))).validate()
    event = CustodyEvent.objects.get(record=record, action="exported")
    assert event.reason == "移送司法机关" and event.actor == world.archivist
