"""Thin tasks of background jobs."""

from __future__ import annotations

from sanxiang.kernel.tasks import task

from .services import job_results_expire, job_run, job_sweep_stale


@task()
def job_run_task(job_id: int) -> str:
    """Claim and run one job (a no-op if it is no longer queued); returns its final status."""
    return job_run(job_id=job_id)


@task()
def job_sweep_stale_task() -> int:
    """Mark failed the jobs whose worker died (scheduled as jobs.sweep_stale)."""
    return job_sweep_stale()


@task()
def job_results_expire_task() -> int:
    """Delete export results past their keeping time (scheduled as jobs.expire_results)."""
    return job_results_expire()
