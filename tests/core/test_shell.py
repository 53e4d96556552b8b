"""The staff shell and the portal home: reachable, Chinese, secured."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sanxiang.kernel.modules import StaffModule, Todo, modules_for, register_module, todos_for
from tests import factories

pytestmark = pytest.mark.django_db


def test_it_serves_the_portal_home_without_redirect(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "税务行政执法信息公示" in response.content.decode()


def test_it_sends_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_it_redirects_anonymous_staff_pages_to_login(client):
    response = client.get(reverse("core:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("core:login"))


def test_it_requires_csrf_on_login(org):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    factories.user(org.city, org.city_office, username="clerk")
    response = strict.post(reverse("core:login"), {"username": "clerk", "password": factories.PASSWORD})
    assert response.status_code == 403


def test_it_logs_in_and_shows_the_home_page(client, officer):
    response = client.post(
        reverse("core:login"), {"username": officer.username, "password": factories.PASSWORD}, follow=True
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "您好" in body
    assert "执法人员" in body  # the role label
    assert officer.authority.name in body


def test_it_locks_out_after_repeated_failures(client, officer, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("core:login"), {"username": officer.username, "password": "wrong-password"})
    response = client.post(
        reverse("core:login"), {"username": officer.username, "password": factories.PASSWORD}
    )
    assert response.status_code == 429
    assert "暂时锁定" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_lists_modules_by_role(org):
    register_module(
        StaffModule(code="t-review", label="法制审核", url_name="core:home", roles=("legal_reviewer",))
    )
    reviewer = factories.user(org.city, org.city_legal, roles=["legal_reviewer"])
    clerk = factories.user(org.city, org.city_office, roles=["liaison"])
    assert "t-review" in {m.code for m in modules_for(reviewer)}
    assert "t-review" not in {m.code for m in modules_for(clerk)}


def test_it_orders_todos_overdue_first(org):
    import datetime

    from sanxiang.kernel import modules

    def provider(user, today):
        return [
            Todo(label="later", url="/", module="m", due=today + datetime.timedelta(days=5)),
            Todo(label="late", url="/", module="m", due=today - datetime.timedelta(days=1), overdue=True),
        ]

    modules.register_todo_provider(provider)
    try:
        user = factories.user(org.city, org.city_office)
        labels = [t.label for t in todos_for(user, datetime.date(2026, 11, 23))]
        assert labels.index("late") < labels.index("later")
    finally:
        modules._todo_providers.remove(provider)


def test_it_renders_date_pickers_in_iso_format_whatever_the_locale():
    import datetime

    from django.utils import translation

    from sanxiang.org.widgets import DateInput

    with translation.override("zh-hans"):
        html = DateInput().render("day", datetime.date(2026, 11, 22))
    assert 'type="date"' in html and 'value="2026-11-22"' in html


def test_it_shows_the_module_label_of_each_todo(client, org):
    import datetime

    from sanxiang.kernel import modules

    register_module(StaffModule(code="t-todo", label="测试模块", url_name="core:home"))

    def provider(user, today):
        return [
            Todo(
                label="逾期事项",
                url="/",
                module="t-todo",
                due=today - datetime.timedelta(days=1),
                overdue=True,
            )
        ]

    modules.register_todo_provider(provider)
    try:
        user = factories.user(org.city, org.city_office)
        client.force_login(user)
        body = client.get(reverse("core:home")).content.decode()
        assert "逾期事项" in body and "测试模块" in body and ">t-todo<" not in body
    finally:
        modules._todo_providers.remove(provider)
