"""Readers for the organisation; every one takes the acting user and returns scoped data."""

from __future__ import annotations

from sanxiang.kernel.choices import RoleCode
from sanxiang.org.models import User


def role_labels(user: User) -> list[str]:
    return [str(RoleCode(code).label) for code in sorted(user.role_codes())]
