"""双随机、一公开 random inspections: items, directories and their frozen snapshots, annual plans,
publicly verifiable draws, inspection tasks with their inspectors, and published results.

A draw never reads the live directory: it reads a ``DirectorySnapshot`` (public rows frozen and
identified by their hash, ``sanxiang.lib.draw.snapshot_hash``). Commitments, draw results and
result publications are records in the portal's publication log (``portal.publog.record_append``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.access import ScopedQuerySet, ScopeSpec

from .choices import (
    AbnormalReason,
    AssignmentStatus,
    ConflictKind,
    DirectoryKind,
    DrawKind,
    DrawMode,
    DrawStatus,
    InspectorRole,
    PlanStatus,
    ResultCategory,
    RiskLevel,
    Scale,
    TargetClass,
    TaskStatus,
)

USER = settings.AUTH_USER_MODEL


class InspectionItem(models.Model):
    """One item of the 随机抽查事项清单 (basis, subject, content, method of a random inspection).

    The list itself is published as the 事前 publicity item ``random_inspection_list``; an item links
    to that catalogue item and, once published, to its publicity entry.
    """

    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("所属机关")
    )
    code = models.CharField(_("事项编号"), max_length=40)
    name = models.CharField(_("检查项目"), max_length=200)
    sub_item = models.CharField(_("检查子项"), max_length=200, blank=True)
    basis = models.TextField(_("检查依据"), blank=True)
    content = models.TextField(_("检查内容"), blank=True)
    method = models.CharField(_("检查方式"), max_length=100, blank=True)
    publicity_item = models.ForeignKey(
        "publicity.Item",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("公示事项"),
    )
    publicity_entry = models.ForeignKey(
        "publicity.Entry",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("公示信息"),
    )
    active = models.BooleanField(_("有效"), default=True)

    scope = ScopeSpec(authority="authority")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("随机抽查事项")
        verbose_name_plural = _("随机抽查事项")
        ordering = ["authority", "code"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "code"], name="inspections_item_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Directory(models.Model):
    """A directory 名录库 of one authority: classified or abnormal targets, or inspectors.

    ``version`` counts the snapshots taken; the live rows are its entries.
    """

    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("所属机关")
    )
    kind = models.CharField(_("类别"), max_length=20, choices=DirectoryKind.choices)
    name = models.CharField(_("名称"), max_length=100)
    version = models.PositiveIntegerField(_("版本"), default=0)
    updated_at = models.DateTimeField(_("更新时间"), default=timezone.now)

    scope = ScopeSpec(authority="authority")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("名录库")
        verbose_name_plural = _("名录库")
        ordering = ["authority", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "kind"], name="inspections_directory_unique_kind")
        ]

    def __str__(self) -> str:
        return self.name


class TargetEntry(models.Model):
    """A taxpayer in a target directory: class, industry, scale, three years' tax and history.

    ``tax_paid`` ({year: yuan}) and the histories are internal data; only the attributes a draw
    filters or weights on go into the public snapshot rows (``rules.target_row``).
    """

    directory = models.ForeignKey(Directory, on_delete=models.CASCADE, related_name="targets")
    authority = models.ForeignKey("core.Authority", on_delete=models.PROTECT, related_name="+")
    taxpayer = models.ForeignKey(
        "enforcement.Taxpayer", on_delete=models.PROTECT, related_name="+", verbose_name=_("纳税人")
    )
    target_class = models.CharField(_("分类"), max_length=30, choices=TargetClass.choices)
    industry = models.CharField(_("行业"), max_length=60, blank=True)
    scale = models.CharField(_("规模"), max_length=10, choices=Scale.choices, blank=True)
    tax_paid = models.JSONField(_("近三年纳税额"), default=dict, blank=True)
    abnormal_reasons = models.JSONField(_("异常情形"), default=list, blank=True)
    risk_level = models.CharField(
        _("风险等级"), max_length=10, choices=RiskLevel.choices, default=RiskLevel.LOW
    )
    credit_grade = models.CharField(_("纳税信用级别"), max_length=2, blank=True)
    inspection_history = models.TextField(_("检查记录"), blank=True)
    penalty_history = models.TextField(_("处罚记录"), blank=True)
    last_inspected_on = models.DateField(_("最近一次随机抽查日期"), null=True, blank=True)
    active = models.BooleanField(_("在库"), default=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    scope = ScopeSpec(authority="authority")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("检查对象")
        verbose_name_plural = _("检查对象")
        ordering = ["directory", "taxpayer__name"]
        constraints = [
            models.UniqueConstraint(fields=["directory", "taxpayer"], name="inspections_target_unique")
        ]

    def __str__(self) -> str:
        return str(self.taxpayer)

    def abnormal_labels(self) -> list[str]:
        return [str(AbnormalReason(r).label) for r in self.abnormal_reasons if r in AbnormalReason.values]


class InspectorEntry(models.Model):
    """A staff member in the 执法检查人员名录库: certificate, expertise, cases in hand."""

    directory = models.ForeignKey(Directory, on_delete=models.CASCADE, related_name="inspectors")
    authority = models.ForeignKey("core.Authority", on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("检查人员"))
    certificate_number = models.CharField(_("执法证号"), max_length=40)
    industries = models.JSONField(_("擅长行业"), default=list, blank=True)
    tax_types = models.JSONField(_("擅长税种"), default=list, blank=True)
    case_types = models.JSONField(_("擅长案件类型"), default=list, blank=True)
    other_cases_in_hand = models.PositiveIntegerField(_("其他在办案件数"), default=0)
    active = models.BooleanField(_("在库"), default=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    scope = ScopeSpec(authority="authority")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("检查人员")
        verbose_name_plural = _("检查人员")
        ordering = ["directory", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["directory", "user"], name="inspections_inspector_unique")
        ]

    def __str__(self) -> str:
        return str(self.user)


class Conflict(models.Model):
    """A declared conflict of interest 回避情形 between an inspector and a taxpayer (data, not judgement)."""

    authority = models.ForeignKey("core.Authority", on_delete=models.PROTECT, related_name="+")
    inspector = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("检查人员")
    )
    taxpayer = models.ForeignKey(
        "enforcement.Taxpayer", on_delete=models.PROTECT, related_name="+", verbose_name=_("纳税人")
    )
    kind = models.CharField(_("回避情形"), max_length=30, choices=ConflictKind.choices)
    note = models.CharField(_("说明"), max_length=300, blank=True)
    declared_at = models.DateTimeField(_("申报时间"), default=timezone.now)

    scope = ScopeSpec(authority="authority")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("回避申报")
        verbose_name_plural = _("回避申报")
        constraints = [
            models.UniqueConstraint(
                fields=["inspector", "taxpayer", "kind"], name="inspections_conflict_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.inspector} / {self.taxpayer}"


class DirectorySnapshot(models.Model):
    """A frozen version of a directory: the public rows a draw reads, identified by their hash."""

    directory = models.ForeignKey(Directory, on_delete=models.PROTECT, related_name="snapshots")
    authority = models.ForeignKey("core.Authority", on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(_("版本"))
    rows = models.JSONField(_("名录数据"), default=list)
    snapshot_hash = models.CharField(_("快照哈希"), max_length=64, db_index=True)
    row_count = models.PositiveIntegerField(_("条数"))
    taken_on = models.DateField(_("基准日期"))
    created_at = models.DateTimeField(_("生成时间"), default=timezone.now)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, related_name="+")

    scope = ScopeSpec(authority="authority")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("名录库快照")
        verbose_name_plural = _("名录库快照")
        ordering = ["directory", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["directory", "version"], name="inspections_snapshot_unique_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.directory} v{self.version}"


class InspectionPlan(models.Model):
    """An annual random-inspection plan 年度抽查计划 of one authority, with its items and ratios.

    ``ratios`` holds the target ratios in force for the plan (defaults from settings, RULES.md §8).
    """

    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("所属机关")
    )
    year = models.PositiveIntegerField(_("年度"))
    title = models.CharField(_("计划名称"), max_length=200)
    items = models.ManyToManyField(
        InspectionItem, blank=True, related_name="plans", verbose_name=_("抽查事项")
    )
    ratios = models.JSONField(_("抽查比例"), default=dict)
    status = models.CharField(_("状态"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)
    approved_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    approved_at = models.DateTimeField(_("批准时间"), null=True, blank=True)
    published_leaf_index = models.BigIntegerField(_("公开日志序号"), null=True, blank=True)
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)

    scope = ScopeSpec(authority="authority")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("年度抽查计划")
        verbose_name_plural = _("年度抽查计划")
        ordering = ["-year", "authority"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "year"], name="inspections_plan_unique_year")
        ]

    def __str__(self) -> str:
        return self.title


class Draw(models.Model):
    """One draw 摇号: committed inputs, then (after a later signed checkpoint) the revealed secret,
    the seed's checkpoint and the ordered result.

    ``secret`` stays unpublished until the draw runs. ``commitment_leaf_index`` and
    ``result_leaf_index`` are the draw's records in the publication log.
    """

    authority = models.ForeignKey("core.Authority", on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(
        InspectionPlan, on_delete=models.PROTECT, related_name="draws", verbose_name=_("抽查计划")
    )
    item = models.ForeignKey(
        InspectionItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("抽查事项"),
    )
    kind = models.CharField(_("类别"), max_length=20, choices=DrawKind.choices)
    mode = models.CharField(_("方式"), max_length=20, choices=DrawMode.choices)
    title = models.CharField(_("名称"), max_length=200)
    snapshot = models.ForeignKey(
        DirectorySnapshot, on_delete=models.PROTECT, related_name="draws", verbose_name=_("名录库快照")
    )
    filters = models.JSONField(_("筛选条件"), default=dict, blank=True)
    count = models.PositiveIntegerField(_("抽取数量"), null=True, blank=True)
    ratio = models.CharField(_("抽取比例"), max_length=12, blank=True)
    weights = models.JSONField(_("权重"), default=list, blank=True)
    algorithm = models.CharField(_("算法版本"), max_length=40)
    secret = models.CharField(max_length=64)
    secret_hash = models.CharField(_("秘密值哈希"), max_length=64)
    status = models.CharField(
        _("状态"), max_length=20, choices=DrawStatus.choices, default=DrawStatus.COMMITTED
    )
    commitment_leaf_index = models.BigIntegerField(_("承诺日志序号"), null=True, blank=True)
    commitment_hash = models.CharField(_("承诺记录哈希"), max_length=64, blank=True)
    committed_at = models.DateTimeField(_("承诺时间"), default=timezone.now)
    committed_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, related_name="+")
    checkpoint_size = models.BigIntegerField(_("检查点大小"), null=True, blank=True)
    checkpoint_root = models.CharField(_("检查点根哈希"), max_length=64, blank=True)
    checkpoint_note = models.TextField(_("签名检查点"), blank=True)
    result = models.JSONField(_("抽取结果"), default=list, blank=True)
    eligible = models.PositiveIntegerField(_("符合条件数"), null=True, blank=True)
    result_leaf_index = models.BigIntegerField(_("结果日志序号"), null=True, blank=True)
    drawn_at = models.DateTimeField(_("抽取时间"), null=True, blank=True)
    drawn_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # Inspector draws: the task they staff, and for a redraw the recused assignment it replaces.
    task = models.ForeignKey(
        "InspectionTask", on_delete=models.PROTECT, null=True, blank=True, related_name="inspector_draws"
    )
    replaces = models.ForeignKey(
        "Assignment", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    scope = ScopeSpec(authority="authority")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("摇号")
        verbose_name_plural = _("摇号")
        ordering = ["-committed_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class InspectionTask(models.Model):
    """A drawn target's inspection 检查任务: the enforcement act it opened, its due date, its result."""

    authority = models.ForeignKey("core.Authority", on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(InspectionPlan, on_delete=models.PROTECT, related_name="tasks")
    draw = models.ForeignKey(Draw, on_delete=models.PROTECT, related_name="tasks")
    position = models.PositiveIntegerField(_("抽取顺序"))
    target = models.ForeignKey(
        TargetEntry, on_delete=models.PROTECT, related_name="tasks", verbose_name=_("检查对象")
    )
    taxpayer = models.ForeignKey("enforcement.Taxpayer", on_delete=models.PROTECT, related_name="+")
    target_name = models.CharField(_("检查对象名称（公开）"), max_length=200)
    target_uscc = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    act = models.ForeignKey(
        "enforcement.EnforcementAct",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("执法行为"),
    )
    status = models.CharField(_("状态"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.OPEN)
    started_on = models.DateField(_("检查开始日期"))
    due_on = models.DateField(_("检查期限"))
    ended_on = models.DateField(_("检查结束日期"), null=True, blank=True)
    result_category = models.CharField(
        _("检查结果"), max_length=20, choices=ResultCategory.choices, blank=True
    )
    outcome = models.TextField(_("处理结果"), blank=True)
    publish_due_on = models.DateField(_("公开期限"), null=True, blank=True)
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)
    published_leaf_index = models.BigIntegerField(_("公开日志序号"), null=True, blank=True)
    published_document = models.JSONField(_("公开内容"), default=dict, blank=True)

    scope = ScopeSpec(authority="authority")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("检查任务")
        verbose_name_plural = _("检查任务")
        ordering = ["-started_on", "draw", "position"]
        constraints = [
            models.UniqueConstraint(fields=["draw", "position"], name="inspections_task_unique_position")
        ]

    def __str__(self) -> str:
        return self.target_name


class Assignment(models.Model):
    """An inspector on a task (主查 or 辅查), drawn by ``draw``; a recusal keeps the row and names its reason."""

    authority = models.ForeignKey("core.Authority", on_delete=models.PROTECT, related_name="+")
    task = models.ForeignKey(InspectionTask, on_delete=models.CASCADE, related_name="assignments")
    inspector = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("检查人员")
    )
    role = models.CharField(_("角色"), max_length=20, choices=InspectorRole.choices)
    draw = models.ForeignKey(Draw, on_delete=models.PROTECT, related_name="assignments")
    status = models.CharField(
        _("状态"), max_length=20, choices=AssignmentStatus.choices, default=AssignmentStatus.ACTIVE
    )
    recusal_kind = models.CharField(_("回避情形"), max_length=30, choices=ConflictKind.choices, blank=True)
    recusal_reason = models.CharField(_("回避理由"), max_length=300, blank=True)
    recused_at = models.DateTimeField(_("回避时间"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    scope = ScopeSpec(authority="authority")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("检查人员选派")
        verbose_name_plural = _("检查人员选派")
        ordering = ["task", "role", "pk"]

    def __str__(self) -> str:
        return f"{self.task} {self.get_role_display()} {self.inspector}"
