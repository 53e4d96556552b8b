"""Demo step (order 70): a year of 双随机、一公开 at 宝鸡市税务局 over its own and its districts' taxpayers.

Items of the 随机抽查事项清单, the classified and abnormal directories built from the demo
taxpayers, an inspector directory (the demo's enforcement officers plus six 稽查局 inspectors
without logins), the year's plan approved by the leader and published, three target draws (key
sources 定向, other enterprises 不定向, the abnormal directory risk-weighted), inspectors drawn for
every task, one recusal and its redraw, results recorded and published, and one result left
unpublished past its deadline. Everything goes through the services; a second run changes nothing.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from sanxiang.kernel.demo import DemoContext

from .choices import AssignmentStatus, DirectoryKind, TaskStatus

EXTRA_INSPECTORS = [
    ("city_insp1", "贺明理", "稽查局", ["制造业", "建筑业"], ["增值税", "企业所得税"], ["偷税"]),
    ("city_insp2", "冯清源", "稽查局", ["批发和零售业"], ["增值税"], ["虚开发票"]),
    ("city_insp3", "曹正言", "大企业税收管理处", ["房地产业", "建筑业"], ["土地增值税"], ["偷税"]),
    ("city_insp4", "邓守信", "货物和劳务税处", ["制造业"], ["企业所得税"], ["骗取出口退税"]),
    ("city_insp5", "彭立诚", "征管和科技发展处", ["住宿和餐饮业", "批发和零售业"], ["个人所得税"], ["偷税"]),
    ("city_insp6", "苏敬业", "大企业税收管理处", ["交通运输业"], ["增值税"], ["虚开发票"]),
]
INDUSTRIES = ["制造业", "批发和零售业", "建筑业", "房地产业", "住宿和餐饮业", "交通运输业"]
ITEMS = [
    (
        "SJ-001",
        "税收检查",
        "纳税申报、税款缴纳情况",
        "《中华人民共和国税收征收管理法》第五十四条",
        "实地检查",
    ),
    (
        "SJ-002",
        "发票检查",
        "发票领用、开具、保管情况",
        "《中华人民共和国发票管理办法》第三十条",
        "实地检查、调取账簿",
    ),
]


def demo_inspections(ctx: DemoContext) -> None:
    from sanxiang.enforcement.models import Taxpayer
    from sanxiang.org import services as core_services

    from . import services
    from .models import Draw, InspectionPlan, InspectionTask

    organiser = ctx.users["city_inspection"]
    leader = ctx.users["city_leader"]
    city = ctx.authorities["city"]
    if InspectionPlan.objects.filter(authority=city, year=ctx.today.year).exists():
        ctx.out("双随机、一公开：已存在，跳过")
        return
    admin = ctx.system_actor
    extra = []
    for n, (username, name, department, industries, tax_types, case_types) in enumerate(EXTRA_INSPECTORS):
        from sanxiang.org.models import User

        user = User.objects.filter(username=username).first()
        if user is None:
            user = core_services.user_create(
                actor=admin,
                username=username,
                full_name=name,
                authority=city,
                department=ctx.departments[("city", department)],
                roles=["enforcement_officer"],
                data_scope="department",
                password=None,
            )
            core_services.certificate_add(
                actor=admin,
                holder=user,
                number=f"61039{n:07d}",
                issued_by="陕西省人民政府",
                valid_from=datetime.date(2024, 1, 1),
                valid_until=datetime.date(2028, 12, 31),
                enforcement_area="宝鸡市",
            )
        extra.append((user, industries, tax_types, case_types))

    items = [
        services.item_upsert(
            actor=organiser,
            authority=city,
            code=code,
            data={"name": name, "content": content, "basis": basis, "method": method},
        )
        for code, name, content, basis, method in ITEMS
    ]
    classified = services.directory_get_or_create(
        actor=organiser, authority=city, kind=DirectoryKind.CLASSIFIED
    )
    abnormal = services.directory_get_or_create(actor=organiser, authority=city, kind=DirectoryKind.ABNORMAL)
    inspectors = services.directory_get_or_create(
        actor=organiser, authority=city, kind=DirectoryKind.INSPECTOR
    )
    taxpayers = list(Taxpayer.objects.filter(authority__path__startswith=city.path).order_by("pk"))
    organisations = [t for t in taxpayers if t.kind == "organisation"]
    for n, taxpayer in enumerate(taxpayers):
        if taxpayer.kind == "organisation":
            target_class = (
                ("key_national", "key_provincial", "key_municipal")[n % 3]
                if n % 5 == 0
                else "other_enterprise"
            )
        else:
            target_class = "non_enterprise"
        services.target_upsert(
            actor=organiser,
            directory=classified,
            taxpayer=taxpayer,
            data={
                "target_class": target_class,
                "industry": INDUSTRIES[n % len(INDUSTRIES)],
                "scale": ("large", "medium", "small", "micro")[n % 4],
                "tax_paid": {
                    str(ctx.today.year - k): str(10000 * ((n % 7) + 1) * (k + 1)) for k in (1, 2, 3)
                },
                "credit_grade": "ABMCD"[n % 5],
                "last_inspected_on": ctx.today - datetime.timedelta(days=400) if n % 11 == 0 else None,
            },
        )
    reasons = ["long_term_abnormal", "high_risk", "low_credit", "repeatedly_reported", "joint_punishment"]
    for n, taxpayer in enumerate(organisations[1::3][:12]):
        services.target_upsert(
            actor=organiser,
            directory=abnormal,
            taxpayer=taxpayer,
            data={
                "target_class": "other_enterprise",
                "industry": INDUSTRIES[n % len(INDUSTRIES)],
                "abnormal_reasons": [reasons[n % 5]],
                "risk_level": ("high", "medium", "low")[n % 3],
            },
        )
    officers = [ctx.users[u] for u in ("city_officer", "jt_officer", "jt_risk", "wb_officer")]
    for n, user in enumerate(officers):
        services.inspector_upsert(
            actor=organiser,
            directory=inspectors,
            user=user,
            data={
                "industries": [INDUSTRIES[n]],
                "tax_types": ["增值税"],
                "case_types": ["偷税"],
                "other_cases_in_hand": n % 3,
            },
        )
    for user, industries, tax_types, case_types in extra:
        services.inspector_upsert(
            actor=organiser,
            directory=inspectors,
            user=user,
            data={"industries": industries, "tax_types": tax_types, "case_types": case_types},
        )

    plan = services.plan_create(
        actor=organiser,
        authority=city,
        year=ctx.today.year,
        title=f"宝鸡市税务局{ctx.today.year}年度双随机抽查计划",
        items=items,
    )
    services.plan_approve(actor=leader, plan=plan)
    services.plan_publish(actor=organiser, plan=plan)

    started = ctx.today - datetime.timedelta(days=90)

    def run(draw: Draw, on: datetime.date) -> Draw:
        with transaction.atomic():
            services.log_beacon_append(actor=organiser, authority=city)
        return services.draw_run(actor=organiser, draw=draw, today=on)

    draws = []
    for title, directory, mode, filters, ratio, weights, item in (
        (
            "重点税源企业定向抽取",
            classified,
            "directed",
            {"class": {"in": ["key_national", "key_provincial", "key_municipal"]}},
            "0.2",
            [],
            items[0],
        ),
        (
            "非重点税源企业不定向抽取",
            classified,
            "undirected",
            {"class": {"in": ["other_enterprise"]}},
            "0.03",
            [],
            items[1],
        ),
        (
            "异常名录库按风险加权抽取",
            abnormal,
            "undirected",
            {},
            "0.1",
            [{"field": "risk", "values": {"high": 4, "medium": 2, "low": 1}, "default": 1}],
            items[0],
        ),
    ):
        snapshot = services.snapshot_take(actor=organiser, directory=directory, today=started)
        draw = services.draw_commit(
            actor=organiser,
            plan=plan,
            snapshot=snapshot,
            title=title,
            mode=mode,
            today=started,
            filters=filters,
            ratio=ratio,
            weights=weights,
            item=item,
        )
        draws.append(run(draw, started))

    tasks = list(InspectionTask.objects.filter(plan=plan).order_by("pk"))
    for task in tasks:
        run(services.inspectors_commit(actor=organiser, task=task, today=started), started)
    if tasks:
        lead = tasks[0].assignments.get(role="lead", status=AssignmentStatus.ACTIVE)
        redraw = services.assignment_recuse(
            actor=organiser,
            assignment=lead,
            kind="relative",
            reason="其配偶在该单位担任财务负责人",
            today=started,
        )
        run(redraw, started)
    categories = ["no_problem", "corrected", "no_problem", "case_opened"]
    outcomes = {
        "no_problem": "",
        "corrected": "已责令限期改正，补缴税款及滞纳金",
        "case_opened": "已移送稽查立案查处",
    }
    for n, task in enumerate(tasks[:-1] or tasks):
        category = categories[n % 4]
        ended = started + datetime.timedelta(days=20 + n)
        services.task_record_result(
            actor=organiser, task=task, ended_on=ended, category=category, outcome=outcomes[category]
        )
        if n != 1:  # one result stays unpublished past its deadline
            services.task_publish_result(actor=organiser, task=task)
    published = InspectionTask.objects.filter(plan=plan, status=TaskStatus.PUBLISHED).count()
    ctx.out(f"双随机、一公开：{len(draws)} 次对象摇号，{len(tasks)} 户检查对象，{published} 项结果已公开")
