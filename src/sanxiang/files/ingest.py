"""Store a file that was already spooled and fingerprinted elsewhere (resumable uploads).

The tus endpoint of ``sanxiang.records`` receives a file over many requests, hashing as it
goes; when the last byte is in, the spool file and its fingerprint come here. The same rules as
``file_store`` apply: the bytes are placed write-once through the storage backend, the row and
the audit entry are written in one transaction, and on any failure nothing stays behind.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from sanxiang.audit.services import audit_log
from sanxiang.org.models import Authority

from . import storage
from .models import StoredFile
from .services import (
    Fingerprint,
    _check_can_store,
    _department_for,
    _discard,
    _place,
    clean_content_type,
    clean_file_name,
    file_root,
)

if TYPE_CHECKING:
    from sanxiang.org.models import User


def file_store_spooled(
    *,
    actor: User,
    tmp: Path,
    fingerprint: Fingerprint,
    name: str,
    content_type: str,
    authority: Authority,
    owner: models.Model | None = None,
    purpose: str = "",
) -> StoredFile:
    """Place the complete spooled file ``tmp`` (whose hashes the caller computed) in the store.

    Must run inside the caller's transaction so that the caller's own rows (the record) commit
    or roll back with the file's row; the placed bytes are removed if that transaction fails here.
    """
    _check_can_store(actor, authority, owner)
    department = _department_for(actor, authority, owner)
    public_id = uuid.uuid4()
    relative: str | None = None
    try:
        relative = _place(tmp, file_root(), fingerprint, public_id)
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
        if relative is not None:
            storage.backend().delete(relative)
        raise
    return stored
