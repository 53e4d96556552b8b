"""Organisation services: validation, scope limits for a district administrator, audit, import."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import Workbook

from sanxiang.kernel.choices import AuthorityLevel, DataScope
from sanxiang.kernel.exceptions import PermissionDeniedError, ValidationFailed
from sanxiang.lib import orgchart
from sanxiang.org import services
from sanxiang.org.models import (
    AccessGrant,
    Authority,
    Department,
    EnforcementCertificate,
    ExternalUnit,
    Qualification,
    User,
)
from sanxiang.org.services import chart_import
from tests import factories

STRONG = "Qiang-Mima-2026!"


@pytest.fixture
def audit(monkeypatch):
    calls: list[dict] = []

    def record(**kwargs):
        calls.append(kwargs)

    monkeypatch.setattr(services, "audit_log", record)
    monkeypatch.setattr(chart_import, "audit_log", record)
    return calls


@pytest.fixture
def district_admin(org):
    return factories.user(org.district_a, org.a_collection, roles=["administrator"], scope="unit_and_below")


def actions(audit) -> list[str]:
    return [c["action"] for c in audit]


# --- permission ------------------------------------------------------------------------------


def test_it_refuses_every_write_to_a_non_administrator(org, officer, audit):
    with pytest.raises(PermissionDeniedError, match="只有系统管理员"):
        services.department_create(actor=officer, authority=org.district_a, name="新科")
    with pytest.raises(PermissionDeniedError):
        chart_import.org_chart_import(actor=officer, path_or_file="unused.xlsx")
    assert audit == []


# --- authorities -----------------------------------------------------------------------------


def test_it_creates_an_authority_below_its_parent_and_audits_it(org, admin_user, audit):
    branch = services.authority_create(
        actor=admin_user, parent=org.district_a, name=" 金台区税务局第一税务所 ", code="A1", level="branch"
    )

    assert branch.name == "金台区税务局第一税务所"
    assert Authority.objects.get_parent(branch) == org.district_a
    assert audit[-1]["action"] == "core.authority.created"
    assert audit[-1]["target"] == branch
    assert audit[-1]["after"]["parent_code"] == org.district_a.code


@pytest.mark.parametrize("level", [AuthorityLevel.COUNTY, AuthorityLevel.MUNICIPAL])
def test_it_refuses_a_level_not_below_the_parent(org, admin_user, audit, level):
    with pytest.raises(ValidationFailed, match="层级必须低于上级机关"):
        services.authority_create(actor=admin_user, parent=org.district_a, name="某局", code="X", level=level)
    assert not Authority.objects.filter(code="X").exists()


def test_it_refuses_a_duplicate_authority_code(org, admin_user, audit):
    with pytest.raises(ValidationFailed, match="已被使用"):
        services.authority_create(
            actor=admin_user, parent=org.district_a, name="某所", code=org.district_b.code, level="branch"
        )


def test_it_refuses_a_level_that_would_not_stay_above_the_children(org, admin_user, audit):
    with pytest.raises(ValidationFailed, match="层级必须高于下级机关"):
        services.authority_update(
            actor=admin_user, authority=org.city, name=org.city.name, code=org.city.code, level="county"
        )


def test_it_updates_an_authority_with_before_and_after(org, district_admin, audit):
    updated = services.authority_update(
        actor=district_admin,
        authority=org.district_a,
        name=org.district_a.name,
        code=org.district_a.code,
        level="county",
        public_phone="0917-1234567",
    )

    assert updated.public_phone == "0917-1234567"
    assert audit[-1]["action"] == "core.authority.updated"
    assert audit[-1]["before"]["public_phone"] == ""
    assert audit[-1]["after"]["public_phone"] == "0917-1234567"


def test_a_district_administrator_manages_only_their_district_and_below(org, district_admin, audit):
    services.authority_create(
        actor=district_admin, parent=org.district_a, name="第一税务所", code="A1", level="branch"
    )

    with pytest.raises(PermissionDeniedError, match="数据权限不包括"):
        services.authority_create(
            actor=district_admin, parent=org.district_b, name="第一税务所", code="B1", level="branch"
        )
    with pytest.raises(PermissionDeniedError):
        services.authority_create(
            actor=district_admin, parent=org.city, name="新区局", code="C1", level="county"
        )
    with pytest.raises(PermissionDeniedError, match="顶级机关"):
        services.authority_create(actor=district_admin, parent=None, name="总局", code="N", level="national")
    assert actions(audit) == ["core.authority.created"]


# --- departments, external units, posts ------------------------------------------------------


def test_it_creates_a_department_with_aliases(org, district_admin, audit):
    dept = services.department_create(
        actor=district_admin, authority=org.district_a, name="办公室", code="BGS", aliases=[" 办 ", "", "办"]
    )

    assert dept.aliases == ["办"]
    assert audit[-1]["action"] == "core.department.created"


def test_it_refuses_a_duplicate_department_name(org, admin_user, audit):
    with pytest.raises(ValidationFailed, match="已有名为「法制股」的部门"):
        services.department_create(actor=admin_user, authority=org.district_a, name="法制股")


def test_it_refuses_a_department_in_another_district(org, district_admin, audit):
    with pytest.raises(PermissionDeniedError):
        services.department_create(actor=district_admin, authority=org.district_b, name="办公室")
    with pytest.raises(PermissionDeniedError):
        services.department_update(actor=district_admin, department=org.b_legal, name="法制科")
    assert not Department.objects.filter(authority=org.district_b, name="办公室").exists()


def test_it_refuses_to_deactivate_a_department_with_staff(org, admin_user, officer, audit):
    with pytest.raises(ValidationFailed, match="在岗人员"):
        services.department_update(
            actor=admin_user, department=org.a_collection, name=org.a_collection.name, is_active=False
        )

    services.department_update(actor=admin_user, department=org.a_legal, name="法制股", is_active=False)
    org.a_legal.refresh_from_db()
    assert not org.a_legal.is_active
    assert audit[-1]["before"]["is_active"] is True


def test_it_requires_the_lead_department_to_belong_to_the_authority(org, admin_user, audit):
    with pytest.raises(ValidationFailed, match="不属于对接机关"):
        services.external_unit_create(
            actor=admin_user, authority=org.district_a, name="区发改局", lead_department=org.b_legal
        )

    unit = services.external_unit_create(
        actor=admin_user,
        authority=org.district_a,
        name="区发改局",
        aliases=["发改局"],
        lead_department=org.a_legal,
    )
    assert audit[-1]["action"] == "core.external_unit.created"
    with pytest.raises(ValidationFailed, match="已存在"):
        services.external_unit_create(actor=admin_user, authority=org.district_b, name="区发改局")

    services.external_unit_update(
        actor=admin_user, unit=unit, authority=org.district_b, name="区发改局", lead_department=org.b_legal
    )
    unit.refresh_from_db()
    assert unit.authority == org.district_b
    assert audit[-1]["action"] == "core.external_unit.updated"


def test_it_creates_a_post_once_per_department(org, admin_user, audit):
    services.post_create(actor=admin_user, department=org.a_legal, name="法制审核岗")

    with pytest.raises(ValidationFailed, match="已有岗位"):
        services.post_create(actor=admin_user, department=org.a_legal, name="法制审核岗")
    assert actions(audit) == ["core.post.created"]


# --- users -----------------------------------------------------------------------------------


def make_user(actor, org, **overrides):
    values = {
        "username": "wangwu",
        "full_name": "王五",
        "authority": org.district_a,
        "department": org.a_legal,
        "roles": ["legal_reviewer"],
        "data_scope": DataScope.DEPARTMENT,
        "password": STRONG,
    }
    values.update(overrides)
    return services.user_create(actor=actor, **values)


def test_it_creates_a_user_without_putting_the_password_in_the_audit(org, district_admin, audit):
    user = make_user(district_admin, org)

    assert user.check_password(STRONG)
    assert user.role_codes() == {"legal_reviewer"}
    entry = audit[-1]
    assert entry["action"] == "core.user.created"
    assert entry["after"]["roles"] == ["legal_reviewer"]
    assert STRONG not in repr(entry) and user.password not in repr(entry)


@pytest.mark.parametrize("password", ["short", "1234567890123", "wangwu1234"])
def test_it_validates_passwords_with_django(org, admin_user, audit, password):
    with pytest.raises(ValidationFailed, match="密码不符合要求") as exc:
        make_user(admin_user, org, password=password)
    assert exc.value.extra["field"] == "password"
    assert not User.objects.filter(username="wangwu").exists()


def test_it_requires_the_department_to_belong_to_the_authority(org, admin_user, audit):
    with pytest.raises(ValidationFailed, match="不属于所选机关"):
        make_user(admin_user, org, department=org.b_legal)


def test_it_refuses_a_duplicate_username_case_insensitively(org, admin_user, officer, audit):
    with pytest.raises(ValidationFailed, match="已存在"):
        make_user(admin_user, org, username=officer.username.upper())


def test_it_refuses_a_data_scope_broader_than_the_actors(org, district_admin, audit):
    with pytest.raises(PermissionDeniedError, match="不能授予比您自己更大的数据权限"):
        make_user(district_admin, org, data_scope=DataScope.ALL)
    make_user(district_admin, org, data_scope=DataScope.UNIT_AND_BELOW)


def test_it_refuses_a_user_outside_the_actors_scope(org, district_admin, audit):
    with pytest.raises(PermissionDeniedError, match="不能在该机关管理人员"):
        make_user(district_admin, org, authority=org.district_b, department=org.b_legal)
    with pytest.raises(PermissionDeniedError):
        make_user(district_admin, org, authority=None, department=None)


def test_a_department_scoped_administrator_places_users_only_in_their_department(org, audit):
    dept_admin = factories.user(org.district_a, org.a_legal, roles=["administrator"], scope="department")

    make_user(dept_admin, org)
    with pytest.raises(PermissionDeniedError, match="本部门"):
        make_user(dept_admin, org, username="other", department=org.a_collection)
    with pytest.raises(PermissionDeniedError):
        services.department_create(actor=dept_admin, authority=org.district_a, name="新科")


def test_it_updates_a_user_and_their_roles_in_one_step(org, district_admin, officer, audit):
    services.user_update(
        actor=district_admin,
        user=officer,
        full_name="赵六",
        authority=org.district_a,
        department=org.a_legal,
        data_scope=DataScope.UNIT,
        roles=["legal_reviewer", "liaison"],
    )

    officer.refresh_from_db()
    assert (officer.full_name, officer.department) == ("赵六", org.a_legal)
    assert officer.role_codes() == {"legal_reviewer", "liaison"}
    assert audit[-1]["before"]["roles"] == ["enforcement_officer"]
    assert audit[-1]["after"]["roles"] == ["legal_reviewer", "liaison"]


def test_a_district_administrator_cannot_touch_another_districts_user(
    org, district_admin, sibling_bureau_officer, audit
):
    with pytest.raises(PermissionDeniedError):
        services.user_set_roles(actor=district_admin, user=sibling_bureau_officer, roles=["leader"])
    with pytest.raises(PermissionDeniedError):
        services.user_set_password(actor=district_admin, user=sibling_bureau_officer, password=STRONG)
    with pytest.raises(PermissionDeniedError):
        services.user_deactivate(actor=district_admin, user=sibling_bureau_officer)
    sibling_bureau_officer.refresh_from_db()
    assert sibling_bureau_officer.is_active
    assert audit == []


def test_it_refuses_to_manage_a_user_with_a_broader_scope(org, district_admin, audit):
    powerful = factories.user(org.district_a, org.a_legal, roles=["leader"], scope="all")

    with pytest.raises(PermissionDeniedError, match="大于您的数据权限"):
        services.user_set_password(actor=district_admin, user=powerful, password=STRONG)


def test_an_administrator_cannot_remove_their_own_administrator_role(org, district_admin, audit):
    with pytest.raises(ValidationFailed, match="不能取消自己的系统管理员角色"):
        services.user_set_roles(actor=district_admin, user=district_admin, roles=["leader"])

    services.user_set_roles(actor=district_admin, user=district_admin, roles=["administrator", "leader"])
    assert district_admin.role_codes() == {"administrator", "leader"}
    assert actions(audit) == ["core.user.roles_set"]


def test_it_sets_a_password_without_logging_it(org, district_admin, officer, audit):
    services.user_set_password(actor=district_admin, user=officer, password=STRONG)

    officer.refresh_from_db()
    assert officer.check_password(STRONG)
    assert audit[-1]["action"] == "core.user.password_set"
    assert STRONG not in repr(audit[-1])
    with pytest.raises(ValidationFailed, match="密码"):
        services.user_set_password(actor=district_admin, user=officer, password="123")


def test_it_deactivates_a_user_but_not_oneself(org, district_admin, officer, audit):
    with pytest.raises(ValidationFailed, match="不能停用自己"):
        services.user_deactivate(actor=district_admin, user=district_admin)

    services.user_deactivate(actor=district_admin, user=officer)
    officer.refresh_from_db()
    assert not officer.is_active
    assert audit[-1]["action"] == "core.user.deactivated"
    with pytest.raises(ValidationFailed, match="已停用"):
        services.user_deactivate(actor=district_admin, user=officer)


# --- certificates and qualifications ---------------------------------------------------------


def test_it_adds_a_certificate_with_checked_dates_and_unique_number(org, district_admin, officer, audit):
    day = datetime.date(2026, 1, 1)
    with pytest.raises(ValidationFailed, match="有效期至不能早于有效期起"):
        services.certificate_add(
            actor=district_admin,
            holder=officer,
            number="C1",
            issued_by="某局",
            valid_from=day,
            valid_until=day.replace(year=2025),
        )
    cert = services.certificate_add(
        actor=district_admin,
        holder=officer,
        number="C1",
        issued_by="某局",
        valid_from=day,
        valid_until=day.replace(year=2030),
    )
    assert cert.holder == officer
    assert audit[-1]["action"] == "core.certificate.added"
    with pytest.raises(ValidationFailed, match="已登记"):
        services.certificate_add(
            actor=district_admin,
            holder=officer,
            number="C1",
            issued_by="某局",
            valid_from=day,
            valid_until=day,
        )


def test_it_adds_a_legal_profession_qualification(org, district_admin, officer, audit):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationFailed, match="不能晚于今天"):
        services.qualification_add(actor=district_admin, holder=officer, number="A1", obtained_on=tomorrow)

    q = services.qualification_add(
        actor=district_admin, holder=officer, number="A1", obtained_on=datetime.date(2020, 9, 1)
    )
    assert q.kind == "legal_profession"
    assert audit[-1]["action"] == "core.qualification.added"
    with pytest.raises(ValidationFailed, match="法律职业资格证书编号「A1」已登记"):
        services.qualification_add(
            actor=district_admin, holder=officer, number="A1", obtained_on=datetime.date(2020, 9, 1)
        )


def test_it_refuses_certificates_for_another_districts_staff(
    org, district_admin, sibling_bureau_officer, audit
):
    with pytest.raises(PermissionDeniedError):
        services.qualification_add(
            actor=district_admin,
            holder=sibling_bureau_officer,
            number="A1",
            obtained_on=datetime.date(2020, 9, 1),
        )
    assert not Qualification.objects.exists()


# --- access grants ---------------------------------------------------------------------------


def test_it_grants_and_revokes_access_to_one_object(org, officer, sibling_bureau_officer, audit):
    target = org.district_a  # any model instance will do
    grant = services.access_grant_create(
        actor=officer, target=target, user=sibling_bureau_officer, reason="跨部门法制审核"
    )

    assert grant.target == target and grant.granted_by == officer
    assert list(AccessGrant.objects.active()) == [grant]
    assert audit[-1]["action"] == "core.access_grant.created"
    again = services.access_grant_create(
        actor=officer, target=target, user=sibling_bureau_officer, reason="再次"
    )
    assert again == grant
    assert actions(audit) == ["core.access_grant.created"]

    services.access_grant_revoke(actor=officer, grant=grant)
    assert not AccessGrant.objects.active().exists()
    assert audit[-1]["action"] == "core.access_grant.revoked"
    assert audit[-1]["before"]["revoked_at"] is None and audit[-1]["after"]["revoked_at"]
    with pytest.raises(ValidationFailed, match="已于"):
        services.access_grant_revoke(actor=officer, grant=grant)


def test_it_grants_access_to_a_whole_department_with_an_expiry(org, officer, audit):
    expires = timezone.now() + datetime.timedelta(days=30)
    grant = services.access_grant_create(
        actor=officer, target=org.city, department=org.b_collection, reason="市局任务交办", expires_at=expires
    )
    assert grant.department == org.b_collection and grant.expires_at == expires


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"reason": "x"}, "二选一"),
        ({"reason": "x", "both": True}, "二选一"),
        ({"reason": "  ", "user": True}, "事由不能为空"),
        ({"reason": "x", "user": True, "past": True}, "到期时间必须晚于当前时间"),
    ],
)
def test_it_validates_access_grants(org, officer, audit, kwargs, message):
    args = {"reason": kwargs["reason"]}
    if kwargs.get("user") or kwargs.get("both"):
        args["user"] = officer
    if kwargs.get("both"):
        args["department"] = org.a_legal
    if kwargs.get("past"):
        args["expires_at"] = timezone.now() - datetime.timedelta(minutes=1)
    with pytest.raises(ValidationFailed, match=message):
        services.access_grant_create(actor=officer, target=org.city, **args)
    assert not AccessGrant.objects.exists()


# --- organisation chart import ---------------------------------------------------------------


def chart_workbook(path: Path, org, *, people_extra: list[list] = (), branch_parent=None) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    ws = wb.create_sheet("机关")
    ws.append(["上级机关代码", "机关代码", "机关名称", "简称", "层级", "对外电话", "办公地址"])
    ws.append(
        [
            (branch_parent or org.district_a).code,
            "A-SUO1",
            "金台区税务局第一税务所",
            "第一所",
            "税务所",
            "",
            "",
        ]
    )
    ws = wb.create_sheet("部门")
    ws.append(["机关代码", "部门名称", "部门代码", "别名"])
    ws.append(["A-SUO1", "综合股", "ZH", "综合"])
    ws.append([org.district_a.code, "法制股", "FZ", "法规股"])
    ws = wb.create_sheet("人员")
    ws.append(
        [
            "用户名",
            "姓名",
            "机关代码",
            "部门名称",
            "角色",
            "数据权限",
            "执法证号",
            "执法证发证机关",
            "执法证有效期起",
            "执法证有效期至",
            "法律职业资格证号",
            "法律职业资格取得日期",
        ]
    )
    ws.append(
        [
            "zhaoliu",
            "赵六",
            "A-SUO1",
            "综合股",
            "执法人员、联络员",
            "本部门",
            "ZF001",
            "宝鸡市税务局",
            "2025-01-01",
            "2030-12-31",
            "",
            "",
        ]
    )
    ws.append(
        [
            "sunqi",
            "孙七",
            org.district_a.code,
            "法制股",
            "法制审核人员",
            "本单位",
            "",
            "",
            "",
            "",
            "FZ2020",
            "2020-09-01",
        ]
    )
    for row in people_extra:
        ws.append(row)
    ws = wb.create_sheet("外部单位")
    ws.append(["名称", "别名", "对接机关代码", "对接部门"])
    ws.append(["金台区发展和改革局", "区发改局", org.district_a.code, "法制股"])
    wb.save(path)
    return path


def snapshot_counts() -> tuple[int, ...]:
    return (
        Authority.objects.count(),
        Department.objects.count(),
        User.objects.count(),
        ExternalUnit.objects.count(),
        EnforcementCertificate.objects.count(),
        Qualification.objects.count(),
    )


def test_it_imports_an_org_chart_and_lists_users_without_password(org, district_admin, audit, tmp_path):
    path = chart_workbook(tmp_path / "org.xlsx", org)

    report = chart_import.org_chart_import(actor=district_admin, path_or_file=path)

    assert report.ok
    assert report.count("created", "authority") == 1
    assert report.count("created", "department") == 1
    assert report.count("updated", "department") == 1  # 法制股 gains code and alias
    assert report.count("created", "user") == 2
    assert report.count("created", "certificate") == report.count("created", "qualification") == 1
    assert report.count("created", "external_unit") == 1
    assert sorted(report.users_without_password) == ["sunqi", "zhaoliu"]
    zhao = User.objects.get(username="zhaoliu")
    assert not zhao.has_usable_password()
    assert Authority.objects.get_parent(zhao.authority) == org.district_a
    assert zhao.department.name == "综合股"
    assert zhao.role_codes() == {"enforcement_officer", "liaison"}
    assert zhao.data_scope == "department"
    assert zhao.certificates.get().valid_until == datetime.date(2030, 12, 31)
    org.a_legal.refresh_from_db()
    assert (org.a_legal.code, org.a_legal.aliases) == ("FZ", ["法规股"])
    assert ExternalUnit.objects.get().lead_department == org.a_legal
    assert "core.user.created" in actions(audit)
    assert audit[-1]["action"] == "core.org_chart.imported"
    assert audit[-1]["data"]["created"] == report.created


def test_reimporting_the_same_file_changes_nothing(org, district_admin, audit, tmp_path):
    path = chart_workbook(tmp_path / "org.xlsx", org)
    chart_import.org_chart_import(actor=district_admin, path_or_file=path)
    counts = snapshot_counts()
    audit.clear()

    report = chart_import.org_chart_import(actor=district_admin, path_or_file=path)

    assert (report.created, report.updated) == (0, 0)
    assert report.unchanged == len(report.items) > 0
    assert snapshot_counts() == counts
    assert actions(audit) == ["core.org_chart.imported"]


def test_a_dry_run_previews_without_writing_or_auditing(org, district_admin, audit, tmp_path):
    before = snapshot_counts()

    report = chart_import.org_chart_import(
        actor=district_admin, path_or_file=chart_workbook(tmp_path / "org.xlsx", org), dry_run=True
    )

    assert report.ok and report.dry_run
    assert report.created == 7
    assert snapshot_counts() == before
    assert audit == []


def test_an_import_with_one_bad_row_writes_nothing(
    org, district_admin, sibling_bureau_officer, audit, tmp_path
):
    EnforcementCertificate.objects.create(
        holder=sibling_bureau_officer,
        number="TAKEN",
        issued_by="某局",
        valid_from=datetime.date(2025, 1, 1),
        valid_until=datetime.date(2030, 1, 1),
    )
    extra = [
        [
            "zhouba",
            "周八",
            org.district_a.code,
            "",
            "",
            "",
            "TAKEN",
            "某局",
            "2025-01-01",
            "2030-01-01",
            "",
            "",
        ]
    ]
    path = chart_workbook(tmp_path / "org.xlsx", org, people_extra=extra)
    before = snapshot_counts()

    with pytest.raises(ValidationFailed, match="未导入任何数据") as exc:
        chart_import.org_chart_import(actor=district_admin, path_or_file=path)

    errors = exc.value.extra["report"].errors
    assert [(e.sheet, e.row, e.column) for e in errors] == [("人员", 4, "执法证号")]
    assert "已登记在其他人员名下" in errors[0].message
    assert snapshot_counts() == before
    org.a_legal.refresh_from_db()
    assert org.a_legal.code == ""
    assert audit == []


def test_a_district_administrator_cannot_import_into_another_district(org, district_admin, audit, tmp_path):
    extra = [["qianjiu", "钱九", org.district_b.code, "", "", "", "", "", "", "", "", ""]]
    path = chart_workbook(tmp_path / "org.xlsx", org, people_extra=extra, branch_parent=org.district_b)
    before = snapshot_counts()

    report = chart_import.org_chart_import(actor=district_admin, path_or_file=path, dry_run=True)

    located = {(e.sheet, e.row, e.column) for e in report.errors}
    assert ("机关", 2, "上级机关代码") in located
    assert ("人员", 4, "机关代码") in located
    assert snapshot_counts() == before


def test_it_refuses_a_scope_broader_than_the_importers(org, district_admin, audit, tmp_path):
    extra = [["quan", "全", org.district_a.code, "", "", "全部数据", "", "", "", "", "", ""]]
    report = chart_import.org_chart_import(
        actor=district_admin,
        path_or_file=chart_workbook(tmp_path / "o.xlsx", org, people_extra=extra),
        dry_run=True,
    )
    assert [(e.sheet, e.row, e.column) for e in report.errors] == [("人员", 4, "数据权限")]


def test_it_refuses_to_move_an_existing_authority(org, admin_user, audit, tmp_path):
    path = chart_workbook(tmp_path / "org.xlsx", org)
    chart_import.org_chart_import(actor=admin_user, path_or_file=path)
    moved = chart_workbook(tmp_path / "moved.xlsx", org, branch_parent=org.district_b)

    report = chart_import.org_chart_import(actor=admin_user, path_or_file=moved, dry_run=True)

    assert [(e.sheet, e.row, e.column) for e in report.errors] == [("机关", 2, "上级机关代码")]
    assert "不能移动机关" in report.errors[0].message


def test_it_returns_parse_errors_with_their_location(org, admin_user, audit, tmp_path):
    extra = [["bad", "坏", org.district_a.code, "", "不存在的角色", "", "", "", "", "", "", ""]]
    path = chart_workbook(tmp_path / "org.xlsx", org, people_extra=extra)

    report = chart_import.org_chart_import(actor=admin_user, path_or_file=path, dry_run=True)

    assert [(e.sheet, e.row, e.column) for e in report.errors] == [("人员", 4, "角色")]
    assert report.items == []


def test_the_template_lists_role_and_scope_labels_the_models_know(org):
    from sanxiang.kernel.choices import RoleCode

    assert set(orgchart.ROLE_LABELS.values()) == set(RoleCode.values)
    assert {str(label) for label in RoleCode.labels} <= set(orgchart.ROLE_LABELS)
    assert set(orgchart.DATA_SCOPE_LABELS.values()) == set(DataScope.values)
    assert set(orgchart.LEVEL_LABELS.values()) == set(AuthorityLevel.values)


def test_blank_optional_cells_keep_an_existing_users_department_roles_and_scope(
    org, admin_user, officer, audit, tmp_path
):
    wb = Workbook()
    ws = wb.active
    ws.title = "人员"
    ws.append(["用户名", "姓名", "机关代码", "部门名称", "角色", "数据权限"])
    ws.append([officer.username, "改了名", org.district_a.code, "", "", ""])
    path = tmp_path / "people.xlsx"
    wb.save(path)

    report = chart_import.org_chart_import(actor=admin_user, path_or_file=path)

    officer.refresh_from_db()
    assert report.count("updated", "user") == 1
    assert officer.full_name == "改了名"
    assert (officer.department, officer.data_scope) == (org.a_collection, "unit")
    assert officer.role_codes() == {"enforcement_officer"}
    assert report.users_without_password == []


def test_only_a_superuser_manages_superusers(org, admin_user, audit):
    root = User.objects.create_superuser(username="root", password=STRONG)

    with pytest.raises(PermissionDeniedError):
        services.user_set_password(actor=admin_user, user=root, password="Another-Strong-2026")
    services.user_set_password(actor=root, user=root, password="Another-Strong-2026")
