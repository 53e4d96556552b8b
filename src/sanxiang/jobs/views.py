"""Staff pages of background jobs: my jobs, one job's progress (polled by htmx), its result file."""

from __future__ import annotations

from django.http import FileResponse, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from sanxiang.files.services import file_open_for_download
from sanxiang.kernel.access import role_required
from sanxiang.kernel.http import StaffHttpRequest

from . import selectors
from .models import Job
from .registry import job_kind

# Seconds between two polls of a running job's status (htmx; a meta refresh without JavaScript).
POLL_SECONDS = 1


def _context(job: Job) -> dict:
    kind = job_kind(job.kind)
    return {"job": job, "kind": kind, "result": job.result, "poll_seconds": POLL_SECONDS}


@role_required()
@require_GET
def job_list(request: StaffHttpRequest) -> HttpResponse:
    jobs = [(job, job_kind(job.kind)) for job in selectors.job_list(actor=request.user)]
    return render(request, "jobs/job_list.html", {"jobs": jobs})


@role_required()
@require_GET
def job_detail(request: StaffHttpRequest, job_id: int) -> HttpResponse:
    """The job's page; an htmx poll gets only its status block, which stops polling once the job ends."""
    job = selectors.job_get(actor=request.user, job_id=job_id)
    template = "jobs/_job_status.html" if request.headers.get("HX-Request") else "jobs/job_detail.html"
    return render(request, template, _context(job))


@role_required()
@require_GET
def job_download(request: StaffHttpRequest, job_id: int) -> HttpResponse | FileResponse:
    job = selectors.job_get(actor=request.user, job_id=job_id, action="download")
    if job.result_file is None or job.result_file.destroyed_at is not None:  # none, or past its keeping time
        return render(request, "jobs/job_detail.html", _context(job), status=404)
    return file_open_for_download(actor=request.user, file=job.result_file)
