"""Readers of the audit trail; every one takes the acting user and returns scoped data."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from sanxiang.audit.models import AUDIT_ROLES, AuditCheckpoint, AuditEvent, AuditVerification
from sanxiang.kernel.access import get_visible_or_404, has_role

if TYPE_CHECKING:
    from sanxiang.org.models import User


def audit_access_allowed(user: Any) -> bool:
    return has_role(user, *AUDIT_ROLES)


def audit_event_list(
    *,
    actor: User,
    action_prefix: str = "",
    action: str = "",
    actor_query: str = "",
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    target_type: str = "",
    target_id: str = "",
    outcome: str = "",
) -> QuerySet[AuditEvent]:
    """Events in ``actor``'s data scope, newest first, filtered (dates are local calendar days)."""
    qs = AuditEvent.objects.visible_to(actor).select_related("actor", "authority").order_by("-seq")
    if action_prefix:
        qs = qs.filter(action__startswith=action_prefix)
    if action:
        qs = qs.filter(action=action)
    if actor_query:
        qs = qs.filter(actor_label__icontains=actor_query)
    if date_from:
        qs = qs.filter(occurred_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(occurred_at__date__lte=date_to)
    if target_type:
        qs = qs.filter(target_type=target_type)
    if target_id:
        qs = qs.filter(target_id=target_id)
    if outcome:
        qs = qs.filter(outcome=outcome)
    return qs


def audit_action_codes() -> list[str]:
    """Every action code the chain holds, for the filter's options (codes name no one's data)."""
    return sorted(AuditEvent.objects.order_by().values_list("action", flat=True).distinct())


def audit_target_types() -> list[str]:
    """Every target type the chain holds, for the filter's options."""
    return sorted(AuditEvent.objects.order_by().values_list("target_type", flat=True).distinct())


def audit_event_get(*, actor: User, seq: int) -> AuditEvent:
    """One event in scope; ``ScopeViolation`` (404, audited) if it exists outside the scope."""
    return get_visible_or_404(
        AuditEvent.objects.select_related("actor", "authority"), actor, action="view", seq=seq
    )


@dataclass(frozen=True)
class ChainStatus:
    head_seq: int
    latest_checkpoint: AuditCheckpoint | None
    latest_verification: AuditVerification | None


def audit_chain_status(*, actor: User) -> ChainStatus:
    """Head, newest checkpoint and newest verification run (chain-wide figures, not scoped)."""
    head = AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
    return ChainStatus(
        head_seq=head,
        latest_checkpoint=AuditCheckpoint.objects.order_by("-seq").first(),
        latest_verification=AuditVerification.objects.order_by("-started_at", "-pk").first(),
    )
