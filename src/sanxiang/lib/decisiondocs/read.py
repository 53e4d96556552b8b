"""Reading the text of decision documents (文书): .docx, .pdf, legacy .doc, and .zip files of them.

Pure Python apart from Debian's ``antiword`` for legacy Word files (installed by ``make install``).
Every way a file can be refused ends in ``UnreadableDocument`` with a Chinese message naming the file;
the caller creates nothing for it. Archive and Office-file reading is kept in ``read_bytes`` and
``expand_archive`` so that one safe reader can take them over.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

DOCUMENT_SUFFIXES = (".doc", ".docx", ".pdf")
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
MAX_ARCHIVE_MEMBERS = 200
MAX_ARCHIVE_BYTES = 100 * 1024 * 1024
ANTIWORD_TIMEOUT_SECONDS = 30


class UnreadableDocument(Exception):
    """A document whose text cannot be read; ``str()`` is the Chinese message naming the file."""

    def __init__(self, filename: str, reason: str):
        self.filename = filename
        self.reason = reason
        super().__init__(f"文件“{filename}”无法读取：{reason}")


@dataclass(frozen=True)
class Upload:
    """One document file: its name (inside an archive: archive/member) and its bytes."""

    name: str
    data: bytes


def expand_archive(name: str, data: bytes) -> list[Upload]:
    """The documents of an upload: the file itself, or each .doc/.docx/.pdf member of a .zip
    (folders and other files skipped). Zip members' names written in GBK by Windows are decoded."""
    if not name.lower().endswith(".zip"):
        return [Upload(name, data)]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise UnreadableDocument(name, "不是有效的 ZIP 压缩包") from exc
    members = [m for m in archive.infolist() if not m.is_dir()]
    if len(members) > MAX_ARCHIVE_MEMBERS:
        raise UnreadableDocument(name, f"压缩包内文件超过 {MAX_ARCHIVE_MEMBERS} 个")
    if sum(m.file_size for m in members) > MAX_ARCHIVE_BYTES:
        raise UnreadableDocument(name, "压缩包解压后过大")
    uploads = []
    for member in members:
        member_name = member.filename
        if not member.flag_bits & 0x800:  # not flagged UTF-8: Windows wrote it in the local code page
            try:
                member_name = member.filename.encode("cp437").decode("gbk")
            except (UnicodeEncodeError, UnicodeDecodeError):
                pass
        base = PurePosixPath(member_name).name
        if base.startswith(".") or not base.lower().endswith(DOCUMENT_SUFFIXES):
            continue
        uploads.append(Upload(f"{name}/{base}", archive.read(member)))
    if not uploads:
        raise UnreadableDocument(name, "压缩包内没有 .doc、.docx 或 .pdf 文书")
    return uploads


def read_bytes(name: str, data: bytes) -> str:
    """The raw text of one document by its suffix (not yet cleaned)."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:
        raise UnreadableDocument(name, "只接受 .doc、.docx、.pdf 文书或其 .zip 压缩包")
    if not data:
        raise UnreadableDocument(name, "文件为空")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise UnreadableDocument(name, f"文件超过 {MAX_DOCUMENT_BYTES // 1024 // 1024} MB")
    if suffix == ".docx":
        return _read_docx(name, data)
    if suffix == ".pdf":
        return _read_pdf(name, data)
    return _read_doc(name, data)


def _read_docx(name: str, data: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UnreadableDocument(name, "不是有效的 Word（.docx）文件") from exc
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = []
                    for cell in row.iterchildren():
                        if cell.tag.endswith("}tc"):
                            cells.append("".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t")))
                    lines.append("\t".join(cells))
    return "\n".join(lines)


def _read_pdf(name: str, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableDocument(name, "PDF 已加密")
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableDocument:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise UnreadableDocument(name, "不是有效的 PDF 文件") from exc
    text = "\n".join(pages)
    if len(re.sub(r"\s", "", text)) < 20:
        raise UnreadableDocument(name, "PDF 中没有可提取的文字（可能是扫描图片），请上传文字版或 Word 文件")
    return text


def _read_doc(name: str, data: bytes) -> str:
    antiword = shutil.which("antiword")
    if antiword is None:
        raise UnreadableDocument(name, "服务器未安装 antiword，无法读取旧版 Word（.doc）文件")
    if not data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableDocument(name, "不是有效的旧版 Word（.doc）文件")
    with tempfile.NamedTemporaryFile(suffix=".doc") as handle:
        handle.write(data)
        handle.flush()
        try:
            done = subprocess.run(
                [antiword, "-w", "0", "-m", "UTF-8.txt", handle.name],
                capture_output=True,
                timeout=ANTIWORD_TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise UnreadableDocument(name, "读取超时") from exc
    text = done.stdout.decode("utf-8", errors="replace")
    if done.returncode != 0 or len(re.sub(r"\s", "", text)) < 20:
        raise UnreadableDocument(name, "旧版 Word（.doc）文件无法解析")
    return text
