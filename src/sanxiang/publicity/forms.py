"""Forms of the publicity back office; values are checked by the item's schema in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.core.exceptions import DomainError
from sanxiang.core.models import Authority

from .models import Item


def add_domain_error(form: forms.Form, exc: DomainError) -> None:
    """Show a service's refusal on the form: on its fields when it names them."""
    placed = False
    for name, messages in (exc.extra.get("fields") or {}).items():
        if name in form.fields:
            for message in messages:
                form.add_error(name, message)
            placed = True
    if not placed:
        form.add_error(None, str(exc.message))


def scoped_authorities(user: Any):
    if user.is_superuser or user.data_scope == "all":
        return Authority.objects.filter(is_active=True)
    if user.authority_id is None:
        return Authority.objects.none()
    if user.data_scope == "unit_and_below":
        return Authority.objects.filter(path__startswith=user.authority.path, is_active=True)
    return Authority.objects.filter(pk=user.authority_id)


class EntryForm(forms.Form):
    """Built from ``Item.fields``: one input per field, the authority limited to the user's scope."""

    def __init__(
        self,
        *args: Any,
        item: Item,
        user: Any,
        with_text: bool = True,
        with_reason: bool = False,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.item = item
        for spec in item.fields:
            key = spec["key"]
            if key == "authority":
                self.fields["authority"] = forms.ModelChoiceField(
                    label=spec["label"], queryset=scoped_authorities(user), initial=user.authority_id
                )
                continue
            if spec.get("type") == "choice":
                field = forms.ChoiceField(
                    label=spec["label"],
                    required=False,
                    choices=[("", "—"), *[tuple(c) for c in spec["choices"]]],
                )
            elif spec.get("type") == "longtext":
                field = forms.CharField(
                    label=spec["label"], required=False, widget=forms.Textarea(attrs={"rows": 3})
                )
            elif spec.get("type") == "date":
                field = forms.CharField(
                    label=spec["label"], required=False, widget=forms.DateInput(attrs={"type": "date"})
                )
            else:
                field = forms.CharField(label=spec["label"], required=False)
            field.widget.attrs.setdefault("data-required", "1" if spec.get("required") else "0")
            self.fields[key] = field
        if with_text:
            self.fields["text"] = forms.CharField(
                label=_("正文（可选，如决定书全文）"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 8}),
            )
        if with_reason:
            self.fields["reason"] = forms.CharField(
                label=_("更正原因"), widget=forms.Textarea(attrs={"rows": 2})
            )

    def values(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k not in ("authority", "text", "reason")}


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("意见"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("原因"), widget=forms.Textarea(attrs={"rows": 2}))


class MaskForm(forms.Form):
    phrase = forms.CharField(label=_("需遮盖的文字"), required=False, max_length=200)
    start = forms.IntegerField(required=False, widget=forms.HiddenInput)
    end = forms.IntegerField(required=False, widget=forms.HiddenInput)


class LiftForm(forms.Form):
    field_type = forms.CharField(label=_("信息类型"), max_length=40)
    reason = forms.CharField(label=_("解除理由"), widget=forms.Textarea(attrs={"rows": 2}))


class ImportForm(forms.Form):
    item = forms.ModelChoiceField(
        label=_("公示事项"), queryset=Item.objects.filter(is_active=True), to_field_name="code"
    )
    authority = forms.ModelChoiceField(label=_("默认公示机关"), queryset=Authority.objects.none())
    file = forms.FileField(label=_("Excel 文件（.xlsx）"))

    def __init__(self, *args: Any, user: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["authority"].queryset = scoped_authorities(user)
        self.fields["authority"].initial = user.authority_id
