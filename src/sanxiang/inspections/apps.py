from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionsConfig(AppConfig):
    """双随机、一公开 random inspections."""

    name = "sanxiang.inspections"
    label = "inspections"
    verbose_name = _("双随机、一公开")
    default_auto_field = "django.db.models.BigAutoField"
