from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    """Task supervision."""

    name = "sanxiang.supervision"
    verbose_name = _("任务督办")

    def ready(self) -> None:
        from sanxiang.kernel.demo import register_demo_step
        from sanxiang.kernel.modules import StaffModule, register_module, register_todo_provider
        from sanxiang.kernel.schedule import Periodic, register_periodic

        from .demo import demo_supervision
        from .selectors import todos_for

        register_module(
            StaffModule(
                code="supervision",
                label=_("任务督办"),
                url_name="supervision:plan_list",
                description=_("任务分解表导入、进展报送、催办督办与督办报告"),
                order=50,
            )
        )
        register_todo_provider(todos_for)
        from . import jobs

        jobs.register()
        from . import measures

        measures.register()
        register_periodic(
            Periodic(
                # Every day at 07:30: refresh task lights, remind before due dates, escalate overdue tasks.
                name="supervision.daily",
                cron="30 7 * * *",
                task_path="sanxiang.supervision.tasks.supervision_daily_task",
                description="督办任务到期提醒与逾期督办",
            )
        )
        register_demo_step(50, "supervision", demo_supervision, label=_("任务督办"))
