from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Jobs and messages: the in-app inbox, e-mail notifications and the periodic schedule's claims."""

    name = "sanxiang.notifications"
    verbose_name = _("通知")

    def ready(self) -> None:
        from sanxiang.kernel.schedule import check_schedule

        # The schedule's claim table lives in this app, so its check is registered here.
        checks.register(check_schedule)
