"""Pure rules of 双随机、一公开 random inspections (no Django; ``today`` is always a parameter).

Directory rows that go public, the annual ratios and how far a year's draws meet them, and the
exclusion windows (税总发〔2015〕104号; 税总发〔2016〕74号; RULES.md §8).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sanxiang.lib.draw import resolve_count
from sanxiang.lib.masking import DisplayMode, FieldType, format_value, mask_text

# Annual ratios (RULES.md §8): key tax sources about 20% a year (each about once in 5 years), other
# enterprises at most 3%, non-enterprise taxpayers at most 1%, the abnormal directory higher. The
# abnormal ratio is not fixed by the sources (🟡): 10% is a default the plan can change.
DEFAULT_RATIOS: dict[str, str] = {
    "key_source": "0.20",
    "other_enterprise": "0.03",
    "non_enterprise": "0.01",
    "abnormal": "0.10",
}
# "target": the ratio is an aim to reach; "limit": an upper bound not to exceed.
RATIO_KIND: dict[str, str] = {
    "key_source": "target",
    "other_enterprise": "limit",
    "non_enterprise": "limit",
    "abnormal": "target",
}
KEY_SOURCE_CYCLE_YEARS = 5
KEY_SOURCE_CLASSES = ("key_national", "key_provincial", "key_municipal")
MIN_INSPECTORS = 2  # ≥ 2 inspectors per target (税总发〔2016〕74号).


def ratios_with_overrides(override_json: str) -> dict[str, str]:
    """The default ratios with a JSON object of overrides (from settings); bad JSON is an error."""
    ratios = dict(DEFAULT_RATIOS)
    if override_json.strip():
        data = json.loads(override_json)
        if not isinstance(data, dict):
            raise ValueError("ratio overrides must be a JSON object")
        for group, value in data.items():
            if group not in DEFAULT_RATIOS:
                raise ValueError(f"unknown ratio group {group!r}")
            ratios[group] = check_ratio(str(value))
    return ratios


def check_ratio(value: str) -> str:
    try:
        share = Decimal(value)
    except InvalidOperation as exc:
        raise ValueError("a ratio is a decimal such as 0.03") from exc
    if not share.is_finite() or not Decimal(0) <= share <= Decimal(1):
        raise ValueError("a ratio is between 0 and 1")
    return value


def ratio_group(*, directory_kind: str, target_class: str) -> str:
    """Which ratio applies to a target: the abnormal directory first, else its class."""
    if directory_kind == "abnormal":
        return "abnormal"
    if target_class in KEY_SOURCE_CLASSES:
        return "key_source"
    if target_class == "other_enterprise":
        return "other_enterprise"
    return "non_enterprise"


def years_before(day: datetime.date, years: int) -> datetime.date:
    """The same calendar day ``years`` earlier (29 February falls back to the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def exclusion_filter(*, today: datetime.date, years: int) -> dict[str, Any]:
    """The draw filter that leaves out anyone randomly inspected within ``years`` before ``today``."""
    return {"last_random_inspection": {"before_or_null": years_before(today, years).isoformat()}}


# ------------------------------------------------------------------------------- public rows


def target_key(taxpayer_id: int) -> str:
    """The public key of a taxpayer in snapshot rows: stable, and no personal data."""
    return f"TP{taxpayer_id:08d}"


def inspector_key(user_id: int) -> str:
    return f"IN{user_id:06d}"


def public_name(name: str, taxpayer_kind: str) -> str:
    """A target's name as it may be published: an organisation's name in full, a natural person's
    name partly hidden (王**), an individual business's trade name with any personal name in it masked
    (the one masker, ``sanxiang.lib.masking``)."""
    if taxpayer_kind == "natural_person":
        return format_value(name, FieldType.PERSON_NAME, DisplayMode.PARTIAL) or "***"
    if taxpayer_kind == "individual_business":
        return mask_text(name).text
    return name


def target_row(
    *,
    key: str,
    name: str,
    taxpayer_kind: str,
    uscc: str | None,
    directory_kind: str,
    target_class: str,
    industry: str,
    scale: str,
    abnormal_reasons: Iterable[str],
    risk_level: str,
    last_random_inspection: datetime.date | None,
) -> dict[str, Any]:
    """One public row of a target directory snapshot: only what filters, weights and the published
    list need. Tax paid, credit details and histories stay internal."""
    return {
        "key": key,
        "name": public_name(name, taxpayer_kind),
        "uscc": uscc if taxpayer_kind == "organisation" and uscc else "",
        "kind": taxpayer_kind,
        "class": target_class,
        "group": ratio_group(directory_kind=directory_kind, target_class=target_class),
        "industry": industry,
        "scale": scale,
        "abnormal": sorted(set(abnormal_reasons)),
        "risk": risk_level,
        "last_random_inspection": last_random_inspection.isoformat() if last_random_inspection else None,
    }


def inspector_row(
    *,
    key: str,
    name: str,
    certificate_number: str,
    industries: Iterable[str],
    tax_types: Iterable[str],
    case_types: Iterable[str],
    cases_in_hand: int,
) -> dict[str, Any]:
    """One public row of an inspector directory snapshot (officers acting in office are published
    with name and certificate number, as 事前 publicity lists them)."""
    return {
        "key": key,
        "name": name,
        "certificate": certificate_number,
        "industries": sorted(set(industries)),
        "tax_types": sorted(set(tax_types)),
        "case_types": sorted(set(case_types)),
        "cases_in_hand": cases_in_hand,
    }


def inspector_filters(
    *, excluded_keys: Iterable[str], max_cases_in_hand: int, expertise: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Filters of an inspector draw: not excluded (回避, the same target within 3 years, already on
    the task), fewer than ``max_cases_in_hand`` cases, and for 定向 the expertise asked for."""
    filters: dict[str, Any] = {"cases_in_hand": {"max": max_cases_in_hand - 1}}
    keys = sorted(set(excluded_keys))
    if keys:
        filters["key"] = {"not_in": keys}
    for field, value in (expertise or {}).items():
        if value:
            filters[field] = {"contains": value}
    return filters


# ----------------------------------------------------------------------------- ratio progress


@dataclass(frozen=True)
class RatioProgress:
    group: str
    population: int
    drawn: int
    ratio: Decimal
    kind: str  # "target" or "limit"

    @property
    def share(self) -> Decimal:
        return Decimal(self.drawn) / Decimal(self.population) if self.population else Decimal(0)

    @property
    def expected(self) -> int:
        """Targets the ratio gives this year, rounded as a ratio draw rounds (at least one)."""
        return resolve_count(eligible=self.population, count=None, ratio=str(self.ratio))

    @property
    def status(self) -> str:
        """``met`` / ``below`` for an aim; ``within`` / ``exceeded`` for a limit."""
        if self.kind == "limit":
            return "exceeded" if self.drawn > self.expected else "within"
        return "met" if self.drawn >= self.expected else "below"


def ratio_progress(
    *, populations: Mapping[str, int], drawn: Mapping[str, int], ratios: Mapping[str, str]
) -> list[RatioProgress]:
    """How far the year's draws meet each group's ratio."""
    return [
        RatioProgress(
            group=group,
            population=populations.get(group, 0),
            drawn=drawn.get(group, 0),
            ratio=Decimal(ratios.get(group, DEFAULT_RATIOS[group])),
            kind=RATIO_KIND[group],
        )
        for group in DEFAULT_RATIOS
    ]


def cycle_coverage(*, population: Iterable[str], inspected: Iterable[str]) -> tuple[int, int]:
    """(covered, total): key sources inspected within the 5-year cycle out of all key sources."""
    keys = set(population)
    return len(keys & set(inspected)), len(keys)


def publication_overdue(
    *, ended_on: datetime.date | None, due_on: datetime.date | None, published: bool, on: datetime.date
) -> bool:
    """Whether a result should have been published by ``on`` and was not."""
    return ended_on is not None and due_on is not None and not published and on > due_on


# ------------------------------------------------------------------------- readable inputs

FIELD_LABELS = {
    "class": "分类",
    "group": "比例类别",
    "industry": "行业",
    "scale": "规模",
    "risk": "风险等级",
    "abnormal": "异常情形",
    "kind": "纳税人类型",
    "key": "编号",
    "industries": "擅长行业",
    "tax_types": "擅长税种",
    "case_types": "擅长案件类型",
    "cases_in_hand": "在办案件数",
    "last_random_inspection": "最近一次随机抽查日期",
}
VALUE_LABELS = {
    "key_national": "全国重点税源企业",
    "key_provincial": "省级重点税源企业",
    "key_municipal": "市级重点税源企业",
    "other_enterprise": "非重点税源企业",
    "non_enterprise": "非企业纳税人",
    "large": "大型",
    "medium": "中型",
    "small": "小型",
    "micro": "微型",
    "high": "高",
    "low": "低",
    "long_term_abnormal": "长期纳税申报异常",
    "high_risk": "税收高风险",
    "low_credit": "纳税信用级别低",
    "repeatedly_reported": "多次被检举",
    "joint_punishment": "列入联合惩戒名单",
}


def _values(values: Any) -> str:
    items = values if isinstance(values, list) else [values]
    if len(items) > 6:
        return f"{len(items)} 项"
    return "、".join(VALUE_LABELS.get(str(v), str(v)) for v in items)


def describe_filters(filters: Mapping[str, Any]) -> list[str]:
    """The committed filters in plain Chinese, one condition a line (the JSON stays authoritative)."""
    lines = []
    for field_name, condition in sorted(filters.items()):
        label = FIELD_LABELS.get(field_name, field_name)
        for op, operand in sorted(condition.items()):
            if op == "in":
                lines.append(f"{label}为 {_values(operand)}")
            elif op == "not_in":
                lines.append(f"{label}不为 {_values(operand)}（排除）")
            elif op == "contains":
                lines.append(f"{label}包含 {_values(operand)}")
            elif op == "min":
                lines.append(f"{label}不小于 {operand}")
            elif op == "max":
                lines.append(f"{label}不大于 {operand}")
            elif op == "before_or_null":
                lines.append(f"{label}早于 {operand} 或从未抽查")
    return lines


def describe_weights(weights: Iterable[Mapping[str, Any]]) -> list[str]:
    lines = []
    for spec in weights:
        label = FIELD_LABELS.get(str(spec.get("field")), str(spec.get("field")))
        parts = "、".join(f"{VALUE_LABELS.get(k, k)} {v}" for k, v in dict(spec.get("values", {})).items())
        lines.append(f"按{label}加权：{parts}，其他 {spec.get('default', 1)}")
    return lines
