"""Readers of the whole-process records; every one goes through ``visible_to(actor)``."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from django.conf import settings
from django.db import models
from django.utils import timezone

from sanxiang.enforcement.models import EnforcementAct, Taxpayer
from sanxiang.kernel.access import get_visible_or_404

from . import rules
from .choices import MEDIA_KINDS, Obligation
from .models import CustodyEvent, Device, InterviewRoom, LegalHold, MatterListVersion, Record, RequiredMatter

if TYPE_CHECKING:
    from sanxiang.org.models import User


def record_list(
    *, actor: User, act: EnforcementAct | None = None, taxpayer: Taxpayer | None = None
) -> models.QuerySet[Record]:
    qs = Record.objects.visible_to(actor).select_related(
        "act", "act__taxpayer", "file", "device", "room", "recorder"
    )
    if act is not None:
        qs = qs.filter(act=act)
    if taxpayer is not None:
        qs = qs.filter(act__taxpayer=taxpayer)
    return qs


def record_get(*, actor: User, public_id: Any, action: str = "view") -> Record:
    return get_visible_or_404(
        Record.objects.select_related(
            "act", "act__taxpayer", "file", "device", "room", "recorder", "authority"
        ),
        actor,
        action=action,
        public_id=public_id,
    )


def record_poster(record: Record):
    from django.contrib.contenttypes.models import ContentType

    from sanxiang.files.models import StoredFile

    return StoredFile.objects.filter(
        owner_type=ContentType.objects.get_for_model(Record), owner_id=record.pk, purpose="record_poster"
    ).first()


def custody_events(record: Record) -> models.QuerySet[CustodyEvent]:
    return record.custody_events.select_related("actor")


# ---- matter list ------------------------------------------------------------------------------


def matter_list_current(today: datetime.date | None = None) -> MatterListVersion | None:
    today = today or timezone.localdate()
    return MatterListVersion.objects.filter(effective_from__lte=today).order_by("-number").first()


def matters_for_act(act: EnforcementAct, version: MatterListVersion | None = None) -> list[RequiredMatter]:
    version = version or matter_list_current()
    if version is None:
        return []
    return [
        m
        for m in version.rows.all()
        if rules.matter_matches(act.kind, act.matter, m.act_kind, m.matter_keyword)
    ]


# ---- coverage (应录未录) ----------------------------------------------------------------------


@dataclass
class MissingRecording:
    """An act on the matter list whose mandatory recording is missing past the grace period."""

    act: EnforcementAct
    matters: list[RequiredMatter]
    grace_deadline: datetime.date
    officers: list[str] = field(default_factory=list)


def _grace_deadline(start: datetime.date, calendar: Any) -> datetime.date:
    from sanxiang.holidays.services import deadline_compute

    return deadline_compute(
        start=start, working_days=settings.SANXIANG_RECORDS_GRACE_WORKING_DAYS, calendar=calendar
    ).date


@dataclass(frozen=True)
class RequiredActs:
    """Acts the matter list says must be filmed, counted per owner, start date and whether they
    have their recording (for the evaluation's counts)."""

    started_on: datetime.date
    authority_id: int
    department_id: int | None
    officer_id: int | None
    recorded: bool
    grace_deadline: datetime.date
    count: int

    def overdue(self, today: datetime.date) -> bool:
        """应录未录: no recording once the grace period has passed."""
        return not self.recorded and rules.recording_overdue(
            started_on=self.started_on, grace_deadline=self.grace_deadline, today=today
        )


def _mandatory(
    acts: models.QuerySet[EnforcementAct], today: datetime.date
) -> tuple[list[RequiredMatter], models.QuerySet[EnforcementAct]]:
    """The matter-list rows in force on ``today`` that make a media record mandatory (应当), and the
    acts among ``acts`` with a start date of a kind those rows can name (none when no row)."""
    version = matter_list_current(today)
    rows = [m for m in version.rows.all() if m.obligation == Obligation.MUST] if version is not None else []
    kinds = {m.act_kind for m in rows}
    candidates = acts.filter(started_on__isnull=False)
    if "" not in kinds:
        candidates = candidates.filter(kind__in=kinds)
    return rows, candidates


def required_acts(*, acts: models.QuerySet[EnforcementAct], today: datetime.date) -> list[RequiredActs]:
    """The acts among ``acts`` that need a mandatory (应当) media record, grouped in the database
    by owner, start date, kind and matter, with whether they have one; the matter rows are matched
    once per kind and matter, the grace deadline worked out once per start date."""
    from sanxiang.holidays.services import current_calendar

    rows, candidates = _mandatory(acts, today)
    if not rows:
        return []
    media = Record.objects.filter(act=models.OuterRef("pk"), kind__in=MEDIA_KINDS, disposed_at__isnull=True)
    groups = (
        candidates.order_by()
        .annotate(recorded=models.Exists(media))
        .values("kind", "matter", "started_on", "authority_id", "department_id", "created_by_id", "recorded")
        .annotate(n=models.Count("pk"))
    )
    calendar = current_calendar()
    matches: dict[tuple[str, str], bool] = {}
    deadlines: dict[datetime.date, datetime.date] = {}
    result: list[RequiredActs] = []
    for g in groups:
        kind, matter = g["kind"], g["matter"]
        started_on = cast(datetime.date, g["started_on"])  # filtered: never null
        if (kind, matter) not in matches:
            matches[kind, matter] = any(
                rules.matter_matches(kind, matter, m.act_kind, m.matter_keyword) for m in rows
            )
        if not matches[kind, matter]:
            continue
        if started_on not in deadlines:
            deadlines[started_on] = _grace_deadline(started_on, calendar)
        result.append(
            RequiredActs(
                started_on,
                g["authority_id"],
                g["department_id"],
                g["created_by_id"],
                g["recorded"],
                deadlines[started_on],
                g["n"],
            )
        )
    return result


def act_missing_recording(
    act: EnforcementAct, *, today: datetime.date | None = None
) -> MissingRecording | None:
    """The act's missing mandatory recording (for the act page's warning), or None."""
    found = missing_recordings(acts=EnforcementAct.objects.filter(pk=act.pk), today=today, include_grace=True)
    return found[0] if found else None


def missing_recordings(
    *, acts: models.QuerySet[EnforcementAct], today: datetime.date | None = None, include_grace: bool = False
) -> list[MissingRecording]:
    """Acts needing a mandatory (应当) media record that has none; past the grace period unless
    ``include_grace`` (the act page warns at once)."""
    from sanxiang.holidays.services import current_calendar

    today = today or timezone.localdate()
    rows, candidates = _mandatory(acts, today)
    if not rows:
        return []
    candidates = candidates.select_related("authority", "department", "taxpayer")
    recorded = set(
        Record.objects.filter(act__in=candidates, kind__in=MEDIA_KINDS, disposed_at__isnull=True).values_list(
            "act_id", flat=True
        )
    )
    calendar = current_calendar()
    result = []
    for act in candidates.prefetch_related("officer_links__user"):
        if act.pk in recorded:
            continue
        matching = [
            m for m in rows if rules.matter_matches(act.kind, act.matter, m.act_kind, m.matter_keyword)
        ]
        if not matching:
            continue
        assert act.started_on is not None  # candidates have a start date
        deadline = _grace_deadline(act.started_on, calendar)
        if include_grace or rules.recording_overdue(
            started_on=act.started_on, grace_deadline=deadline, today=today
        ):
            officers = [link.user.display_name for link in act.officer_links.all()]
            result.append(
                MissingRecording(act=act, matters=matching, grace_deadline=deadline, officers=officers)
            )
    return result


def coverage_report(*, actor: User, today: datetime.date | None = None) -> dict[str, Any]:
    """应录未录 per unit, department and officer, over the acts the actor can see."""
    missing = missing_recordings(acts=EnforcementAct.objects.visible_to(actor), today=today)
    by_unit: Counter[str] = Counter()
    by_department: Counter[str] = Counter()
    by_officer: Counter[str] = Counter()
    for item in missing:
        by_unit[item.act.authority.name] += 1
        by_department[
            f"{item.act.authority.name} {item.act.department.name if item.act.department else '—'}"
        ] += 1
        for name in item.officers or ["—"]:
            by_officer[name] += 1
    return {
        "missing": missing,
        "by_unit": by_unit.most_common(),
        "by_department": by_department.most_common(),
        "by_officer": by_officer.most_common(),
    }


def missing_count(*, actor: User) -> int:
    return len(missing_recordings(acts=EnforcementAct.objects.visible_to(actor)))


# ---- retention --------------------------------------------------------------------------------


def record_is_held(record: Record) -> bool:
    return (
        LegalHold.objects.filter(released_at__isnull=True)
        .filter(models.Q(record=record) | models.Q(act_id=record.act_id))
        .exists()
    )


def record_retention_until(record: Record) -> datetime.date | None:
    """When the record's retention ends (None: permanent or while its case is open)."""
    matters = matters_for_act(record.act) if record.kind in MEDIA_KINDS else []
    recorded_on = timezone.localdate(record.recorded_start or record.created_at)
    in_case = record.act.decisions.exists()
    case_months = settings.SANXIANG_RECORDS_CASE_FILE_RETENTION_MONTHS or None
    return rules.retention_until(
        recorded_on=recorded_on,
        matter_months=[m.retention_months for m in matters],
        default_months=settings.SANXIANG_RECORDS_DEFAULT_RETENTION_MONTHS,
        case_file_months=case_months,
        in_case=in_case,
        case_closed_on=record.act.concluded_on,
    )


def expiry_report(
    *, actor: User, today: datetime.date | None = None
) -> list[tuple[Record, datetime.date, bool]]:
    """Records whose retention has ended (record, until, held), oldest first."""
    today = today or timezone.localdate()
    rows = []
    for record in record_list(actor=actor).filter(disposed_at__isnull=True):
        until = record_retention_until(record)
        if until is not None and until < today:
            rows.append((record, until, record_is_held(record)))
    rows.sort(key=lambda r: r[1])
    return rows


# ---- archive timelines (一户式 / 一人式) ------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime.datetime
    kind: str  # act / record / decision / review / publication
    label: str
    title: str
    url: str


def _as_dt(value: datetime.date | datetime.datetime | None) -> datetime.datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time()))


def taxpayer_timeline(*, actor: User, taxpayer: Taxpayer) -> list[TimelineEntry]:
    """Every act, record, decision, legal review and publication of ``taxpayer`` on one timeline."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from sanxiang.enforcement.models import Decision

    entries: list[TimelineEntry] = []
    acts = list(EnforcementAct.objects.visible_to(actor).filter(taxpayer=taxpayer))
    for act in acts:
        at = _as_dt(act.started_on) or act.created_at
        entries.append(
            TimelineEntry(
                at, "act", _("执法行为"), str(act), reverse("enforcement:act_detail", args=[act.pk])
            )
        )
    for record in record_list(actor=actor, taxpayer=taxpayer):
        entries.append(
            TimelineEntry(
                record.recorded_start or record.created_at,
                "record",
                record.get_kind_display(),
                f"{record.title}（{record.get_stage_display()}）",
                reverse("records:record_detail", args=[record.public_id]),
            )
        )
    for decision in Decision.objects.visible_to(actor).filter(act__taxpayer=taxpayer):
        at = _as_dt(decision.decided_on) or decision.created_at
        entries.append(
            TimelineEntry(
                at,
                "decision",
                _("执法决定"),
                str(decision),
                reverse("enforcement:act_detail", args=[decision.act_id]),
            )
        )
    entries.extend(_review_entries(actor, taxpayer))
    entries.extend(_publication_entries(actor, taxpayer))
    entries.sort(key=lambda e: e.at, reverse=True)
    return entries


def _review_entries(actor: User, taxpayer: Taxpayer) -> list[TimelineEntry]:
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from sanxiang.review.models import ReviewCase

    return [
        TimelineEntry(
            case.created_at, "review", _("法制审核"), str(case), reverse("review:case_detail", args=[case.pk])
        )
        for case in ReviewCase.objects.visible_to(actor).filter(act__taxpayer=taxpayer)
    ]


def _publication_entries(actor: User, taxpayer: Taxpayer) -> list[TimelineEntry]:
    from django.utils.translation import gettext as _

    from sanxiang.publicity.models import Entry

    entries = Entry.objects.visible_to(actor).filter(
        decision__act__taxpayer=taxpayer, published_at__isnull=False
    )
    return [
        # published_at is set: filtered above
        TimelineEntry(cast(datetime.datetime, e.published_at), "publication", _("执法公示"), str(e), "")
        for e in entries
    ]


def person_taxpayers(*, actor: User, person: Taxpayer) -> list[Taxpayer]:
    """The 一人式 archive: the person and every taxpayer they represent."""
    return [person, *Taxpayer.objects.visible_to(actor).filter(legal_representative_person=person)]


# ---- statistics --------------------------------------------------------------------------------


def statistics(*, actor: User) -> dict[str, list[tuple[str, int]]]:
    """Media records by matter, unit and device (seed 002: 19,872 records, by matter)."""
    records = record_list(actor=actor).filter(kind__in=MEDIA_KINDS, disposed_at__isnull=True)
    by_matter: Counter[str] = Counter()
    by_unit: Counter[str] = Counter()
    by_device: Counter[str] = Counter()
    for matter, unit, serial in records.values_list("act__matter", "authority__name", "device__serial"):
        by_matter[matter] += 1
        by_unit[unit] += 1
        by_device[serial or "—"] += 1
    return {
        "by_matter": by_matter.most_common(),
        "by_unit": by_unit.most_common(),
        "by_device": by_device.most_common(50),
    }


def device_list(*, actor: User) -> models.QuerySet[Device]:
    return (
        Device.objects.visible_to(actor)
        .select_related("authority", "department", "holder")
        .annotate(record_count=models.Count("records"))
        .order_by("authority_id", "serial")
    )


def room_list(*, actor: User) -> models.QuerySet[InterviewRoom]:
    return (
        InterviewRoom.objects.visible_to(actor)
        .select_related("authority")
        .annotate(record_count=models.Count("records"))
        .order_by("authority_id", "name")
    )
