"""Progress tickets 事项编号 + 查询码 of 承诺件 and their acknowledgement receipt 受理回执.

``matter_ticket_issue_for_act`` is called by ``act_create`` in its transaction, so registering an
act through the staff form, the API or a source-system push issues the ticket the same way.
Whether an act gets one is the matter catalogue's call (``MatterCatalogueItem``); the promised
time limit runs on the working-day calendar (``sanxiang.holidays``).
"""

from __future__ import annotations

import base64
import datetime
import secrets
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.audit.services import audit_log
from sanxiang.holidays.services import deadline_compute
from sanxiang.kernel.access import require_role, require_visible
from sanxiang.kernel.exceptions import ValidationFailed

from . import rules
from .choices import Handling, MatterStage, TimeUnit
from .documents import Receipt
from .models import EnforcementAct, MatterCatalogueItem, MatterTicket
from .roles import WRITE_ROLES

if TYPE_CHECKING:
    from sanxiang.org.models import User

__all__ = [
    "catalogue_item_for",
    "matter_ticket_advance",
    "matter_ticket_code",
    "matter_ticket_issue",
    "matter_ticket_follow_act",
    "matter_ticket_issue_for_act",
    "matter_ticket_receipt",
]


def catalogue_item_for(act: EnforcementAct) -> MatterCatalogueItem | None:
    """The catalogue row that governs ``act`` (keyword rows before whole-kind rows)."""
    items = {item.pk: item for item in MatterCatalogueItem.objects.all()}
    entries = [
        rules.CatalogueEntry(
            pk=i.pk,
            act_kind=i.act_kind,
            matter_keyword=i.matter_keyword,
            handling=i.handling,
            time_limit=i.time_limit,
            time_unit=i.time_unit,
            order=i.order,
        )
        for i in items.values()
    ]
    match = rules.catalogue_match(entries, kind=act.kind, matter=act.matter)
    return items[match.pk] if match else None


def _key() -> bytes:
    # A key of its own derived from SECRET_KEY: rotating SECRET_KEY only stops reprints of
    # receipts issued before, never the lookup (which checks the hash).
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"sanxiang.matter_ticket.code").derive(
        settings.SECRET_KEY.encode()
    )


def _seal(code: str, number: str) -> str:
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(_key()).encrypt(nonce, code.encode(), number.encode())
    return base64.b64encode(nonce + sealed).decode()


def matter_ticket_code(ticket: MatterTicket) -> str | None:
    """The verification code for reprinting the receipt; None when it cannot be recovered."""
    try:
        raw = base64.b64decode(ticket.code_sealed)
        return AESGCM(_key()).decrypt(raw[:12], raw[12:], ticket.matter_number.encode()).decode()
    except Exception:  # noqa: BLE001 - a rotated SECRET_KEY or an empty field: no reprint
        return None


def _new_number(on: datetime.date) -> str:
    for _attempt in range(5):
        number = f"{on:%Y%m%d}{secrets.randbelow(10**8):08d}"
        if not MatterTicket.objects.filter(matter_number=number).exists():
            return number
    raise ValidationFailed(_("无法生成唯一的事项编号，请重试。"))


def _due(item: MatterCatalogueItem | None, received: datetime.date) -> tuple[str, datetime.date | None, bool]:
    if item is None or item.handling != Handling.PROMISED:
        return "", None, False
    if item.time_unit == TimeUnit.WORKING_DAYS:
        result = deadline_compute(start=received, working_days=item.time_limit)
    else:
        result = deadline_compute(start=received, days=item.time_limit)
    return item.time_limit_label, result.date, result.provisional


@transaction.atomic
def matter_ticket_issue(
    *,
    actor: User,
    act: EnforcementAct,
    on: datetime.date,
    item: MatterCatalogueItem | None = None,
    stage: str = MatterStage.ACCEPTED,
) -> tuple[MatterTicket, str]:
    """Issue the progress ticket of ``act``: returns it and the verification code.

    The code is random (``secrets``), checked only through its PBKDF2 hash; it is printed on the
    受理回执. ``on`` is the day the matter was received; the promised time limit of the catalogue
    row runs from it on the working-day calendar (the first day does not count).
    """
    require_role(actor, *WRITE_ROLES)
    require_visible(actor, act, action="matter_ticket")
    return _issue(actor=actor, act=act, on=on, item=item, stage=stage)


def _issue(
    *, actor: User, act: EnforcementAct, on: datetime.date, item: MatterCatalogueItem | None, stage: str
) -> tuple[MatterTicket, str]:
    if stage not in MatterStage.values:
        raise ValidationFailed(_("未知的办理阶段。"))
    if MatterTicket.objects.filter(act=act).exists():
        raise ValidationFailed(_("该执法行为已签发办理进度凭证。"), code="duplicate")
    number = _new_number(on)
    code = "".join(secrets.choice(rules.CODE_ALPHABET) for _i in range(rules.CODE_LENGTH))
    salt = secrets.token_hex(16)
    item = item if item is not None else catalogue_item_for(act)
    label, due, provisional = _due(item, on)
    ticket = MatterTicket.objects.create(
        act=act,
        matter_number=number,
        code_salt=salt,
        code_hash=rules.code_hash(code, salt),
        code_sealed=_seal(code, number),
        stage=stage,
        stage_dates={str(stage): on.isoformat()},
        matter_name=item.name if item is not None else act.get_kind_display(),
        received_on=on,
        time_limit_label=label,
        due_on=due,
        due_provisional=provisional,
    )
    audit_log(
        actor=actor,
        action="enforcement.matter_ticket.issued",
        target=ticket,
        authority=act.authority_id,
        data={"act": act.pk, "matter_number": number, "due_on": due.isoformat() if due else None},
    )
    return ticket, code


def matter_ticket_issue_for_act(*, actor: User, act: EnforcementAct) -> MatterTicket | None:
    """Issue a ticket when the catalogue marks the act's matter 承诺件; nothing for 即办件.

    Only ``act_create`` calls this, inside its transaction and after its own permission check
    (which also admits the random-inspection organiser for 行政检查)."""
    item = catalogue_item_for(act)
    if item is None or item.handling != Handling.PROMISED:
        return None
    received = act.started_on or timezone.localdate()
    ticket, _code = _issue(actor=actor, act=act, on=received, item=item, stage=MatterStage.ACCEPTED)
    return ticket


@transaction.atomic
def matter_ticket_advance(
    *, actor: User, ticket: MatterTicket, stage: str, on: datetime.date
) -> MatterTicket:
    """Record that the matter reached ``stage`` on ``on``; a stage already passed is left alone."""
    require_role(actor, *WRITE_ROLES)
    require_visible(actor, ticket.act, action="matter_ticket")
    if stage not in MatterStage.values:
        raise ValidationFailed(_("未知的办理阶段。"))
    if not rules.stage_reached(ticket.stage, stage):
        return ticket
    before = {"stage": ticket.stage}
    ticket.stage = stage
    ticket.stage_dates = {**ticket.stage_dates, str(stage): on.isoformat()}
    ticket.save(update_fields=["stage", "stage_dates"])
    audit_log(
        actor=actor,
        action="enforcement.matter_ticket.advanced",
        target=ticket,
        authority=ticket.act.authority_id,
        before=before,
        after={"stage": stage},
    )
    return ticket


def matter_ticket_follow_act(*, actor: User, act: EnforcementAct) -> MatterTicket | None:
    """Move the act's ticket on to what its decisions and status show (decided, served,
    concluded), never back. Called by the act and decision services in their transaction,
    after their own permission checks."""
    ticket = MatterTicket.objects.filter(act=act).first()
    if ticket is None:
        return None
    reached: list[tuple[str, datetime.date]] = []
    decisions = list(act.decisions.all())
    decided = [d.decided_on for d in decisions if d.decided_on]
    served = [d.served_on for d in decisions if d.served_on]
    if decided:
        reached.append((MatterStage.DECIDED, min(decided)))
    if served:
        reached.append((MatterStage.SERVED, min(served)))
    if act.status == "concluded" and act.concluded_on:
        reached.append((MatterStage.CONCLUDED, act.concluded_on))
    before = ticket.stage
    dates = dict(ticket.stage_dates)
    for stage, day in reached:
        if rules.stage_reached(ticket.stage, stage):
            ticket.stage = stage
            dates[str(stage)] = day.isoformat()
    if ticket.stage == before:
        return ticket
    ticket.stage_dates = dates
    ticket.save(update_fields=["stage", "stage_dates"])
    audit_log(
        actor=actor,
        action="enforcement.matter_ticket.advanced",
        target=ticket,
        authority=act.authority_id,
        before={"stage": before},
        after={"stage": ticket.stage},
    )
    return ticket


def matter_ticket_receipt(*, actor: User, act: EnforcementAct) -> Receipt:
    """The receipt of ``act``'s ticket with its code in clear, for printing; each print is audited
    because it shows the code."""
    from django.urls import reverse

    require_role(actor, *WRITE_ROLES)
    require_visible(actor, act, action="matter_ticket")
    ticket = MatterTicket.objects.filter(act=act).first()
    if ticket is None:
        raise ValidationFailed(_("该执法行为为即办件，没有受理回执。"), code="no_ticket")
    code = matter_ticket_code(ticket)
    if code is None:
        raise ValidationFailed(
            _("查询码无法恢复（系统密钥已更换），无法重新打印受理回执。"), code="code_lost"
        )
    audit_log(
        actor=actor,
        action="enforcement.matter_ticket.receipt_printed",
        target=ticket,
        authority=act.authority_id,
        data={"matter_number": ticket.matter_number},
    )
    return Receipt(
        ticket=ticket,
        code=code,
        authority=act.authority.name,
        party=act.taxpayer.display_name,
        matter=act.matter,
        lookup_path=reverse("portal:progress"),
    )
