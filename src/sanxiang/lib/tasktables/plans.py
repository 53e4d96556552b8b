"""Numbered plans written as paragraphs (工作方案, 重点任务清单) → measures.

A measure is a numbered paragraph ("1。…", "12.…") with the paragraphs that continue it, and
it names its units either on following "责任单位：…" lines (with "完成时限：…") or in
parentheses inside its text ("（区税务局、区发改局牵头，工作专班成员共同推进）"). A numbered
paragraph naming no units is not a measure (an annex's duty list, a report's points). Chapter
headings ("一、", "（一）") become the category.

Other bureaus' layouts read here: label lines of any role ("牵头责任单位：", "协同责任单位：",
"牵头负责领导：" naming a person, which is skipped); brackets of any kind (（）, (), 〔〕, nested
"各县（市、区）") holding labels ("（牵头单位：A；责任单位：B）") or role words ("A牵头，B负责");
a lead named in the sentence ("由A会同B、C等部门…"); the stated convention that the first unit
listed leads ("第一责任单位为牵头单位，下同"), applied to the whole plan; "（一）…" measures (a
long "（一）" paragraph, or a short one followed by label lines); and a text that stops part-way:
its last measure is kept with what it has and marked doubtful.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .common import brackets, finish_measure
from .deadlines import normalize, parse_deadline
from .model import Measure, Part
from .units import (
    FIRST_IS_LEAD,
    LABEL,
    ROLE_COOPERATING,
    ROLE_LEAD,
    ROLE_RESPONSIBLE,
    ROLE_WORD,
    Roles,
    apply_first_is_lead,
    is_unit_like,
    label_role,
    parse_labelled,
    parse_units,
    strip_remarks,
)

__all__ = ["CUT_DOUBT", "measures_from_paragraphs"]

CUT_DOUBT = "原文在此处中断，任务内容或责任单位可能不完整"

_ITEM = re.compile(r"^(\d{1,3})\s*[.．。、]\s*(\S.*)$")
_HEADING_1 = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章部分节编])\s*(.+)$")
_HEADING_2 = re.compile(r"^([（(][一二三四五六七八九十]+[）)])\s*(.+)$")
_SUB_ITEM = re.compile(r"^([（(]\d{1,2}[）)]|[①②③④⑤⑥⑦⑧⑨⑩])")
# "由发展改革委会同中央农办、农业部等部门研究提出落实意见": the lead is named in the sentence.
_HUITONG = re.compile(
    r"由([^，,。；;：:“”\n]{2,80}?)(?:牵头)?[，,]?会同([^。；;：:“”\n]{2,300}?)"
    r"(?:等(?:有关|相关)?(?:部门|单位|地区|方面))?"
    r"(?=研究|负责|共同|组织|制定|提出|落实|抓紧|按|进行|开展|做好|[，,。])"
)
_DEADLINE_LINE = re.compile(r"^(完成时限|完成时间|时间要求|时限要求|完成期限)\s*[:：]\s*(.*)$")
# A deadline written in a unit bracket: "（牵头单位：A；责任单位：B，6月底完成）".
_BRACKET_DEADLINE = re.compile(
    r"[，,；;]\s*((?:(?:\d{4}年)?(?:\d{1,2}月(?:底|末|中旬|上旬|下旬|\d{1,2}日)?|上半年|下半年)|(?:\d{4})?年(?:底|内))"
    r"(?:前|以前)?(?:完成|办结|落实到位)?|持续推进|长期坚持|持续开展)\s*$"
)
_MEASURES_FOLLOW = re.compile(r"^(具体措施|主要措施|工作措施|具体举措|具体任务)\s*[:：]?\s*$")
_CUT_LABEL = re.compile(r"^(牵头|责任|配合|协同|协办|主责|承办|完成时|时限)[^:：]{0,6}$")
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
    truncated: bool = False
    two_level: bool = False


def _unit_paren(inner: str) -> Roles | None:
    """The roles a parenthesis names, or None when it is not a unit list."""
    labelled = parse_labelled(inner)
    if labelled is not None:
        return labelled[0] if not labelled[0].is_empty() else None
    roles = parse_units(inner)
    names = roles.names()
    if not names or roles.doubts:
        return None
    if ROLE_WORD.search(inner.strip()) or all(is_unit_like(name) for name in names):
        return roles
    return None


def _cut_bracket(inner: str, first_role: str) -> Roles:
    """The units readable in a bracket the text stops inside ("（市政府办公室、市")."""
    # The last name may be cut in the middle ("省编办、省"): keep what ends at a separator.
    whole = re.sub(r"(?<=[、，,；;])[^、，,；;：:]*$", "", inner)
    labelled = parse_labelled(whole)
    if labelled is not None:
        return labelled[0]
    roles = Roles()
    pieces = [p.strip() for p in re.split(r"[、，,；;]", inner)]
    for piece in pieces[:-1]:  # the last piece may be a name cut in the middle
        if is_unit_like(piece):
            roles.add(first_role, piece)
    return roles


def _huitong(text: str) -> Roles | None:
    m = _HUITONG.search(text)
    if m is None:
        return None
    roles = Roles()
    for role, group in ((ROLE_LEAD, m.group(1)), (ROLE_COOPERATING, m.group(2))):
        for name in parse_units(group, role).names():
            if is_unit_like(name):
                roles.add(role, name)
    return roles if roles.lead else None


def measures_from_paragraphs(
    lines: list[str], *, plan_year: int | None, layouts: list[str] | None = None
) -> tuple[list[Measure], list[str], list[str]]:
    """Read numbered measures from paragraphs; returns (measures, warnings, notes).

    ``layouts`` (when given) receives the codes of the layouts recognised (see ``LAYOUTS``).
    """
    warnings: list[str] = []
    notes: list[str] = []
    items: list[_Item] = []
    path: list[str] = ["", ""]
    current: _Item | None = None
    pending: _Item | None = None  # a short "（一）…" heading that label lines may make a measure
    parent_is_measure = False  # numbered items now are the measures of a "（一）" measure
    in_annex = False
    tail: _Item | None = None  # the item the text ends in
    last_line = ""
    last_complete = False
    last_heading: tuple[str, str, int] | None = None
    for number, raw in enumerate(lines, start=1):
        line = normalize(raw).lstrip("#").strip()
        if not line:
            continue
        last_line = line
        last_complete = False  # the line is a whole "责任单位：…" line (it needs no full stop)
        last_heading = None
        if _ANNEX.match(line) and any(item.unit_lines or _has_unit_paren(item.text) for item in items):
            in_annex = True
        if in_annex:
            current = tail = None
            continue
        unit = LABEL.match(line)
        deadline = _DEADLINE_LINE.match(line)
        if pending is not None and (unit or deadline):
            current = tail = pending
            items.append(pending)
        pending = None
        m1, m2 = _HEADING_1.match(line), _HEADING_2.match(line)
        if m1 and len(line) <= 40:
            path = [_heading_text(m1.group(1)), ""]
            parent_is_measure = False
            current = tail = None
            continue
        if m2 and len(line) <= 40 and not (_has_unit_paren(line) or _huitong(line)):
            path = [path[0], _heading_text(m2.group(2))]
            parent_is_measure = False
            pending = _Item(m2.group(1), number, [p for p in path[:1] if p], m2.group(2))
            last_heading = (m2.group(1), m2.group(2), number)
            current = tail = None
            continue
        if m2:
            current = tail = _Item(m2.group(1), number, [p for p in path[:1] if p], m2.group(2))
            items.append(current)
            path = [path[0], _heading_text(re.split(r"[。；;]", m2.group(2))[0])[:60]]
            parent_is_measure = True
            continue
        item_match = _ITEM.match(line)
        if item_match:
            current = tail = _Item(item_match.group(1), number, [p for p in path if p], item_match.group(2))
            current.two_level = parent_is_measure
            items.append(current)
            continue
        if _MEASURES_FOLLOW.match(line):
            parent_is_measure = True  # "具体措施：" under a "（一）" heading
            continue
        if current is None:
            tail = None  # the text goes on after its measures (a signature, a date, an annex)
            continue
        if unit:
            current.unit_lines.append((unit.group(1), line[unit.end() :].strip()))
            last_complete = bool(line[unit.end() :].strip())
            continue
        if deadline:
            current.deadline = (current.deadline + "\n" + deadline.group(2)).strip()
            last_complete = bool(deadline.group(2).strip())
            continue
        if current.unit_lines or current.deadline:
            current = None  # prose after the unit lines is not part of the measure
            if not _CUT_LABEL.match(line):
                tail = None  # "牵头责任" (a label the text stops in) keeps the measure open
            continue
        if _SUB_ITEM.match(line):
            current.text = current.text + "\n" + line
            continue
        current.text, joined = _join(current.text, line)
        if joined:
            current.joins.append(number)

    found: set[str] = set()
    label_layout = any(
        role is not None for item in items for label, _ in item.unit_lines for role in [label_role(label)]
    )
    if last_heading is not None and any(item.seq.startswith(("(", "（")) for item in items):
        # The text stops in a "（三）关于…" line: a measure cut short, not a heading.
        seq, text, number = last_heading
        tail = _Item(seq, number, [p for p in path[:1] if p], text)
        items.append(tail)
    if tail is not None and (
        (last_line[-1] not in _TERMINAL + "”》〕】］]" and not last_complete)
        or _open_bracket(tail.text)
        or (label_layout and not tail.unit_lines)
    ):
        tail.truncated = True

    first_role = _first_bracket_role(items)
    kept: list[_Item] = [
        item
        for item in items
        if item.unit_lines
        or item.deadline
        or _has_unit_paren(item.text)
        or _huitong(item.text)
        or (item.truncated and (len(items) > 1 or _open_bracket_units(item.text)))
    ]
    measures: list[Measure] = []
    convention = False
    for item in kept:
        measure, states = _measure(item, plan_year, first_role, found)
        convention = convention or states
        for line_number in item.joins:
            warnings.append(
                f"第 {line_number} 行：任务 {item.seq} 的文字跨页断开，已接续（去掉了分页处重复的字），请核对"
            )
        measures.append(measure)
    if not any(m.roles.lead or m.roles.responsible or m.roles.cooperating for m in measures):
        # Only cut-off items and no units anywhere: not a plan.
        if all(item.truncated for item in kept):
            measures, kept = [], []
    if convention:
        found.add("first_is_lead")
        for measure in measures:
            apply_first_is_lead(measure.roles)
    if measures and any(item.truncated for item in kept):
        found.add("cut_off")
    if any(item.two_level for item in kept) or any(
        _SUB_ITEM.search(line) for item in kept for line in item.text.split("\n")[1:]
    ):
        found.add("two_level")
    if measures:
        found.add("numbered_paragraphs")
    if layouts is not None:
        layouts.extend(code for code in LAYOUT_ORDER if code in found)
    _drop_common_category_prefix(measures, kept)
    return measures, warnings, notes


# Codes of the layouts this reader recognises, in the order they are reported.
LAYOUT_ORDER = [
    "numbered_paragraphs",
    "label_lines",
    "inline_brackets",
    "lead_in_sentence",
    "first_is_lead",
    "each_leads",
    "two_level",
    "cut_off",
]


def _open_bracket(text: str) -> bool:
    return any(not closed for _start, _end, _inner, closed in brackets(text))


def _open_bracket_units(text: str) -> bool:
    return any(
        not closed and not _cut_bracket(inner, ROLE_RESPONSIBLE).is_empty()
        for _start, _end, inner, closed in brackets(text)
    )


def _first_bracket_role(items: list[_Item]) -> str:
    """The role of the first units of a complete bracket in this plan (lead when "A牵头，B负责")."""
    leads = others = 0
    for item in items:
        for _start, _end, inner, closed in brackets(item.text):
            roles = _unit_paren(inner) if closed else None
            if roles is None:
                continue
            first = roles.names()[0]
            if first in roles.lead:
                leads += 1
            else:
                others += 1
    return ROLE_LEAD if leads > others else ROLE_RESPONSIBLE


def _heading_text(text: str) -> str:
    return text.strip().rstrip("。")


def _has_unit_paren(text: str) -> bool:
    return any(closed and _unit_paren(inner) for _start, _end, inner, closed in brackets(text))


def _join(text: str, line: str) -> tuple[str, bool]:
    """Append a continuation paragraph; a break inside a sentence is a page break."""
    if text and text[-1] not in _TERMINAL:
        if _CJK.match(text[-1]) and text[-1] == line[0]:
            return text + line[1:], True  # the page break repeated the last character
        return text + line, False
    return text + "\n" + line, False


def _measure(item: _Item, plan_year: int | None, first_role: str, found: set[str]) -> tuple[Measure, bool]:
    roles = Roles()
    convention = False
    for label, raw_value in item.unit_lines:
        default = label_role(label)
        if default is None:
            continue  # a person ("牵头负责领导：金力")
        found.add("label_lines")
        value, states = strip_remarks(raw_value)
        convention = convention or states
        roles.extend(parse_units(value, default))
    parts = _parts(item.text)
    if parts:
        found.add("inline_brackets")
    for part in parts:
        roles.extend(part.roles)
    doubts: list[str] = []
    for _start, _end, inner, closed in brackets(item.text):
        if closed:
            if FIRST_IS_LEAD.search(inner) and _unit_paren(inner) is not None:
                convention = True
            continue
        cut = _cut_bracket(inner, first_role)
        if not cut.is_empty():
            found.add("inline_brackets")
            roles.extend(cut)
            if cut.lead and parse_labelled(inner) is None:
                doubts.append("原文在括号内中断，牵头单位按本文件其他任务的写法推定，请核对")
    deadline_text = item.deadline
    if not deadline_text:
        for _start, _end, inner, closed in brackets(item.text):
            hit = _BRACKET_DEADLINE.search(inner) if closed and LABEL.search(inner) else None
            if hit:
                deadline_text = hit.group(1)
    if roles.is_empty():
        sentence = _huitong(item.text)
        if sentence is not None:
            found.add("lead_in_sentence")
            roles.extend(sentence)
    if any("分别牵头" in value for _label, value in item.unit_lines) or "分别牵头" in item.text:
        found.add("each_leads")
    distinct = {(tuple(p.roles.lead), tuple(p.roles.responsible), tuple(p.roles.cooperating)) for p in parts}
    measure = Measure(
        seq=item.seq,
        category=" / ".join(item.path),
        task=item.text,
        roles=roles,
        deadline_text=deadline_text,
        schedule=parse_deadline(deadline_text, plan_year=plan_year),
        parts=parts if len(distinct) > 1 else [],
        row=item.line,
    )
    finish_measure(measure, plan_year)
    if item.truncated:
        measure.doubts.append(CUT_DOUBT)
    measure.doubts.extend(doubts)
    return measure, convention


def _parts(text: str) -> list[Part]:
    """Split a measure at each unit parenthesis: the sentences before it are that part's text.

    The first sentence, the measure's title ("深化大数据和新技术应用。"), belongs to no part.
    """
    found = [(start, end, _unit_paren(inner)) for start, end, inner, closed in brackets(text) if closed]
    found = [(start, end, roles) for start, end, roles in found if roles is not None]
    if not found:
        return []
    title_end = text.find("。")
    start = title_end + 1 if 0 <= title_end < found[0][0] else 0
    parts: list[Part] = []
    for bracket_start, bracket_end, roles in found:
        assert roles is not None
        part_text = text[start:bracket_start].strip(" 。；;，,\n")
        parts.append(Part(part_text, roles))
        start = bracket_end
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
