import datetime
import zoneinfo

import pytest
from django.db.models import QuerySet
from django_tasks_db.models import DBTaskResult

from sanxiang.kernel import schedule
from sanxiang.kernel.models import PeriodicRun
from sanxiang.kernel.schedule import Periodic
from sanxiang.kernel.tasks import TaskResultStatus, task
from sanxiang.lib.cron import CronError

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


@task()
def periodic_probe_task() -> str:
    return "ran"


PROBE = Periodic(
    name="test.probe",
    cron="0 * * * *",
    task_path="tests.core.test_schedule.periodic_probe_task",
    description="hourly probe",
)


def at(hour, minute=0, day=2):
    return datetime.datetime(2026, 3, day, hour, minute, tzinfo=SHANGHAI)


@pytest.fixture
def clean_registry(monkeypatch):
    monkeypatch.setattr(schedule, "_registered", {})


def test_it_finds_the_due_slot_in_local_time():
    utc_now = datetime.datetime(2026, 3, 2, 5, 40, tzinfo=datetime.UTC)  # 13:40 in Shanghai

    assert schedule.due_slot(PROBE, utc_now) == at(13)
    assert schedule.due_slot(Periodic("d", "30 2 * * *", "x"), utc_now) == at(2, 30)


def test_it_claims_and_enqueues_a_slot_once_when_ticked_twice(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = schedule.schedule_tick(now=at(13, 0), entries=[PROBE])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        second = schedule.schedule_tick(now=at(13, 40), entries=[PROBE])

    assert first == ["test.probe"]
    assert second == []
    assert callbacks == []
    run = PeriodicRun.objects.get()
    assert (run.name, run.scheduled_for) == ("test.probe", at(13))
    result = DBTaskResult.objects.get()
    assert result.task_path == "tests.core.test_schedule.periodic_probe_task"
    assert result.status == TaskResultStatus.READY
    assert run.task_result_id == str(result.id)


def test_it_lets_only_one_of_two_racing_workers_claim_a_slot(
    db, django_capture_on_commit_callbacks, monkeypatch
):
    # Both workers pass the cheap "already claimed?" check before either inserts; the unique
    # constraint then decides.
    real_exists = QuerySet.exists
    monkeypatch.setattr(QuerySet, "exists", lambda qs: False if qs.model is PeriodicRun else real_exists(qs))

    with django_capture_on_commit_callbacks(execute=True):
        worker_a = schedule.schedule_tick(now=at(13) + datetime.timedelta(seconds=10), entries=[PROBE])
        worker_b = schedule.schedule_tick(now=at(13) + datetime.timedelta(seconds=20), entries=[PROBE])

    assert worker_a == ["test.probe"]
    assert worker_b == []
    assert PeriodicRun.objects.count() == 1
    assert DBTaskResult.objects.count() == 1


def test_it_catches_up_only_the_latest_missed_slot(db, django_capture_on_commit_callbacks):
    PeriodicRun.objects.create(name="test.probe", scheduled_for=at(9))

    with django_capture_on_commit_callbacks(execute=True):
        schedule.schedule_tick(now=at(13, 40), entries=[PROBE])

    assert sorted(PeriodicRun.objects.values_list("scheduled_for", flat=True)) == [at(9), at(13)]
    assert DBTaskResult.objects.count() == 1


def test_it_claims_the_next_slot_when_it_comes(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        schedule.schedule_tick(now=at(13, 59), entries=[PROBE])
        schedule.schedule_tick(now=at(14, 0), entries=[PROBE])

    assert sorted(PeriodicRun.objects.values_list("scheduled_for", flat=True)) == [at(13), at(14)]
    assert DBTaskResult.objects.count() == 2


def test_it_skips_a_missing_task_without_claiming_it(db, django_capture_on_commit_callbacks):
    missing = Periodic("test.missing", "* * * * *", "sanxiang.nowhere.tasks.missing_task")
    not_a_task = Periodic("test.not_a_task", "* * * * *", "sanxiang.kernel.schedule.SCHEDULE")

    with django_capture_on_commit_callbacks(execute=True):
        enqueued = schedule.schedule_tick(now=at(13), entries=[missing, not_a_task, PROBE])

    assert enqueued == ["test.probe"]
    assert list(PeriodicRun.objects.values_list("name", flat=True)) == ["test.probe"]


def test_it_keeps_scheduling_after_one_entry_fails(db, django_capture_on_commit_callbacks):
    broken = Periodic("test.broken", "61 * * * *", "tests.core.test_schedule.periodic_probe_task")

    with django_capture_on_commit_callbacks(execute=True):
        enqueued = schedule.schedule_tick(now=at(13), entries=[broken, PROBE])

    assert enqueued == ["test.probe"]


def test_it_registers_module_entries_once(clean_registry):
    schedule.register_periodic(PROBE)
    schedule.register_periodic(PROBE)

    assert [p.name for p in schedule.periodic_entries()].count("test.probe") == 1
    assert schedule.periodic_entries()[: len(schedule.SCHEDULE)] == schedule.SCHEDULE


def test_it_refuses_a_name_already_used_by_another_entry(clean_registry):
    schedule.register_periodic(PROBE)

    with pytest.raises(ValueError, match="already used"):
        schedule.register_periodic(Periodic("test.probe", "5 * * * *", PROBE.task_path))
    with pytest.raises(ValueError, match="already used"):
        schedule.register_periodic(Periodic("audit.verify", "5 * * * *", PROBE.task_path))


def test_it_refuses_to_register_a_bad_cron_expression(clean_registry):
    with pytest.raises(CronError):
        schedule.register_periodic(Periodic("test.bad", "every day", PROBE.task_path))


def test_it_keeps_the_well_known_jobs_in_the_core_schedule():
    by_name = {p.name: p for p in schedule.SCHEDULE}

    assert by_name["audit.checkpoint"].cron == "*/5 * * * *"
    assert by_name["audit.verify"].cron == "30 2 * * *"
    assert by_name["files.fixity_sweep"].cron == "15 * * * *"
    assert by_name["notifications.digest"].task_path == (
        "sanxiang.notifications.tasks.send_notification_digest_task"
    )
    assert len(by_name) == len(schedule.SCHEDULE)


def test_the_system_check_warns_about_missing_tasks_and_rejects_bad_entries(clean_registry, monkeypatch):
    monkeypatch.setattr(
        schedule,
        "SCHEDULE",
        [
            PROBE,
            Periodic("test.missing", "* * * * *", "sanxiang.nowhere.tasks.missing_task"),
            Periodic("test.bad_cron", "* * *", PROBE.task_path),
        ],
    )
    schedule.register_periodic(
        Periodic("test.registered_missing", "0 9 * * *", "sanxiang.nowhere.tasks.other_task")
    )

    messages = {(m.id, m.msg.split(":")[0]) for m in schedule.check_schedule()}

    assert ("sanxiang.W201", "Periodic job 'test.missing'") in messages
    assert ("sanxiang.W201", "Periodic job 'test.registered_missing'") in messages
    assert ("sanxiang.E201", "Periodic job 'test.bad_cron' has a bad cron expression") in messages
    assert not any(name.startswith("Periodic job 'test.probe'") for _, name in messages)


def test_the_system_check_passes_the_real_schedule_without_errors():
    assert [m for m in schedule.check_schedule() if m.is_serious()] == []


def test_it_warns_about_a_missing_task_once_per_process(db, caplog, monkeypatch):
    monkeypatch.setattr(schedule, "_reported_missing", set())
    missing = Periodic("test.missing", "* * * * *", "sanxiang.nowhere.tasks.missing_task")

    with caplog.at_level("DEBUG", logger="sanxiang.schedule"):
        schedule.schedule_tick(now=at(13), entries=[missing])
        schedule.schedule_tick(now=at(14), entries=[missing])

    warnings = [r for r in caplog.records if r.levelname == "WARNING" and "test.missing" in r.getMessage()]
    assert len(warnings) == 1
    assert "sanxiang.nowhere.tasks.missing_task" in warnings[0].getMessage()
    assert not PeriodicRun.objects.exists()
