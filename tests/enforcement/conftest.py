from __future__ import annotations

import pytest

from tests.enforcement import factories
from tests.files.audit_trail import AuditTrail


@pytest.fixture
def audit_calls(db):
    """The audit trail so far (real ``AuditEvent`` rows, oldest first), re-read on every access."""
    return AuditTrail()


@pytest.fixture
def refusals(db):
    """The audited scope refusals (``scope.refused`` events written by the middleware or the API
    exception handler), re-read on every access."""
    return AuditTrail(action="scope.refused")


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
