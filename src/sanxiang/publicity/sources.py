"""The tables of an uploaded import file: every worksheet of a workbook that carries the item's
header, or the one table of a CSV file (UTF-8, with or without BOM, or GB18030 as Excel writes it
on Chinese Windows).

A workbook exported from a ledger often splits the same columns over several sheets (by status, by
month) and adds sheets of its own (a run log, notes): the sheets whose header row carries every
required column of the item are read, in workbook order; the others are named as skipped.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from sanxiang.lib import safefiles

# Try in this order: a BOM marks UTF-8 unambiguously; strict UTF-8 rarely decodes GB18030 text by
# accident (its multi-byte sequences break UTF-8's continuation rules), while GB18030 decodes any
# byte string, so it comes last.
ENCODINGS = ("utf-8-sig", "gb18030")


class UnreadableFile(ValueError):
    """The upload is neither an Excel workbook nor a CSV file in a known encoding, or the one safe
    reader (``sanxiang.lib.safefiles``) refused it; ``str()`` names the file and the reason."""


@dataclass
class Sheet:
    """One table: its name (sheet title, or the CSV file's name), header row and numbered rows."""

    name: str
    headers: list[Any]
    rows: Iterator[tuple[int, Sequence[Any]]]
    # Rows below the header (a worksheet's, counted blank ones included; a CSV file's line count):
    # for a progress bar, never a limit; None when not known beforehand.
    expected_rows: int | None = None


@dataclass
class Tables:
    sheets: list[Sheet] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # sheets without the item's header

    def __enter__(self) -> Tables:
        return self

    def __exit__(self, *exc: object) -> None:
        """Nothing to release: a workbook is parsed whole when it is opened (``safefiles.read_workbook``)."""


def field_names(fields: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Column header (label or alias) → field key."""
    names: dict[str, str] = {}
    for spec in fields:
        for name in (spec["label"], *spec.get("aliases", [])):
            names.setdefault(str(name).strip(), spec["key"])
    return names


def carries_header(fields: Sequence[Mapping[str, Any]], headers: Sequence[Any]) -> bool:
    """Whether a header row names every required field of the item (by label or alias)."""
    names = field_names(fields)
    present = {names.get(str(h or "").strip()) for h in headers}
    return all(spec["key"] in present for spec in fields if spec.get("required"))


def is_csv(file_name: str) -> bool:
    return file_name.lower().endswith(".csv")


def decode_csv(raw: bytes) -> str:
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("not UTF-8 or GB18030 text")


def _numbered(rows: Iterator[Sequence[Any]], file_name: str) -> Iterator[tuple[int, Sequence[Any]]]:
    try:
        guarded = safefiles.guarded(rows, file=file_name)
        yield from enumerate(guarded, start=2)
    except safefiles.UnsafeFile as exc:
        raise UnreadableFile(str(exc)) from exc
    except safefiles.PARSER_ERRORS as exc:
        # openpyxl parses lazily: a broken cell surfaces only while its row is read.
        broken = safefiles.UnsafeFile("文件已损坏，工作表内容无法解析", file=file_name, kind="corrupt")
        raise UnreadableFile(str(broken)) from exc


def _csv_rows(reader: Iterator[list[str]]) -> Iterator[Sequence[Any]]:
    for values in reader:
        yield [value if value.strip() else None for value in values]


def read_tables(stream: IO[bytes], file_name: str, fields: Sequence[Mapping[str, Any]]) -> Tables:
    """The tables of ``stream`` that carry the item's header (``fields`` is ``Item.fields``).

    Raises ``UnreadableFile`` for a file that is neither a workbook nor a CSV file. A CSV file is one
    table named after the file. When no sheet of a workbook carries the header, its first sheet is
    returned alone, so that the missing columns are reported against it.
    """
    try:
        if is_csv(file_name):
            text = safefiles.read_text(stream, name=file_name)
            reader = csv.reader(io.StringIO(text, newline=""))
            headers = next(reader, [])
            expected = max(0, text.count("\n") - 1)
            return Tables(
                [Sheet(file_name, list(headers), _numbered(_csv_rows(reader), file_name), expected)]
            )
        worksheets = safefiles.read_workbook(stream, name=file_name)
    except (safefiles.UnsafeFile, csv.Error) as exc:
        raise UnreadableFile(str(exc)) from exc
    tables = Tables()
    for title, rows in worksheets:
        headers = list(rows[0]) if rows else []
        if carries_header(fields, headers):
            tables.sheets.append(_sheet(title, rows, file_name))
        else:
            tables.skipped.append(title)
    if not tables.sheets and worksheets:
        title, rows = worksheets[0]
        tables.sheets.append(_sheet(title, rows, file_name))
        tables.skipped.remove(title)
    return tables


def _sheet(title: str, rows: list[list[Any]], file_name: str) -> Sheet:
    """A worksheet's table: its first row is the header."""
    headers = list(rows[0]) if rows else []
    return Sheet(title, headers, _numbered(iter(rows[1:]), file_name), max(0, len(rows) - 1))
