"""The progress lookup: number plus code → stage and dates only, identical refusals, throttled, noindex."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from sanxiang.enforcement import tickets
from tests.enforcement import factories as ef

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(org, officer):
    taxpayer = ef.taxpayer(org.district_a, name="宝鸡市某某商贸有限公司")
    act = ef.act(taxpayer, matter="逾期未申报")
    issued, code = tickets.matter_ticket_issue(actor=officer, act=act, on=datetime.date(2026, 3, 2))
    tickets.matter_ticket_advance(actor=officer, ticket=issued, stage="decided", on=datetime.date(2026, 3, 9))
    return issued, code


def _lookup(client, number, code):
    return client.post(reverse("portal:progress"), {"matter_number": number, "code": code})


def test_it_shows_the_stage_and_dates_only(ticket, client):
    issued, code = ticket
    response = _lookup(client, issued.matter_number, code.lower())
    body = response.content.decode()
    assert response.status_code == 200
    assert "当前阶段：已作出决定" in body and "2026-03-02" in body and "2026-03-09" in body
    assert "宝鸡市某某商贸有限公司" not in body and "逾期未申报" not in body


def test_a_wrong_code_and_a_wrong_number_get_the_same_answer(ticket, client):
    issued, code = ticket
    wrong_code = _lookup(client, issued.matter_number, "AAAAAAAA")
    wrong_number = _lookup(client, "20260302999999", code)
    assert wrong_code.status_code == wrong_number.status_code == 200
    strip = lambda r: r.content.decode().replace("20260302999999", "").replace(issued.matter_number, "")  # noqa: E731
    strip_code = lambda t: t.replace("AAAAAAAA", "").replace(code, "")  # noqa: E731
    assert "未找到与该事项编号和查询码相符的事项" in wrong_code.content.decode()
    assert _without_csrf(strip_code(strip(wrong_code))) == _without_csrf(strip_code(strip(wrong_number)))


def _without_csrf(text: str) -> str:
    import re

    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)
    text = re.sub(r'nonce="[^"]+"', "", text)  # the CSP nonce differs on every response
    return re.sub(r'"X-CSRFToken": "[^"]+"', "", text)


def test_it_is_never_indexed(ticket, client):
    response = client.get(reverse("portal:progress"))
    assert response["X-Robots-Tag"] == "noindex, nofollow, noarchive"
    assert response["Cache-Control"] == "no-store"
    assert '<meta name="robots" content="noindex' in response.content.decode()
    robots = client.get(reverse("portal:robots")).content.decode()
    assert "Disallow: /progress/" in robots


def test_it_throttles_lookups_per_client(ticket, client, settings):
    settings.SANXIANG_PORTAL_LOOKUP_LIMIT = 3
    issued, code = ticket
    statuses = [_lookup(client, issued.matter_number, "WRONG123").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    blocked = _lookup(client, issued.matter_number, code)
    assert blocked.status_code == 429 and "当前阶段" not in blocked.content.decode()
    other = client.post(
        reverse("portal:progress"),
        {"matter_number": issued.matter_number, "code": code},
        REMOTE_ADDR="10.0.0.9",
    )
    assert other.status_code == 200 and "当前阶段" in other.content.decode()


def test_it_shows_the_time_limit_on_the_working_day_calendar_and_overdue(org, officer, client):
    import time_machine

    taxpayer = ef.taxpayer(org.district_a, name="宝鸡市某某商贸有限公司")
    act = ef.act(taxpayer, kind="licensing", matter="最高开票限额审批", started_on=datetime.date(2025, 9, 26))
    issued, code = tickets.matter_ticket_issue(actor=officer, act=act, on=datetime.date(2025, 9, 26))
    with time_machine.travel(datetime.datetime(2025, 10, 29, 9, tzinfo=datetime.UTC), tick=False):
        within = _lookup(client, issued.matter_number, code).content.decode()
    with time_machine.travel(datetime.datetime(2025, 10, 31, 9, tzinfo=datetime.UTC), tick=False):
        late = _lookup(client, issued.matter_number, code).content.decode()
    assert "2025年10月30日" in within and "20工作日" in within and "在办理期限内" in within
    assert "已超过办理期限" in late and "在办理期限内" not in late
    for body in (within, late):
        assert "宝鸡市某某商贸有限公司" not in body and "最高开票限额审批" not in body
        assert officer.display_name not in body and "行政许可" in body
