"""Writers of the whole-process records: records, custody, matter list, fixity, holds, disposal."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.audit.services import audit_log
from sanxiang.files.ingest import file_store_spooled
from sanxiang.files.models import FileAccess, FileAccessAction, StoredFile
from sanxiang.files.services import Fingerprint, file_fixity_check
from sanxiang.kernel.access import require_role, require_visible
from sanxiang.kernel.exceptions import InvalidTransition, PermissionDeniedError, ValidationFailed
from sanxiang.kernel.middleware import current_request_context

from . import media
from .choices import MEDIA_KINDS, CustodyAction, DisposalStatus, FixityOutcome, UploadStatus
from .models import (
    CustodyEvent,
    Device,
    DisposalItem,
    DisposalOrder,
    FixityCheck,
    InterviewRoom,
    LegalHold,
    MatterListVersion,
    Record,
    RequiredMatter,
    Upload,
)
from .permissions import (
    ARCHIVE_ROLES,
    DISPOSAL_APPROVER_ROLES,
    DOWNLOAD_ROLES,
    MATTER_LIST_ROLES,
    READ_ROLES,
    RECORD_ROLES,
)

if TYPE_CHECKING:
    from sanxiang.enforcement.models import EnforcementAct
    from sanxiang.org.models import User


# ---- records ---------------------------------------------------------------------------------


def record_create_from_upload(
    *, actor: User, upload: Upload, spool: Path, fingerprint: Fingerprint
) -> Record:
    """Turn a finished tus upload into a stored file and a record."""
    record = record_store(
        actor=actor,
        metadata=upload.metadata,
        spool=spool,
        fingerprint=fingerprint,
        content_type=upload.detected_type,
    )
    Upload.objects.filter(pk=upload.pk).update(status=UploadStatus.COMPLETED, record=record)
    upload.status, upload.record = UploadStatus.COMPLETED, record
    return record


def record_create(*, actor: User, metadata: dict[str, str], stream: Any) -> Record:
    """Store a whole file in one go (demo data, small text records): spool, hash, type-check, record."""
    import os
    import tempfile

    from sanxiang.files.hashing import DualHasher

    from . import rules
    from .uploads import CHUNK, UnsupportedType, resolve_target, size_limit, tus_dir

    require_role(actor, *RECORD_ROLES)
    target = resolve_target(actor=actor, metadata=metadata)
    directory = tus_dir()
    directory.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=directory, prefix="direct-", suffix=".part")
    spool = Path(name)
    try:
        hasher, head = DualHasher(), b""
        with os.fdopen(fd, "wb") as out:
            for chunk in iter(lambda: stream.read(CHUNK), b""):
                if len(head) < rules.HEAD_BYTES:
                    head += chunk[: rules.HEAD_BYTES - len(head)]
                hasher.update(chunk)
                out.write(chunk)
                if hasher.size > size_limit(target.kind):
                    raise ValidationFailed(_("文件超过该记录类型的大小上限。"), code="too_large")
            out.flush()
            os.fsync(out.fileno())
        detected = rules.detect_type(head)
        if not rules.accepts(target.kind, detected):
            raise UnsupportedType(_("文件内容不是该记录类型可接受的格式（按文件内容识别，而非文件名）。"))
        assert detected is not None
        sha256, sm3 = hasher.hexdigests()
        return record_store(
            actor=actor,
            metadata=metadata,
            spool=spool,
            fingerprint=Fingerprint(size=hasher.size, sha256=sha256, sm3=sm3),
            content_type=detected.content_type,
        )
    finally:
        spool.unlink(missing_ok=True)


def record_store(
    *, actor: User, metadata: dict[str, str], spool: Path, fingerprint: Fingerprint, content_type: str
) -> Record:
    """The complete file at ``spool`` becomes a stored file and a record (PyAV metadata, poster)."""
    import io

    from sanxiang.files.services import file_store

    from .uploads import resolve_target

    target = resolve_target(actor=actor, metadata=metadata)
    info = media.read_media_info(spool) if target.kind in MEDIA_KINDS else media.MediaInfo()
    poster = media.poster_jpeg(spool) if content_type.startswith("video/") else None
    meta = metadata
    start = _parse_dt(meta.get("recorded_start")) or info.recorded_start
    end = _parse_dt(meta.get("recorded_end"))
    if end is None and start is not None and info.duration_seconds:
        end = start + datetime.timedelta(seconds=info.duration_seconds)
    name = meta.get("filename") or meta.get("name") or f"record.{content_type.rsplit('/', 1)[-1]}"
    placed: str | None = None
    try:
        with transaction.atomic():
            stored = file_store_spooled(
                actor=actor,
                tmp=spool,
                fingerprint=fingerprint,
                name=name,
                content_type=content_type,
                authority=target.act.authority,
                owner=target.act,
                purpose="record",
            )
            placed = stored.storage_path
            record = Record.objects.create(
                kind=target.kind,
                title=(meta.get("title") or name)[:200],
                act=target.act,
                stage=target.stage,
                file=stored,
                device=target.device,
                room=target.room,
                recorder=actor,
                recorded_start=start,
                recorded_end=end,
                duration_seconds=info.duration_seconds,
                codecs=info.codecs,
                resolution=info.resolution,
                device_serial=info.device_serial,
                authority=target.act.authority,
                department=target.act.department,
                created_by=actor,
            )
            if poster:
                file_store(
                    actor=actor,
                    stream=io.BytesIO(poster),
                    name=f"{record.public_id.hex}-poster.jpg",
                    content_type="image/jpeg",
                    authority=target.act.authority,
                    owner=record,
                    purpose="record_poster",
                )
            _custody(record=record, actor=actor, action=CustodyAction.INGESTED, reason="")
            audit_log(
                actor=actor,
                action="records.record.created",
                target=record,
                after={
                    "kind": record.kind,
                    "act": record.act_id,
                    "stage": record.stage,
                    "sha256": stored.sha256,
                    "sm3": stored.sm3,
                    "size": stored.size,
                },
            )
    except BaseException:
        if placed is not None:
            from sanxiang.files import storage

            storage.backend().delete(placed)
        raise
    return record


def _parse_dt(value: str | None) -> datetime.datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValidationFailed(
            _("时间格式应为 ISO 8601：%(value)s") % {"value": value}, code="invalid_metadata"
        ) from None
    return parsed if parsed.tzinfo else timezone.make_aware(parsed)


# ---- access and custody ----------------------------------------------------------------------


def _custody(
    *, record: Record, actor: Any, action: str, reason: str, audit_id: int | None = None
) -> CustodyEvent:
    context = current_request_context()
    return CustodyEvent.objects.create(
        record=record,
        action=action,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        source_address=context.source_address if context else "",
        reason=reason[:300],
        audit_entry_id=audit_id,
    )


def access_reason_required(record: Record) -> bool:
    """Whether the matter list asks for a reason before this record is viewed (media records)."""
    from .selectors import matters_for_act

    if record.kind not in MEDIA_KINDS:
        return False
    matters = matters_for_act(record.act)
    return any(m.access_reason_required for m in matters) if matters else True


def can_download(actor: Any) -> bool:
    from sanxiang.kernel.access import has_role

    return has_role(actor, *DOWNLOAD_ROLES)


@transaction.atomic
def record_access(*, actor: User, record: Record, action: str, reason: str = "") -> CustodyEvent:
    """Log one view/play, download or export of ``record`` (chain of custody + audit chain).

    The view of a media record needs a reason where the matter list says so; downloads and exports
    need a downloading role.
    """
    require_role(actor, *READ_ROLES)
    require_visible(actor, record, action=action)
    if record.disposed_at is not None:
        raise InvalidTransition(_("该记录已销毁。"))
    reason = (reason or "").strip()
    if action in (CustodyAction.DOWNLOADED, CustodyAction.EXPORTED) and not can_download(actor):
        raise PermissionDeniedError(_("您的角色无权下载或导出音像记录。"))
    if access_reason_required(record) and not reason:
        raise ValidationFailed(_("调阅该记录须填写调阅事由。"), code="reason_required")
    event = audit_log(
        actor=actor,
        action=f"records.record.{action}",
        target=record,
        data={"reason": reason, "sha256": record.file.sha256},
    )
    return _custody(record=record, actor=actor, action=action, reason=reason, audit_id=event.pk)


# ---- fixity -----------------------------------------------------------------------------------


def fixity_sync(*, record: Record) -> list[FixityCheck]:
    """Copy the file store's fixity results for ``record``'s file into fixity events on the record.

    A check that failed is recorded as changed or missing (``FileAccess.ok`` False) and alerted.
    """
    known = set(record.fixity_checks.exclude(file_access=None).values_list("file_access_id", flat=True))
    created = []
    accesses = FileAccess.objects.filter(file=record.file_id, action=FileAccessAction.FIXITY).exclude(
        pk__in=known
    )
    for access in accesses.order_by("at", "pk"):
        outcome = FixityOutcome.PASSED if access.ok else _failure_kind(record.file)
        check = FixityCheck.objects.create(
            record=record, file_access=access, at=access.at, outcome=outcome, agent="files.file_fixity_check"
        )
        created.append(check)
        if outcome != FixityOutcome.PASSED:
            _alert_fixity(record, check)
    return created


def _failure_kind(file: StoredFile) -> str:
    from sanxiang.files import storage

    try:
        storage.backend().open(file.storage_path).close()
    except FileNotFoundError:
        return FixityOutcome.MISSING
    return FixityOutcome.CHANGED


def _alert_fixity(record: Record, check: FixityCheck) -> None:
    """Audit the failure and tell the archive administrators (of the unit and above)."""
    from django.urls import reverse

    from sanxiang.notifications.services import notify_users_with_role

    audit_log(
        actor=None,
        action="records.record.fixity_failed",
        target=record,
        data={"outcome": check.outcome, "detail": check.detail, "sha256": record.file.sha256},
    )
    notify_users_with_role(
        authority=record.authority,
        roles=ARCHIVE_ROLES,
        include_ancestors=True,
        title=str(_("音像记录完整性校验失败")),
        body=str(
            _("记录“%(title)s”的完整性校验结果：%(outcome)s。")
            % {"title": record.title, "outcome": check.get_outcome_display()}
        ),
        url=reverse("records:record_detail", args=[record.public_id]),
        category="records.fixity_failed",
        dedupe_key=f"records.fixity.{check.pk}",
    )


def record_fixity_verify(*, record: Record, agent: str = "verify_records") -> FixityCheck:
    """Check one record now (through the file store) and store the result; a crash is an error event."""
    try:
        file_fixity_check(file=record.file)
    except Exception as exc:  # noqa: BLE001 - fail closed: the check itself broke
        check = FixityCheck.objects.create(
            record=record,
            outcome=FixityOutcome.ERROR,
            detail=f"{exc.__class__.__name__}: {exc}"[:300],
            agent=agent,
        )
        _alert_fixity(record, check)
        return check
    checks = fixity_sync(record=record)
    return checks[-1] if checks else record.fixity_checks.first()  # type: ignore[return-value]


# ---- matter list ------------------------------------------------------------------------------

MATTER_FIELDS = (
    "order",
    "act_kind",
    "matter",
    "matter_keyword",
    "stage",
    "method",
    "obligation",
    "devices",
    "start_trigger",
    "end_trigger",
    "access_reason_required",
    "retention_months",
    "remarks",
)


@transaction.atomic
def matter_list_publish(
    *, actor: User | None, rows: list[dict[str, Any]], effective_from: datetime.date, note: str = ""
) -> MatterListVersion:
    """Publish a new version of the matter list (the old versions stay, for history)."""
    if actor is not None:
        require_role(actor, *MATTER_LIST_ROLES)
    if not rows:
        raise ValidationFailed(_("事项清单不能为空。"))
    last = MatterListVersion.objects.order_by("-number").first()
    version = MatterListVersion.objects.create(
        number=(last.number + 1) if last else 1, effective_from=effective_from, note=note, created_by=actor
    )
    for index, row in enumerate(rows, start=1):
        data = {k: row[k] for k in MATTER_FIELDS if k in row}
        data.setdefault("order", index)
        matter = RequiredMatter(version=version, **data)
        try:
            matter.full_clean(exclude=["version"])
        except Exception as exc:
            raise ValidationFailed(
                _("第 %(row)s 行有误：%(error)s") % {"row": index, "error": exc}, code="invalid_row"
            ) from None
        matter.save()
    audit_log(
        actor=actor,
        action="records.matter_list.published",
        target=version,
        data={"rows": len(rows), "note": note},
    )
    return version


# ---- legal hold and disposal ------------------------------------------------------------------


@transaction.atomic
def legal_hold_place(
    *, actor: User, reason: str, act: EnforcementAct | None = None, record: Record | None = None
) -> LegalHold:
    require_role(actor, *ARCHIVE_ROLES)
    if not reason.strip():
        raise ValidationFailed(_("请填写保全冻结原因。"))
    target = record or act
    if target is None:
        raise ValidationFailed(_("请指定冻结的执法行为或记录。"))
    require_visible(actor, target, action="hold")
    hold = LegalHold.objects.create(
        act=act, record=record, reason=reason.strip(), authority=target.authority, placed_by=actor
    )
    for r in [record] if record else Record.objects.filter(act=act):
        event = audit_log(
            actor=actor,
            action="records.record.hold_placed",
            target=r,
            data={"hold": hold.pk, "reason": reason},
        )
        _custody(record=r, actor=actor, action=CustodyAction.HOLD_PLACED, reason=reason, audit_id=event.pk)
    return hold


@transaction.atomic
def legal_hold_release(*, actor: User, hold: LegalHold) -> LegalHold:
    require_role(actor, *ARCHIVE_ROLES)
    require_visible(actor, hold, action="release")
    if hold.released_at is not None:
        raise InvalidTransition(_("该保全冻结已解除。"))
    hold.released_by, hold.released_at = actor, timezone.now()
    hold.save(update_fields=["released_by", "released_at"])
    for r in [hold.record] if hold.record else Record.objects.filter(act=hold.act):
        event = audit_log(
            actor=actor, action="records.record.hold_released", target=r, data={"hold": hold.pk}
        )
        _custody(
            record=r, actor=actor, action=CustodyAction.HOLD_RELEASED, reason=hold.reason, audit_id=event.pk
        )
    return hold


@transaction.atomic
def disposal_order_create(
    *, actor: User, records: list[Record], appraisal: str, today: datetime.date
) -> DisposalOrder:
    """Draft a disposal order of expired records (鉴定意见 required); held or unexpired ones are refused."""
    from .selectors import record_is_held, record_retention_until

    require_role(actor, *ARCHIVE_ROLES)
    if not appraisal.strip():
        raise ValidationFailed(_("销毁前须填写鉴定意见。"))
    if not records:
        raise ValidationFailed(_("销毁清单不能为空。"))
    authority = actor.authority
    if authority is None:
        raise ValidationFailed(_("您的账号未归属任何机关，不能发起销毁。"))
    order = DisposalOrder.objects.create(authority=authority, appraisal=appraisal.strip(), created_by=actor)
    for record in records:
        require_visible(actor, record, action="dispose")
        if record.disposed_at is not None:
            raise ValidationFailed(_("记录“%(t)s”已销毁。") % {"t": record.title})
        if record_is_held(record):
            raise ValidationFailed(
                _("记录“%(t)s”处于保全冻结中，不能销毁。") % {"t": record.title}, code="on_hold"
            )
        until = record_retention_until(record)
        if until is None or until >= today:
            raise ValidationFailed(
                _("记录“%(t)s”尚未到保管期限，不能销毁。") % {"t": record.title}, code="not_expired"
            )
        DisposalItem.objects.create(
            order=order,
            record=record,
            size=record.file.size,
            sha256=record.file.sha256,
            sm3=record.file.sm3,
            retention_until=until,
        )
    audit_log(
        actor=actor,
        action="records.disposal_order.submitted",
        target=order,
        data={"records": [r.pk for r in records]},
    )
    return order


@transaction.atomic
def disposal_order_decide(*, actor: User, order: DisposalOrder, approve: bool) -> DisposalOrder:
    require_role(actor, *DISPOSAL_APPROVER_ROLES)
    require_visible(actor, order, action="approve")
    if order.status != DisposalStatus.SUBMITTED:
        raise InvalidTransition(_("只有待审批的销毁清单可以审批。"))
    if order.created_by_id == actor.pk:
        raise PermissionDeniedError(_("拟定人不能审批自己的销毁清单。"))
    order.status = DisposalStatus.APPROVED if approve else DisposalStatus.REJECTED
    order.decided_by, order.decided_at = actor, timezone.now()
    order.save(update_fields=["status", "decided_by", "decided_at"])
    audit_log(
        actor=actor, action="records.disposal_order." + ("approved" if approve else "rejected"), target=order
    )
    return order


def disposal_order_execute(*, actor: User, order: DisposalOrder) -> DisposalOrder:
    """Destroy the bytes of every record of an approved order (through the file store, which keeps
    the fingerprints and takes the files out of the fixity cycle); the order lists them too."""
    from .selectors import record_is_held

    with transaction.atomic():
        require_role(actor, *ARCHIVE_ROLES)
        require_visible(actor, order, action="execute")
        order = DisposalOrder.objects.select_for_update().get(pk=order.pk)
        if order.status != DisposalStatus.APPROVED:
            raise InvalidTransition(_("销毁清单未经批准，不能销毁。"))
        items = list(order.items.select_related("record__file"))
        for item in items:
            if record_is_held(item.record):
                raise InvalidTransition(
                    _("记录“%(t)s”在审批后被保全冻结，不能销毁。") % {"t": item.record.title}
                )
        now = timezone.now()
        for item in items:
            record = item.record
            record.disposed_at = now
            record.save(update_fields=["disposed_at"])
            event = audit_log(
                actor=actor,
                action="records.record.disposed",
                target=record,
                data={"order": order.pk, "sha256": item.sha256, "sm3": item.sm3, "size": item.size},
            )
            _custody(
                record=record,
                actor=actor,
                action=CustodyAction.DISPOSED,
                reason=f"#{order.pk}",
                audit_id=event.pk,
            )
        order.status, order.executed_at = DisposalStatus.EXECUTED, now
        order.save(update_fields=["status", "executed_at"])
        audit_log(
            actor=actor,
            action="records.disposal_order.executed",
            target=order,
            data={"destroyed": [{"sha256": i.sha256, "sm3": i.sm3, "size": i.size} for i in items]},
        )
        from sanxiang.files.services import file_destroy_many

        from .selectors import record_poster

        destroyed = [item.record.file for item in items]
        destroyed += [p for item in items if (p := record_poster(item.record)) is not None]
        file_destroy_many(actor=actor, files=destroyed, reason=f"销毁清单 #{order.pk}")
    return order


# ---- devices and rooms ------------------------------------------------------------------------


@transaction.atomic
def device_save(*, actor: User, device: Device) -> Device:
    from sanxiang.kernel.access import authority_in_scope

    require_role(actor, *ARCHIVE_ROLES)
    if not authority_in_scope(actor, device.authority):
        raise PermissionDeniedError(_("不能登记本人数据权限以外机关的设备。"))
    created = device.pk is None
    device.full_clean()
    device.save()
    audit_log(
        actor=actor,
        action="records.device." + ("created" if created else "updated"),
        target=device,
        after={"serial": device.serial, "status": device.status, "holder": device.holder_id},
    )
    return device


@transaction.atomic
def room_save(*, actor: User, room: InterviewRoom) -> InterviewRoom:
    from sanxiang.kernel.access import authority_in_scope

    require_role(actor, *ARCHIVE_ROLES)
    if not authority_in_scope(actor, room.authority):
        raise PermissionDeniedError(_("不能登记本人数据权限以外机关的约谈（询问）室。"))
    created = room.pk is None
    room.full_clean()
    room.save()
    audit_log(
        actor=actor,
        action="records.interview_room." + ("created" if created else "updated"),
        target=room,
        after={"name": room.name, "status": room.status},
    )
    return room


def default_retention_months() -> int:
    return int(settings.SANXIANG_RECORDS_DEFAULT_RETENTION_MONTHS)
