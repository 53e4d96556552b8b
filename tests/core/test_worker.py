import datetime
import io
import signal
import threading

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django_tasks_db.models import DBTaskResult

from sanxiang.kernel import schedule
from sanxiang.kernel.management.commands import worker as worker_command
from sanxiang.kernel.models import PeriodicRun
from sanxiang.kernel.schedule import Periodic
from sanxiang.kernel.tasks import TaskResultStatus, task
from sanxiang.notifications.models import Notification
from sanxiang.notifications.services import notify
from sanxiang.org.models import User

pytestmark = pytest.mark.django_db(transaction=True)

NOW = datetime.datetime(2026, 3, 2, 5, 40, tzinfo=datetime.UTC)  # Monday 13:40 in Shanghai


@task()
def notify_user_task(user_id: int, title: str) -> int:
    (notification,) = notify(recipients=[User.objects.get(pk=user_id)], title=title, category="test.worker")
    return notification.pk


@task()
def failing_task() -> None:
    raise RuntimeError("boom")


@task()
def scheduled_probe_task() -> str:
    return "probe ran"


@pytest.fixture
def probe_schedule(monkeypatch):
    """Only the probe entry is on the schedule, so the test does not depend on other modules."""
    monkeypatch.setattr(
        schedule,
        "SCHEDULE",
        [Periodic("test.probe", "0 * * * *", "tests.core.test_worker.scheduled_probe_task", "probe")],
    )
    monkeypatch.setattr(schedule, "_registered", {})


def run_worker(*args):
    out = io.StringIO()
    call_command("worker", *args, stdout=out)
    return out.getvalue()


def test_it_runs_an_enqueued_task_end_to_end(officer):
    result = notify_user_task.enqueue(officer.pk, "后台任务完成")
    assert DBTaskResult.objects.get(id=result.id).status == TaskResultStatus.READY

    run_worker("--once", "--no-schedule")

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    notification = Notification.objects.get(recipient=officer)
    assert result.return_value == notification.pk
    assert notification.title == "后台任务完成"


def test_it_records_a_failing_task_and_runs_the_next(officer):
    failed = failing_task.enqueue()
    succeeded = notify_user_task.enqueue(officer.pk, "仍然执行")

    run_worker("--once", "--no-schedule")

    failed.refresh()
    succeeded.refresh()
    assert failed.status == TaskResultStatus.FAILED
    assert failed.errors[0].exception_class is RuntimeError
    assert succeeded.status == TaskResultStatus.SUCCESSFUL


def test_it_ticks_the_schedule_and_runs_what_it_enqueued(probe_schedule):
    with time_machine.travel(NOW, tick=False):
        out = run_worker("--once")
        run_worker("--once")  # same slot: not enqueued again

    run = PeriodicRun.objects.get()
    assert run.name == "test.probe"
    assert run.scheduled_for == datetime.datetime(2026, 3, 2, 5, 0, tzinfo=datetime.UTC)
    result = DBTaskResult.objects.get()
    assert str(result.id) == run.task_result_id
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == "probe ran"
    assert "Schedule tick enqueued: test.probe" in out


def test_it_does_not_tick_with_no_schedule(probe_schedule):
    with time_machine.travel(NOW, tick=False):
        run_worker("--once", "--no-schedule")

    assert not PeriodicRun.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_it_refuses_no_schedule_with_a_backend_it_cannot_run(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

    with pytest.raises(CommandError, match="not the database backend"):
        run_worker("--once", "--no-schedule")


def test_it_only_ticks_the_schedule_with_another_backend(settings, probe_schedule):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

    with time_machine.travel(NOW, tick=False):
        run_worker("--once")

    assert PeriodicRun.objects.get().name == "test.probe"
    assert not DBTaskResult.objects.exists()


def test_the_scheduler_thread_survives_a_failing_tick_and_stops_when_told(monkeypatch):
    stop = threading.Event()
    calls = []

    def fake_tick():
        calls.append(len(calls))
        if len(calls) == 1:
            raise RuntimeError("database is locked")
        stop.set()
        return []

    monkeypatch.setattr(worker_command, "run_tick", fake_tick)

    worker_command.SchedulerThread(interval=0, stop=stop).run()

    assert calls == [0, 1]


def test_it_stops_the_scheduler_on_sigterm():
    stop = threading.Event()
    worker = worker_command.ScheduledWorker(
        stop=stop,
        queue_names=["default"],
        interval=1,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )

    with pytest.raises(SystemExit) as exit_info:  # idle: django-tasks-db's worker exits at once
        worker.shutdown(signal.SIGTERM, None)

    assert exit_info.value.code == 0
    assert stop.is_set()
    assert worker.running is False
