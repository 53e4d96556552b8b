"""Writers of the enforcement domain: taxpayers, acts, decisions and decision outcomes.

Every service checks the role (enforcement officer or administrator) and that the target
authority lies inside the actor's data scope, validates, saves and audits in one transaction.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, cast

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.audit.services import audit_log
from sanxiang.files.models import StoredFile
from sanxiang.files.services import file_attach
from sanxiang.kernel.access import authority_in_scope, has_role, require_role, require_visible
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.exceptions import (
    InvalidTransition,
    PermissionDeniedError,
    ValidationFailed,
)
from sanxiang.lib import idnumbers
from sanxiang.org.models import Authority, Department, User

from . import rules, tickets
from .choices import ActKind, ActStatus, DecisionOutcome, OfficerRole, TaxpayerKind
from .models import ActOfficer, Decision, EnforcementAct, Taxpayer
from .roles import READ_ROLES, WRITE_ROLES

TAXPAYER_FIELDS = (
    "kind",
    "name",
    "uscc",
    "tin",
    "id_number",
    "legal_representative",
    "legal_representative_person",
    "registered_address",
    "business_address",
    "phone",
    "authority",
    "department",
)
ACT_FIELDS = (
    "kind",
    "matter",
    "taxpayer",
    "authority",
    "department",
    "started_on",
    "concluded_on",
    "status",
    "source_system",
    "source_id",
)
DECISION_FIELDS = (
    "kind",
    "document_number",
    "decided_on",
    "served_on",
    "tax_amount",
    "penalty_amount",
    "late_fee_amount",
    "legal_basis",
    "facts",
    "source_system",
    "source_id",
)
AMOUNT_FIELDS = ("tax_amount", "penalty_amount", "late_fee_amount")
Officers = Sequence[tuple[User, str]]


# --- shared checks -------------------------------------------------------------------------


def _invalid(field: str, message: Any, code: str = "invalid") -> ValidationFailed:
    return ValidationFailed(message, code=code, extra={"fields": {field: [str(message)]}})


def _require_writer(actor: User, authority: Authority) -> None:
    if not has_role(actor, *WRITE_ROLES):
        raise PermissionDeniedError(_("只有执法人员或系统管理员可以登记执法信息。"))
    if not authority_in_scope(actor, authority):
        raise PermissionDeniedError(_("目标机关不在您的数据权限范围内。"))


def _require_act_writer(actor: User, authority: Authority, kind: str) -> None:
    """Writers of acts; the 双随机抽查组织人员 may also open and close the 行政检查 acts that
    random inspections start (税总发〔2015〕104号)."""
    if kind == ActKind.INSPECTION and has_role(actor, RoleCode.INSPECTION_ORGANISER):
        if not authority_in_scope(actor, authority):
            raise PermissionDeniedError(_("目标机关不在您的数据权限范围内。"))
        return
    _require_writer(actor, authority)


def _check_department(department: Department | None, authority: Authority) -> None:
    if department is not None and department.authority_id != authority.pk:
        raise _invalid("department", _("部门不属于所选机关。"))


def _snapshot(obj: models.Model, fields: Sequence[str]) -> dict[str, Any]:
    """Audit-friendly values: primary keys for relations, strings for dates and amounts.

    Personal values are masked by the audit trail by key (``sanxiang.audit.rules``): a natural
    person's name is therefore recorded under ``natural_person_name``, not the public ``name``.
    """
    result: dict[str, Any] = {}
    for name in fields:
        field = cast(models.Field, obj._meta.get_field(name))  # concrete fields only
        value = getattr(obj, field.attname)
        if isinstance(value, datetime.date | Decimal):
            value = str(value)
        key = name
        if name == "name" and isinstance(obj, Taxpayer) and obj.is_natural_person:
            key = "natural_person_name"
        result[key] = value
    return result


def _changed(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    keys = [k for k in after if before.get(k) != after[k]]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def _apply(obj: models.Model, data: Mapping[str, Any], allowed: Sequence[str]) -> None:
    unknown = set(data) - set(allowed)
    if unknown:
        raise ValidationFailed(_("包含不能修改的字段。"), extra={"fields": {k: [] for k in sorted(unknown)}})
    for name, value in data.items():
        setattr(obj, name, value)


# --- taxpayers -----------------------------------------------------------------------------


def _clean_taxpayer(actor: User, taxpayer: Taxpayer) -> None:
    if taxpayer.kind not in TaxpayerKind.values:
        raise _invalid("kind", _("纳税人类型无效。"))
    if not (taxpayer.name or "").strip():
        raise _invalid("name", _("请填写名称或姓名。"))
    taxpayer.name = taxpayer.name.strip()
    if taxpayer.uscc in (None, ""):
        taxpayer.uscc = None
    else:
        try:
            taxpayer.uscc = idnumbers.validate_uscc(taxpayer.uscc)
        except idnumbers.InvalidIdNumber:
            raise _invalid("uscc", _("统一社会信用代码无效（校验位或格式错误）。")) from None
        if Taxpayer.objects.filter(uscc=taxpayer.uscc).exclude(pk=taxpayer.pk).exists():
            raise _invalid("uscc", _("该统一社会信用代码已登记。"), code="duplicate")
    taxpayer.id_number = idnumbers.normalise(taxpayer.id_number or "")
    taxpayer.birth_date = None
    if taxpayer.id_number:
        try:
            taxpayer.id_number = idnumbers.validate_id_number(taxpayer.id_number, today=timezone.localdate())
        except idnumbers.InvalidIdNumber:
            raise _invalid("id_number", _("居民身份证号无效（校验位、地区码或出生日期错误）。")) from None
        taxpayer.birth_date = idnumbers.birth_date_of(taxpayer.id_number)
        duplicate = Taxpayer.objects.filter(kind=TaxpayerKind.NATURAL_PERSON, id_number=taxpayer.id_number)
        if taxpayer.is_natural_person and duplicate.exclude(pk=taxpayer.pk).exists():
            raise _invalid("id_number", _("该自然人已登记。"), code="duplicate")
    if taxpayer.is_natural_person and taxpayer.uscc:
        raise _invalid("uscc", _("自然人没有统一社会信用代码。"))
    person = taxpayer.legal_representative_person
    if person is not None:
        if not person.is_natural_person or person.pk == taxpayer.pk:
            raise _invalid("legal_representative_person", _("法定代表人须为自然人档案。"))
        require_visible(actor, person, action="link")
        if not taxpayer.legal_representative:
            taxpayer.legal_representative = person.name
    _check_department(taxpayer.department, taxpayer.authority)


@transaction.atomic
def taxpayer_create(
    *,
    actor: User,
    kind: str,
    name: str,
    authority: Authority,
    uscc: str | None = None,
    tin: str = "",
    id_number: str = "",
    legal_representative: str = "",
    legal_representative_person: Taxpayer | None = None,
    registered_address: str = "",
    business_address: str = "",
    phone: str = "",
    department: Department | None = None,
) -> Taxpayer:
    """Register a taxpayer under its competent authority (主管税务机关)."""
    _require_writer(actor, authority)
    taxpayer = Taxpayer(
        kind=kind,
        name=name,
        authority=authority,
        uscc=uscc,
        tin=tin,
        id_number=id_number,
        legal_representative=legal_representative,
        legal_representative_person=legal_representative_person,
        registered_address=registered_address,
        business_address=business_address,
        phone=phone,
        department=department,
        created_by=actor,
    )
    _clean_taxpayer(actor, taxpayer)
    taxpayer.save()
    audit_log(
        actor=actor,
        action="enforcement.taxpayer.created",
        target=taxpayer,
        after=_snapshot(taxpayer, TAXPAYER_FIELDS),
    )
    return taxpayer


@transaction.atomic
def taxpayer_update(*, actor: User, taxpayer: Taxpayer, data: Mapping[str, Any]) -> Taxpayer:
    """Change a taxpayer's fields (keys of ``TAXPAYER_FIELDS``); moving it needs scope over both."""
    require_visible(actor, taxpayer)
    _require_writer(actor, taxpayer.authority)
    before = _snapshot(taxpayer, TAXPAYER_FIELDS)
    _apply(taxpayer, data, TAXPAYER_FIELDS)
    _require_writer(actor, taxpayer.authority)
    _clean_taxpayer(actor, taxpayer)
    taxpayer.save()
    old, new = _changed(before, _snapshot(taxpayer, TAXPAYER_FIELDS))
    audit_log(actor=actor, action="enforcement.taxpayer.updated", target=taxpayer, before=old, after=new)
    return taxpayer


@transaction.atomic
def taxpayer_reveal_id_number(*, actor: User, taxpayer: Taxpayer) -> str:
    """The full ID number for a permitted user whose scope covers the taxpayer; audited."""
    require_role(actor, *READ_ROLES)
    require_visible(actor, taxpayer, action="reveal")
    audit_log(
        actor=actor,
        action="enforcement.taxpayer.id_revealed",
        target=taxpayer,
        data={"id_number_masked": taxpayer.id_number_masked},
    )
    return taxpayer.id_number


# --- enforcement acts ----------------------------------------------------------------------


def _clean_act(actor: User, act: EnforcementAct) -> None:
    if not (act.matter or "").strip():
        raise _invalid("matter", _("请填写执法事项。"))
    if act.status not in ActStatus.values:
        raise _invalid("status", _("状态无效。"))
    require_visible(actor, act.taxpayer, action="link")
    _check_department(act.department, act.authority)
    if act.started_on and act.concluded_on and act.concluded_on < act.started_on:
        raise _invalid("concluded_on", _("办结日期不能早于开始日期。"))
    if bool(act.source_system) != bool(act.source_id):
        raise _invalid("source_id", _("来源系统与来源系统编号须同时填写。"))


def _set_officers(actor: User, act: EnforcementAct, officers: Officers) -> None:
    for user, role in officers:
        if role not in OfficerRole.values:
            raise _invalid("officers", _("执法人员角色无效。"))
        if not user.is_active or user.authority is None or not authority_in_scope(actor, user.authority):
            raise _invalid("officers", _("执法人员须为本人数据权限范围内的在职人员。"))
    ActOfficer.objects.filter(act=act).delete()
    ActOfficer.objects.bulk_create([ActOfficer(act=act, user=user, role=role) for user, role in officers])


def _officer_snapshot(act: EnforcementAct) -> list[list[Any]]:
    return [[link.user_id, link.role] for link in ActOfficer.objects.filter(act=act).order_by("user_id")]


@transaction.atomic
def act_create(
    *,
    actor: User,
    kind: str,
    matter: str,
    taxpayer: Taxpayer,
    authority: Authority,
    department: Department | None = None,
    started_on: datetime.date | None = None,
    concluded_on: datetime.date | None = None,
    status: str = ActStatus.IN_PROGRESS,
    source_system: str = "",
    source_id: str = "",
    officers: Officers = (),
) -> EnforcementAct:
    """Register an enforcement act; ``officers`` are (user, role) pairs (主办/协办)."""
    _require_act_writer(actor, authority, kind)
    act = EnforcementAct(
        kind=kind,
        matter=matter,
        taxpayer=taxpayer,
        authority=authority,
        department=department,
        started_on=started_on,
        concluded_on=concluded_on,
        status=status,
        source_system=source_system,
        source_id=source_id,
        created_by=actor,
    )
    _clean_act(actor, act)
    if source_id and EnforcementAct.objects.filter(source_system=source_system, source_id=source_id).exists():
        raise _invalid("source_id", _("该来源系统编号已登记，请使用按来源编号更新的接口。"), code="duplicate")
    act.save()
    _set_officers(actor, act, officers)
    after = _snapshot(act, ACT_FIELDS) | {"officers": _officer_snapshot(act)}
    audit_log(actor=actor, action="enforcement.act.created", target=act, after=after)
    # A 承诺件 gets its progress ticket in the same transaction, whichever way it was registered.
    tickets.matter_ticket_issue_for_act(actor=actor, act=act)
    return act


@transaction.atomic
def act_update(
    *, actor: User, act: EnforcementAct, data: Mapping[str, Any], officers: Officers | None = None
) -> EnforcementAct:
    """Change an act's fields (keys of ``ACT_FIELDS``); ``officers`` replaces the list when given."""
    require_visible(actor, act)
    _require_act_writer(actor, act.authority, act.kind)
    before = _snapshot(act, ACT_FIELDS) | {"officers": _officer_snapshot(act)}
    _apply(act, data, ACT_FIELDS)
    _require_act_writer(actor, act.authority, act.kind)
    _clean_act(actor, act)
    act.save()
    if officers is not None:
        _set_officers(actor, act, officers)
    old, new = _changed(before, _snapshot(act, ACT_FIELDS) | {"officers": _officer_snapshot(act)})
    audit_log(actor=actor, action="enforcement.act.updated", target=act, before=old, after=new)
    tickets.matter_ticket_follow_act(actor=actor, act=act)
    return act


@transaction.atomic
def act_upsert_from_source(
    *,
    actor: User,
    source_system: str,
    source_id: str,
    data: Mapping[str, Any],
    officers: Officers | None = None,
) -> tuple[EnforcementAct, bool]:
    """Create or update the act a source system knows as ``source_id``; returns (act, created).

    Idempotent: pushing the same payload twice leaves one act. An existing act outside the
    actor's scope is refused as not found. Two concurrent first pushes meet at the unique
    constraint; the loser retries as an update.
    """
    if not source_system or not source_id:
        raise _invalid("source_id", _("来源系统与来源系统编号须同时填写。"))
    payload = {k: v for k, v in data.items() if k not in ("source_system", "source_id")}
    existing = (
        EnforcementAct.objects.select_for_update()
        .filter(source_system=source_system, source_id=source_id)
        .first()
    )
    if existing is None:
        try:
            with transaction.atomic():
                act = act_create(
                    actor=actor,
                    source_system=source_system,
                    source_id=source_id,
                    officers=officers or (),
                    **payload,
                )
            return act, True
        except IntegrityError:
            existing = EnforcementAct.objects.get(source_system=source_system, source_id=source_id)
    return act_update(actor=actor, act=existing, data=payload, officers=officers), False


@transaction.atomic
def act_attach_file(
    *, actor: User, act: EnforcementAct, upload: Any, purpose: str = "attachment"
) -> StoredFile:
    """Store an uploaded attachment of ``act`` in the file store (owner = the act)."""
    require_visible(actor, act)
    _require_writer(actor, act.authority)
    return file_attach(
        actor=actor,
        owner=act,
        upload=upload,
        authority=act.authority,
        purpose=purpose,
        action="enforcement.act.file_attached",
    )


# --- decisions -----------------------------------------------------------------------------


def _clean_decision(decision: Decision) -> None:
    negative = rules.negative_amounts({name: getattr(decision, name) for name in AMOUNT_FIELDS})
    if negative:
        raise ValidationFailed(
            _("金额不能为负数。"), extra={"fields": {name: [str(_("金额不能为负数。"))] for name in negative}}
        )
    decision.document_number = (decision.document_number or "").strip()
    if decision.document_number and (
        Decision.objects.filter(authority=decision.authority, document_number=decision.document_number)
        .exclude(pk=decision.pk)
        .exists()
    ):
        raise _invalid("document_number", _("本机关已有相同文书号的决定。"), code="duplicate")
    if decision.decided_on and decision.served_on and decision.served_on < decision.decided_on:
        raise _invalid("served_on", _("送达日期不能早于决定日期。"))
    if bool(decision.source_system) != bool(decision.source_id):
        raise _invalid("source_id", _("来源系统与来源系统编号须同时填写。"))
    if (
        decision.source_id
        and Decision.objects.filter(source_system=decision.source_system, source_id=decision.source_id)
        .exclude(pk=decision.pk)
        .exists()
    ):
        raise _invalid("source_id", _("该来源系统编号已登记。"), code="duplicate")


@transaction.atomic
def decision_create(
    *,
    actor: User,
    act: EnforcementAct,
    kind: str,
    document_number: str = "",
    decided_on: datetime.date | None = None,
    served_on: datetime.date | None = None,
    tax_amount: Decimal = Decimal("0"),
    penalty_amount: Decimal = Decimal("0"),
    late_fee_amount: Decimal = Decimal("0"),
    legal_basis: str = "",
    facts: str = "",
    source_system: str = "",
    source_id: str = "",
) -> Decision:
    """Record a decision of ``act``; it is made by the act's authority."""
    require_visible(actor, act)
    _require_writer(actor, act.authority)
    decision = Decision(
        act=act,
        authority=act.authority,
        kind=kind,
        document_number=document_number,
        decided_on=decided_on,
        served_on=served_on,
        tax_amount=tax_amount,
        penalty_amount=penalty_amount,
        late_fee_amount=late_fee_amount,
        legal_basis=legal_basis,
        facts=facts,
        source_system=source_system,
        source_id=source_id,
        created_by=actor,
    )
    _clean_decision(decision)
    decision.save()
    audit_log(
        actor=actor,
        action="enforcement.decision.created",
        target=decision,
        after=_snapshot(decision, ("act", *DECISION_FIELDS)),
    )
    tickets.matter_ticket_follow_act(actor=actor, act=decision.act)
    return decision


@transaction.atomic
def decision_update(*, actor: User, decision: Decision, data: Mapping[str, Any]) -> Decision:
    """Correct a decision's fields (keys of ``DECISION_FIELDS``); outcomes go through
    ``decision_record_outcome``."""
    require_visible(actor, decision)
    _require_writer(actor, decision.authority)
    before = _snapshot(decision, DECISION_FIELDS)
    _apply(decision, data, DECISION_FIELDS)
    _clean_decision(decision)
    decision.save()
    old, new = _changed(before, _snapshot(decision, DECISION_FIELDS))
    audit_log(actor=actor, action="enforcement.decision.updated", target=decision, before=old, after=new)
    tickets.matter_ticket_follow_act(actor=actor, act=decision.act)
    return decision


@transaction.atomic
def decision_record_outcome(
    *, actor: User, decision: Decision, outcome: str, outcome_on: datetime.date, reason: str
) -> Decision:
    """Record that a decision was changed, revoked, held unlawful or void (行政处罚法第四十八条)."""
    require_visible(actor, decision)
    _require_writer(actor, decision.authority)
    if outcome not in DecisionOutcome.values or not rules.outcome_allowed(decision.outcome, outcome):
        raise InvalidTransition(
            _("该决定当前状态下不能登记为所选状态。"), extra={"from": decision.outcome, "to": outcome}
        )
    if not (reason or "").strip():
        raise _invalid("reason", _("请填写状态变化的原因。"))
    if decision.decided_on and outcome_on < decision.decided_on:
        raise _invalid("outcome_on", _("状态变化日期不能早于决定日期。"))
    before = {
        "outcome": decision.outcome,
        "outcome_on": str(decision.outcome_on or ""),
        "reason": decision.outcome_reason,
    }
    decision.outcome = outcome
    decision.outcome_on = outcome_on
    decision.outcome_reason = reason.strip()
    decision.save(update_fields=["outcome", "outcome_on", "outcome_reason", "updated_at"])
    audit_log(
        actor=actor,
        action="enforcement.decision.outcome_recorded",
        target=decision,
        before=before,
        after={"outcome": outcome, "outcome_on": str(outcome_on), "reason": decision.outcome_reason},
    )
    return decision
