"""Word and Excel files built in the test, with merged cells, and files that must be refused."""

import zipfile

import docx
import openpyxl
import pytest

from sanxiang.lib.tasktables import Limits, TaskTableError, parse_file

from .conftest import matcher, seed

HEADER = ["序号", "推行任务", "", "工作措施", "牵头部门", "责任部门", "配合部门", "完成时限"]
ROWS = [
    [
        "1",
        "全面推行行政执法公示制度",
        "强化事前公示",
        "公开执法主体信息。",
        "法制科",
        "办公室\n法制科",
        "",
        "2019年9月底前完成，并持续开展",
    ],
    ["2", "", "", "公示执法依据信息。", "法制科", "法制科", "纳税服务科", "持续开展"],
    ["3", "", "规范事中公示", "出示税务检查证。", "征收管理科", "征收管理科", "", "每年1月31日前"],
    ["4", "强化工作保障", "", "召开动员部署会议。", "法制科", "法制科", "其他相关部门", "按税务总局部署"],
]


def _docx(path, rows=ROWS, remark=True):
    document = docx.Document()
    document.add_paragraph("2019年推行“三项制度”工作任务分解表")
    table = document.add_table(rows=1 + len(rows) + (1 if remark else 0), cols=8)
    for col, text in enumerate(HEADER):
        table.cell(0, col).text = text
    table.cell(0, 1).merge(table.cell(0, 2))
    for r, row in enumerate(rows, start=1):
        for col, text in enumerate(row):
            table.cell(r, col).text = text
    # Category merged down rows 1–3; sequence 4's category spans category and sub-category.
    table.cell(1, 1).merge(table.cell(3, 1))
    table.cell(1, 2).merge(table.cell(2, 2))
    table.cell(4, 1).merge(table.cell(4, 2))
    table.cell(4, 1).text = "强化工作保障"
    if remark:
        last = len(rows) + 1
        table.cell(last, 0).merge(table.cell(last, 7))
        table.cell(last, 0).text = "备注：牵头部门发挥统筹协调作用。"
    document.save(path)
    return path


def _xlsx(path, rows=ROWS):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["2019年推行“三项制度”工作任务分解表"])
    sheet.merge_cells("A1:H1")
    sheet.append(HEADER)
    sheet.merge_cells("B2:C2")
    for row in rows:
        sheet.append([int(row[0]), *row[1:]])
    sheet.merge_cells("B3:B5")
    sheet.merge_cells("C3:C4")
    sheet.merge_cells("B6:C6")
    sheet.append(["备注：牵头部门发挥统筹协调作用。"])
    sheet.merge_cells("A7:H7")
    workbook.save(path)
    return path


def _check_merged_table(result):
    assert [m.seq for m in result.measures] == ["1", "2", "3", "4"]
    got = [m.to_json(matcher) for m in result.measures]
    assert [g["category"] for g in got] == [
        "全面推行行政执法公示制度 / 强化事前公示",
        "全面推行行政执法公示制度 / 强化事前公示",
        "全面推行行政执法公示制度 / 规范事中公示",
        "强化工作保障",
    ]
    assert got[0]["responsible"] == ["办公室", "法制科"]
    assert got[0]["cooperating"] == []
    assert got[1]["cooperating"] == ["纳税服务科"]
    assert got[2]["cooperating"] == []
    assert got[3]["matched"] == {"法制科": 2, "其他相关部门": None}
    assert got[2]["schedule"] == {"kind": "yearly", "month": 1, "day": 31}
    assert got[3]["schedule"] == {"kind": "follows_superior", "authority": "税务总局"}
    assert result.notes == ["备注：牵头部门发挥统筹协调作用。"]
    assert result.plan_year == 2019


def test_it_reads_a_word_table_with_merged_cells(tmp_path):
    _check_merged_table(parse_file(_docx(tmp_path / "plan.docx")))


def test_it_reads_an_excel_sheet_with_merged_cells(tmp_path):
    _check_merged_table(parse_file(_xlsx(tmp_path / "plan.xlsx")))


def test_it_reads_a_numbered_plan_written_as_word_paragraphs(tmp_path):
    document = docx.Document()
    for line in seed("003").read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "plan.docx")

    result = parse_file(tmp_path / "plan.docx")

    assert len(result.measures) == 23
    assert result.measures[0].lead == ["政策法规司"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_it_detects_the_text_encoding(tmp_path, encoding):
    path = tmp_path / "plan.txt"
    path.write_bytes(seed("000").read_text(encoding="utf-8").encode(encoding))

    assert len(parse_file(path).measures) == 34


def test_it_refuses_an_empty_file(tmp_path):
    path = tmp_path / "空.xlsx"
    path.write_bytes(b"")

    with pytest.raises(TaskTableError, match="文件为空") as raised:
        parse_file(path)
    assert raised.value.file == "空.xlsx"
    assert "空.xlsx" in str(raised.value)


def test_it_refuses_a_document_without_content(tmp_path):
    docx.Document().save(tmp_path / "blank.docx")

    with pytest.raises(TaskTableError, match="没有内容"):
        parse_file(tmp_path / "blank.docx")


def test_it_refuses_a_password_protected_file(tmp_path):
    # An encrypted OOXML file is an OLE compound file holding an "EncryptedPackage" stream.
    path = tmp_path / "locked.xlsx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le")
    )

    with pytest.raises(TaskTableError, match="密码") as raised:
        parse_file(path)
    assert "locked.xlsx" in str(raised.value)


def test_it_refuses_a_zip_bomb_before_parsing(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (8 * 1024 * 1024))

    with pytest.raises(TaskTableError, match="压缩炸弹"):
        parse_file(path)
    with pytest.raises(TaskTableError, match="解压后大小"):
        parse_file(path, limits=Limits(max_unzipped_bytes=1024 * 1024))


def test_it_refuses_a_file_over_the_size_cap(tmp_path):
    path = tmp_path / "big.xlsx"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)

    with pytest.raises(TaskTableError, match="超过上限 20 MB"):
        parse_file(path)


def test_it_refuses_100000_rows_naming_the_row(tmp_path):
    path = tmp_path / "rows.xlsx"
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for number in range(100_000):
        sheet.append([number])
    workbook.save(path)

    with pytest.raises(TaskTableError, match="超过上限 10000 行") as raised:
        parse_file(path)
    assert raised.value.row == 10_001
    assert "第 10001 行" in str(raised.value)


def test_it_refuses_a_word_table_over_the_row_cap(tmp_path):
    path = _docx(tmp_path / "plan.docx")

    with pytest.raises(TaskTableError, match="超过上限 3 行"):
        parse_file(path, limits=Limits(max_rows=3))


def test_it_refuses_legacy_formats_without_libreoffice(tmp_path, monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)

    with pytest.raises(TaskTableError, match=r"请另存为 \.docx/\.xlsx"):
        parse_file(path)


def test_it_converts_legacy_formats_through_the_converter(tmp_path):
    legacy = tmp_path / "old.xls"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    calls = []

    def converter(path, target, outdir):
        calls.append((path.name, target))
        return _xlsx(outdir / f"{path.stem}.{target}")

    result = parse_file(legacy, converter=converter)

    assert calls == [("old.xls", "xlsx")]
    assert len(result.measures) == 4


def test_it_refuses_a_broken_office_file(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")

    with pytest.raises(TaskTableError, match="已损坏"):
        parse_file(path)
