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
