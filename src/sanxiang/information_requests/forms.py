"""Forms: the portal filing form, staff entry, and one small form per workflow action."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from captcha.fields import CaptchaField
from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import (
    STAFF_CHANNELS,
    ApplicantType,
    ConsultationKind,
    ConsultationOpinion,
    DeliveryMethod,
    IdType,
    InformationForm,
    RemedyKind,
    RemedyOutcome,
    ReplyType,
    WithheldReason,
)

if TYPE_CHECKING:
    from sanxiang.org.models import Authority, Department

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class ApplicantForm(forms.Form):
    """The fields of 条例第二十九条."""

    applicant_type = forms.ChoiceField(label=_("申请人类型"), choices=ApplicantType.choices)
    applicant_name = forms.CharField(label=_("姓名或名称"), max_length=200)
    id_type = forms.ChoiceField(label=_("证件类型"), choices=[("", "—"), *IdType.choices], required=False)
    id_number = forms.CharField(label=_("证件号码"), max_length=40, required=False)
    legal_representative = forms.CharField(label=_("法定代表人或负责人"), max_length=100, required=False)
    contact_name = forms.CharField(label=_("联系人"), max_length=100, required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=40, required=False)
    email = forms.EmailField(label=_("电子邮箱"), required=False)
    address = forms.CharField(label=_("通信地址"), max_length=300, required=False)
    postal_code = forms.CharField(label=_("邮政编码"), max_length=10, required=False)
    description = forms.CharField(
        label=_("所需政府信息的名称、文号或者便于查询的其他特征性描述"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    document_number = forms.CharField(label=_("文件名称或文号（如知道）"), max_length=300, required=False)
    information_form = forms.ChoiceField(label=_("信息的指定提供形式"), choices=InformationForm.choices)
    delivery_method = forms.ChoiceField(label=_("获取信息的方式"), choices=DeliveryMethod.choices)
    identity_proof = forms.FileField(label=_("身份证明（图片或 PDF，不超过 10 MB）"), required=False)


class PortalRequestForm(ApplicantForm):
    authority: forms.ModelChoiceField[Authority] = forms.ModelChoiceField(
        label=_("向哪个机关申请"), queryset=None, empty_label=None
    )
    captcha = CaptchaField(label=_("验证码"))
    field_order = ["authority"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from sanxiang.org.models import Authority

        super().__init__(*args, **kwargs)
        self.fields["authority"].queryset = Authority.objects.order_by("path")  # type: ignore[attr-defined]


class StaffRequestForm(ApplicantForm):
    channel = forms.ChoiceField(label=_("申请方式"), choices=[(c.value, c.label) for c in STAFF_CHANNELS])
    submitted_on = forms.DateField(label=_("提交日期"), widget=DATE, required=False)
    signed_for_on = forms.DateField(label=_("签收日期（邮寄）"), widget=DATE, required=False)
    confirmed_on = forms.DateField(label=_("双方确认日期（平常信函、传真）"), widget=DATE, required=False)
    mail_received_on = forms.DateField(label=_("邮件系统收到日期（电子邮件）"), widget=DATE, required=False)
    oral_record = forms.CharField(
        label=_("口头申请记录"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    field_order = ["channel", "submitted_on", "signed_for_on", "confirmed_on", "mail_received_on"]


class FollowForm(forms.Form):
    code = forms.CharField(label=_("申请编号"), max_length=32)
    token = forms.CharField(label=_("查询凭证"), max_length=64)


class DateForm(forms.Form):
    on = forms.DateField(label=_("日期"), widget=DATE)


class RegisterForm(forms.Form):
    register_number = forms.CharField(label=_("登记号（留空则用申请编号）"), max_length=40, required=False)


class AssignForm(forms.Form):
    department: forms.ModelChoiceField[Department] = forms.ModelChoiceField(
        label=_("承办部门"), queryset=None
    )
    instructions = forms.CharField(
        label=_("办理要求"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, departments: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments  # type: ignore[attr-defined]


class AnswerForm(forms.Form):
    assignment = forms.IntegerField(widget=forms.HiddenInput)
    search_result = forms.CharField(label=_("检索与办理意见"), widget=forms.Textarea(attrs={"rows": 3}))


class CorrectionNoticeForm(DateForm):
    items = forms.CharField(label=_("需要补正的事项"), widget=forms.Textarea(attrs={"rows": 2}))
    until = forms.DateField(label=_("补正期限（留空按默认）"), widget=DATE, required=False)


class ExtendForm(DateForm):
    days = forms.IntegerField(label=_("延长工作日数"), min_value=1, max_value=20)
    reason = forms.CharField(label=_("延期理由"), max_length=300)


class ConsultForm(DateForm):
    kind = forms.ChoiceField(label=_("征求对象类型"), choices=ConsultationKind.choices)
    party = forms.CharField(label=_("征求对象"), max_length=200)


class ConsultReplyForm(DateForm):
    consultation = forms.IntegerField(widget=forms.HiddenInput)
    opinion = forms.ChoiceField(
        label=_("意见"), choices=[c for c in ConsultationOpinion.choices if c[0] != "pending"]
    )


class FeeForm(DateForm):
    method = forms.ChoiceField(
        label=_("计收方式"), choices=[("per_volume", _("按量计收")), ("per_request", _("按件计收"))]
    )
    pages = forms.IntegerField(label=_("页数（按量）"), min_value=0, required=False)
    ordinal_in_month = forms.IntegerField(label=_("本月第几件申请（按件）"), min_value=1, required=False)


class RouteAwayForm(forms.Form):
    channel_text = forms.CharField(label=_("应当通过的渠道"), widget=forms.Textarea(attrs={"rows": 2}))


class DraftForm(forms.Form):
    reply_type = forms.ChoiceField(
        label=_("答复类型"), choices=[c for c in ReplyType.choices if c[0] not in ("abandoned", "fee_unpaid")]
    )
    withheld_reason = forms.ChoiceField(
        label=_("不予公开理由"), choices=[("", "—"), *WithheldReason.choices], required=False
    )
    reasons = forms.CharField(label=_("理由说明"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    obtain_how = forms.CharField(
        label=_("获取方式说明"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    responsible_organ = forms.CharField(label=_("负责公开的机关及联系方式"), max_length=300, required=False)
    source_text = forms.CharField(
        label=_("拟公开信息原文"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    redactions = forms.CharField(
        label=_("不予公开的区段"),
        required=False,
        help_text=_(
            '在原文中选中不予公开的文字后点击“标记选中内容”，或填写 JSON：[{"start": 10, "end": 16, "reason": "商业秘密"}]'
        ),
    )
    needs_legal_review = forms.BooleanField(label=_("需法制审查"), required=False)
    needs_confidentiality_review = forms.BooleanField(label=_("需保密审查"), required=False)

    def clean_redactions(self) -> list[dict[str, Any]]:
        raw = (self.cleaned_data.get("redactions") or "").strip()
        if not raw:
            return []
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as error:
            raise forms.ValidationError(_("不予公开的区段格式有误。")) from error
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise forms.ValidationError(_("不予公开的区段格式有误。"))
        return value


class ReviewForm(forms.Form):
    opinion = forms.CharField(label=_("审查意见"), widget=forms.Textarea(attrs={"rows": 2}))
    passed = forms.TypedChoiceField(
        label=_("审查结论"),
        choices=[("1", _("通过，送负责人审批")), ("0", _("退回修改"))],
        coerce=lambda v: v == "1",
    )


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("意见"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class DeliverForm(DateForm):
    method = forms.ChoiceField(label=_("送达方式"), choices=DeliveryMethod.choices)
    note = forms.CharField(label=_("送达凭证说明（邮件单号、签收回执等）"), max_length=300, required=False)
    proof = forms.FileField(label=_("送达凭证扫描件"), required=False)


class RemedyForm(forms.Form):
    kind = forms.ChoiceField(label=_("类型"), choices=RemedyKind.choices)
    filed_on = forms.DateField(label=_("申请/起诉日期"), widget=DATE)
    body = forms.CharField(label=_("复议机关/法院"), max_length=200, required=False)


class RemedyDecideForm(forms.Form):
    remedy = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(
        label=_("结果"), choices=[c for c in RemedyOutcome.choices if c[0] != "pending"]
    )
    decided_on = forms.DateField(label=_("审结日期"), widget=DATE)


class ReportForm(forms.Form):
    overview = forms.CharField(
        label=_("一、总体情况"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    problems = forms.CharField(
        label=_("五、存在的主要问题及改进情况"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    other_matters = forms.CharField(
        label=_("六、其他需要报告的事项"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class TemplateForm(forms.Form):
    title = forms.CharField(label=_("文书名称"), max_length=100)
    body = forms.CharField(
        label=_("正文模板"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "可用占位符：{code} 申请编号、{received_on} 收到日期、{description} 申请内容、{reasons} 理由、{obtain_how} 获取方式、{responsible_organ} 负责机关、{channel_text} 转办渠道"
        ),
    )
    legal_basis = forms.CharField(label=_("法律依据"), max_length=300)
