"""The one access module: data scope, roles and object access for every app.

Every view, API endpoint, service and selector asks *here* who may see or do what; no other
module compares a data scope, walks the authority tree for a permission, or tests a role:

- **Data scope** — ``ScopeSpec`` on a model, ``Model.objects.visible_to(actor)``,
  ``get_visible_or_404(...)`` (404 and an audited refusal for an object outside the scope),
  ``authority_in_scope`` / ``authorities_in_scope`` for writes *into* an authority, ``sees_all``.
  The organisation tree is a treebeard materialised-path tree: "this unit and below" is one path
  prefix filter (``subtree``), superiors come from the path (``lineage``, ``superior_of``).
- **Roles** — ``has_role(actor, *codes)``; ``require_role(actor, *codes)`` in services
  (raises ``PermissionDeniedError``); ``role_required(*codes)`` for function views,
  ``RoleRequiredMixin`` for class-based views, ``HasRole`` for DRF views (``required_roles``
  and optionally ``write_roles`` on the view).
- **Object access** — scope plus ``AccessGrant`` (workflow assignment), through ``visible_to``;
  ``can_see(actor, obj)`` / ``require_visible(actor, obj)`` for a single object.
- **Organisation administration** — authorities, departments, users and grants are not scoped
  models; ``org_*`` below spell out which of them an administrator manages.

A superuser holds every role and sees everything. An anonymous or inactive user holds none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps
from typing import TYPE_CHECKING, Any, Self, TypeVar

from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import permissions

from sanxiang.kernel.choices import DataScope, RoleCode
from sanxiang.kernel.exceptions import PermissionDeniedError, ScopeViolation, ValidationFailed

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpRequest, HttpResponseBase

    from sanxiang.org.models import AccessGrant, Authority, Department, ExternalUnit, User

    Actor = User | AnonymousUser | None

__all__ = [
    "SCOPE_BREADTH",
    "HasRole",
    "RoleRequiredMixin",
    "ScopeSpec",
    "ScopedQuerySet",
    "authorities_in_scope",
    "authority_in_scope",
    "can_see",
    "get_from_or_404",
    "get_visible_or_404",
    "grant_q",
    "has_role",
    "holds_role",
    "may_use_admin_site",
    "is_org_admin",
    "lineage",
    "lineage_paths",
    "org_access_grants",
    "org_authorities",
    "org_departments",
    "org_external_units",
    "org_require_admin",
    "org_require_grantable_scope",
    "org_require_manages_authority",
    "org_require_manages_user",
    "org_require_may_place_user",
    "org_users",
    "org_writable_authorities",
    "require_role",
    "require_visible",
    "role_required",
    "scope_breadth",
    "scope_q",
    "sees_all",
    "subtree",
    "superior_of",
]

M = TypeVar("M", bound=models.Model)
V = TypeVar("V", bound=Callable[..., Any])


def _org_model(name: str) -> Any:
    """A model of the organisation app (label ``core``), through the app registry: the kernel
    never imports the organisation's code."""
    from django.apps import apps

    return apps.get_model("core", name)


def _signed_in(actor: Any) -> bool:
    return bool(actor is not None and getattr(actor, "is_authenticated", False) and actor.is_active)


# --- roles -------------------------------------------------------------------------------------


def has_role(actor: Actor, *codes: str) -> bool:
    """Whether ``actor`` is an active, signed-in user holding one of ``codes`` (superuser: always).

    With no codes: any signed-in active staff member.
    """
    if not _signed_in(actor):
        return False
    assert actor is not None
    if actor.is_superuser or not codes:
        return True
    return bool(actor.has_role(*codes))  # type: ignore[union-attr]  # signed in: a User


def may_use_admin_site(user: Actor) -> bool:
    """Whether ``user`` may open Django's admin site (/admin/) and change data there.

    The admin site reads whole tables with no data scope, so only a 系统管理员 whose data scope is
    all data (or a superuser) may use it; a district administrator works in the staff pages, which
    scope every list. ``User.is_staff`` mirrors this, kept in sync by the org services.
    """
    if not _signed_in(user):
        return False
    assert user is not None
    if user.is_superuser:
        return True
    return bool(user.data_scope == DataScope.ALL and user.has_role(RoleCode.ADMINISTRATOR))  # type: ignore[union-attr]


def holds_role(actor: Actor, *codes: str) -> bool:
    """Whether ``actor`` is a signed-in active user who is *given* one of ``codes`` — membership
    only, no superuser override (for choosing what to show a person, e.g. which to-dos)."""
    if not _signed_in(actor) or not codes:
        return False
    return bool(actor.has_role(*codes))  # type: ignore[union-attr]  # signed in: a User


def require_role(actor: Actor, *codes: str, message: Any = None) -> None:
    """Service guard: raise ``PermissionDeniedError`` (403) unless ``actor`` holds one of ``codes``."""
    if not has_role(actor, *codes):
        raise PermissionDeniedError(message)


def role_required(*codes: str) -> Callable[[V], V]:
    """Function-view decorator: login (else redirect), then one of ``codes`` (else 403).

    With no codes: any signed-in active staff member.
    """

    def decorator(view: V) -> V:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if not has_role(request.user, *codes):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped  # type: ignore[return-value]  # same signature as ``view``

    return decorator


class RoleRequiredMixin:
    """Class-based-view twin of ``role_required``: set ``required_roles`` on the view.

    Anonymous visitors are redirected to the login page (as ``LoginRequiredMixin`` does; that
    mixin is not inherited because importing it loads the auth forms, and model modules import
    this module while the app registry is still loading).
    """

    required_roles: Iterable[str] = ()

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        if not has_role(request.user, *self.required_roles):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]  # a View follows


class HasRole(permissions.BasePermission):
    """DRF permission: reads need one of ``view.required_roles`` (empty: any staff member);
    unsafe methods need one of ``view.write_roles`` when the view sets it, else ``required_roles``.
    Data scope stays the queryset's business (``visible_to``)."""

    def has_permission(self, request: Any, view: Any) -> bool:
        read_roles = tuple(getattr(view, "required_roles", ()))
        if request.method in permissions.SAFE_METHODS:
            return has_role(request.user, *read_roles)
        write_roles = getattr(view, "write_roles", None)
        return has_role(request.user, *(tuple(write_roles) if write_roles is not None else read_roles))


# --- the organisation tree (treebeard materialised paths) ---------------------------------------


def subtree(authority: Authority, *, include_self: bool = True) -> models.QuerySet[Authority]:
    """``authority`` and every authority below it: one prefix filter on treebeard's materialised
    path (not ``get_tree``, which trusts a possibly stale in-memory ``numchild``)."""
    qs = type(authority).objects.filter(path__startswith=authority.path)
    return qs if include_self else qs.exclude(pk=authority.pk)


def lineage_paths(authority: Authority) -> list[str]:
    """The materialised paths of ``authority`` and every superior of it, top first."""
    steplen = type(authority).steplen
    return [authority.path[:end] for end in range(steplen, len(authority.path) + 1, steplen)]


def lineage(authority: Authority) -> models.QuerySet[Authority]:
    """``authority`` and every superior of it (treebeard's ancestors plus the node itself)."""
    return type(authority).objects.filter(path__in=lineage_paths(authority))


def superior_of(authority: Authority) -> Authority | None:
    """The direct superior authority (treebeard's parent), None for a root."""
    parent: Authority | None = type(authority).objects.get_parent(authority)
    return parent


# --- data scope ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScopeSpec:
    """Lookup paths from a scoped model to its authority, department and owning user.

    ``roles``: if given, only users holding one of these roles see anything of the model within
    their scope (grants still apply).
    """

    authority: str | None = "authority"
    department: str | None = None
    owner: str | None = None
    roles: tuple[str, ...] = ()


def sees_all(actor: Actor) -> bool:
    """Whether ``actor``'s data scope is everything (a superuser's always is)."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return False
    return bool(actor.is_superuser or actor.data_scope == DataScope.ALL)  # type: ignore[union-attr]


def scope_q(spec: ScopeSpec, user: User) -> models.Q | None:
    """The filter for ``user``'s data scope on a model with ``spec``; None means everything."""
    scope = user.data_scope
    if user.is_superuser or scope == DataScope.ALL:
        return None
    nothing = models.Q(pk__in=[])
    if scope == DataScope.SELF:
        return models.Q(**{spec.owner: user}) if spec.owner else nothing
    if scope == DataScope.DEPARTMENT:
        if spec.department and user.department_id:
            return models.Q(**{f"{spec.department}_id": user.department_id})
        return models.Q(**{spec.owner: user}) if spec.owner else nothing
    if user.authority_id is None or spec.authority is None:
        return nothing
    if scope == DataScope.UNIT:
        return models.Q(**{f"{spec.authority}_id": user.authority_id})
    # UNIT_AND_BELOW: the materialised path of a descendant starts with the ancestor's path.
    assert user.authority is not None
    return models.Q(**{f"{spec.authority}__path__startswith": user.authority.path})


def grant_q(model: type[models.Model], user: User) -> models.Q:
    """Objects of ``model`` granted to ``user`` or the user's department (active grants)."""
    AccessGrant = _org_model("AccessGrant")

    grantee = models.Q(user=user)
    if user.department_id:
        grantee |= models.Q(department_id=user.department_id)
    granted = (
        AccessGrant.objects.active()
        .filter(grantee, content_type=ContentType.objects.get_for_model(model, for_concrete_model=False))
        .values("object_id")
    )
    return models.Q(pk__in=granted)


class ScopedQuerySet(models.QuerySet[M]):
    """QuerySet of a model that declares ``scope = ScopeSpec(...)``."""

    def visible_to(self, user: Actor) -> Self:
        if user is None or not user.is_authenticated:
            return self.none()
        spec: ScopeSpec = self.model.scope  # type: ignore[attr-defined]  # declared by scoped models
        if spec.roles and not user.is_superuser and not user.has_role(*spec.roles):
            in_scope = models.Q(pk__in=[])
        else:
            maybe = scope_q(spec, user)
            if maybe is None:
                return self.all()
            in_scope = maybe
        return self.filter(in_scope | grant_q(self.model, user))


def authority_in_scope(user: Actor, authority: Authority) -> bool:
    """Whether ``authority`` lies inside ``user``'s data scope (for writes *into* an authority).

    Department and self scopes write into the user's own authority only.
    """
    if not _signed_in(user):
        return False
    assert user is not None and user.is_authenticated
    if user.is_superuser or user.data_scope == DataScope.ALL:
        return True
    if user.authority_id is None:
        return False
    if user.data_scope == DataScope.UNIT_AND_BELOW:
        assert user.authority is not None
        return authority.path.startswith(user.authority.path)
    return bool(authority.pk == user.authority_id)


def authorities_in_scope(user: Actor) -> models.QuerySet[Authority]:
    """The authorities ``user`` may write into; the queryset twin of ``authority_in_scope``."""
    Authority = _org_model("Authority")

    if user is None or not user.is_authenticated:
        return Authority.objects.none()
    if user.is_superuser or user.data_scope == DataScope.ALL:
        return Authority.objects.all()
    if user.authority_id is None:
        return Authority.objects.none()
    if user.data_scope == DataScope.UNIT_AND_BELOW:
        assert user.authority is not None
        return subtree(user.authority)
    return Authority.objects.filter(pk=user.authority_id)


def get_visible_or_404(
    source: type[M] | models.QuerySet[M], user: Actor, *, action: str = "view", **lookup: Any
) -> M:
    """Fetch one object the user may see; 404 if missing, ``ScopeViolation`` if out of scope."""
    queryset = source._default_manager.all() if isinstance(source, type) else source
    try:
        return queryset.visible_to(user).get(**lookup)  # type: ignore[attr-defined]  # a ScopedQuerySet
    except ObjectDoesNotExist:
        if queryset.filter(**lookup).exists():
            raise ScopeViolation(
                model_label=queryset.model._meta.label,
                object_ref=",".join(f"{k}={v}" for k, v in sorted(lookup.items())),
                action=action,
            ) from None
        raise Http404 from None


def get_from_or_404(visible: models.QuerySet[M], pk: Any, *, action: str = "view") -> M:
    """``visible.get(pk=pk)``; ``ScopeViolation`` (audited 404) if the object exists outside
    ``visible``, a plain 404 if it does not exist at all."""
    model = visible.model
    try:
        return visible.get(pk=pk)
    except ObjectDoesNotExist:
        if model._default_manager.filter(pk=pk).exists():
            raise ScopeViolation(
                model_label=model._meta.label, object_ref=f"pk={pk}", action=action
            ) from None
        raise Http404 from None


def can_see(actor: Actor, obj: models.Model) -> bool:
    """Whether ``obj`` (of a scoped model) lies in ``actor``'s scope or is granted to them."""
    manager = type(obj)._default_manager
    return bool(manager.all().visible_to(actor).filter(pk=obj.pk).exists())  # type: ignore[attr-defined]


def require_visible(actor: Actor, obj: models.Model, *, action: str = "change") -> None:
    """Service guard: raise ``ScopeViolation`` (an audited 404) unless ``actor`` may see ``obj``."""
    if not can_see(actor, obj):
        raise ScopeViolation(model_label=obj._meta.label, object_ref=f"pk={obj.pk}", action=action)


# --- organisation administration ----------------------------------------------------------------

# Breadth of each data scope; an administrator never grants a broader one than their own.
SCOPE_BREADTH: dict[str, int] = {
    DataScope.SELF: 0,
    DataScope.DEPARTMENT: 1,
    DataScope.UNIT: 2,
    DataScope.UNIT_AND_BELOW: 3,
    DataScope.ALL: 4,
}


def scope_breadth(actor: User) -> int:
    return SCOPE_BREADTH[DataScope.ALL] if actor.is_superuser else SCOPE_BREADTH[actor.data_scope]


def is_org_admin(actor: Actor) -> bool:
    """Administrators (role ``administrator``) and superusers manage organisation data."""
    return has_role(actor, RoleCode.ADMINISTRATOR)


def org_authorities(actor: Actor) -> models.QuerySet[Authority]:
    """The authorities an administrator manages: ``all`` everything, ``unit_and_below`` their
    subtree, any narrower scope their own authority; nothing for anyone else."""
    Authority = _org_model("Authority")

    if not is_org_admin(actor):
        return Authority.objects.none()
    return authorities_in_scope(actor)


def org_writable_authorities(actor: Actor) -> models.QuerySet[Authority]:
    """Authorities whose own data (departments, external units, sub-authorities) the actor may
    change: a department- or self-scoped administrator sees their authority but changes only people."""
    Authority = _org_model("Authority")

    if not is_org_admin(actor):
        return Authority.objects.none()
    assert actor is not None and actor.is_authenticated
    if scope_breadth(actor) < SCOPE_BREADTH[DataScope.UNIT]:
        return Authority.objects.none()
    return org_authorities(actor)


def org_departments(actor: Actor) -> models.QuerySet[Department]:
    """Departments an administrator manages (department and self scopes: their own department)."""
    Department = _org_model("Department")

    qs = Department.objects.all()
    if not is_org_admin(actor):
        return qs.none()
    assert actor is not None and actor.is_authenticated
    if sees_all(actor):
        return qs
    if actor.data_scope in (DataScope.DEPARTMENT, DataScope.SELF):
        return qs.filter(pk=actor.department_id) if actor.department_id else qs.none()
    return qs.filter(authority__in=org_authorities(actor))


def org_users(actor: Actor) -> models.QuerySet[User]:
    """Users an administrator manages; superusers are managed only by superusers (else a
    password reset would hand over everything)."""
    User = _org_model("User")

    qs = User.objects.all()
    if not is_org_admin(actor):
        return qs.none()
    assert actor is not None and actor.is_authenticated
    if not sees_all(actor):
        if actor.data_scope == DataScope.SELF:
            qs = qs.filter(pk=actor.pk)
        elif actor.data_scope == DataScope.DEPARTMENT:
            qs = (
                qs.filter(department_id=actor.department_id)
                if actor.department_id
                else qs.filter(pk=actor.pk)
            )
        else:
            qs = qs.filter(authority__in=org_authorities(actor))
    if not actor.is_superuser:
        qs = qs.filter(is_superuser=False)
    return qs


def org_external_units(actor: Actor) -> models.QuerySet[ExternalUnit]:
    ExternalUnit = _org_model("ExternalUnit")

    qs = ExternalUnit.objects.all()
    if not is_org_admin(actor):
        return qs.none()
    return qs if sees_all(actor) else qs.filter(authority__in=org_authorities(actor))


def org_access_grants(actor: Actor) -> models.QuerySet[AccessGrant]:
    """Grants held by staff or departments of the authorities an administrator manages."""
    AccessGrant = _org_model("AccessGrant")

    managed = org_authorities(actor)
    visible = AccessGrant.objects.filter(
        models.Q(user__authority__in=managed) | models.Q(department__authority__in=managed)
    )
    return visible if is_org_admin(actor) else visible.none()


def org_require_admin(actor: Actor) -> None:
    if not is_org_admin(actor):
        raise PermissionDeniedError(_("只有系统管理员可以管理组织机构。"))


def org_require_manages_authority(actor: User, authority: Authority) -> None:
    """The authority's own data (departments, sub-authorities, external units) is the actor's to
    change: a department- or self-scoped administrator sees their authority but changes only people."""
    org_require_admin(actor)
    if not org_writable_authorities(actor).filter(pk=authority.pk).exists():
        raise PermissionDeniedError(
            _("您的数据权限不包括「%(name)s」，不能管理该机关。") % {"name": authority.name}
        )


def org_require_may_place_user(
    actor: User, authority: Authority | None, department: Department | None
) -> None:
    """A user may be placed only where the actor could see them afterwards."""
    org_require_admin(actor)
    if sees_all(actor):
        return
    if authority is None:
        raise PermissionDeniedError(_("只有全部数据权限的管理员可以创建不属于任何机关的用户。"))
    if actor.data_scope in (DataScope.DEPARTMENT, DataScope.SELF):
        if department is None or department.pk != actor.department_id:
            raise PermissionDeniedError(_("您的数据权限为本部门，只能管理本部门的人员。"))
        return
    if not org_authorities(actor).filter(pk=authority.pk).exists():
        raise PermissionDeniedError(
            _("您的数据权限不包括「%(name)s」，不能在该机关管理人员。") % {"name": authority.name}
        )


def org_require_manages_user(actor: User, user: User) -> None:
    org_require_admin(actor)
    if not org_users(actor).filter(pk=user.pk).exists():
        raise PermissionDeniedError(_("您的数据权限不包括该人员。"))
    if not actor.is_superuser and SCOPE_BREADTH[user.data_scope] > scope_breadth(actor):
        raise PermissionDeniedError(_("该人员的数据权限大于您的数据权限，您不能管理该人员。"))


def org_require_grantable_scope(actor: User, data_scope: str) -> None:
    """An administrator never grants a broader data scope than their own."""
    if data_scope not in DataScope.values:
        raise ValidationFailed(_("数据权限「%(value)s」无效。") % {"value": data_scope})
    if SCOPE_BREADTH[data_scope] > scope_breadth(actor):
        raise PermissionDeniedError(
            _("不能授予比您自己更大的数据权限（您的数据权限：%(own)s）。")
            % {"own": DataScope(actor.data_scope).label if not actor.is_superuser else DataScope.ALL.label}
        )
