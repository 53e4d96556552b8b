from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """Audit trail."""

    name = "sanxiang.audit"
    verbose_name = _("审计日志")

    def ready(self) -> None:
        from sanxiang.audit.models import AUDIT_ROLES
        from sanxiang.kernel.auditing import register_audit_writer
        from sanxiang.kernel.demo import register_demo_finisher
        from sanxiang.kernel.modules import StaffModule, register_module
        from sanxiang.kernel.schedule import register_shutdown_hook

        from .services import audit_checkpoint_create, audit_log, audit_log_many

        # The organisation (below this app) audits through the kernel's port.
        register_audit_writer(log=audit_log, log_many=audit_log_many)
        # A clean worker shutdown signs the chain's head (issue 16: the unprotected tail is bounded).
        register_shutdown_hook(audit_checkpoint_create)
        # So does the end of load_demo, rather than waiting for the worker's checkpoint.
        register_demo_finisher(audit_checkpoint_create)

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
