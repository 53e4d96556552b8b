"""Hypothesis fuzzing of every reader on mutated real files (../shared/real, ../shared/seeds):
a mutated file is read or refused with ``UnsafeFile`` (or the importer's own error report), never
another exception. Bounded: a fixed number of examples and a per-example deadline."""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanxiang.lib import orgchart, safefiles
from sanxiang.lib.discretion import read_benchmark_xlsx
from sanxiang.lib.tasktables import parse_file
from sanxiang.lib.tasktables.errors import TaskTableError
from sanxiang.publicity import sources
from tests.reliability import hostile
from tests.shared import REAL_DECISIONS, SEEDS

FUZZ = settings(
    max_examples=int(os.environ.get("SANXIANG_FUZZ_EXAMPLES", "40")),
    deadline=5000,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    database=None,
)


def _real(ext: str) -> bytes:
    if ext == ".xlsx":
        return (REAL_DECISIONS / "decisions-summary.xlsx").read_bytes()
    if ext == ".docx":
        return sorted((REAL_DECISIONS / "attachments").glob("*.docx"))[0].read_bytes()
    if ext == ".csv":
        return (REAL_DECISIONS / "decisions-summary.csv").read_bytes()
    return sorted(SEEDS.glob("*.txt"))[0].read_bytes()


@st.composite
def byte_mutations(draw, data: bytes) -> bytes:
    """Flip, delete, insert or truncate a few bytes anywhere in the file."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["flip", "delete", "insert", "truncate"]))
        at = draw(st.integers(0, max(len(out) - 1, 0)))
        if op == "flip" and out:
            out[at] ^= draw(st.integers(1, 255))
        elif op == "delete":
            del out[at : at + draw(st.integers(1, 64))]
        elif op == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=64))
        else:
            del out[at:]
    return bytes(out)


XML_SNIPPETS = [
    b"<",
    b">",
    b"&",
    b"<!DOCTYPE x>",
    b"&lol;",
    b'<row r="-1">',
    b'<c t="n"><v>abc</v></c>',
    b"\xff\xfe",
    b"]]>",
]


@st.composite
def member_mutations(draw, data: bytes) -> bytes:
    """Change the XML inside one member and repackage it correctly, so the XML parsers see it."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = [i.filename for i in source.infolist() if i.filename.endswith((".xml", ".rels"))]
    target = draw(st.sampled_from(names))
    body = bytearray(source.read(target))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(len(body) - 1, 0)))
        if draw(st.booleans()):
            body[at:at] = draw(st.sampled_from(XML_SNIPPETS))
        else:
            del body[at : at + draw(st.integers(1, 32))]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(
                info.filename, bytes(body) if info.filename == target else source.read(info.filename)
            )
    return out.getvalue()


def _workbook_readers(data: bytes) -> None:
    try:
        workbook = safefiles.open_workbook(io.BytesIO(data), name="f.xlsx")
    except safefiles.UnsafeFile:
        pass
    else:
        workbook.close()
    chart = orgchart.parse_org_chart(io.BytesIO(data), name="f.xlsx")
    assert chart.errors or chart is not None
    read_benchmark_xlsx(io.BytesIO(data), name="f.xlsx")
    try:
        with sources.read_tables(io.BytesIO(data), "f.xlsx", [{"key": "a", "label": "a"}]) as tables:
            for sheet in tables.sheets:
                for _ in sheet.rows:
                    pass
    except sources.UnreadableFile:
        pass


def _task_table(data: bytes, suffix: str, tmp_path_factory) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"plan{suffix}"
    path.write_bytes(data)
    try:
        parse_file(path)
    except TaskTableError:
        pass


@FUZZ
@given(data=st.data())
def test_workbook_readers_survive_mutated_real_workbooks(data):
    real = _real(".xlsx")
    mutated = data.draw(st.one_of(byte_mutations(real), member_mutations(real)))
    _workbook_readers(mutated)


@FUZZ
@given(data=st.data())
def test_word_readers_survive_mutated_real_documents(data, tmp_path_factory):
    real = _real(".docx")
    mutated = data.draw(st.one_of(byte_mutations(real), member_mutations(real)))
    try:
        safefiles.open_document(io.BytesIO(mutated), name="f.docx")
    except safefiles.UnsafeFile:
        pass
    _task_table(mutated, ".docx", tmp_path_factory)


@FUZZ
@given(data=st.data())
def test_text_readers_survive_mutated_real_text(data, tmp_path_factory):
    real = data.draw(st.sampled_from([_real(".csv"), _real(".txt")]))
    mutated = data.draw(byte_mutations(real))
    try:
        safefiles.read_text(io.BytesIO(mutated), name="f.csv")
    except safefiles.UnsafeFile:
        pass
    try:
        with sources.read_tables(io.BytesIO(mutated), "f.csv", [{"key": "a", "label": "a"}]) as tables:
            for sheet in tables.sheets:
                list(sheet.rows)
    except sources.UnreadableFile:
        pass
    _task_table(mutated, ".txt", tmp_path_factory)


@pytest.mark.parametrize("case", list(hostile.HOSTILE))
def test_the_importers_report_every_hostile_workbook(case):
    _workbook_readers(hostile.build(case, ".xlsx"))
