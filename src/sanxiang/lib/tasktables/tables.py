"""Tables → measures, for Word and Excel grids and for text exported from Word tables.

Every source is reduced to :class:`Table`: a header row and data rows of :class:`Cell` with
the grid column each starts at and how many it spans. Word and Excel give the grid; for a text
export (a cell starts on a line beginning with a tab) the spans are inferred: when data rows
have more cells than the header, the grouping header (推行任务, 主要任务) spans the extra
columns, and a row with fewer cells has its category spanning the sub-category column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .common import finish_measure
from .deadlines import normalize, parse_deadline
from .model import Measure
from .units import ROLE_COOPERATING, ROLE_LEAD, ROLE_RESPONSIBLE, Roles, parse_units

__all__ = ["Cell", "Table", "classify_header", "measures_from_table", "tables_from_text", "find_header"]

SEQ = "seq"
CATEGORY = "category"
MEASURE = "measure"
LEVEL = "level"
DEADLINE = "deadline"
NOTE = "note"
OTHER = "other"


@dataclass
class Cell:
    text: str
    col: int | None = None
    span: int = 1
    row: int = 0  # line, sheet row or table row, for messages
    merged_from_above: bool = False


@dataclass
class Table:
    header: list[Cell]
    rows: list[list[Cell]]
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    label: str = "行"  # how ``Cell.row`` is named in messages
    layouts: list[str] = field(default_factory=list)  # what the reader noticed ("ragged_cells")
    cut_rows: list[int] = field(default_factory=list)  # rows the text stops in (``Cell.row``)


def classify_header(label: str) -> str:
    """The role of a header cell: seq, category, measure, level, a unit role, deadline, note."""
    text = re.sub(r"\s", "", label)
    if not text:
        return OTHER
    if re.search(r"序号|编号|^序$|^号$", text):
        return SEQ
    if "备注" in text:
        return NOTE
    if re.search(r"时限|时间|期限|日期|进度安排|时间节点", text):
        return DEADLINE
    if "牵头" in text:
        return ROLE_LEAD
    if re.search(r"配合|协办|协助|参与|协同", text):
        return ROLE_COOPERATING
    if re.search(r"责任(部门|处室|科室|司局|人)|承办|主责|实施部门|落实部门", text):
        return ROLE_RESPONSIBLE
    if re.search(r"责任单位|责任主体|实施主体|层级", text):
        return LEVEL  # demoted to responsible when the table has no other unit column
    if re.search(r"措施|举措|内容|具体任务|工作任务|事项|要求", text):
        return MEASURE
    if re.search(r"任务|类别|项目|领域|分类|重点工作|目标|环节", text):
        return CATEGORY
    return OTHER


def find_header(rows: list[list[Cell]]) -> int | None:
    """Index of the first row that reads as a task-table header."""
    for index, row in enumerate(rows[:30]):
        roles = {classify_header(cell.text) for cell in row}
        content = roles & {MEASURE, CATEGORY}
        units = roles & {ROLE_LEAD, ROLE_RESPONSIBLE, ROLE_COOPERATING, LEVEL, DEADLINE}
        if content and units and len(roles - {OTHER}) >= 3:
            return index
    return None


# --- text exported from Word tables --------------------------------------------------------


@dataclass
class _Block:
    cells: list[Cell]


def tables_from_text(text: str) -> tuple[list[str], list[Table]]:
    """Cut a text export into its preamble lines and its tables.

    A line beginning with a tab starts a cell (further tabs on it start further cells); other
    lines continue the cell before. Rows are not marked, so cells are grouped into blocks at
    a blank line followed by a new cell, and blocks into rows by the header's cell count.
    """
    preamble: list[str] = []
    blocks: list[_Block] = []
    current: Cell | None = None
    previous_blank = True
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if "\t" in line:
            pieces = line.split("\t")
            head, rest = pieces[0], pieces[1:]
            if head.strip():
                if current is None:
                    preamble.append(head)
                else:
                    current.text += "\n" + head
            for index, piece in enumerate(rest):
                current = Cell(piece, row=number)
                if (previous_blank and index == 0) or not blocks:
                    blocks.append(_Block([]))
                blocks[-1].cells.append(current)
        elif current is None:
            if line.strip():
                preamble.append(line)
        else:
            current.text += "\n" + line
        previous_blank = not line.strip()

    rows = [block.cells for block in blocks]
    tables: list[Table] = []
    start = 0
    while start < len(rows):
        header_index = find_header(rows[start:])
        if header_index is None:
            break
        header_at = start + header_index
        for skipped in rows[start:header_at]:
            preamble.extend(cell.text.strip() for cell in skipped if cell.text.strip())
        table, end = _rows_from_blocks(rows, header_at)
        tables.append(table)
        start = end
    return preamble, tables


def _is_seq_like(text: str) -> bool:
    return bool(re.fullmatch(r"\d{1,4}|", text.strip()))


def _is_note(text: str) -> bool:
    return bool(re.match(r"\s*(备注|注|说明)\s*[:：]", text))


def _rows_from_blocks(blocks: list[list[Cell]], header_at: int) -> tuple[Table, int]:
    header = blocks[header_at]
    width = len(header)
    roles = [classify_header(cell.text) for cell in header]
    max_width = width + 2 if CATEGORY in roles else width
    rows: list[list[Cell]] = []
    notes: list[str] = []
    warnings: list[str] = []
    index = header_at + 1
    while index < len(blocks):
        block = blocks[index]
        first = block[0].text
        if _is_note(first):
            notes.append("\n".join(cell.text.strip() for cell in block if cell.text.strip()))
            index += 1
            continue
        if find_header([block]) is not None:
            break  # the next table starts
        row = list(block)
        index += 1
        while index < len(blocks):
            following = blocks[index]
            if _is_note(following[0].text) or len(row) + len(following) > max_width:
                break
            if len(row) >= width and _is_seq_like(following[0].text):
                break
            row.extend(following)
            index += 1
        if len(row) < width - 1 and not _is_seq_like(row[0].text):
            text = "\n".join(cell.text.strip() for cell in row if cell.text.strip())
            if text:
                notes.append(text)
            continue
        rows.append(row)
    table = Table(header=[Cell(c.text, row=c.row) for c in header], rows=rows, notes=notes, warnings=warnings)
    _infer_columns(table, roles)
    return table, index


def _infer_columns(table: Table, roles: list[str]) -> None:
    """Give text-export cells grid columns (see the module docstring)."""
    width = len(table.header)
    widest = max((len(row) for row in table.rows), default=width)
    extra = max(0, widest - width)
    grouping = roles.index(CATEGORY) if CATEGORY in roles else None
    col = 0
    for position, cell in enumerate(table.header):
        cell.col = col
        cell.span = 1 + extra if position == grouping else 1
        col += cell.span
    if extra and grouping is None:
        table.warnings.append("数据行的单元格多于表头，无法确定多出的列，请核对")
    for row in table.rows:
        deficit = width + extra - len(row)
        col = 0
        for position, cell in enumerate(row):
            cell.col = col
            cell.span = 1 + deficit if (grouping is not None and position == grouping and deficit > 0) else 1
            col += cell.span
        if deficit and grouping is None:
            table.warnings.append(f"第 {row[0].row} 行的单元格数与表头不符，请核对")


# --- grid → measures ------------------------------------------------------------------------


def _join_lines(text: str, glue: str) -> str:
    lines = [line.strip() for line in normalize(text).replace("\r", "").split("\n")]
    lines = [line for line in lines if line]
    if glue == "":
        return "".join(lines)
    out = ""
    for line in lines:
        if out and out[-1] in "。；;！？!?：:":
            out += "\n" + line
        else:
            out += line
    return out


@dataclass
class _Row:
    cells_by_role: dict[str, list[str]]
    categories: list[str | None]  # "" empty, None spanned by a higher level
    row: int


def measures_from_table(table: Table, *, plan_year: int | None) -> tuple[list[Measure], list[str], list[str]]:
    """Read a table's rows into measures; returns (measures, warnings, notes)."""
    warnings = list(table.warnings)
    notes = list(table.notes)
    header_roles = [(cell, classify_header(cell.text)) for cell in table.header]
    has_unit_column = any(r in {ROLE_LEAD, ROLE_RESPONSIBLE, ROLE_COOPERATING} for _, r in header_roles)
    if not has_unit_column:
        header_roles = [(c, ROLE_RESPONSIBLE if r == LEVEL else r) for c, r in header_roles]
    if not any(r == MEASURE for _, r in header_roles):
        # A table whose only text column is "任务" has its measures there; of several, the last
        # one any row fills ("全年目标任务" merged away from every data row is not it).
        category_headers = [i for i, (_, r) in enumerate(header_roles) if r == CATEGORY]
        filled = {cell.col for row in table.rows for cell in row if cell.text.strip()}
        used = [i for i in category_headers if header_roles[i][0].col in filled]
        if category_headers:
            last = (used or category_headers)[-1]
            header_roles[last] = (header_roles[last][0], MEASURE)
    col_role: dict[int, str] = {}
    category_cols: list[int] = []
    for cell, role in header_roles:
        assert cell.col is not None
        for col in range(cell.col, cell.col + cell.span):
            col_role[col] = role
            if role == CATEGORY:
                category_cols.append(col)
    has_level = any(r == LEVEL for _, r in header_roles)

    rows: list[_Row] = []
    for cells in table.rows:
        by_role: dict[str, list[str]] = {}
        categories: list[str | None] = [""] * len(category_cols)
        for cell in cells:
            if cell.col is None:
                continue
            role = col_role.get(cell.col, OTHER)
            if role == CATEGORY:
                level = category_cols.index(cell.col)
                categories[level] = _join_lines(cell.text, "")
                for covered in range(cell.col + 1, cell.col + cell.span):
                    if covered in category_cols:
                        categories[category_cols.index(covered)] = None
                continue
            by_role.setdefault(role, []).append(cell.text)
        first_row = cells[0].row if cells else 0
        measure_text = "".join(by_role.get(MEASURE, [])).strip()
        if not measure_text:
            texts = [c.text.strip() for c in cells if c.text.strip()]
            if texts:
                if any(_is_note(t) for t in texts):
                    notes.append("\n".join(dict.fromkeys(texts)))
                else:
                    warnings.append(
                        f"第 {first_row} {table.label}没有工作措施，未作为任务导入：{'／'.join(dict.fromkeys(texts))}"
                    )
            continue
        rows.append(_Row(by_role, categories, first_row))

    paths = _resolve_categories([row.categories for row in rows])
    measures: list[Measure] = []
    seq = ""
    for row, path in zip(rows, paths, strict=True):
        by_role = row.cells_by_role
        row_seq = _join_lines("".join(by_role.get(SEQ, [])), "")
        seq = row_seq or seq
        roles = Roles()
        for role in (ROLE_LEAD, ROLE_RESPONSIBLE, ROLE_COOPERATING):
            for text in by_role.get(role, []):
                roles.extend(parse_units(normalize(text), role))
        deadline_text = _join_lines("\n".join(by_role.get(DEADLINE, [])), "\n")
        measure = Measure(
            seq=seq,
            category=" / ".join(path),
            task=_join_lines("\n".join(by_role.get(MEASURE, [])), "\n"),
            level=_join_lines("".join(by_role.get(LEVEL, [])), "") if has_level else None,
            roles=roles,
            deadline_text=deadline_text,
            schedule=parse_deadline(deadline_text, plan_year=plan_year),
            row=row.row,
        )
        note = _join_lines("\n".join(by_role.get(NOTE, [])), "\n")
        if note:
            notes.append(f"{seq}：{note}")
        if not row_seq:
            measure.doubts.append("序号为空，沿用上一行的序号")
        finish_measure(measure, plan_year)
        if row.row in table.cut_rows:
            measure.doubts.append("原文在此处中断，任务内容或责任单位可能不完整")
        measures.append(measure)
    return measures, warnings, notes


def _resolve_categories(rows: list[list[str | None]]) -> list[list[str]]:
    """Carry grouping cells down, and up to the rows of a span whose text stands lower.

    A merged cell's text may stand in any row of its span, so a row with an empty category
    whose sub-category continues into a row that names a category belongs to that category.
    """
    if not rows or not rows[0]:
        return [[] for _ in rows]
    depth = len(rows[0])
    current: list[str] = [""] * depth
    carried: list[list[str]] = []
    explicit: list[list[bool]] = []
    for values in rows:
        row_explicit = [False] * depth
        for level in range(depth):
            value = values[level]
            if value is None:
                for deeper in range(level, depth):
                    current[deeper] = ""
                break
            if value:
                row_explicit[level] = True
                if value != current[level]:
                    current[level] = value
                    for deeper in range(level + 1, depth):
                        if values[deeper] is not None and not values[deeper]:
                            current[deeper] = ""
        carried.append(list(current))
        explicit.append(row_explicit)

    # Fix-up: a sub-category span that reaches a row naming a different category.
    for level in range(depth - 1, 0, -1):
        for index in range(len(rows)):
            if not explicit[index][level] or explicit[index][level - 1]:
                continue
            value = carried[index][level]
            later = index + 1
            while later < len(rows) and carried[later][level] == value:
                if explicit[later][level - 1]:
                    if carried[later][level - 1] != carried[index][level - 1]:
                        for fixed in range(index, later):
                            carried[fixed][:level] = carried[later][:level]
                    break
                later += 1
    return [[part for part in path if part] for path in carried]
