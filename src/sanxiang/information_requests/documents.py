"""Documents: the 告知书 of a reply (Word with the authority's letterhead, PDF through WeasyPrint
like the review opinions) and the annual report in the national layout (Word)."""

from __future__ import annotations

import io
from typing import Any

from django.template.loader import render_to_string

from .models import Reply
from .services.replies import template_for


def _letterhead(document: Any, authority_name: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    head = document.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = head.add_run(authority_name)
    run.bold = True
    run.font.size = Pt(22)
    run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    rule = document.add_paragraph()
    rule.alignment = WD_ALIGN_PARAGRAPH.CENTER
    red = rule.add_run("━" * 24)
    red.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)


def reply_context(reply: Reply) -> dict[str, Any]:
    request = reply.request
    title, _body, basis = template_for(request.authority, reply.reply_type)
    return {
        "reply": reply,
        "request": request,
        "title": title,
        "legal_basis": basis,
        "paragraphs": [p for p in reply.body.split("\n") if p.strip()],
        "released_lines": [p for p in reply.released_text.split("\n")] if reply.released_text else [],
    }


def reply_docx(reply: Reply) -> bytes:
    """The 告知书 addressed to the applicant (staff copy; the portal never serves it)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    context = reply_context(reply)
    request = reply.request
    document = Document()
    _letterhead(document, request.authority.name)
    heading = document.add_heading(context["title"], level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number = document.add_paragraph(f"申请编号：{request.code}")
    number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph(f"{request.applicant_name}：")
    for paragraph in context["paragraphs"]:
        document.add_paragraph(paragraph)
    if reply.released_text:
        document.add_heading("附：公开的政府信息（已作区分处理）", level=2)
        for line in context["released_lines"]:
            document.add_paragraph(line)
    sign = document.add_paragraph(request.authority.name)
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if reply.issued_on:
        date = document.add_paragraph(f"{reply.issued_on:%Y年%m月%d日}")
        date.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def reply_pdf(reply: Reply) -> bytes | None:
    """The 告知书 as PDF through WeasyPrint; None when WeasyPrint cannot run here."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError):
        return None
    html = render_to_string("information_requests/reply_print.html", reply_context(reply))
    try:
        return HTML(string=html).write_pdf()
    except Exception:  # noqa: BLE001 - missing fonts or Pango: the caller offers the Word file
        return None


def annual_report_docx(report: Any, tables: Any) -> bytes:
    """The annual report in the layout of 国办公开办函〔2021〕30号: six sections, fixed tables."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document()
    title = document.add_heading(f"{report.authority.name}{report.year}年政府信息公开工作年度报告", level=1)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_heading("一、总体情况", level=2)
    for line in (report.overview or "").split("\n"):
        document.add_paragraph(line)
    document.add_heading("二、主动公开政府信息情况", level=2)
    for block in tables.proactive:
        table = document.add_table(rows=1, cols=len(block["columns"]) + 1)
        table.style = "Table Grid"
        header = table.rows[0].cells
        header[0].text = block["title"]
        for i, column in enumerate(block["columns"], start=1):
            header[i].text = column
        for label, values in block["rows"]:
            cells = table.add_row().cells
            cells[0].text = label
            for i, value in enumerate(values, start=1):
                cells[i].text = str(value)
        document.add_paragraph("")
    document.add_heading("三、收到和处理政府信息公开申请情况", level=2)
    columns = ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for i, column in enumerate(columns):
        table.rows[0].cells[i].text = column
    for label, values in tables.requests_rows():
        cells = table.add_row().cells
        cells[0].text = label
        for i, value in enumerate(values, start=1):
            cells[i].text = str(value)
    document.add_heading("四、政府信息公开行政复议、行政诉讼情况", level=2)
    remedy_columns = [
        "行政复议",
        "",
        "",
        "",
        "",
        "行政诉讼（未经复议直接起诉）",
        "",
        "",
        "",
        "",
        "行政诉讼（复议后起诉）",
        "",
        "",
        "",
        "",
    ]
    table = document.add_table(rows=2, cols=15)
    table.style = "Table Grid"
    for i, column in enumerate(remedy_columns):
        table.rows[0].cells[i].text = column
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3
    for i, column in enumerate(outcomes):
        table.rows[1].cells[i].text = column
    cells = table.add_row().cells
    for i, value in enumerate(tables.remedy_values()):
        cells[i].text = str(value)
    document.add_heading("五、存在的主要问题及改进情况", level=2)
    for line in (report.problems or "").split("\n"):
        document.add_paragraph(line)
    document.add_heading("六、其他需要报告的事项", level=2)
    for line in (report.other_matters or "").split("\n"):
        document.add_paragraph(line)
    document.add_paragraph(f"本年度收取信息处理费 {tables.fees_total} 元。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
