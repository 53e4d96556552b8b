"""A background job: one long import or export, run by the worker, watched on its page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.kernel.access import ScopedQuerySet, ScopeSpec, is_org_admin

if TYPE_CHECKING:
    from sanxiang.kernel.access import Actor


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("排队中")
    RUNNING = "running", _("进行中")
    DONE = "done", _("已完成")
    FAILED = "failed", _("失败")


class JobQuerySet(ScopedQuerySet["Job"]):
    def visible_to(self, user: Actor) -> Self:
        """The user's own jobs; an administrator also sees every job of the units in their data scope."""
        if user is None or not user.is_authenticated:
            return self.none()
        own = self.filter(owner=user)
        if is_org_admin(user):
            return own | super().visible_to(user)
        return own


class Job(models.Model):
    """One background job of a registered kind (``sanxiang.jobs.registry``).

    The worker claims a queued job with a conditional update (``job_run``), so a task run twice
    never does the work twice. ``done``/``total``/``stage`` are written by the kind's progress
    callback at most twice a second; ``heartbeat_at`` is the time of the last such write, by which
    the sweep tells a job whose worker died. The input files (``StoredFile`` rows owned by the job,
    purpose ``jobs.input``) and the result file live in the one file store.
    """

    kind = models.CharField(_("任务类型"), max_length=60)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("提交人")
    )
    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("所属机关")
    )
    status = models.CharField(_("状态"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    params = models.JSONField(_("参数"), default=dict, blank=True)
    done = models.PositiveIntegerField(_("已处理"), default=0)
    total = models.PositiveIntegerField(_("总数"), default=0, help_text=_("0 表示尚不知道总数"))
    stage = models.CharField(_("当前步骤"), max_length=100, blank=True)
    result = models.JSONField(_("结果"), default=dict, blank=True)
    error = models.TextField(_("错误信息"), blank=True)
    result_file = models.ForeignKey(
        "files.StoredFile",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("结果文件"),
    )
    created_at = models.DateTimeField(_("提交时间"), default=timezone.now)
    started_at = models.DateTimeField(_("开始时间"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("最近进度时间"), null=True, blank=True)
    finished_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    once_key = models.CharField(
        _("唯一键"),
        max_length=100,
        blank=True,
        default="",
        editable=False,
        help_text=_("非空时，同一键只能有一个任务（例如对同一预览的确认导入）"),
    )

    scope = ScopeSpec(authority="authority", owner="owner", roles=("administrator",))
    objects = JobQuerySet.as_manager()

    class Meta:
        verbose_name = _("后台任务")
        verbose_name_plural = _("后台任务")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["owner", "-created_at"], name="job_owner_idx"),
            models.Index(fields=["status", "heartbeat_at"], name="job_status_idx"),
        ]
        constraints = [
            # A job that may exist once (the import confirming one dry run): a second submission,
            # however concurrent, fails here rather than importing twice.
            models.UniqueConstraint(
                fields=["once_key"], condition=~models.Q(once_key=""), name="job_once_key_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def percent(self) -> int | None:
        """Progress in whole percent; None while the total is unknown."""
        if self.status == JobStatus.DONE:
            return 100
        if not self.total:
            return None
        return min(100, self.done * 100 // self.total)
