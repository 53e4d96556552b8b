"""Access matrix of the inbox: a notification is its recipient's only."""

from __future__ import annotations

from sanxiang.notifications.services import notify


def cases(demo):
    (note,) = notify(recipients=[demo.users["jt_officer"]], title="矩阵测试", category="core.test")
    return [
        ("notifications:inbox", {}, {"default": 200, "anonymous": 302}),
        ("notifications:mark_all_read", {}, {"default": 405, "anonymous": 302}),
        ("notifications:mark_read", {"pk": note.pk}, {"default": 405, "anonymous": 302}),
        ("notifications:open", {"pk": note.pk}, {"default": 405, "anonymous": 302}),
    ]
