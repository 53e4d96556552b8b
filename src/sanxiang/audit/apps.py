from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """Audit trail."""

    name = "sanxiang.audit"
    verbose_name = _("审计日志")

    def ready(self) -> None:
        from sanxiang.audit.models import AUDIT_ROLES
        from sanxiang.kernel.modules import StaffModule, register_module
        from sanxiang.kernel.schedule import register_shutdown_hook

        from .services import audit_checkpoint_create

        # A clean worker shutdown signs the chain's head (issue 16: the unprotected tail is bounded).
        register_shutdown_hook(audit_checkpoint_create)

        register_module(
            StaffModule(
                code="audit",
                label=_("审计日志"),
                url_name="audit:index",
                description=_("全部模块的新增、变更与被拒绝操作，哈希链防篡改"),
                roles=AUDIT_ROLES,
                order=900,
            )
        )
