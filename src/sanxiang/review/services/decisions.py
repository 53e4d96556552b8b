"""The leader's decision, the recorded decision and the 首违不罚 no-penalty decision document."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_log, audit_refusal
from sanxiang.enforcement.models import Decision
from sanxiang.kernel.access import has_role, require_visible, superior_of
from sanxiang.kernel.exceptions import (
    DomainError,
    InvalidTransition,
    PermissionDeniedError,
    ValidationFailed,
)
from sanxiang.org.models import User

from .. import rules
from ..choices import CaseStatus
from ..models import (
    ReviewCase,
)
from .base import STAGE_ROLES, ReviewRequired, case_move
from .cases import tell_handlers

# --- the leader's decision ------------------------------------------------------------------


@transaction.atomic
def case_decide(
    *,
    actor: User,
    case: ReviewCase,
    today: datetime.date,
    mode: str = "individual",
    note: str = "",
    leaders: Sequence[str] = (),
    approve: bool = True,
) -> ReviewCase:
    """The leader's decision. Refused while a case that needs review has not been approved by it
    (行政处罚法第五十八条: 未经法制审核或者审核未通过的，不得作出决定); where the catalogue asks,
    the bureau's leaders decide collectively (行政处罚法第五十七条第二款)."""
    require_visible(actor, case)
    if not has_role(actor, *STAGE_ROLES["leader"]):
        raise PermissionDeniedError(_("只有局领导可以作出决定。"))
    if not rules.leader_may_decide(needs_review=case.needs_review, status=case.status):
        audit_refusal(
            actor=actor,
            action="review.case.decide_refused",
            target=case,
            data={"status": case.status, "needs_review": case.needs_review},
        )
        raise ReviewRequired(
            _("该决定须经法制审核且审核通过后方可作出（行政处罚法第五十八条）。"),
            extra={"status": case.status, "needs_review": case.needs_review},
        )
    if case.leaders_collective and mode != "collective":
        raise ValidationFailed(
            _("情节复杂或重大违法行为须由负责人集体讨论决定（行政处罚法第五十七条第二款）。"),
            code="collective_decision_required",
        )
    names = [n.strip() for n in leaders if n.strip()]
    if mode == "collective" and len(names) < 2:
        raise ValidationFailed(_("集体讨论决定须登记参加讨论的负责人。"))
    if mode not in ("individual", "collective"):
        raise ValidationFailed(_("决定方式无效。"))
    action = "decide" if case.status == CaseStatus.APPROVED else "decide_without_review"
    if not approve:
        action = "decline"
    case.decided_on = today
    case.decided_by = actor
    case.decision_mode = mode
    case.decision_note = note + (("\n" + "、".join(names)) if names else "")
    case_move(case, actor=actor, action=action, today=today, comment=note)
    tell_handlers(case, actor, _("领导已作出决定"))
    return case


@transaction.atomic
def case_record_decision(
    *,
    actor: User,
    case: ReviewCase,
    document_number: str,
    decided_on: datetime.date,
    served_on: datetime.date | None = None,
) -> Decision:
    """Record the issued decision document of a decided case as the shared enforcement decision."""
    from sanxiang.enforcement.services import decision_create

    require_visible(actor, case)
    if case.status != CaseStatus.DECIDED or case.decision_id is not None:
        raise InvalidTransition(_("只有已决定且尚未登记文书的案件可以登记执法决定。"))
    decision = decision_create(
        actor=actor,
        act=case.act,
        kind=case.decision_kind,
        document_number=document_number,
        decided_on=decided_on,
        served_on=served_on,
        tax_amount=case.tax_amount,
        penalty_amount=case.penalty_amount,
        legal_basis=case.legal_basis,
        facts=case.facts,
    )
    case.decision = decision
    case.save(update_fields=["decision", "updated_at"])
    audit_log(
        actor=actor, action="review.case.decision_recorded", target=case, data={"decision": decision.pk}
    )
    return decision


# --- the 首违不罚 no-penalty decision document -------------------------------------------------


class ExemptionNotApplicable(DomainError):
    """The case is not covered by the first-violation exemption (首违不罚); ``unreadable``: its
    discretion data cannot even be assessed."""

    code = "exemption_not_applicable"

    def __init__(self, message: Any = None, *, unreadable: bool = False) -> None:
        super().__init__(message or _("该案不适用首违不罚，不能制作不予行政处罚决定书。"))
        self.unreadable = unreadable


def exemption_decision_document(*, actor: User, case: ReviewCase, today: datetime.date) -> bytes:
    """The 不予行政处罚决定书 (Word) for a case the first-violation exemption covers; the
    reconsideration authority is the case authority's superior (复议机关)."""
    from sanxiang.lib.discretion import DiscretionError, assess, parse_request, render_exemption_decision

    from .. import documents
    from ..selectors import benchmark_set, discretion_request

    require_visible(actor, case, action="view")
    parsed = parse_request(discretion_request(case))
    if isinstance(parsed, DiscretionError):
        raise ExemptionNotApplicable(unreadable=True)
    assessment = assess(parsed, benchmark_set(), today=today)
    if isinstance(assessment, DiscretionError) or getattr(assessment, "exemption", None) is None:
        raise ExemptionNotApplicable()
    taxpayer = case.act.taxpayer
    superior = superior_of(case.authority)
    sections = render_exemption_decision(
        assessment,
        authority=case.authority.name,
        party_name=taxpayer.name,
        party_identifier=taxpayer.uscc or taxpayer.tin or taxpayer.id_number_masked,
        facts_text=case.facts or case.act.matter,
        decision_date=case.decided_on or today,
        review_authority=superior.name if superior else case.authority.name,
    )
    return documents.exemption_docx(sections)
