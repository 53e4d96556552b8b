"""Runs ``access_matrix.cases`` against every demo login and anonymous."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from sanxiang.kernel.demo import DemoContext
from sanxiang.lib.fakedata import Faker
from sanxiang.org.demo import org_step

from .access_matrix import cases

pytestmark = pytest.mark.django_db


def test_access_matrix(client, settings):
    from django.utils import timezone

    ctx = DemoContext(today=timezone.localdate(), faker=Faker(2026), out=io.StringIO().write)
    org_step(ctx)
    wrong = []
    for url_name, kwargs, expected in cases(ctx):
        url = reverse(url_name, kwargs=kwargs)
        for username in [*ctx.users, "anonymous"]:
            client.logout()
            if username != "anonymous":
                client.force_login(ctx.users[username])
            status = client.get(url).status_code
            want = expected.get(username, expected["default"])
            if status != want:
                wrong.append(f"{url_name} {kwargs} {username}: {status} != {want}")
    assert not wrong, "\n".join(wrong)
