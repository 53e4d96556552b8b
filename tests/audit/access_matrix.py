"""Access matrix of the audit trail pages."""

from __future__ import annotations

from sanxiang.audit.models import AuditEvent


def cases(demo):
    # The demo's own audit events: the creation of a 金台区 user.
    event = AuditEvent.objects.filter(action="core.user.created").order_by("seq").last()
    return [
        (
            "audit:index",
            {},
            {
                "default": 403,
                "city_leader": 200,
                "jt_admin": 200,
                "jt_leader": 200,
                "sysadmin": 200,
                "wb_leader": 200,
                "anonymous": 302,
            },
        ),
        (
            "audit:detail",
            {"seq": event.seq},
            {
                "default": 403,
                "city_leader": 200,
                "sysadmin": 200,
                "anonymous": 302,
                "jt_admin": 404,
                "jt_leader": 404,
                "wb_leader": 404,
            },
        ),
    ]
