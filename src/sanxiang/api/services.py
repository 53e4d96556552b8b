"""Issuing and revoking source-system tokens."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from sanxiang.api.models import SourceToken
from sanxiang.audit.services import audit_log
from sanxiang.kernel.access import has_role
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.exceptions import PermissionDeniedError
from sanxiang.org.models import User


def _require_admin(actor: User | None) -> None:
    if actor is not None and not has_role(actor, RoleCode.ADMINISTRATOR):
        raise PermissionDeniedError()


@transaction.atomic
def source_token_create(
    *,
    actor: User | None,
    name: str,
    user: User,
    categories: list[str] | None = None,
    expires_at: datetime.datetime | None = None,
) -> tuple[SourceToken, str]:
    """Create a token for a source system; returns the token and its key, which is shown once.

    ``actor`` None means the command line (an operator with shell access to the server).
    """
    _require_admin(actor)
    key, digest = SourceToken.new_key()
    token = SourceToken.objects.create(
        name=name,
        user=user,
        key_digest=digest,
        prefix=key[:8],
        categories=list(categories or []),
        expires_at=expires_at,
    )
    audit_log(
        actor=actor,
        action="api.source_token.created",
        target=token,
        after={"name": name, "user": user.username, "categories": token.categories, "prefix": token.prefix},
    )
    return token, key


@transaction.atomic
def source_token_revoke(*, actor: User | None, token: SourceToken) -> SourceToken:
    _require_admin(actor)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_log(actor=actor, action="api.source_token.revoked", target=token, data={"prefix": token.prefix})
    return token
