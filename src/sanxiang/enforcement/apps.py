from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnforcementConfig(AppConfig):
    """Taxpayers and enforcement acts."""

    name = "sanxiang.enforcement"
    verbose_name = _("纳税人与执法行为")
