"""The one access module: data scope, roles and object access for every app.

Every view, API endpoint, service and selector asks *here* who may see or do what:

- **Data scope** — ``ScopeSpec`` on a model, ``Model.objects.visible_to(actor)``,
  ``get_visible_or_404(...)`` (404 and an audited refusal for an object outside the scope),
  ``authority_in_scope`` / ``authorities_in_scope`` for writes *into* an authority.
- **Roles** — ``has_role(actor, *codes)``; ``require_role(actor, *codes)`` in services
  (raises ``PermissionDeniedError``); ``role_required(*codes)`` for function views,
  ``RoleRequiredMixin`` for class-based views, ``HasRole`` for DRF views (``required_roles``
  and optionally ``write_roles`` on the view).
- **Object access** — scope plus ``AccessGrant`` (workflow assignment), through ``visible_to``;
  ``can_see(actor, obj)`` for a single object.

A superuser holds every role. An anonymous or inactive user holds none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import models
from rest_framework import permissions

from sanxiang.core.exceptions import PermissionDeniedError, ScopeViolation
from sanxiang.core.scope import (
    ScopedQuerySet,
    ScopeSpec,
    authorities_in_scope,
    authority_in_scope,
    get_visible_or_404,
    grant_q,
    scope_q,
)

if TYPE_CHECKING:
    from sanxiang.core.models import User

__all__ = [
    "HasRole",
    "RoleRequiredMixin",
    "ScopeSpec",
    "ScopedQuerySet",
    "authorities_in_scope",
    "authority_in_scope",
    "can_see",
    "get_visible_or_404",
    "grant_q",
    "has_role",
    "require_role",
    "require_visible",
    "role_required",
    "scope_q",
]

V = TypeVar("V", bound=Callable[..., Any])


def has_role(actor: User | Any, *codes: str) -> bool:
    """Whether ``actor`` is an active, signed-in user holding one of ``codes`` (superuser: always).

    With no codes: any signed-in active staff member.
    """
    if actor is None or not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return False
    if actor.is_superuser or not codes:
        return True
    return bool(actor.has_role(*codes))


def require_role(actor: User | Any, *codes: str, message: Any = None) -> None:
    """Service guard: raise ``PermissionDeniedError`` (403) unless ``actor`` holds one of ``codes``."""
    if not has_role(actor, *codes):
        raise PermissionDeniedError(message)


def can_see(actor: User | Any, obj: models.Model) -> bool:
    """Whether ``obj`` (of a scoped model) lies in ``actor``'s scope or is granted to them."""
    manager = type(obj)._default_manager
    return bool(manager.all().visible_to(actor).filter(pk=obj.pk).exists())  # type: ignore[attr-defined]


def require_visible(actor: User | Any, obj: models.Model, *, action: str = "change") -> None:
    """Service guard: raise ``ScopeViolation`` (an audited 404) unless ``actor`` may see ``obj``."""
    if not can_see(actor, obj):
        raise ScopeViolation(model_label=obj._meta.label, object_ref=f"pk={obj.pk}", action=action)


def role_required(*codes: str) -> Callable[[V], V]:
    """Function-view decorator: login (else redirect), then one of ``codes`` (else 403).

    With no codes: any signed-in active staff member.
    """

    def decorator(view: V) -> V:
        @login_required
        @wraps(view)
        def wrapped(request: Any, *args: Any, **kwargs: Any) -> Any:
            if not has_role(request.user, *codes):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


class RoleRequiredMixin(LoginRequiredMixin):
    """Class-based-view twin of ``role_required``: set ``required_roles`` on the view."""

    required_roles: Iterable[str] = ()

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if request.user.is_authenticated and not has_role(request.user, *self.required_roles):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


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
