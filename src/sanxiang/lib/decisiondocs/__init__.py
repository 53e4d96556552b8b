"""Decision documents (文书) as publicity input: read, clean, recognise, extract (pure, no Django)."""

from .clean import clean_text
from .fields import DOCUMENT_TYPES, DecisionFields, DocumentType, FieldValue, detect_type, extract_fields
from .read import UnreadableDocument, Upload, expand_archive, read_bytes

__all__ = [
    "DOCUMENT_TYPES",
    "DecisionFields",
    "DocumentType",
    "FieldValue",
    "ParsedDocument",
    "UnreadableDocument",
    "Upload",
    "clean_text",
    "detect_type",
    "expand_archive",
    "extract_fields",
    "parse_document",
    "read_bytes",
]

from dataclasses import dataclass  # noqa: E402


@dataclass(frozen=True)
class ParsedDocument:
    """One document read and recognised: its cleaned text and its fields (spans in that text)."""

    name: str
    text: str
    fields: DecisionFields


def parse_document(name: str, data: bytes) -> ParsedDocument:
    """Read, clean and recognise one .doc/.docx/.pdf; ``UnreadableDocument`` names the file."""
    raw = read_bytes(name, data)
    text = clean_text(raw, reflow=name.lower().endswith(".pdf"))
    found = extract_fields(text)
    if found.doc_type is None:
        raise UnreadableDocument(
            name,
            "未识别出文书类型（行政处罚决定书、税务处理决定书、不予行政处罚决定书、税务事项通知书、送达公告）",
        )
    return ParsedDocument(name, text, found)
