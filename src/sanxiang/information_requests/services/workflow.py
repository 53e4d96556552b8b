"""Handling of a request (条例第四十五条): register, assign, clock actions (补正, extension,
consultation, fees), route petitions away (条例第三十九条), abandonment, archive, remedies."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.audit.services import audit_log
from sanxiang.holidays.selectors import current_calendar
from sanxiang.kernel.access import require_visible
from sanxiang.kernel.exceptions import PermissionDeniedError, ValidationFailed
from sanxiang.org.models import Department
from sanxiang.org.services import access_grant_create

from .. import rules
from ..choices import ConsultationOpinion, RemedyKind, RemedyOutcome, ReplyType, RequestStatus
from ..models import Assignment, Consultation, InformationRequest, Remedy, Reply
from ._common import (
    HANDLER_ROLES,
    add_clock_event,
    clock_config,
    clock_error,
    compute_clock,
    refresh_clock,
    require_handler,
    require_head,
    transition,
)

if TYPE_CHECKING:
    from sanxiang.org.models import User

K = rules.ClockEventKind


def _guard(actor: Any, request: InformationRequest) -> None:
    require_visible(actor, request)
    require_handler(actor)


@transaction.atomic
def request_register(
    *, actor: User, request: InformationRequest, today: datetime.date, register_number: str = ""
) -> InformationRequest:
    """Register the request (登记). An online request is confirmed received on this day."""
    _guard(actor, request)
    if request.received_on is None:
        from .intake import request_confirm_receipt

        request_confirm_receipt(actor=actor, request=request, on=today, today=today)
    request.register_number = register_number.strip() or request.code
    request.handler = actor
    request.save(update_fields=["register_number", "handler", "updated_at"])
    transition(request, "register", actor=actor)
    return request


@transaction.atomic
def request_assign(
    *, actor: User, request: InformationRequest, department: Department, instructions: str = ""
) -> Assignment:
    """Send the request to the department holding the information; it sees this request alone."""
    _guard(actor, request)
    if department.authority_id != request.authority_id:
        raise ValidationFailed(_("只能交办给受理机关的内设部门。"), extra={"field": "department"})
    assignment = Assignment.objects.create(
        request=request, department=department, instructions=instructions.strip(), assigned_by=actor
    )
    request.holding_department = department
    request.save(update_fields=["holding_department", "updated_at"])
    access_grant_create(
        actor=actor, target=request, department=department, reason=str(_("政府信息公开申请交办"))
    )
    transition(request, "assign", actor=actor, comment=str(department))
    return assignment


@transaction.atomic
def assignment_answer(*, actor: User, assignment: Assignment, search_result: str) -> Assignment:
    """The holding department's search result and draft opinion (检索与办理意见)."""
    request = assignment.request
    require_visible(actor, request)
    if actor.department_id != assignment.department_id and not actor.has_role(*HANDLER_ROLES):
        raise PermissionDeniedError(_("只有承办部门或政务公开专员可以填写检索结果。"))
    if not search_result.strip():
        raise ValidationFailed(_("检索与办理意见不能为空。"), extra={"field": "search_result"})
    assignment.search_result = search_result.strip()
    assignment.answered_by = actor
    assignment.answered_at = timezone.now()
    assignment.save()
    audit_log(actor=actor, action="information_requests.assignment.answered", target=request)
    return assignment


# -- clock actions ------------------------------------------------------------------------------


@transaction.atomic
def request_correction_notice(
    *,
    actor: User,
    request: InformationRequest,
    on: datetime.date,
    today: datetime.date,
    items: str,
    until: datetime.date | None = None,
) -> InformationRequest:
    """The one-time 补正告知书: what to correct and by when (条例第三十条)."""
    _guard(actor, request)
    if not items.strip():
        raise ValidationFailed(_("须写明需要补正的事项。"), extra={"field": "items"})
    add_clock_event(
        request, K.CORRECTION_NOTICE, on, actor=actor, today=today, until=until, note=items.strip()
    )
    return request


@transaction.atomic
def request_correction_received(
    *, actor: User, request: InformationRequest, on: datetime.date, today: datetime.date, note: str = ""
) -> InformationRequest:
    """The corrected request arrived: the reply period restarts from this day (条例第三十条)."""
    _guard(actor, request)
    add_clock_event(request, K.CORRECTION_RECEIVED, on, actor=actor, today=today, note=note)
    return request


@transaction.atomic
def request_extend(
    *,
    actor: User,
    request: InformationRequest,
    on: datetime.date,
    today: datetime.date,
    days: int,
    reason: str,
) -> InformationRequest:
    """Extend the reply period once by at most 20 working days, approved by the office head; the
    applicant is told through the progress page and the notice (条例第三十三条)."""
    require_visible(actor, request)
    require_head(actor)
    if not reason.strip():
        raise ValidationFailed(_("须写明延期理由。"), extra={"field": "reason"})
    add_clock_event(request, K.EXTENSION, on, actor=actor, today=today, days=days, note=reason.strip())
    return request


@transaction.atomic
def consultation_send(
    *,
    actor: User,
    request: InformationRequest,
    kind: str,
    party: str,
    on: datetime.date,
    today: datetime.date,
) -> Consultation:
    """Consult a third party or another organ in writing; the 15 working days are not counted."""
    _guard(actor, request)
    if not party.strip():
        raise ValidationFailed(_("须填写征求意见对象。"), extra={"field": "party"})
    due = current_calendar().add_working_days(on, clock_config().consultation_days).date
    consultation = Consultation.objects.create(
        request=request, kind=kind, party=party.strip(), sent_on=on, due_on=due
    )
    add_clock_event(request, K.CONSULTATION_SENT, on, actor=actor, today=today, ref=f"c{consultation.pk}")
    return consultation


@transaction.atomic
def consultation_reply(
    *,
    actor: User,
    consultation: Consultation,
    on: datetime.date,
    opinion: str,
    today: datetime.date,
    note: str = "",
) -> Consultation:
    """Record the consulted party's answer. Silence past the deadline is recorded as such: for
    another organ it means consent (条例第三十四条); for a third party the organ decides (第三十二条)."""
    request = consultation.request
    _guard(actor, request)
    if consultation.replied_on is not None or consultation.opinion != ConsultationOpinion.PENDING:
        raise ValidationFailed(_("该征求意见已有答复。"))
    if opinion not in ConsultationOpinion.values or opinion == ConsultationOpinion.PENDING:
        raise ValidationFailed(_("请选择意见。"), extra={"field": "opinion"})
    if opinion != ConsultationOpinion.SILENT:
        add_clock_event(
            request, K.CONSULTATION_REPLIED, on, actor=actor, today=today, ref=f"c{consultation.pk}"
        )
        consultation.replied_on = on
    elif today <= consultation.due_on:
        raise ValidationFailed(
            _("答复期限 %(due)s 未到，不能登记为逾期未答复。") % {"due": consultation.due_on}
        )
    consultation.opinion = opinion
    consultation.note = note.strip()
    consultation.save()
    audit_log(
        actor=actor,
        action="information_requests.consultation.answered",
        target=request,
        data={"opinion": opinion},
    )
    return consultation


@transaction.atomic
def fee_notice_send(
    *,
    actor: User,
    request: InformationRequest,
    on: datetime.date,
    today: datetime.date,
    method: str,
    pages: int | None = None,
    ordinal_in_month: int | None = None,
) -> Decimal:
    """The processing-fee notice (国办函〔2020〕109号): 按件 or 按量, never both; pauses the clock."""
    _guard(actor, request)
    from django.conf import settings

    try:
        amount = rules.processing_fee(
            method,
            pages=pages,
            ordinal_in_month=ordinal_in_month,
            schedule=getattr(settings, "SANXIANG_INFOREQ_FEE_SCHEDULE", None),
        )
    except rules.ClockError as error:
        raise clock_error(error) from error
    if amount <= 0:
        raise ValidationFailed(_("按所填数据不收取信息处理费，无需发出收费通知。"))
    add_clock_event(
        request,
        K.FEE_NOTICE,
        on,
        actor=actor,
        today=today,
        note=str(_("按件计收，本月第 %(n)s 件") if method == "per_request" else _("按量计收，%(n)s 页"))
        % {"n": ordinal_in_month if method == "per_request" else pages},
    )
    request.fee_method = method
    request.fee_amount = amount
    request.save(update_fields=["fee_method", "fee_amount", "updated_at"])
    return amount


@transaction.atomic
def fee_paid(
    *, actor: User, request: InformationRequest, on: datetime.date, today: datetime.date
) -> InformationRequest:
    _guard(actor, request)
    add_clock_event(request, K.FEE_PAID, on, actor=actor, today=today)
    request.fee_paid_on = on
    request.save(update_fields=["fee_paid_on", "updated_at"])
    return request


# -- closing without a substantive reply --------------------------------------------------------


@transaction.atomic
def request_close_abandoned(*, actor: Any, request: InformationRequest, today: datetime.date) -> Reply:
    """Close a request deemed abandoned (no correction, or fee unpaid, by the deadline)."""
    if actor is not None:
        _guard(actor, request)
    state = compute_clock(request, today)
    if state.status == rules.ClockStatus.ABANDONED_NO_CORRECTION:
        reply_type = ReplyType.ABANDONED
    elif state.status == rules.ClockStatus.ABANDONED_FEE_UNPAID:
        reply_type = ReplyType.FEE_UNPAID
    else:
        raise ValidationFailed(_("该申请未满足视为放弃的条件。"))
    from .replies import render_body

    reply = Reply.objects.create(
        request=request,
        reply_type=reply_type,
        body="",
        drafted_by=actor if getattr(actor, "pk", None) else None,
        issued_on=state.abandoned_on or today,
    )
    reply.body = render_body(reply)
    reply.save(update_fields=["body"])
    transition(request, "close_abandoned", actor=actor)
    request.closed_on = state.abandoned_on or today
    request.save(update_fields=["closed_on", "updated_at"])
    refresh_clock(request, today=today, actor=actor)
    return reply


@transaction.atomic
def request_route_away(
    *, actor: User, request: InformationRequest, channel_text: str, today: datetime.date
) -> Reply:
    """A petition, complaint or report filed as a request: not handled as one; the applicant is
    told the proper channel (条例第三十九条). Counted in table 三（五）1 of the annual report."""
    _guard(actor, request)
    if not channel_text.strip():
        raise ValidationFailed(
            _("须写明应当通过的渠道（如信访、12366 纳税服务热线、检举举报渠道）。"),
            extra={"field": "channel_text"},
        )
    if request.received_on is None:
        from .intake import request_confirm_receipt

        request_confirm_receipt(actor=actor, request=request, on=today, today=today)
    from .replies import render_body

    request.routed_channel = channel_text.strip()
    request.save(update_fields=["routed_channel", "updated_at"])
    reply = Reply.objects.create(
        request=request,
        reply_type=ReplyType.PETITION,
        reasons=channel_text.strip(),
        body="",
        drafted_by=actor,
        approved_by=actor,
        approved_at=timezone.now(),
        issued_on=today,
    )
    reply.body = render_body(reply)
    reply.save(update_fields=["body"])
    add_clock_event(request, K.REPLIED, today, actor=actor, today=today)
    transition(request, "route_away", actor=actor, comment=channel_text.strip())
    request.closed_on = today
    request.save(update_fields=["closed_on", "updated_at"])
    refresh_clock(request, today=today, actor=actor)
    return reply


@transaction.atomic
def request_archive(*, actor: User, request: InformationRequest) -> InformationRequest:
    _guard(actor, request)
    transition(request, "archive", actor=actor)
    return request


# -- remedies -----------------------------------------------------------------------------------


@transaction.atomic
def remedy_record(
    *,
    actor: User,
    request: InformationRequest,
    kind: str,
    filed_on: datetime.date,
    body: str = "",
    note: str = "",
) -> Remedy:
    """A reconsideration or lawsuit against the handling of the request."""
    _guard(actor, request)
    if kind not in RemedyKind.values:
        raise ValidationFailed(_("未知的救济类型。"), extra={"field": "kind"})
    remedy = Remedy.objects.create(
        request=request, kind=kind, filed_on=filed_on, body=body.strip(), note=note.strip(), recorded_by=actor
    )
    audit_log(actor=actor, action="information_requests.remedy.created", target=request, data={"kind": kind})
    return remedy


@transaction.atomic
def remedy_decide(*, actor: User, remedy: Remedy, outcome: str, decided_on: datetime.date) -> Remedy:
    _guard(actor, remedy.request)
    if outcome not in RemedyOutcome.values or outcome == RemedyOutcome.PENDING:
        raise ValidationFailed(_("请选择审结结果。"), extra={"field": "outcome"})
    if decided_on < remedy.filed_on:
        raise ValidationFailed(_("审结日期不能早于申请/起诉日期。"), extra={"field": "decided_on"})
    remedy.outcome = outcome
    remedy.decided_on = decided_on
    remedy.save()
    audit_log(
        actor=actor,
        action="information_requests.remedy.outcome_recorded",
        target=remedy.request,
        data={"outcome": outcome},
    )
    return remedy


def refresh_open_clocks(*, today: datetime.date) -> int:
    """Daily: recompute every open request's clock; close the ones deemed abandoned."""
    count = 0
    open_ids = list(
        InformationRequest.objects.filter(
            status__in=[
                RequestStatus.SUBMITTED,
                RequestStatus.REGISTERED,
                RequestStatus.ASSIGNED,
                RequestStatus.DRAFTED,
                RequestStatus.IN_REVIEW,
                RequestStatus.AWAITING_APPROVAL,
                RequestStatus.APPROVED,
            ]
        ).values_list("pk", flat=True)
    )
    for pk in open_ids:
        with transaction.atomic():
            request = InformationRequest.objects.select_for_update().get(pk=pk)
            state = refresh_clock(request, today=today)
            if state.status in (
                rules.ClockStatus.ABANDONED_NO_CORRECTION,
                rules.ClockStatus.ABANDONED_FEE_UNPAID,
            ) and (request.status in rules.TRANSITIONS["close_abandoned"][0]):
                request_close_abandoned(actor=None, request=request, today=today)
            count += 1
    return count
