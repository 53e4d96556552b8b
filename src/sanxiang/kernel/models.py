"""The kernel's one table: the claims of the periodic schedule (``sanxiang.kernel.schedule``)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PeriodicRun(models.Model):
    """One claimed slot of a periodic schedule entry: inserting the row is the claim.

    The unique (name, scheduled_for) pair makes the first scheduler to insert the row the one
    that enqueues the run; any other worker ticking at the same time gets an IntegrityError and
    skips it. ``task_result_id`` is filled once the task has been enqueued.
    """

    name = models.CharField(_("计划任务"), max_length=100)
    scheduled_for = models.DateTimeField(_("计划时间"))
    claimed_at = models.DateTimeField(_("认领时间"), default=timezone.now)
    task_result_id = models.CharField(_("任务结果编号"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("计划任务运行")
        verbose_name_plural = _("计划任务运行")
        ordering = ["-scheduled_for", "name"]
        # Moved from the notifications app without touching the table (see migration 0001).
        db_table = "notifications_periodicrun"
        constraints = [
            models.UniqueConstraint(fields=["name", "scheduled_for"], name="periodic_run_unique_slot"),
        ]

    def __str__(self) -> str:
        return f"{self.name} @ {self.scheduled_for:%Y-%m-%d %H:%M}"
