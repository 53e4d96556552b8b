"""The statutory clock of a disclosure request (依申请公开), as pure functions (no Django).

Everything here takes the holiday calendar and ``today`` as parameters. The due date is never
stored by hand: ``clock_state`` replays the request's clock events (received, correction notice,
correction received, extension, consultation sent/replied, fee notice/paid, replied) and derives
the due date, the pause intervals and whether the request was deemed abandoned.

Counting rules encoded here (RULES.md §6.2, §6.3, §6.5, §9):

* The received date depends on the channel (条例第三十一条; 国办公开办函〔2015〕207号).
* The reply period is 20 working days, counted from the first working day *after* the received
  date on the official calendar with 调休 (条例第三十三条; 民事诉讼法第八十五条).
* One extension of at most 20 working days, approved by the office head (条例第三十三条).
* A one-time correction notice (补正) within 7 working days of receipt; the clock restarts from
  the receipt of the correction; no correction by the stated deadline means the request is deemed
  abandoned (条例第三十条).
* Third-party and other-organ consultations give the consulted party 15 working days; the time is
  not counted in the reply period (条例第三十二条、第三十三条第三款、第三十四条). A pause of day P
  to day E excludes the working days after P up to and including E: the day the letter goes out
  still counts, counting resumes the day after the reply (or after the consultation deadline when
  the consulted party stays silent).
* The processing-fee notice pauses the clock until payment; unpaid after 20 working days from the
  day after the notice means the request is deemed abandoned (国办函〔2020〕109号, 🟡 — whether the
  period pauses the clock is ❓, so ``ClockConfig.fee_pauses_clock`` decides).

Values marked 🟡/❓ in RULES.md are fields of ``ClockConfig`` / ``FeeSchedule``, read from settings
by the services.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sanxiang.lib.workdays import HolidayCalendar

__all__ = [
    "Channel",
    "ClockConfig",
    "ClockError",
    "ClockEvent",
    "ClockEventKind",
    "ClockState",
    "ClockStatus",
    "FeeMethod",
    "FeeSchedule",
    "Pause",
    "clock_state",
    "processing_fee",
    "received_date",
]

ONE_DAY = datetime.timedelta(days=1)


class ClockError(ValueError):
    """A clock rule refused an event; ``code`` is mapped to a Chinese message by the services."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(code)


# -- the received date --------------------------------------------------------------------------


class Channel(enum.StrEnum):
    """How a request reached the organ; it decides which date is the received date."""

    IN_PERSON = "in_person"  # 当面提交
    ORAL = "oral"  # 口头提出，工作人员代为填写
    POST_SIGNED = "post_signed"  # 邮寄（需签收）
    POST_ORDINARY = "post_ordinary"  # 平常信函（无需签收）
    ONLINE = "online"  # 互联网（门户网站）
    FAX = "fax"  # 传真
    EMAIL = "email"  # 电子邮件（公布的电子邮箱）


def received_date(
    channel: Channel | str,
    *,
    submitted_on: datetime.date | None = None,
    signed_for_on: datetime.date | None = None,
    confirmed_on: datetime.date | None = None,
    mail_received_on: datetime.date | None = None,
) -> datetime.date | None:
    """The date a request counts as received, or None while it is not yet received.

    In person (and oral, written down at the counter): the day it is handed in. Post: the day the
    organ signs for it. Ordinary mail without signature: the day the organ confirms with the
    applicant (normally the day it arrives; an unreachable applicant is logged and the date is the
    day contact is made). Internet and fax: the day both sides confirm. E-mail to the published
    mailbox: the day the mail system received it (条例第三十一条; 国办公开办函〔2015〕207号).
    """
    channel = Channel(channel)
    if channel in (Channel.IN_PERSON, Channel.ORAL):
        return submitted_on
    if channel == Channel.POST_SIGNED:
        return signed_for_on
    if channel == Channel.EMAIL:
        return mail_received_on
    # POST_ORDINARY, ONLINE, FAX: only a confirmation starts the clock.
    return confirmed_on


# -- configuration ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClockConfig:
    """The periods of the clock, in working days.

    ``reply_days``, ``extension_max_days``, ``correction_notice_days`` and ``consultation_days`` are
    ✅ (条例第三十、三十二、三十三、三十四条). ``correction_period_days`` is the default "reasonable
    deadline" of a correction notice (the regulation leaves it to the organ), ``fee_payment_days``
    is 🟡 and ``fee_pauses_clock`` is ❓ (RULES.md §6.5).
    """

    reply_days: int = 20
    extension_max_days: int = 20
    correction_notice_days: int = 7
    correction_period_days: int = 15
    consultation_days: int = 15
    fee_payment_days: int = 20
    fee_pauses_clock: bool = True
    remind_days_before: int = 5


# -- events -------------------------------------------------------------------------------------


class ClockEventKind(enum.StrEnum):
    RECEIVED = "received"
    CORRECTION_NOTICE = "correction_notice"
    CORRECTION_RECEIVED = "correction_received"
    EXTENSION = "extension"
    CONSULTATION_SENT = "consultation_sent"
    CONSULTATION_REPLIED = "consultation_replied"
    FEE_NOTICE = "fee_notice"
    FEE_PAID = "fee_paid"
    REPLIED = "replied"


@dataclass(frozen=True)
class ClockEvent:
    """One stop, restart or change of the clock, on the day it happened.

    ``days``: the working days of an extension. ``until``: the applicant's deadline stated in a
    correction notice (defaults to ``ClockConfig.correction_period_days`` after the notice).
    ``ref``: pairs a consultation's reply with its letter.
    """

    kind: ClockEventKind
    on: datetime.date
    days: int | None = None
    until: datetime.date | None = None
    ref: str = ""


class ClockStatus(enum.StrEnum):
    NOT_RECEIVED = "not_received"  # 尚未确认收到
    RUNNING = "running"  # 计时中
    PAUSED = "paused"  # 暂停计时（征求意见 / 缴费）
    AWAITING_CORRECTION = "awaiting_correction"  # 等待补正
    ABANDONED_NO_CORRECTION = "abandoned_no_correction"  # 逾期不补正，视为放弃
    ABANDONED_FEE_UNPAID = "abandoned_fee_unpaid"  # 逾期未缴费，视为放弃
    REPLIED = "replied"  # 已答复


@dataclass(frozen=True)
class Pause:
    """Working days in (start, end] are not counted; ``reason`` is an event kind."""

    reason: ClockEventKind
    start: datetime.date
    end: datetime.date
    open: bool  # still running today: ``end`` is the latest it can last


@dataclass(frozen=True)
class ClockState:
    """What the clock says on ``today``.

    ``due`` is the last day of the reply period (24:00), None while the clock waits for a
    correction, before receipt, or after abandonment. While a pause is open ``due`` assumes it lasts
    until its own deadline (the latest the reply can be due). ``days_used`` counts the working days
    of the current period consumed by ``today`` (or by the reply), pauses excluded.
    """

    status: ClockStatus
    start: datetime.date | None
    due: datetime.date | None
    limit_days: int
    extension_days: int
    days_used: int
    pauses: tuple[Pause, ...] = ()
    correction_deadline: datetime.date | None = None
    fee_deadline: datetime.date | None = None
    abandoned_on: datetime.date | None = None
    replied_on: datetime.date | None = None
    provisional: bool = False
    original_due: datetime.date | None = None
    days_left: int | None = None

    @property
    def overdue(self) -> bool:
        running = self.status in (ClockStatus.RUNNING, ClockStatus.PAUSED)
        return running and self.days_left is not None and self.days_left < 0

    @property
    def answered_in_time(self) -> bool | None:
        if self.replied_on is None or self.due is None:
            return None
        return self.replied_on <= self.due


# -- the clock ----------------------------------------------------------------------------------

_ORDER = {
    ClockEventKind.RECEIVED: 0,
    ClockEventKind.CORRECTION_RECEIVED: 1,
    ClockEventKind.CONSULTATION_REPLIED: 2,
    ClockEventKind.FEE_PAID: 3,
    ClockEventKind.CORRECTION_NOTICE: 4,
    ClockEventKind.CONSULTATION_SENT: 5,
    ClockEventKind.FEE_NOTICE: 6,
    ClockEventKind.EXTENSION: 7,
    ClockEventKind.REPLIED: 8,
}


def _sorted(events: Iterable[ClockEvent]) -> list[ClockEvent]:
    return sorted(events, key=lambda e: (e.on, _ORDER[e.kind]))


def _excluded(day: datetime.date, pauses: Sequence[Pause]) -> bool:
    return any(p.start < day <= p.end for p in pauses)


def _nth_counted_day(
    calendar: HolidayCalendar, start: datetime.date, n: int, pauses: Sequence[Pause]
) -> datetime.date:
    """The Nth working day after ``start`` that no pause excludes."""
    day = start
    remaining = n
    guard = 0
    while remaining:
        day += ONE_DAY
        guard += 1
        if guard > 20_000:  # pragma: no cover - only a corrupt pause list could get here
            raise ClockError("period_too_long")
        if calendar.is_working_day(day) and not _excluded(day, pauses):
            remaining -= 1
    return day


def _counted_between(
    calendar: HolidayCalendar, start: datetime.date, end: datetime.date, pauses: Sequence[Pause]
) -> int:
    """Counted working days in (start, end]; negative when ``end`` is before ``start``."""
    if end < start:
        return -sum(
            1
            for offset in range(1, (start - end).days + 1)
            if calendar.is_working_day(end + datetime.timedelta(days=offset))
        )
    count = 0
    day = start
    while day < end:
        day += ONE_DAY
        if calendar.is_working_day(day) and not _excluded(day, pauses):
            count += 1
    return count


def clock_state(
    events: Iterable[ClockEvent],
    *,
    calendar: HolidayCalendar,
    today: datetime.date,
    config: ClockConfig | None = None,
) -> ClockState:
    """Replay ``events`` and say where the clock stands on ``today``.

    Events are validated as they are replayed; a ``ClockError`` names the broken rule
    (``correction_notice_late``, ``second_correction``, ``second_extension``,
    ``extension_too_long``, ``extension_after_due``, ``fee_twice``, ``event_before_receipt`` …).
    Services call this before saving a new event, so an invalid history is never stored.
    """
    config = config or ClockConfig()
    ordered = _sorted(events)
    received = next((e for e in ordered if e.kind == ClockEventKind.RECEIVED), None)
    if received is None:
        return ClockState(ClockStatus.NOT_RECEIVED, None, None, config.reply_days, 0, 0)

    start = received.on
    pauses: list[Pause] = []
    extension = 0
    correction_notice: ClockEvent | None = None
    correction_deadline: datetime.date | None = None
    awaiting_correction = False
    consultations: dict[str, tuple[datetime.date, datetime.date]] = {}
    fee_notice: ClockEvent | None = None
    fee_deadline: datetime.date | None = None
    fee_paid = False
    replied_on: datetime.date | None = None
    original_due: datetime.date | None = None

    def due_now() -> datetime.date:
        return _nth_counted_day(calendar, start, config.reply_days + extension, pauses)

    for event in ordered:
        if event.on < received.on:
            raise ClockError("event_before_receipt", kind=event.kind.value)
        if replied_on is not None:
            raise ClockError("event_after_reply", kind=event.kind.value)
        kind = event.kind
        if kind == ClockEventKind.RECEIVED:
            if event is not received:
                raise ClockError("received_twice")
        elif kind == ClockEventKind.CORRECTION_NOTICE:
            if correction_notice is not None:
                raise ClockError("second_correction")
            latest = calendar.add_working_days(received.on, config.correction_notice_days).date
            if event.on > latest:
                raise ClockError("correction_notice_late", latest=latest)
            correction_notice = event
            correction_deadline = (
                event.until or calendar.add_working_days(event.on, config.correction_period_days).date
            )
            if correction_deadline < event.on:
                raise ClockError("correction_deadline_before_notice")
            awaiting_correction = True
        elif kind == ClockEventKind.CORRECTION_RECEIVED:
            if not awaiting_correction:
                raise ClockError("correction_without_notice")
            assert correction_deadline is not None
            if event.on > correction_deadline:
                raise ClockError("correction_after_deadline", deadline=correction_deadline)
            # The reply period restarts from the receipt of the correction (条例第三十条).
            start = event.on
            pauses = []
            awaiting_correction = False
        elif awaiting_correction:
            raise ClockError("clock_stopped_for_correction", kind=kind.value)
        elif kind == ClockEventKind.EXTENSION:
            if extension:
                raise ClockError("second_extension")
            days = event.days or 0
            if not 1 <= days <= config.extension_max_days:
                raise ClockError("extension_too_long", max=config.extension_max_days)
            if event.on > due_now():
                raise ClockError("extension_after_due", due=due_now())
            original_due = due_now()
            extension = days
        elif kind == ClockEventKind.CONSULTATION_SENT:
            key = event.ref or f"c{len(consultations)}"
            if key in consultations:
                raise ClockError("consultation_twice", ref=key)
            limit = calendar.add_working_days(event.on, config.consultation_days).date
            consultations[key] = (event.on, limit)
            pauses.append(Pause(kind, event.on, limit, open=True))
        elif kind == ClockEventKind.CONSULTATION_REPLIED:
            key = event.ref or next(iter(consultations), "")
            if key not in consultations:
                raise ClockError("reply_without_consultation")
            sent, limit = consultations[key]
            for index, pause in enumerate(pauses):
                if pause.reason == ClockEventKind.CONSULTATION_SENT and pause.start == sent and pause.open:
                    # A reply after the deadline does not lengthen the pause: silence has
                    # already been handled as the regulation says (条例第三十二条、第三十四条).
                    pauses[index] = Pause(pause.reason, sent, min(event.on, limit), open=False)
                    break
        elif kind == ClockEventKind.FEE_NOTICE:
            if fee_notice is not None:
                raise ClockError("fee_twice")
            fee_notice = event
            fee_deadline = calendar.add_working_days(event.on, config.fee_payment_days).date
            if config.fee_pauses_clock:
                pauses.append(Pause(kind, event.on, fee_deadline, open=True))
        elif kind == ClockEventKind.FEE_PAID:
            if fee_notice is None or fee_paid:
                raise ClockError("payment_without_notice")
            assert fee_deadline is not None
            if event.on > fee_deadline:
                raise ClockError("payment_after_deadline", deadline=fee_deadline)
            fee_paid = True
            pauses = [
                Pause(p.reason, p.start, event.on, open=False)
                if p.reason == ClockEventKind.FEE_NOTICE and p.open
                else p
                for p in pauses
            ]
        elif kind == ClockEventKind.REPLIED:
            replied_on = event.on

    # Consultation pauses whose deadline has passed have closed by silence.
    pauses = [
        Pause(p.reason, p.start, p.end, open=False)
        if p.open and p.reason == ClockEventKind.CONSULTATION_SENT and p.end < today
        else p
        for p in pauses
    ]
    provisional = any(
        not calendar.covers(y) for y in range(start.year, (today + datetime.timedelta(days=120)).year + 1)
    )
    common = {
        "limit_days": config.reply_days + extension,
        "extension_days": extension,
        "correction_deadline": correction_deadline,
        "fee_deadline": fee_deadline,
        "provisional": provisional,
        "original_due": original_due,
    }

    if awaiting_correction:
        assert correction_deadline is not None
        if today > correction_deadline:
            return ClockState(
                ClockStatus.ABANDONED_NO_CORRECTION,
                start,
                None,
                days_used=0,
                pauses=tuple(pauses),
                abandoned_on=correction_deadline + ONE_DAY,
                **common,  # type: ignore[arg-type]
            )
        return ClockState(
            ClockStatus.AWAITING_CORRECTION,
            start,
            None,
            days_used=0,
            pauses=tuple(pauses),
            **common,  # type: ignore[arg-type]
        )

    if fee_notice is not None and not fee_paid and replied_on is None:
        assert fee_deadline is not None
        if today > fee_deadline:
            return ClockState(
                ClockStatus.ABANDONED_FEE_UNPAID,
                start,
                None,
                days_used=_counted_between(calendar, start, fee_notice.on, pauses),
                pauses=tuple(pauses),
                abandoned_on=fee_deadline + ONE_DAY,
                **common,  # type: ignore[arg-type]
            )

    due = due_now()
    until = replied_on or today
    used = _counted_between(calendar, start, until, pauses)
    if replied_on is not None:
        status = ClockStatus.REPLIED
    elif any(p.open and p.start <= today for p in pauses):
        status = ClockStatus.PAUSED
    else:
        status = ClockStatus.RUNNING
    days_left = None
    if replied_on is None:
        days_left = (
            _counted_between(calendar, today, due, pauses)
            if today <= due
            else -_counted_between(calendar, due, today, [])
        )
    return ClockState(
        status,
        start,
        due,
        days_used=used,
        pauses=tuple(pauses),
        replied_on=replied_on,
        days_left=days_left,
        **common,  # type: ignore[arg-type]
    )


# -- processing fees ----------------------------------------------------------------------------


class FeeMethod(enum.StrEnum):
    """按件 or 按量, never both for one request (国办函〔2020〕109号)."""

    PER_REQUEST = "per_request"
    PER_VOLUME = "per_volume"


@dataclass(frozen=True)
class FeeSchedule:
    """The rates of 国办函〔2020〕109号 (RULES.md §6.5), editable through settings.

    ``per_request_free``: requests per applicant per calendar month that are free;
    ``per_request_band``/``per_request_step``: from the 11th to the 30th each costs ``step``; from
    the 31st each band of ``band`` requests costs ``step`` more than the one before.
    ``per_volume_bands``: (first page, yuan per page), progressive (超额累进).
    """

    per_request_free: int = 10
    per_request_first_paid_upto: int = 30
    per_request_band: int = 10
    per_request_step: Decimal = Decimal("100")
    per_volume_bands: tuple[tuple[int, Decimal], ...] = (
        (31, Decimal("10")),
        (101, Decimal("20")),
        (201, Decimal("40")),
    )


def processing_fee(
    method: FeeMethod | str,
    *,
    ordinal_in_month: int | None = None,
    pages: int | None = None,
    schedule: FeeSchedule | None = None,
) -> Decimal:
    """The fee of one request in yuan.

    按件: ``ordinal_in_month`` is this request's number among the same applicant's requests in the
    calendar month (1 = first). 按量: ``pages`` is the number of pages delivered. Exactly one of
    the two is used, matching ``method``; passing both is refused (never both, 国办函〔2020〕109号).
    """
    schedule = schedule or FeeSchedule()
    method = FeeMethod(method)
    if ordinal_in_month is not None and pages is not None:
        raise ClockError("fee_both_methods")
    if method == FeeMethod.PER_REQUEST:
        if ordinal_in_month is None or ordinal_in_month < 1:
            raise ClockError("fee_ordinal_missing")
        if ordinal_in_month <= schedule.per_request_free:
            return Decimal("0")
        if ordinal_in_month <= schedule.per_request_first_paid_upto:
            return schedule.per_request_step
        beyond = ordinal_in_month - schedule.per_request_first_paid_upto - 1
        return schedule.per_request_step * (2 + beyond // schedule.per_request_band)
    if pages is None or pages < 0:
        raise ClockError("fee_pages_missing")
    total = Decimal("0")
    bands = list(schedule.per_volume_bands)
    for index, (first, rate) in enumerate(bands):
        last = bands[index + 1][0] - 1 if index + 1 < len(bands) else pages
        if pages >= first:
            total += rate * (min(pages, last) - first + 1)
    return total


# -- the handling workflow ----------------------------------------------------------------------

# action → (statuses it may start from, status it leads to). One service per action
# (条例第四十五条: 登记、审核、办理、答复、归档).
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "register": (frozenset({"submitted"}), "registered"),
    "assign": (
        frozenset({"registered", "assigned", "drafted", "in_review", "awaiting_approval"}),
        "assigned",
    ),
    "draft": (frozenset({"registered", "assigned", "drafted"}), "drafted"),
    "send_to_review": (frozenset({"drafted"}), "in_review"),
    "submit_for_approval": (frozenset({"drafted", "in_review"}), "awaiting_approval"),
    "return": (frozenset({"drafted", "in_review", "awaiting_approval"}), "assigned"),
    "approve": (frozenset({"awaiting_approval"}), "approved"),
    "issue": (frozenset({"approved"}), "replied"),
    "route_away": (frozenset({"submitted", "registered", "assigned"}), "routed_away"),
    "close_abandoned": (frozenset({"registered", "assigned", "drafted"}), "replied"),
    "archive": (frozenset({"replied", "routed_away"}), "archived"),
}


def next_status(action: str, current: str) -> str:
    """The status ``action`` leads to from ``current``; ``ClockError('invalid_transition')`` if none."""
    sources, target = TRANSITIONS[action]
    if current not in sources:
        raise ClockError("invalid_transition", action=action, current=current)
    return target


# -- annual report rows -------------------------------------------------------------------------

# Rows of table 三 (三、本年度办理结果) of 国办公开办函〔2021〕30号, in the national order.
RESULT_ROWS: tuple[tuple[str, str], ...] = (
    ("disclosed", "（一）予以公开"),
    ("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("withheld.state_secret", "（三）不予公开 1.属于国家秘密"),
    ("withheld.prohibited_by_law", "（三）不予公开 2.其他法律行政法规禁止公开"),
    ("withheld.security_stability", "（三）不予公开 3.危及“三安全一稳定”"),
    ("withheld.third_party", "（三）不予公开 4.保护第三方合法权益"),
    ("withheld.internal_affairs", "（三）不予公开 5.属于三类内部事务信息"),
    ("withheld.process_info", "（三）不予公开 6.属于四类过程性信息"),
    ("withheld.enforcement_file", "（三）不予公开 7.属于行政执法案卷"),
    ("withheld.administrative_query", "（三）不予公开 8.属于行政查询事项"),
    ("unable.not_held", "（四）无法提供 1.本机关不掌握相关政府信息"),
    ("unable.needs_creation", "（四）无法提供 2.没有现成信息需要另行制作"),
    ("unable.still_unclear", "（四）无法提供 3.补正后申请内容仍不明确"),
    ("not_processed.petition", "（五）不予处理 1.信访举报投诉类申请"),
    ("not_processed.repeated", "（五）不予处理 2.重复申请"),
    ("not_processed.publication", "（五）不予处理 3.要求提供公开出版物"),
    ("not_processed.unreasonable", "（五）不予处理 4.无正当理由大量反复申请"),
    ("not_processed.confirm_existing", "（五）不予处理 5.要求行政机关确认或重新出具已获取信息"),
    (
        "other.no_correction",
        "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    (
        "other.fee_unpaid",
        "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    ("other.other", "（六）其他处理 3.其他"),
)

_BY_REPLY_TYPE = {
    "already_public": "disclosed",
    "disclosed": "disclosed",
    "partial": "partial",
    "not_exist": "unable.not_held",
    "not_this_organ": "unable.not_held",
    "needs_creation": "unable.needs_creation",
    "still_unclear": "unable.still_unclear",
    "petition": "not_processed.petition",
    "repeated": "not_processed.repeated",
    "publication": "not_processed.publication",
    "unreasonable": "not_processed.unreasonable",
    "confirm_existing": "not_processed.confirm_existing",
    "abandoned": "other.no_correction",
    "fee_unpaid": "other.fee_unpaid",
    "special_law": "other.other",
    "other": "other.other",
}


def result_row(reply_type: str, withheld_reason: str = "") -> str:
    """The row of table 三 a reply counts in. 不予公开 needs its reason (one of the eight sub-rows)."""
    if reply_type == "withheld":
        if not withheld_reason:
            raise ClockError("withheld_reason_missing")
        return f"withheld.{withheld_reason}"
    return _BY_REPLY_TYPE[reply_type]
