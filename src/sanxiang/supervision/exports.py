"""The leader's supervision report (Word and Excel) and the 督办单 document, built in memory."""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence

from django.utils.translation import gettext as _

from .models import Reminder, Task, TaskPlan
from .selectors import plan_overview, task_due

HEADERS = ["序号", "类别", "任务内容", "牵头部门", "完成时限", "截止日期", "状态", "灯号", "进度"]


def _department(task: Task) -> str:
    return task.owner_department.name if task.owner_department is not None else str(_("待明确牵头部门"))


def _row(task: Task) -> list[str]:
    due = task_due(task)
    return [
        task.seq,
        task.category,
        task.text,
        _department(task),
        task.deadline_text,
        due.isoformat() if due else "",
        str(task.get_status_display()),
        str(task.get_light_display()),
        f"{task.percent}%",
    ]


def _flagged_line(task: Task) -> str:
    """ "12 任务内容（法制科，2019年9月底前完成）", leaving out what is empty (never "（，…）")."""
    inside = "，".join(part for part in (_department(task), task.deadline_text.strip()) if part)
    return f"{task.seq} {task.text}" + (f"（{inside}）" if inside else "")


def plan_report_docx(*, plan: TaskPlan, tasks: Sequence[Task], today: datetime.date) -> bytes:
    from docx import Document

    overview = plan_overview(tasks=tasks)
    doc = Document()
    doc.add_heading(_("督办情况报告"), level=0)
    doc.add_paragraph(plan.title)
    doc.add_paragraph(_("截至 %(day)s，共 %(n)d 项任务。") % {"day": today.isoformat(), "n": len(tasks)})
    summary = doc.add_table(rows=1, cols=2)
    summary.rows[0].cells[0].text, summary.rows[0].cells[1].text = _("状态"), _("任务数")
    for value, label in overview["statuses"]:
        cells = summary.add_row().cells
        cells[0].text, cells[1].text = str(label), str(overview["totals"].get(value, 0))
    doc.add_heading(_("逾期及红灯任务"), level=1)
    flagged = [t for t in tasks if t.light == "red"]
    if not flagged:
        doc.add_paragraph(_("无。"))
    for task in flagged:
        doc.add_paragraph(_flagged_line(task), style="List Bullet")
    doc.add_heading(_("任务明细"), level=1)
    table = doc.add_table(rows=1, cols=len(HEADERS))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, HEADERS, strict=True):
        cell.text = header
    for task in tasks:
        for cell, value in zip(table.add_row().cells, _row(task), strict=True):
            cell.text = value
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def plan_report_xlsx(*, plan: TaskPlan, tasks: Sequence[Task], today: datetime.date) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    fills = {"red": "FFC7CE", "yellow": "FFEB9C", "green": "C6EFCE"}
    book = Workbook()
    sheet = book.active
    sheet.title = _("任务明细")
    sheet.append([plan.title])
    sheet.append([_("截至 %(day)s") % {"day": today.isoformat()}])
    sheet.append(HEADERS)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for task in tasks:
        sheet.append(_row(task))
        sheet.cell(row=sheet.max_row, column=8).fill = PatternFill(
            "solid", fgColor=fills.get(task.light, "FFFFFF")
        )
    for column, width in zip("ABCDEFGHI", (6, 20, 60, 14, 24, 12, 10, 8, 8), strict=True):
        sheet.column_dimensions[column].width = width
    overview = plan_overview(tasks=tasks)
    by_dept = book.create_sheet(_("按部门"))
    by_dept.append(
        [_("牵头部门")] + [str(label) for _v, label in overview["statuses"]] + [_("红灯"), _("合计")]
    )
    for row in overview["rows"]:
        by_dept.append(
            [row.name]
            + [row.statuses.get(v, 0) for v, _l in overview["statuses"]]
            + [row.lights.get("red", 0), row.total]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def order_docx(*, reminder: Reminder) -> bytes:
    """The 督办单: number, task, overdue milestone, demand, date."""
    from docx import Document

    task = reminder.task
    doc = Document()
    doc.add_heading(_("督办单"), level=0)
    doc.add_paragraph(reminder.number)
    doc.add_paragraph(
        _("承办部门：%(dept)s") % {"dept": task.owner_department.name if task.owner_department else ""}
    )
    doc.add_paragraph(_("督办事项：%(task)s") % {"task": task.text})
    doc.add_paragraph(_("完成时限：%(text)s") % {"text": task.deadline_text})
    doc.add_paragraph(reminder.text)
    doc.add_paragraph(_("督办日期：%(day)s") % {"day": reminder.day.isoformat()})
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
