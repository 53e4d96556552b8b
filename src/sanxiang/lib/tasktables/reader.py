"""``parse_file``: open a task table as it really arrives and return its measures.

Formats: Word ``.docx`` (tables with merged cells, or numbered paragraphs), Excel ``.xlsx``,
and text exported from either (UTF-8 with or without BOM, or GB18030). ``.doc``, ``.xls``,
WPS ``.wps``/``.et`` and PDF are converted with LibreOffice headless where it is installed and
refused with "请另存为 .docx/.xlsx" where it is not. Broken files (empty, password-protected,
zip bombs, too large, too many rows) raise :class:`TaskTableError` before any parsing.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from sanxiang.lib import safefiles

from .chinese import Restorer, to_simplified
from .common import detect_plan_year, detect_title
from .errors import TaskTableError
from .limits import Limits
from .model import Measure, ParseResult
from .pipes import pipe_tables
from .plans import measures_from_paragraphs
from .tables import Cell, Table, find_header, measures_from_table, tables_from_text
from .units import FIRST_IS_LEAD, apply_first_is_lead

__all__ = ["Limits", "parse_file", "parse_text", "Converter"]

# Converts a legacy file to the given extension ("docx"/"xlsx") and returns the new path.
Converter = Callable[[Path, str, Path], Path]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_LEGACY = {".doc": "docx", ".wps": "docx", ".pdf": "docx", ".xls": "xlsx", ".et": "xlsx"}
_TEXT_SUFFIXES = {".txt", ".csv", ".tsv", ".text", ""}
_SAVE_AS = "请另存为 .docx/.xlsx 后再导入"


def parse_file(
    path: str | Path,
    *,
    plan_year: int | None = None,
    limits: Limits | None = None,
    converter: Converter | None = None,
) -> ParseResult:
    """Parse one file into measures.

    ``plan_year`` overrides the year found in the title or date ("年底前" needs it).
    ``converter`` replaces the LibreOffice call (tests, or a conversion service).
    """
    path = Path(path)
    limits = limits or Limits()
    name = path.name
    try:
        size = path.stat().st_size
    except OSError:
        raise TaskTableError("文件不存在或无法读取", file=name) from None
    if size == 0:
        raise TaskTableError("文件为空", file=name)
    if size > limits.max_file_bytes:
        raise TaskTableError(
            f"文件大小 {size / 1048576:.1f} MB，超过上限 {limits.max_file_bytes / 1048576:.0f} MB", file=name
        )
    with path.open("rb") as handle:
        head = handle.read(8)
    suffix = path.suffix.lower()

    if head.startswith(_OLE_MAGIC):
        data = path.read_bytes()
        if _ENCRYPTED_STREAM in data:
            raise TaskTableError("文件设置了密码（已加密），请去掉密码后另存为 .docx/.xlsx 再导入", file=name)
        return _convert_and_parse(
            path,
            _LEGACY.get(suffix, "xlsx" if suffix in {".xls", ".et"} else "docx"),
            plan_year,
            limits,
            converter,
        )
    if head.startswith(b"%PDF") or suffix in _LEGACY:
        return _convert_and_parse(path, _LEGACY.get(suffix, "docx"), plan_year, limits, converter)
    if head.startswith(_ZIP_MAGIC):
        return _parse_zip(path, name, plan_year, limits)
    if suffix in {".docx", ".xlsx"}:
        raise TaskTableError("文件已损坏：不是有效的 Word/Excel 文件", file=name)
    data = path.read_bytes()
    return parse_text(_decode(data, name), plan_year=plan_year, limits=limits, file=name)


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise TaskTableError("无法识别的文件格式，" + _SAVE_AS, file=name)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TaskTableError("文本编码无法识别（支持 UTF-8 和 GB18030）", file=name)


def _convert_and_parse(
    path: Path, target: str, plan_year: int | None, limits: Limits, converter: Converter | None
) -> ParseResult:
    name = path.name
    with tempfile.TemporaryDirectory(prefix="tasktables-") as tmp:
        outdir = Path(tmp)
        if converter is None:
            soffice = shutil.which("soffice") or shutil.which("libreoffice")
            if soffice is None:
                raise TaskTableError(
                    f"无法读取 {path.suffix or '此'} 格式（服务器未安装 LibreOffice），{_SAVE_AS}", file=name
                )
            converted = _libreoffice(soffice, path, target, outdir, limits)
        else:
            converted = converter(path, target, outdir)
        if not converted.exists() or converted.stat().st_size == 0:
            raise TaskTableError(f"格式转换失败，{_SAVE_AS}", file=name)
        result = parse_file(converted, plan_year=plan_year, limits=limits, converter=converter)
    return result


def _libreoffice(soffice: str, path: Path, target: str, outdir: Path, limits: Limits) -> Path:
    args = [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{outdir}/profile"]
    if path.suffix.lower() == ".pdf":
        args.append("--infilter=writer_pdf_import")
    args += ["--convert-to", target, "--outdir", str(outdir), str(path)]
    try:
        subprocess.run(args, check=True, capture_output=True, timeout=limits.convert_timeout_seconds)
    except (subprocess.SubprocessError, OSError):
        raise TaskTableError(f"格式转换失败，{_SAVE_AS}", file=path.name) from None
    return outdir / f"{path.stem}.{target}"


def _parse_zip(path: Path, name: str, plan_year: int | None, limits: Limits) -> ParseResult:
    # The one safe reader checks members, sizes, ratio, XML (no DTD) and rows before any parser.
    try:
        kind = safefiles.check(path, name=name, expect={"docx", "xlsx", "zip"}, limits=limits.safe())
    except safefiles.UnsafeFile as exc:
        raise TaskTableError(exc.reason, file=name, row=exc.row) from None
    if kind == "docx":
        from .office import read_docx

        paragraphs, tables = read_docx(path, name, limits)
        return _from_parts(paragraphs, tables, plan_year, name)
    if kind == "xlsx":
        from .office import read_xlsx

        paragraphs, tables = read_xlsx(path, name, limits)
        return _from_parts(paragraphs, tables, plan_year, name)
    raise TaskTableError("压缩包中不是 Word(.docx) 或 Excel(.xlsx) 文档，" + _SAVE_AS, file=name)


def parse_text(
    text: str, *, plan_year: int | None = None, limits: Limits | None = None, file: str | None = None
) -> ParseResult:
    """Parse text exported from a Word table or a plan; see :func:`parse_file`."""
    limits = limits or Limits()
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    if not text.strip():
        raise TaskTableError("文件没有内容", file=file)
    if len(lines) > limits.max_rows * 20:
        raise TaskTableError(
            f"文件超过 {limits.max_rows * 20} 行，超过上限", file=file, row=limits.max_rows * 20 + 1
        )
    layout = "tab_table"
    preamble, tables = tables_from_text(text) if "\t" in text else ([], [])
    if not tables and "|" in text:
        preamble, tables = pipe_tables(lines)
        layout = "pipe_table"
    rows = sum(len(table.rows) for table in tables)
    if rows > limits.max_rows:
        raise TaskTableError(f"表格超过 {limits.max_rows} 行，超过上限", file=file, row=limits.max_rows + 1)
    paragraphs = preamble if tables else lines
    return _from_parts(paragraphs, tables, plan_year, file, table_layout=layout)


def _from_parts(
    paragraphs: list[str],
    tables: list[Table],
    plan_year: int | None,
    file: str | None,
    *,
    table_layout: str = "table",
) -> ParseResult:
    # Traditional characters are read as simplified; what is returned is given back as written.
    originals = [*paragraphs, *(c.text for t in tables for row in [t.header, *t.rows] for c in row)]
    restore = Restorer(originals)
    if restore.changed:
        paragraphs = [to_simplified(p) for p in paragraphs]
        for table in tables:
            for cell in [c for row in [table.header, *table.rows] for c in row]:
                cell.text = to_simplified(cell.text)
    title = detect_title(paragraphs)
    year = plan_year if plan_year is not None else detect_plan_year(paragraphs, title)
    result = ParseResult(title=title, plan_year=year)
    for table in tables:
        measures, warnings, notes = measures_from_table(table, plan_year=year)
        result.measures.extend(measures)
        result.warnings.extend(warnings)
        result.notes.extend(notes)
    if result.measures:
        result.layouts.append(table_layout)
        result.layouts.extend(
            code for table in tables for code in table.layouts if code not in result.layouts
        )
    if not result.measures:
        measures, warnings, notes = measures_from_paragraphs(
            paragraphs, plan_year=year, layouts=result.layouts
        )
        result.measures.extend(measures)
        result.warnings.extend(warnings)
        result.notes.extend(notes)
    stated = [line for line in [*paragraphs, *result.notes] if FIRST_IS_LEAD.search(line)]
    if stated and result.measures and "first_is_lead" not in result.layouts:
        # "各项任务中列第一位的为牵头单位": said once for the whole table or plan.
        result.layouts.append("first_is_lead")
        for measure in result.measures:
            apply_first_is_lead(measure.roles)
    if restore.changed:
        result.layouts.append("traditional")
        if result.title:
            result.title = restore(result.title)
        for measure in result.measures:
            _restore_measure(measure, restore)
    if not result.measures:
        result.errors.append(_no_measures_reason(paragraphs, tables))
    if year is None and any(_needs_year(m) for m in result.measures):
        result.warnings.append("部分完成时限没有写明年份，且无法从标题或日期推断计划年度，请指定年度")
    return result


def _restore_measure(measure: Measure, restore: Restorer) -> None:
    measure.task = restore(measure.task)
    measure.category = " / ".join(restore(part) for part in measure.category.split(" / "))
    measure.deadline_text = restore(measure.deadline_text)
    for roles in [measure.roles, *(part.roles for part in measure.parts)]:
        roles.lead[:] = [restore(name) for name in roles.lead]
        roles.responsible[:] = [restore(name) for name in roles.responsible]
        roles.cooperating[:] = [restore(name) for name in roles.cooperating]
    for part in measure.parts:
        part.text = restore(part.text)


def _needs_year(measure: Measure) -> bool:
    return any("未写明年份" in doubt for doubt in measure.doubts) or (
        measure.schedule is not None and "未写明年份" in str(measure.schedule)
    )


def _no_measures_reason(paragraphs: list[str], tables: list[Table]) -> str:
    if tables:
        return "表格中没有可导入的任务：找到了表头，但没有填写工作措施的行"
    if any(find_header([[Cell(p)]]) is not None for p in paragraphs):
        return "未能识别表格结构：请确认表格的序号、任务、责任部门和完成时限各占一列"
    return "未找到任务：文件中既没有任务分解表格，也没有写明责任单位的编号任务（可能是一篇文章或总结）"
