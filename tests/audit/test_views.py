"""The staff audit pages: administrators and leaders only, scoped by the event's authority."""

from __future__ import annotations

import re

import pytest
import time_machine
from django.urls import reverse

from sanxiang.audit.models import AuditEvent
from sanxiang.audit.services import audit_log, audit_verify
from sanxiang.kernel.modules import modules_for
from tests import factories

INDEX = reverse("audit:index")


@pytest.fixture
def events(org):
    """Two events in district A, one in district B, one of the city, one of the system."""
    a1 = audit_log(actor=None, action="publicity.entry.published", authority=org.district_a)
    a2 = audit_log(actor=None, action="records.file.archived", authority=org.district_a)
    b = audit_log(actor=None, action="publicity.entry.published", authority=org.district_b)
    city = audit_log(actor=None, action="review.case.approved", authority=org.city)
    system = audit_log(actor=None, action="core.calendar.imported")
    return {"a1": a1, "a2": a2, "b": b, "city": city, "system": system}


def listed(client, user, **params) -> list[int]:
    client.force_login(user)
    response = client.get(INDEX, params)
    assert response.status_code == 200
    return [e.seq for e in response.context["page"].object_list]


def test_it_redirects_anonymous_visitors_to_login(client, events):
    for url in (INDEX, reverse("audit:detail", args=[events["a1"].seq])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("core:login"))


def test_it_refuses_staff_without_an_audit_role(client, officer, events):
    client.force_login(officer)
    assert client.get(INDEX).status_code == 403
    assert client.get(reverse("audit:detail", args=[events["a1"].seq])).status_code == 403


def test_it_shows_everything_to_an_all_scope_administrator(client, admin_user, events):
    assert listed(client, admin_user) == [5, 4, 3, 2, 1]


def test_it_limits_a_district_administrator_to_the_district(client, district_admin, sibling_admin, events):
    assert listed(client, district_admin) == [events["a2"].seq, events["a1"].seq]
    assert listed(client, sibling_admin) == [events["b"].seq]


def test_it_shows_a_leader_the_unit_and_below(client, leader, events):
    assert listed(client, leader) == [4, 3, 2, 1]


def test_it_shows_a_superuser_everything(client, org, events):
    root = factories.user(org.province, scope="self", username="root")
    root.is_superuser = True
    root.save()
    assert len(listed(client, root)) == 5


def test_it_filters_by_module_action_outcome_target_and_actor(client, admin_user, org, officer, events):
    refused = audit_log(actor=officer, action="scope.refused", outcome="refused", target=org.a_collection)
    assert listed(client, admin_user, module="publicity") == [events["b"].seq, events["a1"].seq]
    assert listed(client, admin_user, action="review.case.approved") == [events["city"].seq]
    assert listed(client, admin_user, outcome="refused") == [refused.seq]
    assert listed(client, admin_user, target_type="core.department", target_id=str(org.a_collection.pk)) == [
        refused.seq
    ]
    assert listed(client, admin_user, actor=officer.username) == [refused.seq]


def test_it_filters_by_local_date(client, admin_user, events):
    with time_machine.travel("2025-12-31T16:30:00Z", tick=False):  # 2026-01-01 00:30 in Beijing
        new_year = audit_log(actor=None, action="a.b")
    with time_machine.travel("2025-12-31T15:30:00Z", tick=False):  # 23:30 in Beijing
        old_year = audit_log(actor=None, action="a.b")
    assert listed(client, admin_user, date_from="2026-01-01", date_to="2026-01-01") == [new_year.seq]
    assert listed(client, admin_user, date_to="2025-12-31") == [old_year.seq]


def test_it_paginates_keeping_the_filters(client, admin_user):
    for _ in range(55):
        audit_log(actor=None, action="bulk.item.created")
    client.force_login(admin_user)
    response = client.get(INDEX, {"action": "bulk.", "page": 2})
    assert len(response.context["page"].object_list) == 5
    assert "action=bulk.&amp;page=1" in response.content.decode()


def test_it_lists_with_a_constant_number_of_queries(
    client, admin_user, org, officer, django_assert_max_num_queries
):
    client.force_login(admin_user)
    for _ in range(3):
        audit_log(actor=officer, action="a.b", target=org.a_collection)
    with django_assert_max_num_queries(12) as few:
        client.get(INDEX)
    for _ in range(40):
        audit_log(actor=officer, action="a.b", target=org.a_collection)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(INDEX)


def test_it_shows_the_chain_status_panel(client, admin_user, events):
    audit_verify(record=True)
    client.force_login(admin_user)
    page = client.get(INDEX).content.decode()
    assert "审计链状态" in page
    assert "审计链完整：5 条事件，0 个检查点" in page


def test_it_shows_an_event_in_scope(client, district_admin, org):
    event = audit_log(
        actor=district_admin,
        action="core.department.renamed",
        target=org.a_collection,
        before={"name": "征收管理科"},
        after={"name": "征收管理股", "contact_phone": "13812345678"},
    )
    client.force_login(district_admin)
    response = client.get(reverse("audit:detail", args=[event.seq]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "core.department.renamed" in page and event.hash in page
    assert "征收管理股" in page and "138****5678" in page and "13812345678" not in page


def test_it_answers_404_for_an_event_of_another_district(client, sibling_admin, events):
    client.force_login(sibling_admin)
    assert client.get(reverse("audit:detail", args=[events["a1"].seq])).status_code == 404
    assert client.get(reverse("audit:detail", args=[events["b"].seq])).status_code == 200


def test_it_registers_the_module_for_administrators_and_leaders(admin_user, leader, officer):
    assert "audit" in [m.code for m in modules_for(admin_user)]
    assert "audit" in [m.code for m in modules_for(leader)]
    assert "audit" not in [m.code for m in modules_for(officer)]


def test_the_admin_is_read_only(client, org, events):
    root = factories.user(org.province, username="root")
    root.is_superuser = True
    root.is_staff = True
    root.save()
    client.force_login(root)
    assert client.get(reverse("admin:audit_auditevent_changelist")).status_code == 200
    assert client.get(reverse("admin:audit_auditevent_add")).status_code == 403
    response = client.post(reverse("admin:audit_auditevent_delete", args=[events["a1"].pk]), {"post": "yes"})
    assert response.status_code == 403
    assert AuditEvent.objects.count() == 5


def test_it_names_modules_and_actions_in_words_never_by_code(client, admin_user, org, events):
    audit_log(actor=None, action="notifications.notification.created")
    audit_log(actor=None, action="core.department.updated", target=org.a_collection, target_label="")
    client.force_login(admin_user)
    page = client.get(INDEX).content.decode()
    text = re.sub(r"<[^>]+>", " ", page)  # what a reader sees; option values may hold codes
    assert "操作代码前缀" not in text
    assert "notifications.notification.created" not in text
    assert "新增消息" in text
    assert '<option value="publicity">行政执法公示</option>' in page
    assert '<optgroup label="重大执法决定法制审核">' in page
    assert "core.department" not in text and "部门（组织与权限）" in text
