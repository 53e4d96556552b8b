"""Readers of the file store; every one takes the acting user and returns scoped data."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.db import models

from sanxiang.kernel.access import authorities_in_scope, get_visible_or_404

from .models import FileAccess, StoredFile
from .services import file_root

if TYPE_CHECKING:
    from sanxiang.org.models import User


# Purposes whose files are served only through their owner's own pages, which check more than the
# file store's unit scope (a background job's input and result: its owner and in-scope administrators
# only). The generic file pages and API answer 404 for them, like for a file out of scope.
_OWNER_SERVED: set[str] = set()


def serve_only_through_owner(purpose: str) -> None:
    """Register ``purpose`` as served only through its owning module (call from ``AppConfig.ready``)."""
    _OWNER_SERVED.add(purpose)


def file_get(*, actor: User, public_id: uuid.UUID | str, action: str = "view") -> StoredFile:
    """One file by its public id; 404 (audited as a scope refusal) outside the actor's scope, and for
    a file of a purpose served only through its owner's pages."""
    return get_visible_or_404(
        StoredFile.objects.exclude(purpose__in=_OWNER_SERVED).select_related("authority", "uploaded_by"),
        actor,
        action=action,
        public_id=public_id,
    )


def file_list(*, actor: User) -> models.QuerySet[StoredFile]:
    return StoredFile.objects.visible_to(actor).select_related("authority", "uploaded_by")


def file_list_for(
    *, actor: User, owner: models.Model, purpose: str | None = None
) -> models.QuerySet[StoredFile]:
    """The files attached to ``owner`` that the actor may see."""
    return file_list_for_owners(actor=actor, owners=[owner], purpose=purpose)


def file_list_for_owners(
    *, actor: User, owners: Iterable[models.Model], purpose: str | None = None
) -> models.QuerySet[StoredFile]:
    """The visible files attached to any of ``owners`` (one query, whatever the owner types)."""
    by_type: dict[int, list[int]] = {}
    for owner in owners:
        ct = ContentType.objects.get_for_model(owner)
        by_type.setdefault(ct.pk, []).append(owner.pk)
    if not by_type:
        return StoredFile.objects.none()
    condition = models.Q()
    for ct_pk, pks in by_type.items():
        condition |= models.Q(owner_type_id=ct_pk, owner_id__in=pks)
    qs = file_list(actor=actor).filter(condition)
    return qs.filter(purpose=purpose) if purpose is not None else qs


def file_access_list(*, actor: User, file: StoredFile) -> models.QuerySet[FileAccess]:
    """The access log of a file the actor may see (checked again here)."""
    visible = file_list(actor=actor).filter(pk=file.pk)
    return FileAccess.objects.filter(file__in=visible).select_related("user")


def file_orphan_list() -> Iterator[str]:
    """Stored paths on disk without a row (left by a caller's rolled-back outer transaction).

    For administrators' maintenance only: it walks the whole store.
    """
    root = file_root()
    if not root.exists():
        return
    known = set(StoredFile.objects.values_list("storage_path", flat=True))
    for path in sorted(root.glob("??/??/*")):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and relative not in known:
            yield relative


def authority_choices(*, actor: User) -> models.QuerySet:
    """The authorities ``actor`` may store files into."""
    return authorities_in_scope(actor)
