"""Thin background tasks of the disclosure-request module."""

from __future__ import annotations

from django.utils import timezone

from sanxiang.kernel.tasks import task


@task()
def information_requests_daily_task() -> int:
    """Recompute every open request's clock and close the ones deemed abandoned."""
    from .services import refresh_open_clocks

    return refresh_open_clocks(today=timezone.localdate())
