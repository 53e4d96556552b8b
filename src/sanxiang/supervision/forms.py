"""Forms of the supervision pages (input parsing only; services decide)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class UploadForm(forms.Form):
    file = forms.FileField(label=_("任务分解表"), help_text=_("Word（.docx）、Excel（.xlsx）或导出的文本"))
    plan_year = forms.IntegerField(label=_("计划年度"), required=False, min_value=2000, max_value=2100)


class ConfirmForm(forms.Form):
    accept_unmatched = forms.BooleanField(label=_("确认未匹配单位（仅作记录，不交办）"), required=False)
    confirm_suggested = forms.BooleanField(label=_("将正文中的日期设为节点"), required=False)


class TaskCorrectForm(forms.Form):
    lead = forms.CharField(label=_("牵头部门"), required=False)
    responsible = forms.CharField(label=_("责任部门"), required=False)
    cooperating = forms.CharField(label=_("配合部门"), required=False)
    deadline_text = forms.CharField(label=_("完成时限"), required=False, max_length=500)


class ProgressForm(forms.Form):
    text = forms.CharField(label=_("进展情况"), widget=forms.Textarea(attrs={"rows": 3}))
    percent = forms.IntegerField(label=_("完成进度（%）"), min_value=0, max_value=100)
    milestone = forms.IntegerField(label=_("节点"), required=False)
    evidence = forms.FileField(label=_("佐证材料"), required=False)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", _("采纳")), ("return", _("退回"))])
    comment = forms.CharField(label=_("意见"), required=False)


class DecideForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("批准")), ("reject", _("不批准"))])
    comment = forms.CharField(label=_("意见"), required=False)


class EventForm(forms.Form):
    event_date = forms.DateField(label=_("事件发生日期"))
    due_date = forms.DateField(label=_("完成日期"), required=False)


class ExtensionForm(forms.Form):
    new_date = forms.DateField(label=_("申请延至"))
    reason = forms.CharField(label=_("延期理由"))


class CloseoutForm(forms.Form):
    summary = forms.CharField(label=_("完成情况"), widget=forms.Textarea(attrs={"rows": 2}))


class MeetingForm(forms.Form):
    title = forms.CharField(label=_("会议名称"), max_length=200)
    held_on = forms.DateField(label=_("会议日期"))
    minutes = forms.CharField(label=_("会议纪要"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    items = forms.CharField(
        label=_("议定事项"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("每行一项：事项｜责任单位（如“办公室牵头，法制科配合”）｜完成时限"),
    )
