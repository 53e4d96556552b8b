"""Readers of proactive disclosure: staff lists through ``visible_to``, public reads of published
documents and consultations only, the policy-library search over the portal's index, counters."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _t

from sanxiang.holidays.models import Deadline
from sanxiang.kernel.access import has_role
from sanxiang.kernel.modules import Todo
from sanxiang.org.models import Authority
from sanxiang.portal import search
from sanxiang.portal.models import PublicEntry

from . import rules
from .choices import (
    CommentStatus,
    ConsultationStatus,
    DisclosureAttribute,
    DocumentKind,
    DocumentStatus,
    InterpretationStatus,
    RectificationStatus,
    RulingStatus,
)
from .models import (
    CaseRuling,
    Consultation,
    ConsultationComment,
    ConsultationParagraph,
    Interpretation,
    OfficialDocument,
    PublicOpinionIncident,
    Rectification,
    ServiceRating,
    ValidityChange,
)
from .services._common import OPEN_GOV_ROLES, setting
from .services.documents import INTERPRETATION_PURPOSE, PUBLISH_PURPOSE

if TYPE_CHECKING:
    from sanxiang.org.models import User


# ----------------------------------------------------------------------------- annual report


def regulatory_document_counts(*, authority: Authority, year: int) -> dict[str, dict[str, int]]:
    """Table 二 (第二十条第（一）项) of ``authority``'s annual report for ``year``: 规章 and
    行政规范性文件 it issued itself (published) in the year, repealed in the year, in force at the
    year's end. ``{"rule": {"issued", "repealed", "in_force"}, "normative": {…}}``."""
    documents = (
        OfficialDocument.objects.filter(
            authority=authority,
            own_issue=True,
            status=DocumentStatus.PUBLISHED,
            kind__in=(DocumentKind.RULE, DocumentKind.NORMATIVE),
        )
        .prefetch_related(Prefetch("validity_changes", queryset=ValidityChange.objects.order_by("version")))
        .only("id", "kind", "published_on")
    )
    facts = [
        rules.DocumentFacts(
            kind=document.kind,
            issued_on=document.published_on,
            # The first version is the publication itself (in force from then on).
            changes=tuple(
                (c.effective_on, c.validity) for c in document.validity_changes.all() if c.version > 1
            ),
        )
        for document in documents
    ]
    return rules.document_counts(facts, year)


# ----------------------------------------------------------------------------- staff reads


def document_list(*, actor: User | Any, status: str = "") -> QuerySet[OfficialDocument]:
    queryset = OfficialDocument.objects.visible_to(actor).select_related("authority", "drafting_department")
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("-id")


def interpretation_overdue(
    *, actor: User | Any, today: datetime.date
) -> list[tuple[OfficialDocument, Deadline]]:
    """Published library documents still without an interpretation after the grace period
    (三同步 flag), with their deadline: for the drafting department's list and to-dos."""
    deadlines = Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(OfficialDocument),
        purpose=INTERPRETATION_PURPOSE,
        closed_at__isnull=True,
        due__lt=today,
    )
    by_id = {d.object_id: d for d in deadlines}
    documents = document_list(actor=actor).filter(pk__in=list(by_id)).select_related("drafting_department")
    return [(document, by_id[document.pk]) for document in documents]


def consultation_list(*, actor: User | Any) -> QuerySet[Consultation]:
    return Consultation.objects.visible_to(actor).select_related("authority").order_by("-id")


def comment_queue(*, actor: User | Any, consultation: Consultation) -> QuerySet[ConsultationComment]:
    return (
        ConsultationComment.objects.visible_to(actor)
        .filter(consultation=consultation)
        .select_related("paragraph")
        .order_by("status", "id")
    )


@dataclass(frozen=True)
class IncidentRow:
    incident: PublicOpinionIncident
    info_state: str
    press_state: str | None


def incident_rows(
    *, actor: User | Any, now: datetime.datetime, overdue_only: bool = False
) -> list[IncidentRow]:
    """Incidents with the state of each timer (running, alert, overdue, met, late)."""
    alert_before = datetime.timedelta(minutes=setting("OPINION_ALERT_MINUTES"))
    rows = []
    for incident in PublicOpinionIncident.objects.visible_to(actor).select_related("authority"):
        info = rules.Timer(incident.info_due_at, incident.info_released_at).state(
            now, alert_before=alert_before
        )
        press = (
            rules.Timer(incident.press_due_at, incident.press_held_at).state(now, alert_before=alert_before)
            if incident.press_due_at
            else None
        )
        if overdue_only and "overdue" not in (info, press):
            continue
        rows.append(IncidentRow(incident, info, press))
    return rows


@dataclass(frozen=True)
class RectificationReport:
    rows: list[Rectification]
    total: int
    answered: int
    answered_late: int
    open_overdue: int


def rectification_report(*, actor: User | Any, today: datetime.date) -> RectificationReport:
    """The rectification loop's report: every bad rating assigned, answered on time or late, overdue."""
    rows = list(
        Rectification.objects.visible_to(actor)
        .select_related("rating", "department", "authority")
        .order_by("due_on")
    )
    answered = [r for r in rows if r.status == RectificationStatus.ANSWERED]
    late = [r for r in answered if r.answered_at and timezone.localdate(r.answered_at) > r.due_on]
    overdue = [r for r in rows if r.status == RectificationStatus.ASSIGNED and r.due_on < today]
    return RectificationReport(rows, len(rows), len(answered), len(late), len(overdue))


def rating_list(*, actor: User | Any) -> QuerySet[ServiceRating]:
    return ServiceRating.objects.visible_to(actor).select_related("authority").order_by("-rated_at")


def ruling_list(*, actor: User | Any) -> QuerySet[CaseRuling]:
    return CaseRuling.objects.visible_to(actor).select_related("authority").order_by("-decided_on")


def todos_for(user: User, today: datetime.date) -> list[Todo]:
    """To-dos: the office's queue for open-government staff; the 三同步 flag and rectifications
    for the drafting department's staff."""
    todos: list[Todo] = []
    if not getattr(user, "is_authenticated", False):
        return todos
    module = "disclosure"
    if has_role(user, *OPEN_GOV_ROLES):
        documents = OfficialDocument.objects.visible_to(user)
        queue = (
            (documents.filter(status=DocumentStatus.SUBMITTED), _t("审核公文公开属性：{title}")),
            (
                documents.filter(status=DocumentStatus.REGISTERED, attribute=DisclosureAttribute.PROACTIVE),
                _t("保密审查：{title}"),
            ),
            (documents.filter(status=DocumentStatus.REVIEWED), _t("发布主动公开文件：{title}")),
        )
        due = {
            d.object_id: d.due
            for d in Deadline.objects.filter(
                content_type=ContentType.objects.get_for_model(OfficialDocument),
                purpose=PUBLISH_PURPOSE,
                closed_at__isnull=True,
            )
        }
        for waiting, label in queue:
            for document in waiting[:20]:
                url = reverse("disclosure:document_detail", args=[document.pk])
                day = due.get(document.pk)
                overdue = bool(day and day < today)
                todos.append(Todo(label.format(title=document.title), url, module, due=day, overdue=overdue))
        pending = ConsultationComment.objects.visible_to(user).filter(status=CommentStatus.PENDING)
        for consultation in Consultation.objects.filter(pk__in=pending.values("consultation")).distinct()[
            :20
        ]:
            todos.append(
                Todo(
                    _t("审核公众意见：{title}").format(title=consultation.title),
                    reverse("disclosure:consultation_detail", args=[consultation.pk]),
                    module,
                )
            )
        for ruling in CaseRuling.objects.visible_to(user).filter(status=RulingStatus.REGISTERED)[:20]:
            todos.append(
                Todo(
                    _t("公布个案批复：{title}").format(title=ruling.title),
                    reverse("disclosure:ruling_list"),
                    module,
                    due=ruling.publish_due_on,
                    overdue=ruling.publish_due_on < today,
                )
            )
    if user.department_id:
        for document, deadline in interpretation_overdue(actor=user, today=today):
            if document.drafting_department_id == user.department_id:
                todos.append(
                    Todo(
                        _t("补充政策解读（三同步）：{title}").format(title=document.title),
                        reverse("disclosure:document_detail", args=[document.pk]),
                        module,
                        due=deadline.due,
                        overdue=True,
                    )
                )
        for rectification in Rectification.objects.visible_to(user).filter(
            department_id=user.department_id, status=RectificationStatus.ASSIGNED
        ):
            todos.append(
                Todo(
                    _t("差评整改反馈：{label}").format(label=rectification.rating.target_label),
                    reverse("disclosure:rating_list"),
                    module,
                    due=rectification.due_on,
                    overdue=rectification.due_on < today,
                )
            )
    return todos


# ----------------------------------------------------------------------------- public reads


def published_documents() -> QuerySet[OfficialDocument]:
    """The one public policy for documents: proactive, reviewed and published."""
    return OfficialDocument.objects.filter(
        status=DocumentStatus.PUBLISHED, attribute=DisclosureAttribute.PROACTIVE
    ).select_related("authority", "validity_label")


def catalogue(*, heading: str = "", authority: Authority | None = None) -> QuerySet[OfficialDocument]:
    queryset = published_documents()
    if heading:
        queryset = queryset.filter(heading=heading)
    if authority is not None:
        queryset = queryset.filter(authority__path__startswith=authority.path)
    return queryset.order_by("-published_on", "-id")


def published_rulings() -> QuerySet[CaseRuling]:
    """Case rulings already published on the portal (their public page is the portal entry)."""
    return (
        CaseRuling.objects.filter(status=RulingStatus.PUBLISHED)
        .select_related("authority")
        .order_by("-decided_on")
    )


@dataclass(frozen=True)
class LibraryParams:
    q: str = ""
    issuer: str = ""
    tax_type: str = ""
    validity: str = ""
    year: int | None = None


def policy_library_search(
    *, params: LibraryParams, now: datetime.datetime
) -> QuerySet[OfficialDocument] | None:
    """Published library documents matching ``params``; None when the text has nothing searchable.

    The text query runs on the portal's own bigram index (two characters suffice): each published
    document is a portal entry whose index text holds its title, number, catalogue fields, full
    text and interpretations, so the library searches that index restricted to its own entries.
    """
    queryset = published_documents().filter(in_policy_library=True)
    if params.issuer:
        queryset = queryset.filter(issuer=params.issuer)
    if params.tax_type:
        queryset = queryset.filter(tax_types__code=params.tax_type)
    if params.validity:
        queryset = queryset.filter(
            Q(validity_label__code=params.validity) | Q(validity_label__validity=params.validity)
        )
    if params.year:
        queryset = queryset.filter(published_on__year=params.year)
    if params.q.strip():
        entries = PublicEntry.objects.visible(now).filter(category_code__startswith="disclosure.")
        matches = search.matching_ids(entries, params.q, limit=search.COUNT_CAP, stop_early=False)
        if matches is None:
            return None
        keys = list(PublicEntry.objects.filter(id__in=matches.ids).values_list("source_key", flat=True))
        queryset = queryset.filter(public_key__in=keys)
    return queryset.distinct().order_by("-published_on", "-id").prefetch_related("tax_types")


def issuer_choices() -> list[str]:
    return list(
        published_documents()
        .filter(in_policy_library=True)
        .order_by("issuer")
        .values_list("issuer", flat=True)
        .distinct()
    )


@dataclass(frozen=True)
class DocumentPage:
    document: OfficialDocument
    history: list[ValidityChange]
    interpretations: list[Interpretation]
    amends: list[ValidityChange]
    consultations: list[Consultation]


def document_public_get(*, pk: int) -> DocumentPage | None:
    """A published document with its validity history, interpretations, the documents that amend
    it (in its history), the changes it made to other documents and its consultation."""
    document = (
        published_documents().filter(pk=pk).prefetch_related("articles", "tax_types", "attachments").first()
    )
    if document is None:
        return None
    return DocumentPage(
        document=document,
        history=list(document.validity_changes.select_related("label", "by_document").order_by("version")),
        interpretations=list(document.interpretations.filter(status=InterpretationStatus.PUBLISHED)),
        amends=list(
            ValidityChange.objects.filter(by_document=document, document__in=published_documents())
            .select_related("document", "label")
            .order_by("document_id", "version")
        ),
        consultations=list(document.consultations.filter(status=ConsultationStatus.SUMMARY_PUBLISHED)),
    )


def public_consultations() -> QuerySet[Consultation]:
    """Consultations the public may see: opened (running or closed) or with a published summary."""
    return (
        Consultation.objects.filter(
            status__in=(ConsultationStatus.OPEN, ConsultationStatus.SUMMARY_PUBLISHED)
        )
        .select_related("authority", "final_document")
        .order_by("-opens_on", "-id")
    )


@dataclass(frozen=True)
class ConsultationPage:
    consultation: Consultation
    phase: str
    period: rules.PeriodCheck
    paragraphs: list[tuple[ConsultationParagraph, list[ConsultationComment]]]
    general_comments: list[ConsultationComment]
    counts: rules.AdoptionCounts
    summary_published: bool


def consultation_public_get(*, pk: int, today: datetime.date) -> ConsultationPage | None:
    """The public page of a consultation: the draft by paragraph with its published comments (no
    names, no contacts), the counters, and (after the summary) the answers."""
    consultation = public_consultations().filter(pk=pk).first()
    if consultation is None:
        return None
    comments = list(
        consultation.comments.only(
            "status", "answer", "paragraph_id", "body", "submitted_at", "answer_reason"
        )
    )
    published = [c for c in comments if c.status == CommentStatus.PUBLISHED]
    by_paragraph: dict[int | None, list[ConsultationComment]] = {}
    for comment in published:
        by_paragraph.setdefault(comment.paragraph_id, []).append(comment)
    paragraphs = [(p, by_paragraph.get(p.pk, [])) for p in consultation.paragraphs.all()]
    # Opened consultations carry their period (consultation_open sets both dates).
    assert consultation.opens_on is not None and consultation.closes_on is not None
    return ConsultationPage(
        consultation=consultation,
        phase=rules.consultation_phase(consultation.opens_on, consultation.closes_on, today),
        period=rules.consultation_period(
            consultation.opens_on, consultation.closes_on, minimum_days=setting("CONSULTATION_MIN_DAYS")
        ),
        paragraphs=paragraphs,
        general_comments=by_paragraph.get(None, []),
        counts=rules.adoption_counts([(c.status, c.answer) for c in comments]),
        summary_published=consultation.status == ConsultationStatus.SUMMARY_PUBLISHED,
    )


def consultation_counts(consultation: Consultation) -> rules.AdoptionCounts:
    return rules.adoption_counts(list(consultation.comments.values_list("status", "answer")))
