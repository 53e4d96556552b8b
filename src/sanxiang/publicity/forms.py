"""Forms of the publicity back office; values are checked by the item's schema in the services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.access import authorities_in_scope
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.exceptions import DomainError
from sanxiang.kernel.forms import preselect_only_choices
from sanxiang.org.models import Authority, Department

from .models import Category, Item, ItemRule, MaskPolicy

if TYPE_CHECKING:
    from sanxiang.kernel.access import Actor


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


def scoped_authorities(user: Actor) -> QuerySet[Authority]:
    """Active authorities the user may write into (their own one even if it is inactive)."""
    return authorities_in_scope(user).filter(Q(is_active=True) | Q(pk=getattr(user, "authority_id", None)))


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
            field: forms.Field
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
            if spec.get("required"):
                # Checked by the service (one rule for form, import and API); marked here for the clerk.
                field.label = _("%(label)s *") % {"label": spec["label"]}
                field.widget.attrs["aria-required"] = "true"
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
    phrase = forms.CharField(
        label=_("需遮盖的文字"),
        required=False,
        max_length=200,
        help_text=_("输入后将遮盖正文和各字段中所有相同的文字。"),
    )


class LiftForm(forms.Form):
    field_type = forms.CharField(label=_("信息类型"), max_length=40)
    reason = forms.CharField(label=_("解除理由"), widget=forms.Textarea(attrs={"rows": 2}))


class ImportForm(forms.Form):
    item = forms.ModelChoiceField(
        label=_("公示事项"),
        queryset=Item.objects.filter(is_active=True),
        to_field_name="code",
        empty_label=_("请选择公示事项"),
    )
    authority = forms.ModelChoiceField(label=_("默认公示机关"), queryset=Authority.objects.none())
    file = forms.FileField(label=_("导入文件（Excel .xlsx 或 CSV）"))

    def __init__(self, *args: Any, user: Any, **kwargs: Any):
        from .services import can_draft

        super().__init__(*args, **kwargs)
        items = Item.objects.filter(is_active=True)
        cast(forms.ModelChoiceField, self.fields["item"]).queryset = items.filter(
            pk__in=[i.pk for i in items if can_draft(user, i)]
        )
        cast(forms.ModelChoiceField, self.fields["authority"]).queryset = scoped_authorities(user)
        self.fields["authority"].initial = user.authority_id
        preselect_only_choices(self)


class OverdueFilterForm(forms.Form):
    """Filters of the overdue list: an authority (with those below it), an item, a department."""

    authority = forms.ModelChoiceField(
        label=_("公示机关（含下级）"),
        queryset=Authority.objects.none(),
        required=False,
        empty_label=_("全部机关"),
    )
    item = forms.ModelChoiceField(
        label=_("公示事项"),
        queryset=Item.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("全部事项"),
    )
    department = forms.ModelChoiceField(
        label=_("承办部门"), queryset=Department.objects.none(), required=False, empty_label=_("全部部门")
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        authorities = authorities_in_scope(user).filter(is_active=True).order_by("path")
        cast(forms.ModelChoiceField, self.fields["authority"]).queryset = authorities
        cast(forms.ModelChoiceField, self.fields["item"]).queryset = Item.objects.filter(
            is_active=True
        ).order_by("category__order", "order")
        cast(forms.ModelChoiceField, self.fields["department"]).queryset = (
            Department.objects.filter(authority__in=authorities, is_active=True)
            .select_related("authority")
            .order_by("authority__path", "name")
        )

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for ``selectors.overdue_list`` (none when the form is invalid)."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value is not None}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (Django's documented pattern for ``multiple``)."""

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".doc,.docx,.pdf,.zip"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)]


class DocumentImportForm(forms.Form):
    authority = forms.ModelChoiceField(label=_("公示机关"), queryset=Authority.objects.none())
    files = MultipleFileField(  # type: ignore[assignment]  # a declared field, not BaseForm.files
        label=_("文书文件（.doc、.docx、.pdf 或其 .zip 压缩包，可多选）"),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["authority"]).queryset = scoped_authorities(user)
        self.fields["authority"].initial = user.authority_id
        preselect_only_choices(self)

    def clean_files(self) -> list[Any]:
        """More files than one import takes is said on the form at once (the job counts again after
        expanding .zip files)."""
        from .documents import MAX_FILES

        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("一次最多上传 %(n)d 份文书。") % {"n": MAX_FILES})
        return files


# --- catalogue administration ---------------------------------------------------------------------


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = ["code", "label", "stage", "order"]

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["code"].disabled = True


def _role_choices() -> list[tuple[str, str]]:
    return [(code, str(label)) for code, label in RoleCode.choices]


class JSONTextarea(forms.Textarea):
    def __init__(self, rows: int = 4) -> None:
        super().__init__(attrs={"rows": rows, "spellcheck": "false", "class": "code"})


class ItemForm(forms.ModelForm):
    """An item's settings; its field schema is edited as JSON (``Item.fields``)."""

    draft_roles = forms.MultipleChoiceField(
        label=_("可起草角色"), choices=_role_choices, widget=forms.CheckboxSelectMultiple
    )
    approve_roles = forms.MultipleChoiceField(
        label=_("可审批角色"), choices=_role_choices, widget=forms.CheckboxSelectMultiple
    )
    # A declared form field (the metaclass moves it into self.fields); Any, as BaseForm.fields is the dict.
    fields: Any = forms.JSONField(
        label=_("字段定义（JSON）"),
        widget=JSONTextarea(rows=14),
        help_text=_(
            "每个字段：key 代码、label 名称、type 类型、required 是否必填、aliases 导入时也接受的列名。"
        ),
    )

    class Meta:
        model = Item
        fields = [
            "category",
            "code",
            "label",
            "masking_category",
            "event_label",
            "draft_roles",
            "approve_roles",
            "withdraw_on_outcome",
            "is_active",
            "order",
            "fields",
        ]

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["code"].disabled = True


class ItemRuleForm(forms.ModelForm):
    """One rule version; parameters as JSON, e.g. {"n": 7} or {"day": 15}."""

    kind = forms.ChoiceField(label=_("时限类型"))
    params = forms.JSONField(
        label=_("时限参数（JSON）"),
        widget=JSONTextarea(),
        help_text=_(
            '工作日/自然日：{"n": 7}；次月固定日：{"day": 15}；次年固定日：{"month": 1, "day": 31}；'
            '周期：{"months": {"organisation": 3, "natural_person": 6}}；两段：{"handover": 20, "publish": 5}'
        ),
    )
    display = forms.JSONField(
        label=_("公示期限（JSON）"),
        required=False,
        widget=JSONTextarea(),
        help_text=_(
            '固定期限：{"months": 36}；按失信程度：{"by_credit_class": {"general": 12, "serious": 36}}；留空为长期。'
        ),
    )

    class Meta:
        model = ItemRule
        fields = ["effective_from", "kind", "params", "display", "source", "certainty", "note"]
        widgets = {
            "effective_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any):
        from .labels import CERTAINTY, RULE_KINDS

        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["kind"]).choices = [(k, str(v)) for k, v in RULE_KINDS.items()]
        cast(forms.ChoiceField, self.fields["certainty"]).choices = [
            (k, str(v)) for k, v in CERTAINTY.items()
        ]

    def clean_display(self) -> dict:
        return self.cleaned_data.get("display") or {}


class MaskPolicyForm(forms.ModelForm):
    class Meta:
        model = MaskPolicy
        fields = ["mode", "liftable"]
