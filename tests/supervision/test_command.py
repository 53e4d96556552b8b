"""``sanxiang import_tasks`` on all five seeds and on files the tests write."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sanxiang.supervision.models import Milestone, Task, TaskPlan

from .conftest import seed


def run(*args, **kwargs):
    out, err = StringIO(), StringIO()
    call_command("import_tasks", *args, stdout=out, stderr=err, **kwargs)
    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("prefix", "count"), [("000", 34), ("001", 91), ("003", 23), ("004", 27)])
def test_it_prints_one_object_per_measure_on_a_dry_run(sup, prefix, count):
    out, _err = run(str(seed(prefix)), "--dry-run", "--json")
    rows = json.loads(out)
    assert len(rows) == count
    assert set(rows[0]) == {
        "seq",
        "category",
        "task",
        "level",
        "lead",
        "responsible",
        "cooperating",
        "matched",
        "deadline_text",
        "schedule",
        "parts",
        "layout",  # the layouts the file was read as, e.g. ["从 Word 表格导出的文本表格"]
    }
    assert rows[0]["layout"] == rows[-1]["layout"] != []
    assert TaskPlan.objects.count() == 0 and Task.objects.count() == 0


def test_it_matches_seed_000_units_against_the_city_departments(sup):
    out, _err = run(str(seed("000")), "--dry-run", "--json")
    rows = json.loads(out)
    first = rows[0]
    assert first["seq"] == "1"
    assert first["level"] == "各级税务机关"
    assert first["lead"] == ["法制科"]
    assert first["matched"]["法制科"] == sup.depts["法制科"].pk
    assert first["matched"]["办公室"] == sup.depts["办公室"].pk
    assert first["matched"]["税收风险管理局"] == sup.depts["税收风险管理局"].pk
    assert first["matched"]["其他相关部门"] is None  # a group, not a unit
    assert first["schedule"] == {
        "kind": "milestones",
        "items": [{"kind": "by_date", "date": "2019-09-30"}, {"kind": "ongoing", "cycle": None}],
    }


def test_it_matches_seed_001_against_the_province_by_authority_code(sup):
    out, err = run(str(seed("001")), "--dry-run", "--json", "--authority", sup.org.province.code)
    rows = json.loads(out)
    assert len(rows) == 91
    matched = {name: pk for row in rows for name, pk in row["matched"].items()}
    assert matched["政策法规处"] is not None
    assert matched["征管科技发展处"] == matched["征管和科技发展处"]  # fuzzy
    assert matched["相关处室"] is None
    assert [r["seq"] for r in rows[8:10]] == ["9", "9"]  # the unnumbered measure after 9


def test_it_prints_an_empty_list_and_fails_for_prose(sup):
    with pytest.raises(CommandError) as caught:
        run(str(seed("002")), "--dry-run", "--json")
    assert "未找到任务" in str(caught.value)
    # call_command raises before returning, so capture stdout explicitly
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("import_tasks", str(seed("002")), "--dry-run", "--json", stdout=out, stderr=StringIO())
    assert json.loads(out.getvalue()) == []


def test_it_refuses_unmatched_names_without_writing(sup):
    out = StringIO()
    err = StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import_tasks", str(seed("000")), stdout=out, stderr=err)
    assert "未能匹配" in str(caught.value)
    assert "具备法律职业资格、行政复议资格人员所在部门" in err.getvalue()
    assert TaskPlan.objects.count() == 0 and Milestone.objects.count() == 0


def test_it_imports_once_per_file_and_authority(sup):
    out, _err = run(str(seed("000")), "--accept-unmatched")
    assert "已导入任务计划" in out
    plan = TaskPlan.objects.get()
    assert plan.tasks.count() == 34
    assert plan.status == "confirmed"
    out, _err = run(str(seed("000")), "--accept-unmatched")
    assert "未重复导入" in out
    assert TaskPlan.objects.count() == 1


def test_it_names_the_file_for_a_broken_docx(sup, tmp_path):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(CommandError) as caught:
        run(str(bad), "--accept-unmatched")
    assert "broken.docx" in str(caught.value)
    assert TaskPlan.objects.count() == 0


def test_it_rejects_an_unknown_authority(sup):
    with pytest.raises(CommandError) as caught:
        run(str(seed("000")), "--dry-run", "--authority", "nope")
    assert "机关代码" in str(caught.value)
