"""Pure rules of the legal review (no Django import): detection, the workflow table, quorum, clock.

Everything here is a function of its arguments; ``today`` is always passed in. The services in
``services.py`` apply these rules, save and audit.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

# --------------------------------------------------------------------------------------------
# Detection: does a proposed decision need legal review, and which catalogue rule fired?

# Condition flags a case may carry; each maps to a catalogue rule's ``condition``.
CONDITIONS: dict[str, str] = {
    "major_public_interest": "涉及重大公共利益",
    "hearing_held": "直接关系当事人或第三人重大权益，经过听证程序",
    "complex_case": "案件情况疑难复杂、涉及多个法律关系",
    "social_risk": "可能造成重大社会影响或引发社会风险",
    "benchmark_departure": "偏离裁量基准（从重、加重或从轻、减轻）",
    "tax_preservation": "税收保全措施",
    "compulsory_enforcement": "强制执行措施",
    "licence_refused": "不予（变更）行政许可或撤销行政许可",
    "crime_transfer": "拟移送公安机关（涉嫌犯罪）",
    "supervised_case": "上级督办或监察、司法机关要求出具意见的案件",
}


@dataclass(frozen=True)
class CatalogueRule:
    """One row of a review catalogue (法制审核事项清单).

    A rule fires when the act kind matches (empty = any kind) and either its ``condition`` flag is
    set on the case or the amount reaches the threshold for the subject (organisation/individual).
    ``collective`` asks for collective deliberation with ``quorum`` as a share of member units;
    ``leaders_collective`` asks the bureau's leaders to decide collectively (行政处罚法第五十七条第二款).
    """

    code: str
    label: str
    act_kinds: tuple[str, ...] = ()
    condition: str = ""
    amount_field: str = ""  # "penalty_amount" or "tax_amount"
    threshold_organisation: Decimal | None = None
    threshold_individual: Decimal | None = None
    collective: bool = False
    quorum: Fraction = Fraction(2, 3)
    leaders_collective: bool = False
    basis: str = ""
    certainty: str = "unconfirmed"

    def threshold_for(self, subject: str) -> Decimal | None:
        return self.threshold_organisation if subject == "organisation" else self.threshold_individual

    def fires(self, case: CaseFacts) -> bool:
        if self.act_kinds and case.act_kind not in self.act_kinds:
            return False
        if self.condition:
            return self.condition in case.conditions
        if self.amount_field:
            threshold = self.threshold_for(case.subject)
            amount = case.penalty_amount if self.amount_field == "penalty_amount" else case.tax_amount
            return threshold is not None and amount >= threshold
        return bool(self.act_kinds)  # a rule on kinds alone: every act of those kinds


@dataclass(frozen=True)
class CaseFacts:
    """What detection looks at: the act kind, the subject, the proposed amounts and condition flags."""

    act_kind: str
    subject: str  # "organisation" | "individual"
    penalty_amount: Decimal = Decimal(0)
    tax_amount: Decimal = Decimal(0)
    conditions: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Detection:
    needs_review: bool
    fired: tuple[CatalogueRule, ...]
    collective: bool
    quorum: Fraction | None
    leaders_collective: bool

    @property
    def codes(self) -> list[str]:
        return [rule.code for rule in self.fired]

    def to_json(self) -> list[dict[str, Any]]:
        return [
            {"code": r.code, "label": r.label, "basis": r.basis, "certainty": r.certainty} for r in self.fired
        ]


def detect(case: CaseFacts, rules: Iterable[CatalogueRule]) -> Detection:
    """Which catalogue rules the case meets; review is needed when any fires (行政处罚法第五十八条)."""
    fired = tuple(rule for rule in rules if rule.fires(case))
    collective = [rule for rule in fired if rule.collective]
    quorum = max((rule.quorum for rule in collective), default=None)
    return Detection(
        needs_review=bool(fired),
        fired=fired,
        collective=bool(collective),
        quorum=quorum,
        leaders_collective=any(rule.leaders_collective for rule in fired),
    )


def subject_of(taxpayer_kind: str) -> str:
    """Hearing and catalogue thresholds distinguish citizens from organisations; an individual
    business is run by a citizen (税务行政处罚听证程序实施办法第三条)."""
    return "organisation" if taxpayer_kind == "organisation" else "individual"


# The default catalogue, built from what the rules do say (RULES.md §4). Every amount is data: an
# authority files its own version with different thresholds. Marks: confirmed ✅, partly 🟡,
# unconfirmed ❓ (RULES.md legend).
DEFAULT_CATALOGUE: tuple[dict[str, Any], ...] = (
    {
        "code": "public_interest",
        "label": "涉及重大公共利益",
        "condition": "major_public_interest",
        "basis": "《行政处罚法》第五十八条第一款第（一）项",
        "certainty": "confirmed",
    },
    {
        "code": "hearing_held",
        "label": "直接关系当事人或者第三人重大权益，经过听证程序",
        "condition": "hearing_held",
        "basis": "《行政处罚法》第五十八条第一款第（二）项",
        "certainty": "confirmed",
    },
    {
        "code": "complex_case",
        "label": "案件情况疑难复杂、涉及多个法律关系",
        "condition": "complex_case",
        "leaders_collective": True,
        "basis": "《行政处罚法》第五十八条第一款第（三）项、第五十七条第二款",
        "certainty": "confirmed",
    },
    {
        "code": "social_risk",
        "label": "可能造成重大社会影响或引发社会风险",
        "condition": "social_risk",
        "basis": "国办发〔2018〕118号",
        "certainty": "partly",
    },
    {
        "code": "benchmark_departure",
        "label": "偏离裁量基准作出行政处罚（从重、加重或从轻、减轻）",
        "act_kinds": ["penalty", "tax_audit"],
        "condition": "benchmark_departure",
        "basis": "区税务局法制审核目录清单模板",
        "certainty": "confirmed",
    },
    {
        "code": "tax_preservation",
        "label": "税收保全措施（冻结存款、扣押查封财产）",
        "condition": "tax_preservation",
        "basis": "《税收征收管理法》第三十八条；河北省税务系统重大执法决定法制审核办法",
        "certainty": "confirmed",
    },
    {
        "code": "compulsory_enforcement",
        "label": "强制执行措施",
        "condition": "compulsory_enforcement",
        "basis": "《税收征收管理法》第四十条；河北省税务系统重大执法决定法制审核办法",
        "certainty": "confirmed",
    },
    {
        "code": "licence_refused",
        "label": "作出不予行政许可、不予变更或撤销行政许可决定",
        "act_kinds": ["licensing"],
        "condition": "licence_refused",
        "basis": "平邑县税务局重大执法决定法制审核目录清单",
        "certainty": "confirmed",
    },
    {
        "code": "penalty_amount",
        "label": "较大数额罚款（达到听证标准）",
        "act_kinds": ["penalty", "tax_audit"],
        "amount_field": "penalty_amount",
        "threshold_organisation": "10000",
        "threshold_individual": "2000",
        "basis": "税务行政处罚听证程序实施办法（听证标准，作为默认门槛）",
        "certainty": "unconfirmed",
    },
    {
        "code": "major_tax_case",
        "label": "重大税务案件（拟罚款达到省局标准）",
        "act_kinds": ["penalty", "tax_audit"],
        "amount_field": "penalty_amount",
        "threshold_organisation": "2000000",
        "threshold_individual": "2000000",
        "collective": True,
        "quorum": "2/3",
        "leaders_collective": True,
        "basis": "《重大税务案件审理办法》第十一条（金额参照北京2021年第6号区局标准）",
        "certainty": "unconfirmed",
    },
    {
        "code": "crime_transfer",
        "label": "拟移送公安机关的案件",
        "condition": "crime_transfer",
        "collective": True,
        "quorum": "2/3",
        "leaders_collective": True,
        "basis": "《重大税务案件审理办法》第十一条第（四）项",
        "certainty": "confirmed",
    },
    {
        "code": "supervised_case",
        "label": "上级督办或监察、司法机关要求出具意见的案件",
        "condition": "supervised_case",
        "collective": True,
        "quorum": "2/3",
        "basis": "《重大税务案件审理办法》第十一条第（二）（三）项",
        "certainty": "confirmed",
    },
)


def decimal_or_none(value: Any) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def rule_from_data(data: Mapping[str, Any]) -> CatalogueRule:
    """A rule from a plain mapping (a catalogue row as stored or shipped)."""
    return CatalogueRule(
        code=data["code"],
        label=data["label"],
        act_kinds=tuple(data.get("act_kinds") or ()),
        condition=data.get("condition") or "",
        amount_field=data.get("amount_field") or "",
        threshold_organisation=decimal_or_none(data.get("threshold_organisation")),
        threshold_individual=decimal_or_none(data.get("threshold_individual")),
        collective=bool(data.get("collective")),
        quorum=Fraction(str(data.get("quorum") or "2/3")),
        leaders_collective=bool(data.get("leaders_collective")),
        basis=data.get("basis") or "",
        certainty=data.get("certainty") or "unconfirmed",
    )


# --------------------------------------------------------------------------------------------
# The workflow: every allowed step in one table.


@dataclass(frozen=True)
class Step:
    action: str
    source: str
    target: str
    label: str
    role: str  # who may take it: officer / reviewer / committee / leader


TRANSITIONS: tuple[Step, ...] = (
    Step("submit", "draft", "submitted", "送审（附案卷材料）", "officer"),
    Step("resubmit", "returned_for_investigation", "submitted", "补充调查后重新送审", "officer"),
    Step("resubmit", "returned_for_rehandling", "submitted", "重新处理后重新送审", "officer"),
    Step("assign", "submitted", "in_review", "分配审核人员", "reviewer"),
    Step("approve", "in_review", "approved", "同意", "reviewer"),
    Step("approve_to_committee", "in_review", "deliberation", "同意，提交集体审议", "reviewer"),
    Step("propose_changes", "in_review", "changes_proposed", "提出修改意见", "reviewer"),
    Step("confirm_changes", "changes_proposed", "approved", "确认已按意见修改", "reviewer"),
    Step(
        "confirm_changes_to_committee",
        "changes_proposed",
        "deliberation",
        "确认已修改，提交集体审议",
        "reviewer",
    ),
    Step("return_for_investigation", "in_review", "returned_for_investigation", "退回补充调查", "reviewer"),
    Step("return_for_rehandling", "in_review", "returned_for_rehandling", "退回重新处理", "reviewer"),
    Step("refer", "in_review", "referred", "请示上级/征求有权机关意见", "reviewer"),
    Step("resume", "referred", "in_review", "收到上级答复，恢复审核", "reviewer"),
    Step("deliberate_approve", "deliberation", "approved", "集体审议通过", "committee"),
    Step(
        "deliberate_investigate",
        "deliberation",
        "returned_for_investigation",
        "集体审议：退回补充调查",
        "committee",
    ),
    Step(
        "deliberate_rehandle",
        "deliberation",
        "returned_for_rehandling",
        "集体审议：退回重新处理",
        "committee",
    ),
    Step("decide", "approved", "decided", "领导决定", "leader"),
    Step("decide_without_review", "draft", "decided", "领导决定（无需法制审核）", "leader"),
    Step("decline", "approved", "not_approved", "领导决定不予作出", "leader"),
    Step("withdraw", "draft", "withdrawn", "撤回", "officer"),
    Step("withdraw", "returned_for_investigation", "withdrawn", "撤回", "officer"),
    Step("withdraw", "returned_for_rehandling", "withdrawn", "撤回", "officer"),
)

# The clock stops in these states (RULES.md 0.20: 补充调查、请示上级、征求意见 not counted).
PAUSED_STATES = frozenset({"returned_for_investigation", "referred"})
# Each opinion's transition from ``in_review``.
OPINION_ACTIONS = {
    "approve": "approve",
    "propose_changes": "propose_changes",
    "return_for_investigation": "return_for_investigation",
    "return_for_rehandling": "return_for_rehandling",
    "refer": "refer",
}


def step_for(source: str, action: str) -> Step | None:
    return next((s for s in TRANSITIONS if s.source == source and s.action == action), None)


def actions_from(source: str) -> list[Step]:
    return [s for s in TRANSITIONS if s.source == source]


def mermaid(steps: Sequence[Step] = TRANSITIONS, labels: Mapping[str, str] | None = None) -> str:
    """The workflow as a Mermaid state diagram, so it can be drawn from the one table."""
    labels = labels or {}
    lines = ["stateDiagram-v2", "    [*] --> draft"]
    for state in sorted({s.source for s in steps} | {s.target for s in steps}):
        if state in labels:
            lines.append(f"    {state} : {labels[state]}")
    for s in steps:
        lines.append(f"    {s.source} --> {s.target} : {s.label}")
    for final in ("decided", "not_approved", "withdrawn"):
        lines.append(f"    {final} --> [*]")
    return "\n".join(lines)


def dot(steps: Sequence[Step] = TRANSITIONS) -> str:
    """The same table as Graphviz DOT."""
    lines = ["digraph review {", "  rankdir=LR;"]
    lines += [f'  {s.source} -> {s.target} [label="{s.label}"];' for s in steps]
    lines.append("}")
    return "\n".join(lines)


def leader_may_decide(*, needs_review: bool, status: str) -> bool:
    """A decision that needs review may be made only after the review approved it (or the reviewer
    confirmed the proposed changes); one that needs none may be decided from the start
    (行政处罚法第五十八条: 未经法制审核或者审核未通过的，不得作出决定)."""
    if status == "approved":
        return True
    return status == "draft" and not needs_review


# --------------------------------------------------------------------------------------------
# Reviewer eligibility and collective deliberation


@dataclass(frozen=True)
class Eligibility:
    ok: bool
    reason: str = ""


def reviewer_eligibility(
    *, is_reviewer: bool, handled_case: bool, first_review: bool, holds_legal_qualification: bool
) -> Eligibility:
    """A reviewer must not have handled the case, and a first-time reviewer must hold the
    legal-profession qualification (行政处罚法第五十八条第二款)."""
    if not is_reviewer:
        return Eligibility(False, "not_reviewer")
    if handled_case:
        return Eligibility(False, "handled_case")
    if first_review and not holds_legal_qualification:
        return Eligibility(False, "no_qualification")
    return Eligibility(True)


@dataclass(frozen=True)
class Vote:
    attended: int
    member_units: int
    votes_for: int
    votes_against: int
    abstentions: int = 0


@dataclass(frozen=True)
class DeliberationResult:
    quorum_met: bool
    passed: bool
    required: int  # member units that had to attend


def deliberation_result(vote: Vote, quorum: Fraction) -> DeliberationResult:
    """Quorum: at least ``quorum`` of the member units attend (two thirds for 重大税务案件,
    重大税务案件审理办法); the proposal passes with more votes for than half the attendees."""
    required = -(-vote.member_units * quorum.numerator // quorum.denominator)  # ceiling
    quorum_met = vote.member_units > 0 and vote.attended >= required
    passed = quorum_met and vote.votes_for * 2 > vote.attended
    return DeliberationResult(quorum_met=quorum_met, passed=passed, required=required)


# --------------------------------------------------------------------------------------------
# Stage clocks: time limits with unit and extension; pauses excluded.

DEFAULT_STAGE_LIMITS: dict[str, dict[str, Any]] = {
    # Legal review: no national number; 5 working days + 5 extension as suggested (RULES.md §4.2 ❓).
    "review": {"label": "法制审核", "unit": "working_days", "n": 5, "extension": 5},
    # 重大税务案件审理: 30 days + 15 extension, supplementary investigation excluded (RULES.md 0.20 🟡).
    "deliberation": {"label": "集体审议", "unit": "days", "n": 30, "extension": 15},
    # Submission after the investigation ended (template leaves it blank ❓).
    "resubmission": {"label": "补充材料后重新送审", "unit": "working_days", "n": 10, "extension": 0},
}


@dataclass(frozen=True)
class StageLimit:
    stage: str
    label: str
    unit: str  # "working_days" | "days"
    n: int
    extension: int

    def kwargs(self, n: int | None = None) -> dict[str, int]:
        return {self.unit: self.n if n is None else n}


def stage_limit(stage: str, overrides: Mapping[str, Mapping[str, Any]] | None = None) -> StageLimit:
    data = dict(DEFAULT_STAGE_LIMITS[stage])
    data.update((overrides or {}).get(stage, {}))
    if data["unit"] not in ("working_days", "days"):
        raise ValueError(f"unit of stage {stage!r} must be working_days or days")
    return StageLimit(stage, data["label"], data["unit"], int(data["n"]), int(data["extension"]))


def remaining_after_pause(*, total: int, used: int) -> int:
    """Units left when the clock resumes: the pause is not counted, what was used stays used."""
    return max(total - max(used, 0), 0)


# --------------------------------------------------------------------------------------------
# Statistics


@dataclass(frozen=True)
class ReviewRow:
    kind: str
    outcome: str  # the final opinion or status
    returned: bool
    days_taken: int | None


@dataclass
class KindStats:
    kind: str
    total: int = 0
    returned: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    days: list[int] = field(default_factory=list)

    @property
    def return_rate(self) -> float:
        return self.returned / self.total if self.total else 0.0

    @property
    def average_days(self) -> float | None:
        return sum(self.days) / len(self.days) if self.days else None


def summarise(rows: Iterable[ReviewRow]) -> tuple[list[KindStats], KindStats]:
    """Per kind and overall: counts, outcomes, return rate and average days taken."""
    per: dict[str, KindStats] = {}
    overall = KindStats("all")
    for row in rows:
        for stats in (per.setdefault(row.kind, KindStats(row.kind)), overall):
            stats.total += 1
            stats.returned += int(row.returned)
            stats.outcomes[row.outcome] = stats.outcomes.get(row.outcome, 0) + 1
            if row.days_taken is not None:
                stats.days.append(row.days_taken)
    return sorted(per.values(), key=lambda s: s.kind), overall


STAFFING_MINIMUM = Fraction(5, 100)  # 国办发〔2018〕118号: 原则上不少于本单位执法人员总数的5%


def staffing_ok(reviewers: int, officers: int, minimum: Fraction = STAFFING_MINIMUM) -> bool:
    return officers == 0 or Fraction(reviewers, officers) >= minimum


def days_between(start: datetime.date | None, end: datetime.date | None) -> int | None:
    return (end - start).days if start and end else None


# --------------------------------------------------------------------------------------------
# Filing of catalogue versions with the superior authority (报上级备案).

FILING_MONTHS = 1  # 清单调整后一个月内报上级机关备案 (issue §2; 国办发〔2018〕118号)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later, clamped to the month's end (1月31日 + 1个月 = 2月28/29日)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    last = (following - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(day.day, last))


def filing_due(changed_on: datetime.date, months: int = FILING_MONTHS) -> datetime.date:
    """The last day to file a catalogue version adopted on ``changed_on`` with the superior."""
    return add_months(changed_on, months)


def filing_status(*, changed_on: datetime.date, filed_on: datetime.date | None, today: datetime.date) -> str:
    """``on_time``, ``late`` (filed after the due date), ``missing`` (not filed and the due date
    has passed) or ``pending`` (not filed yet, still within the month)."""
    due = filing_due(changed_on)
    if filed_on is not None:
        return "on_time" if filed_on <= due else "late"
    return "missing" if today > due else "pending"


AMOUNT_FIELDS: dict[str, str] = {"penalty_amount": "拟罚款", "tax_amount": "涉及税款"}


def catalogue_problems(rows: Sequence[Mapping[str, Any]], act_kinds: Iterable[str]) -> list[str]:
    """What is wrong with the rows of a catalogue version, in Chinese, one line per problem.

    A row needs a code and a label, and something that makes it fire: a condition, an amount
    threshold or act kinds; thresholds are non-negative amounts and the quorum a share in (0, 1].
    """
    known_kinds = set(act_kinds)
    problems: list[str] = []
    seen: set[str] = set()
    if not rows:
        problems.append("清单至少须有一个事项。")
    for number, row in enumerate(rows, 1):
        code = str(row.get("code") or "").strip()
        where = f"第{number}项"
        if not code or not code.replace("_", "").isalnum() or not code.isascii():
            problems.append(f"{where}：代码须为字母、数字或下划线。")
        elif code in seen:
            problems.append(f"{where}：代码“{code}”重复。")
        seen.add(code)
        if not str(row.get("label") or "").strip():
            problems.append(f"{where}：请填写事项名称。")
        condition = row.get("condition") or ""
        if condition and condition not in CONDITIONS:
            problems.append(f"{where}：其他条件“{condition}”无效。")
        unknown = set(row.get("act_kinds") or ()) - known_kinds
        if unknown:
            problems.append(f"{where}：执法类别无效：{'、'.join(sorted(unknown))}。")
        amount_field = row.get("amount_field") or ""
        if amount_field and amount_field not in AMOUNT_FIELDS:
            problems.append(f"{where}：金额口径无效。")
        thresholds = []
        for key in ("threshold_organisation", "threshold_individual"):
            try:
                value = decimal_or_none(row.get(key))
            except ArithmeticError:
                problems.append(f"{where}：金额门槛须为数字。")
                continue
            if value is not None and (not value.is_finite() or value < 0):
                problems.append(f"{where}：金额门槛不能为负数。")
            thresholds.append(value)
        if amount_field and not any(t is not None for t in thresholds):
            problems.append(f"{where}：按金额判断的事项须至少填写一个金额门槛。")
        if not amount_field and any(t is not None for t in thresholds):
            problems.append(f"{where}：填写金额门槛时须选择金额口径。")
        if not (condition or amount_field or row.get("act_kinds")):
            problems.append(f"{where}：须设定执法类别、其他条件或金额门槛之一。")
        try:
            quorum = Fraction(str(row.get("quorum") or "2/3"))
        except (ValueError, ZeroDivisionError):
            problems.append(f"{where}：法定人数须为比例，如 2/3。")
        else:
            if not 0 < quorum <= 1:
                problems.append(f"{where}：法定人数须在 0 与 1 之间。")
    return problems
