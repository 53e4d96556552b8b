"""The summary spreadsheet's 文书类型 column routes rows to their item and is reported when it disagrees."""

import io

from openpyxl import Workbook

from sanxiang.publicity import imports
from sanxiang.publicity.models import Entry
from tests.shared import REAL_DECISIONS

from .conftest import TODAY

HEADERS = ["当事人名称", "统一社会信用代码", "决定书文号", "决定日期", "文书类型", "违法事实"]


def _book(rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    return buffer


def test_rows_go_to_the_item_their_type_names_and_the_disagreement_is_reported(officer, org, penalty_item):
    stream = _book(
        [
            [
                "顺达商贸有限公司",
                "91610303MA6X0A0A0G",
                "宝金税稽罚〔2026〕1号",
                "2026-02-10",
                "税务行政处罚决定书",
                "少缴",
            ],
            [
                "顺达商贸有限公司",
                "91610303MA6X0A0A0G",
                "宝金税稽处〔2026〕1号",
                "2026-02-10",
                "税务处理决定书",
                "少缴",
            ],
        ]
    )
    report = imports.entries_import(
        actor=officer,
        item=penalty_item,
        authority=org.district_a,
        stream=stream,
        file_name="汇总.xlsx",
        today=TODAY,
    )
    assert report.ok and len(report.created) == 2
    assert report.mismatch_rows == [("汇总", 3, "税务处理决定书", "税务处理决定")]
    codes = dict(Entry.objects.values_list("document_number", "item__code"))
    assert codes == {
        "宝金税稽罚〔2026〕1号": "penalty_decision",
        "宝金税稽处〔2026〕1号": "handling_decision",
    }


def test_the_real_summary_reports_its_handling_decisions_under_a_penalty_import(officer, org, penalty_item):
    with (REAL_DECISIONS / "decisions-summary.xlsx").open("rb") as stream:
        report = imports.entries_import(
            actor=officer,
            item=penalty_item,
            authority=org.district_a,
            stream=stream,
            file_name="s.xlsx",
            today=TODAY,
        )
    kinds = {kind for _sheet, _row, kind, _label in report.mismatch_rows}
    assert kinds == {"税务处理决定书"}
    assert all(label == "税务处理决定" for *_rest, label in report.mismatch_rows)
    assert all(row >= 2 for _sheet, row, _kind, _label in report.mismatch_rows)
