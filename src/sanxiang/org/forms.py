"""Input forms for organisation administration. They parse and clean; services write."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.choices import AuthorityLevel, DataScope, QualificationKind, RoleCode
from sanxiang.lib import orgchart
from sanxiang.org.models import Authority, Department
from sanxiang.org.widgets import DateInput


def _split_aliases(value: str | None) -> list[str]:
    return list(orgchart.split_list(value or ""))


class AliasesField(forms.CharField):
    """Aliases typed as one line separated by 、 or commas."""

    def __init__(self, **kwargs: Any):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("别名"))
        kwargs.setdefault("help_text", _("多个别名用「、」分隔，导入任务表时用于匹配。"))
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return "、".join(value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        return _split_aliases(super().to_python(value))


class AuthorityForm(forms.Form):
    name = forms.CharField(label=_("机关名称"), max_length=100)
    short_name = forms.CharField(label=_("简称"), max_length=40, required=False)
    code = forms.CharField(label=_("机关代码"), max_length=20)
    level = forms.ChoiceField(label=_("层级"), choices=AuthorityLevel.choices)
    public_phone = forms.CharField(label=_("对外电话"), max_length=40, required=False)
    public_email = forms.EmailField(label=_("对外邮箱"), required=False)
    address = forms.CharField(label=_("办公地址"), max_length=200, required=False)


class AuthorityEditForm(AuthorityForm):
    is_active = forms.BooleanField(label=_("启用"), required=False)


class DepartmentForm(forms.Form):
    name = forms.CharField(label=_("部门名称"), max_length=100)
    code = forms.CharField(label=_("部门代码"), max_length=40, required=False)
    aliases = AliasesField()


class DepartmentEditForm(DepartmentForm):
    is_active = forms.BooleanField(label=_("启用"), required=False)


class ExternalUnitForm(forms.Form):
    name = forms.CharField(label=_("名称"), max_length=100)
    aliases = AliasesField()
    authority = forms.ModelChoiceField(label=_("对接机关"), queryset=Authority.objects.none())
    lead_department = forms.ModelChoiceField(
        label=_("对接部门"), queryset=Department.objects.none(), required=False
    )

    def __init__(self, *args: Any, authorities: QuerySet, departments: QuerySet, **kwargs: Any):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["authority"]).queryset = authorities
        cast(forms.ModelChoiceField, self.fields["lead_department"]).queryset = departments


class UserFieldsMixin(forms.Form):
    full_name = forms.CharField(label=_("姓名"), max_length=50)
    authority = forms.ModelChoiceField(label=_("所属机关"), queryset=Authority.objects.none())
    department = forms.ModelChoiceField(
        label=_("所属部门"), queryset=Department.objects.none(), required=False
    )
    roles = forms.MultipleChoiceField(
        label=_("角色"), choices=RoleCode.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    data_scope = forms.ChoiceField(
        label=_("数据权限"), choices=DataScope.choices, initial=DataScope.DEPARTMENT
    )
    phone = forms.CharField(label=_("办公电话"), max_length=40, required=False)

    def __init__(self, *args: Any, authorities: QuerySet, departments: QuerySet, **kwargs: Any):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["authority"]).queryset = authorities
        cast(forms.ModelChoiceField, self.fields["department"]).queryset = departments


class UserCreateForm(UserFieldsMixin):
    username = forms.CharField(label=_("用户名"), max_length=150)
    password1 = forms.CharField(label=_("密码"), widget=forms.PasswordInput(render_value=False), strip=False)
    password2 = forms.CharField(
        label=_("确认密码"), widget=forms.PasswordInput(render_value=False), strip=False
    )

    field_order = ["username", "full_name", "authority", "department", "roles", "data_scope", "phone"]

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("两次输入的密码不一致。"))
        return data


class UserEditForm(UserFieldsMixin):
    pass


class PasswordForm(forms.Form):
    password1 = forms.CharField(
        label=_("新密码"), widget=forms.PasswordInput(render_value=False), strip=False
    )
    password2 = forms.CharField(
        label=_("确认新密码"), widget=forms.PasswordInput(render_value=False), strip=False
    )

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("两次输入的密码不一致。"))
        return data


class CertificateForm(forms.Form):
    number = forms.CharField(label=_("证件编号"), max_length=40)
    issued_by = forms.CharField(label=_("发证机关"), max_length=100)
    valid_from = forms.DateField(label=_("有效期起"), widget=DateInput)
    valid_until = forms.DateField(label=_("有效期至"), widget=DateInput)
    enforcement_area = forms.CharField(label=_("执法区域"), max_length=100, required=False)


class QualificationForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("类别"), choices=QualificationKind.choices, initial=QualificationKind.LEGAL_PROFESSION
    )
    number = forms.CharField(label=_("证书编号"), max_length=60)
    obtained_on = forms.DateField(label=_("取得日期"), widget=DateInput)


class OrgChartUploadForm(forms.Form):
    file = forms.FileField(label=_("组织架构表（.xlsx）"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("请上传 .xlsx 格式的 Excel 文件。"))
        if upload.size > orgchart.MAX_FILE_BYTES:
            raise forms.ValidationError(_("文件超过 5 MB 上限。"))
        return upload


class OrgChartConfirmForm(forms.Form):
    job = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
