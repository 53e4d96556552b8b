"""Forms of the staff pages (parsing only; the services validate the business rules)."""

from __future__ import annotations

import json
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import ConflictKind, DrawMode, ResultCategory, TargetClass


class PlanForm(forms.Form):
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("计划名称"), max_length=200)


class DrawForm(forms.Form):
    """A target draw: 定向 by class, industry and scale, or 不定向; a count or a ratio; optional risk weights."""

    title = forms.CharField(label=_("摇号名称"), max_length=200)
    directory = forms.ChoiceField(
        label=_("名录库"), choices=[("classified", _("分类名录库")), ("abnormal", _("异常名录库"))]
    )
    mode = forms.ChoiceField(label=_("方式"), choices=DrawMode.choices)
    target_class = forms.MultipleChoiceField(
        label=_("分类"), choices=TargetClass.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    industry = forms.CharField(
        label=_("行业"), max_length=60, required=False, help_text=_("多个行业用顿号分隔")
    )
    scale = forms.CharField(label=_("规模"), max_length=60, required=False)
    count = forms.IntegerField(label=_("抽取数量"), min_value=1, required=False)
    ratio = forms.DecimalField(
        label=_("抽取比例"), min_value=0, max_value=1, decimal_places=4, required=False
    )
    risk_weighted = forms.BooleanField(label=_("按风险等级加权（高 4、中 2、低 1）"), required=False)

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())
        if (data.get("count") is None) == (data.get("ratio") is None):
            raise forms.ValidationError(_("请填写抽取数量或抽取比例（二选一）。"))
        return data

    def filters(self) -> dict[str, Any]:
        data = self.cleaned_data
        filters: dict[str, Any] = {}
        if data["mode"] == DrawMode.DIRECTED:
            if data.get("target_class"):
                filters["class"] = {"in": list(data["target_class"])}
            for name in ("industry", "scale"):
                values = [
                    v.strip() for v in (data.get(name) or "").replace(",", "、").split("、") if v.strip()
                ]
                if values:
                    filters[name] = {"in": values}
        return filters

    def weights(self) -> list[dict[str, Any]]:
        if self.cleaned_data.get("risk_weighted"):
            return [{"field": "risk", "values": {"high": 4, "medium": 2, "low": 1}, "default": 1}]
        return []


class InspectorDrawForm(forms.Form):
    industry = forms.CharField(label=_("擅长行业"), max_length=60, required=False)
    tax_type = forms.CharField(label=_("擅长税种"), max_length=60, required=False)
    case_type = forms.CharField(label=_("擅长案件类型"), max_length=60, required=False)

    def expertise(self) -> dict[str, str]:
        return {
            "industries": self.cleaned_data.get("industry", "").strip(),
            "tax_types": self.cleaned_data.get("tax_type", "").strip(),
            "case_types": self.cleaned_data.get("case_type", "").strip(),
        }


class RecusalForm(forms.Form):
    kind = forms.ChoiceField(label=_("回避情形"), choices=ConflictKind.choices)
    reason = forms.CharField(label=_("回避理由"), max_length=300)


class ResultForm(forms.Form):
    ended_on = forms.DateField(
        label=_("检查结束日期"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    category = forms.ChoiceField(label=_("检查结果"), choices=ResultCategory.choices)
    outcome = forms.CharField(label=_("处理结果"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Excel 文件"))


def json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
