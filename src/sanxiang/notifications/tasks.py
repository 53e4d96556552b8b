"""Background tasks of the notifications app: thin wrappers taking ids around one service each."""

from __future__ import annotations

from django.utils import timezone

from sanxiang.kernel.tasks import task

from . import services


@task()
def send_notification_email_task(notification_id: int) -> bool:
    """E-mail one notification (idempotent: sends at most once)."""
    return services.notification_email_send(notification_id=notification_id)


@task()
def send_notification_digest_task() -> int:
    """Periodic: e-mail each staff member a digest of messages unread for a day."""
    return services.notification_digest_send(now=timezone.now())
