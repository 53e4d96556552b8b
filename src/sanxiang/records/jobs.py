"""The taxpayer's archive export (一户式 BagIt package) as a background job.

A taxpayer's audio/video records can add up to gigabytes: copying them out of the store, letting
bagit validate every byte against its manifests and zipping the bag takes minutes, far beyond a
request. The archive page hands the export to the worker; the job's page follows the copy and the
zip, then offers the package, which is kept in the file store as the job's result (opened only
through the job's pages: its owner and the administrators of its unit).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sanxiang.enforcement import selectors as enforcement_selectors
from sanxiang.jobs.models import Job
from sanxiang.jobs.registry import JobKind, ProgressCallback, register_job_kind
from sanxiang.jobs.services import job_result_store
from sanxiang.kernel.exceptions import PermissionDeniedError

from .bagexport import taxpayer_bag_export

TAXPAYER_EXPORT = "records.taxpayer_export"


def taxpayer_export_run(job: Job, progress: ProgressCallback) -> dict[str, Any]:
    """Build, validate and zip the bag of ``params["taxpayer"]`` for the owner with ``params["reason"]``.

    The taxpayer is looked up again in the owner's scope as it is now, and the export checks the
    download role and the reason again; custody events are logged as on the page before."""
    try:
        taxpayer = enforcement_selectors.taxpayer_get(
            actor=job.owner, pk=job.params["taxpayer"], action="export"
        )
    except Http404:
        raise PermissionDeniedError(gettext("该纳税人已不在您的数据权限范围内，未导出。")) from None
    bag = taxpayer_bag_export(
        actor=job.owner, taxpayer=taxpayer, reason=job.params.get("reason", ""), progress=progress
    )
    path = bag.path
    try:
        progress(0, 0, gettext("保存档案包"))
        with Path(path).open("rb") as stream:
            stored = job_result_store(
                job=job,
                stream=stream,
                name=f"taxpayer-{taxpayer.pk}-{timezone.localdate():%Y%m%d}.zip",
                content_type="application/zip",
            )
    finally:
        path.unlink(missing_ok=True)
    return {
        "taxpayer": taxpayer.pk,
        "taxpayer_name": taxpayer.name,
        "records": bag.records,
        "size": stored.size,
        "result_file": stored,
    }


def register() -> None:
    register_job_kind(
        JobKind(
            code=TAXPAYER_EXPORT,
            label=_("导出一户式档案包（BagIt）"),
            run_path="sanxiang.records.jobs.taxpayer_export_run",
            report_template="records/_taxpayer_export_report.html",
            origin_url="records:record_list",
        )
    )
