"""Evaluation 评估考核: the indicator library (versioned data), loop findings, special evaluations
and frozen, hash-chained snapshots of results."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.access import ScopedQuerySet, ScopeSpec

from .choices import CampaignStatus, Dimension, Direction, SnapshotKind, System

_USER = settings.AUTH_USER_MODEL


class IndicatorLibrary(models.Model):
    """One version of the indicator library 指标库; a period is evaluated under the version in force
    on its first day. Versions are never edited once in force: a change is a new version."""

    version = models.PositiveIntegerField(_("版本"), unique=True)
    name = models.CharField(_("名称"), max_length=200)
    effective_from = models.DateField(_("施行日期"))
    grade_scores = models.JSONField(_("档次得分"), default=dict)
    total_bands = models.JSONField(_("总分定档"), default=list)
    note = models.TextField(_("说明"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("评估指标库")
        verbose_name_plural = _("评估指标库")
        ordering = ["-effective_from", "-version"]

    def __str__(self) -> str:
        return f"{self.name}（第{self.version}版）"


class Indicator(models.Model):
    library = models.ForeignKey(
        IndicatorLibrary, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("指标库")
    )
    code = models.CharField(_("指标编号"), max_length=20)
    name = models.CharField(_("指标名称"), max_length=100)
    dimension = models.CharField(_("维度"), max_length=20, choices=Dimension.choices)
    system = models.CharField(_("所属制度/模块"), max_length=30, choices=System.choices)
    measure = models.CharField(_("计算口径"), max_length=80)
    direction = models.CharField(_("方向"), max_length=10, choices=Direction.choices)
    weight = models.DecimalField(_("权重"), max_digits=6, decimal_places=2)
    bands = models.JSONField(_("分档标准"), default=list)
    levels = models.JSONField(_("适用层级"), default=list)
    description = models.TextField(_("说明"), blank=True)
    position = models.PositiveIntegerField(_("顺序"), default=0)

    class Meta:
        verbose_name = _("评估指标")
        verbose_name_plural = _("评估指标")
        ordering = ["library", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["library", "code"], name="evaluation_indicator_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class LoopFinding(models.Model):
    """One broken loop between the systems (应审未审, 应录未录, 应公示未公示 …), kept while it lasts.

    Found and resolved by the periodic loop check; the owner is the unit, department and officer
    of the record behind it."""

    check_code = models.CharField(_("检查项"), max_length=60)
    key = models.CharField(_("对象"), max_length=80)
    label = models.CharField(_("问题"), max_length=300)
    url = models.CharField(_("链接"), max_length=300)
    authority = models.ForeignKey(
        "core.Authority", on_delete=models.CASCADE, related_name="+", verbose_name=_("责任单位")
    )
    department = models.ForeignKey(
        "core.Department",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("责任部门"),
    )
    officer = models.ForeignKey(
        _USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("责任人")
    )
    due = models.DateField(_("应办日期"), null=True, blank=True)
    found_at = models.DateTimeField(_("发现时间"))
    resolved_at = models.DateTimeField(_("消除时间"), null=True, blank=True)

    scope = ScopeSpec(authority="authority", department="department", owner="officer")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("闭环检查问题")
        verbose_name_plural = _("闭环检查问题")
        ordering = ["resolved_at", "due", "pk"]
        constraints = [models.UniqueConstraint(fields=["check_code", "key"], name="evaluation_loop_key")]
        indexes = [models.Index(fields=["check_code", "resolved_at"], name="evaluation_loop_open")]

    def __str__(self) -> str:
        return self.label


class Campaign(models.Model):
    """A special evaluation 专项评估: its own indicators, scope, period and manual findings."""

    name = models.CharField(_("名称"), max_length=200)
    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("评估范围")
    )
    period_start = models.DateField(_("评估期起"))
    period_end = models.DateField(_("评估期止"))
    library = models.ForeignKey(IndicatorLibrary, on_delete=models.PROTECT, related_name="+")
    indicator_codes = models.JSONField(_("评估指标"), default=list)
    status = models.CharField(
        _("状态"), max_length=10, choices=CampaignStatus.choices, default=CampaignStatus.OPEN
    )
    created_by = models.ForeignKey(
        _USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("发起人")
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    scope = ScopeSpec(authority="authority", owner="created_by")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("专项评估")
        verbose_name_plural = _("专项评估")
        ordering = ["-period_end", "-pk"]

    def __str__(self) -> str:
        return self.name


class Finding(models.Model):
    """A finding added by hand in a special evaluation (with its evidence), deducting points."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="findings")
    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("被评估单位")
    )
    department = models.ForeignKey(
        "core.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("部门"),
    )
    indicator_code = models.CharField(_("相关指标"), max_length=20, blank=True)
    description = models.TextField(_("问题描述"))
    deduction = models.DecimalField(_("扣分"), max_digits=6, decimal_places=2, default=0)
    evidence = models.ForeignKey(
        "files.StoredFile",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("佐证材料"),
    )
    created_by = models.ForeignKey(
        _USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("登记人")
    )
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("专项评估发现问题")
        verbose_name_plural = _("专项评估发现问题")
        ordering = ["campaign", "pk"]

    def __str__(self) -> str:
        return self.description[:40]


class Snapshot(models.Model):
    """Results of a closed period, frozen: never updated; each links to the previous one by its digest
    (SM3 over the previous digest and the canonical content), and its digest is written to the
    audit chain, so that a later data correction shows as a difference, not a silent change."""

    kind = models.CharField(_("类别"), max_length=10, choices=SnapshotKind.choices)
    campaign = models.OneToOneField(
        Campaign, on_delete=models.PROTECT, null=True, blank=True, related_name="snapshot"
    )
    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("评估范围")
    )
    period_start = models.DateField(_("评估期起"))
    period_end = models.DateField(_("评估期止"))
    as_of = models.DateField(_("评估日"))
    library = models.ForeignKey(IndicatorLibrary, on_delete=models.PROTECT, related_name="+")
    results = models.JSONField(_("结果"))
    previous_digest = models.CharField(_("前一快照摘要"), max_length=64)
    digest = models.CharField(_("摘要（SM3）"), max_length=64, unique=True)
    created_by = models.ForeignKey(
        _USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("定档人")
    )
    created_at = models.DateTimeField(_("定档时间"))

    scope = ScopeSpec(authority="authority")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("评估结果快照")
        verbose_name_plural = _("评估结果快照")
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "authority", "period_start", "period_end"],
                condition=models.Q(campaign__isnull=True),
                name="evaluation_snapshot_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_start}–{self.period_end}"
