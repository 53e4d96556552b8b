"""Unit cells and role words: "办公厅、政策法规司牵头，各相关司局分别落实" → lead and responsible.

A cell is split on 、，；, spaces and 及 only where every part looks like a unit or a group,
so "具备法律职业资格、行政复议资格人员所在部门" stays one unit. Lines of a cell are units
of their own, except that a line which is not a unit and completes one with the next line is a
name broken across lines ("税收风险管" + "理局").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Roles", "ROLE_LEAD", "ROLE_RESPONSIBLE", "ROLE_COOPERATING", "is_unit_like", "parse_units"]

ROLE_LEAD = "lead"
ROLE_RESPONSIBLE = "responsible"
ROLE_COOPERATING = "cooperating"

# Endings of organisation names and of the groups tables use ("其他相关部门", "工作专班成员").
_UNIT_END = re.compile(
    r"(科|股|局|室|所|处|司|厅|部|部门|中心|办|委|会|组|队|院|站|园|机关|单位|顾问|律师|专班|成员|"
    r"政府|街道|镇|乡|公司|银行|法院|检察院|分局|税务局|办事处|小组|人员|全体|各地)$"
)
_GROUP_START = re.compile(r"^(各|其他|相关|有关|其余|所属|全体)")

# Role words at the end of a clause, longest first.
_ROLE_WORDS: list[tuple[str, str]] = [
    ("分别牵头", ROLE_LEAD),
    ("共同牵头", ROLE_LEAD),
    ("牵头负责", ROLE_LEAD),
    ("牵头", ROLE_LEAD),
    ("配合落实", ROLE_COOPERATING),
    ("配合", ROLE_COOPERATING),
    ("协助", ROLE_COOPERATING),
    ("协办", ROLE_COOPERATING),
    ("参与", ROLE_COOPERATING),
    ("按职责分工负责", ROLE_RESPONSIBLE),
    ("分别负责", ROLE_RESPONSIBLE),
    ("共同负责", ROLE_RESPONSIBLE),
    ("分别落实", ROLE_RESPONSIBLE),
    ("具体落实", ROLE_RESPONSIBLE),
    ("共同推进", ROLE_RESPONSIBLE),
    ("共同落实", ROLE_RESPONSIBLE),
    ("负责", ROLE_RESPONSIBLE),
    ("落实", ROLE_RESPONSIBLE),
    ("承办", ROLE_RESPONSIBLE),
]
ROLE_WORD = re.compile("(" + "|".join(word for word, _ in _ROLE_WORDS) + ")$")


@dataclass
class Roles:
    """Units by role, each list in the order written and without repeats."""

    lead: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)

    def add(self, role: str, name: str) -> None:
        names: list[str] = getattr(self, role)
        if name and name not in names:
            names.append(name)

    def extend(self, other: Roles) -> None:
        for role in (ROLE_LEAD, ROLE_RESPONSIBLE, ROLE_COOPERATING):
            for name in getattr(other, role):
                self.add(role, name)
        self.doubts.extend(d for d in other.doubts if d not in self.doubts)

    def names(self) -> list[str]:
        out: list[str] = []
        for name in [*self.lead, *self.responsible, *self.cooperating]:
            if name not in out:
                out.append(name)
        return out

    def is_empty(self) -> bool:
        return not (self.lead or self.responsible or self.cooperating)


def is_unit_like(name: str) -> bool:
    """True when ``name`` reads as an organisation or a group of them."""
    name = re.sub(r"[（(][^）)]*[）)]$", "", name.strip())
    if len(name) < 2 or len(name) > 40:
        return False
    if re.search(r"[，。；：:,;]", name):
        return False
    return bool(_UNIT_END.search(name) or (_GROUP_START.match(name) and len(name) <= 12))


def _split_outside_parens(text: str, separators: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current = ""
    for char in text:
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth = max(0, depth - 1)
        if depth == 0 and char in separators:
            parts.append(current)
            current = ""
            continue
        current += char
    parts.append(current)
    return parts


def _split_names(clause: str) -> list[str]:
    """Split a clause body on 、, spaces and 及 where every part is a unit."""
    clause = clause.strip(" 、，,；;。")
    if not clause:
        return []
    parts = [p.strip() for p in _split_outside_parens(clause, "、 \u3000") if p.strip()]
    if len(parts) > 1 and not all(is_unit_like(p) for p in parts):
        parts = [clause]
    out: list[str] = []
    for part in parts:
        pieces = [p.strip() for p in part.split("及") if p.strip()]
        if len(pieces) > 1 and all(is_unit_like(p) for p in pieces):
            out.extend(pieces)
        else:
            out.append(part)
    return out


def _join_broken_lines(lines: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        while (
            i + 1 < len(lines)
            and not is_unit_like(line)
            and not ROLE_WORD.search(line)
            and is_unit_like(line + lines[i + 1])
        ):
            line += lines[i + 1]
            i += 1
        out.append(line)
        i += 1
    return out


def parse_units(text: str, default_role: str = ROLE_RESPONSIBLE) -> Roles:
    """Read a unit cell or a "责任单位：…" text into roles.

    A clause ending in a role word takes that role ("X牵头", "Y配合", "Y负责", "Y分别落实",
    "Y共同推进", "X、Y分别牵头"); a plain list takes ``default_role``, the column's role.
    """
    roles = Roles()
    text = text.replace("\r", "").strip().rstrip("。；;")
    if not text:
        return roles
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for line in _join_broken_lines(lines):
        for clause in _split_outside_parens(line, "，,；;"):
            clause = clause.strip()
            if not clause:
                continue
            role = default_role
            m = ROLE_WORD.search(clause)
            if m and len(clause) > len(m.group(0)):
                role = dict(_ROLE_WORDS)[m.group(0)]
                clause = clause[: m.start()]
                clause = re.sub(r"(分别|共同|等)$", "", clause)
            for name in _split_names(clause):
                roles.add(role, name)
                if not is_unit_like(name):
                    roles.doubts.append(name)
    return roles
