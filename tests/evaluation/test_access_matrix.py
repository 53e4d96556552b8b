"""The evaluation's rows of the role × endpoint matrix, checked here before the project-wide test."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.urls import reverse

from sanxiang.org.demo import AUTHORITIES, DEMO_USERS
from sanxiang.org.models import Authority, User

from .access_matrix import cases

pytestmark = pytest.mark.django_db


def test_every_demo_login_gets_the_expected_status(client):
    call_command("load_demo", only=["org"], stdout=open("/dev/null", "w"))
    demo = SimpleNamespace(
        users={u.username: u for u in User.objects.all()},
        authorities={key: Authority.objects.get(code=code) for key, _p, code, *_rest in AUTHORITIES},
    )
    failures = []
    for url_name, kwargs, expected in cases(demo):
        url = reverse(url_name, kwargs=kwargs)
        for username, *_rest in DEMO_USERS:
            client.force_login(demo.users[username])
            status = client.get(url).status_code
            want = expected.get(username, expected["default"])
            if status != want:
                failures.append(f"{url_name} {username}: {status} != {want}")
        client.logout()
        assert client.get(url).status_code == 302, url  # anonymous: to the login page
    assert not failures, "\n".join(failures)
