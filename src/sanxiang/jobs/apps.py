from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "jobs.job.created": _("提交后台任务"),
    "jobs.job.started": _("开始执行后台任务"),
    "jobs.job.finished": _("后台任务完成"),
    "jobs.job.failed": _("后台任务失败"),
}


class JobsConfig(AppConfig):
    """Background jobs: long imports and exports run by the worker, with a progress bar on their page."""

    name = "sanxiang.jobs"
    verbose_name = _("后台任务")

    def ready(self) -> None:
        from sanxiang.audit.labels import register_action_label
        from sanxiang.files.selectors import serve_only_through_owner
        from sanxiang.kernel.jobs import register_job_backend
        from sanxiang.kernel.schedule import Periodic, register_periodic, register_startup_hook

        from . import selectors
        from .services import (
            INPUT_PURPOSE,
            RESULT_PURPOSE,
            job_create,
            job_input_files,
            job_input_open,
            job_sweep_stale,
        )

        register_periodic(
            Periodic(
                # Every five minutes: a job left "running" by a worker that died (no progress for
                # SANXIANG_JOB_STALE_MINUTES) is marked failed with a clear message.
                name="jobs.sweep_stale",
                cron="*/5 * * * *",
                task_path="sanxiang.jobs.tasks.job_sweep_stale_task",
                description="清理中断的后台任务",
            )
        )
        register_periodic(
            Periodic(
                # Nightly: an export's result file is deleted SANXIANG_JOB_RESULT_DAYS after its job.
                name="jobs.expire_results",
                cron="40 2 * * *",
                task_path="sanxiang.jobs.tasks.job_results_expire_task",
                description="删除超过保留期限的导出结果文件",
            )
        )
        for code, label in ACTION_LABELS.items():
            register_action_label(code, label)
        # A job's files open only through the job's pages (owner and in-scope administrators), never
        # through the generic file pages, where the unit's file scope would let a colleague in.
        serve_only_through_owner(INPUT_PURPOSE)
        serve_only_through_owner(RESULT_PURPOSE)
        # The organisation, below this app, creates and reads its jobs through the kernel's port.
        register_job_backend(
            create=job_create,
            get=selectors.job_get,
            input_files=job_input_files,
            input_open=job_input_open,
        )
        # And at once when a worker starts, so a clerk does not wait for the next sweep.
        register_startup_hook(job_sweep_stale)
