from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.forms import preselect_only_choices
from sanxiang.org.models import Authority

from .selectors import authority_choices

if TYPE_CHECKING:
    from sanxiang.org.models import User


class FileUploadForm(forms.Form):
    file = forms.FileField(label=_("文件"))
    authority = forms.ModelChoiceField(queryset=Authority.objects.none(), label=_("所属机关"))

    def __init__(self, *args: Any, actor: User, **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["authority"])
        field.queryset = authority_choices(actor=actor)
        if actor.authority_id:
            field.initial = actor.authority_id
        preselect_only_choices(self)
