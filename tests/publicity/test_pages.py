"""What a clerk sees: choice labels, overdue marks, pages offered only to those who may use them."""

import pytest
from django.test import Client
from django.utils import timezone

from sanxiang.publicity import services
from sanxiang.publicity.models import EntryVersion, MaskPolicy

from .conftest import BODY, TODAY, penalty_data


def _client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def entry(officer, org, penalty_item):
    return services.entry_create(
        actor=officer,
        item=penalty_item,
        authority=org.district_a,
        data=penalty_data(),
        text=BODY,
        today=TODAY,
    )


def test_it_publishes_a_choice_by_its_label(entry):
    version = EntryVersion.objects.get(entry=entry)
    assert dict(version.masked_fields)["失信程度"] == "一般"


def test_it_marks_entries_past_their_publication_date(officer, entry, time_machine):
    time_machine.move_to("2026-06-01 10:00+08:00")  # the entry was due 7 working days after 2026-02-10
    html = _client(officer).get("/staff/publicity/").content.decode()
    assert "已超期" in html and "宝金税稽罚〔2026〕1号" in html and "宝鸡市金台区顺达商贸有限公司" in html
    detail = _client(officer).get(f"/staff/publicity/entries/{entry.pk}/").content.decode()
    assert "已超期" in detail


def test_it_offers_drafting_pages_only_to_drafters(approver, officer, sibling_bureau_officer, entry):
    assert _client(approver).get(f"/staff/publicity/entries/{entry.pk}/edit/").status_code == 403
    assert _client(officer).get(f"/staff/publicity/entries/{entry.pk}/edit/").status_code == 200
    assert (
        _client(sibling_bureau_officer).get(f"/staff/publicity/entries/{entry.pk}/edit/").status_code == 404
    )
    page = _client(approver).get("/staff/publicity/import/").content.decode()
    assert "您没有起草公示信息的权限" in page and 'name="file"' not in page
    assert "新建公示信息" not in _client(approver).get("/staff/publicity/").content.decode()
    assert "新建公示信息" in _client(officer).get("/staff/publicity/").content.decode()


def test_it_shows_the_policy_table_one_item_at_a_time(officer):
    first = _client(officer).get("/staff/publicity/catalogue/policies/").content.decode()
    assert (
        first.count('<tr id="policy-')
        == MaskPolicy.objects.filter(
            category=MaskPolicy.objects.order_by("category").first().category
        ).count()
    )
    page = _client(officer).get("/staff/publicity/catalogue/policies/?category=penalty_decision")
    html = page.content.decode()
    assert html.count('<tr id="policy-') == MaskPolicy.objects.filter(category="penalty_decision").count()
    assert "行政处罚决定" in html and "身份证件号码" in html and "<form" not in html.split('id="policies"')[1]
    everything = _client(officer).get("/staff/publicity/catalogue/policies/?category=all").content.decode()
    assert everything.count('<tr id="policy-') == MaskPolicy.objects.count()


def test_it_lets_the_clerk_pick_the_statistics_year(officer, approver, entry):
    services.entry_submit(actor=officer, entry=entry)
    services.entry_approve(actor=approver, entry=entry)
    this_year = timezone.localdate().year
    html = _client(officer).get(f"/staff/publicity/statistics/?year={this_year}").content.decode()
    assert f'<option value="{this_year}" selected>' in html and "行政处罚决定" in html
    empty = _client(officer).get("/staff/publicity/statistics/?year=2001").content.decode()
    assert "2001 年度没有已公示的信息" in empty
    assert Client().get("/staff/publicity/statistics/").status_code == 302
