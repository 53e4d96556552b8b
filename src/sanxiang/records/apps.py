from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    """Whole-process records 执法全过程记录."""

    name = "sanxiang.records"
    label = "records"
    verbose_name = _("执法全过程记录")

    def ready(self) -> None:
        from sanxiang.audit.labels import register_action_label
        from sanxiang.kernel.demo import register_demo_step
        from sanxiang.kernel.modules import StaffModule, register_module, register_todo_provider
        from sanxiang.kernel.schedule import Periodic, register_periodic

        from .demo import demo_records
        from .permissions import READ_ROLES
        from .todos import todos_for

        register_module(
            StaffModule(
                code="records",
                label=_("执法全过程记录"),
                url_name="records:record_list",
                description=_("音像与文字记录、断点续传上传、调阅留痕、应录未录、保管与销毁"),
                roles=READ_ROLES,
                order=25,
            )
        )
        register_todo_provider(todos_for)
        from . import jobs, measures

        measures.register()
        jobs.register()
        register_periodic(
            Periodic(
                # Every hour at :20: expire abandoned resumable uploads and delete their partial bytes.
                name="records.upload_expiry",
                cron="20 * * * *",
                task_path="sanxiang.records.tasks.upload_expiry_task",
                description="清理过期未完成的断点续传上传",
            )
        )
        register_periodic(
            Periodic(
                # Every day at 06:00, after the file store's sweep: fixity results onto the records.
                name="records.fixity_sync",
                cron="0 6 * * *",
                task_path="sanxiang.records.tasks.fixity_sync_task",
                description="执法记录完整性校验结果登记与告警",
            )
        )
        register_demo_step(65, "records", demo_records, label=_("执法全过程记录"))
        for code, label in {
            "records.record.viewed": _("查看/播放执法记录"),
            "records.record.downloaded": _("下载执法记录"),
            "records.record.exported": _("导出执法记录"),
            "records.record.hold_placed": _("保全冻结执法记录"),
            "records.record.hold_released": _("解除执法记录保全冻结"),
            "records.record.disposed": _("销毁执法记录"),
            "records.record.fixity_failed": _("执法记录完整性校验失败"),
            "records.upload.created": _("开始上传执法记录"),
            "records.upload.terminated": _("取消上传执法记录"),
            "records.upload.expired": _("未完成上传已过期"),
            "records.matter_list.published": _("发布音像记录事项清单"),
            "records.disposal_order.submitted": _("提交销毁清单"),
            "records.disposal_order.approved": _("批准销毁清单"),
            "records.disposal_order.rejected": _("驳回销毁清单"),
            "records.disposal_order.executed": _("执行销毁"),
        }.items():
            register_action_label(code, label)
