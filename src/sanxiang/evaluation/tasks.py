"""Background jobs of the evaluation: thin wrappers calling one service."""

from __future__ import annotations

from django.utils import timezone

from sanxiang.kernel.tasks import task

from .services import evaluation_daily, results_refresh


@task()
def evaluation_daily_task() -> dict[str, int]:
    """Refresh the loop checks and take today's routine snapshot."""
    return evaluation_daily(now=timezone.now())


@task()
def evaluation_refresh_task() -> dict[str, int]:
    """Recompute the figures the evaluation pages show (shared by every worker)."""
    return results_refresh(now=timezone.now())
