"""Who may read and write enforcement data (roles); data scope is applied by the querysets."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from rest_framework import permissions

from sanxiang.core.choices import RoleCode

READ_ROLES: tuple[str, ...] = (
    RoleCode.ENFORCEMENT_OFFICER,
    RoleCode.LEGAL_REVIEWER,
    RoleCode.LEADER,
    RoleCode.ADMINISTRATOR,
)
WRITE_ROLES: tuple[str, ...] = (RoleCode.ENFORCEMENT_OFFICER, RoleCode.ADMINISTRATOR)


def can_read(user: Any) -> bool:
    return bool(
        getattr(user, "is_authenticated", False) and (user.is_superuser or user.has_role(*READ_ROLES))
    )


def can_write(user: Any) -> bool:
    return bool(
        getattr(user, "is_authenticated", False) and (user.is_superuser or user.has_role(*WRITE_ROLES))
    )


def read_required(view: Callable) -> Callable:
    """Staff view decorator: login, then one of the reading roles (else 403)."""

    @login_required
    @wraps(view)
    def wrapped(request: Any, *args: Any, **kwargs: Any) -> Any:
        if not can_read(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def write_required(view: Callable) -> Callable:
    """Staff view decorator: login, then one of the writing roles (else 403)."""

    @login_required
    @wraps(view)
    def wrapped(request: Any, *args: Any, **kwargs: Any) -> Any:
        if not can_write(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


class EnforcementApiPermission(permissions.BasePermission):
    """Reads need a reading role, writes a writing role; scope is the queryset's business."""

    def has_permission(self, request: Any, view: Any) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return can_read(request.user)
        return can_write(request.user)
