"""Word and Excel grids, with merged cells, as :class:`~.tables.Table`.

A cell merged across columns becomes one cell with its span; a cell merged down a column is
repeated in each row of its span (marked ``merged_from_above``), because in a real merge the
text belongs to every row it covers. The Word XML is read directly rather than through
``Table.rows[i].cells``, which rebuilds the whole grid for every row and is quadratic.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from sanxiang.lib import safefiles

from .errors import TaskTableError
from .limits import Limits
from .tables import Cell, Table, find_header

__all__ = ["read_docx", "read_xlsx"]


def _grid_tables(rows: list[list[Cell]], previous: Table | None) -> tuple[list[str], list[Table]]:
    """Split a grid into title lines and tables; a headerless grid continues ``previous``."""
    header_at = find_header(rows)
    if header_at is None:
        if previous is not None and rows and _width(rows[0]) == _width(previous.header):
            previous.rows.extend(rows)
            return [], []
        return [cell.text for row in rows for cell in row if cell.text.strip()], []
    title = [cell.text for row in rows[:header_at] for cell in row if cell.text.strip()]
    header = rows[header_at]
    header_texts = [cell.text.strip() for cell in header]
    data = [row for row in rows[header_at + 1 :] if [c.text.strip() for c in row] != header_texts]
    return title, [Table(header=header, rows=data)]


def _width(row: list[Cell]) -> int:
    return sum(cell.span for cell in row)


# --- Word ------------------------------------------------------------------------------------


def read_docx(path: Path, name: str, limits: Limits) -> tuple[list[str], list[Table]]:
    from docx.oxml.ns import qn

    try:
        document = safefiles.open_document(path, name=name, limits=limits.safe())
    except safefiles.UnsafeFile as exc:
        raise TaskTableError(exc.reason, file=name, row=exc.row) from None
    body = document.element.body
    t_tag, p_tag, tbl_tag, tr_tag = qn("w:t"), qn("w:p"), qn("w:tbl"), qn("w:tr")
    breaks = {qn("w:br"), qn("w:cr")}

    def paragraph_text(p: Any) -> str:
        # A line break inside a cell separates units as a new paragraph does.
        return "".join("\n" if node.tag in breaks else node.text or "" for node in p.iter(t_tag, *breaks))

    total_rows = sum(1 for _ in body.iter(tr_tag))
    if total_rows > limits.max_rows:
        raise TaskTableError(
            f"表格共 {total_rows} 行，超过上限 {limits.max_rows} 行", file=name, row=limits.max_rows + 1
        )

    def text_of(element: Any) -> str:
        return "\n".join(paragraph_text(p) for p in element.iter(p_tag))

    paragraphs: list[str] = []
    tables: list[Table] = []
    row_number = 0
    for child in body.iterchildren():
        if child.tag == p_tag:
            text = paragraph_text(child)
            if text.strip():
                paragraphs.append(text)
        elif child.tag == tbl_tag:
            grid: list[list[Cell]] = []
            above: dict[int, Cell] = {}
            for tr in child.iterchildren(tr_tag):
                row_number += 1
                col = int(getattr(tr, "grid_before", 0) or 0)
                cells: list[Cell] = []
                for tc in tr.tc_lst:
                    span = int(tc.grid_span or 1)
                    merge = tc.vMerge
                    if merge == "continue" and col in above:
                        origin = above[col]
                        cell = Cell(origin.text, col=col, span=span, row=row_number, merged_from_above=True)
                    else:
                        cell = Cell(text_of(tc), col=col, span=span, row=row_number)
                        above[col] = cell
                    cells.append(cell)
                    col += span
                if any(cell.text.strip() for cell in cells):
                    grid.append(cells)
            title, found = _grid_tables(grid, tables[-1] if tables else None)
            paragraphs.extend(title)
            tables.extend(found)
    if not paragraphs and not any(table.rows for table in tables):
        raise TaskTableError("文件没有内容", file=name)
    return paragraphs, tables


# --- Excel -----------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(path: Path, name: str, limits: Limits) -> tuple[list[str], list[Table]]:
    try:
        # The safe reader counts the rows while it checks the XML, so a 100,000-row sheet is
        # refused before the full load (which the merged-cell ranges need) takes its time.
        workbook = safefiles.open_workbook(path, name=name, limits=limits.safe(), read_only=False)
    except safefiles.UnsafeFile as exc:
        raise TaskTableError(exc.reason, file=name, row=exc.row) from None

    paragraphs: list[str] = []
    tables: list[Table] = []
    for sheet in workbook.worksheets:
        origin_of: dict[tuple[int, int], tuple[int, int, int]] = {}
        for merged in sheet.merged_cells.ranges:
            for r in range(merged.min_row, merged.max_row + 1):
                for c in range(merged.min_col, merged.max_col + 1):
                    origin_of[(r, c)] = (merged.min_row, merged.min_col, merged.max_col)
        values: dict[tuple[int, int], Any] = {}
        grid: list[list[Cell]] = []
        for r, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells: list[Cell] = []
            for c, value in enumerate(row, start=1):
                values[(r, c)] = value
                merge = origin_of.get((r, c))
                if merge is None:
                    cells.append(Cell(_text(value), col=c - 1, row=r))
                    continue
                top, left, right = merge
                if c != left:
                    continue
                text = _text(values.get((top, left)))
                cells.append(Cell(text, col=c - 1, span=right - left + 1, row=r, merged_from_above=r != top))
            if any(cell.text.strip() for cell in cells):
                grid.append(cells)
        title, found = _grid_tables(grid, tables[-1] if tables else None)
        paragraphs.extend(title)
        tables.extend(found)
    workbook.close()
    if not paragraphs and not any(table.rows for table in tables):
        raise TaskTableError("文件没有内容", file=name)
    return paragraphs, tables
