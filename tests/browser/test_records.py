"""Browser: upload a PyAV-generated video through Uppy (progress, pause, resume), play it, see the
view in the chain of custody; screenshots of the records pages."""

from __future__ import annotations

import datetime
import time

import pytest

from sanxiang.enforcement.choices import ActKind
from sanxiang.records.generate import make_video
from sanxiang.records.models import CustodyEvent, Record
from tests import factories
from tests.browser.test_supervision import log_in
from tests.enforcement import factories as ef

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def clip(tmp_path):
    path = tmp_path / "现场执法记录.webm"
    path.write_bytes(
        make_video(
            width=320, height=240, seconds=3, fps=10, codec="libvpx", container_format="webm", noise=True
        )
    )
    return path


def test_upload_with_progress_pause_resume_then_play_and_custody(
    page, screenshot, live_server, clip, settings
):
    settings.SANXIANG_RECORDS_BROWSER_CHUNK_BYTES = 16 * 1024
    org = factories.build_org()
    officer = factories.user(
        org.district_a, org.a_collection, roles=["enforcement_officer"], scope="unit", full_name="张征管"
    )
    payer = ef.taxpayer(org.district_a, department=org.a_collection)
    act = ef.act(
        payer,
        department=org.a_collection,
        officers=[officer],
        kind=ActKind.LICENSING,
        matter="增值税专用发票最高开票限额审批",
        started_on=datetime.date(2026, 3, 2),
    )
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    # Slow every PATCH down so the progress bar, pause and resume can be watched.
    def slow(route):
        if route.request.method == "PATCH":
            time.sleep(0.4)
        route.continue_()

    page.route("**/staff/records/tus/**", slow)
    page.on(
        "request",
        lambda r: (
            errors.append(f"REQ {r.method} {r.url} {r.headers}")
            if "/tus/" in r.url and r.method == "POST"
            else None
        ),
    )
    page.on(
        "response",
        lambda r: (
            errors.append(f"RESP {r.status} {r.text()}") if "/tus/" in r.url and r.status >= 400 else None
        ),
    )
    log_in(page, live_server, officer)
    page.goto(f"{live_server.url}/staff/enforcement/acts/{act.pk}/")
    assert page.locator("#missing-recording").is_visible()
    screenshot("records-act-missing")
    page.click("text=上传记录")
    page.select_option("#id_kind", "body_camera")
    page.set_input_files("#uploader input[type=file]", str(clip))
    page.wait_for_selector(".uppy-StatusBar-actionBtn--upload")
    screenshot("records-upload-selected")
    page.click(".uppy-StatusBar-actionBtn--upload")
    page.wait_for_function(
        "() => { const b = document.querySelector('.uppy-StatusBar-progress');"
        " return b && parseFloat(b.style.width) > 10 && parseFloat(b.style.width) < 90; }"
    )
    screenshot("records-upload-progress")
    page.click("button[title='暂停上传'], button[aria-label='暂停上传']")
    time.sleep(1.5)
    paused_at = page.evaluate(
        "() => parseFloat(document.querySelector('.uppy-StatusBar-progress').style.width)"
    )
    time.sleep(1.5)
    assert (
        page.evaluate("() => parseFloat(document.querySelector('.uppy-StatusBar-progress').style.width)")
        == paused_at
    )
    assert not Record.objects.exists()
    screenshot("records-upload-paused")
    page.click("button[title='恢复上传'], button[aria-label='恢复上传']")
    page.wait_for_selector("#record-link", timeout=60000)
    screenshot("records-upload-done")
    record = Record.objects.get()
    assert record.file.content_type == "video/webm" and record.codecs == "vp8"

    page.click("#record-link")
    screenshot("records-detail-before-play")
    page.fill("#id_reason", "核对实地查验过程")
    page.click("#view-form button")
    page.wait_for_selector("video#player")
    played = page.evaluate(
        "() => new Promise(ok => { const v = document.getElementById('player'); v.muted = true;"
        " v.addEventListener('timeupdate', () => { if (v.currentTime > 0.5) ok(v.currentTime); });"
        " v.play(); setTimeout(() => ok(-1), 15000); })"
    )
    assert played > 0.5
    seek = page.evaluate(
        "() => new Promise(ok => { const v = document.getElementById('player'); v.pause();"
        " v.addEventListener('seeked', () => ok(v.currentTime), {once: true}); v.currentTime = 2.5; })"
    )
    assert seek == pytest.approx(2.5, abs=0.5)
    assert page.locator("video#player").get_attribute("controlslist").startswith("nodownload")
    page.reload()
    custody = page.locator("#custody").inner_text()
    assert "查看/播放" in custody and "核对实地查验过程" in custody and "张征管" in custody
    screenshot("records-detail-playing")
    assert CustodyEvent.objects.filter(action="viewed", reason="核对实地查验过程").count() == 1
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_archive_pages(page, screenshot, live_server, settings):
    """Screenshots of the archive's pages as the archivist and the leader (coverage, matter list,
    devices, statistics, the taxpayer's timeline, expiry and disposal)."""
    import io

    from sanxiang.records import services
    from sanxiang.records.models import Device, InterviewRoom

    org = factories.build_org()
    officer = factories.user(
        org.district_a, org.a_collection, roles=["enforcement_officer"], scope="unit", full_name="张征管"
    )
    archivist = factories.user(
        org.city, org.city_office, roles=["archivist"], scope="unit_and_below", full_name="钱档案"
    )
    leader = factories.user(
        org.city, org.city_office, roles=["leader"], scope="unit_and_below", full_name="王建国"
    )
    payer = ef.taxpayer(org.district_a, department=org.a_collection)
    device = services.device_save(
        actor=archivist,
        device=Device(
            serial="BWC-0001",
            model_name="DSJ-V9",
            authority=org.district_a,
            department=org.a_collection,
            holder=officer,
        ),
    )
    room = services.room_save(
        actor=archivist,
        room=InterviewRoom(name="金台区约谈（询问）室1", location="二楼", authority=org.district_a),
    )
    covered = ef.act(
        payer,
        department=org.a_collection,
        officers=[officer],
        kind=ActKind.LICENSING,
        matter="增值税专用发票最高开票限额审批",
        started_on=datetime.date(2026, 3, 2),
    )
    ef.act(
        payer,
        department=org.a_collection,
        officers=[officer],
        kind=ActKind.ABNORMAL_HOUSEHOLD,
        matter="非正常户认定",
        started_on=datetime.date(2026, 4, 1),
    )
    audit = ef.act(
        payer,
        department=org.a_collection,
        officers=[officer],
        kind=ActKind.TAX_AUDIT,
        matter="税务稽查询问",
        started_on=datetime.date(2023, 1, 5),
    )
    services.record_create(
        actor=officer,
        metadata={
            "act": str(covered.pk),
            "kind": "body_camera",
            "device": str(device.pk),
            "filename": "BWC-0001_20260302.mp4",
            "title": "限额查验现场",
        },
        stream=io.BytesIO(
            make_video(
                seconds=2,
                serial="BWC-0001",
                recorded_start=datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC),
            )
        ),
    )
    settings.SANXIANG_RECORDS_DEFAULT_RETENTION_MONTHS = 6
    services.record_create(
        actor=officer,
        metadata={
            "act": str(audit.pk),
            "kind": "interview_room",
            "room": str(room.pk),
            "filename": "询问.mp4",
            "title": "询问录像",
            "recorded_start": "2023-01-05T10:00:00+08:00",
        },
        stream=io.BytesIO(make_video(seed=3)),
    )
    from sanxiang.records.models import RequiredMatter

    RequiredMatter.objects.filter(act_kind="tax_audit").update(retention_months=12)

    log_in(page, live_server, archivist)
    for name, path in [
        ("records-list", "/staff/records/"),
        ("records-coverage", "/staff/records/coverage/"),
        ("records-matters", "/staff/records/matters/"),
        ("records-devices", "/staff/records/devices/"),
        ("records-statistics", "/staff/records/statistics/"),
        ("records-taxpayer-archive", f"/staff/records/taxpayers/{payer.pk}/"),
        ("records-expiry", "/staff/records/expiry/"),
    ]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        screenshot(name)
    assert "询问录像" in page.content()
    page.check("input[name=records]")
    page.fill("#id_appraisal", "经鉴定已无保存价值")
    page.click("text=提交销毁清单")
    assert "待领导审批" in page.content()
    log_in(page, live_server, leader)
    page.goto(f"{live_server.url}/staff/")
    assert "应录未录的执法行为" in page.content()
    screenshot("records-leader-home")
    page.goto(f"{live_server.url}/staff/records/disposals/")
    page.click("text=批准")
    screenshot("records-disposal-approved")
