"""``{% act_records act %}``: the records of an act and its 应录未录 warning, for the act's page."""

from __future__ import annotations

from typing import Any

from django import template

from sanxiang.kernel.access import has_role

register = template.Library()


@register.inclusion_tag("records/_act_records.html", takes_context=True)
def act_records(context: dict[str, Any], act: Any) -> dict[str, Any]:
    from .. import selectors
    from ..permissions import READ_ROLES, RECORD_ROLES

    user = context["request"].user
    if not has_role(user, *READ_ROLES):
        return {"show": False}
    return {
        "show": True,
        "act": act,
        "records": selectors.record_list(actor=user, act=act).filter(disposed_at__isnull=True),
        "missing": selectors.act_missing_recording(act),
        "can_record": has_role(user, *RECORD_ROLES),
    }
