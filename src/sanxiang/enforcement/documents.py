"""The acknowledgement receipt 受理回执 of a 承诺件, in Word and PDF (the same layout as the review
opinion and the information-request notices: python-docx, WeasyPrint from HTML)."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import MatterTicket

__all__ = ["Receipt", "receipt_docx", "receipt_pdf"]


@dataclass(frozen=True)
class Receipt:
    """What the receipt prints; ``code`` is the verification code in clear."""

    ticket: MatterTicket
    code: str
    authority: str
    party: str
    matter: str
    lookup_path: str

    def rows(self) -> list[tuple[str, str]]:
        t = self.ticket
        rows = [
            (_("事项编号"), t.matter_number),
            (_("查询码"), self.code),
            (_("当事人"), self.party),
            (_("受理事项"), self.matter),
            (_("受理机关"), self.authority),
            (_("受理日期"), date_format(t.received_on)),
        ]
        if t.due_on:
            due = date_format(t.due_on)
            if t.due_provisional:
                due += _("（该年节假日安排公布后可能调整）")
            rows += [(_("承诺办理时限"), t.time_limit_label), (_("办理期限"), due)]
        return rows

    @property
    def notice(self) -> str:
        return _(
            "您的事项已受理。请凭事项编号和查询码登录本机关门户网站“执法进度网上查询”栏目（%(path)s）"
            "查询办理阶段和办理期限。办理期限按工作日历计算，不含法定节假日；依法需要补正、听证、鉴定等的，"
            "期限中止或延长以书面通知为准。查询码请妥善保管，不要告诉他人。"
        ) % {"path": self.lookup_path}


def receipt_docx(receipt: Receipt) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document()
    heading = document.add_heading(_("受理回执"), level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in receipt.rows():
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = value
    document.add_paragraph(receipt.notice)
    sign = document.add_paragraph(receipt.authority)
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    day = document.add_paragraph(date_format(receipt.ticket.received_on))
    day.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def receipt_pdf(receipt: Receipt) -> bytes | None:
    """The receipt as PDF through WeasyPrint; None when WeasyPrint cannot run here."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError):
        return None
    html = render_to_string("enforcement/receipt_print.html", {"receipt": receipt})
    try:
        return HTML(string=html).write_pdf()
    except Exception:  # noqa: BLE001 - missing fonts or Pango: the caller offers the Word file
        return None
