"""The one safe reader (pure): every hostile file is refused with a Chinese reason naming the file;
real files pass."""

from __future__ import annotations

import io
import itertools

import pytest

from sanxiang.lib import safefiles
from tests.reliability import hostile
from tests.shared import REAL_DECISIONS

REFUSED = {
    "zip_bomb": "bomb",
    "many_members": "bomb",
    "billion_laughs": "dtd",
    "external_entity": "dtd",
    "truncated": "corrupt",
    "wrong_type": "type",
    "zero_bytes": "empty",
    "huge_rows": "rows",
}


@pytest.mark.parametrize(("case", "ext"), [(c, e) for c in REFUSED for e in (".xlsx", ".docx")])
def test_every_hostile_package_is_refused_naming_the_file(case, ext):
    name = f"{case}{ext}"
    with pytest.raises(safefiles.UnsafeFile) as raised:
        safefiles.check(io.BytesIO(hostile.build(case, ext)), name=name, expect=ext[1:])
    assert raised.value.kind == REFUSED[case]
    assert f"文件“{name}”" in str(raised.value)


@pytest.mark.parametrize("case", hostile.CSV_CASES)
def test_hostile_text_is_refused(case):
    if case == "empty":
        assert safefiles.read_text(io.BytesIO(hostile.build(case, ".csv")), name="e.csv") == ""
        return
    with pytest.raises(safefiles.UnsafeFile, match="x.csv"):
        safefiles.read_text(io.BytesIO(hostile.build(case, ".csv")), name="x.csv")


def test_an_empty_workbook_passes_the_reader_and_is_left_to_the_importer():
    assert (
        safefiles.check(io.BytesIO(hostile.build("empty", ".xlsx")), name="e.xlsx", expect="xlsx") == "xlsx"
    )


def test_the_billion_laughs_is_refused_at_its_declaration_not_after_expanding():
    import time

    started = time.monotonic()
    with pytest.raises(safefiles.UnsafeFile, match="实体"):
        safefiles.open_workbook(io.BytesIO(hostile.build("billion_laughs", ".xlsx")), name="b.xlsx")
    assert time.monotonic() - started < 2


def test_the_time_budget_stops_a_slow_check():
    ticks = itertools.count(0, 10.0)
    limits = safefiles.Limits(time_budget=5)
    with pytest.raises(safefiles.UnsafeFile, match="超时") as raised:
        safefiles.check(
            io.BytesIO(hostile.workbook()),
            name="t.xlsx",
            expect="xlsx",
            limits=limits,
            clock=lambda: next(ticks),
        )
    assert raised.value.kind == "time"


def test_guarded_rows_apply_the_row_limit_and_the_time_budget():
    limits = safefiles.Limits(max_rows=3)
    with pytest.raises(safefiles.UnsafeFile, match="超过上限 3 行") as raised:
        list(safefiles.guarded(range(10), file="g.csv", limits=limits))
    assert raised.value.row == 4
    ticks = itertools.count(0, 1.0)
    with pytest.raises(safefiles.UnsafeFile, match="超时"):
        list(
            safefiles.guarded(
                range(1000), file="g.csv", limits=safefiles.Limits(time_budget=2), clock=lambda: next(ticks)
            )
        )


def test_a_zip_archive_refuses_unsafe_member_paths():
    out = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("../../etc/cron.d/x", b"x")
    with pytest.raises(safefiles.UnsafeFile, match="路径不安全"):
        safefiles.open_zip(io.BytesIO(out.getvalue()), name="a.zip")


def test_a_legacy_office_file_is_asked_to_be_saved_as_the_new_format():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    with pytest.raises(safefiles.UnsafeFile, match="另存为"):
        safefiles.check(io.BytesIO(data), name="old.xls", expect="xlsx")


def test_real_files_pass():
    assert safefiles.check(REAL_DECISIONS / "decisions-summary.xlsx", expect="xlsx") == "xlsx"
    workbook = safefiles.open_workbook(REAL_DECISIONS / "decisions-summary.xlsx")
    assert workbook.sheetnames
    workbook.close()
    assert "," in safefiles.read_text(REAL_DECISIONS / "decisions-summary.csv")
    for path in sorted((REAL_DECISIONS / "attachments").glob("*.docx")):
        assert safefiles.open_document(path).paragraphs is not None


def _far_apart(far: str) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "决定书文号"
    wb.active[far] = "远处的值"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_two_far_apart_values_are_refused_before_a_grid_reader_allocates_their_area():
    """A1 and XFD1048576: a file of a few KB whose used area is 17 billion cells (calamine, which
    ``read_workbook`` uses, would abort the process allocating it)."""
    data = _far_apart("XFD1048576")
    assert len(data) < 10_000
    with pytest.raises(safefiles.UnsafeFile, match="工作表范围过大") as raised:
        safefiles.read_workbook(io.BytesIO(data), name="far.xlsx")
    assert raised.value.kind == "rows"
    small = safefiles.Limits(max_area=1000)
    with pytest.raises(safefiles.UnsafeFile, match="工作表范围过大"):
        safefiles.check(io.BytesIO(_far_apart("J101")), name="f.xlsx", expect="xlsx", limits=small)
    assert safefiles.check(io.BytesIO(_far_apart("J100")), name="f.xlsx", expect="xlsx", limits=small)


def test_cells_without_a_value_do_not_count_towards_the_area():
    """A formatted but empty cell far away (borders drawn over a region) stores no value."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.active["A1"] = "决定书文号"
    wb.active["XFD1048576"].font = Font(bold=True)
    buffer = io.BytesIO()
    wb.save(buffer)
    [(title, rows)] = safefiles.read_workbook(io.BytesIO(buffer.getvalue()), name="styled.xlsx")
    assert rows == [["决定书文号"]]


def test_read_workbook_gives_the_values_openpyxl_gives():
    """Every sheet of the real workbook, cell for cell as openpyxl's read-only ``values_only``
    reads it (trailing empty cells aside: the two pad rows to different widths)."""
    import openpyxl

    path = REAL_DECISIONS / "decisions-summary.xlsx"
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    expected = [(ws.title, [list(row) for row in ws.iter_rows(values_only=True)]) for ws in book.worksheets]
    book.close()

    def trimmed(rows):
        out = [list(row) for row in rows]
        for row in out:
            while row and row[-1] is None:
                row.pop()
        return out

    got = safefiles.read_workbook(path)
    assert [title for title, _rows in got] == [title for title, _rows in expected]
    for (_title, rows), (_same, reference) in zip(got, expected, strict=True):
        assert trimmed(rows) == trimmed(reference)


def test_read_workbook_converts_values_as_openpyxl_reads_them():
    import datetime

    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["文号", 3, 2.5, 1e20, datetime.date(2026, 1, 2), datetime.datetime(2026, 1, 2, 3, 4)])
    wb.active.append([None, "", True, 0, -7, " 空格 "])
    wb.create_sheet("第二张")["B3"] = "x"
    buffer = io.BytesIO()
    wb.save(buffer)
    first, second = safefiles.read_workbook(io.BytesIO(buffer.getvalue()), name="v.xlsx")
    assert first[1][0] == [
        "文号",
        3,
        2.5,
        1e20,
        datetime.datetime(2026, 1, 2),
        datetime.datetime(2026, 1, 2, 3, 4),
    ]
    assert [type(v) for v in first[1][0][1:4]] == [int, float, float]
    assert first[1][1] == [None, None, True, 0, -7, " 空格 "]
    assert second == ("第二张", [[None, None], [None, None], [None, "x"]])


def test_read_workbook_refuses_what_check_refuses_and_a_corrupt_sheet():
    with pytest.raises(safefiles.UnsafeFile) as raised:
        safefiles.read_workbook(io.BytesIO(hostile.build("zip_bomb", ".xlsx")), name="bomb.xlsx")
    assert raised.value.kind == "bomb"
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(hostile.workbook()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = body.replace(b'r="A1"', b'r="$A$1"')  # a reference calamine cannot place
            target.writestr(info.filename, body)
    with pytest.raises(safefiles.UnsafeFile) as raised:
        safefiles.read_workbook(io.BytesIO(out.getvalue()), name="bad.xlsx")
    assert raised.value.kind == "corrupt" and "bad.xlsx" in str(raised.value)


def _moved_sheet(data: bytes) -> bytes:
    """The workbook with its sheet stored as xl/data.xml, where its relationship now points."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info.filename)
            name = info.filename
            if name == "xl/worksheets/sheet1.xml":
                name = "xl/data.xml"
            if name == "xl/_rels/workbook.xml.rels":
                body = body.replace(b"/xl/worksheets/sheet1.xml", b"/xl/data.xml")
            target.writestr(name, body)
    return out.getvalue()


def test_the_area_is_bounded_wherever_the_relationships_put_the_sheet():
    moved = _moved_sheet(_far_apart("B2"))
    [(_title, rows)] = safefiles.read_workbook(io.BytesIO(moved), name="moved.xlsx")
    assert rows == [["决定书文号", None], [None, "远处的值"]]  # calamine reads the sheet there
    with pytest.raises(safefiles.UnsafeFile, match="工作表范围过大"):
        safefiles.read_workbook(io.BytesIO(_moved_sheet(_far_apart("XFD1048576"))), name="m.xlsx")


def test_a_shared_string_table_declaring_billions_of_strings_is_refused_before_parsing():
    """calamine reserves room for ``uniqueCount`` strings up front: 4,000,000,000 aborted the process."""
    import zipfile

    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/></Types>'
        ),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1"'
            ' r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": (
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            '<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
        ),
    }

    def package(unique: str) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            for name, body in parts.items():
                archive.writestr(name, body)
            archive.writestr(
                "xl/sharedStrings.xml",
                '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1"'
                f' uniqueCount="{unique}"><si><t>决定书文号</t></si></sst>',
            )
        return out.getvalue()

    assert safefiles.read_workbook(io.BytesIO(package("1")), name="ok.xlsx") == [("S", [["决定书文号"]])]
    for declared in ("4000000000", "+4000000000"):
        with pytest.raises(safefiles.UnsafeFile, match="共享字符串") as raised:
            safefiles.read_workbook(io.BytesIO(package(declared)), name="sst.xlsx")
        assert raised.value.kind == "rows"
