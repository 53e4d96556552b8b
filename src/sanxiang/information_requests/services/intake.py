"""Intake of disclosure requests: the portal form, staff entry of counter/post/e-mail/fax/oral
requests, and the confirmation of receipt that starts the clock (条例第二十九条、第三十一条)."""

from __future__ import annotations

import datetime
import hashlib
import secrets
from typing import TYPE_CHECKING, Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sanxiang.audit.services import audit_log
from sanxiang.files.services import file_store_from_upload, file_store_public_upload
from sanxiang.kernel.exceptions import ValidationFailed
from sanxiang.org.models import Authority

from .. import rules
from ..choices import ApplicantType, Channel, IdType
from ..models import InformationRequest
from ._common import add_clock_event, refresh_clock, require_handler

if TYPE_CHECKING:
    from sanxiang.org.models import User

IDENTITY_PURPOSE = "information_requests.identity_proof"
PRIVATE_FIELDS = (
    "applicant_name",
    "id_type",
    "id_number",
    "legal_representative",
    "contact_name",
    "phone",
    "email",
    "address",
    "postal_code",
    "oral_record",
)
APPLICANT_FIELDS = (
    "applicant_type",
    *PRIVATE_FIELDS,
    "description",
    "document_number",
    "information_form",
    "delivery_method",
)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.strip().encode("utf-8", "ignore")).hexdigest()


def _new_code(on: datetime.date) -> str:
    for _attempt in range(20):
        code = f"YSQ{on:%Y%m%d}{secrets.randbelow(10**6):06d}"
        if not InformationRequest.objects.filter(code=code).exists():
            return code
    raise ValidationFailed(_("申请编号生成失败，请重试。"))  # pragma: no cover


def _validate(data: dict[str, Any]) -> dict[str, Any]:
    """The fields of 条例第二十九条: name, identity proof, contact, description, form and channel."""
    cleaned: dict[str, Any] = {
        k: (data.get(k) or "").strip() if isinstance(data.get(k), str) else data.get(k)
        for k in APPLICANT_FIELDS
    }
    missing = []
    if not cleaned.get("applicant_name"):
        missing.append(("applicant_name", _("申请人姓名或名称")))
    if not cleaned.get("description"):
        missing.append(("description", _("所需政府信息的描述")))
    if not (cleaned.get("phone") or cleaned.get("email") or cleaned.get("address")):
        missing.append(("phone", _("联系方式（电话、电子邮箱或通信地址至少一项）")))
    if cleaned.get("applicant_type") not in ApplicantType.values:
        missing.append(("applicant_type", _("申请人类型")))
    if missing:
        raise ValidationFailed(
            _("申请缺少必填内容：%(fields)s。") % {"fields": "、".join(str(label) for _f, label in missing)},
            extra={"fields": [f for f, _l in missing]},
        )
    if cleaned.get("id_type") == IdType.RESIDENT_ID and cleaned.get("id_number"):
        from stdnum.cn import ric

        if not ric.is_valid(cleaned["id_number"]):
            raise ValidationFailed(_("居民身份证号码校验不通过，请核对。"), extra={"field": "id_number"})
    if cleaned.get("id_type") == IdType.USCC and cleaned.get("id_number"):
        from stdnum.cn import uscc

        if not uscc.is_valid(cleaned["id_number"]):
            raise ValidationFailed(_("统一社会信用代码校验不通过，请核对。"), extra={"field": "id_number"})
    return {k: v for k, v in cleaned.items() if v not in (None,)}


def _snapshot(request: InformationRequest) -> dict[str, Any]:
    return {
        "code": request.code,
        "channel": request.channel,
        "applicant_type": request.applicant_type,
        "received_on": request.received_on.isoformat() if request.received_on else None,
    }


def _received(request: InformationRequest) -> datetime.date | None:
    return rules.received_date(
        request.channel,
        submitted_on=request.submitted_on,
        signed_for_on=request.signed_for_on,
        confirmed_on=request.confirmed_on,
        mail_received_on=request.mail_received_on,
    )


def _start_clock_if_received(request: InformationRequest, *, actor: Any, today: datetime.date) -> None:
    received = _received(request)
    if received is None or request.received_on is not None:
        return
    request.received_on = received
    request.save(update_fields=["received_on", "updated_at"])
    add_clock_event(request, rules.ClockEventKind.RECEIVED, received, actor=actor, today=max(today, received))


@transaction.atomic
def request_submit_online(
    *,
    authority: Authority,
    data: dict[str, Any],
    identity_proof: UploadedFile | None,
    today: datetime.date,
) -> tuple[InformationRequest, str]:
    """A request filed on the portal; returns the request and the private token (shown once).

    The clock starts when the office confirms receipt (互联网渠道以双方确认之日为收到申请之日).
    """
    fields = _validate(data)
    token = secrets.token_urlsafe(24)
    request = InformationRequest.objects.create(
        authority=authority,
        code=_new_code(today),
        token_hash=token_digest(token),
        channel=Channel.ONLINE,
        submitted_on=today,
        **fields,
    )
    if identity_proof is not None:
        request.identity_proof = file_store_public_upload(
            upload=identity_proof, authority=authority, owner=request, purpose=IDENTITY_PURPOSE
        )
        request.save(update_fields=["identity_proof"])
    refresh_clock(request, today=today)
    audit_log(
        actor="portal",
        action="information_requests.request.submitted",
        target=request,
        after=_snapshot(request),
    )
    return request, token


@transaction.atomic
def request_create_by_staff(
    *,
    actor: User,
    authority: Authority | None,
    channel: str,
    data: dict[str, Any],
    today: datetime.date,
    submitted_on: datetime.date | None = None,
    signed_for_on: datetime.date | None = None,
    confirmed_on: datetime.date | None = None,
    mail_received_on: datetime.date | None = None,
    identity_proof: UploadedFile | None = None,
) -> tuple[InformationRequest, str]:
    """A request received at the counter, by post, e-mail or fax, or made orally and written down."""
    require_handler(actor)
    from sanxiang.kernel.access import authority_in_scope

    # None: the actor has no authority and none in scope (the views pass the first one in scope).
    if authority is None or not authority_in_scope(actor, authority):
        raise ValidationFailed(_("只能为本人数据权限内的机关登记申请。"))
    if channel not in Channel.values:
        raise ValidationFailed(_("未知的申请方式。"), extra={"field": "channel"})
    if channel == Channel.ORAL and not (data.get("oral_record") or "").strip():
        raise ValidationFailed(_("口头申请须由工作人员如实记录申请内容。"), extra={"field": "oral_record"})
    for name, value in (
        ("submitted_on", submitted_on),
        ("signed_for_on", signed_for_on),
        ("confirmed_on", confirmed_on),
        ("mail_received_on", mail_received_on),
    ):
        if value is not None and value > today:
            raise ValidationFailed(_("日期不能晚于今天。"), extra={"field": name})
    fields = _validate(data)
    token = secrets.token_urlsafe(24)
    request = InformationRequest.objects.create(
        authority=authority,
        code=_new_code(today),
        token_hash=token_digest(token),
        channel=channel,
        submitted_on=submitted_on or today,
        signed_for_on=signed_for_on,
        confirmed_on=confirmed_on,
        mail_received_on=mail_received_on,
        created_by=actor,
        **fields,
    )
    if identity_proof is not None:
        request.identity_proof = file_store_from_upload(
            actor=actor, upload=identity_proof, authority=authority, owner=request, purpose=IDENTITY_PURPOSE
        )
        request.save(update_fields=["identity_proof"])
    audit_log(
        actor=actor, action="information_requests.request.created", target=request, after=_snapshot(request)
    )
    _start_clock_if_received(request, actor=actor, today=today)
    refresh_clock(request, today=today, actor=actor)
    return request, token


@transaction.atomic
def request_confirm_receipt(
    *,
    actor: User,
    request: InformationRequest,
    on: datetime.date,
    today: datetime.date,
) -> InformationRequest:
    """Record the date that makes the request received: signed for (post), confirmed (ordinary mail,
    online, fax) or the day the mailbox received it (e-mail)."""
    require_handler(actor)
    if request.received_on is not None:
        raise ValidationFailed(
            _("已确认收到申请之日（%(day)s），不能重复确认。") % {"day": request.received_on}
        )
    if on > today or (
        request.submitted_on and on < request.submitted_on and request.channel != Channel.EMAIL
    ):
        raise ValidationFailed(_("确认日期须在提交日期与今天之间。"), extra={"field": "on"})
    if request.channel == Channel.POST_SIGNED:
        request.signed_for_on = on
    elif request.channel == Channel.EMAIL:
        request.mail_received_on = on
    elif request.channel in (Channel.IN_PERSON, Channel.ORAL):
        request.submitted_on = on
    else:
        request.confirmed_on = on
    request.save()
    _start_clock_if_received(request, actor=actor, today=today)
    return request
