import datetime
import io

import openpyxl
import pytest

from sanxiang.lib.discretion import (
    Benchmark,
    SheetError,
    read_benchmark_xlsx,
    shipped_benchmark_set,
    write_benchmark_template,
)
from sanxiang.lib.discretion.xlsx import COLUMNS

META = [
    ("名称", "测试基准"),
    ("地区", "测试省"),
    ("版本", "2024版"),
    ("施行日期", "2024-01-01"),
    ("失效日期", ""),
    ("来源", "测试"),
    ("确认程度", "部分确认"),
]
GOOD = [
    "征管法§62",
    "",
    "单位",
    "逾期15日以内",
    '{"days_late": {"lte": 15}}',
    "固定",
    0,
    500,
    "",
    "备注",
    None,
    None,
    "未确认",
]


def workbook_bytes(rows, meta=META, columns=COLUMNS):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "裁量基准"
    sheet.append(list(columns))
    for row in rows:
        sheet.append(list(row))
    if meta is not None:
        info = workbook.create_sheet("基准信息")
        info.append(["项目", "内容"])
        for row in meta:
            info.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


@pytest.mark.parametrize("benchmark", shipped_benchmark_set().benchmarks, ids=lambda b: b.version)
def test_it_reads_back_the_template_it_writes(tmp_path, benchmark):
    path = tmp_path / "benchmark.xlsx"

    write_benchmark_template(path, benchmark)

    assert read_benchmark_xlsx(path) == benchmark


def test_it_reads_a_good_file():
    rows = [
        GOOD,
        [
            "征管法§63",
            "偷税",
            "全部",
            "未补缴",
            '{"tax_paid": false}',
            "倍数",
            1,
            2,
            "unpaid_tax",
            "",
            None,
            None,
            "已确认",
        ],
        ["征管法§60(1)", "", "个人", "按日", "", "倍数", 5, 5, "days_late", "", 50, 2000, ""],
        [
            "征管法§62",
            "",
            "个人",
            "期限内改正",
            '{"days_late": 0}',
            "不予处罚",
            None,
            None,
            "",
            "",
            None,
            None,
            "部分确认",
        ],
        [None] * len(COLUMNS),  # blank rows are skipped
    ]

    benchmark = read_benchmark_xlsx(workbook_bytes(rows))

    assert isinstance(benchmark, Benchmark)
    assert (benchmark.name, benchmark.version, benchmark.effective_from) == (
        "测试基准",
        "2024版",
        datetime.date(2024, 1, 1),
    )
    assert benchmark.effective_until is None and benchmark.certainty == "partly"
    assert [rule.order for rule in benchmark.rules] == [1, 2, 3, 4]
    first, tax, per_day, none = benchmark.rules
    assert first.title.startswith("未按照规定的期限办理纳税申报")  # filled from the catalogue
    assert (first.subject, first.penalty.kind, first.certainty) == ("organisation", "fixed", "unconfirmed")
    assert (tax.subject, tax.penalty.base, tax.certainty) == ("any", "unpaid_tax", "confirmed")
    assert per_day.circumstance == {} and per_day.penalty.bounds({"days_late": 3}) == (50, 50)
    assert per_day.penalty.bounds({"days_late": 1000}) == (2000, 2000)
    assert none.penalty.kind == "no_penalty" and none.certainty == "partly"


def row_with(**changes):
    row = dict(zip(COLUMNS, GOOD, strict=True))
    row.update({COLUMNS[int(k[1:])]: v for k, v in changes.items()})
    return [row[c] for c in COLUMNS]


# column indexes: 0 代码 1 违法行为 2 对象 3 情形 4 条件 5 方式 6 下限 7 上限 8 基数 9 备注 10 保底 11 封顶 12 确认程度
@pytest.mark.parametrize(
    ("row", "column", "message_part"),
    [
        (row_with(c0=""), "违法行为代码", "缺少违法行为代码"),
        (row_with(c0="征管法§99"), "违法行为代码", "未知的违法行为代码"),
        (row_with(c2="公司"), "适用对象", "个人”“单位”或“全部"),
        (row_with(c3=""), "情形", "缺少情形说明"),
        (row_with(c4="{days_late: 3"), "情形条件(JSON)", "不是有效的 JSON"),
        (row_with(c4='{"day_late": 3}'), "情形条件(JSON)", "未知的事实字段“day_late”"),
        (row_with(c4='{"days_late": {"about": 3}}'), "情形条件(JSON)", "未知的比较方式"),
        (row_with(c5="罚款"), "处罚方式(固定/倍数/不予处罚)", "处罚方式应为"),
        (row_with(c6="五百"), "下限", "应为数字"),
        (row_with(c7=None), "上限", "须填写上限"),
        (row_with(c6=600, c7=500), "上限", "下限大于上限"),
        (row_with(c6=-1), "下限", "不能为负数"),
        (row_with(c7=20000), "上限", "超过法定最高罚款10000元"),
        (row_with(c0="征管法§63", c5="倍数", c6=1, c7=6, c8="unpaid_tax"), "上限", "超过法定最高倍数5倍"),
        (row_with(c5="倍数", c6=1, c7=2, c8=""), "基数字段", "须填写基数字段"),
        (row_with(c5="倍数", c6=1, c7=2, c8="first_time", c11=2000), "基数字段", "应为数字事实"),
        (row_with(c5="倍数", c6=5, c7=5, c8="days_late"), "封顶金额", "须设封顶金额"),
        (
            row_with(c5="倍数", c6=5, c7=5, c8="days_late", c10=3000, c11=2000),
            "保底金额",
            "保底金额大于封顶金额",
        ),
        (
            row_with(c0="征管法§63", c5="倍数", c6=1, c7=2, c8="days_late"),
            "基数字段",
            "按不缴或者少缴的税款（unpaid_tax）的倍数",
        ),
        (row_with(c12="大概"), "确认程度", "确认程度应为"),
    ],
)
def test_it_reports_each_row_error_with_sheet_row_and_column(row, column, message_part):
    errors = read_benchmark_xlsx(workbook_bytes([GOOD, row]))

    assert isinstance(errors, list)
    assert any(
        e.sheet == "裁量基准" and e.row == 3 and e.column == column and message_part in e.message
        for e in errors
    ), [str(e) for e in errors]
    assert all(e.row == 3 for e in errors)


@pytest.mark.parametrize(
    ("meta", "row", "message_part"),
    [
        ([m for m in META if m[0] != "名称"], None, "缺少“名称”"),
        ([m if m[0] != "版本" else ("版本", "") for m in META], 4, "缺少“版本”"),
        ([m if m[0] != "施行日期" else ("施行日期", "明年") for m in META], 5, "“施行日期”应为日期"),
        ([m if m[0] != "施行日期" else ("施行日期", None) for m in META], 5, "缺少“施行日期”"),
        ([m if m[0] != "失效日期" else ("失效日期", "2023-12-31") for m in META], 6, "失效日期早于施行日期"),
        ([m if m[0] != "确认程度" else ("确认程度", "?") for m in META], 8, "确认程度应为"),
    ],
)
def test_it_reports_metadata_errors(meta, row, message_part):
    errors = read_benchmark_xlsx(workbook_bytes([GOOD], meta=meta))

    assert isinstance(errors, list)
    assert any(e.sheet == "基准信息" and e.row == row and message_part in e.message for e in errors), [
        str(e) for e in errors
    ]


def test_it_accepts_excel_dates_in_the_metadata():
    meta = [m if m[0] != "施行日期" else ("施行日期", datetime.datetime(2024, 1, 1)) for m in META]

    benchmark = read_benchmark_xlsx(workbook_bytes([GOOD], meta=meta))

    assert benchmark.effective_from == datetime.date(2024, 1, 1)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            lambda: io.BytesIO(b"not a workbook"),
            SheetError(
                "",
                None,
                None,
                "文件“上传文件”无法读取：文件内容不是有效的 Excel 工作簿（.xlsx）（实际是文本文件，扩展名与内容不符）",
            ),
        ),
        (
            lambda: workbook_bytes([GOOD], meta=None),
            SheetError("基准信息", None, None, "缺少工作表“基准信息”"),
        ),
        (lambda: workbook_bytes([GOOD], columns=COLUMNS[:5]), None),
        (lambda: workbook_bytes([]), SheetError("裁量基准", 2, None, "没有任何裁量规则")),
    ],
)
def test_it_reports_file_level_errors(source, expected):
    errors = read_benchmark_xlsx(source())

    assert isinstance(errors, list)
    if expected is None:
        assert errors == [
            SheetError(
                "裁量基准", 1, None, "缺少列：处罚方式(固定/倍数/不予处罚)、下限、上限、基数字段、备注"
            )
        ]
    else:
        assert expected in errors


def test_it_writes_a_blank_template_that_names_the_codes_and_facts(tmp_path):
    path = tmp_path / "template.xlsx"

    write_benchmark_template(path)

    workbook = openpyxl.load_workbook(path)
    assert [c.value for c in workbook["裁量基准"][1]] == list(COLUMNS)
    assert workbook["裁量基准"].max_row == 1
    assert [row[0].value for row in workbook["基准信息"].iter_rows(min_row=2)] == [
        "名称",
        "地区",
        "版本",
        "施行日期",
        "失效日期",
        "来源",
        "确认程度",
    ]
    help_codes = {row[0].value for row in workbook["填写说明"].iter_rows()}
    assert {"征管法§62", "征管法§63", "days_late", "unpaid_tax"} <= help_codes
    assert str(read_benchmark_xlsx(path)[0]).startswith("工作表“基准信息”")
