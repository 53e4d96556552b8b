"""The facts a discretion request may carry, with their Chinese labels, types and defaults.

A benchmark's circumstances and an exemption item's conditions may only name these keys, so a typo
in an imported Excel file or in a request is caught instead of silently never matching.

Defaults exist only where the law puts the burden on the authority: harm is "minor" unless the case
file records an irrecoverable loss or a major social impact (国家税务总局公告2021年第33号), and a case is
not "serious" (情节严重) unless the authority has established it. Every other fact must be given
when a rule needs it; a missing one is reported by its key.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

__all__ = ["FACTS", "FactSpec", "FactValue", "fact_label"]

FactKind = Literal["days", "money", "bool"]
FactValue = bool | int | Decimal


@dataclass(frozen=True)
class FactSpec:
    """One fact key: its label for reasons and errors, its type and its default (None = required)."""

    key: str
    label: str
    kind: FactKind
    default: bool | None = None
    description: str = ""


_SPECS = (
    FactSpec(
        "days_late",
        "逾期天数",
        "days",
        description="自法定期限届满次日起至办理（申报、登记、报送）之日的日数（征管法§60(1)、§62）",
    ),
    FactSpec(
        "days_after_deadline",
        "超过责令限期改正期限的天数",
        "days",
        description="在责令限期改正期限内改正的为0；尚未改正的计至处罚决定日",
    ),
    FactSpec(
        "unpaid_tax", "不缴或者少缴的税款（元）", "money", description="征管法§63、§64¶2 罚款的计算基数"
    ),
    FactSpec(
        "serious",
        "情节严重",
        "bool",
        default=False,
        description="经调查认定情节严重；未认定的视为否",
    ),
    FactSpec(
        "tax_paid",
        "处罚决定前已补缴税款和滞纳金",
        "bool",
        description="征管法§63、§64¶2 的裁量阶次",
    ),
    FactSpec("first_time", "首次发生", "bool", description="首违不罚：首次发生清单所列事项"),
    FactSpec(
        "corrected_in_time",
        "在税务机关发现前主动改正或者在责令限期改正的期限内改正",
        "bool",
        description="首违不罚：及时改正",
    ),
    FactSpec(
        "irrecoverable_loss",
        "造成不可挽回的税费损失",
        "bool",
        default=False,
        description="国家税务总局公告2021年第33号：有此情形的不属于危害后果轻微；未记录的视为否",
    ),
    FactSpec(
        "major_social_impact",
        "造成较大社会影响",
        "bool",
        default=False,
        description="国家税务总局公告2021年第33号：有此情形的不属于危害后果轻微；未记录的视为否",
    ),
    FactSpec("illegal_gain", "有违法所得", "bool", description="首违不罚清单中发票类事项要求没有违法所得"),
    FactSpec(
        "missing_seal_only",
        "仅为未加盖发票专用章",
        "bool",
        description="发票管理办法§33(1) 只有“未加盖发票专用章”一种情形列入首违不罚清单",
    ),
    FactSpec(
        "software_filing_only",
        "仅为未将非税控电子器具使用的软件程序说明资料备案",
        "bool",
        description="发票管理办法§33(3) 只有未备案软件说明资料一种情形列入首违不罚清单",
    ),
)

FACTS: dict[str, FactSpec] = {spec.key: spec for spec in _SPECS}


def fact_label(key: str) -> str:
    """The Chinese label of a fact key, as a clerk reads it in reasons (首次发生); the key itself only
    for a key the catalogue does not know, so that a benchmark author can find the typo."""
    spec = FACTS.get(key)
    return spec.label if spec else key
