"""To-do lists lead somewhere (issue 9, point 2): only what the user may act on, most urgent first,
the module by its Chinese name, a count and "更多" to the full list."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from sanxiang.kernel.modules import Todo, todo_sort_key, todos_for
from sanxiang.publicity import services
from sanxiang.publicity.models import Item
from tests import factories
from tests.publicity.conftest import BODY, penalty_data

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 6, 10)


def test_overdue_and_due_soon_come_first_nearest_today_first():
    day = lambda n: TODAY + datetime.timedelta(days=n)  # noqa: E731
    todos = [
        Todo("old", "/", "m", due=day(-300), overdue=True),
        Todo("later", "/", "m", due=day(30)),
        Todo("undated", "/", "m"),
        Todo("next-week", "/", "m", due=day(6)),
        Todo("yesterday", "/", "m", due=day(-1), overdue=True),
    ]
    ordered = sorted(todos, key=lambda t: todo_sort_key(t, TODAY, 7))
    assert [t.label for t in ordered] == ["yesterday", "next-week", "old", "later", "undated"]


@pytest.fixture
def item(db):
    return Item.objects.get(code="penalty_decision")


def _entries(officer, org, item, n, first=10, **kw):
    return [
        services.entry_create(
            actor=officer,
            item=item,
            authority=org.district_a,
            data=penalty_data(document_number=f"宝金税稽罚〔2026〕{i + first}号", **kw),
            text=BODY,
        )
        for i in range(n)
    ]


def test_users_see_no_todos_of_a_module_their_roles_do_not_open(org, officer, item):
    _entries(officer, org, item, 2, event_date="2025-01-10")
    opengov = factories.user(org.district_a, None, roles=["open_government_officer"], scope="unit")
    legal = factories.user(org.district_a, org.a_legal, roles=["legal_reviewer"], scope="unit")
    assert [t for t in todos_for(opengov, datetime.date.today()) if t.module == "publicity"] == []
    assert [t for t in todos_for(legal, datetime.date.today()) if t.module == "publicity"] == []
    assert len([t for t in todos_for(officer, datetime.date.today()) if t.module == "publicity"]) == 2


def test_the_approver_sees_submissions_not_others_drafts_with_a_notice_count_and_more(org, officer, item):
    approver = factories.user(org.district_a, None, roles=["publicity_approver"], scope="unit")
    _entries(officer, org, item, 12, event_date="2025-01-10")  # old drafts of an officer
    submitted = _entries(officer, org, item, 11, first=100)
    for entry in submitted:
        services.entry_submit(actor=officer, entry=entry)
    client = Client()
    client.force_login(approver)
    page = client.get("/staff/").content.decode()
    assert "待审核 11 项" in page and "共 11 项" in page
    assert "更多（共 11 项）" in page and 'href="/staff/todos/"' in page
    assert "执法公示" in page.split('id="todos-h"')[1] and "<td>publicity</td>" not in page
    full = client.get("/staff/todos/").content.decode()
    for entry in submitted:
        assert f"/staff/publicity/entries/{entry.pk}/" in full
