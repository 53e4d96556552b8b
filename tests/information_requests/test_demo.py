"""The demo step: a year of requests across every reply type, and a published annual report."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from sanxiang.information_requests import selectors
from sanxiang.information_requests.choices import ReplyType
from sanxiang.information_requests.models import AnnualReport, InformationRequest, Remedy, Reply

pytestmark = pytest.mark.django_db


def test_demo_year_covers_every_reply_type_and_is_idempotent():
    call_command("load_demo", only=["information_requests"], stdout=io.StringIO())
    count = InformationRequest.objects.count()
    types = set(Reply.objects.values_list("reply_type", flat=True))
    assert set(ReplyType.values) - types == {"other"}
    assert InformationRequest.objects.filter(extension_days__gt=0).exists()
    assert InformationRequest.objects.filter(clock_events__kind="correction_received").exists()
    assert InformationRequest.objects.filter(clock_events__kind="consultation_sent").count() >= 2
    assert Remedy.objects.filter(kind="reconsideration", outcome="upheld").exists()
    report = AnnualReport.objects.get(status="published")
    assert report.figures["check_rule_holds"] is True
    tables = selectors.annual_report_tables(authority=report.authority, year=report.year)
    assert tables.check_rule_holds()
    assert sum(tables.new.values()) >= 20
    call_command("load_demo", only=["information_requests"], stdout=io.StringIO())
    assert InformationRequest.objects.count() == count
