"""Cases: detection of what needs review, drafting, submission, assignment, extension, opinions."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_log, audit_refusal
from sanxiang.enforcement.choices import DecisionKind
from sanxiang.enforcement.models import EnforcementAct
from sanxiang.files.models import StoredFile
from sanxiang.holidays.selectors import deadline_get
from sanxiang.holidays.services import deadline_set
from sanxiang.kernel.access import (
    has_role,
    require_visible,
)
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.exceptions import (
    InvalidTransition,
    PermissionDeniedError,
    ScopeViolation,
    ValidationFailed,
)
from sanxiang.org.models import User
from sanxiang.org.services import access_grant_create

from .. import rules
from ..choices import CaseStatus, Finding, Opinion, PauseReason, ReviewPoint
from ..models import (
    ChecklistFinding,
    ReviewCase,
    ReviewOpinion,
)
from ..selectors import benchmark_set, discretion_request, reviewer_eligibility
from .base import (
    CASE_FIELDS,
    STAGE_ROLES,
    case_move,
    case_snapshot,
    clock_close,
    clock_ensure,
    clock_pause,
    clock_purpose,
    clock_resume,
    deadline_units,
    require_reviewer_of,
    stage_limits,
)
from .catalogue import catalogue_for, catalogue_rules

# --- detection --------------------------------------------------------------------------------


def _discretion_assessment(case: ReviewCase, today: datetime.date) -> dict[str, Any] | None:
    if not case.violation_code or case.violation_date is None:
        return None
    from sanxiang.lib.discretion import evaluate

    return evaluate(discretion_request(case), benchmark_set(), today=today)


def _require_reason_outside_range(case: ReviewCase, assessment: dict[str, Any] | None) -> None:
    """A proposed fine outside the lawful range (benchmark line, or the statutory frame while
    facts are missing) is kept only with a written reason (行政处罚法第五条、第三十四条)."""
    if not assessment or assessment.get("within_range") is not False:
        return
    if (case.penalty_reason or "").strip():
        case.penalty_reason = case.penalty_reason.strip()
        return
    message = _("拟罚款超出裁量幅度，请填写理由。")
    raise ValidationFailed(
        message, code="reason_required", extra={"fields": {"penalty_reason": [str(message)]}}
    )


def case_detect(case: ReviewCase, today: datetime.date) -> dict[str, Any] | None:
    """Run the catalogue in force on the case; a proposal outside the benchmark range adds the
    departure condition, a refused licence its own (清单). Returns the discretion assessment."""
    catalogue = catalogue_for(case.authority, today)
    conditions = set(case.conditions or [])
    if case.decision_kind == "licensing_refused":
        conditions.add("licence_refused")
    assessment = _discretion_assessment(case, today)
    if (
        assessment
        and assessment.get("within_range") is False
        and not assessment.get("first_violation_exemption")
    ):
        conditions.add("benchmark_departure")
    detection = rules.detect(
        rules.CaseFacts(
            act_kind=case.act.kind,
            subject=case.subject,
            penalty_amount=Decimal(case.penalty_amount),
            tax_amount=Decimal(case.tax_amount),
            conditions=frozenset(conditions),
        ),
        catalogue_rules(catalogue),
    )
    case.catalogue = catalogue
    case.needs_review = detection.needs_review
    case.fired_rules = detection.to_json()
    case.collective_required = detection.collective
    case.quorum = str(detection.quorum) if detection.quorum is not None else ""
    case.leaders_collective = detection.leaders_collective
    return assessment


def case_clean(case: ReviewCase) -> None:
    if not (case.title or "").strip():
        raise ValidationFailed(_("请填写案件名称。"), extra={"fields": {"title": [_("请填写案件名称。")]}})
    if case.decision_kind not in DecisionKind.values:
        raise ValidationFailed(
            _("拟作决定类别无效。"), extra={"fields": {"decision_kind": [_("拟作决定类别无效。")]}}
        )
    unknown = set(case.conditions or []) - set(rules.CONDITIONS)
    if unknown:
        raise ValidationFailed(_("其他情形无效。"), extra={"fields": {"conditions": sorted(unknown)}})
    if Decimal(case.penalty_amount) < 0 or Decimal(case.tax_amount) < 0:
        raise ValidationFailed(_("金额不能为负数。"))


def _require_officer_for(actor: User, act: EnforcementAct) -> None:
    if not has_role(actor, RoleCode.ENFORCEMENT_OFFICER):
        raise PermissionDeniedError(_("只有执法人员可以登记送审案件。"))
    if not EnforcementAct.objects.visible_to(actor).filter(pk=act.pk).exists():
        raise ScopeViolation(model_label=EnforcementAct._meta.label, object_ref=f"pk={act.pk}", action="link")


@transaction.atomic
def case_create(
    *,
    actor: User,
    act: EnforcementAct,
    decision_kind: str,
    today: datetime.date,
    title: str = "",
    facts: str = "",
    legal_basis: str = "",
    proposal: str = "",
    case_file: str = "",
    penalty_amount: Decimal = Decimal(0),
    tax_amount: Decimal = Decimal(0),
    conditions: Sequence[str] = (),
    violation_code: str = "",
    violation_date: datetime.date | None = None,
    discretion_facts: Mapping[str, Any] | None = None,
    penalty_reason: str = "",
    source_system: str = "",
    source_id: str = "",
) -> ReviewCase:
    """Register a proposed decision of ``act`` and say whether it needs review (status 待送审)."""
    _require_officer_for(actor, act)
    if source_id and ReviewCase.objects.filter(source_system=source_system, source_id=source_id).exists():
        raise ValidationFailed(_("该来源系统编号已登记。"), code="duplicate")
    case = ReviewCase(
        act=act,
        authority=act.authority,
        department=act.department,
        title=title or f"{act.taxpayer.name}{act.matter}案",
        subject=rules.subject_of(act.taxpayer.kind),
        decision_kind=decision_kind,
        facts=facts,
        legal_basis=legal_basis,
        proposal=proposal,
        case_file=case_file,
        penalty_amount=penalty_amount,
        tax_amount=tax_amount,
        conditions=sorted(set(conditions)),
        violation_code=violation_code,
        violation_date=violation_date,
        discretion_facts=dict(discretion_facts or {}),
        penalty_reason=penalty_reason,
        source_system=source_system,
        source_id=source_id,
        created_by=actor,
    )
    case_clean(case)
    _require_reason_outside_range(case, case_detect(case, today))
    case.save()
    audit_log(
        actor=actor,
        action="review.case.created",
        target=case,
        after=case_snapshot(case) | {"act": act.pk, "decision_kind": decision_kind},
    )
    return case


@transaction.atomic
def case_update(
    *, actor: User, case: ReviewCase, data: Mapping[str, Any], today: datetime.date
) -> ReviewCase:
    """Change the proposal while the case is with the handling unit (draft or returned, or
    after proposed changes); detection runs again."""
    require_visible(actor, case)
    _require_officer_for(actor, case.act)
    if case.status not in (
        CaseStatus.DRAFT,
        CaseStatus.RETURNED_FOR_INVESTIGATION,
        CaseStatus.RETURNED_FOR_REHANDLING,
        CaseStatus.CHANGES_PROPOSED,
    ):
        raise InvalidTransition(_("案件已送审，不能修改拟处理意见。"))
    unknown = set(data) - set(CASE_FIELDS)
    if unknown:
        raise ValidationFailed(_("包含不能修改的字段。"), extra={"fields": sorted(unknown)})
    before = case_snapshot(case)
    for name, value in data.items():
        setattr(case, name, value)
    case_clean(case)
    _require_reason_outside_range(case, case_detect(case, today))
    case.save()
    audit_log(
        actor=actor, action="review.case.updated", target=case, before=before, after=case_snapshot(case)
    )
    return case


# --- submission and assignment ----------------------------------------------------------------


def _has_case_file(case: ReviewCase) -> bool:
    from django.contrib.contenttypes.models import ContentType

    if (case.case_file or "").strip():
        return True
    content_type = ContentType.objects.get_for_model(ReviewCase)
    return StoredFile.objects.filter(owner_type=content_type, owner_id=case.pk).exists()


@transaction.atomic
def case_submit(*, actor: User, case: ReviewCase, today: datetime.date, comment: str = "") -> ReviewCase:
    """Send the case with its file to the legal review unit; after a return, resubmit it (a new
    round, earlier opinions kept) and let a stopped clock run again."""
    require_visible(actor, case)
    if not _has_case_file(case):
        raise ValidationFailed(
            _("送审须附案卷材料（调查终结报告、证据材料等）。"),
            extra={"fields": {"case_file": [_("请填写或上传案卷材料。")]}},
        )
    action = "submit" if case.status == CaseStatus.DRAFT else "resubmit"
    case.round += 1
    if case.submitted_on is None:
        case.submitted_on = today
    case_move(case, actor=actor, action=action, today=today, comment=comment)
    if action == "resubmit":
        clock_resume(case, today, actor)
    from sanxiang.notifications.services import notify_users_with_role

    notify_users_with_role(
        authority=case.authority,
        roles=[RoleCode.LEGAL_REVIEWER],
        title=_("新的法制审核送审：%(title)s") % {"title": case.title},
        url=reverse("review:case_detail", args=[case.pk]),
        category="review.submitted",
        dedupe_key=f"review.submitted.{case.pk}.{case.round}",
        actor=actor,
    )
    return case


ELIGIBILITY_MESSAGES = {
    "not_reviewer": "所选人员不是在岗的法制审核人员。",
    "handled_case": "审核人员不得是本案的承办人员。",
    "no_qualification": "初次从事法制审核的人员须取得法律职业资格（行政处罚法第五十八条第二款）。",
}


@transaction.atomic
def case_assign(*, actor: User, case: ReviewCase, reviewer: User, today: datetime.date) -> ReviewCase:
    """Assign a reviewer who did not handle the case and, on a first review, holds 法律职业资格;
    a reviewer from another department or authority gets access to this case alone."""
    require_visible(actor, case)
    eligibility = reviewer_eligibility(case=case, reviewer=reviewer)
    if not eligibility.ok:
        audit_refusal(
            actor=actor,
            action="review.case.assign_refused",
            target=case,
            data={"reviewer": reviewer.pk, "reason": eligibility.reason},
        )
        raise ValidationFailed(
            _(ELIGIBILITY_MESSAGES[eligibility.reason]),
            code=f"reviewer_{eligibility.reason}",
            extra={"reviewer": reviewer.pk},
        )
    case.reviewer = reviewer
    case_move(case, actor=actor, action="assign", today=today, comment=reviewer.display_name)
    if not ReviewCase.objects.visible_to(reviewer).filter(pk=case.pk).exists():
        access_grant_create(actor=actor, target=case, user=reviewer, reason=str(_("法制审核分配")))
    clock_ensure(case, "review", today, actor)
    from sanxiang.notifications.services import notify

    notify(
        recipients=[reviewer],
        title=_("请审核：%(title)s") % {"title": case.title},
        url=reverse("review:case_detail", args=[case.pk]),
        category="review.assigned",
        actor=actor,
    )
    return case


@transaction.atomic
def case_extend(*, actor: User, case: ReviewCase, today: datetime.date, reason: str) -> ReviewCase:
    """Extend the running stage once by its configured extension."""
    require_visible(actor, case)
    stage = "deliberation" if case.status == CaseStatus.DELIBERATION else "review"
    if case.status not in (CaseStatus.IN_REVIEW, CaseStatus.DELIBERATION):
        raise InvalidTransition(_("只有审核中或集体审议中的案件可以延长时限。"))
    if not has_role(actor, *STAGE_ROLES["committee"]):
        raise PermissionDeniedError()
    if case.extended:
        raise InvalidTransition(_("该案件已延长过时限。"))
    if not reason.strip():
        raise ValidationFailed(_("请填写延长理由。"))
    limit = rules.stage_limit(stage, stage_limits())
    deadline = deadline_get(owner=case, purpose=clock_purpose(stage))
    if deadline is None or deadline.closed_at is not None or limit.extension <= 0:
        raise InvalidTransition(_("该阶段不能延长。"))
    deadline_set(
        owner=case,
        purpose=clock_purpose(stage),
        label=str(limit.label),
        start=deadline.start,
        actor=actor,
        **deadline_units(deadline.rule_unit, deadline.rule_n + limit.extension),
    )
    case.extended = True
    case.save(update_fields=["extended", "updated_at"])
    audit_log(
        actor=actor, action="review.case.extended", target=case, data={"stage": stage, "reason": reason}
    )
    return case


# --- opinions ---------------------------------------------------------------------------------


def _clean_findings(findings: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    cleaned = []
    for item in findings:
        point, finding = item.get("point"), item.get("finding")
        if point not in ReviewPoint.values or finding not in Finding.values:
            raise ValidationFailed(_("审核清单结论无效。"), extra={"item": dict(item)})
        cleaned.append(
            {
                "point": point,
                "text": str(item.get("text") or ReviewPoint(point).label),
                "finding": finding,
                "note": str(item.get("note") or ""),
            }
        )
    missing = [p for p in ReviewPoint.values if p not in {c["point"] for c in cleaned}]
    if missing:
        raise ValidationFailed(
            _("审核清单须逐项给出结论。"), code="checklist_incomplete", extra={"missing": missing}
        )
    return cleaned


@transaction.atomic
def review_record_opinion(
    *,
    actor: User,
    case: ReviewCase,
    opinion: str,
    reasons: str,
    findings: Sequence[Mapping[str, Any]],
    today: datetime.date,
) -> ReviewOpinion:
    """The reviewer's opinion for this round with a finding per checklist item: approve, propose
    changes, return for supplementary investigation or re-handling, or refer upward."""
    require_visible(actor, case)
    require_reviewer_of(actor, case)
    if case.status != CaseStatus.IN_REVIEW:
        raise InvalidTransition(_("案件当前不在审核中。"), extra={"status": case.status})
    if opinion not in Opinion.values:
        raise ValidationFailed(_("审核意见无效。"))
    if not (reasons or "").strip():
        raise ValidationFailed(
            _("请填写审核意见的理由。"), extra={"fields": {"reasons": [_("请填写理由。")]}}
        )
    cleaned = _clean_findings(findings)
    problems = [c for c in cleaned if c["finding"] == Finding.PROBLEM]
    if opinion == Opinion.APPROVE and problems:
        raise ValidationFailed(_("审核清单存在问题项，不能出具同意意见。"), code="approve_with_problems")
    record = ReviewOpinion.objects.create(
        case=case, round=case.round, reviewer=actor, opinion=opinion, reasons=reasons.strip(), issued_on=today
    )
    ChecklistFinding.objects.bulk_create(ChecklistFinding(opinion=record, **c) for c in cleaned)
    action = rules.OPINION_ACTIONS[opinion]
    if opinion == Opinion.APPROVE and case.collective_required:
        action = "approve_to_committee"
    if opinion in (Opinion.RETURN_FOR_INVESTIGATION, Opinion.RETURN_FOR_REHANDLING):
        case.was_returned = True
    if opinion == Opinion.APPROVE and not case.collective_required:
        case.approved_on = today
    case_move(case, actor=actor, action=action, today=today, comment=reasons.strip())
    if opinion == Opinion.RETURN_FOR_INVESTIGATION:
        clock_pause(case, "review", PauseReason.INVESTIGATION, today, actor)
    elif opinion == Opinion.REFER:
        clock_pause(case, "review", PauseReason.REFERRAL, today, actor)
    elif opinion != Opinion.PROPOSE_CHANGES:
        clock_close(case, "review", actor)
    if action == "approve_to_committee":
        clock_ensure(case, "deliberation", today, actor)
    audit_log(
        actor=actor,
        action="review.opinion.recorded",
        target=case,
        data={"opinion": opinion, "round": case.round, "problems": [p["point"] for p in problems]},
    )
    tell_handlers(case, actor, _("审核意见：%(opinion)s") % {"opinion": Opinion(opinion).label})
    return record


def tell_handlers(case: ReviewCase, actor: User, title: str) -> None:
    from sanxiang.notifications.services import notify

    recipients = [link.user for link in case.act.officer_links.select_related("user")]
    if case.created_by is not None:
        recipients.append(case.created_by)
    notify(
        recipients=recipients,
        title=f"{case.title}：{title}",
        url=reverse("review:case_detail", args=[case.pk]),
        category="review.opinion",
        actor=actor,
    )


@transaction.atomic
def review_confirm_changes(
    *, actor: User, case: ReviewCase, today: datetime.date, comment: str = ""
) -> ReviewCase:
    """The reviewer confirms that the proposed changes were made; the case counts as approved."""
    require_visible(actor, case)
    require_reviewer_of(actor, case)
    if not comment.strip():
        raise ValidationFailed(_("请说明修改情况。"))
    action = "confirm_changes_to_committee" if case.collective_required else "confirm_changes"
    if action == "confirm_changes":
        case.approved_on = today
    case_move(case, actor=actor, action=action, today=today, comment=comment)
    clock_close(case, "review", actor)
    if case.collective_required:
        clock_ensure(case, "deliberation", today, actor)
    return case


@transaction.atomic
def case_resume(*, actor: User, case: ReviewCase, today: datetime.date, comment: str) -> ReviewCase:
    """The superior answered the referral: the review goes on and the clock runs again."""
    require_visible(actor, case)
    require_reviewer_of(actor, case)
    if not comment.strip():
        raise ValidationFailed(_("请填写上级答复或有权机关意见。"))
    case_move(case, actor=actor, action="resume", today=today, comment=comment)
    clock_resume(case, today, actor)
    return case


@transaction.atomic
def case_withdraw(*, actor: User, case: ReviewCase, today: datetime.date, reason: str) -> ReviewCase:
    require_visible(actor, case)
    if not reason.strip():
        raise ValidationFailed(_("请填写撤回理由。"))
    case_move(case, actor=actor, action="withdraw", today=today, comment=reason)
    clock_close(case, "review", actor)
    return case
