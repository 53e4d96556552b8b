from __future__ import annotations

import pytest

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
