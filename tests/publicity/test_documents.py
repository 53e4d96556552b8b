"""Decision documents as input: each real file becomes a masked draft under its item, or a clear error."""

import datetime
import io
import json
import zipfile

import pytest

from sanxiang.publicity import documents
from sanxiang.publicity.models import DocumentSource, Entry
from sanxiang.publicity.services import current_version
from tests.shared import REAL_DECISIONS

ATTACHMENTS = REAL_DECISIONS / "attachments"
TODAY = datetime.date(2026, 12, 6)


def _upload(*names):
    return [(name, (ATTACHMENTS / name).read_bytes()) for name in names]


def test_every_real_file_becomes_a_draft_or_a_clear_error(officer, org):
    names = sorted(p.name for p in ATTACHMENTS.iterdir())
    report = documents.documents_import(
        actor=officer, authority=org.district_a, uploads=_upload(*names), today=TODAY
    )
    by_file = {r.file: r for r in report.results}
    assert len(by_file) == 20
    errors = {r.file for r in report.errors}
    # The two scanned PDFs have no text; every other file is drafted.
    assert errors == {"ae008038812b2e8bf38c.pdf", "d7a220a4cbb0fe838526.pdf"}
    for name in errors:
        assert name in by_file[name].error and "扫描" in by_file[name].error
    assert len(report.created) == 18
    entries = {e.source_id: e for e in Entry.objects.filter(pk__in=report.created)}
    assert len(entries) == 18
    penalty = by_file["5fa3c64462e529c1942f.doc"]
    assert (penalty.item_label, penalty.document_type) == ("行政处罚决定", "税务行政处罚决定书")
    entry = Entry.objects.get(pk=penalty.entry_id)
    version = current_version(entry)
    assert entry.item.code == "penalty_decision"
    assert entry.party_name == "广西松柏建筑装饰设计有限公司"
    assert entry.document_number == "南市税三稽罚〔2026〕9号"
    assert entry.event_date == datetime.date(2026, 7, 16)
    assert entry.subject_type == "organisation"
    assert version.data["uscc"] == "91450108MA5P1DL467"
    assert version.data["penalty_amount"] == "60000.00"
    assert version.data["document_kind"] == "税务行政处罚决定书"
    assert "《中华人民共和国发票管理办法》" in version.data["basis"]
    assert version.text.startswith("国家税务总局南宁市税务局第三稽查局\n税务行政处罚决定书")
    # masked under the category's policy: an organisation's legal representative is published
    # (RULES.md §1.5), codes and amounts are kept
    assert "法定代表人李振武" in version.masked_text
    assert "91450108MA5P1DL467" in version.masked_text and "60000元" in version.masked_text
    handling = Entry.objects.get(pk=by_file["b015b1152c99f461b89e.pdf"].entry_id)
    assert handling.item.code == "handling_decision"
    assert handling.subject_type == "natural_person"
    assert handling.party_name == "廖礼平"
    hv = current_version(handling)
    assert not hv.data["uscc"]  # a masked personal taxpayer number is not a credit code
    assert hv.data["tax_amount"] == "14997500.00"
    for name in ("马国平", "苏玉强", "杨文兵"):
        assert name in hv.text and name not in hv.masked_text
    source = DocumentSource.objects.get(entry=handling)
    assert source.document_type == "税务处理决定书"
    start, end = source.fields["document_number"]["marks"][0]
    assert hv.text[start:end] == "鄂税二稽处〔2023〕29号"


def test_a_second_upload_of_the_same_document_is_refused_by_its_number(officer, org):
    first = documents.documents_import(
        actor=officer, authority=org.district_a, uploads=_upload("7b446ef1ecff49132d35.docx"), today=TODAY
    )
    assert first.created
    again = documents.documents_import(
        actor=officer, authority=org.district_a, uploads=_upload("7b446ef1ecff49132d35.docx"), today=TODAY
    )
    assert not again.created
    assert "7b446ef1ecff49132d35.docx" in again.results[0].error and "文书号" in again.results[0].error


def test_a_zip_is_expanded_and_a_broken_member_names_the_archive_and_file(officer, org):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.write(ATTACHMENTS / "ee5fc3cec3c5060202d9.doc", "ee5fc3cec3c5060202d9.doc")
        archive.writestr("broken.pdf", b"%PDF-1.4 nothing")
    report = documents.documents_import(
        actor=officer, authority=org.district_a, uploads=[("batch.zip", buffer.getvalue())], today=TODAY
    )
    assert len(report.created) == 1
    [error] = report.errors
    assert error.file == "batch.zip/broken.pdf" and "batch.zip/broken.pdf" in error.error
    assert Entry.objects.count() == 1


def test_the_approver_preview_marks_each_field_in_the_source_text(officer, org):
    report = documents.documents_import(
        actor=officer, authority=org.district_a, uploads=_upload("906deae7e5864ff1aa6e.doc"), today=TODAY
    )
    entry = Entry.objects.get(pk=report.created[0])
    fields, segments = documents.source_segments(entry)
    assert {f["key"] for f in fields} >= {
        "document_number",
        "party_name",
        "address",
        "event_date",
        "penalty_amount",
    }
    marked = {s["field"]: s["text"] for s in segments if s["field"]}
    assert marked["document_number"] == "温税三稽罚〔2026〕65号"
    assert marked["party_name"] == "温作潘"
    assert marked["address"] == "平阳县鳌江镇"
    assert "".join(s["text"] for s in segments) == current_version(entry).text
    json.dumps(fields)


def test_an_officer_outside_the_authority_gets_nothing(officer, org):
    from sanxiang.kernel.exceptions import PermissionDeniedError

    with pytest.raises(PermissionDeniedError):
        documents.documents_import(
            actor=officer, authority=org.district_b, uploads=_upload("906deae7e5864ff1aa6e.doc"), today=TODAY
        )
