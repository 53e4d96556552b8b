"""好差评 and the rectification loop, public-opinion timers and alerts, case rulings."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
import time_machine

from sanxiang.disclosure import selectors, services
from sanxiang.kernel.exceptions import InvalidTransition, ValidationFailed
from sanxiang.notifications.models import Notification
from sanxiang.portal.models import PublicEntry

from .conftest import publish_policy

pytestmark = pytest.mark.django_db
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def test_a_low_rating_needs_a_reason_and_is_rectified(people):
    document = publish_policy(people)
    with pytest.raises(ValidationFailed):
        services.rating_submit(target=document, score=1)
    with pytest.raises(ValidationFailed):
        services.rating_submit(target=document, score=6, reason="x")
    good = services.rating_submit(target=document, score=5)
    bad = services.rating_submit(target=document, score=2, reason="解读不够通俗", contact="13900000000")
    assert (good.is_low, bad.is_low) == (False, True)
    assert bad.target == document
    with pytest.raises(InvalidTransition):
        services.rectification_assign(actor=people.officer, rating=good, department=people.policy_dept)
    rect = services.rectification_assign(
        actor=people.officer, rating=bad, department=people.policy_dept, today=datetime.date(2025, 3, 7)
    )
    assert rect.due_on == datetime.date(2025, 3, 14)  # five working days after a Friday
    todos = selectors.todos_for(people.drafter, datetime.date(2025, 3, 17))
    assert any("差评整改" in t.label and t.overdue for t in todos)
    report = selectors.rectification_report(actor=people.officer, today=datetime.date(2025, 3, 17))
    assert (report.total, report.answered, report.open_overdue) == (1, 0, 1)
    services.rectification_answer(actor=people.drafter, rectification=rect, answer="已补充图解。")
    report = selectors.rectification_report(actor=people.officer, today=datetime.date(2025, 3, 17))
    assert (report.total, report.answered, report.open_overdue) == (1, 1, 0)


def test_incident_timers_run_across_midnight(people):
    discovered = datetime.datetime(2025, 3, 5, 21, 30, tzinfo=SHANGHAI)
    with time_machine.travel(discovered + datetime.timedelta(minutes=10), tick=False):
        incident = services.incident_record(
            actor=people.officer,
            authority=people.org.city,
            title="网传退税政策变化",
            discovered_at=discovered,
            severity="major",
        )
    assert incident.info_due_at.astimezone(SHANGHAI) == datetime.datetime(2025, 3, 6, 2, 30, tzinfo=SHANGHAI)
    assert incident.press_due_at.astimezone(SHANGHAI) == datetime.datetime(
        2025, 3, 6, 21, 30, tzinfo=SHANGHAI
    )
    at_one = datetime.datetime(2025, 3, 6, 1, 45, tzinfo=SHANGHAI)
    rows = selectors.incident_rows(actor=people.officer, now=at_one)
    assert (rows[0].info_state, rows[0].press_state) == ("alert", "running")
    sent = services.incidents_alert(now=at_one)
    assert sent == 2  # the officer and the office head
    assert Notification.objects.filter(recipient=people.officer).count() == 1
    assert services.incidents_alert(now=at_one) == 0  # once per timer and state
    at_three = datetime.datetime(2025, 3, 6, 3, 0, tzinfo=SHANGHAI)
    assert [
        r.incident for r in selectors.incident_rows(actor=people.officer, now=at_three, overdue_only=True)
    ] == [incident]
    services.incident_release_info(actor=people.officer, incident=incident, at=at_three)
    row = selectors.incident_rows(actor=people.officer, now=at_three)[0]
    assert row.info_state == "late"


def test_incident_timers_run_through_a_weekend(people):
    discovered = datetime.datetime(2025, 3, 7, 22, 0, tzinfo=SHANGHAI)  # Friday night
    with time_machine.travel(discovered, tick=False):
        incident = services.incident_record(
            actor=people.officer,
            authority=people.org.city,
            title="舆情",
            discovered_at=discovered,
            severity="especially_major",
        )
    saturday = datetime.datetime(2025, 3, 8, 23, 0, tzinfo=SHANGHAI)
    row = selectors.incident_rows(actor=people.officer, now=saturday)[0]
    assert (row.info_state, row.press_state) == ("overdue", "overdue")
    services.incident_release_info(
        actor=people.officer, incident=incident, at=datetime.datetime(2025, 3, 8, 2, 0, tzinfo=SHANGHAI)
    )
    services.incident_hold_press(
        actor=people.officer, incident=incident, at=datetime.datetime(2025, 3, 8, 21, 0, tzinfo=SHANGHAI)
    )
    row = selectors.incident_rows(actor=people.officer, now=saturday)[0]
    assert (row.info_state, row.press_state) == ("met", "met")


def test_an_ordinary_incident_has_no_press_conference(people):
    discovered = datetime.datetime(2025, 3, 7, 9, 0, tzinfo=SHANGHAI)
    with time_machine.travel(discovered, tick=False):
        incident = services.incident_record(
            actor=people.officer, authority=people.org.city, title="咨询", discovered_at=discovered
        )
    assert incident.press_due_at is None
    with pytest.raises(InvalidTransition):
        services.incident_hold_press(actor=people.officer, incident=incident, at=discovered)


def test_a_ruling_is_published_masked_within_its_limit(people, settings):
    settings.SANXIANG_DISCLOSURE_RULING_PUBLISH_DAYS = 30
    ruling = services.ruling_register(
        actor=people.drafter,
        authority=people.org.city,
        document_number="宝税函〔2025〕3号",
        title="关于某公司资产重组适用特殊性税务处理的批复",
        text="你公司联系人张三（电话13912345678）来函收悉。经研究，批复如下：……",
        decided_on=datetime.date(2025, 1, 31),
    )
    assert ruling.publish_due_on == datetime.date(2025, 3, 2)
    todos = selectors.todos_for(people.officer, datetime.date(2025, 3, 3))
    assert any("个案批复" in t.label and t.overdue for t in todos)
    services.ruling_publish(actor=people.officer, ruling=ruling)
    entry = PublicEntry.objects.get(source_key=f"disclosure-ruling-{ruling.pk}")
    assert "13912345678" not in entry.text and entry.category_code == "disclosure.rulings"
