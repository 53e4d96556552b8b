"""Unit cells and role words: "办公厅、政策法规司牵头，各相关司局分别落实" → lead and responsible.

A cell is split on 、，；, spaces and 及 only where every part looks like a unit or a group,
so "具备法律职业资格、行政复议资格人员所在部门" stays one unit. Lines of a cell are units
of their own, except that a line which is not a unit and completes one with the next line is a
name broken across lines ("税收风险管" + "理局").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = [
    "FIRST_IS_LEAD",
    "LABEL",
    "ROLE_COOPERATING",
    "ROLE_LEAD",
    "ROLE_RESPONSIBLE",
    "Roles",
    "apply_first_is_lead",
    "is_unit_like",
    "label_role",
    "parse_labelled",
    "parse_units",
    "strip_remarks",
]

ROLE_LEAD = "lead"
ROLE_RESPONSIBLE = "responsible"
ROLE_COOPERATING = "cooperating"

# Endings of organisation names and of the groups tables use ("其他相关部门", "工作专班成员").
_UNIT_END = re.compile(
    r"(科|股|局|室|所|处|司|厅|部|部门|中心|办|委|会|组|队|院|站|园|机关|单位|顾问|律师|专班|成员|"
    r"政府|街道|镇|乡|公司|银行|法院|检察院|分局|税务局|办事处|小组|人员|全体|各地|海关|人行|集团|开发区|新区|管理区|示范区|试验区)$"
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


def _drop_deng(name: str) -> str:
    """ "市卫生健康委等" → "市卫生健康委" (a list's trailing 等 is not part of the name)."""
    return name[:-1] if name.endswith("等") and len(name) > 3 else name


def is_unit_like(name: str) -> bool:
    """True when ``name`` reads as an organisation or a group of them."""
    name = re.sub(r"[（(][^）)]*[）)]$", "", _drop_deng(name.strip()))
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
    if len(parts) > 1:
        parts = [_drop_deng(p) if is_unit_like(_drop_deng(p)) else p for p in parts]
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


# "牵头单位：" / "责任单位：" / "协同责任单位：" / "牵头负责领导：" (a person, not a unit).
LABEL = re.compile(
    r"(牵头负责领导|分管领导|分管市领导|分管区领导|责任领导|牵头领导|牵头市领导|"
    r"(?:牵头|主责|责任|配合|协同|协办|协助|参与|承办)[^:：;；,，。\s()（）]{0,4}?"
    r"(?:单位|部门|处室|科室|司局|主体|领导))\s*[:：]"
)
# A stated convention: the first unit listed is the lead ("第一责任单位为牵头单位", "排在首位的为牵头单位").
FIRST_IS_LEAD = re.compile(
    r"(列第一位|排在首位|排在第一位|排名第一|排第一|列首位|第一个|首位|第一)[^，,。;；）)〕]{0,10}?(?:为|是)牵头"
)
_SAME_BELOW = re.compile(r"下同|以下同")


def label_role(label: str) -> str | None:
    """The role a unit label gives its list; None for a person ("牵头负责领导")."""
    if label.endswith("领导"):
        return None
    if "牵头" in label:
        return ROLE_LEAD
    if re.search(r"配合|协同|协办|协助|参与", label):
        return ROLE_COOPERATING
    return ROLE_RESPONSIBLE


def strip_remarks(value: str) -> tuple[str, bool]:
    """Cut a label's value to its unit list; True when it states the first-is-lead convention."""
    convention = bool(FIRST_IS_LEAD.search(value))

    def bracket(m: re.Match[str]) -> str:
        inner = m.group(1)
        return "" if FIRST_IS_LEAD.search(inner) or _SAME_BELOW.search(inner) else m.group(0)

    value = re.sub(r"[（(]([^（）()]*)[）)]", bracket, value)
    value = value.split("。")[0]
    kept = [
        clause
        for clause in _split_outside_parens(value, "，,")
        if not FIRST_IS_LEAD.search(clause) and not _SAME_BELOW.search(clause)
    ]
    return "，".join(kept), convention


def parse_labelled(text: str) -> tuple[Roles, bool] | None:
    """Read "牵头单位：A；责任单位：B、C" (one or more labels) into roles.

    Returns None when ``text`` has no label. Anything after a label's unit list that is not a
    unit (a remark, "以下均需各县市区落实") is dropped. The bool tells whether the text states
    that the first unit listed is the lead.
    """
    found = list(LABEL.finditer(text))
    if not found:
        return None
    roles = Roles()
    convention = False
    for index, m in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        role = label_role(m.group(1))
        value, states = strip_remarks(text[m.end() : end].strip(" ;；,，"))
        convention = convention or states
        if role is None:
            continue
        part = parse_units(value, role)
        for name_role in (ROLE_LEAD, ROLE_RESPONSIBLE, ROLE_COOPERATING):
            for name in getattr(part, name_role):
                if is_unit_like(name):
                    roles.add(name_role, name)
    return roles, convention


def apply_first_is_lead(roles: Roles) -> None:
    """The stated convention: with no lead named, the first responsible unit leads."""
    if not roles.lead and roles.responsible:
        roles.lead.append(roles.responsible.pop(0))
