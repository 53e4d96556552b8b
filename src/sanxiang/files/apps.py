from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilesConfig(AppConfig):
    """File store."""

    name = "sanxiang.files"
    verbose_name = _("文件存储")
