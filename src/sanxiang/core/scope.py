"""The one data-scope mechanism: every queryset reachable from a request goes through it.

A scoped model declares how it maps onto the organisation::

    class EnforcementAct(models.Model):
        scope = ScopeSpec(authority="authority", department="department", owner="created_by")
        objects = ScopedQuerySet.as_manager()

``Model.objects.visible_to(user)`` then returns what the user's data scope allows
(all / unit_and_below / unit / department / self), plus the objects granted to the user or the
user's department through an active ``AccessGrant`` (workflow assignment), and nothing for an
anonymous user. ``get_visible_or_404`` raises ``ScopeViolation`` (a 404) for an object that exists
outside the scope, so that the refusal can be audited without telling the caller it exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import Http404

from sanxiang.core.choices import DataScope
from sanxiang.core.exceptions import ScopeViolation

if TYPE_CHECKING:
    from sanxiang.core.models import User

M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class ScopeSpec:
    """Lookup paths from a scoped model to its authority, department and owning user.

    ``roles``: if given, only users holding one of these roles see anything of the model within
    their scope (grants still apply). ``public``: a Q that anonymous visitors may see (portal data
    is read through its own published-and-masked models, so this stays None for staff data).
    """

    authority: str | None = "authority"
    department: str | None = None
    owner: str | None = None
    roles: tuple[str, ...] = ()


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
    return models.Q(**{f"{spec.authority}__path__startswith": user.authority.path})


def grant_q(model: type[models.Model], user: User) -> models.Q:
    from sanxiang.core.models import AccessGrant

    grantee = models.Q(user=user)
    if user.department_id:
        grantee |= models.Q(department_id=user.department_id)
    granted = (
        AccessGrant.objects.active()
        .filter(grantee, content_type=ContentType.objects.get_for_model(model, for_concrete_model=False))
        .values("object_id")
    )
    return models.Q(pk__in=granted)


class ScopedQuerySet(models.QuerySet):
    """QuerySet of a model that declares ``scope = ScopeSpec(...)``."""

    def visible_to(self, user: Any) -> ScopedQuerySet:
        if user is None or not getattr(user, "is_authenticated", False):
            return self.none()
        spec: ScopeSpec = self.model.scope
        if spec.roles and not user.is_superuser and not user.has_role(*spec.roles):
            in_scope = models.Q(pk__in=[])
        else:
            in_scope = scope_q(spec, user)
            if in_scope is None:
                return self.all()
        return self.filter(in_scope | grant_q(self.model, user))


def authority_in_scope(user: Any, authority: Any) -> bool:
    """Whether ``authority`` lies inside ``user``'s data scope (for writes *into* an authority).

    Department and self scopes write into the user's own authority only.
    """
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser or user.data_scope == DataScope.ALL:
        return True
    if user.authority_id is None:
        return False
    if user.data_scope == DataScope.UNIT_AND_BELOW:
        return authority.path.startswith(user.authority.path)
    return authority.pk == user.authority_id


def authorities_in_scope(user: Any) -> models.QuerySet:
    """The authorities ``user`` may write into; the queryset twin of ``authority_in_scope``."""
    from sanxiang.core.models import Authority

    if user is None or not getattr(user, "is_authenticated", False):
        return Authority.objects.none()
    if user.is_superuser or user.data_scope == DataScope.ALL:
        return Authority.objects.all()
    if user.authority_id is None:
        return Authority.objects.none()
    if user.data_scope == DataScope.UNIT_AND_BELOW:
        return Authority.objects.filter(path__startswith=user.authority.path)
    return Authority.objects.filter(pk=user.authority_id)


def get_visible_or_404(
    source: type[M] | models.QuerySet, user: Any, *, action: str = "view", **lookup: Any
) -> M:
    """Fetch one object the user may see; 404 if missing, ``ScopeViolation`` if out of scope."""
    queryset = source._default_manager.all() if isinstance(source, type) else source
    try:
        return queryset.visible_to(user).get(**lookup)
    except queryset.model.DoesNotExist:
        if queryset.filter(**lookup).exists():
            raise ScopeViolation(
                model_label=queryset.model._meta.label,
                object_ref=",".join(f"{k}={v}" for k, v in sorted(lookup.items())),
                action=action,
            ) from None
        raise Http404 from None
