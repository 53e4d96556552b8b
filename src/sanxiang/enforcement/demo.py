"""Demo taxpayers, enforcement acts and decisions for both district bureaus and the city 稽查局.

Raw records carry realistic personal data (names, ID numbers, phones, home addresses) so that
masking and scope are exercised by the demo exactly as on real data.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.demo import DemoContext, register_demo_step

# (act kind, matter, decision kind, legal basis)
ACT_TEMPLATES = [
    ("penalty", "未按照规定期限办理纳税申报", "penalty", "《中华人民共和国税收征收管理法》第六十二条"),
    (
        "penalty",
        "未按照规定设置、保管账簿",
        "penalty",
        "《中华人民共和国税收征收管理法》第六十条第一款第（二）项",
    ),
    ("penalty", "丢失增值税专用发票", "penalty", "《中华人民共和国发票管理办法》第三十六条"),
    ("penalty", "首次逾期申报且及时改正", "no_penalty", "《中华人民共和国行政处罚法》第三十三条第一款"),
    (
        "licensing",
        "增值税专用发票最高开票限额审批",
        "licensing_granted",
        "《中华人民共和国行政许可法》第三十八条",
    ),
    ("abnormal_household", "非正常户认定", "other", "《税务登记管理办法》第四十条"),
    ("tax_audit", "税务稽查：少缴增值税", "tax_handling", "《中华人民共和国税收征收管理法》第六十三条"),
    (
        "compulsory_measure",
        "税收保全：冻结银行存款",
        "compulsory_measure",
        "《中华人民共和国税收征收管理法》第三十八条",
    ),
    (
        "document_service",
        "文书送达：税务处理决定书",
        "other",
        "《中华人民共和国税收征收管理法实施细则》第一百零一条",
    ),
]
PER_DISTRICT = 60


def enforcement_step(ctx: DemoContext) -> None:
    from sanxiang.enforcement import services
    from sanxiang.enforcement.models import Taxpayer

    faker = ctx.faker
    created = 0
    places = [
        ("jintai", "征收管理科", "jt_officer", "宝金税"),
        ("weibin", "征收管理科", "wb_officer", "宝渭税"),
        ("city", "稽查局", "city_officer", "宝税稽"),
    ]
    for key, department_name, username, doc_prefix in places:
        authority = ctx.authorities[key]
        department = ctx.departments[(key, department_name)]
        officer = ctx.users[username]
        if Taxpayer.objects.filter(authority=authority).exists():
            continue
        count = PER_DISTRICT if key != "city" else PER_DISTRICT // 3
        for n in range(count):
            person = faker.person(today=ctx.today)
            kind = ("organisation", "individual_business", "natural_person")[n % 3]
            if kind == "organisation":
                payer = services.taxpayer_create(
                    actor=officer,
                    kind=kind,
                    name=faker.company_name() if n % 2 else faker.shop_name(),
                    authority=authority,
                    department=department,
                    uscc=faker.uscc(),
                    legal_representative=person.name,
                    registered_address=faker.business_address(),
                    business_address=faker.business_address(),
                    phone=person.phone,
                )
            elif kind == "individual_business":
                payer = services.taxpayer_create(
                    actor=officer,
                    kind=kind,
                    name=faker.shop_name(person.name),
                    authority=authority,
                    department=department,
                    tin=person.id_number,
                    id_number=person.id_number,
                    legal_representative=person.name,
                    business_address=faker.business_address(),
                    phone=person.phone,
                )
            else:
                payer = services.taxpayer_create(
                    actor=officer,
                    kind=kind,
                    name=person.name,
                    authority=authority,
                    department=department,
                    id_number=person.id_number,
                    registered_address=person.home_address,
                    phone=person.phone,
                )
            act_kind, matter, decision_kind, basis = ACT_TEMPLATES[n % len(ACT_TEMPLATES)]
            started = ctx.today - datetime.timedelta(days=30 + (n * 37) % 600)
            act = services.act_create(
                actor=officer,
                kind=act_kind,
                matter=matter,
                taxpayer=payer,
                authority=authority,
                department=department,
                started_on=started,
                officers=[(officer, "lead")],
                source_system="金税三期",
                source_id=f"{doc_prefix}-{started:%Y}-{n + 1:05d}",
            )
            decided = started + datetime.timedelta(days=15 + n % 20)
            penalty = Decimal(0)
            tax = Decimal(0)
            if decision_kind == "penalty":
                penalty = Decimal(200 + (n * 173) % 9800)
            if decision_kind == "tax_handling":
                tax = Decimal(10000 + (n * 7919) % 500000)
                penalty = (tax * Decimal("0.5")).quantize(Decimal("1"))
            services.decision_create(
                actor=officer,
                act=act,
                kind=decision_kind,
                document_number=f"{doc_prefix}{'罚' if penalty else '处'}〔{decided:%Y}〕{n + 1}号",
                decided_on=decided,
                served_on=decided + datetime.timedelta(days=2),
                tax_amount=tax,
                penalty_amount=penalty,
                legal_basis=basis,
                facts=f"经查，{payer.name}（{'法定代表人' if kind == 'organisation' else '经营者'}{person.name}，"
                f"身份证号码{person.id_number}，联系电话{person.phone}）{matter}。",
            )
            created += 1
        if key == "jintai":
            _progress_demo(ctx, officer, payer, authority, department)
    ctx.out(f"纳税人与执法行为：新增 {created} 户")


def _progress_demo(ctx: DemoContext, officer: Any, payer: Any, authority: Any, department: Any) -> None:
    """One 承诺件 still in hand (a licensing application received last week), so a tester can try
    the public progress lookup with the number and code printed here."""
    from sanxiang.enforcement import services, tickets

    act = services.act_create(
        actor=officer,
        kind="licensing",
        matter="增值税专用发票（增值税税控系统）最高开票限额审批",
        taxpayer=payer,
        authority=authority,
        department=department,
        started_on=ctx.today - datetime.timedelta(days=7),
        officers=[(officer, "lead")],
    )
    ticket = act.matter_ticket
    ctx.out(
        f"  执法进度网上查询（/progress/）演示：事项编号 {ticket.matter_number}，"
        f"查询码 {tickets.matter_ticket_code(ticket)}（受理回执见该执法行为页面）"
    )


register_demo_step(20, "enforcement", enforcement_step, label=_("纳税人与执法行为"))
