"""Background jobs of supervision: thin wrappers calling one service."""

from __future__ import annotations

from django.utils import timezone

from sanxiang.kernel.tasks import task

from .services import supervision_daily


@task()
def supervision_daily_task() -> dict[str, int]:
    """Refresh statuses and lights, send reminders and escalate overdue milestones for today."""
    result = supervision_daily(today=timezone.localdate())
    return {
        "reminded": result.reminded,
        "urged": result.urged,
        "orders": result.orders,
        "leaders": result.leaders,
    }
