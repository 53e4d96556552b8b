"""Choices of 双随机、一公开 random inspections (names from GLOSSARY.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DirectoryKind(models.TextChoices):
    CLASSIFIED = "classified", _("分类名录库")
    ABNORMAL = "abnormal", _("异常名录库")
    INSPECTOR = "inspector", _("执法检查人员名录库")


class TargetClass(models.TextChoices):
    """Classes of the 分类名录库 (税总发〔2015〕104号)."""

    KEY_NATIONAL = "key_national", _("全国重点税源企业")
    KEY_PROVINCIAL = "key_provincial", _("省级重点税源企业")
    KEY_MUNICIPAL = "key_municipal", _("市级重点税源企业")
    OTHER_ENTERPRISE = "other_enterprise", _("非重点税源企业")
    NON_ENTERPRISE = "non_enterprise", _("非企业纳税人")


KEY_SOURCE_CLASSES = (TargetClass.KEY_NATIONAL, TargetClass.KEY_PROVINCIAL, TargetClass.KEY_MUNICIPAL)


class AbnormalReason(models.TextChoices):
    """Why a taxpayer is in the 异常名录库 (税总发〔2015〕104号)."""

    LONG_TERM_ABNORMAL = "long_term_abnormal", _("长期纳税申报异常")
    HIGH_RISK = "high_risk", _("税收高风险")
    LOW_CREDIT = "low_credit", _("纳税信用级别低")
    REPEATEDLY_REPORTED = "repeatedly_reported", _("多次被检举")
    JOINT_PUNISHMENT = "joint_punishment", _("列入联合惩戒名单")


class Scale(models.TextChoices):
    LARGE = "large", _("大型")
    MEDIUM = "medium", _("中型")
    SMALL = "small", _("小型")
    MICRO = "micro", _("微型")


class RiskLevel(models.TextChoices):
    HIGH = "high", _("高")
    MEDIUM = "medium", _("中")
    LOW = "low", _("低")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    APPROVED = "approved", _("已批准")
    PUBLISHED = "published", _("已公开")


class DrawKind(models.TextChoices):
    TARGET = "target", _("检查对象抽取")
    INSPECTOR = "inspector", _("检查人员选派")


class DrawMode(models.TextChoices):
    DIRECTED = "directed", _("定向")
    UNDIRECTED = "undirected", _("不定向")


class DrawStatus(models.TextChoices):
    COMMITTED = "committed", _("已承诺待抽取")
    DRAWN = "drawn", _("已抽取")


class InspectorRole(models.TextChoices):
    LEAD = "lead", _("主查")
    ASSISTANT = "assistant", _("辅查")


class AssignmentStatus(models.TextChoices):
    ACTIVE = "active", _("在岗")
    RECUSED = "recused", _("已回避")


class ConflictKind(models.TextChoices):
    """Declared conflicts of interest 回避情形 (税总发〔2016〕74号)."""

    RELATIVE = "relative", _("近亲属关系")
    FORMER_EMPLOYMENT = "former_employment", _("曾在该单位任职")
    MANAGING_DEPARTMENT = "managing_department", _("负责该纳税人日常管理")
    OTHER = "other", _("其他利害关系")


class TaskStatus(models.TextChoices):
    OPEN = "open", _("检查中")
    FINISHED = "finished", _("检查结束")
    PUBLISHED = "published", _("结果已公开")


class ResultCategory(models.TextChoices):
    """National result categories of a random inspection (RULES.md §8)."""

    NO_PROBLEM = "no_problem", _("未发现问题")
    CORRECTED = "corrected", _("发现问题已责令改正")
    CASE_OPENED = "case_opened", _("立案查处")
    NOT_FOUND = "not_found", _("未发现开展经营活动")
    OTHER = "other", _("其他")
