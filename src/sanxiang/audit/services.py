"""Placeholder until the audit trail lands (issue 2 §5); the signatures are the contract."""

from __future__ import annotations

from typing import Any


def audit_log(
    *,
    actor: Any,
    action: str,
    target: Any = None,
    before: dict | None = None,
    after: dict | None = None,
    data: dict | None = None,
) -> Any:  # pragma: no cover - replaced
    return None


def audit_scope_refusal(*, actor: Any, violation: Any) -> None:  # pragma: no cover - replaced
    return None
