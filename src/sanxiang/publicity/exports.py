"""Excel exports of publicity lists."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable, Iterable

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .models import Entry

# An export is a working list, not an archive: more rows than this means the filters are too wide.
MAX_ROWS = 10000


def overdue_xlsx(
    entries: Iterable[Entry],
    *,
    today: datetime.date,
    progress: Callable[[int, int, str], None] | None = None,
    total: int = 0,
) -> bytes:
    """The overdue list as filtered on the page: one row an entry, days overdue counted to ``today``.

    ``progress(done, total, stage)`` after each row (a background job; it only reads)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("超期未公示")
    headers = [
        _("应公示日期"),
        _("超期天数"),
        _("公示事项"),
        _("当事人"),
        _("文书号"),
        _("公示机关"),
        _("承办部门"),
        _("状态"),
    ]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    stage = str(_("写入工作表"))
    for done, entry in enumerate(entries, start=1):
        if progress is not None:
            progress(done, total, stage)
        sheet.append(
            [
                entry.due_on,
                (today - entry.due_on).days if entry.due_on else None,
                entry.item.label,
                entry.party_name,
                entry.document_number,
                entry.authority.display_name,
                entry.department.name if entry.department else "",
                entry.get_status_display(),
            ]
        )
    for column, width in zip("ABCDEFGH", (12, 9, 24, 28, 26, 22, 16, 10), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
