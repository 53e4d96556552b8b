"""Readers for the organisation; every one takes the acting user and returns scoped data."""

from __future__ import annotations

from django.db.models import QuerySet

from sanxiang.core.choices import RoleCode
from sanxiang.core.models import Authority, User


def role_labels(user: User) -> list[str]:
    return [str(RoleCode(code).label) for code in sorted(user.role_codes())]


def authority_subtree(authority: Authority, *, include_self: bool = True) -> QuerySet[Authority]:
    qs = Authority.objects.filter(path__startswith=authority.path)
    return qs if include_self else qs.exclude(pk=authority.pk)
