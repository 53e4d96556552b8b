"""Runs this app's access matrix as every demo login and anonymously."""

from __future__ import annotations

import os

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sanxiang.kernel.demo import DemoContext
from sanxiang.lib.fakedata import Faker
from sanxiang.org.demo import org_step

from .access_matrix import cases

pytestmark = pytest.mark.django_db


def test_every_login_gets_its_status(settings):
    demo = DemoContext(today=timezone.localdate(), faker=Faker(2026), out=lambda _line: None)
    org_step(demo)
    clients = [("anonymous", Client(raise_request_exception=False))]
    for username, user in sorted(demo.users.items()):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        clients.append((username, client))
    wrong = []
    for name, kwargs, expected in cases(demo):
        assert set(expected) - {"default"} <= {u for u, _c in clients}, name
        url = reverse(name, kwargs=kwargs or None)
        for username, client in clients:
            status = client.get(url).status_code
            if os.environ.get("SANXIANG_MATRIX_DUMP"):
                print(name, username, status)  # noqa: T201
            if status != expected.get(username, expected["default"]):
                wrong.append(
                    f"{name} as {username}: got {status}, expected {expected.get(username, expected['default'])}"
                )
    assert not wrong, "\n".join(wrong)
