"""Organisation pages: administrators manage their own part of the tree, everyone else sees 404."""

from __future__ import annotations

import datetime
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from sanxiang.audit import services as audit_services
from sanxiang.audit.models import AuditEvent
from sanxiang.files.models import StoredFile
from sanxiang.jobs.models import Job, JobStatus
from sanxiang.jobs.services import INPUT_PURPOSE
from sanxiang.org import jobs as org_jobs
from sanxiang.org import services
from sanxiang.org.models import AccessGrant, Authority, Department, User
from tests import factories

STRONG = "Qiang-Mima-2026!"


@pytest.fixture(autouse=True)
def _var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"


@pytest.fixture
def refusals(monkeypatch):
    calls: list = []
    monkeypatch.setattr(audit_services, "audit_scope_refusal", lambda **kw: calls.append(kw))
    return calls


@pytest.fixture
def district_admin(org):
    return factories.user(org.district_a, org.a_collection, roles=["administrator"], scope="unit_and_below")


@pytest.fixture
def a_client(client, district_admin):
    client.force_login(district_admin)
    return client


def workbook_bytes(org, *, role: str = "执法人员") -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    ws = wb.create_sheet("部门")
    ws.append(["机关代码", "部门名称", "部门代码", "别名"])
    ws.append([org.district_a.code, "办公室", "BGS", ""])
    ws = wb.create_sheet("人员")
    ws.append(["用户名", "姓名", "机关代码", "部门名称", "角色", "数据权限"])
    ws.append(["newbie", "新人", org.district_a.code, "办公室", role, "本部门"])
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def upload(data: bytes, name: str = "org.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


# --- who gets in -----------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_login(client, org):
    response = client.get(reverse("org:overview"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("core:login"))


@pytest.mark.parametrize(
    "name_args",
    [("org:overview", []), ("org:user_list", []), ("org:import", []), ("org:import_template", [])],
)
def test_staff_without_the_administrator_role_get_404(client, officer, name_args):
    client.force_login(officer)
    name, args = name_args

    assert client.get(reverse(name, args=args)).status_code == 404


def test_staff_without_the_administrator_role_cannot_open_their_own_authority(client, officer, org):
    client.force_login(officer)

    assert client.get(reverse("org:authority_detail", args=[org.district_a.pk])).status_code == 404


# --- overview and scope ----------------------------------------------------------------------


def test_the_overview_shows_only_the_administrators_subtree(a_client, org):
    response = a_client.get(reverse("org:overview"))

    assert response.status_code == 200
    body = response.content.decode()
    assert org.district_a.name in body
    assert org.district_b.name not in body
    assert org.city.name not in body


def test_the_city_administrator_sees_the_whole_indented_tree(client, admin_user, org):
    client.force_login(admin_user)

    response = client.get(reverse("org:overview"))

    tree = response.context["tree"]
    assert [item["node"] for item in tree] == [org.province, org.city, org.district_a, org.district_b]
    assert [item["indent"] for item in tree] == [0, 1, 2, 2]
    assert tree[2]["department_count"] == 2


@pytest.mark.parametrize(
    "url",
    [
        lambda org, u: reverse("org:authority_detail", args=[org.district_b.pk]),
        lambda org, u: reverse("org:authority_edit", args=[org.district_b.pk]),
        lambda org, u: reverse("org:department_create", args=[org.district_b.pk]),
        lambda org, u: reverse("org:department_edit", args=[org.b_legal.pk]),
        lambda org, u: reverse("org:access_grant_list", args=[org.district_b.pk]),
        lambda org, u: reverse("org:user_detail", args=[u.pk]),
        lambda org, u: reverse("org:user_edit", args=[u.pk]),
        lambda org, u: reverse("org:user_password", args=[u.pk]),
        lambda org, u: reverse("org:certificate_add", args=[u.pk]),
        lambda org, u: reverse("org:qualification_add", args=[u.pk]),
        lambda org, u: reverse("org:authority_create") + f"?parent={org.district_b.pk}",
    ],
)
def test_another_districts_objects_are_404_and_audited(a_client, org, sibling_bureau_officer, refusals, url):
    response = a_client.get(url(org, sibling_bureau_officer))

    assert response.status_code == 404
    assert len(refusals) == 1


def test_a_missing_object_is_a_plain_404(a_client, refusals):
    assert a_client.get(reverse("org:user_detail", args=[999999])).status_code == 404
    assert refusals == []


def test_posting_to_another_districts_department_changes_nothing(a_client, org, refusals):
    response = a_client.post(reverse("org:department_edit", args=[org.b_legal.pk]), {"name": "改名"})

    assert response.status_code == 404
    org.b_legal.refresh_from_db()
    assert org.b_legal.name == "法制股"


def test_the_user_list_is_limited_to_the_administrators_scope(a_client, officer, sibling_bureau_officer):
    response = a_client.get(reverse("org:user_list"))

    users = list(response.context["users"])
    assert officer in users
    assert sibling_bureau_officer not in users


def test_the_user_list_searches_by_name(a_client, org):
    factories.user(org.district_a, org.a_legal, username="liuyi", full_name="刘一")
    factories.user(org.district_a, org.a_legal, username="chener", full_name="陈二")

    response = a_client.get(reverse("org:user_list"), {"q": "刘"})

    assert [u.username for u in response.context["users"]] == ["liuyi"]


# --- forms -----------------------------------------------------------------------------------


def test_an_administrator_adds_a_department_to_their_district(a_client, org):
    url = reverse("org:department_create", args=[org.district_a.pk])
    assert a_client.get(url).status_code == 200

    response = a_client.post(url, {"name": "办公室", "code": "BGS", "aliases": "综合办、办"})

    assert response.status_code == 302
    dept = Department.objects.get(authority=org.district_a, name="办公室")
    assert dept.aliases == ["综合办", "办"]


def test_a_duplicate_department_shows_the_services_message(a_client, org):
    response = a_client.post(reverse("org:department_create", args=[org.district_a.pk]), {"name": "法制股"})

    assert response.status_code == 400
    assert "已有名为「法制股」的部门" in response.content.decode()


def test_an_administrator_adds_a_branch_under_their_district(a_client, org):
    url = reverse("org:authority_create") + f"?parent={org.district_a.pk}"

    response = a_client.post(url, {"name": "第一税务所", "code": "A-1", "level": "branch"})

    assert response.status_code == 302
    branch = Authority.objects.get(code="A-1")
    assert Authority.objects.get_parent(branch) == org.district_a
    assert "第一税务所" in a_client.get(response["Location"]).content.decode()
    assert a_client.get(reverse("org:authority_edit", args=[branch.pk])).status_code == 200


def test_a_district_administrator_cannot_add_a_top_level_authority(a_client):
    response = a_client.post(
        reverse("org:authority_create"), {"name": "某局", "code": "X", "level": "national"}
    )

    assert response.status_code == 403
    assert "只有全部数据权限的管理员可以创建顶级机关" in response.content.decode()


def test_creating_a_user_checks_the_password_and_shows_roles_as_checkboxes(a_client, org):
    url = reverse("org:user_create")
    page = a_client.get(url).content.decode()
    assert 'type="checkbox" name="roles" value="legal_reviewer"' in page
    data = {
        "username": "wangwu",
        "full_name": "王五",
        "authority": org.district_a.pk,
        "department": org.a_legal.pk,
        "roles": ["legal_reviewer", "liaison"],
        "data_scope": "department",
        "password1": "12345",
        "password2": "12345",
    }

    weak = a_client.post(url, data)
    assert weak.status_code == 400
    assert "密码不符合要求" in weak.content.decode()
    assert not User.objects.filter(username="wangwu").exists()

    data.update(password1=STRONG, password2=STRONG)
    response = a_client.post(url, data)
    assert response.status_code == 302
    user = User.objects.get(username="wangwu")
    assert user.role_codes() == {"legal_reviewer", "liaison"}
    assert user.check_password(STRONG)


def test_a_district_administrator_cannot_choose_another_district_for_a_user(a_client, org):
    response = a_client.post(
        reverse("org:user_create"),
        {
            "username": "x",
            "full_name": "X",
            "authority": org.district_b.pk,
            "data_scope": "self",
            "password1": STRONG,
            "password2": STRONG,
        },
    )

    assert response.status_code == 400
    assert not User.objects.filter(username="x").exists()


def test_editing_a_user_sets_roles_and_scope(a_client, org, officer):
    response = a_client.post(
        reverse("org:user_edit", args=[officer.pk]),
        {
            "full_name": "改名",
            "authority": org.district_a.pk,
            "department": org.a_legal.pk,
            "roles": ["legal_reviewer"],
            "data_scope": "department",
        },
    )

    assert response.status_code == 302
    officer.refresh_from_db()
    assert (officer.full_name, officer.data_scope) == ("改名", "department")
    assert officer.role_codes() == {"legal_reviewer"}


def test_setting_a_password_and_deactivating(a_client, officer):
    response = a_client.post(
        reverse("org:user_password", args=[officer.pk]), {"password1": STRONG, "password2": STRONG}
    )
    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.check_password(STRONG)

    assert a_client.get(reverse("org:user_deactivate", args=[officer.pk])).status_code == 405
    a_client.post(reverse("org:user_deactivate", args=[officer.pk]))
    officer.refresh_from_db()
    assert not officer.is_active


def test_adding_a_certificate_and_a_qualification(a_client, officer):
    a_client.post(
        reverse("org:certificate_add", args=[officer.pk]),
        {"number": "C-1", "issued_by": "某局", "valid_from": "2025-01-01", "valid_until": "2030-01-01"},
    )
    a_client.post(
        reverse("org:qualification_add", args=[officer.pk]),
        {"kind": "legal_profession", "number": "A-1", "obtained_on": "2020-09-01"},
    )

    page = a_client.get(reverse("org:user_detail", args=[officer.pk])).content.decode()
    assert "C-1" in page and "A-1" in page and "法律职业资格" in page


def test_external_units_are_managed_within_scope(a_client, org):
    response = a_client.post(
        reverse("org:external_unit_create"),
        {
            "name": "区发改局",
            "aliases": "发改局",
            "authority": org.district_a.pk,
            "lead_department": org.a_legal.pk,
        },
    )
    assert response.status_code == 302

    other = a_client.post(reverse("org:external_unit_create"), {"name": "乙", "authority": org.district_b.pk})
    assert other.status_code == 400
    assert "区发改局" in a_client.get(reverse("org:external_unit_list")).content.decode()


# --- access grants ---------------------------------------------------------------------------


def test_an_administrator_lists_and_revokes_grants_of_their_staff(a_client, org, officer, refusals):
    grant = services.access_grant_create(actor=None, target=org.city, user=officer, reason="任务交办")

    page = a_client.get(reverse("org:access_grant_list", args=[org.district_a.pk])).content.decode()
    assert "任务交办" in page

    response = a_client.post(reverse("org:access_grant_revoke", args=[grant.pk]))
    assert response.status_code == 302
    grant.refresh_from_db()
    assert grant.revoked_at is not None


def test_another_districts_grant_cannot_be_revoked(a_client, org, sibling_bureau_officer, refusals):
    grant = services.access_grant_create(
        actor=None,
        target=org.city,
        user=sibling_bureau_officer,
        reason="任务交办",
        expires_at=timezone.now() + datetime.timedelta(days=1),
    )

    response = a_client.post(reverse("org:access_grant_revoke", args=[grant.pk]))

    assert response.status_code == 404
    assert AccessGrant.objects.active().filter(pk=grant.pk).exists()
    assert len(refusals) == 1


# --- import ----------------------------------------------------------------------------------


def test_the_template_is_downloadable(a_client):
    response = a_client.get(reverse("org:import_template"))

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert load_workbook(BytesIO(response.content)).sheetnames[:4] == ["机关", "部门", "人员", "外部单位"]


def _preview(a_client, org, run_jobs, data: bytes | None = None):
    with run_jobs():
        response = a_client.post(reverse("org:import"), {"file": upload(data or workbook_bytes(org))})
    assert response.status_code == 302
    job = Job.objects.get(kind=org_jobs.CHART_PREVIEW)
    assert response["Location"] == reverse("jobs:detail", args=[job.pk])
    return job, a_client.get(response["Location"]).content.decode()


def test_import_previews_as_a_job_then_confirms_as_a_job(a_client, org, run_jobs, settings):
    preview, page = _preview(a_client, org, run_jobs)

    assert preview.status == JobStatus.DONE and preview.result["ok"]
    assert (preview.result["created"], preview.result["updated"], preview.result["errors"]) == (2, 0, [])
    assert 'id="org-import-confirm"' in page and "newbie" in page and "org.xlsx" in page
    assert not User.objects.filter(username="newbie").exists()
    # The upload is the job's input in the one file store; nothing is kept under var/tmp.
    (stored,) = StoredFile.objects.filter(owner_id=preview.pk, purpose=INPUT_PURPOSE)
    assert stored.original_name == "org.xlsx"
    assert not (settings.VAR_DIR / "tmp" / "org_chart").exists()

    with run_jobs():
        done = a_client.post(reverse("org:import_confirm"), {"job": preview.pk})

    job = Job.objects.get(kind=org_jobs.CHART_IMPORT)
    assert done["Location"] == reverse("jobs:detail", args=[job.pk])
    assert job.status == JobStatus.DONE and job.params["preview_job"] == preview.pk
    assert User.objects.get(username="newbie").department.name == "办公室"
    page = a_client.get(done["Location"]).content.decode()
    assert "新增 2 项，更新 0 项" in page and "newbie" in page  # listed as needing a password
    assert AuditEvent.objects.filter(action="core.org_chart.imported").count() == 1
    again = a_client.post(reverse("org:import_confirm"), {"job": preview.pk})
    assert again.status_code == 302 and again["Location"] == reverse("org:import")  # confirmed once
    assert Job.objects.filter(kind=org_jobs.CHART_IMPORT).count() == 1


def test_import_preview_lists_errors_with_their_location_and_offers_no_confirm(a_client, org, run_jobs):
    preview, page = _preview(a_client, org, run_jobs, workbook_bytes(org, role="巫师"))

    assert preview.status == JobStatus.DONE and not preview.result["ok"]
    assert "人员" in page and "角色" in page and "未知角色「巫师」" in page
    assert 'id="org-import-confirm"' not in page
    refused = a_client.post(reverse("org:import_confirm"), {"job": preview.pk})
    assert refused["Location"] == reverse("org:import")
    assert not Job.objects.filter(kind=org_jobs.CHART_IMPORT).exists()


def test_the_import_job_reports_errors_found_after_the_preview_and_writes_nothing(a_client, org, run_jobs):
    preview, _page = _preview(a_client, org, run_jobs)
    # Meanwhile someone created the user in a unit outside this administrator's scope.
    factories.user(org.district_b, org.b_collection, username="newbie")

    with run_jobs():
        done = a_client.post(reverse("org:import_confirm"), {"job": preview.pk})

    page = a_client.get(done["Location"]).content.decode()
    job = Job.objects.get(kind=org_jobs.CHART_IMPORT)
    assert job.result["ok"] is False and job.result["errors"]
    assert "未导入任何数据" in page
    assert User.objects.get(username="newbie").authority == org.district_b
    assert not Department.objects.filter(authority=org.district_a, name="办公室").exists()


def test_import_rejects_other_file_types(a_client):
    response = a_client.post(reverse("org:import"), {"file": upload(b"a,b", name="org.csv")})

    assert response.status_code == 400
    assert "请上传 .xlsx 格式的 Excel 文件" in response.content.decode()
    assert not Job.objects.exists()


def test_a_preview_is_confirmed_only_by_the_administrator_who_uploaded_within_the_hour(
    a_client, org, admin_user, run_jobs
):
    preview, _page = _preview(a_client, org, run_jobs)
    other = Client()
    other.force_login(admin_user)  # an administrator of every unit: sees the job, may not confirm it

    forged = other.post(reverse("org:import_confirm"), {"job": preview.pk})
    tampered = a_client.post(reverse("org:import_confirm"), {"job": "x"})
    Job.objects.filter(pk=preview.pk).update(finished_at=timezone.now() - datetime.timedelta(hours=2))
    late = a_client.post(reverse("org:import_confirm"), {"job": preview.pk})

    assert forged.status_code == tampered.status_code == late.status_code == 302
    assert late["Location"] == reverse("org:import")
    assert not Job.objects.filter(kind=org_jobs.CHART_IMPORT).exists()
    assert not User.objects.filter(username="newbie").exists()


# --- Django admin ----------------------------------------------------------------------------


def test_the_django_admin_lists_the_org_models_and_keeps_grants_read_only(client, org, officer):
    root = User.objects.create_superuser(username="root", password=STRONG)
    client.force_login(root)
    services.access_grant_create(actor=None, target=org.city, user=officer, reason="任务交办")

    assert client.get("/admin/core/authority/").status_code == 200
    users = client.get("/admin/core/user/", {"roles__id__exact": officer.roles.get().pk})
    assert users.status_code == 200
    assert list(users.context["cl"].result_list) == [officer]
    assert client.get("/admin/core/accessgrant/").status_code == 200
    assert client.get("/admin/core/accessgrant/add/").status_code == 403
    assert client.get("/admin/core/department/").status_code == 200
