"""Access matrix of background jobs: a job and its result file are its owner's (and administrators'
within their data scope)."""

from __future__ import annotations

from django.utils import timezone

from sanxiang.jobs.services import job_create, job_run
from sanxiang.publicity.jobs import OVERDUE_EXPORT


def cases(demo):
    owner = demo.users["jt_officer"]
    job = job_create(
        actor=owner,
        kind=OVERDUE_EXPORT,
        authority=owner.authority,
        params={"today": timezone.localdate().isoformat(), "filters": {}},
    )
    job_run(job_id=job.pk)  # the result file exists: the download answers 200 for those who may see it
    ref = {"job_id": job.pk}
    # The owner, and the administrators whose data scope holds the job's unit (金台's and the
    # system administrator); everyone else, colleagues of the same unit included, gets a 404.
    seen = {"default": 404, "anonymous": 302, "jt_officer": 200, "jt_admin": 200, "sysadmin": 200}
    return [
        ("jobs:list", {}, {"default": 200, "anonymous": 302}),
        ("jobs:detail", ref, seen),
        ("jobs:download", ref, seen),
    ]
