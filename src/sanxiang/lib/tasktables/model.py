"""What the importer returns: measures with their units and schedule, and the problems found."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .deadlines import Schedule
from .units import Roles

__all__ = ["LAYOUT_LABELS", "Matcher", "Measure", "ParseResult", "Part", "SuggestedMilestone"]

# The layouts the importer recognises, as a clerk reads them in the preview.
LAYOUT_LABELS = {
    "table": "Word/Excel 表格",
    "tab_table": "从 Word 表格导出的文本表格",
    "pipe_table": "竖线“|”分隔的表格",
    "ragged_cells": "行的单元格数与表头不一致（已按内容对齐）",
    "numbered_paragraphs": "编号段落",
    "label_lines": "措施后另起一行写明“牵头单位：/责任单位：”",
    "inline_brackets": "措施后括号内写明单位",
    "lead_in_sentence": "句中写明“由……会同……”",
    "first_is_lead": "写明“列第一位的为牵头单位”",
    "each_leads": "写明“分别牵头”",
    "two_level": "两级措施",
    "cut_off": "原文中途截断",
    "traditional": "繁体字（仅为识别转换，保留原文）",
}

# Maps a unit name as written to an organisation or external-unit id, or None when unknown.
Matcher = Callable[[str], int | None]


@dataclass
class Part:
    """The units one sentence of a measure names, when sentences name different units."""

    text: str
    roles: Roles

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "lead": list(self.roles.lead),
            "responsible": list(self.roles.responsible),
            "cooperating": list(self.roles.cooperating),
        }


@dataclass
class SuggestedMilestone:
    """A date written in the measure's own text ("2022年基本实现…"), for a person to confirm."""

    text: str
    schedule: Schedule

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "schedule": self.schedule.to_json()}


@dataclass
class Measure:
    """One task (推行任务 / 工作措施 / 具体举措) of a plan."""

    seq: str
    category: str
    task: str
    level: str | None = None
    roles: Roles = field(default_factory=Roles)
    deadline_text: str = ""
    schedule: Schedule | None = None
    parts: list[Part] = field(default_factory=list)
    suggested_milestones: list[SuggestedMilestone] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)
    row: int | None = None  # where the measure starts: line, sheet row or table row

    @property
    def lead(self) -> list[str]:
        return self.roles.lead

    @property
    def responsible(self) -> list[str]:
        return self.roles.responsible

    @property
    def cooperating(self) -> list[str]:
        return self.roles.cooperating

    def unit_names(self) -> list[str]:
        return self.roles.names()

    def to_json(self, matcher: Matcher) -> dict[str, Any]:
        """The ``import_tasks --json`` shape; ``matched`` maps each unit name through ``matcher``."""
        return {
            "seq": self.seq,
            "category": self.category,
            "task": self.task,
            "level": self.level,
            "lead": list(self.lead),
            "responsible": list(self.responsible),
            "cooperating": list(self.cooperating),
            "matched": {name: matcher(name) for name in self.unit_names()},
            "deadline_text": self.deadline_text,
            "schedule": self.schedule.to_json() if self.schedule else None,
            "parts": [part.to_json() for part in self.parts],
        }


@dataclass
class ParseResult:
    """Measures in file order; ``errors`` is non-empty when the file holds no measures."""

    measures: list[Measure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # a table's 备注 and similar text kept aside
    title: str | None = None
    plan_year: int | None = None
    layouts: list[str] = field(default_factory=list)  # codes, see ``LAYOUT_LABELS``

    def layout_labels(self) -> list[str]:
        """The layouts recognised, in words for the preview."""
        return [LAYOUT_LABELS.get(code, code) for code in self.layouts]

    def to_json(self, matcher: Matcher) -> list[dict[str, Any]]:
        return [measure.to_json(matcher) for measure in self.measures]
