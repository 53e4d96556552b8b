"""Numbered plans written as paragraphs (工作方案, 重点任务清单) → measures.

A measure is a numbered paragraph ("1。…", "12.…") with the paragraphs that continue it, and
it names its units either on following "责任单位：…" lines (with "完成时限：…") or in
parentheses inside its text ("（区税务局、区发改局牵头，工作专班成员共同推进）"). A numbered
paragraph naming no units is not a measure (an annex's duty list, a report's points). Chapter
headings ("一、", "（一）") become the category.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .common import UNIT_PAREN, finish_measure
from .deadlines import normalize, parse_deadline
from .model import Measure, Part
from .units import ROLE_LEAD, ROLE_RESPONSIBLE, ROLE_WORD, Roles, is_unit_like, parse_units

__all__ = ["measures_from_paragraphs"]

_ITEM = re.compile(r"^(\d{1,3})\s*[.．。、]\s*(\S.*)$")
_HEADING_1 = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章部分节编])\s*(.+)$")
_HEADING_2 = re.compile(r"^[（(][一二三四五六七八九十]+[）)]\s*(.+)$")
_UNIT_LINE = re.compile(
    r"^(责任单位|责任部门|牵头单位|牵头部门|配合单位|配合部门|责任处室|主责部门|承办单位)\s*[:：]\s*(.*)$"
)
_DEADLINE_LINE = re.compile(r"^(完成时限|完成时间|时间要求|时限要求|完成期限)\s*[:：]\s*(.*)$")
_ANNEX = re.compile(r"^附件\s*\d*\s*[:：]?")
_TERMINAL = "。；;！？!?：:）)"
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class _Item:
    seq: str
    line: int
    path: list[str]
    text: str
    joins: list[int] = field(default_factory=list)
    unit_lines: list[tuple[str, str]] = field(default_factory=list)
    deadline: str = ""


def _unit_paren(inner: str) -> Roles | None:
    """The roles a parenthesis names, or None when it is not a unit list."""
    roles = parse_units(inner)
    names = roles.names()
    if not names or roles.doubts:
        return None
    if ROLE_WORD.search(inner.strip()) or all(is_unit_like(name) for name in names):
        return roles
    return None


def measures_from_paragraphs(
    lines: list[str], *, plan_year: int | None
) -> tuple[list[Measure], list[str], list[str]]:
    """Read numbered measures from paragraphs; returns (measures, warnings, notes)."""
    warnings: list[str] = []
    notes: list[str] = []
    items: list[_Item] = []
    path: list[str] = ["", ""]
    current: _Item | None = None
    in_annex = False
    for number, raw in enumerate(lines, start=1):
        line = normalize(raw).lstrip("#").strip()
        if not line:
            continue
        if _ANNEX.match(line) and any(item.unit_lines or _has_unit_paren(item.text) for item in items):
            in_annex = True
        if in_annex:
            current = None
            continue
        m1, m2 = _HEADING_1.match(line), _HEADING_2.match(line)
        if m1 and len(line) <= 40:
            path = [_heading_text(m1.group(1)), ""]
            current = None
            continue
        if m2 and len(line) <= 40:
            path = [path[0], _heading_text(m2.group(1))]
            current = None
            continue
        item = _ITEM.match(line)
        if item:
            current = _Item(item.group(1), number, [p for p in path if p], item.group(2))
            items.append(current)
            continue
        if current is None:
            continue
        unit = _UNIT_LINE.match(line)
        if unit:
            current.unit_lines.append((unit.group(1), unit.group(2)))
            continue
        deadline = _DEADLINE_LINE.match(line)
        if deadline:
            current.deadline = (current.deadline + "\n" + deadline.group(2)).strip()
            continue
        if current.unit_lines or current.deadline:
            current = None  # prose after the unit lines is not part of the measure
            continue
        current.text, joined = _join(current.text, line)
        if joined:
            current.joins.append(number)

    measures: list[Measure] = []
    kept: list[_Item] = [
        item for item in items if item.unit_lines or item.deadline or _has_unit_paren(item.text)
    ]
    for kept_item in items:
        if kept_item not in kept:
            continue
        measure = _measure(kept_item, plan_year)
        for line_number in kept_item.joins:
            warnings.append(
                f"第 {line_number} 行：任务 {kept_item.seq} 的文字跨页断开，已接续（去掉了分页处重复的字），请核对"
            )
        measures.append(measure)
    _drop_common_category_prefix(measures, kept)
    return measures, warnings, notes


def _heading_text(text: str) -> str:
    return text.strip().rstrip("。")


def _has_unit_paren(text: str) -> bool:
    return any(_unit_paren(m.group(1)) for m in UNIT_PAREN.finditer(text))


def _join(text: str, line: str) -> tuple[str, bool]:
    """Append a continuation paragraph; a break inside a sentence is a page break."""
    if text and text[-1] not in _TERMINAL:
        if _CJK.match(text[-1]) and text[-1] == line[0]:
            return text + line[1:], True  # the page break repeated the last character
        return text + line, False
    return text + "\n" + line, False


def _measure(item: _Item, plan_year: int | None) -> Measure:
    roles = Roles()
    for label, value in item.unit_lines:
        default = ROLE_LEAD if "牵头" in label else ROLE_RESPONSIBLE
        if "配合" in label:
            default = "cooperating"
        roles.extend(parse_units(value, default))
    parts = _parts(item.text)
    for part in parts:
        roles.extend(part.roles)
    distinct = {(tuple(p.roles.lead), tuple(p.roles.responsible), tuple(p.roles.cooperating)) for p in parts}
    measure = Measure(
        seq=item.seq,
        category=" / ".join(item.path),
        task=item.text,
        roles=roles,
        deadline_text=item.deadline,
        schedule=parse_deadline(item.deadline, plan_year=plan_year),
        parts=parts if len(distinct) > 1 else [],
        row=item.line,
    )
    return finish_measure(measure, plan_year)


def _parts(text: str) -> list[Part]:
    """Split a measure at each unit parenthesis: the sentences before it are that part's text.

    The first sentence, the measure's title ("深化大数据和新技术应用。"), belongs to no part.
    """
    found = [(m, _unit_paren(m.group(1))) for m in UNIT_PAREN.finditer(text)]
    complete = [(m, roles) for m, roles in found if roles is not None]
    if not complete:
        return []
    title_end = text.find("。")
    start = title_end + 1 if 0 <= title_end < complete[0][0].start() else 0
    parts: list[Part] = []
    for m, roles in complete:
        part_text = text[start : m.start()].strip(" 。；;，,\n")
        parts.append(Part(part_text, roles))
        start = m.end()
    rest = text[start:].strip(" 。；;，,\n")
    if rest:
        parts.append(Part(rest, Roles()))
    return parts


def _drop_common_category_prefix(measures: list[Measure], items: list[_Item]) -> None:
    """Drop chapter levels every measure shares ("二、基本任务"), keeping at least one."""
    paths = [item.path for item in items]
    if not paths:
        return
    common = 0
    while all(len(p) > common + 1 for p in paths) and len({p[common] for p in paths}) == 1:
        common += 1
    for measure, item_path in zip(measures, paths, strict=True):
        measure.category = " / ".join(item_path[common:])
