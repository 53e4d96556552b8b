"""Readers for organisation administration: what an administrator may see and manage.

Authorities, departments and users are not ``ScopedQuerySet`` models, so their scope is spelt out
here. Only administrators (role ``administrator``) and superusers manage organisation data; for
anyone else every list is empty and every ``*_get`` is a 404. An administrator's data scope is the
part of the tree they manage: ``all`` everything, ``unit_and_below`` their authority's subtree,
``unit`` their authority, ``department`` their department (and their authority, read-only),
``self`` only themselves.

Getters raise ``ScopeViolation`` (an audited 404) when the object exists outside that part and a
plain ``Http404`` when it does not exist at all.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from sanxiang.core.choices import DataScope, RoleCode
from sanxiang.core.exceptions import ScopeViolation
from sanxiang.core.models import AccessGrant, Authority, Department, ExternalUnit, User

M = TypeVar("M", bound=models.Model)

# Breadth of each data scope; an administrator never grants a broader one than their own.
SCOPE_BREADTH: dict[str, int] = {
    DataScope.SELF: 0,
    DataScope.DEPARTMENT: 1,
    DataScope.UNIT: 2,
    DataScope.UNIT_AND_BELOW: 3,
    DataScope.ALL: 4,
}


def is_org_admin(actor: Any) -> bool:
    if actor is None or not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return False
    return bool(actor.is_superuser or actor.has_role(RoleCode.ADMINISTRATOR))


def scope_breadth(actor: User) -> int:
    return SCOPE_BREADTH[DataScope.ALL] if actor.is_superuser else SCOPE_BREADTH[actor.data_scope]


def _sees_all(actor: User) -> bool:
    return actor.is_superuser or actor.data_scope == DataScope.ALL


def authority_list(*, actor: Any) -> QuerySet[Authority]:
    """Authorities the administrator manages, in tree order."""
    qs = Authority.objects.order_by("path")
    if not is_org_admin(actor):
        return qs.none()
    if _sees_all(actor):
        return qs
    if actor.authority_id is None:
        return qs.none()
    if actor.data_scope == DataScope.UNIT_AND_BELOW:
        return qs.filter(path__startswith=actor.authority.path)
    return qs.filter(pk=actor.authority_id)


def authority_writable_list(*, actor: Any) -> QuerySet[Authority]:
    """Authorities whose own data (departments, external units, sub-authorities) the actor may change.

    A department- or self-scoped administrator sees their authority but changes only people.
    """
    if is_org_admin(actor) and scope_breadth(actor) < SCOPE_BREADTH[DataScope.UNIT]:
        return Authority.objects.none()
    return authority_list(actor=actor)


def department_list(*, actor: Any, authority: Authority | None = None) -> QuerySet[Department]:
    qs = Department.objects.select_related("authority")
    if not is_org_admin(actor):
        return qs.none()
    if not _sees_all(actor) and actor.data_scope in (DataScope.DEPARTMENT, DataScope.SELF):
        qs = qs.filter(pk=actor.department_id) if actor.department_id else qs.none()
    elif not _sees_all(actor):
        qs = qs.filter(authority__in=authority_list(actor=actor))
    if authority is not None:
        qs = qs.filter(authority=authority)
    return qs.annotate(staff_count=Count("staff", filter=Q(staff__is_active=True)))


def user_list(
    *,
    actor: Any,
    q: str | None = None,
    authority: Authority | None = None,
    department: Department | None = None,
) -> QuerySet[User]:
    qs = User.objects.select_related("authority", "department").prefetch_related("roles")
    if not is_org_admin(actor):
        return qs.none()
    if not _sees_all(actor):
        if actor.data_scope == DataScope.SELF:
            qs = qs.filter(pk=actor.pk)
        elif actor.data_scope == DataScope.DEPARTMENT:
            qs = (
                qs.filter(department_id=actor.department_id)
                if actor.department_id
                else qs.filter(pk=actor.pk)
            )
        else:
            qs = qs.filter(authority__in=authority_list(actor=actor))
    if not actor.is_superuser:
        # Superusers are managed only by superusers (else a password reset would hand over all).
        qs = qs.filter(is_superuser=False)
    if authority is not None:
        qs = qs.filter(authority=authority)
    if department is not None:
        qs = qs.filter(department=department)
    if q:
        q = q.strip()
        qs = qs.filter(Q(username__icontains=q) | Q(full_name__icontains=q))
    return qs.order_by("authority__path", "username")


def external_unit_list(*, actor: Any, authority: Authority | None = None) -> QuerySet[ExternalUnit]:
    qs = ExternalUnit.objects.select_related("authority", "lead_department")
    if not is_org_admin(actor):
        return qs.none()
    if not _sees_all(actor):
        qs = qs.filter(authority__in=authority_list(actor=actor))
    if authority is not None:
        qs = qs.filter(authority=authority)
    return qs


def access_grant_list(
    *, actor: Any, authority: Authority, include_inactive: bool = False
) -> QuerySet[AccessGrant]:
    """Grants held by the authority's staff or departments (the grantee side)."""
    qs = AccessGrant.objects.select_related("user", "department", "granted_by", "content_type")
    if not authority_list(actor=actor).filter(pk=authority.pk).exists():
        return qs.none()
    qs = qs.filter(Q(user__authority=authority) | Q(department__authority=authority))
    if not include_inactive:
        qs = qs.active()
    return qs.order_by("-granted_at")


def _get(visible: QuerySet[M], model: type[M], pk: Any, action: str) -> M:
    try:
        return visible.get(pk=pk)
    except model.DoesNotExist:
        if model._default_manager.filter(pk=pk).exists():
            raise ScopeViolation(
                model_label=model._meta.label, object_ref=f"pk={pk}", action=action
            ) from None
        raise Http404 from None


def authority_get(*, actor: Any, pk: Any, action: str = "view") -> Authority:
    return _get(authority_list(actor=actor), Authority, pk, action)


def department_get(*, actor: Any, pk: Any, action: str = "view") -> Department:
    return _get(department_list(actor=actor), Department, pk, action)


def user_get(*, actor: Any, pk: Any, action: str = "view") -> User:
    return _get(user_list(actor=actor), User, pk, action)


def external_unit_get(*, actor: Any, pk: Any, action: str = "view") -> ExternalUnit:
    return _get(external_unit_list(actor=actor), ExternalUnit, pk, action)


def access_grant_get(*, actor: Any, pk: Any, action: str = "view") -> AccessGrant:
    managed = authority_list(actor=actor)
    visible = AccessGrant.objects.filter(
        Q(user__authority__in=managed) | Q(department__authority__in=managed)
    )
    if not is_org_admin(actor):
        visible = visible.none()
    return _get(visible, AccessGrant, pk, action)


def authority_tree(*, actor: Any) -> list[dict[str, Any]]:
    """The managed authorities as an indented list (depth relative to the top managed node)."""
    nodes = list(authority_list(actor=actor).annotate(department_count=Count("departments", distinct=True)))
    staff = dict(
        User.objects.filter(authority__in=[n.pk for n in nodes], is_active=True)
        .values("authority")
        .annotate(n=Count("pk"))
        .values_list("authority", "n")
    )
    top = min((n.depth for n in nodes), default=1)
    return [
        {
            "node": n,
            "indent": n.depth - top,
            # Full-width spaces indent without inline styles (the CSP forbids them).
            "prefix": "\u3000" * (n.depth - top) + ("└ " if n.depth > top else ""),
            "department_count": n.department_count,
            "staff_count": staff.get(n.pk, 0),
        }
        for n in nodes
    ]
