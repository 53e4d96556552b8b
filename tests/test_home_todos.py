"""Role x home page: every to-do link the staff home page (and the full to-do list behind "更多")
shows a demo login opens for that login with 200.

The demo of every module that offers to-dos is loaded, so each module's to-do provider has rows to offer;
a to-do a user cannot open (403/404) is a to-do that leads nowhere (issue 9, point 2).
"""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.core.management import call_command
from django.test import Client

from sanxiang.org.demo import DEMO_USERS

pytestmark = pytest.mark.django_db

TODO_SECTION = re.compile(r'<section[^>]*aria-labelledby="todos-h"[^>]*>(.*?)</section>', re.S)
# A leader's overview: every number leads to the items behind it, and each of those opens too.
OVERVIEW_SECTION = re.compile(r'<section[^>]*aria-labelledby="leader-overview-h"[^>]*>(.*?)</section>', re.S)
ITEMS_TABLE = re.compile(r'<table class="data">(.*?)</table>', re.S)
HREF = re.compile(r'href="([^"]+)"')


def _todo_links(html: str) -> list[str]:
    match = TODO_SECTION.search(html)
    assert match, "the page has no to-do section"
    return [unescape(h) for h in HREF.findall(match.group(1))]


# Every step whose module offers to-dos (the evaluation step offers none).
STEPS = [
    "enforcement",
    "publicity",
    "supervision",
    "disclosure",
    "information_requests",
    "review",
    "records",
    "inspections",
]


def test_every_todo_shown_to_every_demo_login_opens(django_user_model, monkeypatch):
    from sanxiang.portal import selectors as portal_selectors

    # The loop outlives the portal statistics' freshness: refresh them in this thread, not in a
    # background thread that would meet the test's in-memory database locked.
    monkeypatch.setattr(portal_selectors, "_spawn", lambda work: work())
    call_command("load_demo", only=STEPS, stdout=open("/dev/null", "w"))  # noqa: SIM115
    failures: list[str] = []
    opened = 0
    for username, *_rest in DEMO_USERS:
        client = Client()
        client.force_login(django_user_model.objects.get(username=username))
        home = client.get("/staff/")
        assert home.status_code == 200, username
        html = home.content.decode()
        links = _todo_links(html)
        overview = OVERVIEW_SECTION.search(html)
        for link in dict.fromkeys(unescape(h) for h in HREF.findall(overview.group(1) if overview else "")):
            listing = client.get(link)
            assert listing.status_code == 200, (username, link)
            opened += 1
            table = ITEMS_TABLE.search(listing.content.decode())
            links += [unescape(h) for h in HREF.findall(table.group(1) if table else "")]
        more = [link for link in links if link.startswith("/staff/todos/")]
        for link in more:
            full = client.get(link)
            assert full.status_code == 200, (username, link)
            links += _todo_links(full.content.decode())
        for link in dict.fromkeys(links):
            status = client.get(link).status_code
            opened += 1
            if status != 200:
                failures.append(f"{username} {link} -> {status}")
    assert not failures, "\n".join(failures)
    assert opened > len(DEMO_USERS)
