"""Inputs and a probe kind shared by the job tests."""

from __future__ import annotations

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from sanxiang.jobs.registry import JobKind, register_job_kind

HEADER = "当事人名称,统一社会信用代码,法定代表人,决定书文号,决定日期,违法事实,罚款金额"


def penalty_csv(
    rows: int, *, bad_row: int | None = None, prefix: str = "J", all_bad: bool = False
) -> SimpleUploadedFile:
    """A CSV file of ``rows`` penalty decisions; ``bad_row`` (1-based), or every row with
    ``all_bad``, carries an invalid date."""
    day = (datetime.date.today() - datetime.timedelta(days=10)).isoformat()
    lines = [HEADER]
    for i in range(1, rows + 1):
        date = "2026-13-45" if all_bad or i == bad_row else day
        lines.append(f"后台任务测试商贸{i}号店,,,宝金税稽罚〔2026〕{prefix}{i}号,{date},未按期申报,{100 + i}")
    return SimpleUploadedFile(
        "任务测试.csv", ("\n".join(lines) + "\n").encode("utf-8"), content_type="text/csv"
    )


PROBE = "tests.probe"
seen_from_outside: list[tuple[int, int, str]] = []


def probe_run(job, progress):
    """Reports progress, then reads the job's row from another connection: what a polling page sees."""
    import threading

    from django.db import connection

    from sanxiang.jobs.models import Job

    progress(3, 10, "探针阶段")

    def look() -> None:
        try:
            row = Job.objects.get(pk=job.pk)
            seen_from_outside.append((row.done, row.total, row.stage))
        finally:
            connection.close()

    reader = threading.Thread(target=look)
    reader.start()
    reader.join()
    return {"seen": [list(s) for s in seen_from_outside]}


def register_probe() -> None:
    register_job_kind(
        JobKind(
            code=PROBE,
            label="探针任务",
            run_path="tests.jobs.helpers.probe_run",
            report_template="jobs/_no_report.html",
        )
    )
