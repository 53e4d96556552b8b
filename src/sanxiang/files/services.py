"""Writers of the file store: store a stream, open a file for download, check fixity.

How a file is stored (``file_store``):

1. The body is read in 1 MiB chunks into a temporary file under ``<root>/tmp/``; SHA-256 and SM3
   are updated chunk by chunk, so memory stays constant whatever the size (multi-GB audio/video).
2. The temporary file is fsynced, made read-only and hard-linked (``os.link``, which fails if the
   name exists, like ``O_EXCL``) to its content-addressed name
   ``sha256[:2]/sha256[2:4]/<sha256>-<uuid>``; an existing file is never replaced.
3. The row and the audit entry are written in one transaction. If anything fails — the body,
   the size check, the link, the database — the temporary and the final file are removed before
   the exception propagates, so nothing half-written stays behind.

Rollback cleanup is a ``try/except`` around the atomic block rather than
``transaction.on_commit`` (which only fires on success). When ``file_store`` runs inside a caller's
outer transaction that later rolls back, the stored bytes remain on disk without a row; they are
harmless (unique name, never served without a row) and ``file_orphan_list`` finds them.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from cryptography.hazmat.primitives import hashes
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.audit.services import audit_log
from sanxiang.kernel.access import authority_in_scope  # also imported from here by other modules
from sanxiang.kernel.exceptions import DomainError, PermissionDeniedError, ScopeViolation, ValidationFailed
from sanxiang.kernel.middleware import current_request_context
from sanxiang.org.models import Authority, Department

from . import storage
from .models import FileAccess, FileAccessAction, StoredFile

CHUNK_SIZE = 1024 * 1024
DEFAULT_CONTENT_TYPE = "application/octet-stream"
# Shown inline in the browser; anything else (HTML, SVG, scripts …) is always an attachment.
INLINE_CONTENT_TYPES = frozenset(
    {"application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain"}
)
_CONTENT_TYPE_RE = re.compile(r"^[A-Za-z0-9][\w.+-]*/[\w.+-]+$")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")

if TYPE_CHECKING:
    from sanxiang.org.models import User


class FileMissingError(DomainError):
    """The row exists but its bytes are gone from the store: an integrity incident."""

    code = "file_missing"
    default_message = _("文件内容缺失，请联系系统管理员。")
    http_status = 410


@dataclass(frozen=True)
class Fingerprint:
    size: int
    sha256: str
    sm3: str


def file_root() -> Path:
    """The store root, read at call time so tests and deployments can move it."""
    return Path(settings.SANXIANG_FILE_ROOT)


def clean_file_name(name: str) -> str:
    """The last path component without control characters, at most 255 characters."""
    name = _CONTROL_RE.sub("", (name or "").replace("\\", "/").rsplit("/", 1)[-1]).strip()
    if name in {"", ".", ".."}:
        name = "file"
    if len(name) > 255:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: 254 - len(ext)] + dot + ext) if dot and len(ext) < 20 else name[:255]
    return name


def clean_content_type(content_type: str | None) -> str:
    value = (content_type or "").split(";", 1)[0].strip().lower()
    return value if value and len(value) <= 200 and _CONTENT_TYPE_RE.match(value) else DEFAULT_CONTENT_TYPE


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _discard(path: Path | None) -> None:
    if path is not None:
        try:
            path.unlink()
        except FileNotFoundError:
            pass


def _spool(chunks: Iterable[bytes], root: Path) -> tuple[Path, Fingerprint]:
    """Write ``chunks`` to a temporary file in the store, hashing on the way; fsync it."""
    tmp_dir = root / "tmp"
    tmp_dir.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=tmp_dir, prefix="upload-")
    tmp = Path(name)
    sha256 = hashlib.sha256()
    sm3 = hashes.Hash(hashes.SM3())
    size = 0
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                if not chunk:
                    continue
                sha256.update(chunk)
                sm3.update(chunk)
                out.write(chunk)
                size += len(chunk)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        _discard(tmp)
        raise
    return tmp, Fingerprint(size=size, sha256=sha256.hexdigest(), sm3=sm3.finalize().hex())


def _place(tmp: Path, root: Path, fingerprint: Fingerprint, public_id: uuid.UUID) -> str:
    """Link the spooled file to its final content-addressed name; never replace an existing file."""
    digest = fingerprint.sha256
    relative = f"{digest[:2]}/{digest[2:4]}/{digest}-{public_id.hex}"
    # Local disk: a hard link that never replaces a name; S3: a multipart upload (files/storage.py).
    storage.backend().place(tmp, relative)
    _discard(tmp)
    return relative


def _check_owner_visible(actor: User, owner: models.Model | None) -> None:
    if owner is None:
        return
    manager = type(owner)._default_manager
    if hasattr(manager, "visible_to") and not manager.visible_to(actor).filter(pk=owner.pk).exists():
        raise ScopeViolation(model_label=owner._meta.label, object_ref=f"pk={owner.pk}", action="attach")


def _check_can_store(actor: User, authority: Authority, owner: models.Model | None) -> None:
    if not authority_in_scope(actor, authority):
        raise PermissionDeniedError(_("不能向本人数据权限以外的机关上传文件。"))
    _check_owner_visible(actor, owner)


def _department_for(actor: User, authority: Authority, owner: models.Model | None) -> Department | None:
    """The owner's department (an act's 承办部门), else the uploader's when it belongs to ``authority``.

    It decides whether colleagues with a department data scope see the file.
    """
    department = getattr(owner, "department", None) if owner is not None else None
    if isinstance(department, Department) and department.authority_id == authority.pk:
        return department
    own = getattr(actor, "department", None)
    return own if isinstance(own, Department) and own.authority_id == authority.pk else None


def _store(
    *,
    actor: User,
    chunks: Iterable[bytes],
    name: str,
    content_type: str | None,
    authority: Authority,
    owner: models.Model | None,
    purpose: str,
    expected_size: int | None,
) -> StoredFile:
    _check_can_store(actor, authority, owner)
    department = _department_for(actor, authority, owner)
    root = file_root()
    tmp, fingerprint = _spool(chunks, root)
    final: Path | None = None
    try:
        if expected_size is not None and fingerprint.size != expected_size:
            raise ValidationFailed(
                _("收到的文件大小与声明的不一致，上传可能中断，请重新上传。"),
                code="size_mismatch",
                extra={"expected_size": expected_size, "received_size": fingerprint.size},
            )
        public_id = uuid.uuid4()
        relative = _place(tmp, root, fingerprint, public_id)
        final = root / relative
        with transaction.atomic():
            stored = StoredFile.objects.create(
                public_id=public_id,
                original_name=clean_file_name(name),
                content_type=clean_content_type(content_type),
                size=fingerprint.size,
                sha256=fingerprint.sha256,
                sm3=fingerprint.sm3,
                storage_path=relative,
                uploaded_by=actor,
                authority=authority,
                department=department,
                owner_type=ContentType.objects.get_for_model(owner) if owner is not None else None,
                owner_id=owner.pk if owner is not None else None,
                purpose=purpose,
            )
            audit_log(
                actor=actor,
                action="files.file.stored",
                target=stored,
                after={
                    "original_name": stored.original_name,
                    "size": stored.size,
                    "sha256": stored.sha256,
                    "sm3": stored.sm3,
                    "purpose": purpose,
                },
            )
    except BaseException:
        _discard(tmp)
        _discard(final)
        raise
    return stored


def _read_chunks(stream: IO[bytes]) -> Iterator[bytes]:
    return iter(partial(stream.read, CHUNK_SIZE), b"")


def file_store(
    *,
    actor: User,
    stream: IO[bytes],
    name: str,
    content_type: str | None,
    authority: Authority,
    owner: models.Model | None = None,
    purpose: str = "",
    expected_size: int | None = None,
) -> StoredFile:
    """Store everything ``stream.read()`` yields as a new file; see the module docstring.

    ``expected_size`` (e.g. the request's Content-Length) rejects a truncated body; it is also
    checked against the size limit of the purpose's upload kind and the free-disk floor.
    """
    if expected_size is not None:
        from .uploads import kind_for, size_check

        size_check(expected_size, name=name, kind=kind_for(purpose))
    return _store(
        actor=actor,
        chunks=_read_chunks(stream),
        name=name,
        content_type=content_type,
        authority=authority,
        owner=owner,
        purpose=purpose,
        expected_size=expected_size,
    )


def file_store_from_upload(
    *,
    actor: User,
    upload: UploadedFile,
    authority: Authority,
    owner: models.Model | None = None,
    purpose: str = "",
) -> StoredFile:
    """Store a Django ``UploadedFile`` (already spooled to disk above 2 MiB) via its chunks.

    Refused over the attachment size limit or under the free-disk floor (``files.uploads``)."""
    from .uploads import kind_for, upload_check

    upload_check(upload, kind=kind_for(purpose))
    return _store(
        actor=actor,
        chunks=upload.chunks(CHUNK_SIZE),
        name=upload.name or "",
        content_type=upload.content_type,
        authority=authority,
        owner=owner,
        purpose=purpose,
        expected_size=upload.size,
    )


def file_store_public_upload(
    *,
    upload: UploadedFile,
    authority: Authority,
    owner: models.Model,
    purpose: str,
    max_size: int = 10 * 1024 * 1024,
) -> StoredFile:
    """Store a file a member of the public sends with a portal form (e.g. the identity proof of a
    disclosure request), attached to ``owner`` which the calling service has just created.

    There is no acting user to check, so the caller decides the ``authority``; the file is never
    served on the portal, only to staff who can see ``owner``. ``max_size`` bounds anonymous uploads.
    """
    if upload.size is not None and upload.size > max_size:
        raise ValidationFailed(
            _("上传文件不能超过 %(mb)d MB。") % {"mb": max_size // (1024 * 1024)}, extra={"field": "file"}
        )
    department = getattr(owner, "holding_department", None)
    root = file_root()
    tmp, fingerprint = _spool(upload.chunks(CHUNK_SIZE), root)
    final: Path | None = None
    try:
        if upload.size is not None and fingerprint.size != upload.size:
            raise ValidationFailed(
                _("收到的文件大小与声明的不一致，上传可能中断，请重新上传。"), code="size_mismatch"
            )
        public_id = uuid.uuid4()
        relative = _place(tmp, root, fingerprint, public_id)
        final = root / relative
        with transaction.atomic():
            stored = StoredFile.objects.create(
                public_id=public_id,
                original_name=clean_file_name(upload.name or ""),
                content_type=clean_content_type(upload.content_type),
                size=fingerprint.size,
                sha256=fingerprint.sha256,
                sm3=fingerprint.sm3,
                storage_path=relative,
                uploaded_by=None,
                authority=authority,
                department=department if isinstance(department, Department) else None,
                owner_type=ContentType.objects.get_for_model(owner),
                owner_id=owner.pk,
                purpose=purpose,
            )
            audit_log(
                actor="portal",
                action="files.file.stored",
                target=stored,
                after={"size": stored.size, "sha256": stored.sha256, "sm3": stored.sm3, "purpose": purpose},
            )
    except BaseException:
        _discard(tmp)
        _discard(final)
        raise
    return stored


@transaction.atomic
def file_attach(
    *, actor: User, owner: models.Model, upload: UploadedFile, authority: Authority, purpose: str, action: str
) -> StoredFile:
    """Attach an uploaded document to ``owner`` (an act, a case …): store it with ``owner`` as its
    owner and write ``action`` (e.g. ``enforcement.act.file_attached``) on the owner's audit trail.
    The caller's service checks first that ``actor`` may change ``owner``."""
    stored = file_store_from_upload(
        actor=actor, upload=upload, authority=authority, owner=owner, purpose=purpose
    )
    audit_log(
        actor=actor,
        action=action,
        target=owner,
        data={"file": str(stored.public_id), "name": stored.original_name, "sha256": stored.sha256},
    )
    return stored


def _record_access(*, file: StoredFile, user: Any, action: str, ok: bool | None = None) -> FileAccess:
    context = current_request_context()
    return FileAccess.objects.create(
        file=file,
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        source_address=context.source_address if context else "",
        ok=ok,
    )


@transaction.atomic
def file_destroy_many(*, actor: User | None, files: list[StoredFile], reason: str) -> int:
    """Destroy the content of ``files`` (an approved disposal): the rows and fingerprints stay,
    marked destroyed, and the bytes are deleted once the caller's transaction commits. A destroyed
    file is never served and leaves the fixity cycle, so its absence is not reported as tampering.
    The calling service has checked the approval; this one only records and deletes. ``actor`` is
    ``None`` for a sweep of the system's own (an export's result past its keeping time)."""
    now = timezone.now()
    ids = [f.pk for f in files if f.destroyed_at is None]
    StoredFile.objects.filter(pk__in=ids).update(destroyed_at=now)
    for f in files:
        if f.pk in ids:
            f.destroyed_at = now
            audit_log(
                actor=actor,
                action="files.file.destroyed",
                target=f,
                data={"sha256": f.sha256, "sm3": f.sm3, "size": f.size, "reason": reason},
            )
    paths = [f.storage_path for f in files if f.pk in ids]

    def delete_all() -> None:
        backend = storage.backend()
        for path in paths:
            backend.delete(path)

    transaction.on_commit(delete_all)
    return len(ids)


def file_open_for_download(*, actor: User, file: StoredFile, inline: bool = False) -> FileResponse:
    """Open ``file`` for ``actor`` as a streamed response; logs a FileAccess and an audit entry.

    ``inline`` is honoured only for types a browser shows safely (PDF, raster images, plain
    text); everything else is sent as an attachment.
    """
    if not StoredFile.objects.visible_to(actor).filter(pk=file.pk).exists():
        raise ScopeViolation(
            model_label=StoredFile._meta.label, object_ref=f"public_id={file.public_id}", action="download"
        )
    from .integrity import fixity_guard

    if file.destroyed_at is not None:
        raise FileMissingError(_("该文件已按批准的销毁清单销毁，内容不再保存。"))
    fixity_guard(file, actor=actor)  # a file whose last fixity check failed is not served
    try:
        handle = storage.backend().open(file.storage_path)  # FileResponse closes it
    except FileNotFoundError:
        raise FileMissingError() from None
    inline = inline and file.content_type in INLINE_CONTENT_TYPES
    action = FileAccessAction.VIEW if inline else FileAccessAction.DOWNLOAD
    try:
        access = _record_access(file=file, user=actor, action=action)
        audit_log(
            actor=actor,
            action="files.file.viewed" if inline else "files.file.downloaded",
            target=file,
            data={"access_id": access.pk, "sha256": file.sha256, "source_address": access.source_address},
        )
    except BaseException:
        handle.close()
        raise
    response = FileResponse(
        handle, as_attachment=not inline, filename=file.original_name, content_type=file.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Repr-Digest"] = "sha-256=:" + base64.b64encode(bytes.fromhex(file.sha256)).decode() + ":"
    response["Cache-Control"] = "private, no-store"
    return response


def _fingerprint_of(relative: str) -> Fingerprint:
    sha256 = hashlib.sha256()
    sm3 = hashes.Hash(hashes.SM3())
    size = 0
    with storage.backend().open(relative) as handle:
        for chunk in _read_chunks(handle):
            sha256.update(chunk)
            sm3.update(chunk)
            size += len(chunk)
    return Fingerprint(size=size, sha256=sha256.hexdigest(), sm3=sm3.finalize().hex())


@transaction.atomic
def file_fixity_check(*, file: StoredFile) -> bool:
    """Re-hash the stored bytes; True if size, SHA-256 and SM3 all still match (完整性校验).

    Every check is logged as a FileAccess; a mismatch or a missing file is also audited.
    """
    try:
        actual: Fingerprint | None = _fingerprint_of(file.storage_path)
    except FileNotFoundError:
        actual = None
    ok = actual == Fingerprint(size=file.size, sha256=file.sha256, sm3=file.sm3)
    _record_access(file=file, user=None, action=FileAccessAction.FIXITY, ok=ok)
    if not ok:
        audit_log(
            actor=None,
            action="files.file.fixity_failed",
            target=file,
            data={
                "expected": {"size": file.size, "sha256": file.sha256, "sm3": file.sm3},
                "actual": None
                if actual is None
                else {"size": actual.size, "sha256": actual.sha256, "sm3": actual.sm3},
            },
        )
    return ok


@dataclass(frozen=True)
class FixitySweepResult:
    checked: int
    failed: list[int]
    bytes_read: int


def file_fixity_sweep(*, max_bytes: int | None = None) -> FixitySweepResult:
    """Check the files whose last fixity check is oldest (never-checked first), within a byte budget.

    A daily run re-reads at most ``max_bytes`` (``settings.SANXIANG_FIXITY_SWEEP_BYTES``, default
    20 GiB), so a store of many terabytes is covered in rotation instead of in one endless night.
    At least one file is always checked, however large. Not atomic as a whole: each check commits
    on its own, so an interrupted sweep keeps what it did.
    """
    budget = max_bytes if max_bytes is not None else settings.SANXIANG_FIXITY_SWEEP_BYTES
    last_check = models.Max("accesses__at", filter=models.Q(accesses__action=FileAccessAction.FIXITY))
    candidates = (
        StoredFile.objects.annotate(last_check=last_check)
        .order_by(models.F("last_check").asc(nulls_first=True), "pk")
        .only("pk", "size")
    )
    checked, failed, spent = 0, [], 0
    for candidate in candidates.iterator(chunk_size=500):
        if checked and spent + candidate.size > budget:
            break
        stored = StoredFile.objects.get(pk=candidate.pk)
        if not file_fixity_check(file=stored):
            failed.append(stored.pk)
        checked += 1
        spent += stored.size
    return FixitySweepResult(checked=checked, failed=failed, bytes_read=spent)
