"""Demo step: devices and interview rooms per unit, and a few hundred records with small videos.

Every act gets a text record (a one-page PDF); acts on the matter list get a body-camera clip
except every fourth, left deliberately without its required recording (应录未录); tax audits
get an interview-room clip. Clips are 1-second 64×48 H.264 files generated with PyAV, 24
variants reused, so the step stays quick. Idempotent: units that already have devices are skipped.
"""

from __future__ import annotations

import datetime
import io
from typing import Any

from django.db import transaction

from sanxiang.kernel.demo import DemoContext

PLACES = [
    ("jintai", "征收管理科", "jt_officer"),
    ("weibin", "征收管理科", "wb_officer"),
    ("city", "稽查局", "city_officer"),
]
DEVICES_PER_UNIT = 6


def _pdf(title: str) -> bytes:
    text = title.encode("ascii", "replace")[:60]
    body = b"BT /F1 12 Tf 40 760 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(body)).encode() + b" >>\nstream\n" + body + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def demo_records(ctx: DemoContext) -> None:
    from .models import Device

    archivist = ctx.users.get("city_archivist") or ctx.system_actor
    clips: dict[int, bytes] = {}
    created = 0
    for key, department_name, username in PLACES:
        authority = ctx.authorities[key]
        if Device.objects.filter(authority=authority).exists():
            continue
        with transaction.atomic():  # a unit is loaded completely or not at all
            created += _unit(ctx, key, department_name, username, archivist, clips)
    ctx.out(f"执法全过程记录：{created} 条")


def _unit(
    ctx: DemoContext, key: str, department_name: str, username: str, archivist: Any, clips: dict[int, bytes]
) -> int:
    from sanxiang.enforcement.models import EnforcementAct

    from . import selectors, services
    from .generate import make_video
    from .models import Device, InterviewRoom, Record

    created = 0
    authority = ctx.authorities[key]
    department = ctx.departments[(key, department_name)]
    officer = ctx.users[username]
    devices = [
        services.device_save(
            actor=archivist,
            device=Device(
                serial=f"BWC-{authority.code}-{n + 1:03d}",
                model_name="DSJ-V9 执法记录仪",
                authority=authority,
                department=department,
                holder=officer if n == 0 else None,
                status="in_use" if n < DEVICES_PER_UNIT - 1 else "repair",
            ),
        )
        for n in range(DEVICES_PER_UNIT)
    ]
    room = services.room_save(
        actor=archivist,
        room=InterviewRoom(
            name=f"{authority.display_name}约谈（询问）室1",
            location="办税服务厅二楼",
            authority=authority,
        ),
    )
    acts = EnforcementAct.objects.filter(authority=authority).order_by("pk")
    for n, act in enumerate(acts):
        if Record.objects.filter(act=act).exists():
            continue
        base: dict[str, Any] = {"act": str(act.pk)}
        started = datetime.datetime.combine(act.started_on or ctx.today, datetime.time(9, 30)).astimezone()
        services.record_create(
            actor=officer,
            metadata={
                **base,
                "kind": "document",
                "stage": "filing",
                "filename": f"立案审批表-{act.pk}.pdf",
                "title": f"{act.matter} 立案审批表",
            },
            stream=io.BytesIO(_pdf(f"Case {act.pk} filing approval")),
        )
        services.record_create(
            actor=officer,
            metadata={
                **base,
                "kind": "document",
                "stage": "service_execution",
                "filename": f"送达回证-{act.pk}.pdf",
                "title": f"{act.matter} 税务文书送达回证",
            },
            stream=io.BytesIO(_pdf(f"Case {act.pk} service receipt")),
        )
        created += 2
        must = any(m.obligation == "must" for m in selectors.matters_for_act(act))
        if (must and n % 4 == 3) or not (must or act.kind in ("tax_audit", "document_service")):
            continue  # deliberately missing (应录未录) or not on the list
        device = devices[n % (DEVICES_PER_UNIT - 1)]
        variant = n % 24
        if variant not in clips:
            clips[variant] = make_video(seed=variant, serial="")
        kind, extra = (
            ("interview_room", {"room": str(room.pk)})
            if act.kind == "tax_audit"
            else ("body_camera", {"device": str(device.pk)})
        )
        services.record_create(
            actor=officer,
            metadata={
                **base,
                **extra,
                "kind": kind,
                "stage": "investigation",
                "filename": f"{device.serial}_{started:%Y%m%d_%H%M%S}.mp4",
                "title": f"{act.matter} 现场音像记录",
                "recorded_start": started.isoformat(),
            },
            stream=io.BytesIO(clips[variant]),
        )
        created += 1
    return created
