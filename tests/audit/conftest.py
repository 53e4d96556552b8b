"""Fixtures of the audit tests: an attacker's view of the database, and staff personas for audit."""

from __future__ import annotations

import pytest
from django.db import connection

from sanxiang.audit.triggers import drop_append_only_triggers, install_append_only_triggers
from tests import factories


@pytest.fixture
def triggers(db):
    """The append-only triggers, installed even where the migration skips them (in-memory SQLite)."""
    drop_append_only_triggers(connection)
    install_append_only_triggers(connection)
    yield
    drop_append_only_triggers(connection)


@pytest.fixture
def attacker(db):
    """Raw SQL on the audit tables, after dropping the triggers as anyone with database access can."""
    drop_append_only_triggers(connection)

    def execute(sql: str, params: list | tuple = ()) -> int:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.rowcount

    return execute


@pytest.fixture
def district_admin(org):
    return factories.user(org.district_a, org.a_legal, roles=["administrator"], scope="unit")


@pytest.fixture
def sibling_admin(org):
    return factories.user(org.district_b, org.b_legal, roles=["administrator"], scope="unit")


@pytest.fixture
def leader(org):
    return factories.user(org.city, org.city_office, roles=["leader"], scope="unit_and_below")
