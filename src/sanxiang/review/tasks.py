"""Thin periodic tasks of the legal review: each calls one service with today's date."""

from __future__ import annotations

from django.utils import timezone

from sanxiang.kernel.tasks import task

from . import services


@task()
def unreviewed_scan_task() -> dict[str, int]:
    """Accept issued decisions without a case and flag 应审未审 ones; tell each unit."""
    counts = services.unreviewed_scan(today=timezone.localdate())
    return {str(k): v for k, v in counts.items()}


@task()
def overdue_remind_task() -> int:
    """Remind reviewers of cases whose stage time limit ran out."""
    return services.overdue_remind(today=timezone.localdate())
