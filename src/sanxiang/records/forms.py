from __future__ import annotations

from typing import Any, cast

from django import forms
from django.forms import modelformset_factory
from django.utils.translation import gettext_lazy as _

from .choices import RecordKind, Stage
from .models import Device, InterviewRoom, RequiredMatter
from .services import MATTER_FIELDS


class UploadForm(forms.Form):
    """The record's description; the bytes go through the tus endpoint (Uppy)."""

    kind = forms.ChoiceField(label=_("记录类型"), choices=RecordKind.choices)
    stage = forms.ChoiceField(label=_("执法环节"), choices=Stage.choices, initial=Stage.INVESTIGATION)
    title = forms.CharField(label=_("标题"), max_length=200, required=False)
    device = forms.ModelChoiceField(label=_("记录设备"), queryset=Device.objects.none(), required=False)
    room = forms.ModelChoiceField(
        label=_("约谈（询问）室"), queryset=InterviewRoom.objects.none(), required=False
    )

    def __init__(self, *args: Any, act: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["device"]).queryset = Device.objects.filter(
            authority=act.authority_id
        ).exclude(status="retired")
        cast(forms.ModelChoiceField, self.fields["room"]).queryset = InterviewRoom.objects.filter(
            authority=act.authority_id
        )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("调阅事由"), max_length=300, required=False, widget=forms.TextInput(attrs={"size": 40})
    )


class HoldForm(forms.Form):
    reason = forms.CharField(label=_("保全冻结原因"), max_length=300)


class DeviceForm(forms.ModelForm):
    class Meta:
        model = Device
        fields = ["kind", "serial", "model_name", "authority", "department", "holder", "status"]


class RoomForm(forms.ModelForm):
    class Meta:
        model = InterviewRoom
        fields = ["name", "location", "authority", "status"]


MatterFormSet = modelformset_factory(RequiredMatter, fields=MATTER_FIELDS, extra=1, can_delete=True)


class MatterVersionForm(forms.Form):
    effective_from = forms.DateField(label=_("生效日期"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("修订说明"), max_length=300)


class DisposalForm(forms.Form):
    appraisal = forms.CharField(label=_("鉴定意见"), widget=forms.Textarea(attrs={"rows": 3}))
    records = forms.CharField(widget=forms.MultipleHiddenInput, required=False)
