"""Thin periodic tasks of enforcement publicity; each calls one service."""

from __future__ import annotations

from django.utils import timezone

from sanxiang.kernel.tasks import task

from . import services


@task()
def publicity_daily_task() -> dict:
    """Withdrawal limits for changed decisions, display expiry and reminders, once a day."""
    today = timezone.localdate()
    return {
        "withdrawal_limits": services.withdrawal_deadlines_sync(today=today),
        "expired": services.expire_due_entries(today=today),
        "reminders": services.send_reminders(today=today),
    }
