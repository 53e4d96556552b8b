"""Decision documents (文书) as publicity input: one masked draft per document.

Each uploaded .doc/.docx/.pdf (or each such file in a .zip) is read and recognised by
``sanxiang.lib.decisiondocs``; its type routes it to its catalogue item (行政处罚决定书 →
行政处罚决定, 税务处理决定书 → 税务处理决定 …); its fields fill the item's fields and its cleaned
text becomes the draft's body, masked by the one masker like any other draft. The fields read and
their spans are kept (``DocumentSource``) so the approver sees each highlighted in the source text.

Every document stands alone: a file that cannot be read, is of a type with no item, or whose fields
do not pass the item's checks gets a Chinese error naming the file, and nothing is created for it; the
other files of the same upload are still drafted.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_log
from sanxiang.files.services import authority_in_scope
from sanxiang.kernel.exceptions import DomainError, PermissionDeniedError
from sanxiang.lib import decisiondocs
from sanxiang.lib.decisiondocs import ParsedDocument, UnreadableDocument
from sanxiang.lib.masking.idcodes import is_valid_uscc

from .models import DocumentSource, Entry, Item
from .services import can_draft, entry_create

if TYPE_CHECKING:
    from sanxiang.org.models import Authority, User

MAX_FILES = 200
SOURCE_SYSTEM = "document"
# Fields read from a document that are written into the item's fields (the rest are only shown).
ITEM_KEYS = (
    "party_name",
    "uscc",
    "legal_representative",
    "document_number",
    "event_date",
    "facts",
    "basis",
    "result",
    "penalty_amount",
    "tax_amount",
    "document_kind",
)
FIELD_LABELS = {
    "document_kind": "文书类型",
    "document_number": "文书号",
    "authority": "执法机关",
    "party_name": "当事人名称",
    "uscc": "统一社会信用代码（纳税人识别号）",
    "legal_representative": "法定代表人",
    "address": "地址",
    "facts": "违法事实",
    "result": "处理（处罚）决定",
    "basis": "法律依据",
    "penalty_amount": "罚款金额（元）",
    "tax_amount": "追缴税款（元）",
    "event_date": "决定日期",
}


@dataclass
class DocumentResult:
    file: str
    entry_id: int | None = None
    item_label: str = ""
    document_type: str = ""
    document_number: str = ""
    error: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass
class DocumentImportReport:
    results: list[DocumentResult] = field(default_factory=list)

    @property
    def created(self) -> list[int]:
        return [r.entry_id for r in self.results if r.entry_id is not None]

    @property
    def errors(self) -> list[DocumentResult]:
        return [r for r in self.results if r.error]

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON (a background job's result); the page reads it as it reads the report."""
        results = [asdict(r) for r in self.results]
        return {
            "results": results,
            "created": self.created,
            "errors": [r for r in results if r["error"]],
        }


def item_data(parsed: ParsedDocument) -> tuple[dict[str, Any], list[str]]:
    """The item's raw values from a parsed document, and notes on what was left out."""
    found = parsed.fields
    data: dict[str, Any] = {}
    notes: list[str] = []
    for key in ITEM_KEYS:
        value = found.value(key)
        if value:
            data[key] = value
    code = data.get("uscc", "")
    if code and not is_valid_uscc(code):
        # A natural person's taxpayer number (their ID number, masked by the bureau or not) is not a
        # credit code: it stays in the text, where the masker treats it as an ID number.
        del data["uscc"]
        notes.append(_("纳税人识别号“%(code)s”不是统一社会信用代码，未填入该字段。") % {"code": code})
    if not data.get("document_number"):
        notes.append(_("未识别出文书号。"))
    return data, notes


def _fields_json(parsed: ParsedDocument) -> dict[str, Any]:
    return {
        key: {"value": value.value, "marks": [list(mark) for mark in value.marks]}
        for key, value in parsed.fields.fields.items()
    }


def _route(parsed: ParsedDocument) -> Item:
    doc_type = parsed.fields.doc_type
    code = doc_type.item_code if doc_type else None
    item = Item.objects.filter(code=code, is_active=True).first() if code else None
    if item is None:
        title = doc_type.title if doc_type else ""
        raise UnreadableDocument(
            parsed.name, _("%(title)s 没有对应的公示事项，请手工起草。") % {"title": title}
        )
    return item


def _error_text(exc: DomainError) -> str:
    fields = (getattr(exc, "extra", None) or {}).get("fields") or {}
    if fields:
        parts = [f"{FIELD_LABELS.get(key, key)}：{'；'.join(messages)}" for key, messages in fields.items()]
        return "；".join(parts)
    return str(exc)


def documents_import(
    *,
    actor: User,
    authority: Authority,
    uploads: list[tuple[str, bytes]],
    today: datetime.date | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> DocumentImportReport:
    """Draft one entry per document in ``uploads`` ((file name, bytes) each; .zip files expanded).

    Each document is read, recognised and drafted in its own transaction; ``progress(done, total,
    stage)`` is called between documents, outside any transaction (``sanxiang.jobs``)."""
    if not authority_in_scope(actor, authority):
        raise PermissionDeniedError(_("目标机关不在您的数据权限范围内。"))
    today = today or timezone.localdate()
    report = DocumentImportReport()
    documents: list[decisiondocs.Upload] = []
    for name, data in uploads:
        try:
            documents.extend(decisiondocs.expand_archive(name, data))
        except UnreadableDocument as exc:
            report.results.append(DocumentResult(file=name, error=str(exc)))
    if len(documents) > MAX_FILES:
        raise PermissionDeniedError(_("一次最多上传 %(n)d 份文书。") % {"n": MAX_FILES})
    for done, upload in enumerate(documents):
        if progress is not None:
            progress(done, len(documents), _("识别文书并起草"))
        report.results.append(_import_one(actor=actor, authority=authority, upload=upload, today=today))
    return report


def _import_one(
    *, actor: User, authority: Authority, upload: decisiondocs.Upload, today: datetime.date
) -> DocumentResult:
    result = DocumentResult(file=upload.name)
    try:
        parsed = decisiondocs.parse_document(upload.name, upload.data)
        item = _route(parsed)
    except UnreadableDocument as exc:
        result.error = str(exc)
        return result
    doc_type = parsed.fields.doc_type
    result.document_type = doc_type.title if doc_type else ""
    result.item_label = item.label
    result.document_number = parsed.fields.value("document_number") or ""
    if not can_draft(actor, item):
        result.error = _("文件“%(file)s”：您没有起草“%(item)s”公示信息的权限。") % {
            "file": upload.name,
            "item": item.label,
        }
        return result
    data, result.notes = item_data(parsed)
    extracted_authority = parsed.fields.value("authority") or ""
    if extracted_authority and extracted_authority != authority.name:
        result.notes.append(
            _("文书的作出机关为“%(doc)s”，已按所选机关“%(chosen)s”起草。")
            % {"doc": extracted_authority, "chosen": authority.name}
        )
    digest = hashlib.sha256(upload.data).hexdigest()
    try:
        with transaction.atomic():
            entry = entry_create(
                actor=actor,
                item=item,
                authority=authority,
                data=data,
                text=parsed.text,
                source_system=SOURCE_SYSTEM,
                source_id=digest[:32],
                today=today,
            )
            DocumentSource.objects.create(
                entry=entry,
                file_name=upload.name[:300],
                digest=digest,
                document_type=result.document_type,
                fields=_fields_json(parsed),
            )
            audit_log(
                actor=actor,
                action="publicity.entry.document_imported",
                target=entry,
                after={"file": upload.name, "document_type": result.document_type, "digest": digest},
            )
    except DomainError as exc:
        result.error = _("文件“%(file)s”：%(message)s") % {"file": upload.name, "message": _error_text(exc)}
        return result
    result.entry_id = entry.pk
    return result


def source_segments(entry: Entry) -> tuple[list[dict[str, Any]], list[dict[str, Any]]] | None:
    """For the approver: (fields read, segments of the source text with each field's spans marked).

    The text is the entry's first version's body (the document's cleaned text), unmasked: the
    approver sees what was read from where. None when the entry was not drafted from a document.
    """
    source = DocumentSource.objects.filter(entry=entry).first()
    if source is None:
        return None
    first = entry.versions.order_by("number").first()
    text = first.text if first else ""
    marks: list[tuple[int, int, str]] = []
    fields = []
    for key, found in source.fields.items():
        fields.append({"key": key, "label": FIELD_LABELS.get(key, key), "value": found["value"]})
        for start, end in found["marks"]:
            if 0 <= start < end <= len(text):
                marks.append((start, end, key))
    # Cut the text at every mark's ends; each piece names the fields over it, innermost first (a law
    # cited inside the decision is marked as legal basis within the decision).
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    segments: list[dict[str, Any]] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        over = sorted((m for m in marks if m[0] <= start and end <= m[1]), key=lambda m: m[1] - m[0])
        keys = [m[2] for m in over]
        segments.append(
            {
                "text": text[start:end],
                "field": keys[0] if keys else "",
                "block": [k for k in keys if k in ("facts", "result")][:1],
                "label": "、".join(FIELD_LABELS.get(k, k) for k in keys),
            }
        )
    return fields, segments
