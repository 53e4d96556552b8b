"""The evaluation's downloads: the unit's results as Excel and the leader's report in Word."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from sanxiang.kernel.measures import loop_check_get

if TYPE_CHECKING:
    from .selectors import UnitResult, UnitView


def attachment(filename: str) -> str:
    return content_disposition_header(True, filename) or "attachment"


def _headers(result: UnitResult) -> list[str]:
    return [_("单位/部门"), _("总分"), _("档次"), _("排名")] + [
        f"{c.indicator.code} {c.indicator.name}" for c in result.cells
    ]


def _row(result: UnitResult) -> list[str | float | None]:
    rank = f"{result.rank}/{result.peers}" if result.rank else ""
    return [result.name, result.total, result.grade_label, rank] + [c.display for c in result.cells]


def unit_xlsx(*, view: UnitView) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = _("评估结果")[:31]
    sheet.append(
        [
            _("{unit} {period} 评估结果（指标库第{version}版）").format(
                unit=view.authority.name, period=view.period.label, version=view.library.version
            )
        ]
    )
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append(_headers(view.result))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    sheet.append(_row(view.result))
    if view.children:
        sheet.append([_("下级单位")])
        for child in view.children:
            sheet.append(_row(child))
    if view.departments:
        sheet.append([_("内设部门")])
        for dept in view.departments:
            sheet.append(_row(dept))
    detail = book.create_sheet(_("指标明细"))
    detail.append(
        [
            _("指标编号"),
            _("指标名称"),
            _("维度"),
            _("分子"),
            _("分母"),
            _("值"),
            _("档次"),
            _("得分"),
            _("权重"),
        ]
    )
    for c in view.result.cells:
        detail.append(
            [
                c.indicator.code,
                c.indicator.name,
                c.indicator.get_dimension_display(),
                c.numerator if c.applicable else None,
                c.denominator if c.applicable else None,
                c.display,
                c.grade_label,
                c.score,
                float(c.indicator.weight),
            ]
        )
    for ws in (sheet, detail):
        ws.column_dimensions["A"].width = 24
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def unit_docx(*, view: UnitView) -> bytes:
    from docx import Document

    result = view.result
    doc = Document()
    doc.add_heading(_("“三项制度”执行情况评估报告"), level=0)
    doc.add_paragraph(
        _("评估单位：{unit}；评估期：{period}（截至 {cutoff}）；指标库：第{version}版。").format(
            unit=view.authority.name,
            period=view.period.label,
            cutoff=view.period.cutoff.isoformat(),
            version=view.library.version,
        )
    )
    if result.total is None:
        doc.add_paragraph(_("本期没有可计算的指标数据。"))
    else:
        rank = (
            _("，在 {n} 个同级单位中排名第 {r}").format(n=result.peers, r=result.rank)
            if result.rank and result.peers > 1
            else ""
        )
        doc.add_paragraph(
            _("综合得分 {total} 分，档次：{grade}{rank}。").format(
                total=result.total, grade=result.grade_label, rank=rank
            )
        )
    if view.previous is not None and view.previous.total is not None and result.total is not None:
        doc.add_paragraph(_("环比上期：{delta:+.2f} 分。").format(delta=result.total - view.previous.total))
    if view.last_year is not None and view.last_year.total is not None and result.total is not None:
        doc.add_paragraph(
            _("同比去年同期：{delta:+.2f} 分。").format(delta=result.total - view.last_year.total)
        )
    doc.add_heading(_("指标情况"), level=1)
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, [_("指标"), _("维度"), _("值"), _("档次"), _("得分")], strict=True
    ):
        cell.text = text
    for c in result.cells:
        row = table.add_row().cells
        row[0].text = f"{c.indicator.code} {c.indicator.name}"
        row[1].text = str(c.indicator.get_dimension_display())
        row[2].text = c.display
        row[3].text = c.grade_label
        row[4].text = "" if c.score is None else f"{c.score:g}"
    weak = [c for c in result.cells if c.grade in ("C", "D")]
    doc.add_heading(_("需关注的问题"), level=1)
    if not weak and not view.loop_counts:
        doc.add_paragraph(_("无。"))
    for c in weak:
        doc.add_paragraph(
            _("{name}：{value}（{grade}）").format(
                name=c.indicator.name, value=c.display, grade=c.grade_label
            ),
            style="List Bullet",
        )
    for code, n in sorted(view.loop_counts.items()):
        check = loop_check_get(code)
        label = str(check.label) if check else _("闭环检查")
        doc.add_paragraph(_("{label}：{n} 项未消除").format(label=label, n=n), style="List Bullet")
    if view.children:
        doc.add_heading(_("下级单位排名"), level=1)
        table = doc.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, [_("单位"), _("得分"), _("档次")], strict=True):
            cell.text = text
        for child in sorted(view.children, key=lambda r: (r.rank or 10**6, r.name)):
            row = table.add_row().cells
            row[0].text, row[1].text, row[2].text = (
                child.name,
                "" if child.total is None else f"{child.total:g}",
                child.grade_label,
            )
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
