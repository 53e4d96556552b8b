from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    """Evaluation 评估考核: indicators computed from the modules' own data, loop checks, snapshots."""

    name = "sanxiang.evaluation"
    verbose_name = _("评估考核")

    def ready(self) -> None:
        from django.conf import settings

        from sanxiang.kernel.demo import register_demo_step
        from sanxiang.kernel.modules import HomePanel, StaffModule, register_home_panel, register_module
        from sanxiang.kernel.schedule import Periodic, register_periodic

        from .demo import demo_evaluation
        from .selectors import VIEW_ROLES, home_panel_context

        register_module(
            StaffModule(
                code="evaluation",
                label=_("评估考核"),
                url_name="evaluation:home",
                description=_("一局式、一员式评估，闭环检查，专项评估与定档"),
                roles=VIEW_ROLES,
                order=70,
            )
        )
        register_home_panel(
            HomePanel(
                code="evaluation",
                template="evaluation/_home_panel.html",
                context=home_panel_context,
                order=10,
            )
        )
        register_periodic(
            Periodic(
                # Every day at 06:30: find broken loops between the systems and take the daily snapshot.
                name="evaluation.daily",
                cron="30 6 * * *",
                task_path="sanxiang.evaluation.tasks.evaluation_daily_task",
                description="闭环检查与日常评估",
            )
        )
        register_periodic(
            Periodic(
                # Pages read figures computed here, never compute them in the request.
                name="evaluation.refresh",
                cron=settings.SANXIANG_EVALUATION_REFRESH_CRON,
                task_path="sanxiang.evaluation.tasks.evaluation_refresh_task",
                description="评估指标计算（供页面读取）",
            )
        )
        register_demo_step(80, "evaluation", demo_evaluation, label=_("评估考核"))
