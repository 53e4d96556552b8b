from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HolidaysConfig(AppConfig):
    """Working-day calendar and the deadlines computed on it."""

    name = "sanxiang.holidays"
    verbose_name = _("工作日历")

    def ready(self) -> None:
        from django.core import checks

        from sanxiang.holidays.checks import check_calendar_years
        from sanxiang.kernel.modules import StaffModule, register_module

        register_module(
            StaffModule(
                code="calendar",
                label=_("工作日历"),
                url_name="holidays:index",
                description=_("法定节假日、调休安排与期限计算"),
                roles=(),
                order=900,
            )
        )
        checks.register(check_calendar_years)
