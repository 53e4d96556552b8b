"""Who may do what in supervision; data scope itself is applied by the querysets."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from rest_framework import permissions

from sanxiang.core.choices import RoleCode
from sanxiang.core.models import Authority
from sanxiang.files.services import authority_in_scope

MANAGE_ROLES: tuple[str, ...] = (RoleCode.SUPERVISOR, RoleCode.ADMINISTRATOR)
DECIDE_ROLES: tuple[str, ...] = (RoleCode.SUPERVISOR, RoleCode.LEADER)


def can_manage(user: Any, authority: Authority | None = None) -> bool:
    """Import and confirm plans, record meetings: a supervisor (督办员) of the authority."""
    if not getattr(user, "is_authenticated", False):
        return False
    if not (user.is_superuser or user.has_role(*MANAGE_ROLES)):
        return False
    return authority is None or authority_in_scope(user, authority)


def can_decide(user: Any, authority: Authority) -> bool:
    """Approve extensions and close-outs: a supervisor or leader of the plan's authority."""
    return bool(
        getattr(user, "is_authenticated", False)
        and (user.is_superuser or user.has_role(*DECIDE_ROLES))
        and authority_in_scope(user, authority)
    )


def can_request_closeout(user: Any, task: Any) -> bool:
    """Ask for 销号: the lead department, or a supervisor of the task's authority."""
    return bool(
        getattr(user, "is_authenticated", False)
        and (
            (user.department_id and user.department_id == task.owner_department_id)
            or can_manage(user, task.authority)
        )
    )


def staff_required(view: Callable) -> Callable:
    """Login; the querysets decide what the user sees (an empty list for no tasks)."""

    @login_required
    @wraps(view)
    def wrapped(request: Any, *args: Any, **kwargs: Any) -> Any:
        return view(request, *args, **kwargs)

    return wrapped


class SupervisionApiPermission(permissions.IsAuthenticated):
    """Authenticated staff; scope and roles are checked by selectors and services."""
