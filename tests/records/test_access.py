"""Playback with HTTP range requests, poster, downloads by role, access reasons and custody."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sanxiang.audit.models import AuditEvent
from sanxiang.records.models import CustodyEvent

from .conftest import add_record


@pytest.fixture
def record(world, video_bytes):
    return add_record(world, video_bytes)


def _open(client, record, reason="复核现场执法过程"):
    return client.post(reverse("records:record_view", args=[record.public_id]), {"reason": reason})


def test_media_needs_a_logged_view_first(client, world, record):
    client.force_login(world.legal)
    media = reverse("records:record_media", args=[record.public_id])
    assert client.get(media).status_code == 403
    response = _open(client, record, reason="")
    assert response.status_code == 302
    assert client.get(media).status_code == 403  # the matter list asks for a reason: refused
    assert not CustodyEvent.objects.filter(action="viewed").exists()
    _open(client, record)
    assert client.get(media).status_code == 200
    event = CustodyEvent.objects.get(action="viewed")
    assert event.actor == world.legal and event.reason == "复核现场执法过程"
    assert event.source_address == "127.0.0.1"
    audit = AuditEvent.objects.get(pk=event.audit_entry_id)
    assert audit.action == "records.record.viewed"


def test_range_requests_seek_without_reading_the_whole_file(client, world, record, video_bytes):
    client.force_login(world.legal)
    _open(client, record)
    media = reverse("records:record_media", args=[record.public_id])
    response = client.get(media, HTTP_RANGE="bytes=100-199")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 100-199/{len(video_bytes)}"
    assert b"".join(response.streaming_content) == video_bytes[100:200]
    tail = client.get(media, HTTP_RANGE="bytes=-10")
    assert b"".join(tail.streaming_content) == video_bytes[-10:]
    open_ended = client.get(media, HTTP_RANGE=f"bytes={len(video_bytes) - 5}-")
    assert b"".join(open_ended.streaming_content) == video_bytes[-5:]
    assert client.get(media, HTTP_RANGE=f"bytes={len(video_bytes)}-").status_code == 416
    whole = client.get(media)
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes"
    assert whole["Content-Disposition"].startswith("inline")


def test_player_has_no_download_for_officers(client, world, record):
    client.force_login(world.officer)
    _open(client, record)
    page = client.get(reverse("records:record_detail", args=[record.public_id])).content.decode()
    assert 'controlsList="nodownload' in page
    assert "download-form" not in page
    response = client.post(
        reverse("records:record_download", args=[record.public_id]), {"reason": "私自拷贝"}
    )
    assert response.status_code == 403
    assert not CustodyEvent.objects.filter(action="downloaded").exists()


def test_archivist_downloads_with_reason_and_it_is_in_the_chain_of_custody(
    client, world, record, video_bytes
):
    client.force_login(world.archivist)
    url = reverse("records:record_download", args=[record.public_id])
    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 302
    response = client.post(url, {"reason": "行政复议调取证据"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == video_bytes
    page = client.get(reverse("records:record_detail", args=[record.public_id])).content.decode()
    assert "行政复议调取证据" in page and "下载" in page
    assert AuditEvent.objects.filter(action="records.record.downloaded").count() == 1


def test_poster_frame(client, world, record):
    client.force_login(world.officer)
    response = client.get(reverse("records:record_poster", args=[record.public_id]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"


def test_record_outside_scope_is_404(client, world, record):
    client.force_login(world.other_officer)
    assert client.get(reverse("records:record_detail", args=[record.public_id])).status_code == 404
    assert (
        client.post(reverse("records:record_view", args=[record.public_id]), {"reason": "x"}).status_code
        == 404
    )


def test_text_record_needs_no_reason(client, world):
    from sanxiang.records.demo import _pdf

    record = add_record(world, _pdf("approval"), kind="approval_form", filename="审批表.pdf")
    client.force_login(world.officer)
    _open(client, record, reason="")
    response = client.get(reverse("records:record_media", args=[record.public_id]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_act_page_lists_records_and_taxpayer_timeline(client, world, record):
    client.force_login(world.officer)
    act_page = client.get(reverse("enforcement:act_detail", args=[world.act.pk])).content.decode()
    assert record.title in act_page and "missing-recording" not in act_page
    timeline = client.get(reverse("records:taxpayer_archive", args=[world.taxpayer.pk])).content.decode()
    assert record.title in timeline and world.act.matter in timeline
