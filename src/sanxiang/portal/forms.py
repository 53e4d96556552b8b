"""Forms that parse the public's input: search filters and the progress lookup."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.org.models import Authority


class SearchForm(forms.Form):
    q = forms.CharField(label=_("关键词"), required=False, max_length=60)
    category = forms.CharField(label=_("类别"), required=False, max_length=60)
    authority = forms.ModelChoiceField(
        label=_("公示机关（含下级）"),
        queryset=Authority.objects.none(),
        required=False,
        empty_label=_("全部机关"),
    )
    date_from = forms.DateField(label=_("公示日期起"), required=False)
    date_to = forms.DateField(label=_("公示日期止"), required=False)
    page = forms.IntegerField(required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["authority"].queryset = Authority.objects.filter(is_active=True).order_by("path")

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("起始日期不能晚于截止日期。"))
        return data


class ProgressLookupForm(forms.Form):
    matter_number = forms.CharField(label=_("事项编号"), max_length=40)
    code = forms.CharField(label=_("查询码"), max_length=20)
