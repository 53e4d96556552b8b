from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """Public portal."""

    name = "sanxiang.portal"
    verbose_name = _("公众门户")

    def ready(self) -> None:
        from sanxiang.kernel.schedule import Periodic, register_periodic

        register_periodic(
            Periodic(
                # Every five minutes: the statistics, computed once for every worker (shared cache),
                # so no visitor waits for a count over a million entries after a restart or midnight.
                name="portal.statistics",
                cron="*/5 * * * *",
                task_path="sanxiang.portal.tasks.statistics_refresh_task",
                description="公示统计后台计算",
            )
        )
        register_periodic(
            Periodic(
                # Every day at 00:10: entries whose display period ended yesterday leave the portal.
                name="portal.expire_entries",
                cron="10 0 * * *",
                task_path="sanxiang.portal.tasks.expire_entries_task",
                description="公示期满下线",
            )
        )
