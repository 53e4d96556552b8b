"""A leader's home (issue 9, point 11): per unit x module, overdue now, due within a week and the
change against last month, each number leading to the items behind it."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from sanxiang.kernel import measures
from sanxiang.kernel.measures import LoopCheck, LoopItem
from sanxiang.org.overview import leader_overview, month_earlier
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def late_items(org, monkeypatch):
    """A module's loop check: two items of district A (one overdue for 40 days, one for 2 days),
    one of district B due in 3 days, one of the city overdue for 5 days."""
    today = timezone.localdate()
    rows = [
        ("a-old", org.district_a, today - datetime.timedelta(days=40)),
        ("a-new", org.district_a, today - datetime.timedelta(days=2)),
        ("b-soon", org.district_b, today + datetime.timedelta(days=3)),
        ("city", org.city, today - datetime.timedelta(days=5)),
    ]

    def find(day):
        for key, authority, due in rows:
            if due < day:
                yield LoopItem(
                    key=key, label=f"事项 {key}", url="/staff/", authority_id=authority.pk, due=due
                )

    check = LoopCheck(code="test.late", system="publicity", label="测试超期", description="测试用", find=find)
    monkeypatch.setattr(measures, "_loop_checks", {"test.late": check})
    return today


def test_month_earlier_keeps_the_day_or_takes_the_months_last():
    assert month_earlier(datetime.date(2026, 3, 31)) == datetime.date(2026, 2, 28)
    assert month_earlier(datetime.date(2026, 1, 15)) == datetime.date(2025, 12, 15)


def test_a_city_leader_sees_each_district_with_overdue_due_soon_and_trend(org, late_items):
    leader = factories.user(org.city, org.city_office, roles=["leader"], scope="unit_and_below")
    panel = leader_overview(leader, late_items)
    rows = {row.authority.pk: row for row in panel["rows"]}
    assert [c["module"] for c in panel["columns"]] == ["执法公示"]
    city, a, b = (
        rows[org.city.pk].cells[0],
        rows[org.district_a.pk].cells[0],
        rows[org.district_b.pk].cells[0],
    )
    assert (city.overdue, city.due_week) == (1, 0)
    assert (a.overdue, a.due_week, a.last_month, a.change) == (2, 0, 1, 1)
    assert (b.overdue, b.due_week) == (0, 1)


def test_an_officer_gets_no_overview(org, late_items):
    officer = factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"])
    assert leader_overview(officer, late_items) is None


def test_every_number_on_the_leaders_home_opens_its_items(org, late_items):
    leader = factories.user(org.city, org.city_office, roles=["leader"], scope="unit_and_below")
    client = Client()
    client.force_login(leader)
    home = client.get("/staff/").content.decode()
    assert "各单位超期与到期情况" in home and "国家税务总局宝鸡市金台区税务局" in home
    url = f"/staff/overview/test.late/{org.district_a.pk}/?own=0"
    assert url in home
    listing = client.get(url)
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "事项 a-old" in body and "事项 a-new" in body and "事项 city" not in body
    soon = client.get(f"/staff/overview/test.late/{org.district_b.pk}/?own=0&when=week").content.decode()
    assert "事项 b-soon" in soon


def test_a_district_leader_cannot_open_another_districts_items(org, late_items):
    leader = factories.user(org.district_a, None, roles=["leader"], scope="unit")
    client = Client()
    client.force_login(leader)
    assert client.get(f"/staff/overview/test.late/{org.district_b.pk}/?own=0").status_code == 404
    assert client.get(f"/staff/overview/test.late/{org.district_a.pk}/?own=1").status_code == 200
