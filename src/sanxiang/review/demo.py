"""Demo: a year of legal reviews in both district bureaus, through the services (≈200 cases, about
5% returned, some collective deliberations, decisions issued without review flagged 应审未审)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from sanxiang.kernel.demo import DemoContext

PER_DISTRICT = 100
UNITS = ["政策法规", "税政业务", "纳税服务", "征管科技", "大企业税收管理", "税务稽查", "督察内审"]
POINTS = ["subject", "procedure", "facts", "law", "discretion", "authority", "documents", "criminal_transfer"]
OK = [{"point": p, "finding": "ok"} for p in POINTS]
PROBLEM = [
    {"point": p, "finding": "problem", "note": "主要证据不足"}
    if p == "facts"
    else {"point": p, "finding": "ok"}
    for p in POINTS
]


# Enforcement staff per unit beside the named demo accounts, so that the reviewers' share reads like
# a real bureau's (国办发〔2018〕118号: 原则上不少于执法人员的5%): 金台 falls short, 渭滨 and the city do not.
STAFF = {
    "city": ("city_staff", "稽查局", 16),
    "jintai": ("jt_staff", "征收管理科", 24),
    "weibin": ("wb_staff", "征收管理科", 14),
}


def _staff_step(ctx: DemoContext) -> None:
    from sanxiang.org.models import User
    from sanxiang.org.services import user_create

    for key, (prefix, department, count) in STAFF.items():
        authority = ctx.authorities[key]
        dept = ctx.departments.get((key, department))
        for index in range(1, count + 1):
            username = f"{prefix}{index:02d}"
            if User.objects.filter(username=username).exists():
                continue
            user_create(
                actor=ctx.system_actor,
                username=username,
                full_name=ctx.faker.name(),
                authority=authority,
                department=dept,
                roles=["enforcement_officer"],
                data_scope="self",
                password=None,
            )


BASIS = {
    "compulsory_measure": "《中华人民共和国税收征收管理法》第三十八条、第四十条",
    "licensing_refused": "《中华人民共和国行政许可法》第三十八条第二款",
}


def _kind_of(n: int) -> tuple[str, str, list[str]]:
    """The act kinds to draw from, the proposed decision and its conditions for the n-th case."""
    if n % 10 == 3:
        return (
            "compulsory_measure",
            "compulsory_measure",
            ["tax_preservation" if n % 20 == 3 else "compulsory_enforcement"],
        )
    if n % 25 == 11:
        return "licensing", "licensing_refused", []
    return "penalty", "penalty", ["hearing_held"] if n % 12 == 4 else []


def _run_case(
    ctx: DemoContext, key: str, n: int, acts: dict[str, list[Any]], officer: Any, reviewer: Any, leader: Any
) -> None:
    from sanxiang.enforcement.choices import DecisionKind
    from sanxiang.review import services

    day = ctx.today - datetime.timedelta(days=360 - (n * 350) // PER_DISTRICT)
    step = datetime.timedelta(days=1)
    collective = n % 33 == 5
    small = n % 10 == 9
    act_kind, decision_kind, conditions = _kind_of(n)
    kind_label = DecisionKind(decision_kind).label
    pool = acts.get(act_kind) or acts["penalty"]
    act = pool[n % len(pool)]
    amount = (
        Decimal(0)
        if decision_kind != "penalty"
        else Decimal(2_500_000)
        if collective
        else Decimal(300 + n * 7)
        if small
        else Decimal(10_000 + (n * 7919) % 190_000)
    )
    case = services.case_create(
        actor=officer,
        act=act,
        decision_kind=decision_kind,
        today=day,
        facts=f"{act.taxpayer.name}{act.matter}",
        legal_basis=BASIS.get(decision_kind)
        or (
            "《中华人民共和国税收征收管理法》第六十三条"
            if amount >= 10_000
            else "《中华人民共和国税收征收管理法》第六十二条"
        ),
        proposal=f"拟处罚款{amount}元"
        if decision_kind == "penalty"
        else str(_("拟作出%(kind)s") % {"kind": kind_label}),
        case_file="调查终结报告；询问笔录；证据目录",
        penalty_amount=amount,
        conditions=conditions,
        source_system="demo",
        source_id=f"{key}-{n:03d}",
    )
    if not case.needs_review:
        services.case_decide(actor=leader, case=case, today=day + step)
        return
    if n >= PER_DISTRICT - 3:
        services.case_submit(actor=officer, case=case, today=day)  # still open at the end of the year
        return
    services.case_submit(actor=officer, case=case, today=day)
    services.case_assign(actor=reviewer, case=case, reviewer=reviewer, today=day)
    day += step * (1 + n % 4)
    if n % 20 == 7:
        services.review_record_opinion(
            actor=reviewer,
            case=case,
            opinion="return_for_investigation",
            reasons="主要证据不足，退回补充调查",
            findings=PROBLEM,
            today=day,
        )
        day += step * 10
        services.case_submit(actor=officer, case=case, today=day, comment="已补充证据")
        services.case_assign(actor=reviewer, case=case, reviewer=reviewer, today=day)
        day += step * 2
    if n % 15 == 3:
        services.review_record_opinion(
            actor=reviewer,
            case=case,
            opinion="propose_changes",
            reasons="决定书须写明救济途径",
            findings=OK,
            today=day,
        )
        day += step
        services.review_confirm_changes(actor=reviewer, case=case, today=day, comment="已按意见修改")
    else:
        services.review_record_opinion(
            actor=reviewer,
            case=case,
            opinion="approve",
            reasons="事实清楚，证据充分，程序合法",
            findings=OK,
            today=day,
        )
    if collective:
        day += step * 7
        services.deliberation_record(
            actor=reviewer,
            case=case,
            held_on=day,
            member_units=UNITS,
            attended_units=UNITS[:6],
            attendees="各成员单位负责人",
            votes_for=5,
            votes_against=1,
            outcome="approve",
            minutes="审议同意拟处理意见",
        )
    day += step
    leaders = ["局长", "副局长甲", "副局长乙"] if case.leaders_collective else []
    services.case_decide(
        actor=leader, case=case, today=day, mode="collective" if leaders else "individual", leaders=leaders
    )


def review_step(ctx: DemoContext) -> None:
    from sanxiang.enforcement.models import EnforcementAct
    from sanxiang.review import services
    from sanxiang.review.models import ReviewCase

    _staff_step(ctx)
    created = 0
    for key, prefix in (("jintai", "jt"), ("weibin", "wb")):
        authority = ctx.authorities[key]
        if ReviewCase.objects.filter(authority=authority, source_system="demo").exists():
            continue
        officer, reviewer, leader = (ctx.users[f"{prefix}_{role}"] for role in ("officer", "legal", "leader"))
        acts: dict[str, list[Any]] = {}
        for act in EnforcementAct.objects.filter(
            authority=authority, officer_links__user=officer
        ).select_related("taxpayer"):
            # penalties come from penalty and audit acts (tax_audit), the rest from their own kind
            acts.setdefault("penalty" if act.kind == "tax_audit" else act.kind, []).append(act)
        if not acts.get("penalty"):
            continue
        for n in range(PER_DISTRICT):
            _run_case(ctx, key, n, acts, officer, reviewer, leader)
            created += 1
    counts = services.unreviewed_scan(today=ctx.today)
    ctx.out(f"法制审核：新增 {created} 件，应审未审 {sum(counts.values())} 件")
