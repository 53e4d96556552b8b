"""The approver's preview shows every field with its masks; masks drawn over a selection or a phrase."""

import re

import pytest
from django.test import Client

from sanxiang.audit.models import AuditEvent
from sanxiang.kernel.exceptions import PermissionDeniedError, ScopeViolation, ValidationFailed
from sanxiang.publicity import services
from sanxiang.publicity.models import EntryVersion

from .conftest import BODY, TODAY, penalty_data

FACTS = "少缴增值税，经办会计李秀英（电话13912345678）负责申报。"


def _client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def submitted(officer, org, penalty_item):
    entry = services.entry_create(
        actor=officer,
        item=penalty_item,
        authority=org.district_a,
        data=penalty_data(facts=FACTS, result="罚款5000元，并处滞纳金"),
        text=BODY,
        today=TODAY,
    )
    return services.entry_submit(actor=officer, entry=entry)


def _version(entry):
    return EntryVersion.objects.get(entry=entry, number=entry.current_version)


def test_it_publishes_free_text_fields_beside_a_given_body_masked(submitted):
    version = _version(submitted)
    fields = dict(version.masked_fields)
    assert fields["违法事实"].startswith("少缴增值税")
    assert "13912345678" not in fields["违法事实"]
    assert fields["处罚结果"] == "罚款5000元，并处滞纳金"
    assert version.field_masks["facts"]["manual"] is True
    assert version.field_masks["legal_representative"]["manual"] is False
    assert {s["kind"] for s in version.field_masks["facts"]["spans"]} >= {"phone"}


def test_it_keeps_free_text_fields_in_the_body_when_the_body_is_built_from_them(officer, org, penalty_item):
    entry = services.entry_create(
        actor=officer, item=penalty_item, authority=org.district_a, data=penalty_data(), today=TODAY
    )
    version = _version(entry)
    assert "违法事实" not in dict(version.masked_fields)
    assert "违法事实：少缴增值税。" in version.masked_text
    assert "facts" not in version.field_masks


def test_it_shows_every_field_with_its_masks_highlighted(approver, submitted):
    html = _client(approver).get(f"/staff/publicity/entries/{submitted.pk}/").content.decode()
    for label in ("当事人名称", "统一社会信用代码", "法定代表人", "违法事实", "处罚结果", "决定书文号"):
        assert f'<th scope="row">{label}</th>' in html
    facts_row = re.search(r'data-mask-field="facts">(.*?)</div>', html).group(1)
    assert re.search(r'<mark class="mask phone"[^>]*title="电话号码">\*{11}</mark>', facts_row)
    assert re.search(r'<mark class="mask third_party_name"[^>]*title="其他人员姓名">', facts_row)
    # The policy shows an organisation's representative in a penalty decision: no mark, no manual mask.
    assert '<div class="preview-text"><span data-start="0">王小明</span></div>' in html
    assert "13912345678" not in html and "13812345678" not in html
    assert 'src="/static/publicity/preview.js"' in html and "<script>" not in html


def test_it_does_not_offer_masking_to_the_drafter_nor_show_raw_data_elsewhere(officer, submitted):
    html = _client(officer).get(f"/staff/publicity/entries/{submitted.pk}/").content.decode()
    assert "data-mask-field" not in html and "selection-mask-form" not in html


def test_it_masks_a_selected_span_of_a_field(approver, submitted):
    response = _client(approver).post(
        f"/staff/publicity/entries/{submitted.pk}/mask/", {"field": "result", "start": "0", "end": "7"}
    )
    assert response.status_code == 302
    version = _version(submitted)
    assert dict(version.masked_fields)["处罚结果"] == "*******，并处滞纳金"
    assert version.manual_spans == [{"start": 0, "end": 7, "field": "result"}]
    event = AuditEvent.objects.filter(action="publicity.entry.mask_added").get()
    assert event.data["spans"] == [{"start": 0, "end": 7, "field": "result"}]
    html = _client(approver).get(f"/staff/publicity/entries/{submitted.pk}/").content.decode()
    assert '<mark class="mask manual" data-start="0" data-end="7" title="人工遮盖">*******</mark>' in html


def test_it_masks_a_selected_span_of_the_body(approver, submitted):
    start = BODY.index("少缴增值税")
    services.entry_add_mask(actor=approver, entry=submitted, field="", start=start, end=start + 5)
    version = _version(submitted)
    assert "少缴增值税" not in version.masked_text and "*****" in version.masked_text


def test_it_masks_a_typed_phrase_in_the_body_and_every_field(approver, submitted):
    services.entry_add_mask(actor=approver, entry=submitted, phrase="增值税")
    version = _version(submitted)
    assert "增值税" not in version.masked_text
    assert "增值税" not in dict(version.masked_fields)["违法事实"]
    assert {s.get("field", "") for s in version.manual_spans} == {"", "facts"}


@pytest.mark.parametrize(
    ("field", "start", "end"),
    [("legal_representative", 0, 1), ("id_number", 0, 2), ("nonexistent", 0, 1), ("result", 3, 99)],
)
def test_it_refuses_spans_over_structured_unknown_or_out_of_range_fields(
    approver, submitted, field, start, end
):
    with pytest.raises(ValidationFailed):
        services.entry_add_mask(actor=approver, entry=submitted, field=field, start=start, end=end)
    assert _version(submitted).manual_spans == []


def test_it_refuses_masks_from_the_drafter_and_another_district(officer, sibling_approver, submitted):
    with pytest.raises(PermissionDeniedError):
        services.entry_add_mask(actor=officer, entry=submitted, field="result", start=0, end=2)
    with pytest.raises(ScopeViolation):
        services.entry_add_mask(actor=sibling_approver, entry=submitted, field="result", start=0, end=2)
    response = _client(sibling_approver).post(
        f"/staff/publicity/entries/{submitted.pk}/mask/", {"field": "result", "start": "0", "end": "2"}
    )
    assert response.status_code == 404
    response = Client().post(
        f"/staff/publicity/entries/{submitted.pk}/mask/", {"field": "result", "start": "0", "end": "2"}
    )
    assert response.status_code == 302 and "/login" in response["Location"]
    assert _version(submitted).manual_spans == []


def test_it_publishes_the_manual_masks_of_fields(approver, submitted):
    services.entry_add_mask(actor=approver, entry=submitted, field="result", start=0, end=7)
    services.entry_approve(actor=approver, entry=submitted)
    from sanxiang.portal.models import PublicEntry

    public = PublicEntry.objects.get(source_key=submitted.source_key)
    assert ["处罚结果", "*******，并处滞纳金"] in [list(pair) for pair in public.fields]
    assert all("罚款5000元" not in str(value) for _label, value in public.fields)
