"""Review catalogues (审核事项清单) and checklist items: maintained by administrators in scope."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_log
from sanxiang.kernel.access import (
    authority_in_scope,
    has_role,
    lineage_paths,
    sees_all,
)
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.exceptions import (
    PermissionDeniedError,
    ScopeViolation,
    ValidationFailed,
)
from sanxiang.org.models import Authority

from .. import rules
from ..choices import ReviewPoint
from ..models import (
    CatalogueRule,
    ChecklistItem,
    ReviewCatalogue,
)
from .base import now_date

# --- catalogue --------------------------------------------------------------------------------

if TYPE_CHECKING:
    from sanxiang.org.models import User


def catalogue_for(authority: Authority, on: datetime.date) -> ReviewCatalogue | None:
    """The catalogue version in force on ``on`` for ``authority``: its own, else the nearest
    superior authority's, else the default (no authority)."""
    ancestors = lineage_paths(authority)
    candidates = ReviewCatalogue.objects.filter(effective_from__lte=on).select_related("authority")
    own = [c for c in candidates.filter(authority__path__in=ancestors)]
    if own:
        return max(own, key=lambda c: (len(c.authority.path if c.authority else ""), c.effective_from, c.pk))
    return candidates.filter(authority__isnull=True).order_by("-effective_from", "-pk").first()


def catalogue_rules(catalogue: ReviewCatalogue | None) -> list[rules.CatalogueRule]:
    if catalogue is None:
        return [rules.rule_from_data(row) for row in rules.DEFAULT_CATALOGUE]
    return [
        rules.rule_from_data(
            {
                "code": r.code,
                "label": r.label,
                "act_kinds": r.act_kinds,
                "condition": r.condition,
                "amount_field": r.amount_field,
                "threshold_organisation": r.threshold_organisation,
                "threshold_individual": r.threshold_individual,
                "collective": r.collective,
                "quorum": r.quorum,
                "leaders_collective": r.leaders_collective,
                "basis": r.basis,
                "certainty": r.certainty,
            }
        )
        for r in catalogue.rules.all()
    ]


def _require_catalogue_admin(actor: User, authority: Authority | None) -> None:
    """Administrators maintain catalogues and checklists of the authorities in their data scope;
    the default (no authority) belongs to those who see everything."""
    if actor is None:  # migrations and the demo loader run as the system
        return
    if not has_role(actor, RoleCode.ADMINISTRATOR):
        raise PermissionDeniedError(_("只有系统管理员可以维护审核事项清单和审核清单。"))
    if authority is None:
        if not sees_all(actor):
            raise PermissionDeniedError(_("默认清单只能由全部数据权限的系统管理员维护。"))
    elif not authority_in_scope(actor, authority):
        raise ScopeViolation(
            model_label=Authority._meta.label, object_ref=f"pk={authority.pk}", action="change"
        )


def _rule_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A catalogue row as stored (the keys of ``rules.DEFAULT_CATALOGUE``)."""
    return {
        "code": str(row["code"]).strip(),
        "label": str(row["label"]).strip(),
        "act_kinds": list(row.get("act_kinds") or []),
        "condition": row.get("condition") or "",
        "amount_field": row.get("amount_field") or "",
        "threshold_organisation": rules.decimal_or_none(row.get("threshold_organisation")),
        "threshold_individual": rules.decimal_or_none(row.get("threshold_individual")),
        "collective": bool(row.get("collective")),
        "quorum": str(row.get("quorum") or "2/3"),
        "leaders_collective": bool(row.get("leaders_collective")),
        "basis": (row.get("basis") or "").strip(),
        "certainty": row.get("certainty") or "unconfirmed",
    }


@transaction.atomic
def catalogue_create(
    *,
    actor: User,
    authority: Authority | None,
    name: str,
    version: str,
    effective_from: datetime.date,
    filed_on: datetime.date | None = None,
    rows: Sequence[Mapping[str, Any]] = rules.DEFAULT_CATALOGUE,
    today: datetime.date | None = None,
) -> ReviewCatalogue:
    """File a new catalogue version for ``authority`` (None: the default); rows as in
    ``rules.DEFAULT_CATALOGUE``. Versions are never edited: a change is a new version, to be filed
    with the superior authority within a month (``catalogue_record_filing``)."""
    from sanxiang.enforcement.choices import ActKind

    _require_catalogue_admin(actor, authority)
    if not name.strip() or not version.strip():
        raise ValidationFailed(_("请填写清单名称和版本。"))
    if ReviewCatalogue.objects.filter(authority=authority, version=version.strip()).exists():
        raise ValidationFailed(_("该机关已有同一版本的清单。"), code="duplicate")
    problems = rules.catalogue_problems(rows, ActKind.values)
    if problems:
        raise ValidationFailed(_("审核事项清单有误。"), code="bad_catalogue", extra={"errors": problems})
    if filed_on is not None and filed_on > (today or now_date()):
        raise ValidationFailed(_("备案日期不能晚于今天。"))
    catalogue = ReviewCatalogue.objects.create(
        authority=authority,
        name=name.strip(),
        version=version.strip(),
        effective_from=effective_from,
        filed_on=filed_on,
    )
    stored = [_rule_row(row) for row in rows]
    CatalogueRule.objects.bulk_create(
        CatalogueRule(catalogue=catalogue, order=index, **row) for index, row in enumerate(stored, 1)
    )
    audit_log(
        actor=actor,
        action="review.catalogue.created",
        target=catalogue,
        after={
            "authority": authority.pk if authority else None,
            "version": catalogue.version,
            "effective_from": effective_from.isoformat(),
            "filed_on": filed_on.isoformat() if filed_on else None,
            "rules": [
                {k: (str(v) if isinstance(v, Decimal) else v) for k, v in row.items()} for row in stored
            ],
        },
    )
    return catalogue


@transaction.atomic
def catalogue_record_filing(
    *, actor: User, catalogue: ReviewCatalogue, filed_on: datetime.date, today: datetime.date
) -> ReviewCatalogue:
    """Record the date a catalogue version was filed with the superior authority (报上级备案)."""
    _require_catalogue_admin(actor, catalogue.authority)
    if catalogue.authority is None:
        raise ValidationFailed(_("默认清单无需备案。"))
    if filed_on > today:
        raise ValidationFailed(_("备案日期不能晚于今天。"))
    before = {"filed_on": catalogue.filed_on.isoformat() if catalogue.filed_on else None}
    catalogue.filed_on = filed_on
    catalogue.save(update_fields=["filed_on"])
    audit_log(
        actor=actor,
        action="review.catalogue.filed",
        target=catalogue,
        before=before,
        after={"filed_on": filed_on.isoformat()},
    )
    return catalogue


# --- checklist items ---------------------------------------------------------------------------


def _copy_default_checklist(authority: Authority) -> None:
    """An authority's own list starts as a copy of the default, so that adding one item does not
    drop the seven review points (selectors use an authority's own items once it has any)."""
    if ChecklistItem.objects.filter(authority=authority).exists():
        return
    ChecklistItem.objects.bulk_create(
        ChecklistItem(authority=authority, point=i.point, text=i.text, order=i.order, is_active=i.is_active)
        for i in ChecklistItem.objects.filter(authority__isnull=True)
    )


def _clean_item(point: str, text: str) -> None:
    if point not in ReviewPoint.values:
        raise ValidationFailed(_("审核要点无效。"))
    if not text.strip():
        raise ValidationFailed(_("请填写审核内容。"))


@transaction.atomic
def checklist_item_create(
    *, actor: User, authority: Authority | None, point: str, text: str, order: int | None = None
) -> ChecklistItem:
    """Add an item to the authority's review checklist (None: the default list)."""
    _require_catalogue_admin(actor, authority)
    _clean_item(point, text)
    if authority is not None:
        _copy_default_checklist(authority)
    if order is None:
        last = ChecklistItem.objects.filter(authority=authority).order_by("-order").first()
        order = (last.order if last else 0) + 1
    item = ChecklistItem.objects.create(authority=authority, point=point, text=text.strip(), order=order)
    audit_log(
        actor=actor,
        action="review.checklist_item.created",
        target=item,
        after={
            "authority": authority.pk if authority else None,
            "point": point,
            "text": item.text,
            "order": order,
        },
    )
    return item


@transaction.atomic
def checklist_item_update(
    *, actor: User, item: ChecklistItem, point: str, text: str, order: int, is_active: bool
) -> ChecklistItem:
    """Change or switch off a checklist item; findings already recorded keep their own text."""
    _require_catalogue_admin(actor, item.authority)
    _clean_item(point, text)
    fields = ("point", "text", "order", "is_active")
    before = {f: getattr(item, f) for f in fields}
    item.point, item.text, item.order, item.is_active = point, text.strip(), order, is_active
    if item.authority_id is not None and not is_active:
        others = ChecklistItem.objects.filter(authority=item.authority, is_active=True).exclude(pk=item.pk)
        if not others.exists():
            raise ValidationFailed(_("审核清单至少须保留一个启用的事项。"))
    item.save()
    audit_log(
        actor=actor,
        action="review.checklist_item.updated",
        target=item,
        before=before,
        after={f: getattr(item, f) for f in fields},
    )
    return item
