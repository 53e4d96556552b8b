"""Choices of the enforcement domain (names from GLOSSARY.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TaxpayerKind(models.TextChoices):
    ORGANISATION = "organisation", _("单位纳税人")
    INDIVIDUAL_BUSINESS = "individual_business", _("个体工商户")
    NATURAL_PERSON = "natural_person", _("自然人")


class ActKind(models.TextChoices):
    LICENSING = "licensing", _("行政许可")
    PENALTY = "penalty", _("行政处罚")
    COMPULSORY_MEASURE = "compulsory_measure", _("行政强制")
    INSPECTION = "inspection", _("行政检查")
    LEVY = "levy", _("行政征收")
    ABNORMAL_HOUSEHOLD = "abnormal_household", _("非正常户认定")
    ARREARS_NOTICE = "arrears_notice", _("欠税公告")
    DOCUMENT_SERVICE = "document_service", _("文书送达")
    TAX_AUDIT = "tax_audit", _("税务稽查")
    OTHER = "other", _("其他")


class ActStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("办理中")
    CONCLUDED = "concluded", _("已办结")
    TERMINATED = "terminated", _("已终止")


class OfficerRole(models.TextChoices):
    LEAD = "lead", _("主办")
    ASSIST = "assist", _("协办")


class DecisionKind(models.TextChoices):
    PENALTY = "penalty", _("行政处罚决定")
    NO_PENALTY = "no_penalty", _("不予行政处罚决定")
    TAX_HANDLING = "tax_handling", _("税务处理决定")
    COMPULSORY_MEASURE = "compulsory_measure", _("行政强制决定")
    LICENSING_GRANTED = "licensing_granted", _("准予行政许可决定")
    LICENSING_REFUSED = "licensing_refused", _("不予行政许可决定")
    OTHER = "other", _("其他决定")


class DecisionOutcome(models.TextChoices):
    """What became of a decision later (行政处罚法第四十八条: changes are published too)."""

    IN_FORCE = "in_force", _("有效")
    CHANGED = "changed", _("已变更")
    REVOKED = "revoked", _("已撤销")
    HELD_UNLAWFUL = "held_unlawful", _("确认违法")
    VOID = "void", _("确认无效")


class Handling(models.TextChoices):
    """How the catalogue handles a matter: settled on the spot, or accepted with a promised time limit."""

    IMMEDIATE = "immediate", _("即办件")
    PROMISED = "promised", _("承诺件")


class TimeUnit(models.TextChoices):
    WORKING_DAYS = "working_days", _("工作日")
    DAYS = "days", _("自然日")


class MatterStage(models.TextChoices):
    """Stages of one party's matter shown by the progress lookup 执法进度网上查询 (seed 000 #5)."""

    ACCEPTED = "accepted", _("已受理")
    INVESTIGATING = "investigating", _("调查取证")
    REVIEWING = "reviewing", _("审核审理")
    DECIDED = "decided", _("已作出决定")
    SERVED = "served", _("已送达")
    CONCLUDED = "concluded", _("已办结")
