from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.org.models import Authority


class CampaignForm(forms.Form):
    name = forms.CharField(label=_("专项评估名称"), max_length=200)
    authority: forms.ModelChoiceField[Authority] = forms.ModelChoiceField(
        label=_("评估范围（单位）"), queryset=Authority.objects.none(), empty_label=None
    )
    period_start = forms.DateField(label=_("评估期起"), widget=forms.DateInput(attrs={"type": "date"}))
    period_end = forms.DateField(label=_("评估期止"), widget=forms.DateInput(attrs={"type": "date"}))
    indicator_codes = forms.MultipleChoiceField(
        label=_("评估指标"), widget=forms.CheckboxSelectMultiple, choices=()
    )

    def __init__(self, *args: Any, authorities: Any, indicators: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["authority"].queryset = authorities  # type: ignore[attr-defined]
        self.fields["indicator_codes"].choices = [(i.code, f"{i.code} {i.name}") for i in indicators]  # type: ignore[attr-defined]


class FindingForm(forms.Form):
    authority: forms.ModelChoiceField[Authority] = forms.ModelChoiceField(
        label=_("被评估单位"), queryset=Authority.objects.none(), empty_label=None
    )
    indicator_code = forms.ChoiceField(label=_("相关指标"), required=False)
    description = forms.CharField(label=_("问题描述"), widget=forms.Textarea(attrs={"rows": 3}))
    deduction = forms.DecimalField(label=_("扣分"), min_value=0, max_value=100, decimal_places=2, initial=0)
    evidence = forms.FileField(label=_("佐证材料"), required=False)

    def __init__(self, *args: Any, authorities: Any, codes: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["authority"].queryset = authorities  # type: ignore[attr-defined]
        self.fields["indicator_code"].choices = [("", _("（不指定）")), *[(c, c) for c in codes]]  # type: ignore[attr-defined]


class PeriodCloseForm(forms.Form):
    month = forms.RegexField(label=_("月份"), regex=r"^\d{4}-\d{2}$", max_length=7)
