"""The organisation chart parser: typed rows from a good workbook, located errors from bad ones."""

from __future__ import annotations

import datetime
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from sanxiang.lib import orgchart

AUTHORITY_HEADERS = ["上级机关代码", "机关代码", "机关名称", "简称", "层级", "对外电话", "办公地址"]
DEPARTMENT_HEADERS = ["机关代码", "部门名称", "部门代码", "别名"]
PEOPLE_HEADERS = [
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
EXTERNAL_HEADERS = ["名称", "别名", "对接机关代码", "对接部门"]


def good_sheets() -> dict[str, list[list]]:
    return {
        "机关": [
            AUTHORITY_HEADERS,
            ["", "16100000000", "国家税务总局陕西省税务局", "陕西省税务局", "省级", "029-1", "西安"],
            ["16100000000", "16103000000", "国家税务总局宝鸡市税务局", "宝鸡市税务局", "市级", "", ""],
            [
                "16103000000",
                "16103020000",
                "国家税务总局宝鸡市金台区税务局",
                "金台区税务局",
                "区县级",
                "",
                "",
            ],
        ],
        "部门": [
            DEPARTMENT_HEADERS,
            ["16103000000", "法制科", "FZK", "法规科、政策法规科"],
            ["16103020000", "征收管理股", "", ""],
        ],
        "人员": [
            PEOPLE_HEADERS,
            [
                "zhangsan",
                "张三",
                "16103000000",
                "法制科",
                "法制审核人员、系统管理员",
                "本单位及下级",
                "61000001",
                "国家税务总局宝鸡市税务局",
                datetime.datetime(2025, 1, 1),
                "2030-12-31",
                "A2020001",
                "2020-09-01",
            ],
            ["lisi", "李四", "16103020000", "征收管理股", "执法人员", "", "", "", "", "", "", ""],
        ],
        "外部单位": [
            EXTERNAL_HEADERS,
            ["宝鸡市发展和改革委员会", "市发改委", "16103000000", "法制科"],
        ],
    }


def write(path: Path, sheets: dict[str, list[list]], *, title_rows: int = 0) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for _ in range(title_rows):
            ws.append(["说明：请按模板填写"])
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def located(chart: orgchart.OrgChart) -> set[tuple[str, int | None, str]]:
    return {(e.sheet, e.row, e.column) for e in chart.errors}


def test_it_parses_a_good_workbook_into_typed_rows(tmp_path):
    chart = orgchart.parse_org_chart(write(tmp_path / "org.xlsx", good_sheets()))

    assert chart.errors == []
    assert [a.code for a in chart.authorities] == ["16100000000", "16103000000", "16103020000"]
    assert [a.level for a in chart.authorities] == ["provincial", "municipal", "county"]
    assert chart.authorities[0].parent_code == ""
    assert chart.authorities[0].public_phone == "029-1"
    legal = chart.departments[0]
    assert (legal.authority_code, legal.name, legal.code, legal.aliases) == (
        "16103000000",
        "法制科",
        "FZK",
        ("法规科", "政策法规科"),
    )
    zhang, li = chart.people
    assert zhang.roles == ("legal_reviewer", "administrator")
    assert zhang.data_scope == "unit_and_below"
    assert zhang.certificate == orgchart.CertificateRow(
        "61000001", "国家税务总局宝鸡市税务局", datetime.date(2025, 1, 1), datetime.date(2030, 12, 31)
    )
    assert zhang.qualification == orgchart.QualificationRow("A2020001", datetime.date(2020, 9, 1))
    assert li.data_scope is None  # blank: the default for a new user, unchanged for an existing one
    assert li.certificate is None and li.qualification is None
    unit = chart.external_units[0]
    assert (unit.name, unit.aliases, unit.authority_code, unit.department_name) == (
        "宝鸡市发展和改革委员会",
        ("市发改委",),
        "16103000000",
        "法制科",
    )


def test_it_orders_parents_before_children_whatever_the_row_order(tmp_path):
    sheets = good_sheets()
    header, *rows = sheets["机关"]
    sheets["机关"] = [header, *reversed(rows)]

    chart = orgchart.parse_org_chart(write(tmp_path / "org.xlsx", sheets))

    assert chart.errors == []
    assert [a.code for a in chart.authorities] == ["16100000000", "16103000000", "16103020000"]


def test_it_finds_the_header_below_title_rows_in_any_column_order_with_spaces(tmp_path):
    sheets = {
        "机关": [
            [" 机关名称 ", "层级", " 机关代码", "上级机关代码"],
            ["国家税务总局陕西省税务局", "省级", 16100000000, None],
        ]
    }

    chart = orgchart.parse_org_chart(write(tmp_path / "org.xlsx", sheets, title_rows=2))

    assert chart.errors == []
    assert chart.authorities[0].code == "16100000000"  # a numeric cell read as text
    assert chart.authorities[0].row == 4


def test_it_reads_a_file_object_too(tmp_path):
    data = write(tmp_path / "org.xlsx", good_sheets()).read_bytes()

    chart = orgchart.parse_org_chart(BytesIO(data))

    assert chart.ok and len(chart.people) == 2


def test_it_accepts_parent_codes_and_departments_already_in_the_system(tmp_path):
    sheets = {
        "机关": [AUTHORITY_HEADERS, ["16103000000", "16103030000", "渭滨区税务局", "", "区县级", "", ""]],
        "人员": [PEOPLE_HEADERS[:5], ["wang", "王五", "16103000000", "办公室", "联络员"]],
    }

    chart = orgchart.parse_org_chart(
        write(tmp_path / "org.xlsx", sheets),
        existing_authorities={"16103000000": "municipal"},
        existing_departments={("16103000000", "办公室")},
    )

    assert chart.errors == []
    assert chart.people[0].roles == ("liaison",)


@pytest.mark.parametrize(
    ("sheets", "expected"),
    [
        pytest.param(
            {"机关": [AUTHORITY_HEADERS, ["", "1", "甲局", "", "特级", "", ""]]},
            ("机关", 2, "层级", "未知层级「特级」"),
            id="unknown-level",
        ),
        pytest.param(
            {"机关": [AUTHORITY_HEADERS, ["999", "1", "甲局", "", "市级", "", ""]]},
            ("机关", 2, "上级机关代码", "上级机关代码「999」在本表和系统中都不存在"),
            id="missing-parent",
        ),
        pytest.param(
            {
                "机关": [
                    AUTHORITY_HEADERS,
                    ["", "1", "甲局", "", "省级", "", ""],
                    ["", "1", "乙局", "", "省级", "", ""],
                ]
            },
            ("机关", 3, "机关代码", "机关代码「1」与第2行重复"),
            id="duplicate-code",
        ),
        pytest.param(
            {
                "机关": [
                    AUTHORITY_HEADERS,
                    ["", "1", "甲局", "", "市级", "", ""],
                    ["1", "2", "乙局", "", "省级", "", ""],
                ]
            },
            ("机关", 3, "层级", "层级必须低于上级机关的层级"),
            id="level-not-below-parent",
        ),
        pytest.param(
            {
                "机关": [
                    AUTHORITY_HEADERS,
                    ["2", "1", "甲局", "", "市级", "", ""],
                    ["1", "2", "乙局", "", "区县级", "", ""],
                ]
            },
            ("机关", 2, "上级机关代码", "循环"),
            id="cycle",
        ),
        pytest.param(
            {"机关": [AUTHORITY_HEADERS, ["", "1", "", "", "省级", "", ""]]},
            ("机关", 2, "机关名称", "不能为空"),
            id="empty-required",
        ),
        pytest.param(
            {"部门": [DEPARTMENT_HEADERS, ["404", "法制科", "", ""]]},
            ("部门", 2, "机关代码", "机关代码「404」在「机关」表和系统中都不存在"),
            id="department-unknown-authority",
        ),
        pytest.param(
            {"部门": [DEPARTMENT_HEADERS, ["E", "法制科", "", ""], ["E", "法制科", "", ""]]},
            ("部门", 3, "部门名称", "与第2行重复"),
            id="duplicate-department",
        ),
        pytest.param(
            {"人员": [PEOPLE_HEADERS[:6], ["u1", "张三", "E", "", "法制审核人员、神仙", ""]]},
            ("人员", 2, "角色", "未知角色「神仙」"),
            id="unknown-role",
        ),
        pytest.param(
            {"人员": [PEOPLE_HEADERS[:6], ["u1", "张三", "E", "", "", "全宇宙"]]},
            ("人员", 2, "数据权限", "未知数据权限「全宇宙」"),
            id="unknown-scope",
        ),
        pytest.param(
            {"人员": [PEOPLE_HEADERS[:6], ["u1", "张三", "E", "不存在科", "", ""]]},
            ("人员", 2, "部门名称", "机关「E」下没有部门「不存在科」"),
            id="unknown-department",
        ),
        pytest.param(
            {"人员": [PEOPLE_HEADERS[:3], ["u1", "张三", "E"], ["u1", "张三丰", "E"]]},
            ("人员", 3, "用户名", "用户名「u1」与第2行重复"),
            id="duplicate-username",
        ),
        pytest.param(
            {"人员": [PEOPLE_HEADERS, ["u1", "张三", "E", "", "", "", "C1", "", "", "", "", ""]]},
            ("人员", 2, "执法证发证机关", "须填写发证机关"),
            id="certificate-without-issuer",
        ),
        pytest.param(
            {
                "人员": [
                    PEOPLE_HEADERS,
                    ["u1", "张三", "E", "", "", "", "C1", "某局", "2026-02-01", "2025-01-01", "", ""],
                ]
            },
            ("人员", 2, "执法证有效期至", "不能早于有效期起"),
            id="certificate-dates-reversed",
        ),
        pytest.param(
            {"人员": [PEOPLE_HEADERS, ["u1", "张三", "E", "", "", "", "", "", "", "", "Q1", "不是日期"]]},
            ("人员", 2, "法律职业资格取得日期", "须填写取得日期"),
            id="qualification-without-date",
        ),
        pytest.param(
            {"外部单位": [EXTERNAL_HEADERS, ["发改委", "", "E", ""], ["发改委", "", "E", ""]]},
            ("外部单位", 3, "名称", "与第2行重复"),
            id="duplicate-external-unit",
        ),
        pytest.param(
            {"外部单位": [EXTERNAL_HEADERS, ["发改委", "", "E", "无此科"]]},
            ("外部单位", 2, "对接部门", "机关「E」下没有部门「无此科」"),
            id="external-unit-unknown-department",
        ),
        pytest.param(
            {"人员": [["用户名", "姓名"], ["u1", "张三"]]},
            ("人员", None, "", "未找到表头行"),
            id="missing-required-column",
        ),
        pytest.param(
            {"Sheet1": [["a"]]},
            ("", None, "", "没有可导入的工作表"),
            id="no-known-sheet",
        ),
    ],
)
def test_it_locates_each_kind_of_error(tmp_path, sheets, expected):
    chart = orgchart.parse_org_chart(
        write(tmp_path / "bad.xlsx", sheets), existing_authorities={"E": "county"}
    )

    sheet, row, column, text = expected
    matching = [e for e in chart.errors if (e.sheet, e.row, e.column) == (sheet, row, column)]
    assert matching, chart.errors
    assert text in matching[0].message
    assert not chart.ok


def test_it_reports_every_error_not_just_the_first(tmp_path):
    sheets = good_sheets()
    sheets["机关"][2][4] = "特级"
    sheets["人员"][2][4] = "魔法师"

    chart = orgchart.parse_org_chart(write(tmp_path / "org.xlsx", sheets))

    assert ("机关", 3, "层级") in located(chart)
    assert ("人员", 3, "角色") in located(chart)
    assert str(chart.errors[0]).startswith("机关 第3行「层级」：")


def test_it_rejects_a_file_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "org.xlsx"
    path.write_bytes(b"not a zip file")

    chart = orgchart.parse_org_chart(path)

    [error] = chart.errors
    assert "org.xlsx" in error.message and "不是有效的 Excel 工作簿（.xlsx）" in error.message


def test_it_caps_file_size_and_rows(tmp_path, monkeypatch):
    path = write(tmp_path / "org.xlsx", good_sheets())
    monkeypatch.setattr(orgchart, "MAX_FILE_BYTES", 100)
    assert "上限" in orgchart.parse_org_chart(path).errors[0].message

    monkeypatch.setattr(orgchart, "MAX_FILE_BYTES", 10**7)
    monkeypatch.setattr(orgchart, "MAX_ROWS_PER_SHEET", 1)
    chart = orgchart.parse_org_chart(path)
    assert ("部门", 3, "") in located(chart)
    assert "数据行超过上限 1 行" in chart.errors[0].message


def test_it_writes_a_template_the_parser_reads_as_empty(tmp_path):
    path = tmp_path / "template.xlsx"

    orgchart.write_template(path)

    wb = load_workbook(path)
    assert wb.sheetnames[:4] == ["机关", "部门", "人员", "外部单位"]
    assert [c.value for c in wb["人员"][2]][:3] == ["用户名", "姓名", "机关代码"]
    chart = orgchart.parse_org_chart(path)
    assert chart.errors == []
    assert chart.authorities == chart.people == []
