"""Forms of the staff views; querysets are narrowed to the acting user's scope."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.files.selectors import authority_choices
from sanxiang.kernel.exceptions import DomainError
from sanxiang.org.models import Department, User
from sanxiang.org.widgets import DateInput

from .choices import ActKind, ActStatus, DecisionKind, DecisionOutcome, OfficerRole
from .selectors import taxpayer_list


def add_domain_error(form: forms.Form, exc: DomainError) -> None:
    """Show a service's refusal on the form: on its fields when it names them."""
    fields = exc.extra.get("fields") or {}
    placed = False
    for name, messages in fields.items():
        if name in form.fields:
            for message in messages or [str(exc.message)]:
                form.add_error(name, message)
            placed = True
    if not placed:
        form.add_error(None, str(exc.message))


class ActForm(forms.Form):
    kind = forms.ChoiceField(label=_("执法类别"), choices=ActKind.choices)
    matter = forms.CharField(label=_("执法事项"), max_length=200)
    taxpayer: forms.ModelChoiceField = forms.ModelChoiceField(label=_("纳税人"), queryset=None)
    authority: forms.ModelChoiceField = forms.ModelChoiceField(label=_("执法机关"), queryset=None)
    department: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("承办部门"), queryset=None, required=False
    )
    started_on = forms.DateField(label=_("开始日期"), required=False, widget=DateInput())
    concluded_on = forms.DateField(label=_("办结日期"), required=False, widget=DateInput())
    status = forms.ChoiceField(label=_("状态"), choices=ActStatus.choices, initial=ActStatus.IN_PROGRESS)
    lead_officers: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_("主办人员"), queryset=None, required=False
    )
    assist_officers: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_("协办人员"), queryset=None, required=False
    )

    def __init__(self, *args: Any, actor: User, **kwargs: Any):
        super().__init__(*args, **kwargs)
        authorities = authority_choices(actor=actor)
        cast(forms.ModelChoiceField, self.fields["taxpayer"]).queryset = taxpayer_list(actor=actor)
        cast(forms.ModelChoiceField, self.fields["authority"]).queryset = authorities
        cast(forms.ModelChoiceField, self.fields["department"]).queryset = Department.objects.filter(
            authority__in=authorities
        )
        staff = User.objects.filter(is_active=True, authority__in=authorities).order_by("username")
        cast(forms.ModelChoiceField, self.fields["lead_officers"]).queryset = staff
        cast(forms.ModelChoiceField, self.fields["assist_officers"]).queryset = staff
        if actor.authority_id and not self.initial.get("authority"):
            self.fields["authority"].initial = actor.authority_id

    def officers(self) -> list[tuple[User, str]]:
        data = self.cleaned_data
        leads = list(data.get("lead_officers") or [])
        assists = [u for u in data.get("assist_officers") or [] if u not in leads]
        return [(u, OfficerRole.LEAD) for u in leads] + [(u, OfficerRole.ASSIST) for u in assists]

    def act_data(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k not in ("lead_officers", "assist_officers")}


class DecisionForm(forms.Form):
    kind = forms.ChoiceField(label=_("决定类别"), choices=DecisionKind.choices)
    document_number = forms.CharField(label=_("文书号"), max_length=100, required=False)
    decided_on = forms.DateField(label=_("决定日期"), required=False, widget=DateInput())
    served_on = forms.DateField(label=_("送达日期"), required=False, widget=DateInput())
    tax_amount = forms.DecimalField(label=_("税款"), max_digits=16, decimal_places=2, initial=0)
    penalty_amount = forms.DecimalField(label=_("罚款"), max_digits=16, decimal_places=2, initial=0)
    late_fee_amount = forms.DecimalField(label=_("滞纳金"), max_digits=16, decimal_places=2, initial=0)
    legal_basis = forms.CharField(
        label=_("法律依据"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    facts = forms.CharField(label=_("违法事实"), widget=forms.Textarea(attrs={"rows": 4}), required=False)


class DecisionOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("决定状态"), choices=[c for c in DecisionOutcome.choices if c[0] != DecisionOutcome.IN_FORCE]
    )
    outcome_on = forms.DateField(label=_("日期"), widget=DateInput())
    reason = forms.CharField(label=_("原因"), widget=forms.Textarea(attrs={"rows": 3}))


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("附件"))


class TaxpayerSearchForm(forms.Form):
    q = forms.CharField(label=_("名称、统一社会信用代码、纳税人识别号或身份证号"), required=False)
