"""Import and confirm time of a 1,000-row task table as .xlsx and as .docx, phase by phase.

Phases: parse (``lib.tasktables`` alone), match + save (``plan_import`` less the parse),
confirm (``plan_confirm``: calendar deadlines, access grants, notices, audit) and the total.

Standalone: ``.venv/bin/python bench/bench_import_tasks.py``. Uses a throw-away SQLite database
under a temporary SANXIANG_VAR_DIR; prints figures, asserts nothing (aim: under 5 s each).
"""

from __future__ import annotations

import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

ROWS = 1000
TODAY = datetime.date(2027, 3, 1)  # before the generated 2027 deadlines: no escalation noise
DEPARTMENTS = ["办公室", "法制科", "征收管理科", "纳税服务科", "人事教育科", "税收风险管理局", "信息中心"]
DEADLINES = [
    "2027年9月底前完成",
    "持续开展",
    "文件公开后5个工作日",
    "2027年底前完成，并持续开展",
    "按税务总局部署",
]


def row(i: int) -> list[str]:
    return [
        str(i),
        f"第{i % 12 + 1}类工作",
        f"落实第{i}项工作措施，按要求公开执法信息并动态调整。",
        DEPARTMENTS[i % len(DEPARTMENTS)],
        f"{DEPARTMENTS[(i + 1) % len(DEPARTMENTS)]}、{DEPARTMENTS[(i + 2) % len(DEPARTMENTS)]}",
        "其他相关部门",
        DEADLINES[i % len(DEADLINES)],
    ]


HEADER = ["序号", "推行任务", "工作措施", "牵头部门", "责任部门", "配合部门", "完成时限"]


def write_xlsx(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["基准测试任务分解表"])
    sheet.append(HEADER)
    for i in range(1, ROWS + 1):
        sheet.append(row(i))
    book.save(path)


def write_docx(path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("基准测试任务分解表")
    table = doc.add_table(rows=1, cols=len(HEADER))
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    for i in range(1, ROWS + 1):
        for cell, text in zip(table.add_row().cells, row(i), strict=True):
            cell.text = text
    doc.save(path)


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="sanxiang-bench-"))
    os.environ["SANXIANG_VAR_DIR"] = str(tmp)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanxiang.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from sanxiang.kernel.choices import AuthorityLevel
    from sanxiang.lib.tasktables import parse_file
    from sanxiang.org.models import Authority, Department
    from sanxiang.supervision.services import plan_confirm, plan_import

    city = Authority.objects.add_root(
        create_kwargs={"name": "基准市局", "level": AuthorityLevel.MUNICIPAL, "code": "B0001"}
    )
    for name in DEPARTMENTS:
        Department.objects.create(authority=city, name=name)
    from sanxiang.audit.models import AuditEvent
    from sanxiang.holidays.models import Deadline
    from sanxiang.org.models import AccessGrant

    deadlines_before = grants_before = 0
    events_before = AuditEvent.objects.count()
    for kind, writer in (("xlsx", write_xlsx), ("docx", write_docx)):
        path = tmp / f"bench.{kind}"
        writer(path)
        started = time.perf_counter()
        parsed = parse_file(path)
        parse_s = time.perf_counter() - started
        started = time.perf_counter()
        outcome = plan_import(actor=None, path=path, authority=city)
        import_s = time.perf_counter() - started
        started = time.perf_counter()
        plan_confirm(actor=None, plan=outcome.plan, today=TODAY)
        confirm_s = time.perf_counter() - started
        tasks = outcome.plan.tasks.count()
        deadlines = Deadline.objects.filter(purpose="supervision.milestone").count() - deadlines_before
        grants = AccessGrant.objects.count() - grants_before
        events = AuditEvent.objects.count() - events_before
        deadlines_before += deadlines
        grants_before += grants
        events_before += events
        # plan_import parses the file itself: match + save is its time less the parse alone.
        print(
            f"{kind}: {len(parsed.measures)} measures, {tasks} tasks, {deadlines} deadlines, "
            f"{grants} grants, {events} audit events\n"
            f"  parse {parse_s:.2f} s | match + save {max(import_s - parse_s, 0):.2f} s | "
            f"confirm {confirm_s:.2f} s | total (import + confirm) {import_s + confirm_s:.2f} s",
            file=sys.stdout,
        )


if __name__ == "__main__":
    main()
