from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InformationRequestsConfig(AppConfig):
    """Disclosure requests (依申请公开) and the annual report."""

    name = "sanxiang.information_requests"
    label = "information_requests"
    verbose_name = _("依申请公开")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from sanxiang.portal.pagecache import invalidate_on_change

        # Its public pages show its own rows: any change makes the cached public pages stale.
        invalidate_on_change(self)
        from sanxiang.audit.labels import register_action_label
        from sanxiang.kernel.demo import register_demo_step
        from sanxiang.kernel.modules import StaffModule, register_module, register_todo_provider
        from sanxiang.kernel.schedule import Periodic, register_periodic

        from .demo import demo_information_requests
        from .selectors import todos_for

        register_module(
            StaffModule(
                code="information_requests",
                label=_("依申请公开"),
                url_name="information_requests:request_list",
                description=_("政府信息公开申请的登记、交办、答复与年度报告"),
                roles=("open_government_officer", "open_government_head", "legal_reviewer"),
                order=60,
            )
        )
        register_todo_provider(todos_for)
        from . import measures

        measures.register()
        register_periodic(
            Periodic(
                # Every day at 07:00: recompute every open request's clock, close abandoned ones.
                name="information_requests.daily",
                cron="0 7 * * *",
                task_path="sanxiang.information_requests.tasks.information_requests_daily_task",
                description="依申请公开计时刷新与视为放弃处理",
            )
        )
        register_demo_step(60, "information_requests", demo_information_requests, label=_("依申请公开"))
        for code, label in {
            "information_requests.request.submitted": _("网上提交政府信息公开申请"),
            "information_requests.request.created": _("登记政府信息公开申请"),
            "information_requests.request.register": _("政府信息公开申请登记"),
            "information_requests.request.assign": _("交办政府信息公开申请"),
            "information_requests.request.draft": _("拟写依申请公开答复"),
            "information_requests.request.send_to_review": _("答复送法制/保密审查"),
            "information_requests.request.submit_for_approval": _("答复送负责人审批"),
            "information_requests.request.return": _("退回依申请公开答复"),
            "information_requests.request.approve": _("批准依申请公开答复"),
            "information_requests.request.issue": _("发出依申请公开答复"),
            "information_requests.request.route_away": _("信访投诉举报类申请转其他渠道"),
            "information_requests.request.close_abandoned": _("申请视为放弃并办结"),
            "information_requests.request.archive": _("依申请公开归档"),
            "information_requests.clock.received": _("确认收到申请之日"),
            "information_requests.clock.correction_notice": _("发出补正告知"),
            "information_requests.clock.correction_received": _("收到补正"),
            "information_requests.clock.extension": _("批准延期答复"),
            "information_requests.clock.consultation_sent": _("发出征求意见"),
            "information_requests.clock.consultation_replied": _("收到征求意见答复"),
            "information_requests.clock.fee_notice": _("发出信息处理费缴费通知"),
            "information_requests.clock.fee_paid": _("登记缴费"),
            "information_requests.clock.replied": _("答复期限停止计时"),
            "information_requests.assignment.answered": _("承办部门反馈检索结果"),
            "information_requests.consultation.answered": _("登记征求意见结果"),
            "information_requests.reply.delivered": _("登记答复送达"),
            "information_requests.template.saved": _("修改告知书模板"),
            "information_requests.remedy.created": _("登记复议诉讼"),
            "information_requests.remedy.outcome_recorded": _("登记复议诉讼结果"),
            "information_requests.annual_report.saved": _("编辑政府信息公开年度报告"),
            "information_requests.annual_report.published": _("发布政府信息公开年度报告"),
        }.items():
            register_action_label(code, label)
