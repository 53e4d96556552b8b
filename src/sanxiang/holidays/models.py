"""Holiday arrangements entered by administrators, and every module's statutory deadlines."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.holidays.choices import CalendarDayKind, RuleUnit


class CalendarYear(models.Model):
    """One year's State Council holiday arrangement as entered by an administrator.

    It replaces the ``chinese-calendar`` package's data for that year entirely: a year either has
    all its days here or none. Written only through ``calendar_year_save``.
    """

    year = models.PositiveSmallIntegerField(_("年度"), unique=True)
    source = models.CharField(_("依据文件"), max_length=200, help_text=_("如 国办发明电〔2024〕12号"))
    notes = models.TextField(_("备注"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("录入人"),
    )
    entered_at = models.DateTimeField(_("录入时间"), default=timezone.now)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("年度放假安排")
        verbose_name_plural = _("年度放假安排")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)


class CalendarDay(models.Model):
    """A public holiday (rest day) or an adjusted working day (调休上班) of a ``CalendarYear``."""

    calendar_year = models.ForeignKey(
        CalendarYear, on_delete=models.CASCADE, related_name="days", verbose_name=_("年度")
    )
    date = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("类型"), max_length=30, choices=CalendarDayKind.choices)
    name = models.CharField(_("名称"), max_length=40, blank=True, help_text=_("如 春节、国庆节"))

    class Meta:
        verbose_name = _("节假日/调休日")
        verbose_name_plural = _("节假日/调休日")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()} {self.name}".strip()


class DeadlineQuerySet(models.QuerySet):
    def open(self) -> DeadlineQuerySet:
        return self.filter(closed_at__isnull=True)

    def overdue(self, today: datetime.date) -> DeadlineQuerySet:
        return self.open().filter(due__lt=today)

    def for_owner(self, owner: models.Model) -> DeadlineQuerySet:
        content_type = ContentType.objects.get_for_model(owner, for_concrete_model=False)
        return self.filter(content_type=content_type, object_id=owner.pk)

    def touching_year(self, year: int) -> DeadlineQuerySet:
        """Deadlines whose computation looked at ``year``: the start … due window overlaps it."""
        return self.filter(start__lte=datetime.date(year, 12, 31), due__gte=datetime.date(year, 1, 1))


class Deadline(models.Model):
    """A statutory time limit of some object (publication, request, review …): the one place they live.

    ``purpose`` names which limit of the owner it is ("publicity.publish"); one row per owner and
    purpose. ``due`` is derived from ``start`` and the rule on the holiday calendar and is
    recomputed when an administrator enters or changes a year it depends on. ``provisional`` means
    a year in the window had no arrangement. Written only through the services in
    ``sanxiang.holidays.services``.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("对象类型"))
    object_id = models.PositiveBigIntegerField(_("对象编号"))
    owner = GenericForeignKey("content_type", "object_id")
    purpose = models.CharField(_("时限代码"), max_length=80, help_text=_("如 publicity.publish"))
    label = models.CharField(_("时限名称"), max_length=200)
    start = models.DateField(_("起算日"), help_text=_("起算日当日不计入期限"))
    rule_unit = models.CharField(_("计算单位"), max_length=20, choices=RuleUnit.choices)
    rule_n = models.PositiveIntegerField(_("期限天数"))
    tax_extension = models.BooleanField(
        _("按征管法实施细则第一百零九条顺延"),
        default=False,
        help_text=_("期限内连续3日以上法定休假日的，按休假日天数顺延"),
    )
    due = models.DateField(_("截止日"))
    provisional = models.BooleanField(_("暂定"), default=False, help_text=_("期间涉及尚未录入放假安排的年度"))
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        verbose_name = _("法定时限")
        verbose_name_plural = _("法定时限")
        ordering = ["due", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "purpose"], name="deadline_unique_purpose_per_owner"
            ),
        ]
        indexes = [
            models.Index(
                fields=["due"], condition=models.Q(closed_at__isnull=True), name="deadline_open_due"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} {self.due:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def rule_text(self) -> str:
        return f"{self.rule_n} {self.get_rule_unit_display()}"
