"""Pipe tables: a table flattened to text with ``|`` between cells.

Two shapes arrive: one row per line ("| 1 | 任务 | 牵头单位 |") and one cell per line ("任务 |"),
where a line of pipes alone ends a row ("|", or "||" for an empty last cell and the row's end).
Rows are ragged: a trailing cell left out, or a merged column ("全年目标任务" spanning the
data rows) missing from every data row, which shifts the cells after it to the left. Each row
is aligned to the header by content: the columns it lacks are the ones that make its cells
fit best (units under unit columns, a person under "分管领导", a number under "序号").
"""

from __future__ import annotations

import itertools
import re

from .tables import (
    CATEGORY,
    DEADLINE,
    LEVEL,
    MEASURE,
    SEQ,
    Cell,
    Table,
    classify_header,
    find_header,
)
from .units import ROLE_COOPERATING, ROLE_LEAD, ROLE_RESPONSIBLE, is_unit_like, parse_units

__all__ = ["pipe_tables", "align_row"]

_ONLY_PIPES = re.compile(r"^\s*\|+\s*$")
_SEQ = re.compile(r"^\d{1,4}$")
_PERSON_COLUMN = re.compile(r"领导|负责人|联系人|责任人")
_PERSON = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_MAX_COMBINATIONS = 5000
CUT_ROW = "cut_row"  # marks the last row when the text stops inside it


def _cells_of(line: str) -> list[str]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    return [piece.strip() for piece in body.split("|")]


def _rows(lines: list[str]) -> tuple[list[str], list[list[tuple[str, int]]], bool]:
    """Preamble, rows of (text, line) and whether the last row was left open (text cut)."""
    row_lines = [line for line in lines if line.count("|") >= 3 and line.strip().startswith("|")]
    preamble: list[str] = []
    rows: list[list[tuple[str, int]]] = []
    if len(row_lines) >= 2:  # one row per line
        for number, line in enumerate(lines, start=1):
            if line.count("|") >= 2 and line.strip().startswith("|"):
                cells = _cells_of(line)
                if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                    continue  # a Markdown rule line
                rows.append([(c, number) for c in cells])
            elif not rows and line.strip():
                preamble.append(line)
        return preamble, rows, False
    current: list[tuple[str, int]] = []
    started = False
    for number, line in enumerate(lines, start=1):
        if _ONLY_PIPES.match(line):
            current.extend(("", number) for _ in range(line.count("|") - 1))
            if current:
                rows.append(current)
            current = []
            started = True
            continue
        if line.rstrip().endswith("|"):
            started = True
            for piece in _cells_of(line):
                current.append((piece, number))
            continue
        if not line.strip():
            continue
        if not started:
            preamble.append(line)
        elif current:
            text, at = current[-1]
            current[-1] = (text + "\n" + line.strip(), at)
    cut = bool(current)
    if current:
        rows.append(current)
    return preamble, rows, cut


def _fit(text: str, header: str) -> int:
    """How well a cell's text fits under a header (positive fits, negative does not)."""
    text = text.strip()
    if not text:
        return 0
    role = classify_header(header)
    if role in {ROLE_LEAD, ROLE_RESPONSIBLE, ROLE_COOPERATING, LEVEL}:
        units = parse_units(text, ROLE_RESPONSIBLE if role == LEVEL else role)
        return 2 if units.names() and not units.doubts else -2
    if _PERSON_COLUMN.search(re.sub(r"\s", "", header)):
        if _PERSON.match(text) and not is_unit_like(text):
            return 2
        return -1
    if role == SEQ:
        return 2 if _SEQ.match(text) else -2
    if role in {MEASURE, CATEGORY}:
        if is_unit_like(text) and len(text) <= 12:
            return -1
        return 1 if len(text) >= 6 else 0
    if role == DEADLINE:
        return 1 if re.search(r"年|月|底|前|持续|长期|季度", text) else 0
    return 0


def align_row(cells: list[str], header: list[str]) -> list[int | None]:
    """The header column of each cell (None for a cell beyond the header)."""
    width = len(header)
    if len(cells) >= width:
        return [index if index < width else None for index in range(len(cells))]
    deficit = width - len(cells)
    best: tuple[int, int, tuple[int, ...]] | None = None
    for count, skipped in enumerate(itertools.combinations(range(width), deficit)):
        if count >= _MAX_COMBINATIONS:
            break
        columns = [c for c in range(width) if c not in skipped]
        score = sum(_fit(text, header[col]) for text, col in zip(cells, columns, strict=False))
        # On a tie, prefer leaving out the trailing columns (a row simply ended early).
        key = (score, sum(skipped))
        if best is None or key > best[:2]:
            best = (score, sum(skipped), skipped)
    assert best is not None
    columns = [c for c in range(width) if c not in best[2]]
    return list(columns[: len(cells)])


def _split_header(first: list[tuple[str, int]]) -> tuple[list[tuple[str, int]], list[tuple[str, int]]] | None:
    """The header of a block, and the first data row when no row end separates them."""
    for end in range(3, len(first)):
        if _SEQ.match(first[end][0]) and find_header([[Cell(text) for text, _ in first[:end]]]) is not None:
            return first[:end], first[end:]
    if find_header([[Cell(text) for text, _ in first]]) is not None:
        return first, []
    return None


def pipe_tables(lines: list[str]) -> tuple[list[str], list[Table]]:
    """Read the pipe table in ``lines``: (preamble, [table]) or (lines, []) when there is none."""
    preamble, rows, cut = _rows(lines)
    if not rows:
        return lines, []
    split = None
    header_at = 0
    for index, row in enumerate(rows[:30]):
        split = _split_header(row)
        if split is not None:
            header_at = index
            break
    if split is None:
        return lines, []
    for skipped in rows[:header_at]:
        preamble.extend(text for text, _ in skipped if text)
    header, first = split
    data = ([first] if first else []) + rows[header_at + 1 :]
    titles = [text for text, _ in header]
    table = Table(
        header=[Cell(text, col=index, row=at) for index, (text, at) in enumerate(header)],
        rows=[],
    )
    for position, row in enumerate(data):
        if not any(text for text, _ in row):
            continue
        if len(row) != len(titles):
            if "ragged_cells" not in table.layouts:
                table.layouts.append("ragged_cells")
        columns = align_row([text for text, _ in row], titles)
        cells = [Cell(text, col=col, row=at) for (text, at), col in zip(row, columns, strict=False)]
        if cut and position == len(data) - 1:
            table.warnings.append(f"第 {row[0][1]} 行：原文在此行中断，该行内容可能不完整，请核对")
            table.cut_rows.append(row[0][1])
            table.layouts.append("cut_off")
        table.rows.append(cells)
    return preamble, [table]
