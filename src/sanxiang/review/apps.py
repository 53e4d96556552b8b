from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    """Legal review of major decisions."""

    name = "sanxiang.review"
    verbose_name = _("重大执法决定法制审核")

    def ready(self) -> None:
        from sanxiang.kernel.demo import register_demo_step
        from sanxiang.kernel.modules import StaffModule, register_module, register_todo_provider
        from sanxiang.kernel.schedule import Periodic, register_periodic

        from . import demo, todos

        register_module(
            StaffModule(
                code="review",
                label=_("法制审核"),
                url_name="review:case_list",
                description=_("重大执法决定法制审核、集体审议与裁量基准"),
                roles=(
                    "enforcement_officer",
                    "legal_reviewer",
                    "review_committee_member",
                    "leader",
                    "administrator",
                ),
                order=30,
            )
        )
        register_todo_provider(todos.review_todos)
        from . import jobs, measures

        measures.register()
        jobs.register()
        # Every day at 06:10: accept issued decisions without a case, list 应审未审 per unit.
        register_periodic(
            Periodic(
                name="review.unreviewed_scan",
                cron="10 6 * * *",
                task_path="sanxiang.review.tasks.unreviewed_scan_task",
                description="应审未审决定扫描",
            )
        )
        # Monday to Friday at 08:30: remind reviewers of overdue reviews.
        register_periodic(
            Periodic(
                name="review.overdue_remind",
                cron="30 8 * * 1-5",
                task_path="sanxiang.review.tasks.overdue_remind_task",
                description="法制审核超期提醒",
            )
        )
        register_demo_step(60, "review", demo.review_step, label=_("法制审核"))
