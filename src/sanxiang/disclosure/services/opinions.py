"""Writers of public-opinion incidents 政务舆情 and their clock-hour response timers."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from sanxiang.audit.services import audit_log
from sanxiang.kernel.exceptions import InvalidTransition, ValidationFailed
from sanxiang.notifications.services import notify_users_with_role
from sanxiang.org.models import Authority

from .. import rules
from ..choices import IncidentSeverity
from ..models import PublicOpinionIncident
from ._common import OPEN_GOV_ROLES, require_open_gov_in, setting

if TYPE_CHECKING:
    from sanxiang.org.models import User


@transaction.atomic
def incident_record(
    *,
    actor: User | Any,
    authority: Authority,
    title: str,
    discovered_at: datetime.datetime,
    severity: str = IncidentSeverity.ORDINARY,
    summary: str = "",
    source: str = "",
) -> PublicOpinionIncident:
    """Record an incident with its time of discovery; both timers start from that moment."""
    require_open_gov_in(actor, authority)
    if not title.strip():
        raise ValidationFailed(_("请填写舆情标题。"), extra={"field": "title"})
    if timezone.is_naive(discovered_at):
        raise ValidationFailed(_("发现时间必须带时区。"), extra={"field": "discovered_at"})
    if discovered_at > timezone.now() + datetime.timedelta(minutes=5):
        raise ValidationFailed(_("发现时间不能晚于当前时间。"), extra={"field": "discovered_at"})
    if severity not in IncidentSeverity.values:
        raise ValidationFailed(_("舆情级别无效。"), extra={"field": "severity"})
    info_due, press_due = rules.opinion_due_times(
        discovered_at,
        severity,
        info_hours=setting("OPINION_INFO_HOURS"),
        press_hours=setting("OPINION_PRESS_HOURS"),
    )
    incident = PublicOpinionIncident.objects.create(
        authority=authority,
        title=title.strip(),
        summary=summary.strip(),
        source=source.strip(),
        severity=severity,
        discovered_at=discovered_at,
        info_due_at=info_due,
        press_due_at=press_due,
        recorded_by=actor,
    )
    audit_log(actor=actor, action="disclosure.incident.created", target=incident, data={"severity": severity})
    return incident


@transaction.atomic
def incident_release_info(
    *, actor: User | Any, incident: PublicOpinionIncident, at: datetime.datetime, note: str = ""
) -> PublicOpinionIncident:
    """Record the release of authoritative information 发布权威信息."""
    incident = PublicOpinionIncident.objects.select_for_update().get(pk=incident.pk)
    require_open_gov_in(actor, incident.authority)
    if incident.info_released_at is not None:
        raise InvalidTransition(_("已登记权威信息发布。"))
    if at < incident.discovered_at:
        raise ValidationFailed(_("发布时间不能早于发现时间。"), extra={"field": "at"})
    incident.info_released_at, incident.info_note = at, note.strip()
    incident.save(update_fields=["info_released_at", "info_note"])
    audit_log(actor=actor, action="disclosure.incident.info_released", target=incident)
    return incident


@transaction.atomic
def incident_hold_press(
    *, actor: User | Any, incident: PublicOpinionIncident, at: datetime.datetime, note: str = ""
) -> PublicOpinionIncident:
    """Record the press conference 新闻发布会 of a major incident."""
    incident = PublicOpinionIncident.objects.select_for_update().get(pk=incident.pk)
    require_open_gov_in(actor, incident.authority)
    if incident.press_due_at is None:
        raise InvalidTransition(_("一般舆情无需举行新闻发布会。"))
    if incident.press_held_at is not None:
        raise InvalidTransition(_("已登记新闻发布会。"))
    if at < incident.discovered_at:
        raise ValidationFailed(_("发布会时间不能早于发现时间。"), extra={"field": "at"})
    incident.press_held_at, incident.press_note = at, note.strip()
    incident.save(update_fields=["press_held_at", "press_note"])
    audit_log(actor=actor, action="disclosure.incident.press_held", target=incident)
    return incident


def incidents_alert(*, now: datetime.datetime) -> int:
    """Alert the open-government staff of each incident whose timer is about to run out or has
    run out (once per timer and state); returns the number of alerts sent. Runs every few minutes."""
    alert_before = datetime.timedelta(minutes=setting("OPINION_ALERT_MINUTES"))
    sent = 0
    pending = PublicOpinionIncident.objects.filter(
        info_released_at__isnull=True
    ) | PublicOpinionIncident.objects.filter(press_due_at__isnull=False, press_held_at__isnull=True)
    for incident in pending.select_related("authority").distinct():
        timers = [("info", rules.Timer(incident.info_due_at, incident.info_released_at), _t("发布权威信息"))]
        if incident.press_due_at is not None:
            timers.append(
                ("press", rules.Timer(incident.press_due_at, incident.press_held_at), _t("举行新闻发布会"))
            )
        for name, timer, what in timers:
            state = timer.state(now, alert_before=alert_before)
            if state not in ("alert", "overdue"):
                continue
            title = (
                _t("舆情“{title}”已超过{what}时限")
                if state == "overdue"
                else _t("舆情“{title}”即将到达{what}时限")
            ).format(title=incident.title, what=what)
            sent += len(
                notify_users_with_role(
                    authority=incident.authority,
                    roles=OPEN_GOV_ROLES,
                    title=title,
                    body=_t("时限：{due}").format(
                        due=timezone.localtime(timer.due_at).strftime("%Y-%m-%d %H:%M")
                    ),
                    url=reverse("disclosure:incident_detail", args=[incident.pk]),
                    category=f"disclosure.incident.{state}",
                    dedupe_key=f"disclosure.incident.{incident.pk}.{name}.{state}",
                )
            )
    return sent
