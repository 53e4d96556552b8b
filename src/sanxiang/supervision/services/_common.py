"""Helpers shared by the supervision services (not part of the public API)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import Q

from sanxiang.audit.services import audit_log
from sanxiang.kernel.choices import RoleCode
from sanxiang.org.models import User

from ..choices import EventKind
from ..models import Task, TaskEvent

# The ``holidays.Deadline`` purpose of every milestone's due date.
MILESTONE_PURPOSE = "supervision.milestone"


def acting_department_ids(task: Task) -> set[int]:
    """Departments that act on ``task``: matched departments, external units' contacts, the owner."""
    ids = {unit.acting_department_id for unit in task.units.select_related("external_unit")}
    if task.owner_department_id:
        ids.add(task.owner_department_id)
    ids.discard(None)
    return ids  # type: ignore[return-value]


def department_contacts(department_ids: Iterable[int]) -> list[User]:
    """The liaisons (联络员) of each department, or its whole staff where it has none."""
    ids = set(department_ids)
    staff = list(User.objects.filter(department_id__in=ids, is_active=True).prefetch_related("roles"))
    chosen: list[User] = []
    for dept_id in ids:
        members = [u for u in staff if u.department_id == dept_id]
        liaisons = [u for u in members if RoleCode.LIAISON in {r.code for r in u.roles.all()}]
        chosen.extend(liaisons or members)
    return chosen


def authority_users_with_role(task: Task, *roles: str) -> list[User]:
    return list(
        User.objects.filter(
            Q(authority_id=task.authority_id), is_active=True, roles__code__in=list(roles)
        ).distinct()
    )


def record_event(
    task: Task,
    kind: str,
    *,
    actor: User | None,
    comment: str = "",
    data: dict | None = None,
    action: str | None = None,
    before: dict | None = None,
    after: dict | None = None,
) -> TaskEvent:
    """A history row on the task page and, with ``action``, the matching audit entry."""
    event = TaskEvent.objects.create(
        task=task,
        kind=kind,
        actor=actor if getattr(actor, "pk", None) else None,
        comment=comment,
        data=data or {},
    )
    if action:
        audit_log(actor=actor, action=action, target=task, before=before, after=after, data=data)
    return event


def task_url(task: Task) -> str:
    from django.urls import reverse

    return reverse("supervision:task_detail", args=[task.pk])


def iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


__all__ = [
    "MILESTONE_PURPOSE",
    "EventKind",
    "acting_department_ids",
    "authority_users_with_role",
    "department_contacts",
    "iso",
    "record_event",
    "task_url",
]
