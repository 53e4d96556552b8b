"""BagIt export of a taxpayer's archive: SHA-256/SHA-512 manifests, SM3 tag manifest, bagit validates."""

from __future__ import annotations

import hashlib
import tempfile
import zipfile
from pathlib import Path

import bagit
import pytest
from django.urls import reverse

from sanxiang.jobs.models import Job, JobStatus
from sanxiang.records.bagexport import build_bag
from sanxiang.records.demo import _pdf
from sanxiang.records.jobs import TAXPAYER_EXPORT
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


def test_the_export_is_a_job_whose_page_offers_the_validated_bag_and_custody_is_logged(
    client, world, video_bytes, tmp_path, run_jobs
):
    record = add_record(world, video_bytes)
    add_record(world, _pdf("notice"), kind="document", filename="通知书.pdf")
    url = reverse("records:taxpayer_export", args=[world.taxpayer.pk])
    client.force_login(world.officer)
    assert client.post(url, {"reason": "x"}).status_code == 403  # officers keep no private copies
    client.force_login(world.archivist)
    refused = client.post(url, {"reason": "  "})
    assert refused["Location"] == reverse("records:taxpayer_archive", args=[world.taxpayer.pk])
    assert not Job.objects.exists()

    with run_jobs():
        response = client.post(url, {"reason": "移送司法机关"})

    job = Job.objects.get(kind=TAXPAYER_EXPORT)
    assert response.status_code == 302 and response["Location"] == reverse("jobs:detail", args=[job.pk])
    assert job.status == JobStatus.DONE and job.authority == world.taxpayer.authority
    assert job.result["records"] == 2 and job.result_file is not None
    assert job.result_file.size == job.result["size"]
    page = client.get(response["Location"]).content.decode()
    assert "的 2 条执法记录" in page and 'id="job-download"' in page
    download = client.get(reverse("jobs:download", args=[job.pk]))
    assert download.status_code == 200 and download["Cache-Control"] == "private, no-store"
    archive = tmp_path / "export.zip"
    archive.write_bytes(b"".join(download.streaming_content))
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(tmp_path / "unzipped")
    bagit.Bag(str(Path(tmp_path / "unzipped" / "bag"))).validate()
    clip = next((tmp_path / "unzipped" / "bag" / "data").rglob("*.mp4"))
    assert clip.read_bytes() == video_bytes
    event = CustodyEvent.objects.get(record=record, action="exported")
    assert event.reason == "移送司法机关" and event.actor == world.archivist
    # Not left behind in the temporary directory: the package lives in the file store only.
    assert not list(Path(tempfile.gettempdir()).glob(f"taxpayer-{world.taxpayer.pk}-*.zip"))


def test_the_bag_export_reports_its_progress_in_kib_then_files(world, video_bytes):
    from sanxiang.records.bagexport import taxpayer_bag_export

    add_record(world, video_bytes)
    calls = []
    bag = taxpayer_bag_export(
        actor=world.archivist,
        taxpayer=world.taxpayer,
        reason="核查",
        progress=lambda done, total, stage="": calls.append((done, total, str(stage))),
    )
    bag.path.unlink()
    copy = [c for c in calls if c[2].startswith("复制执法记录文件")]
    assert copy[0][0] == 0 and copy[-1][0] == copy[-1][1] == -(-len(video_bytes) // 1024)
    zipping = [c for c in calls if c[2] == "打包档案"]
    assert zipping and zipping[-1][0] == zipping[-1][1] >= 2 and bag.records == 1
