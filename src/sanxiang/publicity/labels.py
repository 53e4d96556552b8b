"""Chinese labels of the codes the publicity pages show (mask kinds, workflow actions, rule kinds)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

MASK_KINDS = {
    "person_name": _("自然人姓名"),
    "representative_name": _("法定代表人（负责人）姓名"),
    "third_party_name": _("其他人员姓名"),
    "official_name": _("执法人员姓名"),
    "id_number": _("身份证件号码"),
    "phone": _("电话号码"),
    "bank_account": _("银行账号"),
    "email": _("电子邮箱"),
    "home_address": _("住址"),
    "travel_document": _("护照及通行证"),
    "practice_certificate": _("执业证号"),
    "birth_date": _("出生日期"),
    "manual": _("人工遮盖"),
    "withheld": _("不予公开"),
}

ACTIONS = {
    "submit": _("提交审核"),
    "recall": _("撤回提交"),
    "return": _("退回"),
    "approve": _("审批通过并公示"),
    "correct": _("发起更正"),
    "withdraw": _("撤回公示"),
    "expire": _("停止公示"),
}

RULE_KINDS = {
    "working_days": _("工作日时限"),
    "calendar_days": _("自然日时限"),
    "day_of_next_month": _("次月固定日"),
    "yearly_date": _("次年固定日"),
    "periodic": _("周期公告"),
    "two_stage": _("两段时限（报送+发布）"),
}

SUBJECT_PARAMS = {
    "organisation": _("单位"),
    "individual_business": _("个体工商户"),
    "natural_person": _("个人"),
    "default": _("其他"),
}

CREDIT_CLASSES = {"minor": _("轻微"), "general": _("一般"), "serious": _("严重")}

CERTAINTY = {"confirmed": _("已确认"), "partly": _("部分确认"), "unconfirmed": _("未确认")}
