"""Legal review of major decisions: catalogue versions, cases, their workflow trail, benchmarks.

A ``ReviewCase`` is built on the shared enforcement domain: it links an ``EnforcementAct`` (taxpayer,
handling officers) and carries the proposed decision; the issued decision is an enforcement
``Decision``. Every model here is written only through ``sanxiang.review.services``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.enforcement.choices import DecisionKind
from sanxiang.kernel.access import ScopedQuerySet, ScopeSpec
from sanxiang.org.models import SourcedRecord

from .choices import (
    CaseStatus,
    Certainty,
    DecisionMode,
    Finding,
    Opinion,
    PauseReason,
    ReviewPoint,
    Subject,
)

_USER = settings.AUTH_USER_MODEL
_MONEY: dict[str, Any] = {"max_digits": 16, "decimal_places": 2}


class ReviewCatalogue(models.Model):
    """One version of an authority's review catalogue 法制审核事项清单 (no authority: the default).

    ``filed_on`` is the date the version was filed with the superior authority (报上级备案);
    the version in force for a case is the latest effective one of the nearest authority upwards.
    """

    authority = models.ForeignKey(
        "core.Authority",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="review_catalogues",
        verbose_name=_("制定机关"),
    )
    name = models.CharField(_("名称"), max_length=200)
    version = models.CharField(_("版本"), max_length=40)
    effective_from = models.DateField(_("施行日期"))
    filed_on = models.DateField(_("报上级备案日期"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("法制审核事项清单")
        verbose_name_plural = _("法制审核事项清单")
        ordering = ["authority_id", "-effective_from", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "version"], name="review_catalogue_unique_version"),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.version}）"


class CatalogueRule(models.Model):
    """One row of a catalogue version: kinds, amount thresholds per subject, other condition."""

    catalogue = models.ForeignKey(ReviewCatalogue, on_delete=models.CASCADE, related_name="rules")
    code = models.CharField(_("代码"), max_length=40)
    label = models.CharField(_("事项"), max_length=200)
    act_kinds = models.JSONField(_("执法类别"), default=list, blank=True)
    condition = models.CharField(_("其他条件"), max_length=40, blank=True)
    amount_field = models.CharField(_("金额口径"), max_length=20, blank=True)
    threshold_organisation = models.DecimalField(_("单位金额门槛"), null=True, blank=True, **_MONEY)
    threshold_individual = models.DecimalField(_("个人金额门槛"), null=True, blank=True, **_MONEY)
    collective = models.BooleanField(_("须集体审议"), default=False)
    quorum = models.CharField(_("法定人数（成员单位比例）"), max_length=10, default="2/3")
    leaders_collective = models.BooleanField(_("须负责人集体讨论决定"), default=False)
    basis = models.CharField(_("依据"), max_length=300, blank=True)
    certainty = models.CharField(
        _("核实程度"), max_length=20, choices=Certainty.choices, default=Certainty.UNCONFIRMED
    )
    order = models.PositiveIntegerField(_("序号"), default=0)

    class Meta:
        verbose_name = _("清单事项")
        verbose_name_plural = _("清单事项")
        ordering = ["catalogue", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["catalogue", "code"], name="catalogue_rule_unique_code")
        ]

    def __str__(self) -> str:
        return self.label


class ChecklistItem(models.Model):
    """An editable checklist item under one review point (no authority: the default list)."""

    authority = models.ForeignKey(
        "core.Authority", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    point = models.CharField(_("审核要点"), max_length=30, choices=ReviewPoint.choices)
    text = models.CharField(_("审核内容"), max_length=300)
    order = models.PositiveIntegerField(_("序号"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = _("审核清单项")
        verbose_name_plural = _("审核清单项")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class ReviewCase(SourcedRecord):
    """A proposed decision of an enforcement act on its way to the leader's decision.

    ``needs_review``/``fired_rules`` record what detection said (against ``catalogue``);
    ``unreviewed`` flags a decision issued without the review it needed (应审未审).
    """

    act = models.ForeignKey(
        "enforcement.EnforcementAct",
        on_delete=models.PROTECT,
        related_name="review_cases",
        verbose_name=_("执法行为"),
    )
    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("执法机关")
    )
    department = models.ForeignKey(
        "core.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("承办部门"),
    )
    title = models.CharField(_("案件名称"), max_length=200)
    subject = models.CharField(_("当事人类型"), max_length=20, choices=Subject.choices)
    decision_kind = models.CharField(_("拟作决定类别"), max_length=30, choices=DecisionKind.choices)
    facts = models.TextField(_("违法事实"), blank=True)
    legal_basis = models.TextField(_("法律依据"), blank=True)
    proposal = models.TextField(_("拟处理意见"), blank=True)
    case_file = models.TextField(_("案卷材料说明（调查终结报告、证据目录）"), blank=True)
    penalty_amount = models.DecimalField(_("拟罚款"), default=0, **_MONEY)
    tax_amount = models.DecimalField(_("涉及税款"), default=0, **_MONEY)
    conditions = models.JSONField(_("其他情形"), default=list, blank=True)
    violation_code = models.CharField(_("违法行为代码"), max_length=40, blank=True)
    violation_date = models.DateField(_("违法行为发生日期"), null=True, blank=True)
    discretion_facts = models.JSONField(_("裁量情节"), default=dict, blank=True)
    penalty_reason = models.TextField(
        _("拟罚款超出幅度的理由"),
        blank=True,
        help_text=_("拟罚款超出裁量幅度或法定幅度时必须填写（行政处罚法第五条、第三十四条）"),
    )
    catalogue = models.ForeignKey(ReviewCatalogue, on_delete=models.PROTECT, null=True, related_name="+")
    needs_review = models.BooleanField(_("须法制审核"), default=False)
    fired_rules = models.JSONField(_("命中清单事项"), default=list, blank=True)
    collective_required = models.BooleanField(_("须集体审议"), default=False)
    quorum = models.CharField(_("法定人数"), max_length=10, blank=True)
    leaders_collective = models.BooleanField(_("须负责人集体讨论决定"), default=False)
    status = models.CharField(_("状态"), max_length=30, choices=CaseStatus.choices, default=CaseStatus.DRAFT)
    round = models.PositiveIntegerField(_("送审轮次"), default=0)
    reviewer = models.ForeignKey(
        _USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("审核人员")
    )
    submitted_on = models.DateField(_("首次送审日期"), null=True, blank=True)
    approved_on = models.DateField(_("审核通过日期"), null=True, blank=True)
    decided_on = models.DateField(_("决定日期"), null=True, blank=True)
    decided_by = models.ForeignKey(
        _USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("决定人")
    )
    decision_mode = models.CharField(_("决定方式"), max_length=20, choices=DecisionMode.choices, blank=True)
    decision_note = models.TextField(_("决定意见"), blank=True)
    decision = models.OneToOneField(
        "enforcement.Decision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="review_case",
        verbose_name=_("执法决定"),
    )
    unreviewed = models.BooleanField(_("应审未审"), default=False)
    was_returned = models.BooleanField(_("曾被退回"), default=False)
    extended = models.BooleanField(_("已延长时限"), default=False)

    scope = ScopeSpec(authority="authority", department="department", owner="created_by")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("法制审核案件")
        verbose_name_plural = _("法制审核案件")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_system", "source_id"],
                condition=~models.Q(source_id=""),
                name="review_case_unique_source",
            ),
        ]
        indexes = [
            models.Index(fields=["authority", "status"]),
            # The evaluation counts by period: decided, submitted and approved on a day range.
            models.Index(fields=["decided_on"], name="review_case_decided_on"),
            models.Index(fields=["submitted_on"], name="review_case_submitted_on"),
            models.Index(fields=["approved_on"], name="review_case_approved_on"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_paused(self) -> bool:
        from .rules import PAUSED_STATES

        return self.status in PAUSED_STATES


class CaseTransition(models.Model):
    """One workflow step taken: who, when, from which state to which, with the reasons."""

    case = models.ForeignKey(ReviewCase, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(_("操作"), max_length=40)
    source = models.CharField(_("原状态"), max_length=30, choices=CaseStatus.choices)
    target = models.CharField(_("新状态"), max_length=30, choices=CaseStatus.choices)
    round = models.PositiveIntegerField(_("轮次"), default=0)
    actor = models.ForeignKey(
        _USER, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("操作人")
    )
    on = models.DateField(_("日期"))
    at = models.DateTimeField(_("时间"), auto_now_add=True)
    comment = models.TextField(_("说明"), blank=True)

    class Meta:
        verbose_name = _("流转记录")
        verbose_name_plural = _("流转记录")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.source}→{self.target}"


class ReviewOpinion(models.Model):
    """The reviewer's written opinion for one round (审核意见书), with its checklist findings."""

    case = models.ForeignKey(ReviewCase, on_delete=models.CASCADE, related_name="opinions")
    round = models.PositiveIntegerField(_("轮次"))
    reviewer = models.ForeignKey(
        _USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("审核人员")
    )
    opinion = models.CharField(_("审核意见"), max_length=30, choices=Opinion.choices)
    reasons = models.TextField(_("理由"))
    issued_on = models.DateField(_("出具日期"))

    class Meta:
        verbose_name = _("审核意见")
        verbose_name_plural = _("审核意见")
        ordering = ["round", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id}#{self.round} {self.get_opinion_display()}"


class ChecklistFinding(models.Model):
    """The finding on one checklist item in one opinion."""

    opinion = models.ForeignKey(ReviewOpinion, on_delete=models.CASCADE, related_name="findings")
    point = models.CharField(_("审核要点"), max_length=30, choices=ReviewPoint.choices)
    text = models.CharField(_("审核内容"), max_length=300)
    finding = models.CharField(_("结论"), max_length=10, choices=Finding.choices)
    note = models.TextField(_("说明"), blank=True)

    class Meta:
        verbose_name = _("审核清单结论")
        verbose_name_plural = _("审核清单结论")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.text}：{self.get_finding_display()}"


class Deliberation(models.Model):
    """A collective deliberation 集体审议: member units, attendance, votes and minutes."""

    case = models.ForeignKey(ReviewCase, on_delete=models.CASCADE, related_name="deliberations")
    round = models.PositiveIntegerField(_("轮次"))
    held_on = models.DateField(_("审议日期"))
    member_units = models.JSONField(_("成员单位"), default=list)
    attended_units = models.JSONField(_("出席单位"), default=list)
    attendees = models.TextField(_("出席人员"), blank=True)
    votes_for = models.PositiveIntegerField(_("同意票"), default=0)
    votes_against = models.PositiveIntegerField(_("反对票"), default=0)
    abstentions = models.PositiveIntegerField(_("弃权票"), default=0)
    quorum = models.CharField(_("法定人数"), max_length=10)
    quorum_met = models.BooleanField(_("达到法定人数"))
    passed = models.BooleanField(_("通过"))
    outcome = models.CharField(_("审议结论"), max_length=30)
    minutes = models.TextField(_("会议纪要"))
    recorded_by = models.ForeignKey(_USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("集体审议")
        verbose_name_plural = _("集体审议")
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.held_on:%Y-%m-%d}"


class CasePause(models.Model):
    """A stretch of time the clock stood still (补充调查、请示上级、征求意见; RULES.md 0.20)."""

    case = models.ForeignKey(ReviewCase, on_delete=models.CASCADE, related_name="pauses")
    stage = models.CharField(_("阶段"), max_length=20)
    reason = models.CharField(_("原因"), max_length=20, choices=PauseReason.choices)
    started_on = models.DateField(_("中止日期"))
    ended_on = models.DateField(_("恢复日期"), null=True, blank=True)
    remaining = models.PositiveIntegerField(_("剩余期限"))
    unit = models.CharField(_("单位"), max_length=20)

    class Meta:
        verbose_name = _("时限中止")
        verbose_name_plural = _("时限中止")
        ordering = ["started_on", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.get_reason_display()} {self.started_on:%Y-%m-%d}"


class BenchmarkVersion(models.Model):
    """One version of a discretion benchmark 裁量基准, stored exactly as the lib's JSON form."""

    name = models.CharField(_("名称"), max_length=200)
    region = models.CharField(_("适用地区"), max_length=100)
    version = models.CharField(_("版本"), max_length=40)
    effective_from = models.DateField(_("施行日期"))
    effective_until = models.DateField(_("失效日期"), null=True, blank=True)
    certainty = models.CharField(
        _("核实程度"), max_length=20, choices=Certainty.choices, default=Certainty.UNCONFIRMED
    )
    source = models.TextField(_("来源"), blank=True)
    payload = models.JSONField(_("基准内容"))
    imported_at = models.DateTimeField(_("导入时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("裁量基准版本")
        verbose_name_plural = _("裁量基准版本")
        ordering = ["effective_from", "pk"]
        constraints = [models.UniqueConstraint(fields=["name", "version"], name="benchmark_unique_version")]

    def __str__(self) -> str:
        return f"《{self.name}》({self.version})"


class ExemptionBatch(models.Model):
    """One national 首违不罚 batch (国家税务总局公告2021年第6号, 2021年第33号)."""

    batch = models.PositiveIntegerField(_("批次"), unique=True)
    announcement = models.CharField(_("公告"), max_length=100)
    effective_from = models.DateField(_("施行日期"))
    items = models.JSONField(_("事项"))

    class Meta:
        verbose_name = _("首违不罚清单")
        verbose_name_plural = _("首违不罚清单")
        ordering = ["batch"]

    def __str__(self) -> str:
        return f"{self.announcement}（第{self.batch}批）"
