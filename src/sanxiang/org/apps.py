from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Organisation and access."""

    name = "sanxiang.org"
    # The label stays "core": tables (core_user …), migration history and AUTH_USER_MODEL
    # ("core.User") are untouched by the move of the package from sanxiang.org to sanxiang.org.
    label = "core"
    verbose_name = _("组织与权限")

    def ready(self) -> None:
        from sanxiang.kernel.modules import HomePanel, StaffModule, register_home_panel, register_module
        from sanxiang.org.overview import leader_overview

        register_module(
            StaffModule(
                code="org",
                label=_("组织机构"),
                url_name="org:overview",
                description=_("机关、部门、人员、数据权限与组织架构导入"),
                roles=("administrator",),
                order=90,
            )
        )
        # A leader's units x modules: overdue now, due this week, change against last month.
        register_home_panel(
            HomePanel(
                code="leader_overview",
                template="core/_leader_overview.html",
                context=leader_overview,
                order=5,
            )
        )
        from sanxiang.org import measures as org_measures

        org_measures.register()
        from sanxiang.org import jobs as org_jobs

        org_jobs.register()
