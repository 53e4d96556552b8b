from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Notifications."""

    name = "sanxiang.notifications"
    verbose_name = _("通知")
