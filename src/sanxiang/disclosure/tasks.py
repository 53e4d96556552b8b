"""Background jobs of proactive disclosure: thin wrappers calling one service."""

from __future__ import annotations

from django.utils import timezone

from sanxiang.kernel.tasks import task

from .services import incidents_alert


@task()
def disclosure_incident_alerts_task() -> dict[str, int]:
    """Alert open-government staff of public-opinion timers about to run out or overdue."""
    return {"alerts": incidents_alert(now=timezone.now())}
