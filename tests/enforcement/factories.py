"""Builders for taxpayers, acts and decisions (rows written directly, fast; services are tested
separately)."""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal
from typing import Any

from stdnum.cn import ric, uscc

from sanxiang.enforcement.choices import ActKind, DecisionKind, OfficerRole, TaxpayerKind
from sanxiang.enforcement.models import ActOfficer, Decision, EnforcementAct, Taxpayer
from sanxiang.lib import idnumbers
from sanxiang.org.models import Authority, Department

_seq = itertools.count(1)


def valid_uscc() -> str:
    body = f"91610300MA6{next(_seq):06d}"
    return body + uscc.calc_check_digit(body)


def valid_id_number(birth: datetime.date = datetime.date(1990, 3, 7)) -> str:
    body = f"610302{birth:%Y%m%d}{next(_seq) % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")


def taxpayer(authority: Authority, *, kind: str = TaxpayerKind.ORGANISATION, **fields: Any) -> Taxpayer:
    n = next(_seq)
    defaults: dict[str, Any] = {"name": f"宝鸡测试商贸有限公司{n}"}
    if kind == TaxpayerKind.ORGANISATION:
        defaults["uscc"] = valid_uscc()
    if kind == TaxpayerKind.NATURAL_PERSON:
        defaults["name"] = "张三丰"
        defaults["id_number"] = valid_id_number()
    defaults.update(fields)
    if defaults.get("id_number"):
        defaults.setdefault("birth_date", idnumbers.birth_date_of(defaults["id_number"]))
    return Taxpayer.objects.create(kind=kind, authority=authority, **defaults)


def act(
    taxpayer_: Taxpayer,
    *,
    department: Department | None = None,
    officers: list = (),
    **fields: Any,
) -> EnforcementAct:
    defaults: dict[str, Any] = {
        "kind": ActKind.PENALTY,
        "matter": "未按期申报",
        "authority": taxpayer_.authority,
        "started_on": datetime.date(2026, 3, 2),
    }
    defaults.update(fields)
    created = EnforcementAct.objects.create(taxpayer=taxpayer_, department=department, **defaults)
    for user in officers:
        ActOfficer.objects.create(act=created, user=user, role=OfficerRole.LEAD)
    return created


def decision(act_: EnforcementAct, **fields: Any) -> Decision:
    defaults: dict[str, Any] = {
        "kind": DecisionKind.PENALTY,
        "document_number": f"宝金税罚〔2026〕{next(_seq)}号",
        "decided_on": datetime.date(2026, 4, 1),
        "penalty_amount": Decimal("500.00"),
    }
    defaults.update(fields)
    return Decision.objects.create(act=act_, authority=act_.authority, **defaults)
