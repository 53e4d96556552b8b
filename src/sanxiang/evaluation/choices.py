from django.db import models
from django.utils.translation import gettext_lazy as _


class Dimension(models.TextChoices):
    SUBSTANCE = "substance", _("实体")
    PROCEDURE = "procedure", _("程序")
    TECHNOLOGY = "technology", _("技术")
    OTHER = "other", _("其他")


class System(models.TextChoices):
    """Where an indicator's data comes from (the module that registers its measure)."""

    PUBLICITY = "publicity", _("执法公示")
    RECORDS = "records", _("全过程记录")
    REVIEW = "review", _("法制审核")
    INFORMATION_REQUESTS = "information_requests", _("依申请公开")
    DISCLOSURE = "disclosure", _("政务公开")
    SUPERVISION = "supervision", _("任务督办")
    INSPECTIONS = "inspections", _("双随机抽查")
    ORG = "org", _("队伍建设")


class Direction(models.TextChoices):
    HIGHER = "higher", _("越高越好")
    LOWER = "lower", _("越低越好")


class SnapshotKind(models.TextChoices):
    DAILY = "daily", _("日常评估（每日）")
    MONTH = "month", _("日常评估（月度定档）")
    SPECIAL = "special", _("专项评估")


class CampaignStatus(models.TextChoices):
    OPEN = "open", _("进行中")
    CLOSED = "closed", _("已定档")


GRADE_LABELS = {"A": _("优秀"), "B": _("良好"), "C": _("合格"), "D": _("不合格")}
