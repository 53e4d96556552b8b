"""Readers of the inbox: a user only ever sees their own notifications."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.http import Http404

from sanxiang.kernel.exceptions import ScopeViolation

from .models import Notification

__all__ = ["inbox_list", "notification_get", "unread_count"]

if TYPE_CHECKING:
    from sanxiang.org.models import User


def inbox_list(user: Any) -> QuerySet[Notification]:
    """The user's notifications, unread first, newest first within each group."""
    unread_first = Case(
        When(read_at__isnull=True, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return Notification.objects.for_recipient(user).order_by(unread_first, "-created_at", "-pk")


def unread_count(user: Any) -> int:
    """How many of the user's notifications are unread (0 for an anonymous visitor)."""
    return Notification.objects.for_recipient(user).unread().count()


def notification_get(*, actor: User, pk: int) -> Notification:
    """One of the actor's own notifications.

    Anyone else's raises ``ScopeViolation`` (a 404 that is audited), a missing one ``Http404``:
    the response is the same, so the caller learns nothing about other inboxes.
    """
    try:
        return Notification.objects.for_recipient(actor).get(pk=pk)
    except Notification.DoesNotExist:
        if Notification.objects.filter(pk=pk).exists():
            raise ScopeViolation(
                model_label=Notification._meta.label, object_ref=f"pk={pk}", action="view"
            ) from None
        raise Http404 from None
