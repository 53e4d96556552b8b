"""Periodic jobs of the portal; the schedule is registered in ``PortalConfig.ready``."""

from __future__ import annotations

from django.utils import timezone

from sanxiang.kernel.tasks import task

from .services import public_entries_expire_due


@task()
def expire_entries_task() -> int:
    """Take entries whose display period has ended off the portal; returns how many."""
    return public_entries_expire_due(now=timezone.now())


@task()
def statistics_refresh_task() -> int:
    """Recompute the portal's statistics into the cache every worker reads; returns the total."""
    from .selectors import statistics_refresh

    return statistics_refresh(now=timezone.now())["total"]
