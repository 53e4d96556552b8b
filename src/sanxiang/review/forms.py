"""Forms of the staff pages; each feeds one service."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.enforcement.choices import ActKind, DecisionKind
from sanxiang.enforcement.models import EnforcementAct
from sanxiang.org.widgets import DateInput

from . import rules
from .choices import Certainty, Finding, Opinion, ReviewPoint

if TYPE_CHECKING:
    from sanxiang.org.models import User


class CaseForm(forms.Form):
    act = forms.ModelChoiceField(queryset=EnforcementAct.objects.none(), label=_("执法行为"))
    decision_kind = forms.ChoiceField(choices=DecisionKind.choices, label=_("拟作决定类别"))
    title = forms.CharField(max_length=200, required=False, label=_("案件名称"))
    facts = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, label=_("违法事实"))
    legal_basis = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, label=_("法律依据")
    )
    proposal = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, label=_("拟处理意见")
    )
    case_file = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        label=_("案卷材料（调查终结报告、证据目录）"),
    )
    penalty_amount = forms.DecimalField(min_value=0, decimal_places=2, initial=0, label=_("拟罚款（元）"))
    tax_amount = forms.DecimalField(min_value=0, decimal_places=2, initial=0, label=_("涉及税款（元）"))
    conditions = forms.MultipleChoiceField(
        choices=sorted(rules.CONDITIONS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("其他情形"),
    )
    violation_code = forms.ChoiceField(
        choices=(),
        required=False,
        label=_("违法行为"),
        help_text=_("可在上方输入关键词筛选，如“账簿”“申报”“发票”"),
    )
    violation_date = forms.DateField(required=False, label=_("违法行为发生日期"), widget=DateInput())
    penalty_reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        label=_("拟罚款超出幅度的理由"),
        help_text=_("拟罚款超出裁量幅度或法定幅度时必须填写"),
    )

    # Fields the assistant renders next to the questions, not in the main column.
    ASSISTANT_FIELDS = ("penalty_reason",)

    def __init__(self, *args: Any, actor: User, **kwargs: Any):
        from sanxiang.lib.discretion import FACTS, violations

        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["act"]).queryset = EnforcementAct.objects.visible_to(
            actor
        ).select_related("taxpayer")
        # The clerk picks the violation by its statutory wording; the code stays behind the scenes.
        cast(forms.ChoiceField, self.fields["violation_code"]).choices = [
            ("", _("（不涉及罚款或暂不选择）"))
        ] + [(code, f"{v.title}（{v.basis}）") for code, v in violations().items()]
        for key, spec in FACTS.items():
            self.fields[fact_field(key)] = _fact_field(spec)

    def fact_fields(self, keys: list[str]) -> list[Any]:
        """The bound fields of the questions asked, in the order asked."""
        return [self[fact_field(key)] for key in keys]

    def main_fields(self) -> list[Any]:
        return [f for f in self if not f.name.startswith("fact_") and f.name not in self.ASSISTANT_FIELDS]

    def discretion_facts(self, keys: list[str] | None = None) -> dict[str, Any]:
        """The answered questions as the engine's facts (unanswered ones are left out: the engine
        then says which facts would narrow the range)."""
        from sanxiang.lib.discretion import FACTS

        data = self.cleaned_data
        facts: dict[str, Any] = {}
        for key, spec in FACTS.items():
            if keys is not None and key not in keys:
                continue
            value = data.get(fact_field(key))
            if value in (None, ""):
                continue
            if spec.kind == "bool":
                facts[key] = value == "yes"
            elif spec.kind == "days":
                facts[key] = int(value)
            else:
                facts[key] = int(value) if value == int(value) else float(value)
        return facts

    def questions(self, today: datetime.date) -> list[Any]:
        """The questions the chosen violation's benchmark asks (after ``is_valid``, valid parts only)."""
        from .selectors import discretion_questions

        data = getattr(self, "cleaned_data", {})
        act = data.get("act")
        violation = data.get("violation_code") or ""
        if not violation:
            return []
        subject = rules.subject_of(act.taxpayer.kind) if act is not None else "organisation"
        return discretion_questions(
            violation=violation, subject=subject, on=data.get("violation_date") or today
        )

    def case_data(self, today: datetime.date) -> dict[str, Any]:
        """The keyword arguments of ``case_create``: the fields plus the answers to the questions asked."""
        asked = [spec.key for spec in self.questions(today)]
        data = {k: v for k, v in self.cleaned_data.items() if not k.startswith("fact_")}
        data["discretion_facts"] = self.discretion_facts(asked) if data.get("violation_code") else {}
        return data


def fact_field(key: str) -> str:
    return f"fact_{key}"


def _fact_field(spec: Any) -> forms.Field:
    label = spec.label
    if spec.kind == "bool":
        return forms.ChoiceField(
            choices=[("", _("未查明")), ("yes", _("是")), ("no", _("否"))],
            required=False,
            label=label,
            widget=forms.RadioSelect,
            help_text=spec.description,
        )
    if spec.kind == "days":
        return forms.IntegerField(
            min_value=0,
            required=False,
            label=_("%(label)s（天）") % {"label": label},
            help_text=spec.description,
        )
    return forms.DecimalField(
        min_value=0, decimal_places=2, required=False, label=label, help_text=spec.description
    )


class CommentForm(forms.Form):
    comment = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label=_("说明"))


class ReasonForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label=_("理由"))


class AssignForm(forms.Form):
    reviewer: forms.ModelChoiceField = forms.ModelChoiceField(queryset=None, label=_("审核人员"))

    def __init__(self, *args: Any, reviewers: list, **kwargs: Any):
        super().__init__(*args, **kwargs)
        from sanxiang.org.models import User

        cast(forms.ModelChoiceField, self.fields["reviewer"]).queryset = User.objects.filter(
            pk__in=[u.pk for u in reviewers]
        )


class OpinionForm(forms.Form):
    opinion = forms.ChoiceField(choices=Opinion.choices, label=_("审核意见"))
    reasons = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label=_("理由"))

    def __init__(self, *args: Any, items: list, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"finding_{item.pk}"] = forms.ChoiceField(
                choices=Finding.choices, label=item.text, initial=Finding.OK
            )
            self.fields[f"note_{item.pk}"] = forms.CharField(required=False, label=_("说明"))

    def findings(self) -> list[dict[str, str]]:
        return [
            {
                "point": item.point,
                "text": item.text,
                "finding": self.cleaned_data[f"finding_{item.pk}"],
                "note": self.cleaned_data.get(f"note_{item.pk}", ""),
            }
            for item in self.items
        ]


class DeliberationForm(forms.Form):
    held_on = forms.DateField(label=_("审议日期"), widget=DateInput())
    member_units = forms.CharField(
        label=_("成员单位（每行一个）"),
        widget=forms.Textarea(attrs={"rows": 4}),
        initial="政策法规\n税政业务\n纳税服务\n征管科技\n大企业税收管理\n税务稽查\n督察内审",
    )
    attended_units = forms.CharField(
        label=_("出席单位（每行一个）"), widget=forms.Textarea(attrs={"rows": 4})
    )
    attendees = forms.CharField(label=_("出席人员"), required=False)
    votes_for = forms.IntegerField(min_value=0, label=_("同意"))
    votes_against = forms.IntegerField(min_value=0, label=_("反对"), initial=0)
    abstentions = forms.IntegerField(min_value=0, label=_("弃权"), initial=0)
    outcome = forms.ChoiceField(
        choices=[("approve", _("通过")), ("investigate", _("退回补充调查")), ("rehandle", _("退回重新处理"))],
        label=_("审议结论"),
    )
    minutes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label=_("会议纪要"))

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["member_units"] = data["member_units"].splitlines()
        data["attended_units"] = data["attended_units"].splitlines()
        return data


class DecideForm(forms.Form):
    approve = forms.TypedChoiceField(
        choices=[("1", _("同意作出决定")), ("0", _("不予作出"))],
        coerce=lambda v: v == "1",
        initial="1",
        label=_("决定"),
    )
    mode = forms.ChoiceField(
        choices=[("individual", _("负责人决定")), ("collective", _("负责人集体讨论决定"))],
        label=_("决定方式"),
    )
    leaders = forms.CharField(required=False, label=_("参加集体讨论的负责人（逗号分隔）"))
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label=_("决定意见"))

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["leaders"] = [n for n in data["leaders"].replace("，", ",").split(",") if n.strip()]
        return data


class BenchmarkImportForm(forms.Form):
    workbook = forms.FileField(label=_("裁量基准 Excel"))


ALL_POINTS = ReviewPoint.values


# --- catalogue and checklist administration -------------------------------------------------------


class CatalogueVersionForm(forms.Form):
    authority: forms.ModelChoiceField = forms.ModelChoiceField(queryset=None, label=_("制定机关"))
    name = forms.CharField(max_length=200, label=_("清单名称"))
    version = forms.CharField(max_length=40, label=_("版本号"), help_text=_("如 2026-1"))
    effective_from = forms.DateField(label=_("施行日期"), widget=DateInput())
    filed_on = forms.DateField(
        required=False,
        label=_("报上级备案日期"),
        widget=DateInput(),
        help_text=_("清单调整后须在一个月内报上级机关备案；尚未备案的可以以后登记。"),
    )

    def __init__(self, *args: Any, authorities: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["authority"]).queryset = authorities


class CatalogueRuleForm(forms.Form):
    """One row of a catalogue version (a rule fires by kind, by condition or by amount)."""

    code = forms.CharField(max_length=40, label=_("代码"), help_text=_("字母、数字或下划线"))
    label = forms.CharField(max_length=200, label=_("事项"))
    act_kinds = forms.MultipleChoiceField(
        choices=ActKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("执法类别（不选为不限）"),
    )
    condition = forms.ChoiceField(
        choices=[("", _("（无）")), *rules.CONDITIONS.items()], required=False, label=_("其他条件")
    )
    amount_field = forms.ChoiceField(
        choices=[("", _("（不按金额）")), *rules.AMOUNT_FIELDS.items()], required=False, label=_("金额口径")
    )
    threshold_organisation = forms.DecimalField(
        required=False, min_value=0, decimal_places=2, label=_("单位金额门槛（元）")
    )
    threshold_individual = forms.DecimalField(
        required=False, min_value=0, decimal_places=2, label=_("个人金额门槛（元）")
    )
    collective = forms.BooleanField(required=False, label=_("须集体审议"))
    quorum = forms.CharField(max_length=10, initial="2/3", label=_("法定人数（成员单位比例）"))
    leaders_collective = forms.BooleanField(required=False, label=_("须负责人集体讨论决定"))
    basis = forms.CharField(max_length=300, required=False, label=_("依据"))
    certainty = forms.ChoiceField(
        choices=Certainty.choices, initial=Certainty.UNCONFIRMED, label=_("核实程度")
    )


CatalogueRuleFormSet = forms.formset_factory(CatalogueRuleForm, extra=1, can_delete=True)


def catalogue_rows(formset: Any) -> list[dict[str, Any]]:
    """The rows of a valid formset in service shape (deleted and untouched blank rows dropped)."""
    rows = []
    for form in formset.forms:
        data = form.cleaned_data
        if not data or data.get("DELETE"):
            continue
        rows.append({key: value for key, value in data.items() if key != "DELETE"})
    return rows


def initial_rows(catalogue_rules: list[Any]) -> list[dict[str, Any]]:
    """Formset initial data from the rows of the version in force."""
    return [
        {
            "code": r.code,
            "label": r.label,
            "act_kinds": list(r.act_kinds),
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
        for r in catalogue_rules
    ]


class FilingForm(forms.Form):
    filed_on = forms.DateField(label=_("报上级备案日期"), widget=DateInput())


class ChecklistItemForm(forms.Form):
    point = forms.ChoiceField(choices=ReviewPoint.choices, label=_("审核要点"))
    text = forms.CharField(max_length=300, label=_("审核内容"))
    order = forms.IntegerField(min_value=0, required=False, label=_("序号"))
    is_active = forms.BooleanField(required=False, initial=True, label=_("启用"))
