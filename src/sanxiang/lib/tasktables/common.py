"""Helpers shared by the table and the plan readers: plan year, title, suggested milestones."""

from __future__ import annotations

import re

from .deadlines import Schedule, find_dates
from .model import Measure, SuggestedMilestone
from .units import ROLE_WORD, is_unit_like, parse_units

__all__ = ["brackets", "detect_plan_year", "detect_title", "finish_measure", "UNIT_PAREN"]

_TITLE_WORDS = re.compile(r"(方案|计划|清单|要点|分解表|分工表|任务表|台账|安排)(》)?(的通知)?$")
_DATE_LINE = re.compile(r"^\s*(\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
_DOC_NUMBER = re.compile(r"[〔\[［(（](\d{4})[〕\]］)）]\s*\d+\s*号")
_YEAR = re.compile(r"(\d{4})\s*年(?!度)")
# A parenthesis in a measure's text: the plan readers decide whether it names units.
UNIT_PAREN = re.compile(r"[（(]([^（）()]{2,200})[）)]")
_OPENING = "（(〔【［["
_CLOSING = "）)〕】］]"


def brackets(text: str) -> list[tuple[int, int, str, bool]]:
    """Top-level brackets of any kind, nested ones inside: (start, end, inner, closed).

    A bracket the text ends inside ("（牵头单位：省发展改革委；责任单位：省编办、") is returned
    with ``closed`` False and its inner text up to the end.
    """
    out: list[tuple[int, int, str, bool]] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char in _OPENING:
            if depth == 0:
                start = index
            depth += 1
        elif char in _CLOSING and depth > 0:
            depth -= 1
            if depth == 0:
                inner = text[start + 1 : index]
                if 2 <= len(inner) <= 300:
                    out.append((start, index + 1, inner, True))
    if depth > 0:
        out.append((start, len(text), text[start + 1 :], False))
    return out


def detect_title(lines: list[str]) -> str | None:
    """The plan's title: an early line ending in 方案/清单/分解表…, else None."""
    for line in lines[:40]:
        text = line.strip().lstrip("#").strip()
        if 4 <= len(text) <= 80 and _TITLE_WORDS.search(text):
            return text
    return None


def detect_plan_year(lines: list[str], title: str | None) -> int | None:
    """The year "年底前" means: from the title, else a date line, else the document number."""
    for text in [title or "", *[line for line in lines[:40] if _TITLE_WORDS.search(line.strip())]]:
        m = _YEAR.search(text)
        if m and 1990 <= int(m.group(1)) <= 2100:
            return int(m.group(1))
    for line in lines:
        m = _DATE_LINE.match(line)
        if m:
            return int(m.group(1))
    for line in lines[:40]:
        m = _DOC_NUMBER.search(line)
        if m:
            return int(m.group(1))
    return None


def _strip_unit_parens(text: str) -> str:
    def replace(m: re.Match[str]) -> str:
        inner = m.group(1)
        roles = parse_units(inner)
        names = roles.names()
        if names and (ROLE_WORD.search(inner) or all(is_unit_like(n) for n in names)):
            return ""
        return m.group(0)

    return UNIT_PAREN.sub(replace, text)


def finish_measure(measure: Measure, plan_year: int | None) -> Measure:
    """Add suggested milestones from the task's own dates and list what a person must check."""
    text = _strip_unit_parens(measure.task)
    for sentence in re.split(r"[。；;\n]", text):
        sentence = sentence.strip(" ，,")
        if not sentence:
            continue
        for hit in find_dates(sentence, plan_year):
            if hit.date is None:
                measure.doubts.append(f"任务内容中的日期“{hit.text}”未写明年份")
                continue
            kind = Schedule("ongoing", start=hit.date) if hit.is_start else Schedule("by_date", date=hit.date)
            measure.suggested_milestones.append(SuggestedMilestone(sentence, kind))
    if measure.schedule is not None and measure.schedule.is_doubtful:
        measure.doubts.append(f"完成时限“{measure.deadline_text}”需要人工确认")
    if measure.deadline_text == "":
        measure.doubts.append("没有完成时限")
    if measure.roles.is_empty():
        measure.doubts.append("没有责任单位")
    for name in measure.roles.doubts:
        measure.doubts.append(f"“{name}”不像单位名称")
    return measure
