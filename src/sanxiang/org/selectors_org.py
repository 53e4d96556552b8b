"""Readers for organisation administration: what an administrator may see and manage.

Authorities, departments and users are not ``ScopedQuerySet`` models; their scope is spelt out
in ``sanxiang.kernel.access`` (``org_*``), these add ordering, filters and prefetching. Only administrators (role ``administrator``) and superusers manage organisation data; for
anyone else every list is empty and every ``*_get`` is a 404. An administrator's data scope is the
part of the tree they manage: ``all`` everything, ``unit_and_below`` their authority's subtree,
``unit`` their authority, ``department`` their department (and their authority, read-only),
``self`` only themselves.

Getters raise ``ScopeViolation`` (an audited 404) when the object exists outside that part and a
plain ``Http404`` when it does not exist at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet

from sanxiang.kernel import access
from sanxiang.kernel.access import SCOPE_BREADTH, is_org_admin, scope_breadth
from sanxiang.org.models import AccessGrant, Authority, Department, ExternalUnit, User

if TYPE_CHECKING:
    from sanxiang.kernel.access import Actor

__all__ = [
    "SCOPE_BREADTH",
    "access_grant_get",
    "access_grant_list",
    "authority_get",
    "authority_list",
    "authority_tree",
    "authority_writable_list",
    "department_get",
    "department_list",
    "external_unit_get",
    "external_unit_list",
    "is_org_admin",
    "scope_breadth",
    "user_get",
    "user_list",
]


def authority_list(*, actor: Actor) -> QuerySet[Authority]:
    """Authorities the administrator manages, in tree order."""
    return access.org_authorities(actor).order_by("path")


def authority_writable_list(*, actor: Actor) -> QuerySet[Authority]:
    """Authorities whose own data (departments, external units, sub-authorities) the actor may change.

    A department- or self-scoped administrator sees their authority but changes only people.
    """
    return access.org_writable_authorities(actor).order_by("path")


def department_list(*, actor: Actor, authority: Authority | None = None) -> QuerySet[Department]:
    qs = access.org_departments(actor).select_related("authority")
    if authority is not None:
        qs = qs.filter(authority=authority)
    return qs.annotate(staff_count=Count("staff", filter=Q(staff__is_active=True)))


def user_list(
    *,
    actor: Actor,
    q: str | None = None,
    authority: Authority | None = None,
    department: Department | None = None,
) -> QuerySet[User]:
    qs = access.org_users(actor).select_related("authority", "department").prefetch_related("roles")
    if authority is not None:
        qs = qs.filter(authority=authority)
    if department is not None:
        qs = qs.filter(department=department)
    if q:
        q = q.strip()
        qs = qs.filter(Q(username__icontains=q) | Q(full_name__icontains=q))
    return qs.order_by("authority__path", "username")


def external_unit_list(*, actor: Actor, authority: Authority | None = None) -> QuerySet[ExternalUnit]:
    qs = access.org_external_units(actor).select_related("authority", "lead_department")
    if authority is not None:
        qs = qs.filter(authority=authority)
    return qs


def access_grant_list(
    *, actor: Actor, authority: Authority, include_inactive: bool = False
) -> QuerySet[AccessGrant]:
    """Grants held by the authority's staff or departments (the grantee side)."""
    qs = AccessGrant.objects.select_related("user", "department", "granted_by", "content_type")
    if not authority_list(actor=actor).filter(pk=authority.pk).exists():
        return qs.none()
    qs = qs.filter(Q(user__authority=authority) | Q(department__authority=authority))
    if not include_inactive:
        qs = qs.active()
    return qs.order_by("-granted_at")


def authority_get(*, actor: Actor, pk: Any, action: str = "view") -> Authority:
    return access.get_from_or_404(authority_list(actor=actor), pk, action=action)


def department_get(*, actor: Actor, pk: Any, action: str = "view") -> Department:
    return access.get_from_or_404(department_list(actor=actor), pk, action=action)


def user_get(*, actor: Actor, pk: Any, action: str = "view") -> User:
    return access.get_from_or_404(user_list(actor=actor), pk, action=action)


def external_unit_get(*, actor: Actor, pk: Any, action: str = "view") -> ExternalUnit:
    return access.get_from_or_404(external_unit_list(actor=actor), pk, action=action)


def access_grant_get(*, actor: Actor, pk: Any, action: str = "view") -> AccessGrant:
    return access.get_from_or_404(access.org_access_grants(actor), pk, action=action)


def authority_tree(*, actor: Actor) -> list[dict[str, Any]]:
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
