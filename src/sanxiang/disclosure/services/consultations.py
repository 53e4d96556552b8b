"""Writers of public consultations 征求意见: opening a draft, public comments (captcha and rate
limits at the view, sensitive words and pre-moderation here), answers and the adoption summary."""

from __future__ import annotations

import datetime
import hashlib
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.audit.services import audit_log
from sanxiang.kernel.exceptions import InvalidTransition, ValidationFailed
from sanxiang.org.models import Authority, Department
from sanxiang.portal.services import throttle_hit

from .. import rules
from ..choices import CommentAnswer, CommentStatus, ConsultationKind, ConsultationStatus, DocumentStatus
from ..models import (
    Consultation,
    ConsultationComment,
    ConsultationParagraph,
    OfficialDocument,
    SensitiveWord,
)
from ._common import actor_or_none, require_open_gov_in, require_staff_in, setting

if TYPE_CHECKING:
    from sanxiang.org.models import User

MAX_COMMENT_LENGTH = 2000


class CommentRateLimited(ValidationFailed):
    code = "rate_limited"
    http_status = 429
    default_message = _("提交过于频繁，请稍后再试。")


@transaction.atomic
def consultation_create(
    *,
    actor: User | Any,
    authority: Authority,
    title: str,
    explanation: str,
    draft_text: str,
    kind: str = ConsultationKind.NORMATIVE,
    department: Department | None = None,
) -> Consultation:
    """Prepare a draft for consultation; its paragraphs (articles) are the comment anchors."""
    require_staff_in(actor, authority)
    if not title.strip() or not explanation.strip() or not draft_text.strip():
        raise ValidationFailed(_("标题、起草说明和征求意见稿都必须填写。"))
    consultation = Consultation.objects.create(
        authority=authority,
        department=department or getattr(actor, "department", None),
        title=title.strip(),
        kind=kind,
        explanation=explanation.strip(),
        draft_text=draft_text.strip(),
        created_by=actor_or_none(actor),
    )
    ConsultationParagraph.objects.bulk_create(
        ConsultationParagraph(consultation=consultation, number=a.number, label=a.label, text=a.text)
        for a in rules.split_articles(consultation.draft_text)
    )
    audit_log(actor=actor, action="disclosure.consultation.created", target=consultation, authority=authority)
    return consultation


@transaction.atomic
def consultation_open(
    *,
    actor: User | Any,
    consultation: Consultation,
    opens_on: datetime.date,
    closes_on: datetime.date,
    short_period_reason: str = "",
) -> Consultation:
    """Publish the draft with its explanation for comment. A period shorter than the minimum
    (30 days, 优化营商环境条例第六十二条) needs a reason, which the public page shows."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    require_open_gov_in(actor, consultation.authority)
    if consultation.status != ConsultationStatus.DRAFT:
        raise InvalidTransition(_("该征求意见已发布。"))
    try:
        period = rules.consultation_period(opens_on, closes_on, minimum_days=setting("CONSULTATION_MIN_DAYS"))
    except ValueError:
        raise ValidationFailed(_("截止日期必须晚于开始日期。"), extra={"field": "closes_on"}) from None
    if period.short and not short_period_reason.strip():
        raise ValidationFailed(
            _("征求意见期限为{days}日，少于{minimum}日，必须说明理由。").format(
                days=period.days, minimum=period.minimum
            ),
            extra={"field": "short_period_reason"},
        )
    consultation.opens_on, consultation.closes_on = opens_on, closes_on
    consultation.short_period_reason = short_period_reason.strip() if period.short else ""
    consultation.status = ConsultationStatus.OPEN
    consultation.save(update_fields=["opens_on", "closes_on", "short_period_reason", "status"])
    audit_log(
        actor=actor,
        action="disclosure.consultation.opened",
        target=consultation,
        data={"opens_on": opens_on.isoformat(), "closes_on": closes_on.isoformat(), "days": period.days},
    )
    return consultation


def client_key(address: str) -> str:
    """A hash of the client's address: enough for rate limits, useless as an identity."""
    return hashlib.sha256(f"disclosure-comment:{address}".encode()).hexdigest()


@transaction.atomic
def comment_submit(
    *,
    consultation: Consultation,
    body: str,
    paragraph: ConsultationParagraph | None = None,
    commenter_name: str = "",
    contact: str = "",
    client: str = "",
    today: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> ConsultationComment:
    """A member of the public comments on the whole draft or one paragraph while the period runs.
    The comment waits for moderation; listed sensitive words are recorded for the moderator."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    if consultation.status != ConsultationStatus.OPEN or (
        rules.consultation_phase(consultation.opens_on, consultation.closes_on, today) != "open"
    ):
        raise InvalidTransition(_("该草案当前不在征求意见期内。"))
    body = (body or "").strip()
    if not body:
        raise ValidationFailed(_("请填写意见内容。"), extra={"field": "body"})
    if len(body) > MAX_COMMENT_LENGTH:
        raise ValidationFailed(
            _("意见内容不能超过{n}字。").format(n=MAX_COMMENT_LENGTH), extra={"field": "body"}
        )
    if paragraph is not None and paragraph.consultation_id != consultation.pk:
        raise ValidationFailed(_("所选段落不属于该草案。"), extra={"field": "paragraph"})
    key = client_key(client)
    if not throttle_hit(
        key=f"disclosure-comment:{key[:40]}",
        limit=setting("COMMENT_RATE_LIMIT"),
        window_seconds=3600,
        now=now,
    ):
        raise CommentRateLimited()
    words = list(SensitiveWord.objects.filter(is_active=True).values_list("word", flat=True))
    comment = ConsultationComment.objects.create(
        consultation=consultation,
        paragraph=paragraph,
        body=body,
        commenter_name=commenter_name.strip()[:100],
        contact=contact.strip()[:100],
        client_key=key,
        submitted_at=now,
        flagged_words=rules.sensitive_words_in(body, words),
    )
    audit_log(
        actor="public",
        action="disclosure.comment.submitted",
        target=comment,
        authority=consultation.authority,
        data={"paragraph": paragraph.number if paragraph else None, "flagged": bool(comment.flagged_words)},
    )
    return comment


@transaction.atomic
def comment_moderate(
    *, actor: User | Any, comment: ConsultationComment, approve: bool, reason: str = ""
) -> ConsultationComment:
    """Pre-moderation: publish the comment, or reject it with a reason (kept, never public)."""
    comment = (
        ConsultationComment.objects.select_for_update().select_related("consultation").get(pk=comment.pk)
    )
    require_open_gov_in(actor, comment.consultation.authority)
    if comment.status != CommentStatus.PENDING:
        raise InvalidTransition(_("该意见已审核。"))
    if not approve and not reason.strip():
        raise ValidationFailed(_("不予发布的意见必须说明理由。"), extra={"field": "reason"})
    comment.status = CommentStatus.PUBLISHED if approve else CommentStatus.REJECTED
    comment.rejection_reason = "" if approve else reason.strip()
    comment.moderated_by = actor_or_none(actor)
    comment.moderated_at = timezone.now()
    comment.save(update_fields=["status", "rejection_reason", "moderated_by", "moderated_at"])
    audit_log(
        actor=actor,
        action="disclosure.comment.approved" if approve else "disclosure.comment.rejected",
        target=comment,
        authority=comment.consultation.authority,
        data={"reason": comment.rejection_reason},
    )
    return comment


@transaction.atomic
def comment_answer(
    *, actor: User | Any, comment: ConsultationComment, answer: str, reason: str = ""
) -> ConsultationComment:
    """Answer a published comment: adopted, partly adopted or not adopted; a reason is required
    unless fully adopted (seed 001 #75). An answer may be revised until the summary is published."""
    comment = (
        ConsultationComment.objects.select_for_update().select_related("consultation").get(pk=comment.pk)
    )
    consultation = comment.consultation
    require_staff_in(actor, consultation.authority)
    if comment.status != CommentStatus.PUBLISHED:
        raise InvalidTransition(_("只能答复已发布的意见。"))
    if consultation.status == ConsultationStatus.SUMMARY_PUBLISHED:
        raise InvalidTransition(_("意见采纳情况已公布，不能再修改答复。"))
    if answer not in CommentAnswer.values:
        raise ValidationFailed(_("请选择采纳情况。"), extra={"field": "answer"})
    if answer != CommentAnswer.ADOPTED and not reason.strip():
        raise ValidationFailed(_("部分采纳或未采纳的意见必须说明理由。"), extra={"field": "reason"})
    before = {"answer": comment.answer}
    comment.answer, comment.answer_reason = answer, reason.strip()
    comment.answered_by, comment.answered_at = actor_or_none(actor), timezone.now()
    comment.save(update_fields=["answer", "answer_reason", "answered_by", "answered_at"])
    audit_log(
        actor=actor,
        action="disclosure.comment.answered",
        target=comment,
        authority=consultation.authority,
        before=before,
        after={"answer": answer},
    )
    return comment


@transaction.atomic
def consultation_publish_summary(
    *, actor: User | Any, consultation: Consultation, summary: str, today: datetime.date | None = None
) -> Consultation:
    """Publish the adoption summary 意见采纳情况 after the period: every comment must be moderated
    and every published comment answered first."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    require_open_gov_in(actor, consultation.authority)
    today = today or timezone.localdate()
    if consultation.status != ConsultationStatus.OPEN:
        raise InvalidTransition(_("只有已发布征求意见的草案可以公布采纳情况。"))
    if rules.consultation_phase(consultation.opens_on, consultation.closes_on, today) != "closed":
        raise InvalidTransition(_("征求意见期结束后才能公布采纳情况。"))
    comments = consultation.comments.all()
    if comments.filter(status=CommentStatus.PENDING).exists():
        raise InvalidTransition(_("尚有待审核的意见。"))
    unanswered = comments.filter(status=CommentStatus.PUBLISHED, answer="").count()
    if unanswered:
        raise InvalidTransition(_("尚有{n}条已发布的意见未答复。").format(n=unanswered))
    consultation.summary = summary.strip()
    consultation.summary_published_at = timezone.now()
    consultation.status = ConsultationStatus.SUMMARY_PUBLISHED
    consultation.save(update_fields=["summary", "summary_published_at", "status"])
    audit_log(actor=actor, action="disclosure.consultation.summary_published", target=consultation)
    return consultation


@transaction.atomic
def consultation_link_final(
    *, actor: User | Any, consultation: Consultation, document: OfficialDocument
) -> Consultation:
    """Link the final document to its consultation (the document page links back)."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    require_open_gov_in(actor, consultation.authority)
    if document.authority_id != consultation.authority_id or document.status != DocumentStatus.PUBLISHED:
        raise ValidationFailed(_("正式文件须为本机关已公开的文件。"), extra={"field": "document"})
    consultation.final_document = document
    consultation.save(update_fields=["final_document"])
    audit_log(
        actor=actor,
        action="disclosure.consultation.linked",
        target=consultation,
        data={"document": document.pk},
    )
    return consultation
