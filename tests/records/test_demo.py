"""The demo step: devices, rooms, records with generated clips, some required recordings missing."""

from __future__ import annotations

import pytest

from sanxiang.enforcement.demo import enforcement_step
from sanxiang.enforcement.models import EnforcementAct
from sanxiang.kernel.demo import DemoContext
from sanxiang.lib.fakedata import Faker
from sanxiang.org.demo import org_step
from sanxiang.records.demo import demo_records
from sanxiang.records.models import Device, InterviewRoom, Record
from sanxiang.records.selectors import missing_recordings


@pytest.mark.django_db
def test_demo_step_is_idempotent_and_leaves_some_recordings_missing():
    import datetime

    ctx = DemoContext(today=datetime.date(2026, 11, 2), faker=Faker(2026), out=lambda _line: None)
    org_step(ctx)
    enforcement_step(ctx)
    demo_records(ctx)
    records = Record.objects.count()
    assert records >= 250
    assert Device.objects.count() == 18 and InterviewRoom.objects.count() == 3
    media = Record.objects.filter(kind__in=["body_camera", "interview_room"])
    assert media.count() > 20 and all(r.codecs == "h264" for r in media[:5])
    missing = missing_recordings(acts=EnforcementAct.objects.all(), today=datetime.date(2026, 11, 2))
    assert 3 <= len(missing) < media.count()
    demo_records(ctx)
    assert Record.objects.count() == records
