"""The two kinds of Django admin class Sanxiang registers: read-only, or audited.

The staff pages write through the services, which check scope and audit. The admin is the system
administrator's tool for reference data (catalogues, word lists, the organisation); a change made
there is a state change like any other, so it is audited too, in the admin's own transaction:

- ``ReadOnlyAdmin``: the services are the only writers; the admin only shows.
- ``AuditedAdmin``: every addition, change (the change form, the list's editable columns, a
  password change) and deletion (one or a selection) writes an audit event
  ``admin.<app>.<model>.added|changed|deleted`` with the changed fields before and after.

Every ``ModelAdmin`` registered in the project is one of the two (``tests/arch``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django.contrib import admin
from django.db import models, router, transaction
from django.http import HttpRequest, HttpResponse

from .auditing import audit_log, audit_snapshot

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from sanxiang.org.models import User

__all__ = ["AuditedAdmin", "ReadOnlyAdmin"]

_BEFORE = "_sanxiang_admin_before"


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shows rows; nobody adds, changes or deletes them here."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def _snapshot(obj: models.Model, names: list[str] | None = None) -> dict[str, Any]:
    """``audit_snapshot`` of the fields (or only ``names``), many-to-many ones as sorted ids too;
    a password hash is never copied into the trail."""
    concrete = [f.name for f in obj._meta.concrete_fields if names is None or f.name in names]
    values = audit_snapshot(obj, concrete)
    if "password" in values:
        values["password"] = "***"
    if obj.pk is not None:  # roles, posts, groups …: who may do what is the change that matters most
        for m2m in obj._meta.many_to_many:
            if names is None or m2m.name in names:
                values[m2m.name] = sorted(
                    str(pk) for pk in getattr(obj, m2m.name).values_list("pk", flat=True)
                )
    return values


def _actor(request: HttpRequest) -> User:
    return cast("User", request.user)  # the admin site lets only signed-in staff in


def _action(obj: models.Model, verb: str) -> str:
    return f"admin.{obj._meta.app_label}.{obj._meta.model_name}.{verb}"


class AuditedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose every write leaves an audit event (put it first among the bases)."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if change and obj.pk is not None:
            stored = type(obj)._default_manager.filter(pk=obj.pk).first()
            known = {f.name for f in (*obj._meta.concrete_fields, *obj._meta.many_to_many)}
            changed = [name for name in form.changed_data if name in known]
            before = _snapshot(stored, changed) if stored is not None else {}
            setattr(request, _BEFORE, {**getattr(request, _BEFORE, {}), str(obj.pk): (before, changed)})
        super().save_model(request, obj, form, change)

    def log_addition(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        audit_log(actor=_actor(request), action=_action(obj, "added"), target=obj, after=_snapshot(obj))
        return super().log_addition(request, obj, message)

    def log_change(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        before, changed = getattr(request, _BEFORE, {}).get(str(obj.pk), ({}, None))
        audit_log(
            actor=_actor(request),
            action=_action(obj, "changed"),
            target=obj,
            before=before,
            after=_snapshot(obj, changed) if changed is not None else {},
            data={"message": str(message)[:500]} if message else None,
        )
        return super().log_change(request, obj, message)

    def log_deletions(self, request: HttpRequest, queryset: Any) -> Any:
        for obj in queryset:
            audit_log(
                actor=_actor(request), action=_action(obj, "deleted"), target=obj, before=_snapshot(obj)
            )
        return super().log_deletions(request, queryset)

    def response_action(
        self, request: HttpRequest, queryset: QuerySet[Any], *args: Any, **kwargs: Any
    ) -> HttpResponse | None:
        # An action (e.g. "delete selected") logs and writes in one transaction, like the forms.
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().response_action(request, queryset, *args, **kwargs)
