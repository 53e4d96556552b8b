"""Reading the real audit trail in tests."""

from __future__ import annotations

from sanxiang.audit.models import AuditEvent


class AuditTrail:
    """A live view of the audit trail: each access queries ``AuditEvent`` again."""

    def __init__(self, action: str | None = None):
        self.action = action

    def _events(self) -> list[dict]:
        qs = AuditEvent.objects.order_by("seq")
        if self.action:
            qs = qs.filter(action=self.action)
        return [
            {
                "action": e.action,
                "actor_id": e.actor_id,
                "target_type": e.target_type,
                "target_id": e.target_id,
                "before": e.before,
                "after": e.after,
                "data": e.data,
                "outcome": e.outcome,
            }
            for e in qs
        ]

    def __len__(self) -> int:
        return len(self._events())

    def __getitem__(self, index: int) -> dict:
        return self._events()[index]

    def __iter__(self):
        return iter(self._events())

    def __eq__(self, other: object) -> bool:
        return self._events() == other
