"""Writers of 好差评: a rating of any rated object and the rectification loop of bad ratings.

A rated object is any model instance with an ``authority`` (the rating is filed under it); other
apps (disclosure requests) rate through ``rating_submit`` with their own objects.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.audit.services import audit_log
from sanxiang.holidays.services import deadline_close, deadline_compute, deadline_set
from sanxiang.kernel.exceptions import InvalidTransition, ValidationFailed
from sanxiang.org.models import Department

from .. import rules
from ..choices import RectificationStatus
from ..models import Rectification, ServiceRating
from ._common import actor_or_none, require_open_gov_in, require_staff_in, setting

if TYPE_CHECKING:
    from sanxiang.org.models import User

RECTIFICATION_PURPOSE = "disclosure.rectification"
PROBLEMS = {
    "bad_score": _("评分须为1至5分。"),
    "reason_required": _("差评须填写理由。"),
}


@transaction.atomic
def rating_submit(
    *,
    target: models.Model,
    score: int,
    reason: str = "",
    contact: str = "",
    now: datetime.datetime | None = None,
) -> ServiceRating:
    """Record a rating of ``target`` (which must have an ``authority``); a low one needs a reason."""
    problem = rules.rating_problem(score, reason, low_score=setting("RATING_LOW_SCORE"))
    if problem:
        raise ValidationFailed(
            PROBLEMS[problem], extra={"field": "score" if problem == "bad_score" else "reason"}
        )
    authority = getattr(target, "authority", None)
    if authority is None:
        raise ValidationFailed(_("评价对象没有所属机关。"))
    rating = ServiceRating.objects.create(
        authority=authority,
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        target_label=str(target)[:300],
        score=score,
        reason=reason.strip(),
        contact=contact.strip()[:100],
        rated_at=now or timezone.now(),
        is_low=score <= setting("RATING_LOW_SCORE"),
    )
    audit_log(
        actor="public",
        action="disclosure.rating.created",
        target=rating,
        authority=authority,
        data={"score": score},
    )
    return rating


@transaction.atomic
def rectification_assign(
    *, actor: User | Any, rating: ServiceRating, department: Department, today: datetime.date | None = None
) -> Rectification:
    """Assign a bad rating to a department for rectification, due in the configured working days."""
    require_open_gov_in(actor, rating.authority)
    if not rating.is_low:
        raise InvalidTransition(_("只有差评需要整改。"))
    if hasattr(rating, "rectification"):
        raise InvalidTransition(_("该差评已交办整改。"))
    if department.authority_id != rating.authority_id:
        raise ValidationFailed(_("整改部门须属于被评价机关。"), extra={"field": "department"})
    today = today or timezone.localdate()
    days = setting("RECTIFICATION_DAYS")
    rectification = Rectification.objects.create(
        rating=rating,
        authority=rating.authority,
        department=department,
        assigned_by=actor_or_none(actor),
        assigned_at=timezone.now(),
        due_on=deadline_compute(start=today, working_days=days).date,
    )
    deadline_set(
        owner=rectification,
        purpose=RECTIFICATION_PURPOSE,
        label=str(_("差评整改反馈")),
        start=today,
        working_days=days,
        actor=actor,
    )
    audit_log(actor=actor, action="disclosure.rectification.created", target=rectification)
    return rectification


@transaction.atomic
def rectification_answer(*, actor: User | Any, rectification: Rectification, answer: str) -> Rectification:
    """The department reports what it rectified; late answers stay visible as late in the report."""
    rectification = Rectification.objects.select_for_update().get(pk=rectification.pk)
    require_staff_in(actor, rectification.authority)
    if rectification.status != RectificationStatus.ASSIGNED:
        raise InvalidTransition(_("该整改已反馈。"))
    if not answer.strip():
        raise ValidationFailed(_("请填写整改情况。"), extra={"field": "answer"})
    rectification.answer = answer.strip()
    rectification.status = RectificationStatus.ANSWERED
    rectification.answered_by = actor_or_none(actor)
    rectification.answered_at = timezone.now()
    rectification.save(update_fields=["answer", "status", "answered_by", "answered_at"])
    deadline_close(owner=rectification, purpose=RECTIFICATION_PURPOSE, actor=actor)
    audit_log(actor=actor, action="disclosure.rectification.answered", target=rectification)
    return rectification
