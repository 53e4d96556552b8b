"""Excel import: good file, every error kind, the real spreadsheet's report, nothing on error, dedupe."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from sanxiang.kernel.exceptions import PermissionDeniedError
from sanxiang.publicity import imports
from sanxiang.publicity.models import Entry
from tests import factories
from tests.shared import REAL_DECISIONS

from .conftest import TODAY

REAL = REAL_DECISIONS / "decisions-summary.xlsx"
HEADERS = ["当事人名称", "统一社会信用代码", "法定代表人", "决定书文号", "决定日期", "违法事实", "罚款金额"]


def _book(rows, headers=HEADERS):
    wb = Workbook()
    ws = wb.active
    ws.append(headers)
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    return buffer


GOOD = [
    "顺达商贸有限公司",
    "91610303MA6X0A0A0G",
    "王小明",
    "宝金税稽罚〔2026〕1号",
    "2026-02-10",
    "电话13812345678",
    "5000",
]


def _run(officer, org, item, stream, name="test.xlsx"):
    return imports.entries_import(
        actor=officer, item=item, authority=org.district_a, stream=stream, file_name=name, today=TODAY
    )


def test_it_imports_a_clean_file_with_masking_and_deadlines(officer, org, penalty_item):
    rows = [GOOD, ["张伟便利店", "", "张伟", "宝金税稽罚〔2026〕2号", "2026/02/11", "", "1,000.50"]]
    report = _run(officer, org, penalty_item, _book(rows))
    assert report.ok and len(report.created) == 2
    entry = Entry.objects.get(document_number="宝金税稽罚〔2026〕1号")
    version = entry.versions.get()
    assert "13812345678" not in version.masked_text
    assert entry.due_on is not None and entry.department == org.a_collection
    assert (
        Entry.objects.get(document_number="宝金税稽罚〔2026〕2号").versions.get().data["penalty_amount"]
        == "1000.50"
    )


@pytest.mark.parametrize(
    ("cell", "value", "message"),
    [
        (1, "91610303MA6X0A0A0A", "统一社会信用代码校验位错误"),
        (1, "110101199003071233", "居民身份证号"),
        (4, "2026-13-45", "日期格式不正确"),
        (4, "2027-01-01", "日期晚于今天"),
        (6, "五千", "金额不是数字"),
        (6, "-5", "金额不能为负数"),
        (3, "", "必填项为空"),
        (0, "同时,该地址也是某公司", "名称含标点"),
    ],
)
def test_it_reports_each_fault_by_row_and_column_and_imports_nothing(
    officer, org, penalty_item, cell, value, message
):
    bad = list(GOOD)
    bad[cell] = value
    bad[3] = bad[3] or ""
    second = list(GOOD)
    second[3] = "宝金税稽罚〔2026〕5号"
    report = _run(officer, org, penalty_item, _book([second, bad]))
    assert not report.ok
    [error] = report.errors
    assert (error.row, error.column, error.header) == (3, "ABCDEFG"[cell], HEADERS[cell])
    assert message in error.message
    assert Entry.objects.count() == 0


def test_it_reports_a_missing_required_column_and_a_broken_file(officer, org, penalty_item):
    report = _run(officer, org, penalty_item, _book([GOOD[:3]], headers=HEADERS[:3]))
    assert {e.header for e in report.errors} == {"决定书文号", "决定日期"}
    broken = _run(officer, org, penalty_item, io.BytesIO(b"not excel"), name="x.xlsx")
    assert "不是有效的 Excel" in broken.errors[0].message


def test_it_deduplicates_on_authority_and_document_number(officer, org, penalty_item):
    report = _run(officer, org, penalty_item, _book([GOOD, GOOD]))
    assert report.ok and len(report.created) == 1 and report.duplicates[0][0] == 3
    again = _run(officer, org, penalty_item, _book([GOOD]))
    assert again.ok and again.created == [] and "已有公示信息" in again.duplicates[0][1]
    conflict = list(GOOD)
    conflict[6] = "9000"
    report = _run(officer, org, penalty_item, _book([conflict, [*conflict[:6], "1"]]))
    assert "重复但内容不同" in report.errors[0].message


def test_it_refuses_an_importer_without_the_role_or_scope(approver, officer, org, penalty_item):
    with pytest.raises(PermissionDeniedError):
        _run(approver, org, penalty_item, _book([GOOD]))
    with pytest.raises(PermissionDeniedError):
        imports.entries_import(
            actor=officer,
            item=penalty_item,
            authority=org.district_b,
            stream=_book([GOOD]),
            file_name="t",
            today=TODAY,
        )


def test_it_offers_a_template_with_every_field(penalty_item):
    wb = load_workbook(io.BytesIO(imports.template_workbook(penalty_item)))
    headers = [c.value for c in wb.worksheets[0][1]]
    assert headers == [f["label"] for f in penalty_item.fields]
    assert wb.worksheets[1].max_row == len(penalty_item.fields) + 1


def test_it_reports_the_real_spreadsheets_faults_precisely(org, penalty_item):
    """The national decisions summary: 46 rows on its first sheet with real faults."""
    names = {
        "国家税务总局河池市税务局第二稽查局",
        "国家税务总局来宾市税务局第二稽查局",
        "国家税务总局北海市税务局",
        "国家税务总局泉州市税务局",
        "国家税务总局南宁市税务局第三稽查局",
        "国家税务总局福州市税务局第一稽查局",
        "国家税务总局南宁市税务局第四稽查局",
        "国家税务总局平顶山市税务局第一稽查局",
        "国家税务总局铁岭市税务局第一稽查局",
        "国家税务总局贵阳市税务局第三稽查局",
        "国家税务总局三明市税务局第一稽查局",
        "国家税务总局江苏省税务局",
        "国家税务总局泉州市税务局第二稽查局",
        "国家税务总局泰州市税务局第一稽查局",
        "国家税务总局遵义市税务局第一稽查局",
        "国家税务总局温州市税务局第三稽查局",
        "国家税务总局贵阳市税务局第二稽查局",
        "国家税务总局广州市番禺区税务局",
        "国家税务总局常州市税务局第一稽查局",
        "国家税务总局安顺市税务局",
        "国家税务总局南宁市税务局第一稽查局",
        "国家税务总局二连浩特市税务局",
        "国家税务总局天津市税务局第一稽查局",
    }
    for name in sorted(names):
        factories.authority(name, "municipal", org.province)
    national = factories.user(org.province, None, roles=["enforcement_officer"], scope="all")
    with REAL.open("rb") as stream:
        report = imports.entries_import(
            actor=national,
            item=penalty_item,
            authority=org.province,
            stream=stream,
            file_name=REAL.name,
            today=TODAY.replace(year=2026, month=12),
        )
    assert report.rows == 46 + 24 + 22 + 7 + 3  # every sheet with the header; the run log is skipped
    assert report.skipped_sheets == ["每日运行日志"]
    assert Entry.objects.count() == 0
    by_cell = {(e.row, e.header): e.message for e in report.errors if e.sheet == "文书汇总"}
    # Row 2: a sentence fragment where the party's name should be.
    assert "名称含标点" in by_cell[(2, "当事人名称")]
    # Row 45: no issuing authority.
    assert by_cell[(45, "发布机关")] == "必填项为空"
    # Rows without a decision date cannot get a publication deadline.
    assert by_cell[(4, "决定书作出日期")] == "必填项为空"
    # The one filled date is accepted.
    assert (6, "决定书作出日期") not in by_cell
    # Every error names file, sheet, row and column.
    assert all(e.file == REAL.name and e.sheet and e.row >= 2 and e.column for e in report.errors)
    assert {e.sheet for e in report.errors} <= {
        "文书汇总",
        "完整文书",
        "公告送达及文号线索",
        "待核验记录",
        "失效链接",
    }
    # Invalid credit codes are found by their checksum, never by guessing.
    bad_uscc = {row for (row, header) in by_cell if header == "统一社会信用代码"}
    for row in bad_uscc:
        assert "统一社会信用代码" in by_cell[(row, "统一社会信用代码")]


def test_it_writes_the_error_report_as_a_workbook():
    report = imports.ImportReport(file="a.xlsx", item="penalty_decision")
    report.errors.append(imports.RowError("a.xlsx", "S", 3, "B", "统一社会信用代码", "校验位错误"))
    wb = load_workbook(io.BytesIO(imports.report_workbook(report)))
    assert [c.value for c in wb.active[2]] == ["a.xlsx", "S", 3, "B", "统一社会信用代码", "校验位错误"]


def test_an_imported_entry_key_never_looks_like_a_card_or_id_number(officer, org, penalty_item, monkeypatch):
    # A random key of 16 hex digits is all decimal about once in 1,600 entries; such a key in the
    # entry's public address would read as a bank card (CI met one: 6049906623694914, Luhn-valid).
    drawn = iter(["6049906623694914" + "0" * 16, "0123456789ab" + "c" * 20])
    monkeypatch.setattr(
        "sanxiang.publicity.services.uuid.uuid4", lambda: type("U", (), {"hex": next(drawn)})()
    )
    report = _run(officer, org, penalty_item, _book([GOOD]))
    assert report.ok
    assert Entry.objects.get().source_key == f"{penalty_item.code}-0123456789abcccc"
