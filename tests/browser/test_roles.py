"""Log in as every demo role in Chromium and see that role's home page (Chinese rendered, modules listed)."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from sanxiang.kernel.demo import DEMO_PASSWORD
from sanxiang.org.demo import DEMO_USERS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# One login per role; the first demo user holding it.
ROLE_USERS: dict[str, tuple[str, str]] = {}
for username, full_name, _a, _d, roles, _s, _q in DEMO_USERS:
    for role in roles:
        ROLE_USERS.setdefault(role, (username, full_name))


def test_it_serves_the_portal_home(live_server, page, screenshot):
    page.goto(live_server.url + "/")
    assert page.locator("h1").first.inner_text() == "税务行政执法信息公示"
    screenshot("portal-home")


def test_it_logs_in_as_each_role_and_shows_its_home_page(live_server, page, screenshot):
    call_command("load_demo", only=["org"], stdout=open("/dev/null", "w"))
    assert len(ROLE_USERS) == 12
    for role, (username, full_name) in sorted(ROLE_USERS.items()):
        page.goto(live_server.url + "/staff/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", DEMO_PASSWORD)
        page.keyboard.press("Enter")
        page.wait_for_url(live_server.url + "/staff/")
        heading = page.locator("h1").first.inner_text()
        assert full_name in heading, (role, heading)
        assert page.locator("#modules-h").is_visible()
        assert page.locator("#todos-h").is_visible()
        assert page.locator("#inbox-h").is_visible()
        screenshot(f"home-{role}")
        page.click("header form button[type=submit]")  # 退出
        page.wait_for_url(live_server.url + "/")


def test_it_shows_a_clear_error_for_a_wrong_password(live_server, page, screenshot):
    call_command("load_demo", only=["org"], stdout=open("/dev/null", "w"))
    page.goto(live_server.url + "/staff/login/")
    page.fill("#id_username", "jt_officer")
    page.fill("#id_password", "not-the-password")
    page.keyboard.press("Enter")
    assert "请输入一个正确的" in page.locator(".errorlist").inner_text()
    screenshot("login-error")
