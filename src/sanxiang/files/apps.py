from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilesConfig(AppConfig):
    """File store."""

    name = "sanxiang.files"
    verbose_name = _("文件存储")

    def ready(self) -> None:
        from . import uploads

        uploads.configure_safe_reader()
        # Uploads spooled by a process that was killed are removed when the next one starts.
        uploads.spool_clean()
