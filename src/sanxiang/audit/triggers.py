"""Database triggers that refuse UPDATE and DELETE on the audit tables: a second line of defence.

Verification never relies on them: anyone with database access can drop a trigger, and
``verify_audit`` detects tampering from the hashes, checkpoints and the checkpoint log alone.

TRUNCATE is not refused on PostgreSQL because Django's test flush truncates every table; a
truncation of the events is caught by the checkpoint log. In-memory SQLite databases (the test
databases) get no triggers, because Django flushes SQLite with DELETE between transactional
tests; ``tests/audit`` installs them explicitly to test them.
"""

from __future__ import annotations

from typing import Any

PROTECTED_TABLES = ("audit_auditevent", "audit_auditcheckpoint")
_PG_FUNCTION = "sanxiang_audit_append_only"
_MESSAGE = "sanxiang audit trail is append-only"


def _statements(vendor: str) -> list[str]:
    if vendor == "postgresql":
        sql = [
            f"""CREATE OR REPLACE FUNCTION {_PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING MESSAGE = '{_MESSAGE}: ' || TG_OP || ' on ' || TG_TABLE_NAME,
    ERRCODE = 'restrict_violation';
END $$"""
        ]
        sql += [
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {_PG_FUNCTION}()"
            for table in PROTECTED_TABLES
        ]
        return sql
    if vendor == "sqlite":
        return [
            f"CREATE TRIGGER {table}_no_{op.lower()} BEFORE {op} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END"
            for table in PROTECTED_TABLES
            for op in ("UPDATE", "DELETE")
        ]
    return []


def _drop_statements(vendor: str) -> list[str]:
    if vendor == "postgresql":
        return [f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}" for table in PROTECTED_TABLES] + [
            f"DROP FUNCTION IF EXISTS {_PG_FUNCTION}()"
        ]
    if vendor == "sqlite":
        return [
            f"DROP TRIGGER IF EXISTS {table}_no_{op}"
            for table in PROTECTED_TABLES
            for op in ("update", "delete")
        ]
    return []


def install_append_only_triggers(connection: Any) -> None:
    with connection.cursor() as cursor:
        for statement in _statements(connection.vendor):
            cursor.execute(statement)


def drop_append_only_triggers(connection: Any) -> None:
    with connection.cursor() as cursor:
        for statement in _drop_statements(connection.vendor):
            cursor.execute(statement)


def wanted(connection: Any) -> bool:
    return not (connection.vendor == "sqlite" and connection.is_in_memory_db())
