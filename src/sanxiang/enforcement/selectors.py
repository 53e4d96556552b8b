"""Readers of the enforcement domain; every one goes through ``visible_to(actor)``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import models

from sanxiang.files.models import StoredFile
from sanxiang.files.selectors import file_list_for_owners
from sanxiang.kernel.access import get_visible_or_404
from sanxiang.lib import idnumbers

from .models import Decision, EnforcementAct, MatterTicket, Taxpayer

if TYPE_CHECKING:
    from sanxiang.org.models import User


def taxpayer_list(*, actor: User, q: str | None = None, kind: str | None = None) -> models.QuerySet[Taxpayer]:
    """Visible taxpayers, searched by name, USCC, TIN or (exactly) ID number."""
    qs = Taxpayer.objects.visible_to(actor).select_related("authority", "department")
    if kind:
        qs = qs.filter(kind=kind)
    q = (q or "").strip()
    if q:
        normalised = idnumbers.normalise(q)
        # ID numbers match only in full, so a search box cannot be used to enumerate them.
        qs = qs.filter(
            models.Q(name__icontains=q)
            | models.Q(uscc=normalised)
            | models.Q(tin__iexact=normalised)
            | models.Q(id_number=normalised)
        )
    return qs


def taxpayer_get(*, actor: User, pk: int, action: str = "view") -> Taxpayer:
    return get_visible_or_404(
        Taxpayer.objects.select_related("authority", "department", "legal_representative_person"),
        actor,
        action=action,
        pk=pk,
    )


def act_list(
    *,
    actor: User,
    taxpayer: Taxpayer | None = None,
    kind: str | None = None,
    status: str | None = None,
    q: str | None = None,
) -> models.QuerySet[EnforcementAct]:
    qs = EnforcementAct.objects.visible_to(actor).select_related("taxpayer", "authority", "department")
    if taxpayer is not None:
        qs = qs.filter(taxpayer=taxpayer)
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    q = (q or "").strip()
    if q:
        qs = qs.filter(
            models.Q(matter__icontains=q) | models.Q(taxpayer__name__icontains=q) | models.Q(source_id=q)
        )
    return qs


def act_get(*, actor: User, pk: int, action: str = "view") -> EnforcementAct:
    return get_visible_or_404(
        EnforcementAct.objects.select_related(
            "taxpayer", "authority", "department", "created_by"
        ).prefetch_related("officer_links__user"),
        actor,
        action=action,
        pk=pk,
    )


def matter_ticket_for(act: EnforcementAct) -> MatterTicket | None:
    """The progress ticket of an act the caller has already read through ``act_get``."""
    return MatterTicket.objects.filter(act=act).first()


def decision_list(*, actor: User, act: EnforcementAct | None = None) -> models.QuerySet[Decision]:
    qs = Decision.objects.visible_to(actor).select_related("act", "act__taxpayer", "authority")
    return qs.filter(act=act) if act is not None else qs


def decision_get(*, actor: User, pk: int, action: str = "view") -> Decision:
    return get_visible_or_404(
        Decision.objects.select_related("act", "act__taxpayer", "authority"), actor, action=action, pk=pk
    )


@dataclass(frozen=True)
class TaxpayerArchive:
    """The per-taxpayer archive 一户式 (for a natural person also the 一人式 links)."""

    taxpayer: Taxpayer
    acts: list[EnforcementAct]
    decisions: list[Decision]
    files: list[StoredFile]
    represented: list[Taxpayer]


def taxpayer_archive(*, actor: User, taxpayer: Taxpayer) -> TaxpayerArchive:
    """Everything the actor may see about ``taxpayer``: acts, decisions and attachments.

    Each part is filtered by its own scope, so a city officer sees the district's acts while a
    district officer sees only their own, even about the same taxpayer.
    """
    taxpayer = taxpayer_get(actor=actor, pk=taxpayer.pk)
    acts = list(act_list(actor=actor, taxpayer=taxpayer))
    decisions = list(
        Decision.objects.visible_to(actor).filter(act__taxpayer=taxpayer).select_related("act", "authority")
    )
    owners: list[models.Model] = [taxpayer, *acts, *decisions]
    files = list(file_list_for_owners(actor=actor, owners=owners))
    represented = (
        list(taxpayer_list(actor=actor).filter(legal_representative_person=taxpayer))
        if taxpayer.is_natural_person
        else []
    )
    return TaxpayerArchive(
        taxpayer=taxpayer, acts=acts, decisions=decisions, files=files, represented=represented
    )
