"""Import of every sheet carrying the template's header, and of CSV in GB18030 or UTF-8."""

import io

from sanxiang.publicity import imports
from sanxiang.publicity.models import Entry
from tests.shared import REAL_DECISIONS as REAL

from .conftest import TODAY
from .test_sources import _book  # a workbook of (title, rows) sheets

HEADERS = ["当事人名称", "统一社会信用代码", "决定书文号", "决定日期", "违法事实"]


def _row(n, facts="少缴增值税。"):
    return ["顺达商贸有限公司", "91610303MA6X0A0A0G", f"宝金税稽罚〔2026〕{n}号", "2026-02-10", facts]


def _run(officer, org, item, stream, name="test.xlsx"):
    return imports.entries_import(
        actor=officer, item=item, authority=org.district_a, stream=stream, file_name=name, today=TODAY
    )


def test_it_imports_every_sheet_and_deduplicates_across_sheets(officer, org, penalty_item):
    book = _book(
        [
            ("一月", [HEADERS, _row(1), _row(2)]),
            ("运行日志", [["运行日期", "说明"], ["2026-02-01", "成功"]]),
            ("二月", [HEADERS, _row(3), _row(1)]),
        ]
    )
    report = _run(officer, org, penalty_item, book)
    assert report.ok and len(report.created) == 3 and report.rows == 4
    assert report.skipped_sheets == ["运行日志"]
    [(row, message)] = report.duplicates
    assert row == 3 and "二月" in message and "一月" in message and "第2行" in message
    assert Entry.objects.count() == 3


def test_it_names_the_sheet_of_a_conflicting_duplicate_and_imports_nothing(officer, org, penalty_item):
    book = _book([("一月", [HEADERS, _row(1)]), ("二月", [HEADERS, _row(2), _row(1, facts="另一事实。")])])
    report = _run(officer, org, penalty_item, book)
    assert not report.ok and Entry.objects.count() == 0
    [error] = report.errors
    assert (error.sheet, error.row, error.header) == ("二月", 3, "决定书文号")
    assert "一月" in error.message and "内容不同" in error.message


def test_it_reports_a_fault_with_the_sheet_it_is_on(officer, org, penalty_item):
    bad = _row(2)
    bad[1] = "91610303MA6X0A0A0A"
    report = _run(officer, org, penalty_item, _book([("一月", [HEADERS, _row(1)]), ("二月", [HEADERS, bad])]))
    [error] = report.errors
    assert (error.sheet, error.row, error.column) == ("二月", 2, "B")


def test_it_imports_csv_in_gb18030_and_utf8(officer, org, penalty_item):
    text = ",".join(HEADERS) + "\r\n" + ",".join(_row(1)) + "\r\n"
    report = _run(officer, org, penalty_item, io.BytesIO(text.encode("gb18030")), name="导出.csv")
    assert report.ok and len(report.created) == 1
    text = ",".join(HEADERS) + "\r\n" + ",".join(_row(2)) + "\r\n"
    report = _run(officer, org, penalty_item, io.BytesIO(text.encode("utf-8-sig")), name="导出.csv")
    assert report.ok and len(report.created) == 1
    assert set(Entry.objects.values_list("document_number", flat=True)) == {
        "宝金税稽罚〔2026〕1号",
        "宝金税稽罚〔2026〕2号",
    }


def test_it_reports_the_real_workbook_over_all_its_sheets_and_the_real_csv(officer, org, penalty_item):
    with open(REAL / "decisions-summary.xlsx", "rb") as stream:
        report = _run(officer, org, penalty_item, stream, name="decisions-summary.xlsx")
    assert not report.ok and Entry.objects.count() == 0
    assert report.skipped_sheets == ["每日运行日志"]
    assert {e.sheet for e in report.errors} >= {"文书汇总", "完整文书"}
    assert report.rows == 46 + 24 + 22 + 7 + 3
    with open(REAL / "decisions-summary.csv", "rb") as stream:
        csv_report = _run(officer, org, penalty_item, stream, name="decisions-summary.csv")
    assert not csv_report.ok and csv_report.rows == 46
    assert {e.sheet for e in csv_report.errors} == {"decisions-summary.csv"}


def test_it_imports_a_csv_file_through_the_page_and_names_skipped_sheets(
    officer, org, sibling_bureau_officer, run_jobs
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    client = Client()
    client.force_login(officer)
    page = client.get("/staff/publicity/import/").content.decode()
    assert "导入文件（Excel .xlsx 或 CSV）" in page
    text = ",".join(HEADERS) + "\r\n" + ",".join(_row(1)) + "\r\n"
    upload = SimpleUploadedFile("导出.csv", text.encode("gb18030"))
    post = {"item": "penalty_decision", "authority": org.district_a.pk}
    with run_jobs():
        response = client.post("/staff/publicity/import/", {**post, "file": upload})
    response = client.get(response["Location"])
    assert response.status_code == 200 and "共 1 行，导入 1 条，错误 0 处。" in response.content.decode()
    assert list(Entry.objects.values_list("document_number", flat=True)) == ["宝金税稽罚〔2026〕1号"]
    book = _book([("二月", [HEADERS, _row(2)]), ("运行日志", [["运行日期"], ["2026-02-01"]])])
    with run_jobs():
        response = client.post(
            "/staff/publicity/import/", {**post, "file": SimpleUploadedFile("b.xlsx", book.getvalue())}
        )
    response = client.get(response["Location"])
    assert 'id="skipped-sheets"' in response.content.decode() and "运行日志" in response.content.decode()
    assert Entry.objects.count() == 2
    # Denied: anonymous visitors are sent to log in; another district's user cannot import here.
    anonymous = Client().post("/staff/publicity/import/", {**post, "file": SimpleUploadedFile("c.csv", b"x")})
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    other = Client()
    other.force_login(sibling_bureau_officer)
    text = ",".join(HEADERS) + "\r\n" + ",".join(_row(3)) + "\r\n"
    refused = other.post(
        "/staff/publicity/import/", {**post, "file": SimpleUploadedFile("d.csv", text.encode())}
    )
    assert refused.status_code == 200 and "import-report" not in refused.content.decode()
    assert Entry.objects.count() == 2
