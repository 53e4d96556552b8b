"""tus 1.0 resumable uploads: sessions, appending chunks, finishing into a record, expiry.

Bytes of an unfinished upload are spooled to ``<tus dir>/<upload id>.part``; SHA-256 and SM3
are computed as they arrive (``DualHasher``) and the hash state is carried from one PATCH to the
next in this process's memory (``_HASH_STATES``). OpenSSL hash contexts cannot be serialised, so
when a PATCH reaches a process that does not hold the state (another worker, a restart), the
partial file is re-hashed once from disk before appending — correct either way, and counted in
``rehashed_bytes`` so the cost is visible. Concurrent PATCHes on one upload are refused with an
exclusive ``flock`` on the spool file; the database offset is the truth, any bytes beyond it
(from a crash between write and commit) are truncated away before appending.
"""

from __future__ import annotations

import datetime
import fcntl
import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.audit.services import audit_log
from sanxiang.enforcement.models import EnforcementAct
from sanxiang.files.hashing import DualHasher
from sanxiang.files.services import Fingerprint, file_root
from sanxiang.kernel.access import get_visible_or_404, require_role
from sanxiang.kernel.exceptions import DomainError, ValidationFailed

from . import rules
from .choices import MEDIA_KINDS, RecordKind, Stage, UploadStatus
from .models import Device, InterviewRoom, Upload
from .permissions import RECORD_ROLES

if TYPE_CHECKING:
    from sanxiang.org.models import User
    from sanxiang.records.models import Record

CHUNK = 1024 * 1024


class UploadGone(DomainError):
    code = "upload_gone"
    default_message = _("该上传已结束、取消或过期，请重新上传。")
    http_status = 410


class OffsetMismatch(DomainError):
    code = "offset_mismatch"
    default_message = _("续传位置与服务器已接收的字节数不一致。")
    http_status = 409


class UploadBusy(DomainError):
    code = "upload_busy"
    default_message = _("该文件正在另一个连接中上传，请稍后再试。")
    http_status = 423


class ChecksumMismatch(DomainError):
    code = "checksum_mismatch"
    default_message = _("本段数据的校验值不符，已丢弃，请重传本段。")
    http_status = 460


class TooLarge(DomainError):
    code = "too_large"
    http_status = 413


class UnsupportedType(DomainError):
    code = "unsupported_type"
    http_status = 415


CHECKSUM_ALGORITHMS: dict[str, Callable[[], Any]] = {
    "sha1": hashlib.sha1,
    "md5": hashlib.md5,
    "sha256": hashlib.sha256,
}

# upload pk -> (offset, hasher); bounded, most recently used last.
_HASH_STATES: OrderedDict[int, tuple[int, DualHasher]] = OrderedDict()
_HASH_STATES_MAX = 256
_HASH_LOCK = threading.Lock()
rehashed_bytes = 0  # bytes re-read from disk because a hash state was not in this process


def tus_dir() -> Path:
    configured = getattr(settings, "SANXIANG_RECORDS_TUS_DIR", "")
    return Path(configured) if configured else file_root() / "tmp" / "tus"


def spool_path(upload: Upload) -> Path:
    return tus_dir() / f"{upload.public_id.hex}.part"


def size_limit(kind: str) -> int:
    return rules.size_limit_for(kind, settings.SANXIANG_RECORDS_SIZE_LIMITS)


def _expiry(now: datetime.datetime) -> datetime.datetime:
    return now + datetime.timedelta(hours=settings.SANXIANG_RECORDS_UPLOAD_EXPIRY_HOURS)


def _pk(value: str | None, what: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationFailed(
            _("上传元数据 %(field)s 应为编号。") % {"field": what}, code="invalid_metadata"
        ) from None


@dataclass(frozen=True)
class UploadTarget:
    act: EnforcementAct
    kind: str
    stage: str
    device: Device | None
    room: InterviewRoom | None


def resolve_target(*, actor: User, metadata: dict[str, str]) -> UploadTarget:
    """Check the upload's metadata (act, kind, stage, device, room) before any byte is accepted."""
    kind = metadata.get("kind", "")
    if kind not in RecordKind.values:
        raise ValidationFailed(_("上传元数据 kind（记录类型）缺失或无效。"), code="invalid_metadata")
    stage = metadata.get("stage") or Stage.INVESTIGATION
    if stage not in Stage.values:
        raise ValidationFailed(_("上传元数据 stage（执法环节）无效。"), code="invalid_metadata")
    act_pk = _pk(metadata.get("act"), "act")
    if act_pk is None:
        raise ValidationFailed(_("上传元数据 act（执法行为）缺失。"), code="invalid_metadata")
    act = get_visible_or_404(EnforcementAct, actor, action="record", pk=act_pk)
    device_pk, room_pk = _pk(metadata.get("device"), "device"), _pk(metadata.get("room"), "room")
    # A device or room is usable for the acts of the unit it is registered to (whatever the
    # recorder's own data scope inside that unit).
    device = Device.objects.filter(pk=device_pk, authority=act.authority_id).first() if device_pk else None
    room = InterviewRoom.objects.filter(pk=room_pk, authority=act.authority_id).first() if room_pk else None
    if (device_pk and device is None) or (room_pk and room is None):
        raise ValidationFailed(_("记录设备或约谈（询问）室不属于该执法机关。"), code="invalid_metadata")
    return UploadTarget(act=act, kind=kind, stage=stage, device=device, room=room)


@transaction.atomic
def upload_create(*, actor: User, length: int, metadata: dict[str, str], raw_metadata: str = "") -> Upload:
    """Open a tus upload of ``length`` bytes (creation extension); nothing is stored yet."""
    require_role(actor, *RECORD_ROLES)
    target = resolve_target(actor=actor, metadata=metadata)
    limit = size_limit(target.kind)
    if length > limit:
        raise TooLarge(
            _("文件大小 %(size)s 字节超过“%(kind)s”的上限 %(limit)s 字节。")
            % {"size": length, "kind": RecordKind(target.kind).label, "limit": limit},
            extra={"limit": limit},
        )
    now = timezone.now()
    upload = Upload.objects.create(
        user=actor,
        length=length,
        metadata=metadata,
        raw_metadata=raw_metadata[:4000],
        kind=target.kind,
        act=target.act,
        created_at=now,
        expires_at=_expiry(now),
    )
    path = spool_path(upload)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(exist_ok=False)
    audit_log(
        actor=actor,
        action="records.upload.created",
        target=upload,
        data={"length": length, "kind": target.kind, "act": target.act.pk},
        authority=target.act.authority,
    )
    return upload


def upload_get(*, actor: User, public_id: Any) -> Upload:
    """The caller's own upload (another user's id answers 404 like an unknown one)."""
    upload = Upload.objects.filter(public_id=public_id, user=actor).select_related("act", "record").first()
    if upload is None:
        from django.http import Http404

        raise Http404
    return upload


def _check_receiving(upload: Upload, now: datetime.datetime) -> None:
    if upload.status != UploadStatus.RECEIVING or upload.expires_at <= now:
        raise UploadGone()


def _hasher_for(upload: Upload, handle: Any) -> DualHasher:
    """The hash state at ``upload.offset``: from memory, else by re-reading the partial file."""
    global rehashed_bytes
    with _HASH_LOCK:
        cached = _HASH_STATES.get(upload.pk)
    if cached is not None and cached[0] == upload.offset:
        return cached[1]
    hasher = DualHasher()
    handle.seek(0)
    remaining = upload.offset
    while remaining:
        data = handle.read(min(CHUNK, remaining))
        if not data:
            raise UploadGone(_("已接收的部分文件不完整，请重新上传。"))
        hasher.update(data)
        remaining -= len(data)
    rehashed_bytes += upload.offset
    return hasher


def _remember(upload: Upload, offset: int, hasher: DualHasher) -> None:
    with _HASH_LOCK:
        _HASH_STATES[upload.pk] = (offset, hasher)
        _HASH_STATES.move_to_end(upload.pk)
        while len(_HASH_STATES) > _HASH_STATES_MAX:
            _HASH_STATES.popitem(last=False)


def _forget(upload: Upload) -> None:
    with _HASH_LOCK:
        _HASH_STATES.pop(upload.pk, None)


def _check_head(upload: Upload, handle: Any) -> str:
    """The content type from the file's first bytes; refuses a type the record kind does not accept."""
    handle.seek(0)
    head = handle.read(rules.HEAD_BYTES)
    detected = rules.detect_type(head)
    if not rules.accepts(upload.kind, detected):
        raise UnsupportedType(
            _("文件内容不是“%(kind)s”可接受的格式（按文件内容识别，而非文件名）。")
            % {"kind": RecordKind(upload.kind).label}
        )
    assert detected is not None
    return detected.content_type


def upload_append(
    *,
    actor: User,
    upload: Upload,
    offset: int,
    read: Callable[[int], bytes],
    content_length: int | None,
    checksum: tuple[str, bytes] | None = None,
) -> Upload:
    """Append the request body at ``offset`` (a tus PATCH) and finish the record after the last byte.

    ``read(n)`` reads the body; at most ``content_length`` bytes (and never past the upload's
    length) are taken, 1 MiB at a time, so memory stays constant. With a ``checksum``
    (algorithm, digest) the whole chunk is verified and discarded on mismatch.
    """
    now = timezone.now()
    _check_receiving(upload, now)
    if offset != upload.offset:
        raise OffsetMismatch(extra={"offset": upload.offset})
    if checksum is not None and checksum[0] not in CHECKSUM_ALGORITHMS:
        raise ValidationFailed(_("不支持的校验算法。"), code="checksum_algorithm")
    path = spool_path(upload)
    try:
        handle = open(path, "r+b")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        raise UploadGone() from None
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UploadBusy() from None
        upload.refresh_from_db()
        _check_receiving(upload, now)
        if offset != upload.offset:
            raise OffsetMismatch(extra={"offset": upload.offset})
        hasher = _hasher_for(upload, handle)
        handle.truncate(upload.offset)
        handle.seek(upload.offset)
        working = hasher.copy() if checksum is not None else hasher
        chunk_digest = CHECKSUM_ALGORITHMS[checksum[0]]() if checksum is not None else None
        room = upload.length - upload.offset
        budget = room if content_length is None else min(room, content_length)
        written, detected = 0, upload.detected_type
        pending = None
        try:
            while written < budget:
                data = read(min(CHUNK, budget - written))
                if pending is not None:
                    pending.wait()  # the previous chunk is hashed and written
                    pending = None
                if not data:
                    break  # the client stopped sending: keep what arrived (tus resumes from here)
                if chunk_digest is not None:
                    chunk_digest.update(data)
                written += len(data)
                if not detected and upload.offset + written >= min(rules.HEAD_BYTES, upload.length):
                    working.update(data)
                    handle.write(data)
                    handle.flush()
                    detected = _check_head(upload, handle)
                    handle.seek(upload.offset + written)
                else:
                    # Hash (SM3 and SHA-256) and write in helper threads while the next chunk is read.
                    pending = working.update_async(data, sink=handle.write)
        finally:
            if pending is not None:
                pending.wait()
        if (
            content_length is not None
            and written < content_length
            and upload.offset + written >= upload.length
        ):
            raise ValidationFailed(_("发送的数据超过声明的文件大小。"), code="too_much_data")
        if chunk_digest is not None and chunk_digest.digest() != checksum[1]:  # type: ignore[index]
            handle.truncate(upload.offset)
            raise ChecksumMismatch()
        handle.flush()
        os.fsync(handle.fileno())
        new_offset = upload.offset + written
        Upload.objects.filter(pk=upload.pk, offset=upload.offset).update(
            offset=new_offset, detected_type=detected, expires_at=_expiry(timezone.now())
        )
        upload.offset, upload.detected_type = new_offset, detected
        _remember(upload, new_offset, working)
    except UnsupportedType as exc:
        handle.close()
        _fail(upload, str(exc.message))
        raise
    finally:
        if not handle.closed:
            handle.close()
    if upload.offset == upload.length:
        if not upload.detected_type:
            with open(path, "rb") as head:
                upload.detected_type = _check_head(upload, head)
        upload_finish(actor=actor, upload=upload, hasher=working)
    return upload


def _fail(upload: Upload, message: str) -> None:
    Upload.objects.filter(pk=upload.pk).update(status=UploadStatus.FAILED, error=message[:300])
    upload.status = UploadStatus.FAILED
    _forget(upload)
    _discard_spool(upload)


def _discard_spool(upload: Upload) -> None:
    try:
        spool_path(upload).unlink()
    except FileNotFoundError:
        pass


def upload_finish(*, actor: User, upload: Upload, hasher: DualHasher) -> Record:
    """The last byte is in: read the media metadata, store the file and create the record."""
    from .services import record_create_from_upload

    sha256, sm3 = hasher.hexdigests()
    fingerprint = Fingerprint(size=upload.length, sha256=sha256, sm3=sm3)
    try:
        record = record_create_from_upload(
            actor=actor, upload=upload, spool=spool_path(upload), fingerprint=fingerprint
        )
    except BaseException as exc:
        message = str(getattr(exc, "message", "") or exc) or exc.__class__.__name__
        _fail(upload, message)
        raise
    _forget(upload)
    return record


@transaction.atomic
def upload_terminate(*, actor: User, upload: Upload) -> None:
    """Termination extension: the client gives up; the partial bytes are removed."""
    if upload.status != UploadStatus.RECEIVING:
        raise UploadGone()
    Upload.objects.filter(pk=upload.pk).update(status=UploadStatus.TERMINATED)
    _forget(upload)
    audit_log(actor=actor, action="records.upload.terminated", target=upload, authority=upload.act.authority)
    transaction.on_commit(lambda: _discard_spool(upload))


def upload_expire_abandoned(*, now: datetime.datetime | None = None) -> int:
    """Expire every receiving upload past its expiry: status expired, spool file removed."""
    now = now or timezone.now()
    expired = 0
    for upload in Upload.objects.filter(status=UploadStatus.RECEIVING, expires_at__lte=now).select_related(
        "act"
    ):
        with transaction.atomic():
            if not Upload.objects.filter(pk=upload.pk, status=UploadStatus.RECEIVING).update(
                status=UploadStatus.EXPIRED
            ):
                continue
            audit_log(
                actor=None,
                action="records.upload.expired",
                target=upload,
                data={"offset": upload.offset, "length": upload.length},
                authority=upload.act.authority,
            )
        _forget(upload)
        _discard_spool(upload)
        expired += 1
    # Spool files without a receiving upload (a crash between create and commit, a direct store
    # that died) go too, once older than an hour (younger ones may still be committing).
    live = {
        u.hex
        for u in Upload.objects.filter(status=UploadStatus.RECEIVING).values_list("public_id", flat=True)
    }
    directory = tus_dir()
    cutoff = now.timestamp() - 3600
    if directory.exists():
        for entry in directory.glob("*.part"):
            try:
                stale = entry.stat().st_mtime < cutoff
            except FileNotFoundError:
                continue
            if entry.stem not in live and stale:
                entry.unlink(missing_ok=True)
    return expired


def is_media_kind(kind: str) -> bool:
    return kind in MEDIA_KINDS
