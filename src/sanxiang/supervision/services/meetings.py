"""Meeting minutes 会议纪要 whose agreed items 议定事项 become tasks (seed 004 会议制度, 督办制度)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_log
from sanxiang.kernel.exceptions import ValidationFailed
from sanxiang.lib.tasktables import Measure, parse_deadline, parse_units
from sanxiang.org.models import Authority, User

from ..choices import PlanStatus
from ..matching import UnitMatcher
from ..models import Meeting, TaskPlan
from .plans import check_manage, create_tasks, plan_confirm


@dataclass(frozen=True)
class AgreedItem:
    """One agreed item: what, who ("区税务局牵头，区发改局配合"), by when (free text)."""

    text: str
    units: str
    deadline_text: str = ""


@transaction.atomic
def meeting_record(
    *,
    actor: User,
    authority: Authority,
    title: str,
    held_on: datetime.date,
    minutes: str,
    items: Sequence[AgreedItem],
    today: datetime.date,
) -> Meeting:
    """Record the minutes and turn each agreed item into a confirmed, supervised task."""
    check_manage(actor, authority)
    items = [item for item in items if item.text.strip()]
    if not title.strip():
        raise ValidationFailed(_("请填写会议名称。"), extra={"field": "title"})
    if not items:
        raise ValidationFailed(_("请至少填写一项议定事项。"), extra={"field": "items"})
    plan = TaskPlan.objects.create(
        authority=authority,
        title=_("%(title)s议定事项") % {"title": title.strip()[:250]},
        plan_year=held_on.year,
        imported_by=actor,
        status=PlanStatus.DRAFT,
    )
    meeting = Meeting.objects.create(
        authority=authority,
        title=title.strip(),
        held_on=held_on,
        minutes=minutes,
        plan=plan,
        recorded_by=actor,
    )
    measures = []
    for index, item in enumerate(items, start=1):
        deadline_text = item.deadline_text.strip()
        measures.append(
            Measure(
                seq=str(index),
                category=meeting.title,
                task=item.text.strip(),
                roles=parse_units(item.units),
                deadline_text=deadline_text,
                schedule=parse_deadline(deadline_text, plan_year=held_on.year) if deadline_text else None,
            )
        )
    create_tasks(plan=plan, measures=measures, matcher=UnitMatcher(authority), actor=actor, meeting=meeting)
    audit_log(
        actor=actor,
        action="supervision.meeting.recorded",
        target=meeting,
        after={"title": meeting.title, "held_on": held_on.isoformat(), "items": len(measures)},
    )
    plan_confirm(actor=actor, plan=plan, accept_unmatched=True, today=today)
    return meeting
