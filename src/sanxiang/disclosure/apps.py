from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    """Open government 政务公开: proactive disclosure."""

    name = "sanxiang.disclosure"
    label = "disclosure"
    verbose_name = _("政务公开")

    def ready(self) -> None:
        from sanxiang.portal.pagecache import invalidate_on_change

        # Its public pages show its own rows: any change makes the cached public pages stale.
        invalidate_on_change(self)
        from sanxiang.audit.labels import register_action_label
        from sanxiang.kernel.demo import register_demo_step
        from sanxiang.kernel.modules import StaffModule, register_module, register_todo_provider
        from sanxiang.kernel.schedule import Periodic, register_periodic

        from .demo import demo_disclosure
        from .selectors import todos_for

        register_module(
            StaffModule(
                code="disclosure",
                label=_("政务公开"),
                url_name="disclosure:home",
                description=_(
                    "公文公开属性、主动公开目录、税费政策库与解读、征求意见、好差评、政务舆情、个案批复"
                ),
                order=55,
            )
        )
        register_todo_provider(todos_for)
        from . import measures

        measures.register()
        register_periodic(
            Periodic(
                # Every 10 minutes: public-opinion timers run in clock hours, day and night.
                name="disclosure.incident_alerts",
                cron="*/10 * * * *",
                task_path="sanxiang.disclosure.tasks.disclosure_incident_alerts_task",
                description="政务舆情回应时限提醒",
            )
        )
        for code, label in {
            "disclosure.document.attribute_set": _("修改公文公开属性"),
            "disclosure.document.registered": _("公文公开属性审核通过"),
            "disclosure.document.reviewed": _("公文保密审查通过"),
            "disclosure.document.validity_changed": _("标注文件效力变更"),
            "disclosure.consultation.opened": _("发布征求意见"),
            "disclosure.consultation.summary_published": _("公布意见采纳情况"),
            "disclosure.consultation.linked": _("关联征求意见的正式文件"),
            "disclosure.comment.approved": _("公众意见审核发布"),
            "disclosure.comment.rejected": _("公众意见不予发布"),
            "disclosure.comment.answered": _("答复公众意见"),
            "disclosure.rectification.answered": _("反馈差评整改情况"),
            "disclosure.incident.info_released": _("登记舆情权威信息发布"),
            "disclosure.incident.press_held": _("登记舆情新闻发布会"),
        }.items():
            register_action_label(code, label)
        register_demo_step(55, "disclosure", demo_disclosure, label=_("政务公开"))
