"""Who may do what in supervision, expressed with ``sanxiang.kernel.access`` (roles plus scope)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanxiang.kernel.access import authority_in_scope, has_role
from sanxiang.kernel.choices import RoleCode

if TYPE_CHECKING:
    from sanxiang.kernel.access import Actor
    from sanxiang.org.models import Authority

    from .models import ProgressReport, Task

MANAGE_ROLES: tuple[str, ...] = (RoleCode.SUPERVISOR, RoleCode.ADMINISTRATOR)
DECIDE_ROLES: tuple[str, ...] = (RoleCode.SUPERVISOR, RoleCode.LEADER)


def can_manage(user: Actor, authority: Authority | None = None) -> bool:
    """Import and confirm plans, record meetings: a supervisor (督办员) of the authority."""
    return has_role(user, *MANAGE_ROLES) and (authority is None or authority_in_scope(user, authority))


def can_decide(user: Actor, authority: Authority) -> bool:
    """Approve extensions and close-outs: a supervisor or leader of the plan's authority."""
    return has_role(user, *DECIDE_ROLES) and authority_in_scope(user, authority)


def can_request_closeout(user: Actor, task: Task) -> bool:
    """Ask for 销号: the lead department, or a supervisor of the task's authority."""
    if not has_role(user):
        return False
    department_id = getattr(user, "department_id", None)
    return bool(department_id and department_id == task.owner_department_id) or can_manage(
        user, task.authority
    )


def can_review_report(user: Actor, task: Task, report: ProgressReport) -> bool:
    """Accept or return a progress report: the lead department or a supervisor, never its reporter."""
    if not has_role(user) or report.reporter_id == getattr(user, "pk", None):
        return False
    department_id = getattr(user, "department_id", None)
    return bool(department_id and department_id == task.owner_department_id) or can_manage(
        user, task.authority
    )
