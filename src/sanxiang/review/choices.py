"""Choices of the legal review of major decisions (names from GLOSSARY.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    DRAFT = "draft", _("待送审")
    SUBMITTED = "submitted", _("已送审待分配")
    IN_REVIEW = "in_review", _("审核中")
    CHANGES_PROPOSED = "changes_proposed", _("提出修改意见")
    RETURNED_FOR_INVESTIGATION = "returned_for_investigation", _("退回补充调查")
    RETURNED_FOR_REHANDLING = "returned_for_rehandling", _("退回重新处理")
    REFERRED = "referred", _("请示上级/征求意见")
    DELIBERATION = "deliberation", _("集体审议中")
    APPROVED = "approved", _("审核通过待决定")
    DECIDED = "decided", _("已决定")
    NOT_APPROVED = "not_approved", _("领导决定不予作出")
    ISSUED_EXTERNALLY = "issued_externally", _("源系统已作出")
    WITHDRAWN = "withdrawn", _("已撤回")


class Opinion(models.TextChoices):
    """The reviewer's written opinion (国办发〔2018〕118号: 同意 / 存在问题; RULES.md §4.3 enum)."""

    APPROVE = "approve", _("同意")
    PROPOSE_CHANGES = "propose_changes", _("提出修改意见")
    RETURN_FOR_INVESTIGATION = "return_for_investigation", _("存在问题，退回补充调查")
    RETURN_FOR_REHANDLING = "return_for_rehandling", _("存在问题，退回重新处理")
    REFER = "refer", _("请示上级/征求有权机关意见")


class Finding(models.TextChoices):
    OK = "ok", _("符合")
    PROBLEM = "problem", _("存在问题")
    NOT_APPLICABLE = "n/a", _("不适用")


class ReviewPoint(models.TextChoices):
    """The seven review points of 国办发〔2018〕118号 (RULES.md §4.1), plus documents split out."""

    SUBJECT = "subject", _("执法主体与人员资格")
    PROCEDURE = "procedure", _("执法程序")
    FACTS = "facts", _("事实与证据")
    LAW = "law", _("法律适用")
    DISCRETION = "discretion", _("裁量基准适用")
    AUTHORITY = "authority", _("执法权限")
    DOCUMENTS = "documents", _("执法文书")
    CRIMINAL_TRANSFER = "criminal_transfer", _("涉嫌犯罪移送")


class Subject(models.TextChoices):
    ORGANISATION = "organisation", _("单位")
    INDIVIDUAL = "individual", _("个人")


class DecisionMode(models.TextChoices):
    INDIVIDUAL = "individual", _("负责人决定")
    COLLECTIVE = "collective", _("负责人集体讨论决定")


class PauseReason(models.TextChoices):
    INVESTIGATION = "investigation", _("补充调查")
    REFERRAL = "referral", _("请示上级/征求有权机关意见")


class Certainty(models.TextChoices):
    CONFIRMED = "confirmed", _("已核实")
    PARTLY = "partly", _("部分核实")
    UNCONFIRMED = "unconfirmed", _("未核实")
