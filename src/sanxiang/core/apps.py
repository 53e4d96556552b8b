from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Organisation and access."""

    name = "sanxiang.core"
    verbose_name = _("组织与权限")
