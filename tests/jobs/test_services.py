import datetime
import threading

import pytest
from django.db import connection, transaction
from django.utils import timezone

from sanxiang.audit.models import AuditEvent
from sanxiang.files.models import StoredFile
from sanxiang.jobs import services
from sanxiang.jobs.models import Job, JobStatus
from sanxiang.kernel.exceptions import DomainError
from sanxiang.publicity import imports
from sanxiang.publicity.jobs import ENTRIES_IMPORT
from sanxiang.publicity.models import Entry

from .helpers import penalty_csv


def _job(officer, org, upload, item="penalty_decision"):
    return services.job_create(
        actor=officer,
        kind=ENTRIES_IMPORT,
        authority=org.district_a,
        params={"item": item, "file_name": upload.name},
        uploads=[upload],
    )


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_it_stores_the_upload_in_the_file_store_and_queues_the_job(officer, org):
    job = _job(officer, org, penalty_csv(3))

    assert job.status == JobStatus.QUEUED and job.owner == officer
    (stored,) = services.job_input_files(job)
    assert stored.original_name == "任务测试.csv" and stored.purpose == services.INPUT_PURPOSE
    with services.job_input_open(stored) as stream:
        assert stream.read().decode().startswith("当事人名称")
    assert AuditEvent.objects.filter(action="jobs.job.created", target_id=str(job.pk)).exists()


def test_progress_writes_at_most_twice_a_second_and_at_once_on_a_new_stage(officer, org):
    job = _job(officer, org, penalty_csv(1))
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING)
    clock = FakeClock()
    progress = services.Progress(job.pk, clock=clock)

    progress(1, 100, "逐行检查")
    for done in range(2, 50):
        clock.now += 0.01
        progress(done, 100, "逐行检查")
    job.refresh_from_db()
    assert (job.done, job.total, job.stage) == (1, 100, "逐行检查") and progress.writes == 1

    progress(60, 100, "写入数据库")  # a new stage is shown at once
    clock.now += 0.6
    progress(70, 100, "写入数据库")  # and half a second later the count again
    job.refresh_from_db()
    assert (job.done, job.stage, progress.writes) == (70, "写入数据库", 3)
    assert job.heartbeat_at is not None


def test_a_job_imports_the_rows_reports_progress_and_keeps_the_report(officer, org, monkeypatch):
    calls = []
    original = services.Progress.__call__

    def spy(self, done, total, stage=""):
        calls.append((done, total, str(stage)))
        original(self, done, total, stage)

    monkeypatch.setattr(services.Progress, "__call__", spy)
    job = _job(officer, org, penalty_csv(30))

    assert services.job_run(job_id=job.pk) == JobStatus.DONE

    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.percent == 100 and job.stage == "完成"
    assert job.result["rows"] == 30 and len(job.result["created"]) == 30 and job.result["errors"] == []
    assert Entry.objects.filter(pk__in=job.result["created"]).count() == 30
    stages = [stage for _d, _t, stage in calls]
    assert stages[0] == "逐行检查" and "脱敏并生成草稿" in stages and stages[-1] == "写入数据库"
    assert all(done <= total for done, total, _s in calls if total)
    assert calls[-1][0] == 30 * (imports.CHECK_UNITS + imports.PREPARE_UNITS)
    assert calls[-1][1] == 30 * imports.ROW_UNITS
    actions = list(
        AuditEvent.objects.filter(target_id=str(job.pk), action__startswith="jobs.")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["jobs.job.created", "jobs.job.started", "jobs.job.finished"]


def test_a_faulty_row_is_reported_with_file_row_and_field_and_nothing_is_imported(officer, org):
    job = _job(officer, org, penalty_csv(5, bad_row=4))

    assert services.job_run(job_id=job.pk) == JobStatus.DONE  # the job ran; the file was refused

    job.refresh_from_db()
    (error,) = job.result["errors"]
    assert (error["file"], error["row"], error["header"]) == ("任务测试.csv", 5, "决定日期")
    assert job.result["error_count"] == 1
    assert job.result["created"] == [] and not Entry.objects.exists()


def test_a_report_keeps_the_first_faults_and_counts_them_all(officer, org, monkeypatch):
    monkeypatch.setattr(imports, "MAX_REPORTED_ERRORS", 2)
    job = _job(officer, org, penalty_csv(4, all_bad=True))

    services.job_run(job_id=job.pk)

    job.refresh_from_db()
    assert job.result["error_count"] == 4 and len(job.result["errors"]) == 2


def test_a_refusal_fails_the_job_with_its_chinese_message_and_writes_nothing(officer, org):
    job = _job(officer, org, penalty_csv(5))
    officer.roles.clear()  # lost the drafting role while the job was queued

    assert services.job_run(job_id=job.pk) == JobStatus.FAILED

    job.refresh_from_db()
    assert job.error == "您没有起草该事项公示信息的权限。" and job.finished_at is not None
    assert not Entry.objects.exists()
    assert AuditEvent.objects.filter(action="jobs.job.failed", target_id=str(job.pk)).exists()


def test_a_crash_in_the_write_phase_rolls_everything_back_and_fails_the_job(officer, org, monkeypatch):
    def crash(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(imports, "deadline_set_many", crash)  # after the entries are inserted
    job = _job(officer, org, penalty_csv(20))

    assert services.job_run(job_id=job.pk) == JobStatus.FAILED

    job.refresh_from_db()
    assert "处理时发生意外错误，任务未完成" in job.error and f"任务编号 {job.pk}" in job.error
    assert "disk full" not in job.error  # the traceback goes to the log, not to the clerk
    assert not Entry.objects.exists()
    assert not AuditEvent.objects.filter(action="publicity.entry.created").exists()


def test_running_a_job_again_never_imports_twice(officer, org):
    job = _job(officer, org, penalty_csv(4))

    assert services.job_run(job_id=job.pk) == JobStatus.DONE
    assert services.job_run(job_id=job.pk) == "skipped"
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING)  # a redelivery while it runs
    assert services.job_run(job_id=job.pk) == "skipped"

    assert Entry.objects.count() == 4
    assert AuditEvent.objects.filter(action="jobs.job.started", target_id=str(job.pk)).count() == 1


def test_the_sweep_fails_a_job_whose_worker_died_and_spares_a_live_one(officer, org, settings):
    settings.SANXIANG_JOB_STALE_MINUTES = 15
    now = timezone.now()
    dead = _job(officer, org, penalty_csv(1, prefix="D"))
    live = _job(officer, org, penalty_csv(1, prefix="L"))
    Job.objects.filter(pk=dead.pk).update(
        status=JobStatus.RUNNING, heartbeat_at=now - datetime.timedelta(minutes=16)
    )
    Job.objects.filter(pk=live.pk).update(
        status=JobStatus.RUNNING, heartbeat_at=now - datetime.timedelta(minutes=14)
    )

    assert services.job_sweep_stale(now=now) == 1

    dead.refresh_from_db()
    live.refresh_from_db()
    assert dead.status == JobStatus.FAILED and "后台处理进程中断" in dead.error
    assert live.status == JobStatus.RUNNING
    assert services.job_run(job_id=dead.pk) == "skipped"  # a late redelivery does not revive it
    assert services.job_sweep_stale(now=now) == 0


def test_an_unknown_kind_is_refused_before_anything_is_written(officer, org):
    with pytest.raises(KeyError):
        services.job_create(actor=officer, kind="nope", authority=org.district_a)
    assert not Job.objects.exists()


def test_a_job_with_a_once_key_is_created_once_and_the_second_writes_nothing(officer, org):
    first = _job_once(officer, org, "confirm:7")
    with pytest.raises(DomainError) as refused:
        _job_once(officer, org, "confirm:7")

    assert refused.value.code == "job_duplicate" and "不能重复提交" in str(refused.value.message)
    assert list(Job.objects.values_list("pk", flat=True)) == [first.pk]  # the transaction goes on
    assert StoredFile.objects.count() == 1
    assert AuditEvent.objects.filter(action="jobs.job.created").count() == 1
    _job_once(officer, org, "confirm:8")
    _job(officer, org, penalty_csv(1))  # no key: as many as asked for
    _job(officer, org, penalty_csv(1))
    assert Job.objects.count() == 4


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writers at BEGIN IMMEDIATE; only PostgreSQL has concurrent writers",
)
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submissions_with_one_once_key_create_one_job(officer, org):
    start = threading.Barrier(2)
    outcomes = []

    def submit():
        start.wait()
        try:
            _job_once(officer, org, "confirm:9")
            outcomes.append("created")
        except DomainError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["created", "refused"]
    assert Job.objects.filter(once_key="confirm:9").count() == 1


def _job_once(officer, org, key):
    with transaction.atomic():
        return services.job_create(
            actor=officer,
            kind=ENTRIES_IMPORT,
            authority=org.district_a,
            params={"item": "penalty_decision"},
            uploads=[penalty_csv(1)],
            once_key=key,
        )


def test_a_worker_start_fails_the_jobs_a_dead_worker_left_running(officer, org, settings):
    from sanxiang.kernel.management.commands import worker

    settings.SANXIANG_JOB_STALE_MINUTES = 15
    job = _job(officer, org, penalty_csv(1))
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, heartbeat_at=timezone.now() - datetime.timedelta(hours=1)
    )

    worker._run_startup_hooks()

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "后台处理进程中断" in job.error


def test_an_export_result_is_deleted_after_its_keeping_time_and_its_page_says_so(
    officer, org, settings, django_capture_on_commit_callbacks
):
    import io

    from django.test import Client
    from django.urls import reverse

    from sanxiang.files import storage

    settings.SANXIANG_JOB_RESULT_DAYS = 7
    now = timezone.now()

    def finished_export(days_ago: int) -> Job:
        job = _job(officer, org, penalty_csv(1, prefix=f"E{days_ago}"))
        stored = services.job_result_store(
            job=job, stream=io.BytesIO(b"PK export"), name="逾期清单.xlsx", content_type="application/zip"
        )
        Job.objects.filter(pk=job.pk).update(
            status=JobStatus.DONE, result_file=stored, finished_at=now - datetime.timedelta(days=days_ago)
        )
        return Job.objects.select_related("result_file").get(pk=job.pk)

    old, recent = finished_export(8), finished_export(6)

    with django_capture_on_commit_callbacks(execute=True):
        assert services.job_results_expire(now=now) == 1
    assert services.job_results_expire(now=now) == 0  # already gone: nothing to do twice

    old.result_file.refresh_from_db()
    recent.result_file.refresh_from_db()
    assert old.result_file.destroyed_at is not None and recent.result_file.destroyed_at is None
    with pytest.raises(FileNotFoundError):
        storage.backend().open(old.result_file.storage_path)
    storage.backend().open(recent.result_file.storage_path).close()
    assert AuditEvent.objects.filter(
        action="files.file.destroyed", target_id=str(old.result_file.pk), actor=None
    ).exists()
    # The input upload of an import is never expired: rows may name it as their source.
    (upload,) = services.job_input_files(old)
    assert upload.destroyed_at is None

    client = Client()
    client.force_login(officer)
    page = client.get(reverse("jobs:detail", args=[old.pk])).content.decode()
    assert "超过保留期限删除" in page and 'id="job-download"' not in page
    assert client.get(reverse("jobs:download", args=[old.pk])).status_code == 404
    page = client.get(reverse("jobs:detail", args=[recent.pk])).content.decode()
    assert 'id="job-download"' in page
