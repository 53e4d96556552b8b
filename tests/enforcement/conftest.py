from __future__ import annotations

from unittest import mock

import pytest

from tests.enforcement import factories


@pytest.fixture
def audit_calls():
    """Every ``audit_log`` call of the enforcement services, as keyword dicts."""
    calls: list[dict] = []
    with mock.patch("sanxiang.enforcement.services.audit_log", side_effect=lambda **kw: calls.append(kw)):
        yield calls


@pytest.fixture
def refusals():
    """Every audited scope refusal (middleware and API exception handler)."""
    calls: list[dict] = []
    with mock.patch("sanxiang.audit.services.audit_scope_refusal", side_effect=lambda **kw: calls.append(kw)):
        yield calls


@pytest.fixture
def company_a(org):
    return factories.taxpayer(org.district_a)


@pytest.fixture
def company_b(org):
    return factories.taxpayer(org.district_b)


@pytest.fixture
def act_a(company_a, org):
    return factories.act(company_a, department=org.a_collection)


@pytest.fixture
def act_b(company_b, org):
    return factories.act(company_b, department=org.b_collection)
