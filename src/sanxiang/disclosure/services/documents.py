"""Writers of official documents: drafting, the office's attribute check (退文), confidentiality
review, publication into the 主动公开目录, validity changes and interpretations (三同步)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from sanxiang.audit.services import audit_log
from sanxiang.holidays.services import deadline_close, deadline_set
from sanxiang.kernel.exceptions import InvalidTransition, ValidationFailed
from sanxiang.notifications.services import notify
from sanxiang.org.models import Authority, Department
from sanxiang.portal.choices import Stage
from sanxiang.portal.services import public_entry_publish

from .. import rules
from ..choices import (
    CatalogueHeading,
    DisclosureAttribute,
    DocumentKind,
    DocumentStatus,
    InterpretationKind,
    InterpretationStatus,
)
from ..models import (
    DocumentArticle,
    DocumentAttachment,
    DocumentTransition,
    IndexCounter,
    Interpretation,
    OfficialDocument,
    TaxType,
    ValidityChange,
    ValidityLabel,
)
from ._common import actor_or_none, require_open_gov_in, require_staff_in, setting

if TYPE_CHECKING:
    from sanxiang.org.models import User

INTERPRETATION_PURPOSE = "disclosure.interpretation"
PUBLISH_PURPOSE = "disclosure.publish"
# Proactive information is published within 20 working days of being formed (条例第二十六条).
PUBLISH_WORKING_DAYS = 20
RETURN_MESSAGES = {
    "missing_attribute": _("未明确公开属性（主动公开、依申请公开或不予公开），作退文处理。"),
    "missing_reason": _("拟不予公开但未依法说明理由（条例第十四条至第十六条），作退文处理。"),
    "reason_not_allowed": _("只有不予公开的公文才填写不予公开理由，请更正后重新报送。"),
}
HEADING_NUMBERS = {code: i for i, code in enumerate(CatalogueHeading.values, start=1)}


def _transition(document: OfficialDocument, target: str, *, actor: Any, comment: str = "") -> None:
    if not rules.can_move(document.status, target):
        raise InvalidTransition(
            _("公文当前状态为“{status}”，不能执行该操作。").format(status=document.get_status_display())
        )
    DocumentTransition.objects.create(
        document=document,
        from_status=document.status,
        to_status=target,
        actor=actor_or_none(actor),
        at=timezone.now(),
        comment=comment,
    )
    document.status = target


def _locked(document: OfficialDocument) -> OfficialDocument:
    return OfficialDocument.objects.select_for_update().get(pk=document.pk)


@transaction.atomic
def document_create(
    *,
    actor: User | Any,
    authority: Authority,
    title: str,
    drafting_department: Department | None = None,
    document_number: str = "",
    issuer: str = "",
    own_issue: bool = True,
    kind: str = DocumentKind.OTHER,
    heading: str = CatalogueHeading.OTHER,
    subject_terms: str = "",
    attribute: str = "",
    withheld_reason: str = "",
    attribute_note: str = "",
    in_policy_library: bool = False,
    tax_types: list[TaxType] | None = None,
    signed_on: datetime.date | None = None,
    published_on: datetime.date | None = None,
    effective_on: datetime.date | None = None,
    text: str = "",
) -> OfficialDocument:
    """Register a draft document of a drafting department with its proposed disclosure attribute."""
    require_staff_in(actor, authority)
    if not title.strip():
        raise ValidationFailed(_("标题不能为空。"), extra={"field": "title"})
    if kind not in DocumentKind.values or heading not in CatalogueHeading.values:
        raise ValidationFailed(_("文件类型或目录类别无效。"))
    if drafting_department is not None and drafting_department.authority_id != authority.pk:
        raise ValidationFailed(_("起草部门不属于该机关。"), extra={"field": "drafting_department"})
    document = OfficialDocument.objects.create(
        authority=authority,
        drafting_department=drafting_department or getattr(actor, "department", None),
        drafter=actor_or_none(actor),
        title=title.strip(),
        document_number=document_number.strip(),
        issuer=issuer.strip() or authority.name,
        own_issue=own_issue,
        kind=kind,
        heading=heading,
        subject_terms=subject_terms.strip(),
        attribute=attribute,
        withheld_reason=withheld_reason,
        attribute_note=attribute_note,
        in_policy_library=in_policy_library,
        signed_on=signed_on,
        published_on=published_on,
        effective_on=effective_on,
        text=text.strip(),
    )
    if tax_types:
        document.tax_types.set(tax_types)
    _save_articles(document)
    audit_log(actor=actor, action="disclosure.document.created", target=document, authority=authority)
    return document


def _save_articles(document: OfficialDocument) -> None:
    document.articles.all().delete()
    DocumentArticle.objects.bulk_create(
        DocumentArticle(document=document, number=a.number, label=a.label, text=a.text)
        for a in rules.split_articles(document.text)
    )


@transaction.atomic
def document_set_attribute(
    *,
    actor: User | Any,
    document: OfficialDocument,
    attribute: str,
    withheld_reason: str = "",
    note: str = "",
) -> OfficialDocument:
    """The drafter corrects the attribute of a draft or returned document."""
    document = _locked(document)
    require_staff_in(actor, document.authority)
    if document.status not in (DocumentStatus.DRAFT, DocumentStatus.RETURNED):
        raise InvalidTransition(_("只有拟稿或退文状态的公文可以修改公开属性。"))
    before = {"attribute": document.attribute, "withheld_reason": document.withheld_reason}
    document.attribute, document.withheld_reason, document.attribute_note = attribute, withheld_reason, note
    document.save(update_fields=["attribute", "withheld_reason", "attribute_note"])
    audit_log(
        actor=actor,
        action="disclosure.document.attribute_set",
        target=document,
        before=before,
        after={"attribute": attribute, "withheld_reason": withheld_reason},
    )
    return document


@transaction.atomic
def document_submit(*, actor: User | Any, document: OfficialDocument) -> OfficialDocument:
    """The drafting department sends the document, with its attribute, to the office for checking."""
    document = _locked(document)
    require_staff_in(actor, document.authority)
    _transition(document, DocumentStatus.SUBMITTED, actor=actor)
    document.save(update_fields=["status"])
    audit_log(actor=actor, action="disclosure.document.submitted", target=document)
    return document


def _return(document: OfficialDocument, *, actor: Any, reason: str) -> None:
    _transition(document, DocumentStatus.RETURNED, actor=actor, comment=reason)
    document.return_reason = reason
    document.save(update_fields=["status", "return_reason"])
    audit_log(actor=actor, action="disclosure.document.returned", target=document, data={"reason": reason})
    if document.drafter is not None:
        notify(
            recipients=[document.drafter],
            title=_t("公文《{title}》被退回").format(title=document.title),
            body=reason,
            url=reverse("disclosure:document_detail", args=[document.pk]),
            category="disclosure.document.returned",
            actor=actor_or_none(actor),
        )


@transaction.atomic
def document_register(*, actor: User | Any, document: OfficialDocument) -> OfficialDocument:
    """The office's 发文审核 of the attribute (seed 001 #40): a document without an attribute, or
    withheld without a legal reason, is returned to its drafter with a notice; otherwise it is
    registered. Returns the document in its new status (``returned`` or ``registered``)."""
    document = _locked(document)
    require_open_gov_in(actor, document.authority)
    if document.status != DocumentStatus.SUBMITTED:
        raise InvalidTransition(_("只有已报送的公文可以审核公开属性。"))
    problem = rules.attribute_problem(document.attribute, document.withheld_reason)
    if problem:
        _return(document, actor=actor, reason=str(RETURN_MESSAGES[problem]))
        return document
    _transition(document, DocumentStatus.REGISTERED, actor=actor)
    document.return_reason = ""
    document.save(update_fields=["status", "return_reason"])
    if document.attribute == DisclosureAttribute.PROACTIVE:
        deadline_set(
            owner=document,
            purpose=PUBLISH_PURPOSE,
            label=_t("主动公开"),
            start=document.signed_on or timezone.localdate(),
            working_days=PUBLISH_WORKING_DAYS,
            actor=actor,
        )
    audit_log(actor=actor, action="disclosure.document.registered", target=document)
    return document


@transaction.atomic
def document_return(*, actor: User | Any, document: OfficialDocument, reason: str) -> OfficialDocument:
    """The office returns a submitted document for another reason, stated in ``reason``."""
    document = _locked(document)
    require_open_gov_in(actor, document.authority)
    if not reason.strip():
        raise ValidationFailed(_("请填写退文理由。"), extra={"field": "reason"})
    _return(document, actor=actor, reason=reason.strip())
    return document


@transaction.atomic
def document_review(*, actor: User | Any, document: OfficialDocument, comment: str = "") -> OfficialDocument:
    """Confidentiality review 保密审查 of a proactive document by the office head, before publication."""
    document = _locked(document)
    require_open_gov_in(actor, document.authority, head=True)
    if document.attribute != DisclosureAttribute.PROACTIVE:
        raise InvalidTransition(_("只有主动公开的公文需要发布前保密审查。"))
    _transition(document, DocumentStatus.REVIEWED, actor=actor, comment=comment)
    document.save(update_fields=["status"])
    audit_log(actor=actor, action="disclosure.document.reviewed", target=document, data={"comment": comment})
    return document


def _next_index_number(document: OfficialDocument, year: int) -> str:
    counter, _created = IndexCounter.objects.select_for_update().get_or_create(
        authority=document.authority, heading=document.heading, year=year
    )
    counter.last += 1
    counter.save(update_fields=["last"])
    return rules.index_number(document.authority.code, HEADING_NUMBERS[document.heading], year, counter.last)


def public_fields(document: OfficialDocument) -> list[tuple[str, str]]:
    """The catalogue fields of a published document, as the portal shows and indexes them."""
    fields = [
        (_t("索引号"), document.index_number),
        (_t("发布机关"), document.issuer),
        (_t("目录类别"), document.get_heading_display()),
        (_t("文件类型"), document.get_kind_display()),
        (_t("主题词"), document.subject_terms),
        (_t("成文日期"), document.signed_on.isoformat() if document.signed_on else ""),
        (_t("发布日期"), document.published_on.isoformat() if document.published_on else ""),
        (_t("施行日期"), document.effective_on.isoformat() if document.effective_on else ""),
    ]
    if document.in_policy_library:
        fields.append((_t("税费种"), "、".join(t.name for t in document.tax_types.all())))
        fields.append((_t("效力状态"), document.validity_label.label if document.validity_label else ""))
    return [(label, value) for label, value in fields if value]


def _publish_to_portal(document: OfficialDocument, *, actor: Any) -> None:
    document.public_version += 1
    document.public_key = f"disclosure-document-{document.pk}"
    interpretations = [
        f"{i.title}\n{i.body}\n" + "\n".join(f"{qa.get('q', '')} {qa.get('a', '')}" for qa in i.qa)
        for i in document.interpretations.filter(status=InterpretationStatus.PUBLISHED)
    ]
    public_entry_publish(
        actor=actor,
        source_key=document.public_key,
        version=document.public_version,
        category_code=f"disclosure.{document.heading}",
        category_label=document.get_heading_display(),
        # Proactive disclosure is information published before and independent of any enforcement
        # act (条例第二十条), the portal's 事前公开 stage.
        stage=Stage.BEFORE,
        authority=document.authority,
        title=document.title,
        party_name="",
        document_number=document.document_number,
        decided_on=document.signed_on,
        published_at=document.published_at or timezone.now(),
        display_until=None,
        fields=public_fields(document),
        text="\n\n".join([document.text, *interpretations]),
    )
    document.save(update_fields=["public_version", "public_key"])


@transaction.atomic
def document_publish(
    *, actor: User | Any, document: OfficialDocument, today: datetime.date | None = None
) -> OfficialDocument:
    """Publish a reviewed proactive document into the 主动公开目录 with its 索引号; its draft
    interpretations are released with it (三同步). A policy-library document gets its first
    validity version (全文有效); one published without an interpretation gets the grace deadline
    after which its drafting department is flagged."""
    document = _locked(document)
    require_open_gov_in(actor, document.authority)
    _transition(document, DocumentStatus.PUBLISHED, actor=actor)
    now = timezone.now()
    today = today or timezone.localdate(now)
    document.published_on = document.published_on or today
    document.published_at = now
    document.index_number = _next_index_number(document, document.published_on.year)
    if document.in_policy_library and document.validity_label_id is None:
        label = ValidityLabel.objects.filter(validity="in_force", is_active=True).order_by("order").first()
        if label is None:
            raise ValidationFailed(_("未配置“全文有效”效力状态，请先在效力状态中维护。"))
        document.validity_version = 1
        document.validity_label = label
        ValidityChange.objects.create(
            document=document,
            version=1,
            label=label,
            validity=label.validity,
            effective_on=document.effective_on or document.published_on,
            note=_t("发布"),
            recorded_by=actor_or_none(actor),
            recorded_at=now,
        )
    document.save(
        update_fields=[
            "status",
            "published_on",
            "published_at",
            "index_number",
            "validity_label",
            "validity_version",
        ]
    )
    drafts = list(document.interpretations.filter(status=InterpretationStatus.DRAFT))
    for interpretation in drafts:
        interpretation.status = InterpretationStatus.PUBLISHED
        interpretation.published_at = now
        interpretation.save(update_fields=["status", "published_at"])
    _publish_to_portal(document, actor=actor)
    deadline_close(owner=document, purpose=PUBLISH_PURPOSE, actor=actor)
    if (
        document.in_policy_library
        and not document.interpretations.filter(status=InterpretationStatus.PUBLISHED).exists()
    ):
        deadline_set(
            owner=document,
            purpose=INTERPRETATION_PURPOSE,
            label=_t("政策解读发布"),
            start=document.published_on,
            working_days=setting("INTERPRETATION_GRACE_DAYS"),
            actor=actor,
        )
    audit_log(
        actor=actor,
        action="disclosure.document.published",
        target=document,
        data={"index_number": document.index_number, "interpretations": len(drafts)},
    )
    return document


@transaction.atomic
def document_validity_change(
    *,
    actor: User | Any,
    document: OfficialDocument,
    label: ValidityLabel,
    effective_on: datetime.date,
    articles: str = "",
    by_document: OfficialDocument | None = None,
    by_document_text: str = "",
    note: str = "",
) -> ValidityChange:
    """Record a new validity version of a published library document (时效性标注, seed 001 #16):
    which label, which articles, by which document and from when; the portal is republished."""
    document = _locked(document)
    require_open_gov_in(actor, document.authority)
    if document.status != DocumentStatus.PUBLISHED or not document.in_policy_library:
        raise InvalidTransition(_("只有已公开的政策库文件可以标注效力。"))
    if not label.is_active:
        raise ValidationFailed(_("该效力状态已停用。"), extra={"field": "label"})
    if label.needs_articles and not articles.strip():
        raise ValidationFailed(
            _("“{label}”须注明涉及的条款。").format(label=label.label), extra={"field": "articles"}
        )
    if by_document is None and not by_document_text.strip():
        raise ValidationFailed(
            _("请注明依据的文件（选择政策库文件或填写文号）。"), extra={"field": "by_document"}
        )
    if by_document is not None and by_document.pk == document.pk:
        raise ValidationFailed(_("依据文件不能是本文件。"), extra={"field": "by_document"})
    before = {"label": document.validity_label.code if document.validity_label else None}
    document.validity_version += 1
    change = ValidityChange.objects.create(
        document=document,
        version=document.validity_version,
        label=label,
        validity=label.validity,
        articles=articles.strip(),
        by_document=by_document,
        by_document_text=by_document_text.strip() or (by_document.document_number if by_document else ""),
        effective_on=effective_on,
        note=note.strip(),
        recorded_by=actor_or_none(actor),
        recorded_at=timezone.now(),
    )
    document.validity_label = label
    document.save(update_fields=["validity_label", "validity_version"])
    _publish_to_portal(document, actor=actor)
    audit_log(
        actor=actor,
        action="disclosure.document.validity_changed",
        target=document,
        before=before,
        after={"label": label.code, "articles": change.articles, "version": change.version},
    )
    return change


@transaction.atomic
def interpretation_create(
    *,
    actor: User | Any,
    document: OfficialDocument,
    title: str,
    body: str = "",
    kind: str = InterpretationKind.TEXT,
    qa: list[dict[str, str]] | None = None,
) -> Interpretation:
    """Draft an interpretation (谁起草、谁解读): released with the document, or at once when the
    document is already public."""
    require_staff_in(actor, document.authority)
    qa = [{"q": str(i.get("q", "")).strip(), "a": str(i.get("a", "")).strip()} for i in (qa or [])]
    qa = [i for i in qa if i["q"] and i["a"]]
    if not title.strip() or not (body.strip() or qa):
        raise ValidationFailed(_("解读须有标题，并有解读内容或问答。"), extra={"field": "body"})
    interpretation = Interpretation.objects.create(
        document=document,
        title=title.strip(),
        body=body.strip(),
        kind=kind,
        qa=qa,
        author=actor_or_none(actor),
    )
    audit_log(actor=actor, action="disclosure.interpretation.created", target=interpretation)
    return interpretation


@transaction.atomic
def interpretation_publish(*, actor: User | Any, interpretation: Interpretation) -> Interpretation:
    """Publish an interpretation of an already public document, closing its 三同步 deadline."""
    document = _locked(interpretation.document)
    require_open_gov_in(actor, document.authority)
    if document.status != DocumentStatus.PUBLISHED:
        raise InvalidTransition(_("文件公开时解读随文件同步发布。"))
    if interpretation.status == InterpretationStatus.PUBLISHED:
        raise InvalidTransition(_("该解读已发布。"))
    interpretation.status = InterpretationStatus.PUBLISHED
    interpretation.published_at = timezone.now()
    interpretation.save(update_fields=["status", "published_at"])
    deadline_close(owner=document, purpose=INTERPRETATION_PURPOSE, actor=actor)
    _publish_to_portal(document, actor=actor)
    audit_log(actor=actor, action="disclosure.interpretation.published", target=interpretation)
    return interpretation


@transaction.atomic
def attachment_add(
    *, actor: User | Any, document: OfficialDocument, title: str, stored_file: Any
) -> DocumentAttachment:
    """Attach a file already in the one file store (``sanxiang.files``) to a document."""
    require_staff_in(actor, document.authority)
    attachment = DocumentAttachment.objects.create(
        document=document, file=stored_file, title=title or stored_file.original_name
    )
    audit_log(
        actor=actor, action="disclosure.attachment.created", target=attachment, authority=document.authority
    )
    return attachment
