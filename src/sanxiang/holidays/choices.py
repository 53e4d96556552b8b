"""Choices of the working-day calendar."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarDayKind(models.TextChoices):
    PUBLIC_HOLIDAY = "public_holiday", _("法定节假日")
    ADJUSTED_WORKING_DAY = "adjusted_working_day", _("调休上班")


class RuleUnit(models.TextChoices):
    WORKING_DAYS = "working_days", _("工作日")
    DAYS = "days", _("自然日")


class YearBasis(models.TextChoices):
    """Where a year's working days come from."""

    OFFICIAL = "official", _("官方数据")
    ADMINISTRATOR = "administrator", _("管理员录入")
    PROVISIONAL = "provisional", _("暂定")
