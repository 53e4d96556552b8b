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


def statistics_xlsx(stats: Any, outcome_labels: dict[str, str], kind_labels: dict[str, str]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "按类别"
    outcomes = sorted({o for s in stats.per_kind for o in s.outcomes})
    sheet.append(
        [
            "执法类别",
            "审核件数",
            "退回件数",
            "退回率",
            "平均用时（日）",
            *[outcome_labels.get(o, o) for o in outcomes],
        ]
    )
    for row in [*stats.per_kind, stats.overall]:
        sheet.append(
            [
                kind_labels.get(row.kind, "合计" if row.kind == "all" else row.kind),
                row.total,
                row.returned,
                round(row.return_rate, 4),
                round(row.average_days, 1) if row.average_days is not None else None,
                *[row.outcomes.get(o, 0) for o in outcomes],
            ]
        )
    staffing = workbook.create_sheet("审核人员配备")
    staffing.append(["单位", "法制审核人员", "执法人员", "占比", "达到5%"])
    for row in stats.staffing:
        staffing.append(
            [row.authority.name, row.reviewers, row.officers, round(row.share, 4), "是" if row.ok else "否"]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
