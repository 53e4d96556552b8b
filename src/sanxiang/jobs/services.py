"""Writers of background jobs: create (and enqueue), claim and run, report progress, sweep.

**Where progress is written, and why there.** ``Progress`` writes the job's row with a plain
``UPDATE`` on the worker's own connection, in autocommit, so the page polling the job sees it at
once. It must therefore be called *between* the work's transactions, never inside one: inside,
the row would only become visible at the commit. A second connection (a second database alias)
does not help on SQLite: the import's transaction holds the database's one write lock from its
``BEGIN IMMEDIATE``, so the second connection's ``UPDATE`` would wait out the busy timeout behind
its own thread and fail. The services run as jobs are therefore structured so that their long,
read-only phases (reading and checking rows, masking, extracting text from 文书) run outside the
write transaction and report progress row by row; the final write is one short transaction (the
publicity import's all-or-nothing insert) or one per unit (one per 文书). This holds the same on
PostgreSQL, where it also keeps the row lock on the job out of the import's transaction.

**Idempotence.** ``job_run`` claims a queued job with a conditional ``UPDATE`` that must return 1;
a task delivered twice, or re-run after a crash, finds the job no longer queued and does nothing,
so nothing is ever imported twice. A job whose worker died stays "running" until
``job_sweep_stale`` (every five minutes and at each worker start) finds no progress from it for
``SANXIANG_JOB_STALE_MINUTES`` and marks it failed with a message saying what to check.
"""

from __future__ import annotations

import datetime
import logging
import time
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING, Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_log
from sanxiang.files import storage
from sanxiang.files.models import StoredFile
from sanxiang.files.services import file_destroy_many, file_store, file_store_from_upload
from sanxiang.kernel.exceptions import DomainError
from sanxiang.kernel.tasks import enqueue_on_commit

from .models import Job, JobStatus
from .registry import job_kind

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from sanxiang.org.models import Authority, User

logger = logging.getLogger("sanxiang.jobs")

INPUT_PURPOSE = "jobs.input"
RESULT_PURPOSE = "jobs.result"
# Seconds between two progress writes of one job (a stage change is written at once).
PROGRESS_INTERVAL = 0.5


@transaction.atomic
def job_create(
    *,
    actor: User,
    kind: str,
    authority: Authority,
    params: dict[str, Any] | None = None,
    uploads: Sequence[UploadedFile] = (),
    once_key: str = "",
) -> Job:
    """Create a queued job of ``kind`` with its input files in the file store, and enqueue it on commit.

    The caller (the form's view, a service) has checked the input's permission; ``authority`` is the
    unit the job works for (its scope for administrators), in ``actor``'s scope. A job given a
    ``once_key`` exists at most once: a second one with the same key, even submitted at the same
    moment from another worker, raises ``DomainError`` and nothing is written.
    """
    job_kind(kind)  # an unknown kind is a programming error: KeyError before anything is written
    try:
        with transaction.atomic():  # a savepoint: PostgreSQL's transaction stays usable after the error
            job = Job.objects.create(
                kind=kind, owner=actor, authority=authority, params=params or {}, once_key=once_key
            )
    except IntegrityError:
        if not once_key:
            raise
        raise DomainError(_("该操作已提交过，不能重复提交。"), code="job_duplicate") from None
    for upload in uploads:
        file_store_from_upload(
            actor=actor, upload=upload, authority=authority, owner=job, purpose=INPUT_PURPOSE
        )
    audit_log(actor=actor, action="jobs.job.created", target=job, data={"kind": kind, "files": len(uploads)})
    from .tasks import job_run_task

    enqueue_on_commit(job_run_task, job.pk)
    return job


def job_input_files(job: Job) -> list[StoredFile]:
    """The job's uploaded input files, in upload order."""
    return list(
        StoredFile.objects.filter(owner_id=job.pk, purpose=INPUT_PURPOSE, owner_type__model="job")
        .filter(owner_type__app_label=Job._meta.app_label)
        .order_by("pk")
    )


def job_input_open(file: StoredFile) -> IO[bytes]:
    """A seekable binary stream of one of the job's input files (the caller closes it)."""
    return storage.backend().open(file.storage_path)


def job_result_store(*, job: Job, stream: Any, name: str, content_type: str) -> StoredFile:
    """Store an export's result file for ``job`` (in the file store, owned by the job)."""
    return file_store(
        actor=job.owner,
        stream=stream,
        name=name,
        content_type=content_type,
        authority=job.authority,
        owner=job,
        purpose=RESULT_PURPOSE,
    )


class Progress:
    """The ``progress(done, total, stage)`` callback handed to a job's run function.

    Writes the job's row at most every ``interval`` seconds, and at once when the stage changes,
    with one ``UPDATE`` in autocommit (see the module docstring for why never inside the work's
    transaction). A call in between costs a clock read.
    """

    def __init__(
        self, job_id: int, *, interval: float = PROGRESS_INTERVAL, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.job_id = job_id
        self.interval = interval
        self.clock = clock
        self.last: float | None = None
        self.stage = ""
        self.writes = 0

    def __call__(self, done: int, total: int, stage: StrOrPromise = "") -> None:
        now = self.clock()
        stage = str(stage)[:100]
        if self.last is not None and now - self.last < self.interval and stage == self.stage:
            return
        self.last, self.stage = now, stage
        self.writes += 1
        Job.objects.filter(pk=self.job_id, status=JobStatus.RUNNING).update(
            done=max(0, done), total=max(0, total), stage=stage, heartbeat_at=timezone.now()
        )


def job_run(*, job_id: int) -> str:
    """Claim the queued job ``job_id`` and run it; return its final status ("skipped" if not claimed).

    A ``DomainError`` from the work fails the job with its Chinese message; any other exception
    fails it with a generic message (the traceback goes to the log). The start and the end are
    audited, each in its own short transaction.
    """
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, started_at=now, heartbeat_at=now, stage=_("开始处理")
    )
    if claimed != 1:
        logger.info("Job %s is not queued (already run or running): skipped", job_id)
        return "skipped"
    job = Job.objects.select_related("owner", "authority").get(pk=job_id)
    with transaction.atomic():
        audit_log(actor=job.owner, action="jobs.job.started", target=job, data={"kind": job.kind})
    try:
        outcome = job_kind(job.kind).run(job, Progress(job.pk))
    except DomainError as exc:
        return _finish(job, JobStatus.FAILED, error=str(exc.message))
    except Exception:
        logger.exception("Job %s (%s) failed", job.pk, job.kind)
        return _finish(
            job,
            JobStatus.FAILED,
            error=_(
                "处理时发生意外错误，任务未完成。请稍后重新提交；如仍失败，请联系系统管理员（任务编号 %(id)d）。"
            )
            % {"id": job.pk},
        )
    result_file = outcome.pop("result_file", None)
    return _finish(job, JobStatus.DONE, result=outcome, result_file=result_file)


def _finish(
    job: Job,
    status: str,
    *,
    result: dict[str, Any] | None = None,
    error: str = "",
    result_file: StoredFile | None = None,
) -> str:
    """Record the job's end (by primary key: the claim made this run the only one) and audit it."""
    with transaction.atomic():
        fields: dict[str, Any] = {
            "status": status,
            "result": result or {},
            "error": error,
            "result_file": result_file,
            "finished_at": timezone.now(),
            "stage": _("完成") if status == JobStatus.DONE else _("失败"),
        }
        if status == JobStatus.DONE:
            fields["done"] = F("total")  # the last total the work reported (the bar shows 100 %)
        Job.objects.filter(pk=job.pk).update(**fields)
        audit_log(
            actor=job.owner,
            action="jobs.job.finished" if status == JobStatus.DONE else "jobs.job.failed",
            target=job,
            data={"kind": job.kind, "error": error[:500]} if error else {"kind": job.kind},
        )
    return status


def job_sweep_stale(*, now: datetime.datetime | None = None) -> int:
    """Mark failed every running job with no progress for ``SANXIANG_JOB_STALE_MINUTES``: its
    worker died (a crash, a restart, a killed process). Returns how many were marked."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(minutes=settings.SANXIANG_JOB_STALE_MINUTES)
    stale = list(
        Job.objects.filter(status=JobStatus.RUNNING, heartbeat_at__lt=cutoff).select_related("owner")
    )
    swept = 0
    message = _(
        "后台处理进程中断（服务重启或进程异常退出），任务未完成。导入类任务请先在列表中核对是否已生成数据，再决定是否重新提交。"
    )
    for job in stale:
        with transaction.atomic():
            if not Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING, heartbeat_at__lt=cutoff).update(
                status=JobStatus.FAILED, error=message, finished_at=now, stage=_("失败")
            ):
                continue  # it reported progress or ended meanwhile
            audit_log(
                actor=None, action="jobs.job.failed", target=job, data={"kind": job.kind, "stale": True}
            )
            swept += 1
    if swept:
        logger.warning("Marked %d stale job(s) failed", swept)
    return swept


def job_results_expire(*, now: datetime.datetime | None = None) -> int:
    """Delete the result files of jobs that ended more than ``SANXIANG_JOB_RESULT_DAYS`` ago.

    An export's result (a taxpayer's records archive can be gigabytes) is there to be downloaded,
    not kept: it can be made again. The file's row and fingerprints stay, marked destroyed and
    audited (``file_destroy_many``), so the job's page says the file was removed and when; the
    job's report stays. Input files are kept: an import's rows may name their source file.
    Returns how many files were deleted.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.SANXIANG_JOB_RESULT_DAYS)
    files = list(
        StoredFile.objects.filter(
            pk__in=Job.objects.filter(finished_at__lt=cutoff, result_file__isnull=False).values(
                "result_file"
            ),
            destroyed_at__isnull=True,
        )
    )
    if not files:
        return 0
    with transaction.atomic():
        count = file_destroy_many(
            actor=None,
            files=files,
            reason=_("后台任务结果文件超过保留期限（%(days)d 天）")
            % {"days": settings.SANXIANG_JOB_RESULT_DAYS},
        )
    logger.info("Deleted %d job result file(s) past their keeping time", count)
    return count
