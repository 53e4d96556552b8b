"""Access matrix of records (staff pages, tus endpoint, API) for every demo login."""

from __future__ import annotations

import datetime
import io

from sanxiang.enforcement.choices import ActKind
from sanxiang.records import services
from sanxiang.records.generate import make_video
from sanxiang.records.models import Upload
from tests.enforcement import factories

ANON = "anonymous"
# Who sees a 金台区 征收管理科 record: readers whose scope covers it.
RECORD_SEEN = [
    "sysadmin",
    "city_leader",
    "city_legal",
    "city_archivist",
    "jt_admin",
    "jt_leader",
    "jt_legal",
    "jt_officer",
]
# Readers (officers, legal, leaders, archivists, administrators) whose scope does not cover it.
RECORD_HIDDEN = ["city_officer", "jt_risk", "wb_leader", "wb_legal", "wb_officer"]
READERS = RECORD_SEEN + RECORD_HIDDEN
REPORTERS = [
    "sysadmin",
    "city_leader",
    "city_legal",
    "city_archivist",
    "jt_admin",
    "jt_leader",
    "jt_legal",
    "wb_leader",
    "wb_legal",
]
ARCHIVE = ["sysadmin", "city_archivist", "jt_admin"]
APPROVERS = ["city_leader", "jt_leader", "wb_leader"]


def _row(allowed: list[str], hidden: list[str] = (), default: int = 403, ok: int = 200) -> dict[str, int]:
    row = {"default": default, ANON: 302}
    row.update({u: ok for u in allowed})
    row.update({u: 404 for u in hidden})
    return row


def cases(demo):
    jintai = demo.authorities["jintai"]
    officer = demo.users["jt_officer"]
    taxpayer = factories.taxpayer(jintai, department=demo.departments[("jintai", "征收管理科")])
    act = factories.act(
        taxpayer,
        department=demo.departments[("jintai", "征收管理科")],
        officers=[officer],
        kind=ActKind.LICENSING,
        matter="增值税专用发票最高开票限额审批",
        started_on=datetime.date(2026, 3, 2),
    )
    record = services.record_create(
        actor=officer,
        metadata={"act": str(act.pk), "kind": "body_camera", "filename": "clip.mp4"},
        stream=io.BytesIO(make_video()),
    )
    hold = services.legal_hold_place(actor=demo.users["city_archivist"], record=record, reason="矩阵测试")
    upload = Upload.objects.create(
        user=officer,
        length=10,
        kind="body_camera",
        act=act,
        expires_at=datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC),
    )
    rid = {"public_id": record.public_id}
    post_only = _row(READERS, default=403, ok=405)  # POST views answer GET with 405 once access is checked
    return [
        ("records:record_list", {}, _row(READERS)),
        ("records:record_detail", rid, _row(RECORD_SEEN, RECORD_HIDDEN)),
        ("records:record_view", rid, post_only),
        # The player's bytes need a logged view in this session first: 403 even for those who see it.
        ("records:record_media", rid, _row([], RECORD_HIDDEN)),
        ("records:record_poster", rid, _row(RECORD_SEEN, RECORD_HIDDEN)),
        (
            "records:record_download",
            rid,
            _row(["sysadmin", "city_legal", "city_archivist", "jt_admin", "jt_legal", "wb_legal"], ok=405),
        ),
        ("records:record_hold", rid, _row(ARCHIVE, ok=405)),
        ("records:hold_release", {"pk": hold.pk}, _row(ARCHIVE, ok=405)),
        (
            "records:record_upload",
            {"act_pk": act.pk},
            _row(
                ["sysadmin", "jt_admin", "jt_officer", "city_archivist"],
                ["city_officer", "jt_risk", "wb_officer"],
            ),
        ),
        ("records:taxpayer_archive", {"pk": taxpayer.pk}, _row(RECORD_SEEN, RECORD_HIDDEN)),
        (
            "records:taxpayer_export",
            {"pk": taxpayer.pk},
            _row(["sysadmin", "city_legal", "city_archivist", "jt_admin", "jt_legal", "wb_legal"], ok=405),
        ),
        ("records:coverage", {}, _row(REPORTERS)),
        ("records:matter_list", {}, _row(READERS)),
        (
            "records:matter_list_edit",
            {},
            _row(["sysadmin", "city_legal", "jt_admin", "jt_legal", "wb_legal"]),
        ),
        ("records:statistics", {}, _row(REPORTERS)),
        ("records:device_list", {}, _row(READERS)),
        ("records:expiry", {}, _row(ARCHIVE + APPROVERS)),
        ("records:disposal_list", {}, _row(ARCHIVE + APPROVERS)),
        ("records:disposal_action", {"pk": 999999, "action": "approve"}, _row(ARCHIVE + APPROVERS, ok=405)),
        # tus: authentication first (401 anonymous), then GET is not a tus method (405).
        ("records:tus_create", {}, {"default": 405, ANON: 401}),
        ("records:tus_upload", {"upload_id": upload.public_id.hex}, {"default": 405, ANON: 401}),
        ("api:records:device-list", {}, {"default": 403, ANON: 401, **{u: 200 for u in READERS}}),
        ("api:records:room-list", {}, {"default": 403, ANON: 401, **{u: 200 for u in READERS}}),
        ("api:records:record-list", {}, {"default": 403, ANON: 401, **{u: 200 for u in READERS}}),
        (
            "api:records:record-detail",
            rid,
            {"default": 403, ANON: 401, **{u: 200 for u in RECORD_SEEN}, **{u: 404 for u in RECORD_HIDDEN}},
        ),
    ]
