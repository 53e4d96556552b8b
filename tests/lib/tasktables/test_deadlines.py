import datetime

import pytest

from sanxiang.lib.tasktables import find_dates, parse_deadline

ONGOING = {"kind": "ongoing", "cycle": None}

CASES = [
    ("2019年9月底前", {"kind": "by_date", "date": "2019-09-30"}),
    ("2019年底前", {"kind": "by_date", "date": "2019-12-31"}),
    ("2020年10月20日前", {"kind": "by_date", "date": "2020-10-20"}),
    ("2019年12月底", {"kind": "by_date", "date": "2019-12-31"}),
    ("２０２０年２月底前", {"kind": "by_date", "date": "2020-02-29"}),
    ("每年1月31日前", {"kind": "yearly", "month": 1, "day": 31}),
    ("每年3月31日", {"kind": "yearly", "month": 3, "day": 31}),
    (
        "作出行政许可决定之日起7个工作日内",
        {"kind": "after_event", "event": "作出行政许可决定", "n": 7, "unit": "working_days"},
    ),
    ("文件公开后5个工作日", {"kind": "after_event", "event": "文件公开", "n": 5, "unit": "working_days"}),
    (
        "制定或修改相关标准后1个月内",
        {"kind": "after_event", "event": "制定或修改相关标准", "n": 1, "unit": "months"},
    ),
    ("30日", {"kind": "after_event", "event": "", "n": 30, "unit": "days"}),
    ("20个工作日", {"kind": "after_event", "event": "", "n": 20, "unit": "working_days"}),
    (
        "案件复议诉讼期间届满或经复议诉讼最终确定效力后次月10日",
        {
            "kind": "after_event",
            "event": "案件复议诉讼期间届满或经复议诉讼最终确定效力",
            "n": 1,
            "unit": "months",
            "day": 10,
        },
    ),
    (
        "在5个小时内发布权威信息，在24小时内举行新闻发布会",
        {
            "kind": "milestones",
            "items": [
                {
                    "kind": "after_event",
                    "event": "",
                    "n": 5,
                    "unit": "hours",
                    "note": "在5个小时内发布权威信息",
                },
                {
                    "kind": "after_event",
                    "event": "",
                    "n": 24,
                    "unit": "hours",
                    "note": "在24小时内举行新闻发布会",
                },
            ],
        },
    ),
    ("持续开展", ONGOING),
    ("持续推进。", ONGOING),
    ("长期坚持", ONGOING),
    ("年内持续推进", ONGOING),
    ("每月10日前报送", {"kind": "ongoing", "cycle": "monthly", "note": "每月10日前报送"}),
    ("2019年9月开始执行", {"kind": "ongoing", "cycle": None, "start": "2019-09-01"}),
    ("2019年9月开始执行，并持续开展", {"kind": "ongoing", "cycle": None, "start": "2019-09-01"}),
    (
        "2019年7月底前启动，2019年底前基本完成",
        {
            "kind": "milestones",
            "items": [
                {"kind": "by_date", "date": "2019-07-31", "note": "2019年7月底前启动"},
                {"kind": "by_date", "date": "2019-12-31", "note": "2019年底前基本完成"},
            ],
        },
    ),
    (
        "2019年底前完成音像记录设备配备，2020年9月底前建成税务约谈（询问）室",
        {
            "kind": "milestones",
            "items": [
                {"kind": "by_date", "date": "2019-12-31", "note": "2019年底前完成音像记录设备配备"},
                {"kind": "by_date", "date": "2020-09-30", "note": "2020年9月底前建成税务约谈（询问）室"},
            ],
        },
    ),
    (
        "2019年9月底前完成，并持续开展",
        {"kind": "milestones", "items": [{"kind": "by_date", "date": "2019-09-30"}, ONGOING]},
    ),
    (
        "税务总局按要求推进，省及省以下税务机关2020年7月底前完成",
        {
            "kind": "milestones",
            "items": [
                {"kind": "ongoing", "cycle": None, "note": "税务总局按要求推进"},
                {"kind": "by_date", "date": "2020-07-31", "note": "省及省以下税务机关2020年7月底前完成"},
            ],
        },
    ),
    (
        "区局实施方案印发后启动宣传工作，并持续开展",
        {
            "kind": "milestones",
            "items": [
                {
                    "kind": "after_event",
                    "event": "区局实施方案印发",
                    "n": 0,
                    "unit": "days",
                    "note": "区局实施方案印发后启动宣传工作",
                },
                ONGOING,
            ],
        },
    ),
    ("按税务总局部署", {"kind": "follows_superior", "authority": "税务总局"}),
    ("按照税务总局部署", {"kind": "follows_superior", "authority": "税务总局"}),
    ("按照税务总局、省国税局要求", {"kind": "follows_superior", "authority": "税务总局、省国税局"}),
    ("按相关规定要求", {"kind": "unparsed", "text": "按相关规定要求"}),
    ("根据督查计划组织实施", {"kind": "unparsed", "text": "根据督查计划组织实施"}),
    (
        "2021年1月底前，各级税务机关公开2020年度政府信息公开工作年度报告；其他工作持续推进。",
        {
            "kind": "milestones",
            "items": [
                {
                    "kind": "by_date",
                    "date": "2021-01-31",
                    "note": "2021年1月底前，各级税务机关公开2020年度政府信息公开工作年度报告",
                },
                {"kind": "ongoing", "cycle": None, "note": "其他工作持续推进"},
            ],
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[case[0] for case in CASES])
def test_it_parses_the_deadline_grammar(text, expected):
    assert parse_deadline(text).to_json() == expected


def test_it_takes_a_missing_year_from_the_plan():
    assert parse_deadline("年底前", plan_year=2020).to_json() == {"kind": "by_date", "date": "2020-12-31"}
    assert parse_deadline("6月底", plan_year=2021).to_json() == {"kind": "by_date", "date": "2021-06-30"}


def test_it_flags_a_missing_year_it_cannot_infer():
    schedule = parse_deadline("年底前")

    assert schedule.kind == "unparsed"
    assert schedule.text == "年底前"
    assert "未写明年份" in schedule.note
    assert schedule.is_doubtful


def test_it_keeps_every_clause_it_cannot_read():
    schedule = parse_deadline(
        "2020年10月20日前，各司局主动公开建议提案办理复文。各地税务机关根据当地实际确定完成时限。"
    )

    assert schedule.to_json()["items"][1] == {
        "kind": "unparsed",
        "text": "各地税务机关根据当地实际确定完成时限",
    }
    assert schedule.is_doubtful


def test_it_returns_none_for_an_empty_deadline():
    assert parse_deadline("  ") is None


def test_it_does_not_take_a_report_year_for_a_date():
    hits = find_dates("纳入2020年度政府信息公开工作年度报告")

    assert hits == []


def test_it_finds_dates_inside_a_measures_text():
    hits = find_dates("2022年基本实现法人税费信息“一户式”智能归集；2023年底前基本实现")

    assert [hit.date for hit in hits] == [datetime.date(2022, 12, 31), datetime.date(2023, 12, 31)]
