"""Task plans (任务分解表), their tasks, milestones and the supervision around them (督办)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.access import ScopedQuerySet, ScopeSpec

from .choices import (
    EventKind,
    Light,
    MatchKind,
    PlanStatus,
    ReminderKind,
    ReportStatus,
    RequestStatus,
    TaskStatus,
    UnitRole,
)

USER = settings.AUTH_USER_MODEL


class TaskPlan(models.Model):
    """One imported task breakdown table or plan 任务分解表/工作方案, owned by one authority.

    Imported as a draft, corrected in the preview, then confirmed: only confirmed plans get
    deadlines, grants and reminders. ``source_sha256`` makes the import idempotent per authority.
    """

    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="task_plans", verbose_name=_("所属机关")
    )
    title = models.CharField(_("标题"), max_length=300)
    source_file = models.ForeignKey(
        "files.StoredFile",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("原文件"),
    )
    source_name = models.CharField(_("原文件名"), max_length=255, blank=True)
    source_sha256 = models.CharField(_("原文件SHA-256"), max_length=64, blank=True)
    plan_year = models.PositiveIntegerField(_("计划年度"), null=True, blank=True)
    status = models.CharField(_("状态"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    notes = models.JSONField(_("备注"), default=list, blank=True)
    warnings = models.JSONField(_("导入提示"), default=list, blank=True)
    layouts = models.JSONField(_("识别的版式"), default=list, blank=True)  # codes of the task-table reader
    imported_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("导入人")
    )
    imported_at = models.DateTimeField(_("导入时间"), default=timezone.now)
    confirmed_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("确认人")
    )
    confirmed_at = models.DateTimeField(_("确认时间"), null=True, blank=True)

    scope = ScopeSpec(authority="authority")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("任务计划")
        verbose_name_plural = _("任务计划")
        ordering = ["-imported_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "source_sha256"],
                condition=~models.Q(source_sha256=""),
                name="taskplan_unique_file_per_authority",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def layout_labels(self) -> list[str]:
        """The layouts the importer recognised in the source file, in words."""
        from sanxiang.lib.tasktables.model import LAYOUT_LABELS

        return [LAYOUT_LABELS.get(code, code) for code in self.layouts]


class Meeting(models.Model):
    """Meeting minutes 会议纪要 (专班例会, 督办会); each agreed item 议定事项 becomes a task."""

    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("所属机关")
    )
    title = models.CharField(_("会议名称"), max_length=200)
    held_on = models.DateField(_("会议日期"))
    minutes = models.TextField(_("会议纪要"), blank=True)
    plan = models.ForeignKey(
        TaskPlan, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("任务计划")
    )
    recorded_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("记录人")
    )
    recorded_at = models.DateTimeField(_("记录时间"), default=timezone.now)

    scope = ScopeSpec(authority="authority")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("会议纪要")
        verbose_name_plural = _("会议纪要")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return self.title


class Task(models.Model):
    """One measure 任务/工作措施 of a plan: text, units by role, deadline text and parsed schedule.

    ``status`` and ``light`` are derived by ``rules`` from the milestones, the progress and the
    day; services refresh them on every change and the daily scan refreshes them as days pass.
    """

    plan = models.ForeignKey(
        TaskPlan, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("任务计划")
    )
    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("所属机关")
    )
    position = models.PositiveIntegerField(_("顺序"))
    seq = models.CharField(_("序号"), max_length=20, blank=True)
    category = models.CharField(_("类别"), max_length=300, blank=True)
    text = models.TextField(_("任务内容"))
    level = models.CharField(_("责任层级"), max_length=40, blank=True)
    deadline_text = models.CharField(_("完成时限"), max_length=500, blank=True)
    schedule = models.JSONField(_("时限解析"), null=True, blank=True)
    parts = models.JSONField(_("分句单位"), default=list, blank=True)
    doubts = models.JSONField(_("存疑之处"), default=list, blank=True)
    source_row = models.PositiveIntegerField(_("原文位置"), null=True, blank=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED
    )
    light = models.CharField(_("灯号"), max_length=10, choices=Light.choices, default=Light.GREEN)
    percent = models.PositiveSmallIntegerField(_("完成进度"), default=0)
    owner_department = models.ForeignKey(
        "core.Department",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("牵头部门"),
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("来源会议"),
    )
    closed_at = models.DateTimeField(_("销号时间"), null=True, blank=True)

    scope = ScopeSpec(authority="authority", department="owner_department")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("督办任务")
        verbose_name_plural = _("督办任务")
        ordering = ["plan", "position"]
        indexes = [models.Index(fields=["status"], name="supervision_task_status")]

    def __str__(self) -> str:
        return f"{self.seq} {self.text[:40]}".strip()

    @property
    def needs_lead(self) -> bool:
        """No lead unit matched (待明确牵头部门): shown on the pages, blocks nothing else.

        The task still has an owner when a responsible unit matched (it acts and reviews until a
        lead is named); without any matched unit only the supervisors act on it.
        """
        return not any(
            unit.role == UnitRole.LEAD and unit.match_kind in (MatchKind.DEPARTMENT, MatchKind.EXTERNAL)
            for unit in self.units.all()
        )


class TaskUnit(models.Model):
    """A unit named by a task, as written, with its role and what it was matched to."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="units", verbose_name=_("任务"))
    name = models.CharField(_("名称（原文）"), max_length=200)
    role = models.CharField(_("角色"), max_length=20, choices=UnitRole.choices)
    match_kind = models.CharField(_("匹配结果"), max_length=20, choices=MatchKind.choices)
    department = models.ForeignKey(
        "core.Department",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("部门"),
    )
    external_unit = models.ForeignKey(
        "core.ExternalUnit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("外部单位"),
    )
    part = models.PositiveSmallIntegerField(_("分句"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("顺序"), default=0)

    class Meta:
        verbose_name = _("任务单位")
        verbose_name_plural = _("任务单位")
        ordering = ["task", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.name}（{self.get_role_display()}）"

    @property
    def acting_department_id(self) -> int | None:
        """The department that acts for this unit: itself, or an external unit's contact department."""
        if self.department_id:
            return self.department_id
        if self.external_unit is not None:
            return self.external_unit.lead_department_id
        return None


class Milestone(models.Model):
    """One dated step of a task; its due date lives in ``holidays.Deadline`` once the plan is confirmed.

    ``planned_date`` is what the schedule says (or a person entered); ``deadline`` is the
    working-day-calendar row recomputed when the calendar changes. ``awaits_event``: the clock
    starts when a person records the event ("实施方案印发后"). ``provisional``: a date found in the
    measure's own text, suggested and not binding until a person confirms it.
    """

    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("任务")
    )
    position = models.PositiveSmallIntegerField(_("顺序"), default=0)
    label = models.CharField(_("节点"), max_length=300)
    schedule = models.JSONField(_("时限解析"), null=True, blank=True)
    planned_date = models.DateField(_("计划完成日期"), null=True, blank=True)
    deadline = models.ForeignKey(
        "holidays.Deadline",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("时限"),
    )
    provisional = models.BooleanField(_("待确认"), default=False)
    awaits_event = models.BooleanField(_("待登记起算事件"), default=False)
    event_label = models.CharField(_("起算事件"), max_length=300, blank=True)
    event_date = models.DateField(_("事件发生日期"), null=True, blank=True)
    owner_department = models.ForeignKey(
        "core.Department",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("责任部门"),
    )
    level_note = models.CharField(_("层级说明"), max_length=200, blank=True)
    done_at = models.DateTimeField(_("完成时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("任务节点")
        verbose_name_plural = _("任务节点")
        ordering = ["task", "position", "pk"]

    def __str__(self) -> str:
        return self.label

    @property
    def due(self):  # -> datetime.date | None
        """The binding due date: the calendar deadline when set, else the planned date."""
        if self.deadline_id:
            return self.deadline.due
        return self.planned_date


class ProgressReport(models.Model):
    """A progress report 进展 with evidence 佐证材料, reviewed by the lead department."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="reports", verbose_name=_("任务"))
    milestone = models.ForeignKey(
        Milestone,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("节点"),
    )
    reporter = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("报送人"))
    department = models.ForeignKey(
        "core.Department", on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("报送部门")
    )
    text = models.TextField(_("进展情况"))
    percent = models.PositiveSmallIntegerField(_("完成进度"))
    evidence = models.ManyToManyField(
        "files.StoredFile", blank=True, related_name="+", verbose_name=_("佐证材料")
    )
    status = models.CharField(
        _("状态"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("报送时间"), default=timezone.now)
    reviewed_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("审核人")
    )
    reviewed_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    comment = models.TextField(_("审核意见"), blank=True)

    class Meta:
        verbose_name = _("进展报送")
        verbose_name_plural = _("进展报送")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.task} {self.percent}%"


class Reminder(models.Model):
    """A reminder or escalation step: 到期提醒, 催办, 督办单 (a numbered document), 报领导."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("任务"))
    milestone = models.ForeignKey(
        Milestone, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("节点")
    )
    kind = models.CharField(_("类别"), max_length=20, choices=ReminderKind.choices)
    day = models.DateField(_("日期"))
    number = models.CharField(_("督办单编号"), max_length=40, blank=True)
    text = models.TextField(_("内容"), blank=True)
    recipient_count = models.PositiveIntegerField(_("通知人数"), default=0)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)

    class Meta:
        verbose_name = _("提醒督办")
        verbose_name_plural = _("提醒督办")
        ordering = ["-day", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["milestone", "kind", "day"], name="reminder_once_per_day"),
            models.UniqueConstraint(
                fields=["milestone", "kind"],
                condition=~models.Q(kind="upcoming"),
                name="reminder_escalation_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}".strip()


class ExtensionRequest(models.Model):
    """A request to move a milestone's due date 延期申请, decided by a supervisor or leader."""

    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="extensions", verbose_name=_("任务")
    )
    milestone = models.ForeignKey(
        Milestone, on_delete=models.CASCADE, related_name="extensions", verbose_name=_("节点")
    )
    requested_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("申请人")
    )
    requested_at = models.DateTimeField(_("申请时间"), default=timezone.now)
    reason = models.TextField(_("延期理由"))
    new_date = models.DateField(_("申请延至"))
    status = models.CharField(
        _("状态"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    decided_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("审批人")
    )
    decided_at = models.DateTimeField(_("审批时间"), null=True, blank=True)
    comment = models.TextField(_("审批意见"), blank=True)

    class Meta:
        verbose_name = _("延期申请")
        verbose_name_plural = _("延期申请")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.task} → {self.new_date}"


class CloseoutRequest(models.Model):
    """A request to close a task 销号, which only an approval closes."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="closeouts", verbose_name=_("任务"))
    requested_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("申请人")
    )
    requested_at = models.DateTimeField(_("申请时间"), default=timezone.now)
    summary = models.TextField(_("完成情况"))
    status = models.CharField(
        _("状态"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    decided_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("审批人")
    )
    decided_at = models.DateTimeField(_("审批时间"), null=True, blank=True)
    comment = models.TextField(_("审批意见"), blank=True)

    class Meta:
        verbose_name = _("销号申请")
        verbose_name_plural = _("销号申请")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return str(self.task)


class TaskEvent(models.Model):
    """One row of a task's history: who did what when (transition rows of the workflow)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="events", verbose_name=_("任务"))
    kind = models.CharField(_("类别"), max_length=30, choices=EventKind.choices)
    actor = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("操作人")
    )
    at = models.DateTimeField(_("时间"), default=timezone.now)
    comment = models.TextField(_("说明"), blank=True)
    data = models.JSONField(_("数据"), default=dict, blank=True)

    class Meta:
        verbose_name = _("任务记录")
        verbose_name_plural = _("任务记录")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return self.get_kind_display()
