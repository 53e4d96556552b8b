"""The task-table import (任务分解表) as a background job.

A table converted from PDF by LibreOffice, or a long Word table, can take a while to read; the
upload page hands it to the worker and the supervisor watches the job's page, which links to the
plan's preview when done. ``services.plan_import`` reads, matches and writes in one transaction,
so the job shows one stage until it ends (no progress can be committed inside that transaction).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sanxiang.files.uploads import spool_directory
from sanxiang.jobs.models import Job
from sanxiang.jobs.registry import JobKind, ProgressCallback, register_job_kind
from sanxiang.jobs.services import job_input_files, job_input_open

from . import services

PLAN_IMPORT = "supervision.plan_import"


def plan_import_run(job: Job, progress: ProgressCallback) -> dict[str, Any]:
    """Import the job's one task table as a draft plan of the job's authority (unmatched names are
    accepted here and asked about again at confirmation, as on the page before)."""
    (stored,) = job_input_files(job)
    name = job.params.get("file_name") or stored.original_name
    progress(0, 0, gettext("读取并解析任务分解表"))
    with spool_directory(prefix="import-") as tmp:  # the importer reads a path (it may convert it)
        path = tmp / f"upload{Path(name).suffix}"
        with job_input_open(stored) as source, path.open("wb") as target:
            shutil.copyfileobj(source, target)
        outcome = services.plan_import(
            actor=job.owner,
            path=path,
            name=name,
            authority=job.authority,
            plan_year=job.params.get("plan_year"),
            accept_unmatched=True,
            source_file=stored,
        )
    plan = outcome.plan
    assert plan is not None  # plan_import returns the new or the existing plan
    return {
        "plan_id": plan.pk,
        "plan_title": plan.title,
        "created": outcome.created,
        "tasks": plan.tasks.count(),
    }


def register() -> None:
    register_job_kind(
        JobKind(
            code=PLAN_IMPORT,
            label=_("导入任务分解表"),
            run_path="sanxiang.supervision.jobs.plan_import_run",
            report_template="supervision/_plan_import_report.html",
            origin_url="supervision:plan_list",
        )
    )
