from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnforcementConfig(AppConfig):
    """Taxpayers and enforcement acts."""

    name = "sanxiang.enforcement"
    verbose_name = _("纳税人与执法行为")

    def ready(self) -> None:
        from sanxiang.kernel.modules import StaffModule, register_module

        register_module(
            StaffModule(
                code="enforcement",
                label=_("执法行为"),
                url_name="enforcement:act_list",
                description=_("纳税人一户式档案、执法行为与决定"),
                roles=("enforcement_officer", "legal_reviewer", "leader", "administrator"),
            )
        )
