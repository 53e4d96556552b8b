"""Helpers shared by the disclosure-request services (not part of the public API)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sanxiang.audit.services import audit_log
from sanxiang.holidays.selectors import current_calendar
from sanxiang.holidays.services import deadline_close, deadline_set
from sanxiang.kernel.access import require_role
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.exceptions import InvalidTransition, ValidationFailed

from .. import rules
from ..choices import ClockState
from ..models import ClockEventRow, InformationRequest, RequestTransition

if TYPE_CHECKING:
    from sanxiang.org.models import User

HANDLER_ROLES = (RoleCode.OPEN_GOVERNMENT_OFFICER, RoleCode.OPEN_GOVERNMENT_HEAD)
HEAD_ROLES = (RoleCode.OPEN_GOVERNMENT_HEAD,)
REVIEW_ROLES = (RoleCode.LEGAL_REVIEWER, RoleCode.OPEN_GOVERNMENT_HEAD)

# The ``holidays.Deadline`` purposes of a request.
REPLY_PURPOSE = "information_requests.reply"
CORRECTION_PURPOSE = "information_requests.correction"
FEE_PURPOSE = "information_requests.fee"

CLOCK_MESSAGES = {
    "correction_notice_late": _(
        "补正告知须在收到申请之日起7个工作日内一次性发出（条例第三十条），最晚为 %(latest)s。"
    ),
    "second_correction": _("补正告知只能发出一次（条例第三十条）。"),
    "correction_without_notice": _("尚未发出补正告知，不能登记补正。"),
    "correction_after_deadline": _("补正期限 %(deadline)s 已过，申请视为放弃（条例第三十条）。"),
    "correction_deadline_before_notice": _("补正期限不能早于告知日期。"),
    "clock_stopped_for_correction": _("等待申请人补正期间不能进行该操作。"),
    "second_extension": _("答复期限只能延长一次（条例第三十三条）。"),
    "extension_too_long": _("延长答复期限最长不得超过 %(max)s 个工作日（条例第三十三条）。"),
    "extension_after_due": _("答复期限 %(due)s 已届满，不能再延期。"),
    "consultation_twice": _("该征求意见已登记。"),
    "reply_without_consultation": _("没有对应的征求意见记录。"),
    "fee_twice": _("一件申请只能发出一次收费通知。"),
    "payment_without_notice": _("尚未发出收费通知，或已登记缴费。"),
    "payment_after_deadline": _("缴费期限 %(deadline)s 已过，申请视为放弃。"),
    "fee_both_methods": _("按件计收和按量计收不能同时适用（国办函〔2020〕109号）。"),
    "fee_ordinal_missing": _("按件计收须填写本月第几件申请。"),
    "fee_pages_missing": _("按量计收须填写页数。"),
    "event_before_receipt": _("该事项日期早于收到申请之日。"),
    "event_after_reply": _("申请已答复，不能再变更计时。"),
    "received_twice": _("已登记收到申请之日。"),
    "invalid_transition": _("当前办理状态下不能执行该操作。"),
    "withheld_reason_missing": _("不予公开须选择理由（年度报告第三表的八种情形之一）。"),
}


def clock_error(error: rules.ClockError) -> ValidationFailed:
    template = CLOCK_MESSAGES.get(error.code, _("计时规则不允许该操作。"))
    params = {k: (v.isoformat() if isinstance(v, datetime.date) else v) for k, v in error.params.items()}
    try:
        message = str(template) % params if params else str(template)
    except (KeyError, TypeError):
        message = str(template)
    if error.code == "invalid_transition":
        return InvalidTransition(message)  # type: ignore[return-value]
    return ValidationFailed(message, code=error.code, extra=params)


def clock_config() -> rules.ClockConfig:
    """The clock's periods; the 🟡/❓ ones come from settings (read at call time)."""
    return rules.ClockConfig(
        correction_period_days=getattr(settings, "SANXIANG_INFOREQ_CORRECTION_PERIOD_DAYS", 15),
        fee_payment_days=getattr(settings, "SANXIANG_INFOREQ_FEE_PAYMENT_DAYS", 20),
        fee_pauses_clock=getattr(settings, "SANXIANG_INFOREQ_FEE_PAUSES_CLOCK", True),
        remind_days_before=getattr(settings, "SANXIANG_INFOREQ_REMIND_DAYS", 5),
    )


def rule_events(request: InformationRequest, extra: rules.ClockEvent | None = None) -> list[rules.ClockEvent]:
    events = [
        rules.ClockEvent(rules.ClockEventKind(row.kind), row.on, days=row.days, until=row.until, ref=row.ref)
        for row in request.clock_events.all()
    ]
    if extra is not None:
        events.append(extra)
    return events


def compute_clock(
    request: InformationRequest, today: datetime.date, extra: rules.ClockEvent | None = None
) -> rules.ClockState:
    try:
        return rules.clock_state(
            rule_events(request, extra), calendar=current_calendar(), today=today, config=clock_config()
        )
    except rules.ClockError as error:
        raise clock_error(error) from error


def refresh_clock(
    request: InformationRequest, *, today: datetime.date, actor: Any = None
) -> rules.ClockState:
    """Recompute the cached clock fields and the reply Deadline from the events (never by hand)."""
    state = compute_clock(request, today)
    request.clock_state = ClockState(state.status.value)
    request.due_on = state.due
    request.days_used = max(state.days_used, 0)
    request.extension_days = state.extension_days
    request.clock_refreshed_on = today
    request.save(
        update_fields=[
            "clock_state",
            "due_on",
            "days_used",
            "extension_days",
            "clock_refreshed_on",
            "updated_at",
        ]
    )
    running = state.status in (rules.ClockStatus.RUNNING, rules.ClockStatus.PAUSED) and request.is_open
    if running and state.due is not None and state.start is not None:
        # The Deadline row keeps "start + N working days" semantics: the N that remain after the
        # pauses, counted from the later of the start and the end of the last closed pause.
        resume = max([state.start, *[p.end for p in state.pauses if not p.open and p.end <= today]])
        remaining = current_calendar().working_days_between(resume, state.due)
        deadline_set(
            owner=request,
            purpose=REPLY_PURPOSE,
            label=str(_("政府信息公开申请答复期限")),
            start=resume,
            working_days=max(remaining, 0),
            actor=actor,
        )
    else:
        deadline_close(owner=request, purpose=REPLY_PURPOSE, actor=actor)
    if state.status == rules.ClockStatus.AWAITING_CORRECTION and state.correction_deadline:
        deadline_set(
            owner=request,
            purpose=CORRECTION_PURPOSE,
            label=str(_("申请人补正期限")),
            start=state.correction_deadline,
            working_days=0,
            actor=actor,
        )
    else:
        deadline_close(owner=request, purpose=CORRECTION_PURPOSE, actor=actor)
    return state


def add_clock_event(
    request: InformationRequest,
    kind: rules.ClockEventKind,
    on: datetime.date,
    *,
    actor: Any,
    today: datetime.date,
    days: int | None = None,
    until: datetime.date | None = None,
    ref: str = "",
    note: str = "",
) -> ClockEventRow:
    """Validate the event against the replayed clock, store it, refresh the cache, audit."""
    if on > today:
        raise ValidationFailed(_("日期不能晚于今天。"), extra={"field": "on"})
    compute_clock(request, max(today, on), rules.ClockEvent(kind, on, days=days, until=until, ref=ref))
    row = ClockEventRow.objects.create(
        request=request,
        kind=kind.value,
        on=on,
        days=days,
        until=until,
        ref=ref,
        note=note,
        actor=actor if getattr(actor, "pk", None) else None,
    )
    refresh_clock(request, today=today, actor=actor)
    audit_log(
        actor=actor,
        action=f"information_requests.clock.{kind.value}",
        target=request,
        data={"on": on.isoformat(), "days": days, "until": until.isoformat() if until else None, "ref": ref},
    )
    return row


def transition(
    request: InformationRequest, action: str, *, actor: Any, comment: str = ""
) -> RequestTransition:
    """Move ``request`` along the pure transition table, with a transition row and an audit entry."""
    try:
        target = rules.next_status(action, request.status)
    except rules.ClockError as error:
        raise clock_error(error) from error
    before = request.status
    request.status = target
    request.save(update_fields=["status", "updated_at"])
    row = RequestTransition.objects.create(
        request=request,
        from_status=before,
        to_status=target,
        action=action,
        actor=actor if getattr(actor, "pk", None) else None,
        comment=comment,
    )
    audit_log(
        actor=actor,
        action=f"information_requests.request.{action}",
        target=request,
        before={"status": before},
        after={"status": target},
        data={"comment": comment} if comment else None,
    )
    return row


def require_handler(actor: User | Any) -> None:
    require_role(actor, *HANDLER_ROLES)


def require_head(actor: User | Any) -> None:
    require_role(actor, *HEAD_ROLES, message=_("须由政务公开办公室负责人审批。"))
