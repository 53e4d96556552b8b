"""Issue 9 point 8: the supervision import at city level, and the dry run on an empty database."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from sanxiang.org.demo import DISTRICT_DEPARTMENTS
from sanxiang.supervision import exports, selectors, services
from sanxiang.supervision.choices import MatchKind
from sanxiang.supervision.models import Task
from tests import factories

from .conftest import TODAY, seed


@pytest.fixture
def city(org):
    """The demo's shape: the city has 办公室 and 法制科 (from ``org``); the 科 of seed 000 are
    departments of both district bureaus."""
    for authority in (org.district_a, org.district_b):
        existing = set(authority.departments.values_list("name", flat=True))
        for name in DISTRICT_DEPARTMENTS:
            if name not in existing:
                factories.department(authority, name)
    supervisor = factories.user(
        org.city, org.city_office, roles=["supervisor"], scope="unit_and_below", username="city_duban"
    )
    return org, supervisor


def _write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_city_plan_matches_the_district_bureaus_departments(city):
    org, _supervisor = city

    outcome = services.plan_preview(path=seed("000"), authority=org.city)

    district_names = {
        "人事教育科",
        "纳税服务科",
        "征收管理科",
        "税收风险管理局",
        "纳税服务中心",
        "财务管理科",
    }
    assert not district_names & set(outcome.unmatched)
    match = outcome.matcher.match("人事教育科")
    assert match.kind == MatchKind.DEPARTMENT
    department = org.district_a.departments.get(name="人事教育科")
    assert match.id == department.pk  # the first bureau in tree order
    assert outcome.matcher.match("法制科").id == org.city_legal.pk  # the city's own department first


def test_seed_000_at_city_level_has_a_lead_for_every_task_and_few_doubtful_rows(city):
    org, supervisor = city

    plan = services.plan_import(
        actor=supervisor, path=seed("000"), authority=org.city, accept_unmatched=True
    ).plan

    tasks = list(plan.tasks.prefetch_related("units", "milestones"))
    assert len(tasks) == 34
    assert [t.seq for t in tasks if t.needs_lead] == []
    assert all(t.owner_department_id for t in tasks)
    doubtful = {t.seq: selectors.task_doubts(t) for t in tasks if selectors.task_doubts(t)}
    # Read from seed 000: 税源管理所 is no department of the demo bureaus (6, 14); "有关人员" is
    # no unit (19); deadlines counted from an event whose date is not known yet (12, 13, 20, 21,
    # 22, 24, 32); a date in the text suggested as a milestone (18); "根据督查计划组织实施" (34).
    assert sorted(doubtful, key=int) == [
        "6",
        "12",
        "13",
        "14",
        "18",
        "19",
        "20",
        "21",
        "22",
        "24",
        "32",
        "34",
    ]
    assert all(len(reasons) == 1 for reasons in doubtful.values()), doubtful
    # A name several district bureaus share is said once for the plan, not on every row.
    shared = [w for w in plan.warnings if "在多个下级机关都有同名部门" in w]
    assert len(shared) == 1 and "“征收管理科”" in shared[0] and "“人事教育科”" in shared[0]


NO_LEAD = """重点工作任务分解方案
1. 做好常态化疫情防控。
责任单位：外星联络局
2. 稳定就业。
牵头单位：月球事务局
责任单位：月球事务局
"""


def test_doubts_and_unmatched_names_are_not_repeated(city, tmp_path):
    org, supervisor = city
    plan = services.plan_import(
        actor=supervisor,
        path=_write(tmp_path, "nolead.txt", NO_LEAD),
        authority=org.city,
        accept_unmatched=True,
    ).plan

    first, second = plan.tasks.order_by("position")
    doubts = selectors.task_doubts(first)
    assert doubts.count("没有完成时限") == 1
    assert selectors.task_doubts(second).count("未匹配单位：月球事务局") == 1
    assert "月球事务局、月球事务局" not in " ".join(selectors.task_doubts(second))


def test_a_task_without_a_lead_is_marked_and_blocks_nothing_else(city, tmp_path, client):
    org, supervisor = city
    plan = services.plan_import(
        actor=supervisor,
        path=_write(tmp_path, "nolead.txt", NO_LEAD),
        authority=org.city,
        accept_unmatched=True,
    ).plan
    client.force_login(supervisor)

    page = client.get(reverse("supervision:plan_detail", args=[plan.pk])).content.decode()
    assert page.count("待明确牵头部门") == 2

    services.plan_confirm(actor=supervisor, plan=plan, accept_unmatched=True, today=TODAY)
    page = client.get(reverse("supervision:plan_detail", args=[plan.pk])).content.decode()
    assert "待明确牵头部门" in page
    assert all(t.needs_lead for t in plan.tasks.all())


def test_the_word_report_never_prints_an_empty_department():
    task = Task(seq="3", text="推进执法公示。", deadline_text="2019年9月底前完成")
    assert exports._flagged_line(task) == "3 推进执法公示。（待明确牵头部门，2019年9月底前完成）"
    task.deadline_text = ""
    assert "，）" not in exports._flagged_line(task) and "（，" not in exports._flagged_line(task)


def test_the_liaison_of_a_task_without_a_lead_is_not_told_to_wait_for_the_lead(sup, tmp_path, client):
    table = "重点工作任务分解方案\n1. 推进执法公示。\n责任单位：法制科\n完成时限：2019年12月底前\n"
    plan = services.plan_import(
        actor=sup.supervisor, path=_write(tmp_path, "resp.txt", table), authority=sup.org.city
    ).plan
    services.plan_confirm(actor=sup.supervisor, plan=plan, today=TODAY)
    task = plan.tasks.get()
    assert task.needs_lead and task.owner_department_id == sup.org.city_legal.pk
    client.force_login(sup.lead_liaison)

    response = client.post(
        reverse("supervision:progress_create", args=[task.pk]),
        {"text": "已制定规程。", "percent": 30},
        follow=True,
    )

    page = response.content.decode()
    assert "进展已报送" in page
    assert "等待牵头部门审核" not in page
    assert "待明确牵头部门" in page


def test_notes_are_labelled_once(sup, client, tmp_path):
    table = (
        "任务分解表\n"
        "\t序号\n\t工作措施\n\t牵头部门\n\t完成时限\n\n"
        "\t1\n\t公开执法信息。\n\t法制科\n\t2019年9月底前完成\n\n"
        "\t备注：各单位按季度报送进展。\n\n"
    )
    plan = services.plan_import(
        actor=sup.supervisor, path=_write(tmp_path, "notes.txt", table), authority=sup.org.city
    ).plan
    assert plan.notes  # the table's own note, with its own label
    client.force_login(sup.supervisor)

    page = client.get(reverse("supervision:plan_detail", args=[plan.pk])).content.decode()

    assert "备注：各单位按季度报送进展" in page
    assert "备注：备注" not in page


def test_the_preview_keeps_the_correct_button_on_one_line_and_names_the_layout(sup, client, small_table):
    plan = services.plan_import(actor=sup.supervisor, path=small_table, authority=sup.org.city).plan
    client.force_login(sup.supervisor)

    page = client.get(reverse("supervision:plan_detail", args=[plan.pk])).content.decode()

    assert '<td class="actions">' in page
    assert "识别的版式：从 Word 表格导出的文本表格" in page
    css = (
        __import__("pathlib").Path(__file__).parents[2]
        / "src/sanxiang/supervision/static/supervision/supervision.css"
    ).read_text(encoding="utf-8")
    assert "td.actions, td.actions .btn { white-space: nowrap; }" in css


def test_refreshing_the_import_address_shows_the_form_instead_of_a_blank_405(sup, client):
    client.force_login(sup.supervisor)

    response = client.get(reverse("supervision:plan_upload"), follow=True)

    assert response.status_code == 200
    assert response.redirect_chain == [(reverse("supervision:plan_list"), 302)]
    assert 'enctype="multipart/form-data"' in response.content.decode()


@pytest.mark.django_db
def test_a_dry_run_works_on_an_empty_database():
    out, err = StringIO(), StringIO()

    call_command("import_tasks", str(seed("000")), "--dry-run", "--json", stdout=out, stderr=err)

    rows = json.loads(out.getvalue())
    assert len(rows) == 34
    assert rows[0]["matched"]["法制科"] is None
    assert rows[0]["layout"] == ["从 Word 表格导出的文本表格"]
    assert "没有市级税务机关" in err.getvalue()
    assert "未匹配的单位名称" in err.getvalue()


def test_the_preview_names_the_district_bureau_of_a_matched_department(city, client):
    org, supervisor = city
    plan = services.plan_import(
        actor=supervisor, path=seed("000"), authority=org.city, accept_unmatched=True
    ).plan
    client.force_login(supervisor)

    page = client.get(reverse("supervision:plan_detail", args=[plan.pk])).content.decode()

    assert "人事教育科<small>（宝鸡市金台区税务局）</small>" in page
    assert "法制科<small>" not in page  # the city's own department
