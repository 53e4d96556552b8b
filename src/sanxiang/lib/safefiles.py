"""One safe reader for every uploaded file: Excel ``.xlsx``, Word ``.docx``, CSV/text and ZIP.

Every importer opens its upload here instead of handing it to openpyxl, python-docx, ``csv`` or
``zipfile`` directly. Before any parser sees the file, :func:`check` looks at what it really is
(magic bytes, not the name) and, for a ZIP package, at every member:

- member count, declared unpacked size (each and in total) and compression ratio (a zip bomb);
- every XML member is streamed through ``defusedxml``'s expat reader with DTDs forbidden, so an
  entity expansion ("billion laughs") or an external entity is refused at its declaration, and the
  real unpacked bytes are counted as they are read;
- rows of a worksheet (``<row>``) or a Word table (``<w:tr>``) and cells are counted, so a sheet of a
  million rows is refused before openpyxl builds it, and a worksheet's used area (A1 to its last
  value) is bounded, so that a few far-apart values cannot make a grid reader allocate billions of
  cells;
- a time budget bounds the whole check.

Errors are :class:`UnsafeFile` with a Chinese message that names the file and the reason. Pure
Python: no Django import; the app passes its limits in (``sanxiang.files.uploads`` reads them from
the settings).
"""

from __future__ import annotations

import datetime
import io
import time
import zipfile
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any
from xml.sax import SAXException, SAXParseException
from xml.sax.handler import ContentHandler

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.expatreader import DefusedExpatParser

__all__ = [
    "KIND_LABELS",
    "PARSER_ERRORS",
    "Limits",
    "UnsafeFile",
    "check",
    "configure",
    "default_limits",
    "guarded",
    "open_document",
    "open_workbook",
    "read_workbook",
    "open_zip",
    "read_text",
]

Source = str | Path | IO[bytes]

XLSX, DOCX, CSV, ZIP, PDF, OLE, TEXT = "xlsx", "docx", "csv", "zip", "pdf", "ole", "text"
KIND_LABELS = {
    XLSX: "Excel 工作簿（.xlsx）",
    DOCX: "Word 文档（.docx）",
    CSV: "CSV 文本文件",
    TEXT: "文本文件",
    ZIP: "ZIP 压缩包",
    PDF: "PDF 文件",
    OLE: "旧版 Office 文件（.xls/.doc）或加密的 Office 文件",
}
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_CHUNK = 64 * 1024
_MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Refusal thresholds; ``configure`` replaces the defaults from the app's settings."""

    max_bytes: int = 50 * _MIB  # the file as uploaded
    max_members: int = 5_000  # entries of a ZIP package
    max_unpacked_bytes: int = 300 * _MIB  # all members together, unpacked
    max_ratio: int = 100  # unpacked / packed, for a member larger than ``ratio_floor``
    ratio_floor: int = 1 * _MIB
    max_rows: int = 200_000  # worksheet rows or Word table rows, all sheets together
    max_cells: int = 5_000_000
    # A worksheet's used area: rows × columns from A1 to its last row and last column holding a
    # value. A reader that builds the sheet as a grid (calamine, ``read_workbook``) allocates all
    # of it: a value in A1 and one in XFD1048576 make a file of 5 KB that asks for 17 billion cells.
    max_area: int = 5_000_000
    time_budget: float = 30.0  # seconds for the check (and for a guarded row loop)


_defaults = Limits()

# What a third-party parser (openpyxl, python-docx, csv) raises for a broken file that passed the
# checks: openpyxl reads a read-only sheet lazily, so these surface while its rows are read.
PARSER_ERRORS: tuple[type[BaseException], ...] = (
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    AttributeError,
    AssertionError,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    SAXException,
    LookupError,
    NotImplementedError,
)


def default_limits() -> Limits:
    return _defaults


def configure(**values: Any) -> Limits:
    """Replace default thresholds (the app calls this once at start from its settings)."""
    global _defaults
    _defaults = replace(_defaults, **values)
    return _defaults


class UnsafeFile(ValueError):
    """A file refused before or while it is read; ``str()`` is the Chinese message."""

    def __init__(self, reason: str, *, file: str, kind: str = "refused", row: int | None = None) -> None:
        self.reason = reason
        self.file = file
        self.row = row  # the first row over the limit, for a row-count refusal
        self.kind = kind  # a stable code for tests and logs: bomb, dtd, corrupt, type, empty, …
        super().__init__(f"文件“{file}”无法读取：{reason}")

    @property
    def message(self) -> str:
        return str(self)


# --- sources ---------------------------------------------------------------------------------


def _open(source: Source) -> tuple[IO[bytes], Callable[[], None]]:
    if isinstance(source, str | Path):
        handle = Path(source).open("rb")
        return handle, handle.close
    try:
        source.seek(0)
    except (AttributeError, OSError):
        data = source.read()
        return io.BytesIO(data), lambda: None
    rewindable = source

    def rewind() -> None:
        rewindable.seek(0)

    return source, rewind


def _size(handle: IO[bytes]) -> int:
    handle.seek(0, io.SEEK_END)
    size = handle.tell()
    handle.seek(0)
    return size


def _name_of(source: Source, name: str | None) -> str:
    if name:
        return name
    if isinstance(source, str | Path):
        return Path(source).name
    return str(getattr(source, "name", "") or "上传文件")


# --- the check -------------------------------------------------------------------------------


def check(
    source: Source,
    *,
    name: str | None = None,
    expect: str | Collection[str],
    limits: Limits | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> str:
    """What ``source`` really is (one of ``expect``), after every limit; raises :class:`UnsafeFile`.

    ``expect`` is a kind (``"xlsx"``, ``"docx"``, ``"csv"``, ``"text"``, ``"zip"``, ``"pdf"``) or
    several. A CSV/text kind is accepted for any content that is not a known binary format; the
    text itself is checked by :func:`read_text`.
    """
    limits = limits or _defaults
    file = _name_of(source, name)
    wanted = {expect} if isinstance(expect, str) else set(expect)
    deadline = clock() + limits.time_budget
    handle, release = _open(source)
    try:
        size = _size(handle)
        if size == 0:
            raise UnsafeFile("文件为空（0 字节）", file=file, kind="empty")
        if size > limits.max_bytes:
            raise UnsafeFile(
                f"文件大小 {size / _MIB:.1f} MB，超过上限 {limits.max_bytes / _MIB:.0f} MB",
                file=file,
                kind="size",
            )
        head = handle.read(8)
        handle.seek(0)
        kind = _sniff(head)
        if kind == ZIP:
            kind = _check_zip(handle, file, wanted, limits, deadline, clock)
        elif kind is None:
            kind = CSV if CSV in wanted else TEXT
        if kind not in wanted and not (kind == TEXT and CSV in wanted):
            raise UnsafeFile(_wrong_type(kind, wanted), file=file, kind="type")
        return kind
    finally:
        release()


def _sniff(head: bytes) -> str | None:
    if head.startswith(_ZIP_MAGICS):
        return ZIP
    if head.startswith(_OLE_MAGIC):
        return OLE
    if head.startswith(b"%PDF"):
        return PDF
    return None


def _wrong_type(kind: str, wanted: set[str]) -> str:
    expected = "或".join(KIND_LABELS[k] for k in sorted(wanted) if k in KIND_LABELS)
    if kind == OLE:
        return f"这是{KIND_LABELS[OLE]}，请另存为 {expected} 后再上传"
    return f"文件内容不是有效的 {expected}（实际是{KIND_LABELS.get(kind, '未知格式')}，扩展名与内容不符）"


def _check_zip(
    handle: IO[bytes],
    file: str,
    wanted: set[str],
    limits: Limits,
    deadline: float,
    clock: Callable[[], float],
) -> str:
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise UnsafeFile("文件已损坏或不完整（压缩结构无法读取）", file=file, kind="corrupt") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_members:
            raise UnsafeFile(
                f"压缩包含 {len(infos)} 个成员，超过上限 {limits.max_members} 个", file=file, kind="bomb"
            )
        names = {info.filename for info in infos}
        if "xl/workbook.xml" in names:
            kind = XLSX
        elif "word/document.xml" in names:
            kind = DOCX
        else:
            kind = ZIP
        if kind not in wanted:
            raise UnsafeFile(_wrong_type(kind, wanted), file=file, kind="type")
        total = sum(info.file_size for info in infos)
        if total > limits.max_unpacked_bytes:
            raise UnsafeFile(
                f"解压后大小 {total / _MIB:.0f} MB，超过上限 {limits.max_unpacked_bytes / _MIB:.0f} MB，疑似压缩炸弹",
                file=file,
                kind="bomb",
            )
        for info in infos:
            if info.flag_bits & 0x1:
                raise UnsafeFile("文件已加密（设置了密码），请去掉密码后再上传", file=file, kind="encrypted")
            if kind == ZIP and _unsafe_member_name(info.filename):
                raise UnsafeFile(f"压缩包成员路径不安全（{info.filename}）", file=file, kind="path")
            if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(
                info.compress_size, 1
            ):
                raise UnsafeFile(
                    f"成员 {info.filename} 的压缩比超过 {limits.max_ratio} 倍，疑似压缩炸弹，已拒绝",
                    file=file,
                    kind="bomb",
                )
        if kind in (XLSX, DOCX):
            _scan_xml_members(archive, infos, file, kind, limits, deadline, clock)
    return kind


def _unsafe_member_name(member: str) -> bool:
    parts = member.replace("\\", "/").split("/")
    return member.startswith(("/", "\\")) or ".." in parts or (len(member) > 1 and member[1] == ":")


class _Counter(ContentHandler):
    """Counts rows and cells while the XML streams past; no tree is built.

    With ``extent`` (any member of a workbook), also the last row and column holding a value (a
    ``<c>`` with a ``<v>`` or an inline ``<is>``), placed as a reader places it: by the cell's
    reference, else after the previous cell of its row, in the row its ``<row r>`` names, else
    after the previous; and the shared strings the workbook declares, which calamine reserves
    room for before reading them (``<sst uniqueCount="4000000000">`` aborted the process).
    """

    def __init__(self, rows: set[str], cells: set[str], *, extent: bool = False) -> None:
        super().__init__()
        self.row_names = rows
        self.cell_names = cells
        self.rows = 0
        self.cells = 0
        self.extent = extent
        self.row = self.column = 0  # the current cell's position (1-based)
        self.last_row = self.last_column = 0  # of the values so far
        self.strings = 0  # the shared strings a workbook declares (``<sst uniqueCount>``)

    def startElement(self, name: str, attrs: Any) -> None:  # noqa: N802 (SAX API)
        local = name.rpartition(":")[2]
        if local in self.row_names:
            self.rows += 1
            if self.extent:
                number = attrs.get("r", "")
                self.row = int(number) if number.isdigit() else self.row + 1
                self.column = 0
        elif local in self.cell_names:
            self.cells += 1
            if self.extent:
                self._place(attrs.get("r", ""))
        elif self.extent and local in _VALUE_ELEMENTS:
            self.last_row = max(self.last_row, self.row)
            self.last_column = max(self.last_column, self.column)
        elif self.extent and local == "sst":  # calamine reserves room for this many strings
            declared = attrs.get("uniqueCount", "").strip().lstrip("+")
            if declared.isdigit():
                self.strings = max(self.strings, int(declared))

    def _place(self, reference: str) -> None:
        letters = reference.rstrip("0123456789")
        digits = reference[len(letters) :]
        column = _COLUMNS.get(letters) if letters else None
        if column is None and letters.isalpha() and letters.isascii():
            column = 0
            for letter in letters.upper():
                column = column * 26 + ord(letter) - 64
        self.column = column if column is not None else self.column + 1
        if digits:
            self.row = int(digits)

    @property
    def area(self) -> int:
        return self.last_row * self.last_column


_VALUE_ELEMENTS = frozenset({"v", "is"})
# Column letters → number for the first 702 columns (A … ZZ), which nearly every sheet stays within.
_COLUMNS = {
    letters: number
    for number, letters in enumerate(
        [*"ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
        + [a + b for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"],
        start=1,
    )
}


class _ScanParser(DefusedExpatParser):  # type: ignore[misc]  # defusedxml ships no type hints
    """defusedxml's expat reader (DTDs, entities and external references refused as they are
    declared) that makes no Python call per element, end tag or run of text, except ``start``
    (a counter's ``startElement``) for each start tag, with expat's name and attribute dict.

    The SAX layer wraps every start tag's attributes in an object and calls a handler for every
    tag and text run: for a worksheet of 10,000 rows, most of the check's time.
    """

    def __init__(self, start: Callable[[str, Any], None] | None) -> None:
        super().__init__(forbid_dtd=True, forbid_entities=True, forbid_external=True)
        self._start = start

    def reset(self) -> None:
        super().reset()  # a new expat parser, with defusedxml's refusals set on it
        parser = self._parser
        parser.StartElementHandler = self._start
        parser.EndElementHandler = None
        parser.CharacterDataHandler = None
        parser.ProcessingInstructionHandler = None


def _scan_xml_members(
    archive: zipfile.ZipFile,
    infos: list[zipfile.ZipInfo],
    file: str,
    kind: str,
    limits: Limits,
    deadline: float,
    clock: Callable[[], float],
) -> None:
    rows = cells = 0
    unpacked = 0
    for info in infos:
        if info.is_dir() or not info.filename.lower().endswith(_XML_SUFFIXES):
            continue
        counted = kind == XLSX and info.filename.startswith("xl/worksheets/")
        counted = counted or (kind == DOCX and info.filename == "word/document.xml")
        # A workbook's used area is bounded in every XML member: a worksheet is whatever member
        # its relationships name, not only one under xl/worksheets/ (elsewhere no "c" holds a "v").
        extent = kind == XLSX
        counter = _Counter(
            {"row"} if kind == XLSX else {"tr"}, {"c"} if kind == XLSX else {"tc"}, extent=extent
        )
        parser = _ScanParser(counter.startElement if counted or extent else None)
        parser.setContentHandler(counter if counted else ContentHandler())
        try:
            with archive.open(info) as member:
                while chunk := member.read(_CHUNK):
                    unpacked += len(chunk)
                    if unpacked > limits.max_unpacked_bytes:
                        raise UnsafeFile(
                            f"解压后大小超过上限 {limits.max_unpacked_bytes / _MIB:.0f} MB，疑似压缩炸弹",
                            file=file,
                            kind="bomb",
                        )
                    parser.feed(chunk)
                    if counted and rows + counter.rows > limits.max_rows:
                        raise UnsafeFile(
                            f"表格超过上限 {limits.max_rows} 行，请拆分后分批上传",
                            file=file,
                            kind="rows",
                            row=limits.max_rows + 1,
                        )
                    if counted and cells + counter.cells > limits.max_cells:
                        raise UnsafeFile(f"单元格超过 {limits.max_cells} 个的上限", file=file, kind="rows")
                    if counter.strings > limits.max_cells:
                        raise UnsafeFile(
                            f"共享字符串表声明了 {counter.strings} 个字符串，超过 {limits.max_cells} 个的上限",
                            file=file,
                            kind="rows",
                        )
                    if counter.area > limits.max_area:
                        raise UnsafeFile(
                            f"工作表范围过大（从 A1 到最后一个有内容的单元格超过 {limits.max_area} 个单元格），"
                            "请删除远离表格的内容后再上传",
                            file=file,
                            kind="rows",
                        )
                    if clock() > deadline:
                        raise UnsafeFile(
                            f"检查超时（超过 {limits.time_budget:.0f} 秒），已拒绝", file=file, kind="time"
                        )
                parser.close()
        except UnsafeFile:
            raise
        except (DTDForbidden, EntitiesForbidden):
            raise UnsafeFile(
                f"成员 {info.filename} 含有 XML 文档类型或实体声明（可能是实体膨胀攻击），已拒绝",
                file=file,
                kind="dtd",
            ) from None
        except ExternalReferenceForbidden:
            raise UnsafeFile(f"成员 {info.filename} 引用了外部实体，已拒绝", file=file, kind="dtd") from None
        except DefusedXmlException:
            raise UnsafeFile(
                f"成员 {info.filename} 含有不允许的 XML 结构，已拒绝", file=file, kind="dtd"
            ) from None
        except (SAXParseException, SAXException, LookupError):
            raise UnsafeFile(f"成员 {info.filename} 的 XML 已损坏", file=file, kind="corrupt") from None
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            ValueError,
            NotImplementedError,
            RuntimeError,
        ):
            raise UnsafeFile(
                f"文件已损坏或不完整（成员 {info.filename} 无法解压）", file=file, kind="corrupt"
            ) from None
        rows += counter.rows
        cells += counter.cells


# --- openers -------------------------------------------------------------------------------


def open_workbook(
    source: Source, *, name: str | None = None, limits: Limits | None = None, read_only: bool = True
) -> Any:
    """An openpyxl workbook (values only) after :func:`check`; close it when done."""
    import openpyxl

    file = _name_of(source, name)
    check(source, name=file, expect=XLSX, limits=limits)
    handle, release = _open(source)
    try:
        return openpyxl.load_workbook(handle, read_only=read_only, data_only=True)
    except UnsafeFile:
        raise
    except Exception:  # openpyxl raises many kinds (zip, XML, key, type) for a broken package
        release()
        raise UnsafeFile("文件已损坏，不是有效的 Excel 工作簿（.xlsx）", file=file, kind="corrupt") from None


def read_workbook(
    source: Source, *, name: str | None = None, limits: Limits | None = None
) -> list[tuple[str, list[list[Any]]]]:
    """Every worksheet of an ``.xlsx`` upload as (title, rows of values), in workbook order, after
    :func:`check`; for an importer that reads values only and writes nothing back.

    Parsed by calamine (``python-calamine``, a Rust reader), about ten times faster than openpyxl's
    read-only mode, which besides parses a whole sheet once more just to look for its dimension when
    the file has none. Everything :func:`check` refuses is refused before calamine sees a byte, and
    calamine's time is bounded by it: it parses the same XML that the check has just streamed through
    expat within the time budget, several times faster than that scan. Rows start at A1 (cell A1
    is ``rows[0][0]``) and are as openpyxl gives them with ``values_only``: None for an empty cell,
    an ``int`` for an integral number below 10**15 (openpyxl's int: Excel writes those without a
    decimal point or exponent), a ``datetime`` (midnight for a date) for a date cell; an error
    cell (``#N/A``) reads as empty, where openpyxl gives its code as text. Chart and macro sheets
    are left out, as openpyxl's ``worksheets`` leaves them out.
    """
    import python_calamine

    file = _name_of(source, name)
    check(source, name=file, expect=XLSX, limits=limits)
    handle, release = _open(source)
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(handle)
        worksheets = [
            (sheet.name, book.get_sheet_by_name(sheet.name).to_python(skip_empty_area=False))
            for sheet in book.sheets_metadata
            if sheet.typ == python_calamine.SheetTypeEnum.WorkSheet
        ]
        book.close()
    except BaseException as exc:  # a Rust panic is a BaseException (pyo3's PanicException)
        if not isinstance(exc, Exception) and type(exc).__name__ != "PanicException":
            raise  # KeyboardInterrupt, SystemExit
        raise UnsafeFile("文件已损坏，不是有效的 Excel 工作簿（.xlsx）", file=file, kind="corrupt") from None
    finally:
        release()
    return [(title, [_openpyxl_values(row) for row in rows]) for title, rows in worksheets]


_MIDNIGHT = datetime.time()
_EXACT_INT = 10**15  # below, an integral double is an exact integer Excel writes without exponent


def _openpyxl_values(row: list[Any]) -> list[Any]:
    """A calamine row with openpyxl's values: None for "", int for an integral float, datetime for a date."""
    values: list[Any] = []
    for value in row:
        kind = type(value)
        if kind is str:
            values.append(value or None)
        elif kind is float:
            values.append(int(value) if value.is_integer() and -_EXACT_INT < value < _EXACT_INT else value)
        elif kind is datetime.date:
            values.append(datetime.datetime.combine(value, _MIDNIGHT))
        else:
            values.append(value)
    return values


def open_document(source: Source, *, name: str | None = None, limits: Limits | None = None) -> Any:
    """A python-docx ``Document`` after :func:`check`."""
    import docx

    file = _name_of(source, name)
    check(source, name=file, expect=DOCX, limits=limits)
    handle, release = _open(source)
    try:
        return docx.Document(handle)
    except Exception:  # python-docx raises several kinds for a broken package
        raise UnsafeFile("文件已损坏，不是有效的 Word 文档（.docx）", file=file, kind="corrupt") from None
    finally:
        release()


def open_zip(source: Source, *, name: str | None = None, limits: Limits | None = None) -> zipfile.ZipFile:
    """A ``ZipFile`` whose members passed the count, size, ratio and path checks."""
    file = _name_of(source, name)
    check(source, name=file, expect={ZIP, XLSX, DOCX}, limits=limits)
    handle, _release = _open(source)
    return zipfile.ZipFile(handle)


ENCODINGS = ("utf-8-sig", "gb18030")


def read_text(source: Source, *, name: str | None = None, limits: Limits | None = None) -> str:
    """The text of a CSV or text upload (UTF-8 with or without BOM, UTF-16 with BOM, or GB18030)."""
    limits = limits or _defaults
    file = _name_of(source, name)
    check(source, name=file, expect={CSV, TEXT}, limits=limits)
    handle, release = _open(source)
    try:
        data = handle.read()
    finally:
        release()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnsafeFile("文本编码无法识别（支持 UTF-8、GB18030）", file=file, kind="encoding") from None
    else:
        if b"\x00" in data[:4096]:
            raise UnsafeFile("文件内容不是文本（可能是扩展名与内容不符的二进制文件）", file=file, kind="type")
        for encoding in ENCODINGS:
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:  # pragma: no cover - GB18030 decodes almost any byte string
            raise UnsafeFile("文本编码无法识别（支持 UTF-8、GB18030）", file=file, kind="encoding")
    lines = text.count("\n") + 1
    if lines > limits.max_rows:
        raise UnsafeFile(
            f"文件共 {lines} 行，超过 {limits.max_rows} 行的上限，请拆分后分批上传", file=file, kind="rows"
        )
    return text


def guarded(
    rows: Iterable[Any],
    *,
    file: str,
    limits: Limits | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[Any]:
    """``rows`` with the row limit and the time budget applied while a parser produces them."""
    limits = limits or _defaults
    deadline = clock() + limits.time_budget
    for count, row in enumerate(rows, start=1):
        if count > limits.max_rows:
            raise UnsafeFile(
                f"表格超过上限 {limits.max_rows} 行，请拆分后分批上传",
                file=file,
                kind="rows",
                row=limits.max_rows + 1,
            )
        if count % 256 == 0 and clock() > deadline:
            raise UnsafeFile(f"读取超时（超过 {limits.time_budget:.0f} 秒），已拒绝", file=file, kind="time")
        yield row
