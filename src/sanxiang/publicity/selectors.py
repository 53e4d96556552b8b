"""Readers of enforcement publicity, scoped to the actor."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from sanxiang.holidays.selectors import current_calendar
from sanxiang.kernel.access import get_visible_or_404, has_role, subtree
from sanxiang.kernel.modules import Todo

from . import rules
from .models import Category, Certainty, Entry, EntryStatus, Item, ItemRule, MaskPolicy
from .services import rule_for

# Who opens the publicity back office (its pages and the entries' detail pages).
STAFF_ROLES = ("enforcement_officer", "publicity_approver", "leader", "administrator", "legal_reviewer")

# Which enforcement decision kinds publish as which item (应公示未公示).
DECISION_ITEMS = {
    "penalty": "penalty_decision",
    "licensing_granted": "licensing_decision",
    "tax_handling": "handling_decision",
}

if TYPE_CHECKING:
    from sanxiang.org.models import Authority, Department, User


def entry_list(
    *, actor: User, status: str | None = None, item: str | None = None, q: str | None = None
) -> QuerySet[Entry]:
    qs = Entry.objects.visible_to(actor).select_related("item", "authority", "created_by")
    if status:
        qs = qs.filter(status=status)
    if item:
        qs = qs.filter(item__code=item)
    if q:
        qs = qs.filter(Q(party_name__icontains=q) | Q(document_number__icontains=q))
    return qs.order_by("-created_at", "-pk")


def entry_get(*, actor: User, pk: int, action: str = "view") -> Entry:
    return get_visible_or_404(
        Entry.objects.select_related("item__category", "authority", "decision"), actor, action=action, pk=pk
    )


def entry_form_initial(entry: Entry) -> dict[str, Any]:
    """The edit and correction form's starting values: every field of the current version, the
    body text included (a correction saves all of it as the next version)."""
    version = entry.versions.get(number=entry.current_version)
    return {
        **version.data,
        "legal_representative": version.legal_representative,
        "id_number": version.id_number,
        "text": version.text,
        "authority": entry.authority_id,
    }


def item_list(*, active_only: bool = True) -> QuerySet[Item]:
    qs = Item.objects.select_related("category").prefetch_related("rules")
    return qs.filter(is_active=True) if active_only else qs


def category_list() -> QuerySet[Category]:
    return Category.objects.annotate(item_count=Count("items"))


def mask_policy_list(*, category: str | None = None) -> QuerySet[MaskPolicy]:
    qs = MaskPolicy.objects.order_by("category", "subject_type", "field_type")
    return qs.filter(category=category) if category else qs


def masking_categories() -> list[tuple[str, str]]:
    """(masking category code, the label of the items masked under it) for every category in the
    policy table, in table order; a category no item uses is shown by its code."""
    labels: dict[str, list[str]] = {}
    for code, masking, label in Item.objects.values_list("code", "masking_category", "label"):
        labels.setdefault(masking or code, []).append(label)
    codes = MaskPolicy.objects.order_by("category").values_list("category", flat=True).distinct()
    return [(code, "、".join(labels.get(code, [code]))) for code in codes]


def unconfirmed_rules(items: Iterable[Item]) -> list[ItemRule]:
    """Rule versions marked ❓ (unconfirmed) among ``items`` (their rules prefetched), for the
    catalogue's notice: administrators must confirm or correct these parameters."""
    return [r for item in items for r in item.rules.all() if r.certainty == Certainty.UNCONFIRMED]


def overdue_list(
    *,
    actor: User,
    today: datetime.date,
    authority: Authority | None = None,
    item: Item | None = None,
    department: Department | None = None,
) -> QuerySet[Entry]:
    """Entries not yet public whose publication limit has passed, oldest limit first; ``authority``
    keeps that authority and those below it."""
    qs = Entry.objects.visible_to(actor).filter(
        status__in=[EntryStatus.DRAFT, EntryStatus.SUBMITTED], due_on__lt=today
    )
    if authority is not None:
        qs = qs.filter(authority__in=subtree(authority))
    if item is not None:
        qs = qs.filter(item=item)
    if department is not None:
        qs = qs.filter(department=department)
    return qs.select_related("item", "authority", "department").order_by("due_on", "pk")


def withdrawal_overdue_list(*, actor: User, today: datetime.date) -> QuerySet[Entry]:
    """应撤未撤: public entries whose decision changed and whose 3-working-day withdrawal limit passed."""
    return (
        Entry.objects.visible_to(actor)
        .public()
        .filter(withdraw_due_on__lt=today)
        .select_related("item", "authority", "decision")
        .order_by("withdraw_due_on")
    )


@dataclass(frozen=True)
class UnpublishedDecision:
    decision: Any
    item: Item
    due: datetime.date
    entry: Entry | None


def unpublished_decisions(
    *, actor: User, today: datetime.date, since_days: int = 730
) -> list[UnpublishedDecision]:
    """应公示未公示: decisions recorded in Sanxiang whose publication limit passed without a
    publication on time (none, or published after the due date)."""
    from sanxiang.enforcement.models import Decision

    return unpublished_among(Decision.objects.visible_to(actor), today=today, since_days=since_days)


@dataclass(frozen=True)
class LateDecision:
    """A decision past its publication limit without an on-time entry, as plain values."""

    decision_id: int
    item: Item
    due: datetime.date
    entry_id: int | None  # its newest entry (published late or not at all), if any
    authority_id: int
    department_id: int | None
    officer_id: int | None


def late_decisions(decisions: Any, *, today: datetime.date, since_days: int = 730) -> list[LateDecision]:
    """The 应公示未公示 rule over any queryset of decisions, reading values only: the publication
    limit is worked out once per item and decision date, and entries are read in one query."""
    items = {
        i.code: i for i in Item.objects.filter(code__in=DECISION_ITEMS.values()).prefetch_related("rules")
    }
    decisions = decisions.filter(
        kind__in=list(DECISION_ITEMS), decided_on__gte=today - datetime.timedelta(days=since_days)
    )
    cal = current_calendar()
    due_of: dict[tuple[str, datetime.date], datetime.date | None] = {}
    late: dict[int, tuple[Item, datetime.date, int, int | None, int | None]] = {}
    for pk, kind, decided_on, authority_id, department_id, officer_id in decisions.order_by().values_list(
        "pk", "kind", "decided_on", "authority_id", "act__department_id", "act__created_by_id"
    ):
        item = items.get(DECISION_ITEMS[kind])
        if item is None or decided_on is None:
            continue
        if (item.code, decided_on) not in due_of:
            rule = rule_for(item, decided_on, list(item.rules.all()))
            due_of[item.code, decided_on] = (
                None
                if rule is None
                else rules.publish_due(rule.kind, rule.params, event=decided_on, cal=cal).date
            )
        due = due_of[item.code, decided_on]
        if due is not None and due < today:
            late[pk] = (item, due, authority_id, department_id, officer_id)
    newest: dict[int, int] = {}
    on_time: set[int] = set()
    for decision_id, entry_id, published_at in (
        Entry.objects.filter(decision__in=decisions.order_by().values("pk"))
        .order_by("created_at", "pk")
        .values_list("decision_id", "pk", "published_at")
    ):
        if decision_id not in late:
            continue
        newest[decision_id] = entry_id
        if published_at is not None and published_at.date() <= late[decision_id][1]:
            on_time.add(decision_id)
    result = [
        LateDecision(pk, item, due, newest.get(pk), authority_id, department_id, officer_id)
        for pk, (item, due, authority_id, department_id, officer_id) in late.items()
        if pk not in on_time
    ]
    return sorted(result, key=lambda u: (u.due, u.decision_id))


def unpublished_among(
    decisions: Any, *, today: datetime.date, since_days: int = 730
) -> list[UnpublishedDecision]:
    """The 应公示未公示 rule over any queryset of decisions (the actor's, or every unit's for the
    evaluation's loop check), as model instances for pages and lists."""
    late = late_decisions(decisions, today=today, since_days=since_days)
    models = decisions.model.objects.select_related("authority", "act__taxpayer").in_bulk(
        [u.decision_id for u in late]
    )
    entries = Entry.objects.in_bulk([u.entry_id for u in late if u.entry_id is not None])
    return [
        UnpublishedDecision(
            models[u.decision_id], u.item, u.due, entries.get(u.entry_id) if u.entry_id else None
        )
        for u in late
        if u.decision_id in models
    ]


def publicity_todos(user: Any, today: datetime.date) -> list[Todo]:
    """Home-page to-dos of what the user may act on: soon-due drafts of the items the user drafts,
    submissions and withdrawals waiting for the items the user approves."""
    from .services import can_approve, can_draft

    if not has_role(user, *STAFF_ROLES):
        return []  # the entries' pages would refuse the user
    todos: list[Todo] = []
    soon = today + datetime.timedelta(days=3)
    items = list(Item.objects.all())
    drafts_of = [i.pk for i in items if can_draft(user, i)]
    approves = [i.pk for i in items if can_approve(user, i)]
    visible = Entry.objects.visible_to(user).select_related("item")
    pending = list(
        visible.filter(status=EntryStatus.DRAFT, due_on__lte=soon, item_id__in=drafts_of).order_by("-due_on")
    )
    provisional = _provisional_ids([e.pk for e in pending])
    for entry in pending:
        assert entry.due_on is not None  # filtered due_on__lte
        todos.append(
            Todo(
                label=f"{entry.item.label} {entry.document_number or entry.party_name}",
                url=reverse("publicity:entry_detail", args=[entry.pk]),
                module="publicity",
                due=entry.due_on,
                overdue=entry.due_on < today,
                provisional=entry.pk in provisional,
                notice=_("待提交"),
            )
        )
    if not approves:
        return todos
    waiting = (
        visible.filter(status__in=[EntryStatus.SUBMITTED, EntryStatus.CORRECTING], item_id__in=approves)
        .exclude(created_by=user)
        .order_by("due_on")
    )
    for entry in waiting:
        todos.append(
            Todo(
                label=_("待审核：%(item)s %(name)s")
                % {"item": entry.item.label, "name": entry.document_number or entry.party_name},
                url=reverse("publicity:entry_detail", args=[entry.pk]),
                module="publicity",
                due=entry.due_on,
                overdue=bool(entry.due_on and entry.due_on < today),
                notice=_("待审核"),
            )
        )
    for entry in withdrawal_overdue_list(actor=user, today=soon).filter(item_id__in=approves):
        todos.append(
            Todo(
                label=_("须撤回：%(name)s") % {"name": entry.document_number or entry.party_name},
                url=reverse("publicity:entry_detail", args=[entry.pk]),
                module="publicity",
                due=entry.withdraw_due_on,
                overdue=entry.withdraw_due_on is not None and entry.withdraw_due_on < today,
                notice=_("须撤回"),
            )
        )
    return todos


def _provisional_ids(ids: list[int]) -> set[int]:
    from django.contrib.contenttypes.models import ContentType

    from sanxiang.holidays.models import Deadline

    if not ids:
        return set()
    return set(
        Deadline.objects.filter(
            content_type=ContentType.objects.get_for_model(Entry), object_id__in=ids, provisional=True
        ).values_list("object_id", flat=True)
    )


@dataclass
class AnnualStatistics:
    year: int
    items: list[tuple[str, str]]
    rows: list[tuple[str, list[int], int]]  # authority name, counts per item, total
    totals: list[int]
    decisions: dict[str, int]


def annual_statistics(*, actor: User, year: int) -> AnnualStatistics:
    """Last year's enforcement data by category and unit: entries published that year, by item and
    authority, and decisions recorded that year by kind (seed 000 #10)."""
    from sanxiang.enforcement.models import Decision

    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    counts = (
        Entry.objects.visible_to(actor)
        .filter(published_at__date__gte=start, published_at__date__lte=end)
        .values("authority__name", "item__code", "item__label")
        .annotate(n=Count("pk"))
    )
    items: dict[str, str] = {}
    table: dict[str, Counter] = defaultdict(Counter)
    for row in counts:
        items[row["item__code"]] = row["item__label"]
        table[row["authority__name"]][row["item__code"]] += row["n"]
    codes = sorted(items)
    rows = [(name, [table[name][c] for c in codes], sum(table[name].values())) for name in sorted(table)]
    totals = [sum(r[1][i] for r in rows) for i in range(len(codes))]
    decisions = dict(
        Decision.objects.visible_to(actor)
        .filter(decided_on__gte=start, decided_on__lte=end)
        .values_list("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    return AnnualStatistics(year, [(c, items[c]) for c in codes], rows, totals, decisions)
