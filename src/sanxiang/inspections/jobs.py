"""The directory import (名录库 Excel import) as a background job.

A target directory of tens of thousands of taxpayers takes a while to match and upsert; the
directory's page hands the workbook to the worker and the organiser watches the job's page. The
importers (``services.targets_import_excel`` / ``inspectors_import_excel``) read, match and write
in one transaction, so the job shows one stage until it ends.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sanxiang.jobs.models import Job
from sanxiang.jobs.registry import JobKind, ProgressCallback, register_job_kind
from sanxiang.jobs.services import job_input_files, job_input_open
from sanxiang.kernel.exceptions import ValidationFailed

from . import services
from .choices import DirectoryKind
from .models import Directory

DIRECTORY_IMPORT = "inspections.directory_import"
# The report lists at most this many errors (the page listed 20 as messages before).
MAX_ERRORS = 200


def directory_import_run(job: Job, progress: ProgressCallback) -> dict[str, Any]:
    """Import the job's one workbook into the directory ``params["directory"]`` (all or nothing).

    The directory is looked up again in the owner's scope as it is now; the importer checks the
    organiser's role and scope again. Bad rows are the report's errors (nothing imported)."""
    directory = Directory.objects.visible_to(job.owner).get(pk=job.params["directory"])
    (stored,) = job_input_files(job)
    name = job.params.get("file_name") or stored.original_name
    progress(0, 0, gettext("读取并导入名录库"))
    with job_input_open(stored) as stream:
        content = stream.read()
    importer = (
        services.inspectors_import_excel
        if directory.kind == DirectoryKind.INSPECTOR
        else services.targets_import_excel
    )
    result: dict[str, Any] = {"directory": directory.pk, "directory_name": directory.name, "file_name": name}
    try:
        report = importer(actor=job.owner, directory=directory, file_name=name, content=content)
    except ValidationFailed as exc:
        errors = [str(e) for e in (exc.extra or {}).get("errors", [str(exc.message)])]
        return {
            **result,
            "created": 0,
            "updated": 0,
            "errors": errors[:MAX_ERRORS],
            "error_count": len(errors),
        }
    return {**result, "created": report.created, "updated": report.updated, "errors": [], "error_count": 0}


def register() -> None:
    register_job_kind(
        JobKind(
            code=DIRECTORY_IMPORT,
            label=_("导入名录库（Excel）"),
            run_path="sanxiang.inspections.jobs.directory_import_run",
            report_template="inspections/_directory_import_report.html",
            origin_url="inspections:index",
        )
    )
