"""Statuses and kinds of task supervision (督办)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("待确认")
    CONFIRMED = "confirmed", _("已确认")


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("未开始")
    IN_PROGRESS = "in_progress", _("推进中")
    DONE = "done", _("已完成")
    OVERDUE = "overdue", _("已逾期")
    ONGOING = "ongoing", _("持续推进")


class Light(models.TextChoices):
    GREEN = "green", _("绿灯")
    YELLOW = "yellow", _("黄灯")
    RED = "red", _("红灯")


class UnitRole(models.TextChoices):
    LEAD = "lead", _("牵头")
    RESPONSIBLE = "responsible", _("责任")
    COOPERATING = "cooperating", _("配合")


class MatchKind(models.TextChoices):
    DEPARTMENT = "department", _("部门")
    EXTERNAL = "external", _("外部单位")
    GROUP = "group", _("泛指")
    AUTHORITY = "authority", _("本机关")
    UNMATCHED = "unmatched", _("未匹配")


class ReportStatus(models.TextChoices):
    SUBMITTED = "submitted", _("待审核")
    ACCEPTED = "accepted", _("已采纳")
    RETURNED = "returned", _("已退回")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("待审批")
    APPROVED = "approved", _("已批准")
    REJECTED = "rejected", _("未批准")


class ReminderKind(models.TextChoices):
    UPCOMING = "upcoming", _("到期提醒")
    URGE = "urge", _("催办")
    ORDER = "order", _("督办单")
    LEADER = "leader", _("报领导")


class EventKind(models.TextChoices):
    """What the task page's history shows, one row per state change."""

    IMPORTED = "imported", _("导入")
    EDITED = "edited", _("修改")
    CONFIRMED = "confirmed", _("确认下达")
    EVENT_RECORDED = "event_recorded", _("登记起算事件")
    REPORTED = "reported", _("报送进展")
    REPORT_ACCEPTED = "report_accepted", _("采纳进展")
    REPORT_RETURNED = "report_returned", _("退回进展")
    STATUS = "status", _("状态变化")
    REMINDED = "reminded", _("提醒督办")
    EXTENSION_REQUESTED = "extension_requested", _("申请延期")
    EXTENSION_DECIDED = "extension_decided", _("延期审批")
    CLOSEOUT_REQUESTED = "closeout_requested", _("申请销号")
    CLOSEOUT_DECIDED = "closeout_decided", _("销号审批")
    ROLLED = "rolled", _("生成下一周期节点")
