"""Forms that parse staff and public input for proactive disclosure."""

from __future__ import annotations

from captcha.fields import CaptchaField
from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.org.models import Department

from .choices import (
    CatalogueHeading,
    CommentAnswer,
    ConsultationKind,
    DisclosureAttribute,
    DocumentKind,
    IncidentSeverity,
    WithheldReason,
)
from .models import OfficialDocument, TaxType, ValidityLabel


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("标题"), max_length=300)
    document_number = forms.CharField(label=_("文号"), max_length=100, required=False)
    issuer = forms.CharField(label=_("发布机关"), max_length=200, required=False, help_text=_("留空为本机关"))
    own_issue = forms.BooleanField(label=_("本机关制发"), required=False, initial=True)
    kind = forms.ChoiceField(label=_("文件类型"), choices=DocumentKind.choices)
    heading = forms.ChoiceField(label=_("目录类别"), choices=CatalogueHeading.choices)
    subject_terms = forms.CharField(label=_("主题词"), max_length=200, required=False)
    attribute = forms.ChoiceField(
        label=_("公开属性"), choices=[("", _("（未选择）")), *DisclosureAttribute.choices], required=False
    )
    withheld_reason = forms.ChoiceField(
        label=_("不予公开理由"), choices=[("", _("（无）")), *WithheldReason.choices], required=False
    )
    attribute_note = forms.CharField(
        label=_("属性说明"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    in_policy_library = forms.BooleanField(label=_("收入税费政策库"), required=False)
    tax_types = forms.ModelMultipleChoiceField(
        label=_("税费种"), queryset=TaxType.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    signed_on = forms.DateField(label=_("成文日期"), required=False)
    published_on = forms.DateField(label=_("发布日期"), required=False)
    effective_on = forms.DateField(label=_("施行日期"), required=False)
    text = forms.CharField(label=_("正文"), widget=forms.Textarea(attrs={"rows": 10}), required=False)


class AttributeForm(forms.Form):
    attribute = forms.ChoiceField(
        label=_("公开属性"), choices=[("", _("（未选择）")), *DisclosureAttribute.choices], required=False
    )
    withheld_reason = forms.ChoiceField(
        label=_("不予公开理由"), choices=[("", _("（无）")), *WithheldReason.choices], required=False
    )
    note = forms.CharField(label=_("属性说明"), required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("理由"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class InterpretationForm(forms.Form):
    title = forms.CharField(label=_("解读标题"), max_length=300)
    kind = forms.ChoiceField(
        label=_("形式"), choices=[("text", _("文字解读")), ("diagram", _("图解")), ("qa", _("问答"))]
    )
    body = forms.CharField(label=_("解读内容"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    qa = forms.CharField(
        label=_("问答"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("每行一问一答，以“问：…答：…”书写"),
    )

    def clean_qa(self) -> list[dict[str, str]]:
        pairs = []
        for number, line in enumerate(self.cleaned_data["qa"].splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            if not line.startswith("问：") or "答：" not in line:
                raise forms.ValidationError(_("第%(n)s行格式应为“问：…答：…”。"), params={"n": number})
            question, answer = line[2:].split("答：", 1)
            pairs.append({"q": question.strip(), "a": answer.strip()})
        return pairs


class ValidityForm(forms.Form):
    label = forms.ModelChoiceField(label=_("效力状态"), queryset=ValidityLabel.objects.filter(is_active=True))
    articles = forms.CharField(label=_("涉及条款"), max_length=200, required=False)
    by_document = forms.ModelChoiceField(
        label=_("依据文件（政策库）"), queryset=OfficialDocument.objects.none(), required=False
    )
    by_document_text = forms.CharField(label=_("依据文件文号"), max_length=200, required=False)
    effective_on = forms.DateField(label=_("生效日期"))
    note = forms.CharField(label=_("说明"), required=False)

    def __init__(self, *args, documents=None, **kwargs):
        super().__init__(*args, **kwargs)
        if documents is not None:
            self.fields["by_document"].queryset = documents


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("附件名称"), max_length=200, required=False)
    file = forms.FileField(label=_("文件"))


class ConsultationForm(forms.Form):
    title = forms.CharField(label=_("标题"), max_length=300)
    kind = forms.ChoiceField(label=_("类型"), choices=ConsultationKind.choices)
    explanation = forms.CharField(label=_("起草说明"), widget=forms.Textarea(attrs={"rows": 4}))
    draft_text = forms.CharField(label=_("征求意见稿"), widget=forms.Textarea(attrs={"rows": 10}))


class ConsultationOpenForm(forms.Form):
    opens_on = forms.DateField(label=_("开始日期"))
    closes_on = forms.DateField(label=_("截止日期"))
    short_period_reason = forms.CharField(
        label=_("期限少于30日的理由"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class ModerateForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("发布")), ("reject", _("不予发布"))])
    reason = forms.CharField(label=_("不予发布理由"), required=False)


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(label=_("采纳情况"), choices=CommentAnswer.choices)
    reason = forms.CharField(label=_("理由"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class SummaryForm(forms.Form):
    summary = forms.CharField(label=_("采纳情况说明"), widget=forms.Textarea(attrs={"rows": 4}))


class LinkFinalForm(forms.Form):
    document = forms.ModelChoiceField(label=_("正式文件"), queryset=OfficialDocument.objects.none())

    def __init__(self, *args, documents=None, **kwargs):
        super().__init__(*args, **kwargs)
        if documents is not None:
            self.fields["document"].queryset = documents


class CommentForm(forms.Form):
    """A public comment; name and contact are optional and never published."""

    paragraph = forms.IntegerField(required=False, widget=forms.HiddenInput)
    body = forms.CharField(label=_("意见内容"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    commenter_name = forms.CharField(label=_("姓名或单位（不公开）"), max_length=100, required=False)
    contact = forms.CharField(label=_("联系方式（不公开）"), max_length=100, required=False)
    captcha = CaptchaField(label=_("验证码"))


class RatingForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("评分"), coerce=int, choices=[(i, str(i)) for i in (5, 4, 3, 2, 1)], widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("评价理由（差评必填）"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    contact = forms.CharField(label=_("联系方式（不公开，便于回访）"), max_length=100, required=False)
    captcha = CaptchaField(label=_("验证码"))


class AssignForm(forms.Form):
    department = forms.ModelChoiceField(label=_("整改部门"), queryset=Department.objects.none())

    def __init__(self, *args, departments=None, **kwargs):
        super().__init__(*args, **kwargs)
        if departments is not None:
            self.fields["department"].queryset = departments


class RectificationAnswerForm(forms.Form):
    answer = forms.CharField(label=_("整改情况"), widget=forms.Textarea(attrs={"rows": 2}))


class IncidentForm(forms.Form):
    title = forms.CharField(label=_("舆情标题"), max_length=300)
    severity = forms.ChoiceField(label=_("级别"), choices=IncidentSeverity.choices)
    discovered_at = forms.DateTimeField(
        label=_("发现时间"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    source = forms.CharField(label=_("来源"), max_length=200, required=False)
    summary = forms.CharField(label=_("舆情摘要"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class IncidentStepForm(forms.Form):
    at = forms.DateTimeField(label=_("时间"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    note = forms.CharField(label=_("情况说明"), required=False)


class RulingForm(forms.Form):
    document_number = forms.CharField(label=_("批复文号"), max_length=100)
    title = forms.CharField(label=_("标题"), max_length=300)
    decided_on = forms.DateField(label=_("批复日期"))
    text = forms.CharField(label=_("批复内容"), widget=forms.Textarea(attrs={"rows": 6}))


class LibrarySearchForm(forms.Form):
    q = forms.CharField(label=_("关键词"), max_length=60, required=False)
    issuer = forms.CharField(label=_("发布机关"), max_length=200, required=False)
    tax_type = forms.CharField(label=_("税费种"), max_length=40, required=False)
    validity = forms.CharField(label=_("效力状态"), max_length=40, required=False)
    year = forms.IntegerField(label=_("发布年度"), min_value=1949, max_value=2100, required=False)
