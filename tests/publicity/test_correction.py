"""Correcting a published entry keeps everything it published (issue 9, point 1): the form starts
from the current version with every field and the body text, a correction that empties a published
field or the body is refused with a message naming it, and the saved correction is confirmed."""

import pytest
from django.test import Client

from sanxiang.kernel.exceptions import ValidationFailed
from sanxiang.publicity import rules, services
from sanxiang.publicity.models import EntryStatus

from .conftest import BODY, TODAY, penalty_data


def _published(officer, approver, org, item):
    entry = services.entry_create(
        actor=officer, item=item, authority=org.district_a, data=penalty_data(), text=BODY, today=TODAY
    )
    services.entry_submit(actor=officer, entry=entry)
    return services.entry_approve(actor=approver, entry=entry)


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_blanked_fields_names_what_a_correction_would_empty():
    before = {"party_name": "甲公司", "facts": "少缴税款", "note": "", "amount": None}
    after = {"party_name": "甲公司", "facts": " ", "note": "", "amount": None}
    assert rules.blanked_fields(before, after) == ["facts"]
    assert rules.blanked_fields(before, {**after, "facts": "补缴"}) == []


def test_the_correction_form_starts_from_every_field_and_the_body(officer, approver, org, penalty_item):
    entry = _published(officer, approver, org, penalty_item)
    page = _client(officer).get(f"/staff/publicity/entries/{entry.pk}/correct/").content.decode()
    textarea = page.split('name="text"')[1].split("</textarea>")[0]
    assert "经查，当事人法定代表人王小明" in textarea
    assert 'value="宝金税稽罚〔2026〕1号"' in page and "罚款5000元" in page


def test_saving_the_prefilled_form_keeps_the_body_and_says_what_happened(
    officer, approver, org, penalty_item
):
    entry = _published(officer, approver, org, penalty_item)
    client = _client(officer)
    data = {
        **penalty_data(result="罚款3000元"),
        "authority": org.district_a.pk,
        "text": BODY,
        "reason": "罚款金额有误",
    }
    response = client.post(f"/staff/publicity/entries/{entry.pk}/correct/", data, follow=True)
    entry.refresh_from_db()
    assert entry.status == EntryStatus.CORRECTING and entry.current_version == 2
    assert services.current_version(entry).text == BODY
    assert (
        "已生成更正版本（第2版），已提交审核；审核通过前，公示页面仍显示第1版。" in response.content.decode()
    )


def test_a_correction_that_empties_the_body_or_a_field_is_refused(officer, approver, org, penalty_item):
    entry = _published(officer, approver, org, penalty_item)
    with pytest.raises(ValidationFailed) as refused:
        services.entry_correct(actor=officer, entry=entry, data=penalty_data(), text="", reason="改")
    assert "正文" in str(refused.value.message)
    with pytest.raises(ValidationFailed) as refused:
        services.entry_correct(
            actor=officer, entry=entry, data=penalty_data(facts=""), text=BODY, reason="改"
        )
    assert "违法事实" in str(refused.value.message) or "facts" in str(refused.value.extra)
    entry.refresh_from_db()
    assert entry.status == EntryStatus.PUBLISHED and entry.current_version == 1


def test_the_page_shows_the_refusal_on_the_body_field(officer, approver, org, penalty_item):
    entry = _published(officer, approver, org, penalty_item)
    data = {**penalty_data(), "authority": org.district_a.pk, "text": "", "reason": "改"}
    response = _client(officer).post(f"/staff/publicity/entries/{entry.pk}/correct/", data)
    assert response.status_code == 200
    assert "更正不能清空已公示的正文" in response.content.decode()
    entry.refresh_from_db()
    assert entry.current_version == 1


def test_a_withdrawn_entry_no_longer_offers_its_public_page(officer, approver, org, penalty_item):
    entry = _published(officer, approver, org, penalty_item)
    page = _client(approver).get(f"/staff/publicity/entries/{entry.pk}/").content.decode()
    assert "查看公示页面" in page
    services.entry_withdraw(actor=approver, entry=entry, reason="原处罚决定已被依法撤销")
    page = _client(approver).get(f"/staff/publicity/entries/{entry.pk}/").content.decode()
    assert "查看公示页面" not in page and "已从门户撤下" in page
