from __future__ import annotations

from unittest import mock

import pytest


@pytest.fixture
def audit_calls():
    """Every ``audit_log`` call made by the file store, as keyword dicts."""
    calls: list[dict] = []

    def record(**kwargs):
        calls.append(kwargs)

    with mock.patch("sanxiang.files.services.audit_log", side_effect=record):
        yield calls


@pytest.fixture
def refusals():
    """Every audited scope refusal (middleware and API exception handler), as keyword dicts."""
    calls: list[dict] = []

    def record(**kwargs):
        calls.append(kwargs)

    with mock.patch("sanxiang.audit.services.audit_scope_refusal", side_effect=record):
        yield calls
