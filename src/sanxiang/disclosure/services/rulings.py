"""Writers of case-specific rulings 个案批复: registration with a publication limit, publication."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from sanxiang.audit.services import audit_log
from sanxiang.holidays.services import deadline_close, deadline_set
from sanxiang.kernel.exceptions import InvalidTransition, ValidationFailed
from sanxiang.lib.masking import mask_text
from sanxiang.org.models import Authority, Department
from sanxiang.portal.choices import Stage
from sanxiang.portal.services import public_entry_publish

from .. import rules
from ..choices import CatalogueHeading, RulingStatus
from ..models import CaseRuling
from ._common import actor_or_none, require_open_gov_in, require_staff_in, setting

if TYPE_CHECKING:
    from sanxiang.org.models import User

PUBLISH_PURPOSE = "disclosure.ruling.publish"


@transaction.atomic
def ruling_register(
    *,
    actor: User | Any,
    authority: Authority,
    document_number: str,
    title: str,
    text: str,
    decided_on: datetime.date,
    department: Department | None = None,
) -> CaseRuling:
    """Register a ruling; it must be published within the configured days of its date."""
    require_staff_in(actor, authority)
    if not document_number.strip() or not title.strip() or not text.strip():
        raise ValidationFailed(_("批复文号、标题和内容都必须填写。"))
    days = setting("RULING_PUBLISH_DAYS")
    ruling = CaseRuling.objects.create(
        authority=authority,
        department=department or getattr(actor, "department", None),
        document_number=document_number.strip(),
        title=title.strip(),
        text=text.strip(),
        decided_on=decided_on,
        publish_due_on=rules.ruling_publish_due(decided_on, days=days),
        registered_by=actor_or_none(actor),
    )
    deadline_set(
        owner=ruling,
        purpose=PUBLISH_PURPOSE,
        label=_t("个案批复公布"),
        start=decided_on,
        days=days,
        actor=actor,
    )
    audit_log(actor=actor, action="disclosure.ruling.created", target=ruling)
    return ruling


@transaction.atomic
def ruling_publish(*, actor: User | Any, ruling: CaseRuling) -> CaseRuling:
    """Publish a ruling on the portal (税收个案批复类文件公开), its text masked."""
    ruling = CaseRuling.objects.select_for_update().get(pk=ruling.pk)
    require_open_gov_in(actor, ruling.authority)
    if ruling.status != RulingStatus.REGISTERED:
        raise InvalidTransition(_("该批复已公布。"))
    now = timezone.now()
    ruling.public_key = f"disclosure-ruling-{ruling.pk}"
    public_entry_publish(
        actor=actor,
        source_key=ruling.public_key,
        version=1,
        category_code=f"disclosure.{CatalogueHeading.RULINGS}",
        category_label=str(CatalogueHeading.RULINGS.label),
        stage=Stage.BEFORE,
        authority=ruling.authority,
        title=ruling.title,
        party_name="",
        document_number=ruling.document_number,
        decided_on=ruling.decided_on,
        published_at=now,
        display_until=None,
        fields=[(_t("批复日期"), ruling.decided_on.isoformat())],
        text=mask_text(
            ruling.text,
            public_phones=[ruling.authority.public_phone] if ruling.authority.public_phone else [],
        ).text,
    )
    ruling.status, ruling.published_at = RulingStatus.PUBLISHED, now
    ruling.save(update_fields=["public_key", "status", "published_at"])
    deadline_close(owner=ruling, purpose=PUBLISH_PURPOSE, actor=actor)
    audit_log(actor=actor, action="disclosure.ruling.published", target=ruling)
    return ruling
