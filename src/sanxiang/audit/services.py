"""Placeholder until the audit trail lands (issue 2 §5)."""


def audit_scope_refusal(*, actor, violation) -> None:  # pragma: no cover - replaced
    raise NotImplementedError
