"""The organisation-chart import as two background jobs: the dry run, then the confirmed import.

The organisation sits below ``sanxiang.jobs`` in the layers, so it reaches jobs through the
kernel's port (``sanxiang.kernel.jobs``), whose backend the jobs app installs. The upload page
stores the workbook in the file store as the dry-run job's input; the dry run's page shows every
change and error and, when there is none, offers the confirmation, which starts the import job
on the same stored file. ``chart_import.org_chart_import`` reads, matches and writes in one
transaction, so each job shows one stage until it ends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.exceptions import ValidationFailed
from sanxiang.kernel.jobs import JobKind, job_get, job_input_files, job_input_open, register_job_kind

from .services import chart_import

if TYPE_CHECKING:
    from sanxiang.jobs.models import Job
    from sanxiang.kernel.jobs import ProgressCallback

CHART_PREVIEW = "org.chart_preview"
CHART_IMPORT = "org.chart_import"


def _import(job: Job, source: Job, progress: ProgressCallback, *, dry_run: bool) -> dict[str, Any]:
    (stored,) = job_input_files(source)
    name = source.params.get("file_name") or stored.original_name
    progress(0, 0, gettext("检查组织架构表") if dry_run else gettext("导入组织架构表"))
    with job_input_open(stored) as stream:
        try:
            report = chart_import.org_chart_import(
                actor=job.owner, path_or_file=stream, dry_run=dry_run, file_name=name
            )
        except ValidationFailed as exc:  # the real run found errors (the data changed since the preview)
            report = exc.extra["report"]
    return {"file_name": name, **report.as_dict()}


def chart_preview_run(job: Job, progress: ProgressCallback) -> dict[str, Any]:
    """The dry run of the job's one workbook: what the import would change, or every error."""
    return _import(job, job, progress, dry_run=True)


def chart_import_run(job: Job, progress: ProgressCallback) -> dict[str, Any]:
    """Import the workbook of the confirmed dry run ``params["preview_job"]`` (the owner's own)."""
    preview = job_get(actor=job.owner, job_id=job.params["preview_job"])
    return _import(job, preview, progress, dry_run=False)


def register() -> None:
    register_job_kind(
        JobKind(
            code=CHART_PREVIEW,
            label=_("组织架构导入预览"),
            run_path="sanxiang.org.jobs.chart_preview_run",
            report_template="core/org/_import_job_preview.html",
            origin_url="org:import",
        )
    )
    register_job_kind(
        JobKind(
            code=CHART_IMPORT,
            label=_("导入组织架构"),
            run_path="sanxiang.org.jobs.chart_import_run",
            report_template="core/org/_import_job_done.html",
            origin_url="org:import",
        )
    )
