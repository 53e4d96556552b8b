"""The publicity imports as background jobs: the Excel/CSV entries import and the 文书 import.

Each run function reads the job's input from the file store and calls the ordinary service
(``imports.entries_import``, ``documents.documents_import``) with the job's progress callback;
the services stay usable without a job (tests, the command line, the API).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from sanxiang.jobs.models import Job
from sanxiang.jobs.registry import JobKind, ProgressCallback, register_job_kind
from sanxiang.jobs.services import job_input_files, job_input_open

from . import documents, imports
from .models import Item

ENTRIES_IMPORT = "publicity.entries_import"
DOCUMENTS_IMPORT = "publicity.documents_import"


def entries_import_run(job: Job, progress: ProgressCallback) -> dict[str, Any]:
    """Import the job's one workbook or CSV file as drafts of ``params["item"]``."""
    item = Item.objects.get(code=job.params["item"])
    (stored,) = job_input_files(job)
    with job_input_open(stored) as stream:
        report = imports.entries_import(
            actor=job.owner,
            item=item,
            authority=job.authority,
            stream=stream,
            file_name=job.params.get("file_name") or stored.original_name,
            progress=progress,
        )
    return report.as_dict()


def documents_import_run(job: Job, progress: ProgressCallback) -> dict[str, Any]:
    """Draft one entry per 文书 among the job's input files (.zip files expanded)."""
    uploads = []
    for stored in job_input_files(job):
        with job_input_open(stored) as stream:
            uploads.append((stored.original_name, stream.read()))
    report = documents.documents_import(
        actor=job.owner, authority=job.authority, uploads=uploads, progress=progress
    )
    return report.as_dict()


def register() -> None:
    register_job_kind(
        JobKind(
            code=ENTRIES_IMPORT,
            label=_("导入公示信息（Excel/CSV）"),
            run_path="sanxiang.publicity.jobs.entries_import_run",
            report_template="publicity/_import_report.html",
            origin_url="publicity:entry_import",
        )
    )
    register_job_kind(
        JobKind(
            code=DOCUMENTS_IMPORT,
            label=_("识别文书并起草公示信息"),
            run_path="sanxiang.publicity.jobs.documents_import_run",
            report_template="publicity/_document_report.html",
            origin_url="publicity:entry_import",
        )
    )
