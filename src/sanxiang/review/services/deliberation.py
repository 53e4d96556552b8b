"""Collective deliberation (集体讨论) by the review committee."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_log, audit_refusal
from sanxiang.kernel.access import (
    has_role,
    require_visible,
)
from sanxiang.kernel.exceptions import (
    DomainError,
    InvalidTransition,
    PermissionDeniedError,
    ValidationFailed,
)

from .. import rules
from ..choices import CaseStatus, PauseReason
from ..models import (
    Deliberation,
    ReviewCase,
)
from .base import STAGE_ROLES, case_move, clock_close, clock_pause

# --- collective deliberation -----------------------------------------------------------------

DELIBERATION_ACTIONS = {
    "approve": "deliberate_approve",
    "investigate": "deliberate_investigate",
    "rehandle": "deliberate_rehandle",
}

if TYPE_CHECKING:
    from sanxiang.org.models import User


class NoQuorum(DomainError):
    code = "no_quorum"
    http_status = 409


@transaction.atomic
def deliberation_record(
    *,
    actor: User,
    case: ReviewCase,
    held_on: datetime.date,
    member_units: Sequence[str],
    attended_units: Sequence[str],
    attendees: str,
    votes_for: int,
    votes_against: int,
    abstentions: int = 0,
    outcome: str,
    minutes: str,
) -> Deliberation:
    """Record the committee meeting. Without the quorum (a share of member units, two thirds for
    重大税务案件 — 重大税务案件审理办法) the meeting cannot decide and nothing changes."""
    require_visible(actor, case)
    if case.status != CaseStatus.DELIBERATION:
        raise InvalidTransition(_("案件当前不在集体审议阶段。"), extra={"status": case.status})
    if not has_role(actor, *STAGE_ROLES["committee"]):
        raise PermissionDeniedError(_("只有审理委员会成员或法制审核人员可以登记集体审议。"))
    if outcome not in DELIBERATION_ACTIONS:
        raise ValidationFailed(_("审议结论无效。"))
    members = list(dict.fromkeys(u.strip() for u in member_units if u.strip()))
    attended = list(dict.fromkeys(u.strip() for u in attended_units if u.strip()))
    if not members or not set(attended) <= set(members):
        raise ValidationFailed(
            _("出席单位须为成员单位。"), extra={"fields": {"attended_units": [_("出席单位须为成员单位。")]}}
        )
    if not minutes.strip():
        raise ValidationFailed(_("请填写会议纪要。"))
    if votes_for + votes_against + abstentions > len(attended):
        raise ValidationFailed(_("票数不能多于出席单位数。"))
    quorum = Fraction(case.quorum or "2/3")
    result = rules.deliberation_result(
        rules.Vote(
            attended=len(attended),
            member_units=len(members),
            votes_for=votes_for,
            votes_against=votes_against,
            abstentions=abstentions,
        ),
        quorum,
    )
    if not result.quorum_met:
        audit_refusal(
            actor=actor,
            action="review.deliberation.no_quorum",
            target=case,
            data={"attended": len(attended), "members": len(members), "required": result.required},
        )
        raise NoQuorum(
            _(
                "出席成员单位 %(attended)d 个，未达到法定人数 %(required)d 个（成员单位的 %(quorum)s），审议无效。"
            )
            % {"attended": len(attended), "required": result.required, "quorum": str(quorum)},
            extra={"required": result.required, "attended": len(attended)},
        )
    if outcome == "approve" and not result.passed:
        raise ValidationFailed(_("同意票未过出席单位半数，不能作出通过的审议结论。"), code="not_passed")
    record = Deliberation.objects.create(
        case=case,
        round=case.round,
        held_on=held_on,
        member_units=members,
        attended_units=attended,
        attendees=attendees,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        quorum=str(quorum),
        quorum_met=result.quorum_met,
        passed=result.passed,
        outcome=outcome,
        minutes=minutes.strip(),
        recorded_by=actor,
    )
    if outcome == "approve":
        case.approved_on = held_on
    else:
        case.was_returned = True
    case_move(case, actor=actor, action=DELIBERATION_ACTIONS[outcome], today=held_on, comment=minutes.strip())
    if outcome == "investigate":
        clock_pause(case, "deliberation", PauseReason.INVESTIGATION, held_on, actor)
    else:
        clock_close(case, "deliberation", actor)
    audit_log(
        actor=actor,
        action="review.deliberation.recorded",
        target=case,
        data={"outcome": outcome, "votes": [votes_for, votes_against, abstentions], "attended": attended},
    )
    return record
