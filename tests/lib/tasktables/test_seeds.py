"""The five seeds import exactly: counts, then every measure field by field.

The expected files in ``expected/`` were written after reading each seed by eye (see the
notes in test names below for the cases that need care).
"""

import json
from pathlib import Path

import pytest

from sanxiang.lib.tasktables import parse_file

from .conftest import matcher, seed

EXPECTED = Path(__file__).parent / "expected"
FIELDS = [
    "seq", "category", "task", "level", "lead", "responsible", "cooperating", "matched",
    "deadline_text", "schedule", "parts",
]  # fmt: skip


def _expected(prefix: str) -> dict:
    return json.loads((EXPECTED / f"seed_{prefix}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("prefix", "count"), [("000", 34), ("001", 91), ("003", 23), ("004", 27)])
def test_it_finds_every_measure_of_each_seed(prefix, count):
    result = parse_file(seed(prefix))

    assert len(result.measures) == count
    assert result.errors == []


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_it_reads_every_measure_field_by_field(prefix):
    expected = _expected(prefix)
    result = parse_file(seed(prefix))

    assert result.title == expected["title"]
    assert result.plan_year == expected["plan_year"]
    assert result.notes == expected["notes"]
    for measure, want in zip(result.measures, expected["measures"], strict=True):
        got = measure.to_json(matcher)
        assert list(got) == FIELDS
        for name in FIELDS:
            assert got[name] == want[name], (prefix, want["seq"], name)
        milestones = [item.to_json() for item in measure.suggested_milestones]
        assert milestones == want["suggested_milestones"], (prefix, want["seq"])


def _by_seq(prefix: str) -> dict:
    measures: dict = {}
    for measure in parse_file(seed(prefix)).measures:
        measures.setdefault(measure.seq, []).append(measure)
    return measures


def test_it_reads_seed_000_rows_of_nine_and_eight_cells():
    measures = _by_seq("000")

    assert measures["1"][0].category == "全面推行行政执法公示制度 / 强化事前公示"
    assert measures["1"][0].level == "各级税务机关"
    assert measures["27"][0].category == "强化全面推行工作保障"
    assert measures["34"][0].category == "强化全面推行工作保障"
    assert measures["34"][0].task == "对全面推行“三项制度”情况进行督查督办。"


def test_it_takes_a_merged_category_from_a_lower_row_of_its_span():
    # Seed 000 row 22: its category text stands in row 23, its sub-category runs 22–24.
    measures = _by_seq("000")

    assert measures["21"][0].category == "全面推行重大执法决定法制审核制度 / 明确审核事项"
    assert measures["22"][0].category == "积极推进税务执法信息化建设 / 推进“三项制度”信息化"


def test_it_never_carries_unit_or_deadline_cells_down():
    measures = _by_seq("000")

    assert measures["6"][0].cooperating == []
    assert measures["7"][0].cooperating == []
    assert measures["5"][0].cooperating == ["信息中心"]


def test_it_keeps_a_unit_whose_name_contains_a_separator():
    measures = _by_seq("000")

    assert measures["19"][0].cooperating == [
        "人事教育科",
        "法律顾问",
        "具备法律职业资格、行政复议资格人员所在部门",
    ]


def test_it_keeps_the_tables_trailing_remark_out_of_the_last_measure():
    result = parse_file(seed("000"))

    assert result.notes[0].startswith("备注：牵头部门除承担部门职责范围内具体工作外")
    assert "备注" not in result.measures[-1].task
    assert result.measures[-1].deadline_text == "根据督查计划组织实施"


def test_it_repeats_a_merged_sequence_number_for_the_unnumbered_row():
    measures = _by_seq("001")

    assert len(measures["9"]) == 2
    second = measures["9"][1]
    assert second.task.startswith("全面公开促进深化改革、经济发展、民生改善的税收政策措施")
    assert second.category == "做好税收政策法规公开 / 推进政策法规内容公开"
    assert second.to_json(matcher)["matched"] == {"办公室": 1, "政策制定部门": None}
    assert len(measures) == 90


def test_it_splits_on_ji_only_when_both_sides_are_units():
    measures = _by_seq("001")

    assert measures["4"][0].responsible == ["办公室", "政策法规处", "纳税服务处", "其他相关处室"]
    assert measures["15"][0].lead == ["政策法规处", "政策制定部门"]


def test_it_reads_role_lines_of_a_numbered_plan():
    measures = _by_seq("003")

    first = measures["1"][0]
    assert first.lead == ["政策法规司"]
    assert first.responsible == ["各相关司局", "各省税务局"]
    assert first.category == "紧扣依法治税推进用权公开"
    assert measures["14"][0].lead[2] == "社会保险费司（非税收入司）"


def test_it_reads_parenthesised_units_and_per_sentence_parts():
    measures = _by_seq("004")

    first = measures["1"][0]
    assert first.lead == ["区税务局", "区发改局"]
    assert first.responsible == ["工作专班成员", "区税务局"]
    assert [part.roles.responsible for part in first.parts] == [["工作专班成员"], ["区税务局"]]
    assert len(measures["4"][0].parts) == 4
    assert measures["5"][0].parts == []  # one parenthesis: the measure's own units, no parts


def test_it_turns_dates_in_a_plans_text_into_suggested_milestones_only():
    first = _by_seq("004")["1"][0]

    assert first.schedule is None
    assert first.deadline_text == ""
    assert [m.schedule.to_json()["date"] for m in first.suggested_milestones] == [
        "2022-12-31",
        "2023-12-31",
        "2025-12-31",
    ]
    assert first.suggested_milestones[0].text.startswith("2022年基本实现法人税费信息")


def test_it_mends_text_broken_across_pages():
    result = parse_file(seed("004"))
    measures = {m.seq: m for m in result.measures}

    assert "推广“不见面”办税缴费服务和个人税费事项掌上办理" in measures["14"].task
    assert "强化行政执法与刑事执法衔接" in measures["23"].task
    assert "区发改局、区生态环境分局、区大数据产业园负责" in measures["4"].task
    assert any("任务 14" in warning for warning in result.warnings)


def test_it_ignores_the_annexs_duty_lists():
    result = parse_file(seed("004"))

    assert [m.seq for m in result.measures] == [str(n) for n in range(1, 28)]
    assert not any("认真贯彻党中央" in m.task for m in result.measures)


def test_it_returns_no_measures_and_a_chinese_reason_for_prose():
    result = parse_file(seed("002"))

    assert result.measures == []
    assert len(result.errors) == 1
    assert "未找到任务" in result.errors[0]
