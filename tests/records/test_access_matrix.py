"""Runs this app's access matrix (``access_matrix.cases``) against every demo login and anonymous."""

from __future__ import annotations

import os

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sanxiang.kernel.demo import DemoContext
from sanxiang.lib.fakedata import Faker
from sanxiang.org.demo import org_step

from . import access_matrix


@pytest.mark.django_db
def test_records_access_matrix():
    demo = DemoContext(today=timezone.localdate(), faker=Faker(2026), out=lambda _line: None)
    org_step(demo)
    clients = [("anonymous", Client(raise_request_exception=False))]
    for username, user in sorted(demo.users.items()):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        clients.append((username, client))
    wrong = []
    for name, kwargs, expected in access_matrix.cases(demo):
        url = reverse(name, kwargs=kwargs or None)
        unknown = set(expected) - {u for u, _c in clients} - {"default"}
        assert not unknown, f"{name}: unknown logins {sorted(unknown)}"
        for username, client in clients:
            status = client.get(url).status_code
            want = expected.get(username, expected["default"])
            if status != want:
                wrong.append(f"{name} as {username}: got {status}, expected {want}")
    if os.environ.get("SANXIANG_MATRIX_DUMP"):
        print("\n".join(wrong))  # noqa: T201
    assert not wrong, "access matrix mismatches:\n" + "\n".join(wrong)
