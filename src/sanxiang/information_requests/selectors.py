"""Readers of the disclosure-request module: scoped lists, the public progress view, to-dos,
statistics and the annual report's tables."""

from __future__ import annotations

import datetime
import hashlib
import hmac
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from django.apps import apps
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.access import get_visible_or_404, has_role
from sanxiang.kernel.modules import Todo

from . import rules
from .choices import (
    OPEN_STATUSES,
    ApplicantType,
    Channel,
    ClockKind,
    RemedyKind,
    RemedyOutcome,
    ReplyType,
    RequestStatus,
)
from .models import AnnualReport, InformationRequest, Remedy

if TYPE_CHECKING:
    from sanxiang.org.models import Authority, User

HANDLER_ROLES = ("open_government_officer", "open_government_head")


def request_list(
    *, actor: User, status: str = "", overdue_on: datetime.date | None = None
) -> QuerySet[InformationRequest]:
    qs = InformationRequest.objects.visible_to(actor).select_related("authority", "holding_department")
    if status:
        qs = qs.filter(status=status)
    if overdue_on is not None:
        qs = qs.filter(status__in=OPEN_STATUSES, due_on__lt=overdue_on)
    return qs


def request_get(*, actor: User, pk: int) -> InformationRequest:
    return get_visible_or_404(InformationRequest, actor, pk=pk)


def overdue_by_unit(*, actor: User, today: datetime.date) -> list[dict[str, Any]]:
    """Open requests past their due date, grouped by authority and holding department."""
    rows: dict[tuple[str, str], list[InformationRequest]] = defaultdict(list)
    for request in request_list(actor=actor, overdue_on=today).order_by("due_on"):
        department = request.holding_department.name if request.holding_department else str(_("未交办"))
        rows[(request.authority.short_name or request.authority.name, department)].append(request)
    return [{"authority": a, "department": d, "requests": items} for (a, d), items in sorted(rows.items())]


def request_find_by_token(*, code: str, token: str) -> InformationRequest | None:
    """The request whose code and private token match, else None (constant-time compare)."""
    request = (
        InformationRequest.objects.filter(code=(code or "").strip().upper())
        .select_related("authority")
        .first()
    )
    digest = hashlib.sha256((token or "").strip().encode("utf-8", "ignore")).hexdigest()
    if request is None or not hmac.compare_digest(request.token_hash, digest):
        return None
    return request


@dataclass(frozen=True)
class PublicView:
    """What the applicant sees with the code and token: no identity, no contact, no staff names."""

    code: str
    authority: str
    submitted_on: datetime.date | None
    received_on: datetime.date | None
    status_label: str
    clock_label: str
    due_on: datetime.date | None
    steps: list[tuple[datetime.date, str]]
    reply_type_label: str = ""
    reply_body: str = ""
    released_text: str = ""
    issued_on: datetime.date | None = None


PUBLIC_EVENT_LABELS = {
    ClockKind.CORRECTION_NOTICE: _("已向您发出补正告知，请在期限内补正"),
    ClockKind.CORRECTION_RECEIVED: _("已收到补正材料，答复期限重新计算"),
    ClockKind.EXTENSION: _("经政务公开办公室负责人批准，答复期限延长"),
    ClockKind.CONSULTATION_SENT: _("正在征求意见，征求意见时间不计入答复期限"),
    ClockKind.CONSULTATION_REPLIED: _("征求意见结束，继续计时"),
    ClockKind.FEE_NOTICE: _("已发出信息处理费缴费通知"),
    ClockKind.FEE_PAID: _("已确认缴费，继续计时"),
    ClockKind.RECEIVED: _("申请已收到，开始计算答复期限"),
    ClockKind.REPLIED: _("已作出答复"),
}


def public_view(request: InformationRequest) -> PublicView:
    steps = [(request.submitted_on, str(_("提交申请")))] if request.submitted_on else []
    steps += [(row.on, str(PUBLIC_EVENT_LABELS[ClockKind(row.kind)])) for row in request.clock_events.all()]
    reply = getattr(request, "reply", None)
    shown = (
        reply
        if reply is not None
        and reply.issued_on is not None
        and request.status in (RequestStatus.REPLIED, RequestStatus.ARCHIVED, RequestStatus.ROUTED_AWAY)
        else None
    )
    return PublicView(
        code=request.code,
        authority=request.authority.name,
        submitted_on=request.submitted_on,
        received_on=request.received_on,
        status_label=str(request.get_status_display()),
        clock_label=str(request.get_clock_state_display()),
        due_on=request.due_on if request.is_open else None,
        steps=sorted(steps, key=lambda s: s[0]),
        reply_type_label=str(shown.get_reply_type_display()) if shown is not None else "",
        reply_body=shown.body if shown is not None else "",
        released_text=shown.released_text if shown is not None else "",
        issued_on=shown.issued_on if shown is not None else None,
    )


def todos_for(user: Any, today: datetime.date) -> list[Todo]:
    """Requests due within the reminder window or overdue; drafts awaiting the head's approval."""
    if not getattr(user, "is_authenticated", False):
        return []
    todos: list[Todo] = []
    from .services._common import clock_config

    window = rules.ClockConfig().remind_days_before
    try:
        window = clock_config().remind_days_before
    except Exception:  # noqa: BLE001 - settings typo must not break the home page
        pass
    from sanxiang.holidays.selectors import current_calendar

    horizon = current_calendar().add_working_days(today, window).date
    if has_role(user, *HANDLER_ROLES):
        soon = (
            request_list(actor=user)
            .filter(status__in=OPEN_STATUSES, due_on__lte=horizon)
            .order_by("due_on")[:30]
        )
        for request in soon:
            todos.append(
                Todo(
                    label=str(_("依申请公开答复期限：%(code)s")) % {"code": request.code},
                    url=reverse("information_requests:request_detail", args=[request.pk]),
                    module="information_requests",
                    due=request.due_on,
                    overdue=bool(request.due_on and request.due_on < today),
                )
            )
        waiting = request_list(actor=user).filter(status=RequestStatus.SUBMITTED)[:30]
        for request in waiting:
            todos.append(
                Todo(
                    label=str(_("待登记的政府信息公开申请：%(code)s")) % {"code": request.code},
                    url=reverse("information_requests:request_detail", args=[request.pk]),
                    module="information_requests",
                )
            )
    if has_role(user, "open_government_head"):
        for request in request_list(actor=user).filter(status=RequestStatus.AWAITING_APPROVAL)[:30]:
            todos.append(
                Todo(
                    label=str(_("待审批的依申请公开答复：%(code)s")) % {"code": request.code},
                    url=reverse("information_requests:request_detail", args=[request.pk]),
                    module="information_requests",
                    due=request.due_on,
                )
            )
    if user.department_id:
        assigned = (
            request_list(actor=user)
            .filter(status=RequestStatus.ASSIGNED, holding_department_id=user.department_id)
            .filter(assignments__answered_at__isnull=True)
            .distinct()[:30]
        )
        for request in assigned:
            todos.append(
                Todo(
                    label=str(_("交办的政府信息公开申请待检索答复：%(code)s")) % {"code": request.code},
                    url=reverse("information_requests:request_detail", args=[request.pk]),
                    module="information_requests",
                    due=request.due_on,
                )
            )
    return todos


# -- statistics -------------------------------------------------------------------------------


@dataclass
class Statistics:
    year: int
    by_month: list[tuple[int, int]]
    by_channel: list[tuple[str, int]]
    by_type: list[tuple[str, int]]
    by_result: list[tuple[str, int]]
    answered: int
    answered_in_time: int
    average_days_used: float
    average_limit: float
    carried_over: int
    open_now: int
    overdue_now: int


def statistics(*, actor: User, year: int, today: datetime.date) -> Statistics:
    """Requests of ``year`` in the actor's scope: by month, channel, applicant type, result;
    answer times (working days used) against the limit; carried-over requests."""
    qs = InformationRequest.objects.visible_to(actor)
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    intake = qs.filter(
        Q(received_on__range=(start, end)) | Q(received_on__isnull=True, submitted_on__range=(start, end))
    )
    months = Counter(
        # The filter above: one of the two dates is set.
        cast(datetime.date, r.received_on or r.submitted_on).month
        for r in intake.only("received_on", "submitted_on")
    )
    channels = Counter(intake.values_list("channel", flat=True))
    types = Counter(intake.values_list("applicant_type", flat=True))
    closed = list(qs.filter(closed_on__range=(start, end)).select_related("reply"))
    results: Counter[str] = Counter()
    in_time = 0
    used: list[int] = []
    limits: list[int] = []
    for request in closed:
        reply = getattr(request, "reply", None)
        if reply is not None:
            results[reply.reply_type] += 1
        used.append(request.days_used)
        limits.append(20 + request.extension_days)
        if request.due_on is None or (request.closed_on and request.closed_on <= request.due_on):
            in_time += 1
    carried = (
        qs.filter(Q(received_on__lt=start) | Q(received_on__isnull=True, submitted_on__lt=start))
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=start))
        .count()
    )
    return Statistics(
        year=year,
        by_month=[(m, months.get(m, 0)) for m in range(1, 13)],
        by_channel=[(str(label), channels.get(value, 0)) for value, label in Channel.choices],
        by_type=[(str(label), types.get(value, 0)) for value, label in ApplicantType.choices],
        by_result=[
            (str(label), results.get(value, 0)) for value, label in ReplyType.choices if results.get(value)
        ],
        answered=len(closed),
        answered_in_time=in_time,
        average_days_used=round(sum(used) / len(used), 1) if used else 0.0,
        average_limit=round(sum(limits) / len(limits), 1) if limits else 0.0,
        carried_over=carried,
        open_now=qs.filter(status__in=OPEN_STATUSES).count(),
        overdue_now=qs.filter(status__in=OPEN_STATUSES, due_on__lt=today).count(),
    )


# -- the annual report ------------------------------------------------------------------------

SOURCE_DISABLED = _("数据来源未启用")
# The fixed wording of table 二 (titles, columns, rows), as the national format prints it.
PROACTIVE_TABLES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "第二十条第（一）项 信息内容",
        ("本年制发件数", "本年废止件数", "现行有效件数"),
        ("规章", "行政规范性文件"),
    ),
    ("第二十条第（五）项 信息内容", ("本年处理决定数量",), ("行政许可",)),
    ("第二十条第（六）项 信息内容", ("本年处理决定数量",), ("行政处罚", "行政强制")),
    ("第二十条第（八）项 信息内容", ("本年收费金额（单位：万元）",), ("行政事业性收费",)),
)
# Every fixed label of the report's tables (for checks that must not read them as names).
REPORT_LABELS: tuple[str, ...] = tuple(
    sorted(
        {text for title, columns, rows in PROACTIVE_TABLES for text in (title, *columns, *rows)}
        | {label for _key, label in rules.RESULT_ROWS}
    )
)
COLUMNS = [t.value for t in ApplicantType]


@dataclass
class ReportTables:
    """Every figure of the annual report, computed from data (国办公开办函〔2021〕30号)."""

    year: int
    proactive: list[dict[str, Any]]
    new: dict[str, int]
    carried_in: dict[str, int]
    results: dict[str, dict[str, int]]
    carried_out: dict[str, int]
    remedies: dict[str, dict[str, int]]
    fees_total: Decimal = Decimal("0")
    warnings: list[str] = field(default_factory=list)

    @staticmethod
    def _with_total(counts: dict[str, int]) -> list[int]:
        values = [counts.get(c, 0) for c in COLUMNS]
        return [*values, sum(values)]

    def results_total(self) -> dict[str, int]:
        total: Counter[str] = Counter()
        for counts in self.results.values():
            total.update(counts)
        return dict(total)

    def requests_rows(self) -> list[tuple[str, list[int]]]:
        rows = [("一、本年新收政府信息公开申请数量", self._with_total(self.new))]
        rows.append(("二、上年结转政府信息公开申请数量", self._with_total(self.carried_in)))
        for key, label in rules.RESULT_ROWS:
            rows.append((f"三、本年度办理结果 {label}", self._with_total(self.results.get(key, {}))))
        rows.append(("三、本年度办理结果 （七）总计", self._with_total(self.results_total())))
        rows.append(("四、结转下年度继续办理", self._with_total(self.carried_out)))
        return rows

    def check_rule_holds(self) -> bool:
        """一 + 二 = 三 + 四, column by column."""
        results = self.results_total()
        return all(
            self.new.get(c, 0) + self.carried_in.get(c, 0) == results.get(c, 0) + self.carried_out.get(c, 0)
            for c in COLUMNS
        )

    def remedy_values(self) -> list[int]:
        values: list[int] = []
        for kind in RemedyKind.values:
            counts = self.remedies.get(kind, {})
            row = [counts.get(o, 0) for o in ("upheld", "corrected", "other", "pending")]
            values += [*row, sum(row)]
        return values


def _intake_date(request: InformationRequest) -> datetime.date:
    return request.received_on or request.submitted_on or request.submitted_at.date()


def _proactive(authority: Authority, year: int) -> list[dict[str, Any]]:
    disabled = str(SOURCE_DISABLED)
    if apps.is_installed("sanxiang.disclosure"):
        from sanxiang.disclosure.selectors import regulatory_document_counts

        counts = regulatory_document_counts(authority=authority, year=year)
        rule, normative = counts.get("rule", {}), counts.get("normative", {})
        regulatory: list[tuple[str, list[int | str]]] = [
            ("规章", [rule.get("issued", 0), rule.get("repealed", 0), rule.get("in_force", 0)]),
            (
                "行政规范性文件",
                [normative.get("issued", 0), normative.get("repealed", 0), normative.get("in_force", 0)],
            ),
        ]
    else:
        regulatory = [("规章", [disabled] * 3), ("行政规范性文件", [disabled] * 3)]
    decisions: dict[str, Any] = {"permit": disabled, "penalty": disabled, "coercion": disabled}
    if apps.is_installed("sanxiang.enforcement"):
        from sanxiang.enforcement.choices import DecisionKind
        from sanxiang.enforcement.models import Decision

        in_year = Decision.objects.filter(authority=authority, decided_on__year=year)
        decisions = {
            "permit": in_year.filter(
                kind__in=[DecisionKind.LICENSING_GRANTED, DecisionKind.LICENSING_REFUSED]
            ).count(),
            "penalty": in_year.filter(kind=DecisionKind.PENALTY).count(),
            "coercion": in_year.filter(kind=DecisionKind.COMPULSORY_MEASURE).count(),
        }
    values = [
        regulatory,
        [("行政许可", [decisions["permit"]])],
        [("行政处罚", [decisions["penalty"]]), ("行政强制", [decisions["coercion"]])],
        [("行政事业性收费", [disabled])],
    ]
    return [
        {"title": title, "columns": list(columns), "rows": rows}
        for (title, columns, _labels), rows in zip(PROACTIVE_TABLES, values, strict=True)
    ]


def annual_report_tables(*, authority: Authority, year: int) -> ReportTables:
    """Tables 二, 三 and 四 for ``authority`` (its own requests, not its subordinates')."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    requests = list(
        InformationRequest.objects.filter(authority=authority)
        .exclude(status=RequestStatus.WITHDRAWN)
        .filter(Q(received_on__lte=end) | Q(received_on__isnull=True, submitted_on__lte=end))
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=start))
        .select_related("reply")
    )
    new: Counter[str] = Counter()
    carried_in: Counter[str] = Counter()
    carried_out: Counter[str] = Counter()
    results: dict[str, Counter[str]] = defaultdict(Counter)
    warnings: list[str] = []
    for request in requests:
        column = request.applicant_type
        if _intake_date(request) >= start:
            new[column] += 1
        else:
            carried_in[column] += 1
        if request.closed_on is not None and request.closed_on <= end:
            reply = getattr(request, "reply", None)
            if reply is None:
                warnings.append(
                    str(_("申请 %(code)s 已办结但没有答复记录，计入“其他”。")) % {"code": request.code}
                )
                results["other.other"][column] += 1
            else:
                results[rules.result_row(reply.reply_type, reply.withheld_reason)][column] += 1
        else:
            carried_out[column] += 1
    fees = sum(
        (
            r.fee_amount
            for r in InformationRequest.objects.filter(authority=authority, fee_paid_on__range=(start, end))
        ),
        Decimal("0"),
    )
    remedies: dict[str, Counter[str]] = defaultdict(Counter)
    for remedy in Remedy.objects.filter(request__authority=authority, filed_on__range=(start, end)):
        outcome = remedy.outcome
        if remedy.decided_on is None or remedy.decided_on > end:
            outcome = RemedyOutcome.PENDING
        remedies[remedy.kind][outcome] += 1
    return ReportTables(
        year=year,
        proactive=_proactive(authority, year),
        new=dict(new),
        carried_in=dict(carried_in),
        results={k: dict(v) for k, v in results.items()},
        carried_out=dict(carried_out),
        remedies={k: dict(v) for k, v in remedies.items()},
        fees_total=fees,
        warnings=warnings,
    )


def annual_report_get(*, actor: User, pk: int) -> AnnualReport:
    return get_visible_or_404(AnnualReport, actor, pk=pk)


def report_warnings(*, actor: User, today: datetime.date) -> list[AnnualReport | tuple[Authority, int]]:
    """From 1 January until published: last year's report of each authority in scope is due by 31 January."""
    from sanxiang.kernel.access import authorities_in_scope

    if not has_role(actor, *HANDLER_ROLES):
        return []
    year = today.year - 1
    published = set(
        AnnualReport.objects.visible_to(actor)
        .filter(year=year, status="published")
        .values_list("authority_id", flat=True)
    )
    return [(a, year) for a in authorities_in_scope(actor) if a.pk not in published]


def published_reports() -> QuerySet[AnnualReport]:
    return (
        AnnualReport.objects.filter(status="published")
        .select_related("authority")
        .order_by("-year", "authority__path")
    )
