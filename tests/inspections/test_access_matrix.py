"""Runs this app's access-matrix table (``access_matrix.py``) against every demo login."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sanxiang.kernel.demo import DemoContext
from sanxiang.lib.fakedata import Faker
from sanxiang.org.demo import org_step

from .access_matrix import cases

pytestmark = pytest.mark.django_db


def test_each_login_gets_exactly_the_status_of_the_table():
    demo = DemoContext(today=timezone.localdate(), faker=Faker(2026), out=lambda _line: None)
    org_step(demo)
    clients = [("anonymous", Client(raise_request_exception=False))]
    for username, user in sorted(demo.users.items()):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        clients.append((username, client))
    wrong = []
    for name, kwargs, expected in cases(demo):
        assert set(expected) - {"default"} <= set(demo.users) | {"anonymous"}, name
        url = reverse(name, kwargs=kwargs or None)
        for username, client in clients:
            status = client.get(url).status_code
            want = expected.get(username, expected["default"])
            if status != want:
                wrong.append(f"{name} as {username}: got {status}, expected {want}")
    assert not wrong, "\n".join(wrong)
