from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicityConfig(AppConfig):
    """Enforcement publicity."""

    name = "sanxiang.publicity"
    verbose_name = _("行政执法公示")

    def ready(self) -> None:
        from sanxiang.kernel.demo import register_demo_step
        from sanxiang.kernel.modules import StaffModule, register_module, register_todo_provider
        from sanxiang.kernel.schedule import Periodic, register_periodic

        from .demo import demo_publicity
        from .selectors import publicity_todos

        register_module(
            StaffModule(
                code="publicity",
                label=_("执法公示"),
                url_name="publicity:entry_list",
                description=_("事前事中事后公示：起草、导入、保密审查、发布、更正与撤回"),
                roles=("enforcement_officer", "publicity_approver", "leader", "administrator"),
                order=20,
            )
        )
        register_todo_provider(publicity_todos)
        from . import measures

        measures.register()
        register_periodic(
            Periodic(
                # Every day at 06:30: withdrawal limits, display expiry and due-date reminders.
                name="publicity.daily",
                cron="30 6 * * *",
                task_path="sanxiang.publicity.tasks.publicity_daily_task",
                description="执法公示每日检查：撤回时限、公示期满、到期提醒",
            )
        )
        register_demo_step(40, "publicity", demo_publicity, label=_("执法公示"))
        from . import jobs

        jobs.register()
