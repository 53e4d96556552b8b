"""The tables of an import file: every sheet carrying the item's header, and CSV in UTF-8 or GB18030."""

import io

import pytest
from openpyxl import Workbook

from sanxiang.publicity.catalogue import ITEMS
from sanxiang.publicity.sources import UnreadableFile, carries_header, read_tables
from tests.shared import REAL_DECISIONS as REAL

FIELDS = next(i for i in ITEMS if i["code"] == "penalty_decision")["fields"]
HEADERS = ["当事人名称", "统一社会信用代码", "决定书文号", "决定日期"]
ROW = ["顺达商贸有限公司", "91610303MA6X0A0A0G", "宝金税稽罚〔2026〕1号", "2026-02-10"]


def _book(sheets):
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    return buffer


def _read(stream, name):
    with read_tables(stream, name, FIELDS) as tables:
        return [(s.name, s.headers, list(s.rows)) for s in tables.sheets], tables.skipped


def test_it_reads_every_sheet_of_the_real_workbook_that_carries_the_header():
    with open(REAL / "decisions-summary.xlsx", "rb") as stream:
        sheets, skipped = _read(stream, "decisions-summary.xlsx")
    assert [(name, len(rows)) for name, _h, rows in sheets] == [
        ("文书汇总", 46),
        ("完整文书", 24),
        ("公告送达及文号线索", 22),
        ("待核验记录", 7),
        ("失效链接", 3),
    ]
    assert skipped == ["每日运行日志"]
    name, headers, rows = sheets[1]
    assert headers[12] == "决定书文号" and rows[0][0] == 2 and rows[0][1][12] == "河市税二稽处〔2026〕12号"


def test_it_reads_the_real_csv_with_its_byte_order_mark():
    with open(REAL / "decisions-summary.csv", "rb") as stream:
        [(name, headers, rows)], skipped = _read(stream, "decisions-summary.csv")
    assert name == "decisions-summary.csv" and skipped == []
    assert headers[0] == "序号" and len(rows) == 46
    assert rows[0][0] == 2 and rows[0][1][12] == "河市税二稽处〔2026〕12号"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_it_decodes_csv_in_utf8_or_gb18030(encoding):
    text = ",".join(HEADERS) + "\r\n" + ",".join(ROW) + "\r\n,,,\r\n"
    [(name, headers, rows)], _ = _read(io.BytesIO(text.encode(encoding)), "导出.CSV")
    assert headers == HEADERS
    assert rows == [(2, ROW), (3, [None, None, None, None])]


def test_it_skips_sheets_without_the_header_and_falls_back_to_the_first():
    book = _book([("说明", [["填写说明"]]), ("一月", [HEADERS, ROW]), ("二月", [HEADERS])])
    sheets, skipped = _read(book, "a.xlsx")
    assert [(n, len(r)) for n, _h, r in sheets] == [("一月", 1), ("二月", 0)] and skipped == ["说明"]
    sheets, skipped = _read(_book([("只有名称", [HEADERS[:1], ROW[:1]]), ("空", [])]), "b.xlsx")
    assert [n for n, _h, _r in sheets] == ["只有名称"] and skipped == ["空"]


def test_it_refuses_a_file_that_is_not_a_workbook():
    with pytest.raises(UnreadableFile):
        read_tables(io.BytesIO(b"not excel"), "x.xlsx", FIELDS)


def test_it_recognises_headers_by_label_or_alias():
    assert carries_header(FIELDS, ["当事人", "文书号", "决定书作出日期"])
    assert not carries_header(FIELDS, ["当事人", "文书号"])


def test_a_sheet_declares_its_rows_for_the_progress_bar_and_keeps_its_row_numbers():
    """Rows are numbered as in the file (blank rows and a sheet starting below A1 included), and the
    sheet's size is known before its rows are read."""
    book = _book([("一月", [HEADERS, ROW, [], ROW[:2] + ["宝金税稽罚〔2026〕2号", "2026-02-11"]])])
    with read_tables(book, "a.xlsx", FIELDS) as tables:
        [sheet] = tables.sheets
        assert sheet.expected_rows == 3
        rows = list(sheet.rows)
    assert [number for number, _values in rows] == [2, 3, 4]
    assert rows[0][1] == ROW and all(v is None for v in rows[1][1])
