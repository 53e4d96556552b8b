"""Template filters that turn publicity codes and rule parameters into plain Chinese."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template
from django.utils.translation import gettext as _

from sanxiang.publicity import labels

register = template.Library()


@register.filter
def mask_kind(code: str) -> str:
    return str(labels.MASK_KINDS.get(code, code))


@register.filter
def certainty(code: str) -> str:
    """The RULES.md mark in words and a symbol every CJK font has (no emoji font needed)."""
    return str(labels.CERTAINTY.get(code, code))


@register.filter
def action_label(code: str) -> str:
    return str(labels.ACTIONS.get(code, code))


@register.filter
def rule_kind(code: str) -> str:
    return str(labels.RULE_KINDS.get(code, code))


def _months(by: Mapping[str, Any], names: Mapping[str, Any]) -> str:
    return "，".join(_("%(who)s%(n)s个月") % {"who": names.get(k, k), "n": v} for k, v in by.items())


@register.filter
def rule_text(rule: Any) -> str:
    """The time limit of a rule version in words, e.g. 决定日期起7个工作日内."""
    params, event = rule.params or {}, rule.item.event_label
    kind = rule.kind
    if kind == "working_days":
        return _("%(event)s起%(n)s个工作日内") % {"event": event, "n": params.get("n")}
    if kind == "calendar_days":
        return _("%(event)s起%(n)s日内") % {"event": event, "n": params.get("n")}
    if kind == "day_of_next_month":
        return _("%(event)s次月%(day)s日前") % {"event": event, "day": params.get("day")}
    if kind == "yearly_date":
        return _("次年%(month)s月%(day)s日前") % {"month": params.get("month"), "day": params.get("day")}
    if kind == "periodic":
        cycles = params.get("months") or {}
        return _("按周期公告：%(cycles)s") % {"cycles": _months(cycles, labels.SUBJECT_PARAMS)}
    if kind == "two_stage":
        return _("%(event)s起%(a)s个工作日内报送，再%(b)s个工作日内发布") % {
            "event": event,
            "a": params.get("handover"),
            "b": params.get("publish"),
        }
    return str(params)


@register.filter
def display_text(display: Mapping[str, Any] | None) -> str:
    """How long an entry stays on the portal, in words."""
    display = display or {}
    if display.get("by_credit_class"):
        text = _months(display["by_credit_class"], labels.CREDIT_CLASSES)
        if display.get("min_by_credit_class"):
            text += _("；信用修复最短：%(m)s") % {
                "m": _months(display["min_by_credit_class"], labels.CREDIT_CLASSES)
            }
        return text
    if display.get("months") is not None:
        return _("%(n)s个月") % {"n": display["months"]}
    return _("长期")
