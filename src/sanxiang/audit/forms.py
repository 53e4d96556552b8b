from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.audit.models import AuditOutcome
from sanxiang.org.widgets import DateInput


class AuditEventFilterForm(forms.Form):
    action = forms.CharField(label=_("操作代码前缀"), required=False, max_length=100)
    actor = forms.CharField(label=_("操作人"), required=False, max_length=150)
    date_from = forms.DateField(label=_("起始日期"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("截止日期"), required=False, widget=DateInput())
    target_type = forms.CharField(label=_("对象类型"), required=False, max_length=100)
    target_id = forms.CharField(label=_("对象编号"), required=False, max_length=64)
    outcome = forms.ChoiceField(
        label=_("结果"), required=False, choices=[("", _("全部")), *AuditOutcome.choices]
    )

    def filters(self) -> dict:
        """Keyword arguments for ``audit_event_list`` (empty when the form is invalid)."""
        if not self.is_valid():
            return {}
        d = self.cleaned_data
        return {
            "action_prefix": d["action"].strip(),
            "actor_query": d["actor"].strip(),
            "date_from": d["date_from"],
            "date_to": d["date_to"],
            "target_type": d["target_type"].strip(),
            "target_id": d["target_id"].strip(),
            "outcome": d["outcome"],
        }
