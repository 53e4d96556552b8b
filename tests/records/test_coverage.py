"""应录未录: acts on the matter list without their mandatory recording, after the grace period."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from sanxiang.enforcement.choices import ActKind
from sanxiang.kernel.exceptions import PermissionDeniedError
from sanxiang.kernel.modules import todos_for
from sanxiang.records import selectors, services
from tests.enforcement import factories as ef

from .conftest import add_record

TODAY = datetime.date(2026, 3, 20)


def test_missing_after_grace_period_only(world, settings):
    settings.SANXIANG_RECORDS_GRACE_WORKING_DAYS = 3
    acts = type(world.act).objects.all()
    # Started Monday 2026-03-02: three working days later is Thursday 2026-03-05.
    assert selectors.missing_recordings(acts=acts, today=datetime.date(2026, 3, 5)) == []
    missing = selectors.missing_recordings(acts=acts, today=datetime.date(2026, 3, 6))
    assert [m.act for m in missing] == [world.act]
    assert missing[0].grace_deadline == datetime.date(2026, 3, 5)
    assert missing[0].matters[0].matter == "增值税专用发票最高开票限额审批实地查验"


def test_a_media_record_covers_the_act(world, video_bytes):
    add_record(world, video_bytes)
    assert selectors.missing_recordings(acts=type(world.act).objects.all(), today=TODAY) == []


def test_optional_matter_and_unlisted_act_are_not_missing(world):
    ef.act(
        world.taxpayer,
        kind=ActKind.DOCUMENT_SERVICE,
        matter="直接送达税务处理决定书",
        started_on=datetime.date(2026, 3, 2),
    )
    ef.act(world.taxpayer, kind=ActKind.PENALTY, matter="未按期申报", started_on=datetime.date(2026, 3, 2))
    left = ef.act(
        world.taxpayer,
        kind=ActKind.DOCUMENT_SERVICE,
        matter="留置送达税务处理决定书",
        started_on=datetime.date(2026, 3, 2),
    )
    missing = {m.act for m in selectors.missing_recordings(acts=type(world.act).objects.all(), today=TODAY)}
    assert missing == {world.act, left}


def test_report_by_unit_department_officer_and_leader_todo(client, world):
    client.force_login(world.leader)
    page = client.get(reverse("records:coverage"))
    assert page.status_code == 200
    html = page.content.decode()
    assert world.act.matter in html and "张征管" in html and world.org.a_collection.name in html
    todos = todos_for(world.leader, datetime.date.today())
    assert any(t.module == "records" and t.extra["count"] == 1 for t in todos)
    assert not any(t.module == "records" for t in todos_for(world.officer, datetime.date.today()))


def test_act_page_warns_while_missing(client, world):
    client.force_login(world.officer)
    html = client.get(reverse("enforcement:act_detail", args=[world.act.pk])).content.decode()
    assert "missing-recording" in html and "应录未录" in html


def test_matter_list_is_versioned_and_edited_by_the_legal_department(world):
    current = selectors.matter_list_current()
    rows = [
        {f: getattr(m, f) for f in services.MATTER_FIELDS}
        for m in current.rows.all()
        if m.matter != "增值税专用发票最高开票限额审批实地查验"
    ]
    with pytest.raises(PermissionDeniedError):
        services.matter_list_publish(actor=world.officer, rows=rows, effective_from=datetime.date(2026, 1, 1))
    version = services.matter_list_publish(
        actor=world.legal, rows=rows, effective_from=datetime.date(2026, 1, 1), note="删除限额查验"
    )
    assert version.number == current.number + 1
    assert selectors.matter_list_current() == version
    assert current.rows.count() == len(rows) + 1  # the old version stays as it was
    assert selectors.missing_recordings(acts=type(world.act).objects.all(), today=TODAY) == []


def test_matter_list_edit_view(client, world):
    client.force_login(world.legal)
    page = client.get(reverse("records:matter_list_edit"))
    assert page.status_code == 200
    client.force_login(world.officer)
    assert client.get(reverse("records:matter_list_edit")).status_code == 403
