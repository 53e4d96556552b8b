from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionsConfig(AppConfig):
    """双随机、一公开 random inspections."""

    name = "sanxiang.inspections"
    label = "inspections"
    verbose_name = _("双随机、一公开")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from sanxiang.portal.pagecache import invalidate_on_change

        # Its public pages show its own rows: any change makes the cached public pages stale.
        invalidate_on_change(self)
        from sanxiang.audit.labels import register_action_label
        from sanxiang.kernel.choices import RoleCode
        from sanxiang.kernel.demo import register_demo_step
        from sanxiang.kernel.modules import StaffModule, register_module, register_todo_provider

        from .demo import demo_inspections
        from .selectors import todos_for

        register_module(
            StaffModule(
                code="inspections",
                label=_("双随机、一公开"),
                url_name="inspections:index",
                description=_("名录库、年度抽查计划、可验证摇号、检查人员选派与结果公开"),
                roles=(RoleCode.INSPECTION_ORGANISER, RoleCode.LEADER, RoleCode.ADMINISTRATOR),
                order=60,
            )
        )
        register_todo_provider(todos_for)
        from . import jobs, measures

        measures.register()
        jobs.register()
        register_demo_step(70, "inspections", demo_inspections, label=_("双随机、一公开"))
        for code, label in {
            "inspections.draw.committed": _("承诺摇号条件"),
            "inspections.draw.drawn": _("执行摇号"),
            "inspections.beacon.created": _("追加随机信标"),
            "inspections.assignment.recused": _("检查人员回避"),
            "inspections.task.result_recorded": _("登记抽查结果"),
            "inspections.task.published": _("公开抽查结果"),
            "inspections.plan.published": _("公开抽查计划"),
            "inspections.snapshot.created": _("生成名录库快照"),
        }.items():
            register_action_label(code, label)
