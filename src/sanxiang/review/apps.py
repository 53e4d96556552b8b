from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    """Legal review of major decisions."""

    name = "sanxiang.review"
    verbose_name = _("重大执法决定法制审核")
