"""Choices of open government 政务公开 (proactive side)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DisclosureAttribute(models.TextChoices):
    """公开属性, set when an official document is drafted (seed 001 #39)."""

    PROACTIVE = "proactive", _("主动公开")
    ON_REQUEST = "on_request", _("依申请公开")
    WITHHELD = "withheld", _("不予公开")


class WithheldReason(models.TextChoices):
    """The closed list of legal reasons for 不予公开 (政府信息公开条例第十四条至第十六条)."""

    STATE_SECRET = "state_secret", _("属于国家秘密（条例第十四条）")
    PROHIBITED_BY_LAW = "prohibited_by_law", _("法律、行政法规禁止公开（条例第十四条）")
    SECURITY_STABILITY = (
        "security_stability",
        _("公开后可能危及国家安全、公共安全、经济安全、社会稳定（条例第十四条）"),
    )
    THIRD_PARTY = "third_party", _("涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害（条例第十五条）")
    INTERNAL_AFFAIRS = "internal_affairs", _("内部事务信息（条例第十六条第一款）")
    PROCESS_INFORMATION = "process_information", _("过程性信息（条例第十六条第二款）")
    ENFORCEMENT_CASE_FILE = "enforcement_case_file", _("行政执法案卷信息（条例第十六条第二款）")


class DocumentKind(models.TextChoices):
    RULE = "rule", _("规章")
    NORMATIVE = "normative", _("行政规范性文件")
    OTHER = "other", _("其他文件")


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", _("拟稿")
    SUBMITTED = "submitted", _("已报办公室审核")
    RETURNED = "returned", _("已退文")
    REGISTERED = "registered", _("已登记")
    REVIEWED = "reviewed", _("保密审查通过")
    PUBLISHED = "published", _("已公开")


class CatalogueHeading(models.TextChoices):
    """Headings of the 主动公开目录 (the standard 目录体系 of tax authorities; seed 001 #41)."""

    FUNCTIONS = "functions", _("机构职能")
    REGULATIONS = "regulations", _("法规文件")
    PLANS = "plans", _("规划计划")
    FINANCE = "finance", _("财政信息")
    TAX_POLICY = "tax_policy", _("税费政策")
    ENFORCEMENT = "enforcement", _("执法信息")
    PERSONNEL = "personnel", _("人事信息")
    SERVICES = "services", _("办事服务")
    STATISTICS = "statistics", _("统计数据")
    RULINGS = "rulings", _("个案批复")
    OTHER = "other", _("其他信息")


class Validity(models.TextChoices):
    """The four base validities every configurable validity label maps to (GLOSSARY)."""

    IN_FORCE = "in_force", _("有效")
    PARTLY_VOID = "partly_void", _("部分失效")
    VOID = "void", _("失效")
    REPEALED = "repealed", _("废止")


class InterpretationKind(models.TextChoices):
    TEXT = "text", _("文字解读")
    DIAGRAM = "diagram", _("图解")
    QA = "qa", _("问答")


class InterpretationStatus(models.TextChoices):
    DRAFT = "draft", _("待发布")
    PUBLISHED = "published", _("已发布")


class ConsultationKind(models.TextChoices):
    NORMATIVE = "normative", _("规范性文件")
    MAJOR_DECISION = "major_decision", _("重大行政决策")


class ConsultationStatus(models.TextChoices):
    DRAFT = "draft", _("未发布")
    OPEN = "open", _("已发布征求意见")
    SUMMARY_PUBLISHED = "summary_published", _("已公布采纳情况")


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    PUBLISHED = "published", _("已发布")
    REJECTED = "rejected", _("未通过审核")


class CommentAnswer(models.TextChoices):
    ADOPTED = "adopted", _("采纳")
    PARTLY = "partly", _("部分采纳")
    NOT_ADOPTED = "not_adopted", _("未采纳")


class RectificationStatus(models.TextChoices):
    ASSIGNED = "assigned", _("整改中")
    ANSWERED = "answered", _("已整改反馈")


class IncidentSeverity(models.TextChoices):
    ORDINARY = "ordinary", _("一般")
    MAJOR = "major", _("重大")
    ESPECIALLY_MAJOR = "especially_major", _("特别重大")


class RulingStatus(models.TextChoices):
    REGISTERED = "registered", _("已登记")
    PUBLISHED = "published", _("已公布")
