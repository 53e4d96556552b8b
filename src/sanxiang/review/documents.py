"""Documents of the review: the review opinion (审核意见书) in Word and PDF, the 不予行政处罚决定书
(Word, from the discretion lib's sections) and the statistics workbook."""

from __future__ import annotations

import io
from typing import Any

from django.template.loader import render_to_string

from .models import ReviewCase, ReviewOpinion


def _docx(title: str, paragraphs: list[tuple[str, str]]) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document()
    heading = document.add_heading(title, level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for label, text in paragraphs:
        paragraph = document.add_paragraph()
        if label:
            paragraph.add_run(f"{label}：").bold = True
        paragraph.add_run(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def opinion_context(case: ReviewCase, opinion: ReviewOpinion) -> dict[str, Any]:
    return {"case": case, "opinion": opinion, "findings": list(opinion.findings.all())}


def opinion_docx(case: ReviewCase, opinion: ReviewOpinion) -> bytes:
    rows = [
        ("案件名称", case.title),
        ("执法机关", case.authority.name),
        ("当事人", case.act.taxpayer.display_name),
        ("送审轮次", str(opinion.round)),
        (
            "拟作决定",
            f"{case.get_decision_kind_display()}；罚款{case.penalty_amount}元；税款{case.tax_amount}元",
        ),
        ("拟处理意见", case.proposal or "—"),
        ("命中审核事项", "；".join(r["label"] for r in case.fired_rules) or "—"),
    ]
    rows += [
        (f.get_point_display(), f"{f.get_finding_display()} {f.note}".strip()) for f in opinion.findings.all()
    ]
    rows += [
        ("审核意见", opinion.get_opinion_display()),
        ("理由", opinion.reasons),
        ("审核人员", opinion.reviewer.display_name),
        ("日期", opinion.issued_on.strftime("%Y年%m月%d日")),
    ]
    return _docx("重大执法决定法制审核意见书", rows)


def opinion_pdf(case: ReviewCase, opinion: ReviewOpinion) -> bytes | None:
    """The opinion as PDF through WeasyPrint; None when WeasyPrint cannot run here."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError):
        return None
    html = render_to_string("review/opinion_print.html", opinion_context(case, opinion))
    try:
        return HTML(string=html).write_pdf()
    except Exception:  # noqa: BLE001 - missing fonts or Pango: the caller says so in Chinese
        return None


def exemption_docx(sections: dict[str, Any]) -> bytes:
    """The 不予行政处罚决定书 from the sections rendered by the discretion lib."""
    order = [key for key in sections if key not in ("title", "authority")]
    rows = [("", str(sections[key])) for key in order if isinstance(sections[key], str)]
    return _docx(f"{sections.get('authority', '')}\n{sections.get('title', '不予行政处罚决定书')}", rows)


def _stats_sheet(sheet: Any, first_column: str, rows: list[Any], outcomes: list[str], total: Any) -> None:
    sheet.append([first_column, "审核件数", "退回件数", "退回率", "平均用时（日）", *outcomes])
    for row in [*rows, total] if total is not None else rows:
        counts = dict(row.outcomes)
        sheet.append(
            [
                row.label,
                row.stats.total,
                row.stats.returned,
                round(row.stats.return_rate, 4),
                round(row.stats.average_days, 1) if row.stats.average_days is not None else None,
                *[counts.get(o, 0) for o in outcomes],
            ]
        )
    from openpyxl.styles import Font

    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 22
    for row in sheet.iter_rows(min_row=2, min_col=4, max_col=4):
        row[0].number_format = "0.00%"


def statistics_xlsx(stats: Any) -> bytes:
    """The statistics page as a workbook: by act kind, by proposed decision kind, staffing; every
    label in Chinese."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "按执法类别"
    _stats_sheet(sheet, "执法类别", stats.per_kind, stats.outcome_labels, stats.overall)
    sheet.append([])
    sheet.append(["应审未审决定", stats.unreviewed])
    _stats_sheet(
        workbook.create_sheet("按拟作决定类别"),
        "拟作决定类别",
        stats.per_decision_kind,
        stats.outcome_labels,
        None,
    )
    staffing = workbook.create_sheet("审核人员配备")
    staffing.append(["单位", "法制审核人员", "执法人员", "占比", "达到5%"])
    for row in stats.staffing:
        staffing.append(
            [row.authority.name, row.reviewers, row.officers, round(row.share, 4), "是" if row.ok else "否"]
        )
    staffing.column_dimensions["A"].width = 36
    for row in staffing.iter_rows(min_row=2, min_col=4, max_col=4):
        row[0].number_format = "0.00%"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
