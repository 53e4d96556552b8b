"""Helpers shared by the disclosure services: settings read at call time, scope checks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.access import authority_in_scope, has_role, require_role
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.exceptions import PermissionDeniedError
from sanxiang.org.models import Authority

if TYPE_CHECKING:
    from sanxiang.org.models import User

OPEN_GOV_ROLES: tuple[str, ...] = (RoleCode.OPEN_GOVERNMENT_OFFICER, RoleCode.OPEN_GOVERNMENT_HEAD)
HEAD_ROLES: tuple[str, ...] = (RoleCode.OPEN_GOVERNMENT_HEAD,)


def setting(name: str) -> int:
    """A module setting declared at the end of ``settings.py`` (read at call time)."""
    return int(getattr(settings, f"SANXIANG_DISCLOSURE_{name}"))


def require_staff_in(actor: User | Any, authority: Authority) -> None:
    """Any signed-in staff member whose data scope covers ``authority`` (drafting departments)."""
    require_role(actor)
    if not authority_in_scope(actor, authority):
        raise PermissionDeniedError(_("只能处理本人数据权限范围内机关的事项。"))


def require_open_gov_in(actor: User | Any, authority: Authority, *, head: bool = False) -> None:
    """An open-government officer (or, with ``head``, the office head) of ``authority``."""
    require_role(actor, *(HEAD_ROLES if head else OPEN_GOV_ROLES))
    if not authority_in_scope(actor, authority):
        raise PermissionDeniedError(_("只能处理本人数据权限范围内机关的事项。"))


def is_open_gov(actor: User | Any) -> bool:
    return has_role(actor, *OPEN_GOV_ROLES)


def actor_or_none(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None
