"""A corpus of hostile uploads, generated (nothing binary is committed).

Each builder returns the bytes of one file; ``corpus(ext)`` gives every hostile file with the
extension an endpoint expects (``.xlsx``, ``.docx`` or ``.csv``), so "wrong type behind the right
extension" is literally that.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from openpyxl import Workbook

LOL = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    + "]>\n"
)
XXE = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'


def workbook(rows: list[list[object]] | None = None) -> bytes:
    wb = Workbook()
    ws = wb.active
    for row in rows or [["决定书文号", "行政相对人名称"], ["宝税罚〔2026〕1号", "某某公司"]]:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def document() -> bytes:
    import docx

    doc = docx.Document()
    doc.add_paragraph("关于落实工作任务的通知")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _rewrite(package: bytes, member: str, body: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = body if info.filename == member else source.read(info.filename)
            target.writestr(info.filename, data)
    return out.getvalue()


def _main_member(ext: str) -> str:
    return "word/document.xml" if ext == ".docx" else "xl/worksheets/sheet1.xml"


def _base(ext: str) -> bytes:
    return document() if ext == ".docx" else workbook()


def zip_bomb(ext: str) -> bytes:
    """A 20 MB member of one repeated byte: packs to ~20 KB (ratio ~1000)."""
    member = _main_member(ext)
    body = b'<?xml version="1.0"?><worksheet>' + b" " * (20 * 1024 * 1024) + b"</worksheet>"
    return _rewrite(_base(ext), member, body)


def many_members(ext: str) -> bytes:
    out = io.BytesIO(_base(ext))
    with zipfile.ZipFile(out, "a") as target:
        for i in range(6000):
            target.writestr(f"customXml/item{i}.bin", b"")
    return out.getvalue()


def billion_laughs(ext: str) -> bytes:
    member = _main_member(ext)
    return _rewrite(_base(ext), member, (LOL + "<worksheet>&lol9;</worksheet>").encode())


def external_entity(ext: str) -> bytes:
    member = _main_member(ext)
    return _rewrite(_base(ext), member, (XXE + "<worksheet>&xxe;</worksheet>").encode())


def truncated(ext: str) -> bytes:
    data = _base(ext)
    return data[: len(data) // 2]


def wrong_type(ext: str) -> bytes:
    """A PDF header and body behind the expected extension (for .csv: an Excel workbook)."""
    if ext == ".csv":
        return workbook()
    if ext == ".docx":
        return workbook()  # an Excel package named .docx
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def empty(ext: str) -> bytes:
    if ext == ".csv":
        return "\ufeff".encode()
    if ext == ".docx":
        import docx

        buffer = io.BytesIO()
        docx.Document().save(buffer)
        return buffer.getvalue()
    wb = Workbook()
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def zero_bytes(ext: str) -> bytes:
    return b""


def huge_rows(ext: str) -> bytes:
    """250,001 rows (over every importer's limit and the reader's 200,000)."""
    count = 250_001
    if ext == ".csv":
        return ("决定书文号,行政相对人名称\n" + "".join(f"R{i},x\n" for i in range(count))).encode()
    if ext == ".docx":
        rows = "".join(
            f"<w:tr><w:tc><w:p><w:r><w:t>{i}</w:t></w:r></w:p></w:tc></w:tr>" for i in range(count)
        )
        body = (
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            f'wordprocessingml/2006/main"><w:body><w:tbl>{rows}</w:tbl></w:body></w:document>'
        )
        return _rewrite(document(), "word/document.xml", body.encode())
    rows = "".join(
        f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>{i}</t></is></c></row>' for i in range(1, count)
    )
    body = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>'
    )
    return _rewrite(workbook(), "xl/worksheets/sheet1.xml", body.encode())


HOSTILE: dict[str, Callable[[str], bytes]] = {
    "zip_bomb": zip_bomb,
    "many_members": many_members,
    "billion_laughs": billion_laughs,
    "external_entity": external_entity,
    "truncated": truncated,
    "wrong_type": wrong_type,
    "empty": empty,
    "zero_bytes": zero_bytes,
    "huge_rows": huge_rows,
}
# Zip-level attacks make no sense for a CSV file: there it is the text checks that apply.
CSV_CASES = ("wrong_type", "empty", "zero_bytes", "huge_rows")

_cache: dict[tuple[str, str], bytes] = {}


def build(case: str, ext: str) -> bytes:
    key = (case, ext)
    if key not in _cache:
        _cache[key] = HOSTILE[case](ext)
    return _cache[key]
