"""Readers of background jobs: only the owner's, and an administrator's within their scope."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from sanxiang.kernel.access import get_visible_or_404

from .models import Job

if TYPE_CHECKING:
    from sanxiang.org.models import User

MY_JOBS_LIMIT = 100


def job_list(*, actor: User) -> models.QuerySet[Job]:
    """The actor's own jobs, newest first (an administrator's list too shows only their own)."""
    return Job.objects.filter(owner=actor).select_related("result_file")[:MY_JOBS_LIMIT]


def job_get(*, actor: User, job_id: int, action: str = "view") -> Job:
    """One job the actor may see: 404 if missing, an audited 404 (``ScopeViolation``) if not theirs."""
    return get_visible_or_404(
        Job.objects.select_related("owner", "result_file"), actor, action=action, pk=job_id
    )
