"""Shared by the review services: the transition step, the case snapshot, the stage clock."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_log
from sanxiang.holidays.selectors import current_calendar, deadline_get
from sanxiang.holidays.services import deadline_close, deadline_set
from sanxiang.kernel.access import (
    has_role,
)
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.exceptions import (
    InvalidTransition,
    PermissionDeniedError,
)

from .. import rules
from ..models import (
    CasePause,
    CaseTransition,
    ReviewCase,
)

STAGE_ROLES: dict[str, tuple[str, ...]] = {
    "officer": (RoleCode.ENFORCEMENT_OFFICER,),
    "reviewer": (RoleCode.LEGAL_REVIEWER,),
    "committee": (RoleCode.LEGAL_REVIEWER, RoleCode.REVIEW_COMMITTEE_MEMBER),
    "leader": (RoleCode.LEADER,),
}
CASE_FIELDS = (
    "title",
    "decision_kind",
    "facts",
    "legal_basis",
    "proposal",
    "case_file",
    "penalty_amount",
    "tax_amount",
    "conditions",
    "violation_code",
    "violation_date",
    "discretion_facts",
    "penalty_reason",
)

if TYPE_CHECKING:
    from sanxiang.org.models import User


class ReviewRequired(InvalidTransition):
    """The leader tried to decide a case that needs review before the review approved it."""

    code = "review_required"


# --- helpers ---------------------------------------------------------------------------------


def stage_limits() -> dict[str, Any]:
    """Per-stage overrides from ``settings.SANXIANG_REVIEW_STAGE_LIMITS`` (read at call time)."""
    return dict(settings.SANXIANG_REVIEW_STAGE_LIMITS)


def case_snapshot(case: ReviewCase) -> dict[str, Any]:
    return {
        "status": case.status,
        "round": case.round,
        "needs_review": case.needs_review,
        "fired_rules": [r["code"] for r in case.fired_rules],
        "penalty_amount": str(case.penalty_amount),
        "tax_amount": str(case.tax_amount),
        "reviewer": case.reviewer_id,
        "violation_code": case.violation_code,
        "discretion_facts": dict(case.discretion_facts or {}),
        "penalty_reason": case.penalty_reason,
    }


def case_move(
    case: ReviewCase,
    *,
    actor: User,
    action: str,
    today: datetime.date,
    comment: str = "",
    check_role: bool = True,
) -> rules.Step:
    """Take ``action`` from the case's state through the transition table, or refuse."""
    step = rules.step_for(case.status, action)
    if step is None:
        raise InvalidTransition(
            _("案件当前状态下不能执行该操作。"), extra={"status": case.status, "action": action}
        )
    if check_role and not has_role(actor, *STAGE_ROLES[step.role]):
        raise PermissionDeniedError(_("您的角色不能执行该操作。"), extra={"action": action})
    before = case_snapshot(case)
    case.status = step.target
    case.save()
    CaseTransition.objects.create(
        case=case,
        action=action,
        source=step.source,
        target=step.target,
        round=case.round,
        actor=actor if getattr(actor, "pk", None) else None,
        on=today,
        comment=comment,
    )
    audit_log(
        actor=actor,
        action=f"review.case.{action}",
        target=case,
        before=before,
        after=case_snapshot(case),
        data={"comment": comment, "on": today.isoformat()},
    )
    return step


def require_reviewer_of(actor: User, case: ReviewCase) -> None:
    if case.reviewer_id is None or actor.pk != case.reviewer_id:
        raise PermissionDeniedError(_("只有本案的审核人员可以出具审核意见。"))


# --- the stage clock --------------------------------------------------------------------------


def deadline_units(unit: str, n: int) -> dict[str, Any]:
    """``deadline_set``'s length argument named by ``unit`` (``working_days=5`` …)."""
    return {unit: n}


def clock_purpose(stage: str) -> str:
    return f"review.{stage}"


def clock_ensure(case: ReviewCase, stage: str, today: datetime.date, actor: User) -> None:
    """Start the stage's clock unless one is already running (a resumed clock keeps its remainder)."""
    existing = deadline_get(owner=case, purpose=clock_purpose(stage))
    if existing is not None and existing.closed_at is None:
        return
    limit = rules.stage_limit(stage, stage_limits())
    deadline_set(
        owner=case,
        purpose=clock_purpose(stage),
        label=str(limit.label),
        start=today,
        actor=actor,
        **deadline_units(limit.unit, limit.n),
    )


def clock_close(case: ReviewCase, stage: str, actor: User) -> None:
    deadline_close(owner=case, purpose=clock_purpose(stage), actor=actor)


def _used(unit: str, start: datetime.date, today: datetime.date) -> int:
    if unit == "working_days":
        return current_calendar().working_days_between(start, today)
    return (today - start).days


def clock_pause(case: ReviewCase, stage: str, reason: str, today: datetime.date, actor: User) -> None:
    """Stop the clock: record what is left and close the running deadline (RULES.md 0.20)."""
    deadline = deadline_get(owner=case, purpose=clock_purpose(stage))
    if deadline is None or deadline.closed_at is not None:
        return
    remaining = rules.remaining_after_pause(
        total=deadline.rule_n, used=_used(deadline.rule_unit, deadline.start, today)
    )
    CasePause.objects.create(
        case=case, stage=stage, reason=reason, started_on=today, remaining=remaining, unit=deadline.rule_unit
    )
    deadline_close(owner=case, purpose=clock_purpose(stage), actor=actor)


def clock_resume(case: ReviewCase, today: datetime.date, actor: User) -> None:
    """Restart a stopped clock from ``today`` with what was left, and recompute the due date."""
    pause = case.pauses.filter(ended_on__isnull=True).order_by("-pk").first()
    if pause is None:
        return
    pause.ended_on = today
    pause.save(update_fields=["ended_on"])
    limit = rules.stage_limit(pause.stage, stage_limits())
    deadline_set(
        owner=case,
        purpose=clock_purpose(pause.stage),
        label=str(limit.label),
        start=today,
        actor=actor,
        **deadline_units(pause.unit, pause.remaining),
    )


def now_date() -> datetime.date:
    """Today in the site's time zone (views and tasks pass it into the services)."""
    return timezone.localdate()
