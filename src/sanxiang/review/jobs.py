"""The discretion-benchmark import (裁量基准 Excel) as a background job.

A benchmark workbook holds a rule per violation with its legal ranges, every one checked against
the law's range before anything is written; the benchmarks page hands it to the worker and the
reviewer watches the job's page. ``services.benchmark_import`` reads, checks and writes in one
transaction, so the job shows one stage until it ends.
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

BENCHMARK_IMPORT = "review.benchmark_import"


def benchmark_import_run(job: Job, progress: ProgressCallback) -> dict[str, Any]:
    """Import the job's one workbook as a new benchmark version; its problems are the report's errors."""
    (stored,) = job_input_files(job)
    name = job.params.get("file_name") or stored.original_name
    progress(0, 0, gettext("读取并核对裁量基准"))
    with job_input_open(stored) as stream:
        try:
            version = services.benchmark_import(actor=job.owner, upload=stream, name=name)
        except ValidationFailed as exc:
            errors = [str(e) for e in (exc.extra or {}).get("errors", [])]
            return {"file_name": name, "ok": False, "message": str(exc.message), "errors": errors}
    return {
        "file_name": name,
        "ok": True,
        "name": version.name,
        "version": version.version,
        "effective_from": version.effective_from.isoformat(),
        "rules": len(version.payload.get("rules", [])),
    }


def register() -> None:
    register_job_kind(
        JobKind(
            code=BENCHMARK_IMPORT,
            label=_("导入裁量基准（Excel）"),
            run_path="sanxiang.review.jobs.benchmark_import_run",
            report_template="review/_benchmark_import_report.html",
            origin_url="review:benchmarks",
        )
    )
