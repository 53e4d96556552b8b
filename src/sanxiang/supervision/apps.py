from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    """Task supervision."""

    name = "sanxiang.supervision"
    verbose_name = _("任务督办")
