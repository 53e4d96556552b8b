from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.audit.labels import action_choices, module_label, target_type_label
from sanxiang.audit.models import AuditOutcome
from sanxiang.org.widgets import DateInput


class AuditEventFilterForm(forms.Form):
    """Filters by module and action named in words; the dotted codes stay behind the options."""

    module = forms.ChoiceField(label=_("模块"), required=False)
    action = forms.ChoiceField(label=_("操作"), required=False)
    actor = forms.CharField(label=_("操作人"), required=False, max_length=150)
    date_from = forms.DateField(label=_("起始日期"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("截止日期"), required=False, widget=DateInput())
    target_type = forms.ChoiceField(label=_("对象类型"), required=False)
    target_id = forms.CharField(label=_("对象编号"), required=False, max_length=64)
    outcome = forms.ChoiceField(
        label=_("结果"), required=False, choices=[("", _("全部")), *AuditOutcome.choices]
    )

    def __init__(
        self, *args: object, codes: Iterable[str] = (), target_types: Iterable[str] = (), **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        cast(forms.ChoiceField, self.fields["target_type"]).choices = [
            ("", _("全部对象类型")),
            *sorted(((t, target_type_label(t)) for t in set(target_types) if t), key=lambda c: c[1]),
        ]
        codes = sorted(set(codes))
        modules = sorted({code.split(".", 1)[0] for code in codes}, key=module_label)
        cast(forms.ChoiceField, self.fields["module"]).choices = [
            ("", _("全部模块")),
            *((m, module_label(m)) for m in modules),
        ]
        cast(forms.ChoiceField, self.fields["action"]).choices = [("", _("全部操作")), *action_choices(codes)]

    def filters(self) -> dict:
        """Keyword arguments for ``audit_event_list`` (empty when the form is invalid)."""
        if not self.is_valid():
            return {}
        d = self.cleaned_data
        return {
            "action_prefix": f"{d['module']}." if d["module"] else "",
            "action": d["action"],
            "actor_query": d["actor"].strip(),
            "date_from": d["date_from"],
            "date_to": d["date_to"],
            "target_type": d["target_type"].strip(),
            "target_id": d["target_id"].strip(),
            "outcome": d["outcome"],
        }
