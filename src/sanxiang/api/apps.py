from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """API tokens, root router and error handler."""

    name = "sanxiang.api"
    verbose_name = _("接口")

    def ready(self) -> None:
        from sanxiang.api import schema  # noqa: F401  (registers the OpenAPI auth extension)
