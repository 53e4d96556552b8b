"""The publicity imports as background jobs: the Excel/CSV entries import and the 文书 import.

Each run function reads the job's input from the file store and calls the ordinary service
(``imports.entries_import``, ``documents.documents_import``) with the job's progress callback;
the services stay usable without a job (tests, the command line, the API).
"""

from __future__ import annotations

import datetime
import io
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sanxiang.jobs.models import Job
from sanxiang.jobs.registry import JobKind, ProgressCallback, register_job_kind
from sanxiang.jobs.services import job_input_files, job_input_open, job_result_store

from . import documents, exports, imports, selectors
from .forms import OverdueFilterForm
from .models import Item

ENTRIES_IMPORT = "publicity.entries_import"
DOCUMENTS_IMPORT = "publicity.documents_import"
OVERDUE_EXPORT = "publicity.overdue_export"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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


def overdue_export_run(job: Job, progress: ProgressCallback) -> dict[str, Any]:
    """The overdue list (超期未公示) as filtered on the page, as a workbook in the file store.

    The filters are checked again against the owner's scope as it is now, through the page's form."""
    today = datetime.date.fromisoformat(job.params["today"])
    form = OverdueFilterForm(job.params.get("filters") or {}, user=job.owner)
    entries = selectors.overdue_list(actor=job.owner, today=today, **form.filters())[: exports.MAX_ROWS]
    total = entries.count()
    progress(0, total, gettext("查询超期未公示信息"))
    data = exports.overdue_xlsx(
        entries.iterator(chunk_size=1000), today=today, progress=progress, total=total
    )
    progress(total, total, gettext("保存文件"))
    stored = job_result_store(
        job=job, stream=io.BytesIO(data), name=f"publicity-overdue-{today:%Y%m%d}.xlsx", content_type=XLSX
    )
    return {"rows": total, "limit": exports.MAX_ROWS, "result_file": stored}


KINDS = (
    # (code, label, run function, report template, the publicity page it is started from)
    (ENTRIES_IMPORT, _("导入公示信息（Excel/CSV）"), "entries_import_run", "_import_report", "entry_import"),
    (
        DOCUMENTS_IMPORT,
        _("识别文书并起草公示信息"),
        "documents_import_run",
        "_document_report",
        "entry_import",
    ),
    (OVERDUE_EXPORT, _("导出超期未公示清单（Excel）"), "overdue_export_run", "_export_report", "overdue"),
)


def register() -> None:
    for code, label, run, template, origin in KINDS:
        register_job_kind(
            JobKind(
                code=code,
                label=label,
                run_path=f"sanxiang.publicity.jobs.{run}",
                report_template=f"publicity/{template}.html",
                origin_url=f"publicity:{origin}",
            )
        )
