"""The demo's organisation: a municipal bureau with two district bureaus, staff for every role.

The demo framework (``DemoContext``, ``register_demo_step``) is ``sanxiang.kernel.demo``.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.demo import DEMO_PASSWORD, DemoContext, register_demo_step

# ---------------------------------------------------------------------------------------------
# The organisation: 宝鸡市税务局 with 金台区 and 渭滨区 税务局 (department names from seeds 000 and 001).

AUTHORITIES = [
    # key, parent key, code, name, short name, level, public phone
    ("sat", None, "11100000000", "国家税务总局", "税务总局", "national", "12366"),
    (
        "shaanxi",
        "sat",
        "16100000000",
        "国家税务总局陕西省税务局",
        "陕西省税务局",
        "provincial",
        "029-87663366",
    ),
    (
        "city",
        "shaanxi",
        "16103000000",
        "国家税务总局宝鸡市税务局",
        "宝鸡市税务局",
        "municipal",
        "0917-3263366",
    ),
    (
        "jintai",
        "city",
        "16103020000",
        "国家税务总局宝鸡市金台区税务局",
        "金台区税务局",
        "county",
        "0917-3512366",
    ),
    (
        "weibin",
        "city",
        "16103030000",
        "国家税务总局宝鸡市渭滨区税务局",
        "渭滨区税务局",
        "county",
        "0917-3212366",
    ),
]
# Seed 001 (a municipal bureau's 处室) and seed 000 (a district bureau's 科室).
CITY_DEPARTMENTS = [
    "办公室",
    "政策法规处",
    "纳税服务处",
    "征管和科技发展处",
    "人事处",
    "财务管理处",
    "收入规划核算处",
    "货物和劳务税处",
    "大企业税收管理处",
    "监察室",
    "信息中心",
    "稽查局",
]
DISTRICT_DEPARTMENTS = [
    "办公室",
    "法制科",
    "人事教育科",
    "纳税服务科",
    "征收管理科",
    "税收风险管理局",
    "纳税服务中心",
    "信息中心",
    "财务管理科",
]
EXTERNAL_UNITS = [
    ("宝鸡市金台区发展和改革局", ["区发改局"], "jintai", "办公室"),
    ("宝鸡市公安局金台分局", ["金台公安分局"], "jintai", "税收风险管理局"),
    ("宝鸡市金台区市场监督管理局", ["区市场监管局"], "jintai", "征收管理科"),
    ("宝鸡市金台区财政局", ["区财政局"], "jintai", "办公室"),
]
# username, full name, authority, department, roles, data scope, legal qualification?
DEMO_USERS = [
    ("sysadmin", "系统管理员", "city", "信息中心", ["administrator"], "all", False),
    (
        "city_leader",
        "王建国",
        "city",
        "办公室",
        ["leader", "review_committee_member"],
        "unit_and_below",
        False,
    ),
    (
        "city_legal",
        "李法明",
        "city",
        "政策法规处",
        ["legal_reviewer", "review_committee_member"],
        "unit_and_below",
        True,
    ),
    ("city_approver", "赵公平", "city", "办公室", ["publicity_approver"], "unit_and_below", False),
    ("city_opengov", "陈政文", "city", "办公室", ["open_government_officer"], "unit_and_below", False),
    ("city_supervisor", "周督办", "city", "办公室", ["supervisor"], "unit_and_below", False),
    ("city_officer", "孙稽查", "city", "稽查局", ["enforcement_officer"], "department", False),
    ("jt_admin", "金台管理员", "jintai", "信息中心", ["administrator"], "unit_and_below", False),
    ("jt_leader", "刘金台", "jintai", "办公室", ["leader", "review_committee_member"], "unit", False),
    ("jt_legal", "何守法", "jintai", "法制科", ["legal_reviewer", "review_committee_member"], "unit", True),
    ("jt_approver", "吴审批", "jintai", "办公室", ["publicity_approver"], "unit", False),
    ("jt_officer", "张征管", "jintai", "征收管理科", ["enforcement_officer"], "department", False),
    ("jt_risk", "马风险", "jintai", "税收风险管理局", ["enforcement_officer"], "department", False),
    ("jt_liaison", "郭联络", "jintai", "征收管理科", ["liaison"], "department", False),
    ("jt_opengov", "林公开", "jintai", "办公室", ["open_government_officer", "liaison"], "unit", False),
    ("wb_leader", "郑渭滨", "weibin", "办公室", ["leader", "review_committee_member"], "unit", False),
    ("wb_legal", "梁法治", "weibin", "法制科", ["legal_reviewer"], "unit", True),
    ("wb_approver", "宋审核", "weibin", "办公室", ["publicity_approver"], "unit", False),
    ("wb_officer", "唐执法", "weibin", "征收管理科", ["enforcement_officer"], "department", False),
    ("wb_liaison", "韩联络", "weibin", "纳税服务科", ["liaison"], "department", False),
    # Second wave: records archive, open-government office head, random inspections.
    ("city_archivist", "钱档案", "city", "办公室", ["archivist"], "unit_and_below", False),
    (
        "city_opengov_head",
        "冯公开",
        "city",
        "办公室",
        ["open_government_head", "open_government_officer"],
        "unit_and_below",
        False,
    ),
    ("city_inspection", "蒋抽查", "city", "稽查局", ["inspection_organiser"], "unit_and_below", False),
]


def _password_hash(ctx: DemoContext) -> str:
    """The demo password hashed once: every demo account shares it (a hash takes ~0.3 s)."""
    from django.contrib.auth.hashers import make_password

    if "password_hash" not in ctx.extra:
        ctx.extra["password_hash"] = make_password(DEMO_PASSWORD)
    return ctx.extra["password_hash"]


def _bootstrap_administrator(ctx: DemoContext) -> Any:
    """The first administrator: there is nobody yet to act for its creation, so it is audited as system."""
    from sanxiang.kernel.auditing import audit_log
    from sanxiang.org.models import Role, User
    from sanxiang.org.services import user_sync_admin_site_access

    user = User.objects.filter(username="sysadmin").first()
    if user is None:
        user = User(username="sysadmin", full_name="系统管理员", data_scope="all")
        user.password = _password_hash(ctx)
        user.save()
        user.roles.set(Role.for_codes(["administrator"]))
        user_sync_admin_site_access(user)
        audit_log(
            actor=None,
            action="core.user.bootstrapped",
            target=user,
            after={"username": user.username, "roles": ["administrator"], "data_scope": "all"},
        )
    return user


def org_step(ctx: DemoContext) -> None:
    from sanxiang.org import services
    from sanxiang.org.models import Authority, Department, ExternalUnit, User

    admin = _bootstrap_administrator(ctx)
    ctx.users["sysadmin"] = admin
    for key, parent_key, code, name, short, level, phone in AUTHORITIES:
        authority = Authority.objects.filter(code=code).first()
        if authority is None:
            authority = services.authority_create(
                actor=admin,
                parent=ctx.authorities.get(parent_key) if parent_key else None,
                name=name,
                code=code,
                level=level,
                short_name=short,
                public_phone=phone,
            )
        ctx.authorities[key] = authority
    for key, names in (
        ("city", CITY_DEPARTMENTS),
        ("jintai", DISTRICT_DEPARTMENTS),
        ("weibin", DISTRICT_DEPARTMENTS),
    ):
        authority = ctx.authorities[key]
        for name in names:
            department = Department.objects.filter(authority=authority, name=name).first()
            if department is None:
                department = services.department_create(actor=admin, authority=authority, name=name)
            ctx.departments[(key, name)] = department
    for name, aliases, authority_key, department_name in EXTERNAL_UNITS:
        if not ExternalUnit.objects.filter(name=name).exists():
            services.external_unit_create(
                actor=admin,
                name=name,
                aliases=aliases,
                authority=ctx.authorities[authority_key],
                lead_department=ctx.departments[(authority_key, department_name)],
            )
    if admin.authority_id is None:
        services.user_update(
            actor=admin,
            user=admin,
            full_name=admin.full_name,
            authority=ctx.authorities["city"],
            department=ctx.departments[("city", "信息中心")],
            data_scope="all",
        )
    for username, full_name, authority_key, department_name, roles, scope, qualified in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = services.user_create(
                actor=admin,
                username=username,
                full_name=full_name,
                authority=ctx.authorities[authority_key],
                department=ctx.departments[(authority_key, department_name)],
                roles=roles,
                data_scope=scope,
                password=None,
                password_hash=_password_hash(ctx),
                phone=f"0917-32{len(ctx.users):05d}",
            )
            if "enforcement_officer" in roles:
                services.certificate_add(
                    actor=admin,
                    holder=user,
                    number=f"61030{len(ctx.users):07d}",
                    issued_by="陕西省人民政府",
                    valid_from=datetime.date(2024, 1, 1),
                    valid_until=datetime.date(2028, 12, 31),
                    enforcement_area="宝鸡市",
                )
            if qualified:
                services.qualification_add(
                    actor=admin,
                    holder=user,
                    number=f"A2019{len(ctx.users):08d}",
                    obtained_on=datetime.date(2019, 9, 1),
                )
        ctx.users[username] = user
    ctx.out(
        f"组织机构：{len(ctx.authorities)} 个机关，{len(ctx.departments)} 个部门，{len(ctx.users)} 个账号"
    )


register_demo_step(10, "org", org_step, label=_("组织机构与账号"))
