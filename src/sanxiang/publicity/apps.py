from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicityConfig(AppConfig):
    """Enforcement publicity."""

    name = "sanxiang.publicity"
    verbose_name = _("行政执法公示")
