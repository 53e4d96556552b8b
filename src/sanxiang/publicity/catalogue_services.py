"""Writers of the publicity catalogue: categories, items, rule versions (administrators only, audited).

Rules are data, versioned by effective date: a changed time limit is a new version from the day it
takes effect, so entries whose event fell before keep the rule they were counted under. Every write
here is audited with its before and after; the Django admin is read-only so nothing bypasses this.
The masking policy table is edited through ``services.mask_policy_set``.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_log, audit_snapshot
from sanxiang.holidays.selectors import current_calendar
from sanxiang.kernel.access import has_role
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.exceptions import PermissionDeniedError, ValidationFailed
from sanxiang.org.models import Role

from . import rules
from .models import Category, Certainty, Item, ItemRule, Stage

FIELD_TYPES = frozenset({"text", "longtext", "date", "decimal", "choice", "uscc", "id_number"})
ITEM_FIELDS = (
    "category",
    "code",
    "label",
    "fields",
    "masking_category",
    "event_label",
    "draft_roles",
    "approve_roles",
    "withdraw_on_outcome",
    "is_active",
    "order",
)
RULE_FIELDS = ("effective_from", "kind", "params", "display", "source", "certainty", "note")

if TYPE_CHECKING:
    from sanxiang.org.models import User


def can_edit_catalogue(actor: User) -> bool:
    return has_role(actor, RoleCode.ADMINISTRATOR)


def _require_admin(actor: User) -> None:
    if not can_edit_catalogue(actor):
        raise PermissionDeniedError(_("只有系统管理员可以修改公示目录。"))


def _invalid(key: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, extra={"fields": {key: [message]}})


def _snapshot(obj: Any, names: Sequence[str]) -> dict[str, Any]:
    snap = audit_snapshot(obj, [n for n in names if n != "category"])
    if "category" in names:
        snap["category"] = getattr(obj.category, "code", None) if obj.category_id else None
    return snap


@transaction.atomic
def category_save(
    *, actor: User, category: Category | None = None, code: str, label: str, stage: str, order: int = 100
) -> Category:
    """Create a category, or change one (its code stays: URLs and tokens name it)."""
    _require_admin(actor)
    if stage not in Stage.values:
        raise _invalid("stage", _("阶段无效。"))
    if not label.strip():
        raise _invalid("label", _("请填写名称。"))
    names = ("code", "label", "stage", "order")
    before = audit_snapshot(category, names) if category else None
    if category is None:
        if Category.objects.filter(code=code).exists():
            raise _invalid("code", _("该代码已被使用。"))
        category = Category(code=code)
    category.label, category.stage, category.order = label.strip(), stage, order
    category.save()
    audit_log(
        actor=actor,
        action="publicity.category.created" if before is None else "publicity.category.changed",
        target=category,
        before=before,
        after=audit_snapshot(category, names),
    )
    return category


def _check_fields(fields: Any) -> None:
    """The item's field schema: a list of {key, label, type …}, keys unique, the party named."""
    if not isinstance(fields, list) or not fields:
        raise _invalid("fields", _("字段定义须为非空列表。"))
    keys: set[str] = set()
    for spec in fields:
        if not isinstance(spec, dict) or not spec.get("key") or not spec.get("label"):
            raise _invalid("fields", _("每个字段须有 key 和 label。"))
        if spec.get("type", "text") not in FIELD_TYPES:
            raise _invalid("fields", _("字段“%(label)s”的类型无效。") % {"label": spec["label"]})
        if spec["key"] in keys:
            raise _invalid("fields", _("字段代码“%(key)s”重复。") % {"key": spec["key"]})
        keys.add(spec["key"])
    if "party_name" not in keys:
        raise _invalid("fields", _("须包含当事人字段（party_name）。"))


def _check_roles(key: str, roles: Any) -> None:
    known = set(Role.objects.values_list("code", flat=True))
    if not isinstance(roles, list) or not roles or not set(roles) <= known:
        raise _invalid(key, _("角色须为已有角色代码的非空列表。"))


@transaction.atomic
def item_save(*, actor: User, item: Item | None = None, values: Mapping[str, Any]) -> Item:
    """Create an item, or change one: label, field schema, masking category, roles, state.

    ``values`` holds ``ITEM_FIELDS``; an existing item keeps its code (entries and templates use it).
    """
    _require_admin(actor)
    _check_fields(values["fields"])
    _check_roles("draft_roles", values["draft_roles"])
    _check_roles("approve_roles", values["approve_roles"])
    before = _snapshot(item, ITEM_FIELDS) if item else None
    if item is None:
        if Item.objects.filter(code=values["code"]).exists():
            raise _invalid("code", _("该代码已被使用。"))
        item = Item(code=values["code"])
    for name in ITEM_FIELDS:
        if name != "code":
            setattr(item, name, values[name])
    item.save()
    audit_log(
        actor=actor,
        action="publicity.item.created" if before is None else "publicity.item.changed",
        target=item,
        before=before,
        after=_snapshot(item, ITEM_FIELDS),
    )
    return item


def check_rule(kind: str, params: Any, display: Any) -> None:
    """Refuse parameters the rule functions cannot count with (tried on a sample event date)."""
    if kind not in {k.value for k in rules.RuleKind}:
        raise _invalid("kind", _("时限类型无效。"))
    if not isinstance(params, dict):
        raise _invalid("params", _("时限参数须为 JSON 对象。"))
    if not isinstance(display, dict):
        raise _invalid("display", _("公示期限须为 JSON 对象。"))
    sample = datetime.date(2026, 3, 2)
    try:
        for subject_type in ("organisation", "individual_business", "natural_person"):
            rules.publish_due(kind, params, event=sample, subject_type=subject_type, cal=current_calendar())
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise _invalid("params", _("时限参数无效：%(error)s") % {"error": str(exc)}) from exc
    try:
        for credit_class in ("minor", "general", "serious", None):
            rules.display_until(display, start=sample, credit_class=credit_class)
        if display.get("min_by_credit_class"):
            rules.credit_repair_allowed(display, start=sample, credit_class="general", today=sample)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise _invalid("display", _("公示期限无效：%(error)s") % {"error": str(exc)}) from exc


@transaction.atomic
def item_rule_save(
    *, actor: User, item: Item, rule: ItemRule | None = None, values: Mapping[str, Any]
) -> ItemRule:
    """Add a rule version to ``item`` (or change one): kind, parameters, display period, source and
    certainty (RULES.md marks). A version takes effect on ``effective_from`` for events from that day."""
    _require_admin(actor)
    if rule is not None and rule.item_id != item.pk:
        raise _invalid("item", _("规则不属于该事项。"))
    check_rule(values["kind"], values["params"], values["display"])
    if values["certainty"] not in Certainty.values:
        raise _invalid("certainty", _("确认程度无效。"))
    if not str(values["source"]).strip():
        raise _invalid("source", _("请填写依据。"))
    clash = ItemRule.objects.filter(item=item, effective_from=values["effective_from"])
    if rule is not None:
        clash = clash.exclude(pk=rule.pk)
    if clash.exists():
        raise _invalid("effective_from", _("该事项已有同一生效日期的规则版本。"))
    before = audit_snapshot(rule, RULE_FIELDS) if rule else None
    rule = rule or ItemRule(item=item)
    for name in RULE_FIELDS:
        setattr(rule, name, values[name])
    rule.save()
    audit_log(
        actor=actor,
        action="publicity.rule.created" if before is None else "publicity.rule.changed",
        target=rule,
        before=before,
        after={"item": item.code, **audit_snapshot(rule, RULE_FIELDS)},
    )
    return rule
