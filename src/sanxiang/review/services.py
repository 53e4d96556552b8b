"""Writers of the legal review: cases, workflow steps, opinions, deliberations, catalogues.

Each workflow step is one service: it guards the current state through the pure table in
``rules.py``, checks the actor, writes a ``CaseTransition`` row and the audit entry, and keeps the
stage clock (``sanxiang.holidays`` deadlines, paused while the case is back for supplementary
investigation or referred upward — RULES.md 0.20). The leader's decision is refused HERE when the
review has not approved the case, so the UI, the API and jobs all obey.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_log, audit_refusal
from sanxiang.core.access import (
    authority_in_scope,
    has_role,
    holds_role,
    lineage_paths,
    require_visible,
    sees_all,
)
from sanxiang.core.choices import QualificationKind, RoleCode
from sanxiang.core.exceptions import (
    DomainError,
    InvalidTransition,
    PermissionDeniedError,
    ScopeViolation,
    ValidationFailed,
)
from sanxiang.core.models import Authority, User
from sanxiang.core.services import access_grant_create
from sanxiang.enforcement.choices import DecisionKind
from sanxiang.enforcement.models import ActOfficer, Decision, EnforcementAct
from sanxiang.files.models import StoredFile
from sanxiang.files.services import file_store_from_upload
from sanxiang.holidays.selectors import current_calendar, deadline_get
from sanxiang.holidays.services import deadline_close, deadline_set

from . import rules
from .choices import CaseStatus, Finding, Opinion, PauseReason, ReviewPoint
from .models import (
    BenchmarkVersion,
    CasePause,
    CaseTransition,
    CatalogueRule,
    ChecklistFinding,
    ChecklistItem,
    Deliberation,
    ReviewCase,
    ReviewCatalogue,
    ReviewOpinion,
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
)


class ReviewRequired(InvalidTransition):
    """The leader tried to decide a case that needs review before the review approved it."""

    code = "review_required"


# --- helpers ---------------------------------------------------------------------------------


def stage_limits() -> dict[str, Any]:
    """Per-stage overrides from ``settings.SANXIANG_REVIEW_STAGE_LIMITS`` (read at call time)."""
    return getattr(settings, "SANXIANG_REVIEW_STAGE_LIMITS", {})


def _snapshot(case: ReviewCase) -> dict[str, Any]:
    return {
        "status": case.status,
        "round": case.round,
        "needs_review": case.needs_review,
        "fired_rules": [r["code"] for r in case.fired_rules],
        "penalty_amount": str(case.penalty_amount),
        "tax_amount": str(case.tax_amount),
        "reviewer": case.reviewer_id,
    }


def _move(
    case: ReviewCase,
    *,
    actor: Any,
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
    before = _snapshot(case)
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
        after=_snapshot(case),
        data={"comment": comment, "on": today.isoformat()},
    )
    return step


def _require_reviewer_of(actor: Any, case: ReviewCase) -> None:
    if case.reviewer_id is None or actor.pk != case.reviewer_id:
        raise PermissionDeniedError(_("只有本案的审核人员可以出具审核意见。"))


# --- the stage clock --------------------------------------------------------------------------


def _purpose(stage: str) -> str:
    return f"review.{stage}"


def _clock_ensure(case: ReviewCase, stage: str, today: datetime.date, actor: Any) -> None:
    """Start the stage's clock unless one is already running (a resumed clock keeps its remainder)."""
    existing = deadline_get(owner=case, purpose=_purpose(stage))
    if existing is not None and existing.closed_at is None:
        return
    limit = rules.stage_limit(stage, stage_limits())
    deadline_set(
        owner=case,
        purpose=_purpose(stage),
        label=str(limit.label),
        start=today,
        actor=actor,
        **limit.kwargs(),
    )


def _clock_close(case: ReviewCase, stage: str, actor: Any) -> None:
    deadline_close(owner=case, purpose=_purpose(stage), actor=actor)


def _used(unit: str, start: datetime.date, today: datetime.date) -> int:
    if unit == "working_days":
        return current_calendar().working_days_between(start, today)
    return (today - start).days


def _clock_pause(case: ReviewCase, stage: str, reason: str, today: datetime.date, actor: Any) -> None:
    """Stop the clock: record what is left and close the running deadline (RULES.md 0.20)."""
    deadline = deadline_get(owner=case, purpose=_purpose(stage))
    if deadline is None or deadline.closed_at is not None:
        return
    remaining = rules.remaining_after_pause(
        total=deadline.rule_n, used=_used(deadline.rule_unit, deadline.start, today)
    )
    CasePause.objects.create(
        case=case, stage=stage, reason=reason, started_on=today, remaining=remaining, unit=deadline.rule_unit
    )
    deadline_close(owner=case, purpose=_purpose(stage), actor=actor)


def _clock_resume(case: ReviewCase, today: datetime.date, actor: Any) -> None:
    """Restart a stopped clock from ``today`` with what was left, and recompute the due date."""
    pause = case.pauses.filter(ended_on__isnull=True).order_by("-pk").first()
    if pause is None:
        return
    pause.ended_on = today
    pause.save(update_fields=["ended_on"])
    limit = rules.stage_limit(pause.stage, stage_limits())
    deadline_set(
        owner=case,
        purpose=_purpose(pause.stage),
        label=str(limit.label),
        start=today,
        actor=actor,
        **{pause.unit: pause.remaining},
    )


# --- catalogue --------------------------------------------------------------------------------


def catalogue_for(authority: Authority, on: datetime.date) -> ReviewCatalogue | None:
    """The catalogue version in force on ``on`` for ``authority``: its own, else the nearest
    superior authority's, else the default (no authority)."""
    ancestors = lineage_paths(authority)
    candidates = ReviewCatalogue.objects.filter(effective_from__lte=on).select_related("authority")
    own = [c for c in candidates.filter(authority__path__in=ancestors)]
    if own:
        return max(own, key=lambda c: (len(c.authority.path), c.effective_from, c.pk))
    return candidates.filter(authority__isnull=True).order_by("-effective_from", "-pk").first()


def _rules_of(catalogue: ReviewCatalogue | None) -> list[rules.CatalogueRule]:
    if catalogue is None:
        return [rules.rule_from_data(row) for row in rules.DEFAULT_CATALOGUE]
    return [
        rules.rule_from_data(
            {
                "code": r.code,
                "label": r.label,
                "act_kinds": r.act_kinds,
                "condition": r.condition,
                "amount_field": r.amount_field,
                "threshold_organisation": r.threshold_organisation,
                "threshold_individual": r.threshold_individual,
                "collective": r.collective,
                "quorum": r.quorum,
                "leaders_collective": r.leaders_collective,
                "basis": r.basis,
                "certainty": r.certainty,
            }
        )
        for r in catalogue.rules.all()
    ]


def _require_catalogue_admin(actor: Any, authority: Authority | None) -> None:
    """Administrators maintain catalogues and checklists of the authorities in their data scope;
    the default (no authority) belongs to those who see everything."""
    if actor is None:  # migrations and the demo loader run as the system
        return
    if not has_role(actor, RoleCode.ADMINISTRATOR):
        raise PermissionDeniedError(_("只有系统管理员可以维护审核事项清单和审核清单。"))
    if authority is None:
        if not sees_all(actor):
            raise PermissionDeniedError(_("默认清单只能由全部数据权限的系统管理员维护。"))
    elif not authority_in_scope(actor, authority):
        raise ScopeViolation(
            model_label=Authority._meta.label, object_ref=f"pk={authority.pk}", action="change"
        )


def _rule_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A catalogue row as stored (the keys of ``rules.DEFAULT_CATALOGUE``)."""
    return {
        "code": str(row["code"]).strip(),
        "label": str(row["label"]).strip(),
        "act_kinds": list(row.get("act_kinds") or []),
        "condition": row.get("condition") or "",
        "amount_field": row.get("amount_field") or "",
        "threshold_organisation": rules._decimal(row.get("threshold_organisation")),
        "threshold_individual": rules._decimal(row.get("threshold_individual")),
        "collective": bool(row.get("collective")),
        "quorum": str(row.get("quorum") or "2/3"),
        "leaders_collective": bool(row.get("leaders_collective")),
        "basis": (row.get("basis") or "").strip(),
        "certainty": row.get("certainty") or "unconfirmed",
    }


@transaction.atomic
def catalogue_create(
    *,
    actor: Any,
    authority: Authority | None,
    name: str,
    version: str,
    effective_from: datetime.date,
    filed_on: datetime.date | None = None,
    rows: Sequence[Mapping[str, Any]] = rules.DEFAULT_CATALOGUE,
    today: datetime.date | None = None,
) -> ReviewCatalogue:
    """File a new catalogue version for ``authority`` (None: the default); rows as in
    ``rules.DEFAULT_CATALOGUE``. Versions are never edited: a change is a new version, to be filed
    with the superior authority within a month (``catalogue_record_filing``)."""
    from sanxiang.enforcement.choices import ActKind

    _require_catalogue_admin(actor, authority)
    if not name.strip() or not version.strip():
        raise ValidationFailed(_("请填写清单名称和版本。"))
    if ReviewCatalogue.objects.filter(authority=authority, version=version.strip()).exists():
        raise ValidationFailed(_("该机关已有同一版本的清单。"), code="duplicate")
    problems = rules.catalogue_problems(rows, ActKind.values)
    if problems:
        raise ValidationFailed(_("审核事项清单有误。"), code="bad_catalogue", extra={"errors": problems})
    if filed_on is not None and filed_on > (today or now_date()):
        raise ValidationFailed(_("备案日期不能晚于今天。"))
    catalogue = ReviewCatalogue.objects.create(
        authority=authority,
        name=name.strip(),
        version=version.strip(),
        effective_from=effective_from,
        filed_on=filed_on,
    )
    stored = [_rule_row(row) for row in rows]
    CatalogueRule.objects.bulk_create(
        CatalogueRule(catalogue=catalogue, order=index, **row) for index, row in enumerate(stored, 1)
    )
    audit_log(
        actor=actor,
        action="review.catalogue.created",
        target=catalogue,
        after={
            "authority": authority.pk if authority else None,
            "version": catalogue.version,
            "effective_from": effective_from.isoformat(),
            "filed_on": filed_on.isoformat() if filed_on else None,
            "rules": [
                {k: (str(v) if isinstance(v, Decimal) else v) for k, v in row.items()} for row in stored
            ],
        },
    )
    return catalogue


@transaction.atomic
def catalogue_record_filing(
    *, actor: Any, catalogue: ReviewCatalogue, filed_on: datetime.date, today: datetime.date
) -> ReviewCatalogue:
    """Record the date a catalogue version was filed with the superior authority (报上级备案)."""
    _require_catalogue_admin(actor, catalogue.authority)
    if catalogue.authority is None:
        raise ValidationFailed(_("默认清单无需备案。"))
    if filed_on > today:
        raise ValidationFailed(_("备案日期不能晚于今天。"))
    before = {"filed_on": catalogue.filed_on.isoformat() if catalogue.filed_on else None}
    catalogue.filed_on = filed_on
    catalogue.save(update_fields=["filed_on"])
    audit_log(
        actor=actor,
        action="review.catalogue.filed",
        target=catalogue,
        before=before,
        after={"filed_on": filed_on.isoformat()},
    )
    return catalogue


# --- checklist items ---------------------------------------------------------------------------


def _copy_default_checklist(authority: Authority) -> None:
    """An authority's own list starts as a copy of the default, so that adding one item does not
    drop the seven review points (selectors use an authority's own items once it has any)."""
    if ChecklistItem.objects.filter(authority=authority).exists():
        return
    ChecklistItem.objects.bulk_create(
        ChecklistItem(authority=authority, point=i.point, text=i.text, order=i.order, is_active=i.is_active)
        for i in ChecklistItem.objects.filter(authority__isnull=True)
    )


def _clean_item(point: str, text: str) -> None:
    if point not in ReviewPoint.values:
        raise ValidationFailed(_("审核要点无效。"))
    if not text.strip():
        raise ValidationFailed(_("请填写审核内容。"))


@transaction.atomic
def checklist_item_create(
    *, actor: Any, authority: Authority | None, point: str, text: str, order: int | None = None
) -> ChecklistItem:
    """Add an item to the authority's review checklist (None: the default list)."""
    _require_catalogue_admin(actor, authority)
    _clean_item(point, text)
    if authority is not None:
        _copy_default_checklist(authority)
    if order is None:
        last = ChecklistItem.objects.filter(authority=authority).order_by("-order").first()
        order = (last.order if last else 0) + 1
    item = ChecklistItem.objects.create(authority=authority, point=point, text=text.strip(), order=order)
    audit_log(
        actor=actor,
        action="review.checklist_item.created",
        target=item,
        after={
            "authority": authority.pk if authority else None,
            "point": point,
            "text": item.text,
            "order": order,
        },
    )
    return item


@transaction.atomic
def checklist_item_update(
    *, actor: Any, item: ChecklistItem, point: str, text: str, order: int, is_active: bool
) -> ChecklistItem:
    """Change or switch off a checklist item; findings already recorded keep their own text."""
    _require_catalogue_admin(actor, item.authority)
    _clean_item(point, text)
    fields = ("point", "text", "order", "is_active")
    before = {f: getattr(item, f) for f in fields}
    item.point, item.text, item.order, item.is_active = point, text.strip(), order, is_active
    if item.authority_id is not None and not is_active:
        others = ChecklistItem.objects.filter(authority=item.authority, is_active=True).exclude(pk=item.pk)
        if not others.exists():
            raise ValidationFailed(_("审核清单至少须保留一个启用的事项。"))
    item.save()
    audit_log(
        actor=actor,
        action="review.checklist_item.updated",
        target=item,
        before=before,
        after={f: getattr(item, f) for f in fields},
    )
    return item


# --- detection --------------------------------------------------------------------------------


def _discretion_assessment(case: ReviewCase, today: datetime.date) -> dict[str, Any] | None:
    if not case.violation_code or case.violation_date is None:
        return None
    from sanxiang.lib.discretion import evaluate

    from .selectors import benchmark_set, discretion_request

    return evaluate(discretion_request(case), benchmark_set(), today=today)


def _detect(case: ReviewCase, today: datetime.date) -> None:
    """Run the catalogue in force on the case; a proposal outside the benchmark range adds the
    departure condition, a refused licence its own (清单)."""
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
        _rules_of(catalogue),
    )
    case.catalogue = catalogue
    case.needs_review = detection.needs_review
    case.fired_rules = detection.to_json()
    case.collective_required = detection.collective
    case.quorum = str(detection.quorum) if detection.quorum is not None else ""
    case.leaders_collective = detection.leaders_collective


def _clean(case: ReviewCase) -> None:
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


def _require_officer_for(actor: Any, act: EnforcementAct) -> None:
    if not has_role(actor, RoleCode.ENFORCEMENT_OFFICER):
        raise PermissionDeniedError(_("只有执法人员可以登记送审案件。"))
    if not EnforcementAct.objects.visible_to(actor).filter(pk=act.pk).exists():
        raise ScopeViolation(model_label=EnforcementAct._meta.label, object_ref=f"pk={act.pk}", action="link")


@transaction.atomic
def case_create(
    *,
    actor: Any,
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
        source_system=source_system,
        source_id=source_id,
        created_by=actor,
    )
    _clean(case)
    _detect(case, today)
    case.save()
    audit_log(
        actor=actor,
        action="review.case.created",
        target=case,
        after=_snapshot(case) | {"act": act.pk, "decision_kind": decision_kind},
    )
    return case


@transaction.atomic
def case_update(*, actor: Any, case: ReviewCase, data: Mapping[str, Any], today: datetime.date) -> ReviewCase:
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
    before = _snapshot(case)
    for name, value in data.items():
        setattr(case, name, value)
    _clean(case)
    _detect(case, today)
    case.save()
    audit_log(actor=actor, action="review.case.updated", target=case, before=before, after=_snapshot(case))
    return case


@transaction.atomic
def case_attach_file(*, actor: Any, case: ReviewCase, upload: Any, purpose: str = "case_file") -> StoredFile:
    """Add a document to the case file (evidence, investigation report, draft decision)."""
    require_visible(actor, case)
    if not has_role(actor, RoleCode.ENFORCEMENT_OFFICER, RoleCode.LEGAL_REVIEWER):
        raise PermissionDeniedError()
    stored = file_store_from_upload(
        actor=actor, upload=upload, authority=case.authority, owner=case, purpose=purpose
    )
    audit_log(
        actor=actor,
        action="review.case.file_attached",
        target=case,
        data={"file": str(stored.public_id), "name": stored.original_name, "sha256": stored.sha256},
    )
    return stored


# --- submission and assignment ----------------------------------------------------------------


def _has_case_file(case: ReviewCase) -> bool:
    from django.contrib.contenttypes.models import ContentType

    if (case.case_file or "").strip():
        return True
    content_type = ContentType.objects.get_for_model(ReviewCase)
    return StoredFile.objects.filter(owner_type=content_type, owner_id=case.pk).exists()


@transaction.atomic
def case_submit(*, actor: Any, case: ReviewCase, today: datetime.date, comment: str = "") -> ReviewCase:
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
    _move(case, actor=actor, action=action, today=today, comment=comment)
    if action == "resubmit":
        _clock_resume(case, today, actor)
    from sanxiang.notifications.services import notify_users_with_role

    notify_users_with_role(
        authority=case.authority,
        roles=[RoleCode.LEGAL_REVIEWER],
        title=_("新的法制审核送审：%(title)s") % {"title": case.title},
        url=f"/staff/review/cases/{case.pk}/",
        category="review.submitted",
        dedupe_key=f"review.submitted.{case.pk}.{case.round}",
        actor=actor,
    )
    return case


def _first_review(reviewer: User) -> bool:
    """Whether the reviewer has never given a review opinion (初次从事法制审核)."""
    return not ReviewOpinion.objects.filter(reviewer=reviewer).exists()


def reviewer_eligibility(*, case: ReviewCase, reviewer: User) -> rules.Eligibility:
    handled = (
        ActOfficer.objects.filter(act=case.act, user=reviewer).exists() or case.created_by_id == reviewer.pk
    )
    return rules.reviewer_eligibility(
        is_reviewer=holds_role(reviewer, RoleCode.LEGAL_REVIEWER),
        handled_case=handled,
        first_review=_first_review(reviewer),
        holds_legal_qualification=reviewer.qualifications.filter(
            kind=QualificationKind.LEGAL_PROFESSION
        ).exists(),
    )


ELIGIBILITY_MESSAGES = {
    "not_reviewer": "所选人员不是在岗的法制审核人员。",
    "handled_case": "审核人员不得是本案的承办人员。",
    "no_qualification": "初次从事法制审核的人员须取得法律职业资格（行政处罚法第五十八条第二款）。",
}


@transaction.atomic
def case_assign(*, actor: Any, case: ReviewCase, reviewer: User, today: datetime.date) -> ReviewCase:
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
    _move(case, actor=actor, action="assign", today=today, comment=reviewer.display_name)
    if not ReviewCase.objects.visible_to(reviewer).filter(pk=case.pk).exists():
        access_grant_create(actor=actor, target=case, user=reviewer, reason=str(_("法制审核分配")))
    _clock_ensure(case, "review", today, actor)
    from sanxiang.notifications.services import notify

    notify(
        recipients=[reviewer],
        title=_("请审核：%(title)s") % {"title": case.title},
        url=f"/staff/review/cases/{case.pk}/",
        category="review.assigned",
        actor=actor,
    )
    return case


@transaction.atomic
def case_extend(*, actor: Any, case: ReviewCase, today: datetime.date, reason: str) -> ReviewCase:
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
    deadline = deadline_get(owner=case, purpose=_purpose(stage))
    if deadline is None or deadline.closed_at is not None or limit.extension <= 0:
        raise InvalidTransition(_("该阶段不能延长。"))
    deadline_set(
        owner=case,
        purpose=_purpose(stage),
        label=str(limit.label),
        start=deadline.start,
        actor=actor,
        **{deadline.rule_unit: deadline.rule_n + limit.extension},
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
    actor: Any,
    case: ReviewCase,
    opinion: str,
    reasons: str,
    findings: Sequence[Mapping[str, Any]],
    today: datetime.date,
) -> ReviewOpinion:
    """The reviewer's opinion for this round with a finding per checklist item: approve, propose
    changes, return for supplementary investigation or re-handling, or refer upward."""
    require_visible(actor, case)
    _require_reviewer_of(actor, case)
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
    _move(case, actor=actor, action=action, today=today, comment=reasons.strip())
    if opinion == Opinion.RETURN_FOR_INVESTIGATION:
        _clock_pause(case, "review", PauseReason.INVESTIGATION, today, actor)
    elif opinion == Opinion.REFER:
        _clock_pause(case, "review", PauseReason.REFERRAL, today, actor)
    elif opinion != Opinion.PROPOSE_CHANGES:
        _clock_close(case, "review", actor)
    if action == "approve_to_committee":
        _clock_ensure(case, "deliberation", today, actor)
    audit_log(
        actor=actor,
        action="review.opinion.recorded",
        target=case,
        data={"opinion": opinion, "round": case.round, "problems": [p["point"] for p in problems]},
    )
    _tell_handlers(case, actor, _("审核意见：%(opinion)s") % {"opinion": Opinion(opinion).label})
    return record


def _tell_handlers(case: ReviewCase, actor: Any, title: str) -> None:
    from sanxiang.notifications.services import notify

    recipients = [link.user for link in case.act.officer_links.select_related("user")]
    if case.created_by is not None:
        recipients.append(case.created_by)
    notify(
        recipients=recipients,
        title=f"{case.title}：{title}",
        url=f"/staff/review/cases/{case.pk}/",
        category="review.opinion",
        actor=actor,
    )


@transaction.atomic
def review_confirm_changes(
    *, actor: Any, case: ReviewCase, today: datetime.date, comment: str = ""
) -> ReviewCase:
    """The reviewer confirms that the proposed changes were made; the case counts as approved."""
    require_visible(actor, case)
    _require_reviewer_of(actor, case)
    if not comment.strip():
        raise ValidationFailed(_("请说明修改情况。"))
    action = "confirm_changes_to_committee" if case.collective_required else "confirm_changes"
    if action == "confirm_changes":
        case.approved_on = today
    _move(case, actor=actor, action=action, today=today, comment=comment)
    _clock_close(case, "review", actor)
    if case.collective_required:
        _clock_ensure(case, "deliberation", today, actor)
    return case


@transaction.atomic
def case_resume(*, actor: Any, case: ReviewCase, today: datetime.date, comment: str) -> ReviewCase:
    """The superior answered the referral: the review goes on and the clock runs again."""
    require_visible(actor, case)
    _require_reviewer_of(actor, case)
    if not comment.strip():
        raise ValidationFailed(_("请填写上级答复或有权机关意见。"))
    _move(case, actor=actor, action="resume", today=today, comment=comment)
    _clock_resume(case, today, actor)
    return case


@transaction.atomic
def case_withdraw(*, actor: Any, case: ReviewCase, today: datetime.date, reason: str) -> ReviewCase:
    require_visible(actor, case)
    if not reason.strip():
        raise ValidationFailed(_("请填写撤回理由。"))
    _move(case, actor=actor, action="withdraw", today=today, comment=reason)
    _clock_close(case, "review", actor)
    return case


# --- collective deliberation -----------------------------------------------------------------

DELIBERATION_ACTIONS = {
    "approve": "deliberate_approve",
    "investigate": "deliberate_investigate",
    "rehandle": "deliberate_rehandle",
}


class NoQuorum(DomainError):
    code = "no_quorum"
    http_status = 409


@transaction.atomic
def deliberation_record(
    *,
    actor: Any,
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
    _move(case, actor=actor, action=DELIBERATION_ACTIONS[outcome], today=held_on, comment=minutes.strip())
    if outcome == "investigate":
        _clock_pause(case, "deliberation", PauseReason.INVESTIGATION, held_on, actor)
    else:
        _clock_close(case, "deliberation", actor)
    audit_log(
        actor=actor,
        action="review.deliberation.recorded",
        target=case,
        data={"outcome": outcome, "votes": [votes_for, votes_against, abstentions], "attended": attended},
    )
    return record


# --- the leader's decision ------------------------------------------------------------------


@transaction.atomic
def case_decide(
    *,
    actor: Any,
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
    _move(case, actor=actor, action=action, today=today, comment=note)
    _tell_handlers(case, actor, _("领导已作出决定"))
    return case


@transaction.atomic
def case_record_decision(
    *,
    actor: Any,
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


# --- decisions issued elsewhere (应审未审) -----------------------------------------------------


def _act_kind_conditions(decision: Decision) -> list[str]:
    if decision.kind == "licensing_refused":
        return ["licence_refused"]
    return []


@transaction.atomic
def case_accept_issued(
    *,
    actor: Any,
    decision: Decision,
    today: datetime.date,
    conditions: Sequence[str] = (),
    violation_code: str = "",
    violation_date: datetime.date | None = None,
    discretion_facts: Mapping[str, Any] | None = None,
) -> ReviewCase:
    """Accept a decision a source system reports as already issued: it is a fact, so it is recorded
    as is, and flagged 应审未审 when the catalogue says it needed a review it did not get."""
    existing = ReviewCase.objects.filter(decision=decision).first()
    if existing is not None:
        return existing
    act = decision.act
    case = ReviewCase(
        act=act,
        authority=decision.authority,
        department=act.department,
        title=f"{act.taxpayer.name}{act.matter}案",
        subject=rules.subject_of(act.taxpayer.kind),
        decision_kind=decision.kind,
        facts=decision.facts,
        legal_basis=decision.legal_basis,
        penalty_amount=decision.penalty_amount,
        tax_amount=decision.tax_amount,
        conditions=sorted(set(conditions) | set(_act_kind_conditions(decision))),
        violation_code=violation_code,
        violation_date=violation_date,
        discretion_facts=dict(discretion_facts or {}),
        status=CaseStatus.ISSUED_EXTERNALLY,
        decision=decision,
        decided_on=decision.decided_on,
        source_system=decision.source_system,
        source_id=f"decision:{decision.pk}",
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    _clean(case)
    _detect(case, today)
    case.unreviewed = case.needs_review
    case.save()
    audit_log(
        actor=actor,
        action="review.case.issued_accepted",
        target=case,
        after=_snapshot(case) | {"decision": decision.pk, "unreviewed": case.unreviewed},
    )
    return case


def unreviewed_scan(*, today: datetime.date, since_days: int = 400) -> dict[int, int]:
    """The daily scan: every issued decision without a case is accepted (and flagged where it needed
    review); each unit's legal reviewers are told how many 应审未审 decisions it has. Returns the
    count per authority id. Idempotent: a decision gets one case, a unit one message a day."""
    from sanxiang.notifications.services import notify_users_with_role

    start = today - datetime.timedelta(days=since_days)
    pending = (
        Decision.objects.filter(review_case__isnull=True, decided_on__gte=start, decided_on__lte=today)
        .select_related("act", "act__taxpayer", "authority")
        .order_by("pk")
    )
    for decision in pending:
        case_accept_issued(actor=None, decision=decision, today=today)
    counts: dict[int, int] = {}
    for authority_id in ReviewCase.objects.filter(unreviewed=True).values_list("authority_id", flat=True):
        counts[authority_id] = counts.get(authority_id, 0) + 1
    for authority in Authority.objects.filter(pk__in=counts):
        notify_users_with_role(
            authority=authority,
            roles=[RoleCode.LEGAL_REVIEWER],
            title=_("应审未审决定 %(n)d 件") % {"n": counts[authority.pk]},
            url="/staff/review/unreviewed/",
            category="review.unreviewed",
            dedupe_key=f"review.unreviewed.{authority.pk}.{today.isoformat()}",
        )
    return counts


def overdue_remind(*, today: datetime.date) -> int:
    """Remind each reviewer of cases whose stage clock ran out (once per case and due date)."""
    from django.contrib.contenttypes.models import ContentType

    from sanxiang.holidays.models import Deadline
    from sanxiang.notifications.services import notify

    content_type = ContentType.objects.get_for_model(ReviewCase)
    sent = 0
    for deadline in Deadline.objects.overdue(today).filter(
        content_type=content_type, purpose__startswith="review."
    ):
        case = ReviewCase.objects.filter(pk=deadline.object_id).select_related("reviewer").first()
        if case is None or case.reviewer is None:
            continue
        sent += len(
            notify(
                recipients=[case.reviewer],
                title=_("法制审核已超期：%(title)s") % {"title": case.title},
                url=f"/staff/review/cases/{case.pk}/",
                category="review.overdue",
                dedupe_key=f"review.overdue.{case.pk}.{deadline.purpose}.{deadline.due.isoformat()}",
            )
        )
    return sent


# --- discretion benchmarks ---------------------------------------------------------------------


@transaction.atomic
def benchmark_import(*, actor: Any, upload: Any) -> BenchmarkVersion:
    """Import one benchmark version from an Excel workbook through the lib's loader."""
    from sanxiang.lib.discretion import benchmark_problems, read_benchmark_xlsx

    if not has_role(actor, RoleCode.LEGAL_REVIEWER, RoleCode.ADMINISTRATOR):
        raise PermissionDeniedError(_("只有法制审核人员或系统管理员可以导入裁量基准。"))
    result = read_benchmark_xlsx(upload)
    if isinstance(result, list):
        raise ValidationFailed(
            _("裁量基准表有误。"), code="bad_workbook", extra={"errors": [str(e) for e in result]}
        )
    problems = benchmark_problems(result)
    if problems:
        raise ValidationFailed(
            _("裁量基准超出法定幅度或数据有误。"), code="bad_benchmark", extra={"errors": problems}
        )
    if BenchmarkVersion.objects.filter(name=result.name, version=result.version).exists():
        raise ValidationFailed(_("该版本的裁量基准已导入。"), code="duplicate")
    version = BenchmarkVersion.objects.create(
        name=result.name,
        region=result.region,
        version=result.version,
        effective_from=result.effective_from,
        effective_until=result.effective_until,
        certainty=result.certainty,
        source=result.source,
        payload=result.to_json(),
    )
    audit_log(
        actor=actor,
        action="review.benchmark.imported",
        target=version,
        after={
            "name": version.name,
            "version": version.version,
            "effective_from": str(version.effective_from),
        },
    )
    return version


def now_date() -> datetime.date:
    """Today in the site's time zone (views and tasks pass it into the services)."""
    return timezone.localdate()
