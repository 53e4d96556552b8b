"""Replies: draft from the office's 告知书 template, partial disclosure through the one masker,
legal/confidentiality review, the office head's approval, issue (Word + PDF into the file store),
delivery with proof (条例第三十六条至第三十九条)."""

from __future__ import annotations

import datetime
import io
from typing import TYPE_CHECKING, Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.audit.services import audit_log
from sanxiang.files.services import file_store, file_store_from_upload
from sanxiang.kernel.access import require_role, require_visible
from sanxiang.kernel.exceptions import ValidationFailed
from sanxiang.lib import masking
from sanxiang.org.models import Authority

from .. import rules
from ..choices import DeliveryMethod, ReplyType, WithheldReason
from ..models import InformationRequest, Reply, ReplyTemplate
from ..templates_default import DEFAULTS, REMEDIES
from ._common import REVIEW_ROLES, add_clock_event, refresh_clock, require_handler, require_head, transition

if TYPE_CHECKING:
    from sanxiang.org.models import User

DOCUMENT_PURPOSE = "information_requests.reply_document"
PROOF_PURPOSE = "information_requests.delivery_proof"
# Where the withheld text of a partial disclosure stood.
REDACTED_MARK = "█"


def template_for(authority: Authority | None, reply_type: str) -> tuple[str, str, str]:
    """(title, body, legal basis): the authority's own template, else the national default
    (always for None: a user without an authority)."""
    row = ReplyTemplate.objects.filter(authority=authority, reply_type=reply_type).first()
    if row is not None:
        return row.title, row.body, row.legal_basis
    return DEFAULTS[reply_type]


def reconsideration_body(authority: Authority) -> str:
    """The superior authority (复议机关 of a tax authority's act) through the materialised path."""
    parent = (
        Authority.objects.filter(path=authority.path[: -Authority.steplen]).first()
        if authority.depth > 1
        else None
    )
    return parent.name if parent is not None else str(_("上一级税务机关"))


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def render_body(reply: Reply) -> str:
    """The 告知书 text: the template filled in, the legal basis cited, the remedies stated."""
    request = reply.request
    _title, body, basis = template_for(request.authority, reply.reply_type)
    values = _Blank(
        code=request.code,
        received_on=f"{request.received_on:%Y年%m月%d日}" if request.received_on else "",
        description=request.description[:200],
        reasons=reply.reasons,
        obtain_how=reply.obtain_how,
        responsible_organ=reply.responsible_organ,
        authority=request.authority.name,
        channel_text=reply.reasons,
    )
    try:
        text = body.format_map(values)
    except (ValueError, IndexError):
        text = body
    remedies = REMEDIES.format(reconsideration_body=reconsideration_body(request.authority))
    return f"{text}\n\n{_('依据')}：{basis}。\n\n{remedies}"


def redact(
    source_text: str, redactions: list[dict[str, Any]], *, known_names: list[str]
) -> tuple[str, list[dict[str, Any]]]:
    """The released text of a partial disclosure: personal data masked by the one masker, plus the
    reviewer's selected spans blacked out (条例第三十七条). Spans are in ``source_text`` coordinates.
    """
    result = masking.mask_text(source_text, known_names=known_names)
    manual = []
    for item in redactions:
        try:
            start, end = int(item["start"]), int(item["end"])
            manual.append(masking.manual_span(source_text, start, end))
        except (KeyError, TypeError, ValueError) as error:
            raise ValidationFailed(
                _("删除区段 %(span)s 超出原文范围。") % {"span": item}, extra={"field": "redactions"}
            ) from error
    spans = [
        *result.spans,
        *[
            masking.Span(s.start, s.end, s.kind, s.original_len, REDACTED_MARK * (s.end - s.start))
            for s in manual
        ],
    ]
    released = masking.apply_masks(source_text, spans)
    clean = [
        {"start": s.start, "end": s.end, "reason": str(item.get("reason", ""))}
        for s, item in zip(manual, redactions, strict=True)
    ]
    return released, clean


def _guard(actor: Any, request: InformationRequest) -> None:
    require_visible(actor, request)
    require_handler(actor)


@transaction.atomic
def reply_draft(
    *,
    actor: User,
    request: InformationRequest,
    reply_type: str,
    reasons: str = "",
    withheld_reason: str = "",
    obtain_how: str = "",
    responsible_organ: str = "",
    source_text: str = "",
    redactions: list[dict[str, Any]] | None = None,
    needs_legal_review: bool = False,
    needs_confidentiality_review: bool = False,
) -> Reply:
    """Draft (or redraft) the reply of ``request`` from the template of its type."""
    _guard(actor, request)
    if reply_type not in ReplyType.values or reply_type in (ReplyType.ABANDONED, ReplyType.FEE_UNPAID):
        raise ValidationFailed(_("请选择答复类型。"), extra={"field": "reply_type"})
    if reply_type == ReplyType.WITHHELD and withheld_reason not in WithheldReason.values:
        raise ValidationFailed(_("不予公开须选择理由（八种情形之一）。"), extra={"field": "withheld_reason"})
    if reply_type in (ReplyType.WITHHELD, ReplyType.PARTIAL) and not reasons.strip():
        raise ValidationFailed(
            _("不予公开或部分公开须说明理由（条例第三十六条、第三十七条）。"), extra={"field": "reasons"}
        )
    if reply_type == ReplyType.NOT_THIS_ORGAN and not responsible_organ.strip():
        raise ValidationFailed(
            _("非本机关负责公开的，须告知负责公开的机关名称及联系方式（能够确定的）。"),
            extra={"field": "responsible_organ"},
        )
    released = ""
    clean: list[dict[str, Any]] = []
    if reply_type == ReplyType.PARTIAL:
        if not source_text.strip():
            raise ValidationFailed(
                _("部分公开须提供拟公开信息原文，以便区分处理。"), extra={"field": "source_text"}
            )
        if not redactions:
            raise ValidationFailed(_("部分公开须选定不予公开的内容区段。"), extra={"field": "redactions"})
        released, clean = redact(source_text, redactions, known_names=[request.applicant_name])
    elif source_text.strip():
        released = masking.apply_masks(
            source_text, masking.mask_text(source_text, known_names=[request.applicant_name]).spans
        )
    fields = {
        "reply_type": reply_type,
        "withheld_reason": withheld_reason if reply_type == ReplyType.WITHHELD else "",
        "reasons": reasons.strip(),
        "obtain_how": obtain_how.strip(),
        "responsible_organ": responsible_organ.strip(),
        "source_text": source_text,
        "redactions": clean,
        "released_text": released,
        "drafted_by": actor,
        "drafted_at": timezone.now(),
        "approved_by": None,
        "approved_at": None,
        "review_opinion": "",
        "reviewed_by": None,
    }
    reply, _created = Reply.objects.update_or_create(request=request, defaults={**fields, "body": ""})
    reply.body = render_body(reply)
    reply.save(update_fields=["body"])
    request.needs_legal_review = needs_legal_review
    request.needs_confidentiality_review = needs_confidentiality_review
    request.save(update_fields=["needs_legal_review", "needs_confidentiality_review", "updated_at"])
    transition(request, "draft", actor=actor, comment=str(ReplyType(reply_type).label))
    if needs_legal_review or needs_confidentiality_review:
        transition(request, "send_to_review", actor=actor)
    else:
        transition(request, "submit_for_approval", actor=actor)
    return reply


@transaction.atomic
def reply_review(*, actor: User, request: InformationRequest, opinion: str, passed: bool) -> Reply:
    """Legal/confidentiality review of the draft: passed → to the head, else back to drafting."""
    require_visible(actor, request)
    require_role(actor, *REVIEW_ROLES)
    if not opinion.strip():
        raise ValidationFailed(_("须填写审查意见。"), extra={"field": "opinion"})
    reply = request.reply
    if request.status != "in_review":
        raise ValidationFailed(_("该答复不在审查环节。"))
    reply.review_opinion = opinion.strip()
    reply.reviewed_by = actor
    reply.save(update_fields=["review_opinion", "reviewed_by"])
    transition(request, "submit_for_approval" if passed else "return", actor=actor, comment=opinion.strip())
    return reply


@transaction.atomic
def reply_approve(*, actor: User, request: InformationRequest, comment: str = "") -> Reply:
    """The office head approves the reply (条例第四十五条 审核)."""
    require_visible(actor, request)
    require_head(actor)
    reply = request.reply
    transition(request, "approve", actor=actor, comment=comment)
    reply.approved_by = actor
    reply.approved_at = timezone.now()
    reply.save(update_fields=["approved_by", "approved_at"])
    return reply


@transaction.atomic
def reply_return(*, actor: User, request: InformationRequest, comment: str) -> InformationRequest:
    require_visible(actor, request)
    require_role(actor, *REVIEW_ROLES)
    if not comment.strip():
        raise ValidationFailed(_("退回须写明意见。"), extra={"field": "comment"})
    transition(request, "return", actor=actor, comment=comment.strip())
    return request


@transaction.atomic
def reply_issue(
    *, actor: User, request: InformationRequest, on: datetime.date, today: datetime.date
) -> Reply:
    """Issue the approved reply on ``on``: the clock stops, the 告知书 is stored as Word and PDF."""
    _guard(actor, request)
    reply = request.reply
    if request.status != "approved":
        raise ValidationFailed(_("答复须经政务公开办公室负责人审批后才能发出。"))
    add_clock_event(request, rules.ClockEventKind.REPLIED, on, actor=actor, today=today)
    reply.issued_on = on
    reply.save(update_fields=["issued_on"])
    _store_documents(actor=actor, reply=reply)
    transition(request, "issue", actor=actor)
    request.closed_on = on
    request.save(update_fields=["closed_on", "updated_at"])
    refresh_clock(request, today=today, actor=actor)
    return reply


def _store_documents(*, actor: Any, reply: Reply) -> None:
    from ..documents import reply_docx, reply_pdf

    request = reply.request
    reply.document_docx = file_store(
        actor=actor,
        stream=io.BytesIO(reply_docx(reply)),
        name=f"{request.code}.docx",
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        authority=request.authority,
        owner=request,
        purpose=DOCUMENT_PURPOSE,
    )
    pdf = reply_pdf(reply)
    if pdf is not None:
        reply.document_pdf = file_store(
            actor=actor,
            stream=io.BytesIO(pdf),
            name=f"{request.code}.pdf",
            content_type="application/pdf",
            authority=request.authority,
            owner=request,
            purpose=DOCUMENT_PURPOSE,
        )
    reply.save(update_fields=["document_docx", "document_pdf"])


@transaction.atomic
def reply_deliver(
    *,
    actor: User,
    request: InformationRequest,
    on: datetime.date,
    method: str,
    note: str = "",
    proof: UploadedFile | None = None,
) -> Reply:
    """Record delivery by the channel the applicant chose, with proof (回执, 邮寄单号, 发送记录)."""
    _guard(actor, request)
    reply = getattr(request, "reply", None)
    if reply is None or reply.issued_on is None:
        raise ValidationFailed(_("答复尚未发出，不能登记送达。"))
    if method not in DeliveryMethod.values:
        raise ValidationFailed(_("请选择送达方式。"), extra={"field": "method"})
    if on < reply.issued_on:
        raise ValidationFailed(_("送达日期不能早于答复日期。"), extra={"field": "on"})
    if not note.strip() and proof is None and method != DeliveryMethod.ONLINE:
        raise ValidationFailed(_("须登记送达凭证（邮件单号、签收回执或发送记录）。"), extra={"field": "note"})
    reply.delivery_method = method
    reply.delivered_on = on
    reply.delivery_note = note.strip()
    if proof is not None:
        reply.delivery_proof = file_store_from_upload(
            actor=actor, upload=proof, authority=request.authority, owner=request, purpose=PROOF_PURPOSE
        )
    reply.save()
    audit_log(
        actor=actor,
        action="information_requests.reply.delivered",
        target=request,
        data={"method": method, "on": on.isoformat()},
    )
    return reply


@transaction.atomic
def template_save(
    *, actor: User, authority: Authority | None, reply_type: str, title: str, body: str, legal_basis: str
) -> ReplyTemplate:
    """The office edits the 告知书 text of one reply type for its authority."""
    require_handler(actor)
    from sanxiang.kernel.access import authority_in_scope

    if authority is None or not authority_in_scope(actor, authority):
        raise ValidationFailed(_("只能编辑本人数据权限内机关的模板。"))
    if reply_type not in ReplyType.values:
        raise ValidationFailed(_("未知的答复类型。"))
    if not (title.strip() and body.strip() and legal_basis.strip()):
        raise ValidationFailed(_("文书名称、正文和法律依据都不能为空。"))
    try:
        body.format_map(_Blank())
    except (ValueError, IndexError) as error:
        raise ValidationFailed(
            _("正文中的占位符格式有误（应为 {code} 这样的形式）。"), extra={"field": "body"}
        ) from error
    row, _created = ReplyTemplate.objects.update_or_create(
        authority=authority,
        reply_type=reply_type,
        defaults={
            "title": title.strip(),
            "body": body.strip(),
            "legal_basis": legal_basis.strip(),
            "updated_by": actor,
        },
    )
    audit_log(actor=actor, action="information_requests.template.saved", target=row)
    return row
