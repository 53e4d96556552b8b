"""``sanxiang worker``: run background tasks and the periodic schedule in one process.

The task loop is django-tasks-db's own ``Worker`` (the ``db_worker`` command's engine), run in the
main thread so it receives SIGTERM/SIGINT: on a signal it finishes the task in hand and exits.

The scheduler ticks in a daemon thread rather than between tasks, because one task can run for a
long time (a fixity sweep over every stored file) and the schedule must keep to the minute
meanwhile. The thread has its own database connection (Django connections are per thread) and
closes it after every tick, so it never holds a connection, or on SQLite a lock, while it sleeps.
Its writes are tiny; on SQLite they queue behind the task loop's through the IMMEDIATE
transaction mode and the 20-second busy timeout in settings.
"""

from __future__ import annotations

import logging
import threading
from argparse import ArgumentParser
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker, valid_interval

from sanxiang.kernel.schedule import schedule_tick
from sanxiang.kernel.tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends

logger = logging.getLogger("sanxiang.worker")

TICK_SECONDS = 30.0
# How long shutdown waits for a tick in progress (it may be waiting on the SQLite busy timeout).
TICK_JOIN_SECONDS = 25.0


def run_tick() -> list[str]:
    """One scheduler tick, closing this thread's connection afterwards."""
    try:
        return schedule_tick(now=timezone.now())
    finally:
        connection.close()


class SchedulerThread(threading.Thread):
    """Ticks the schedule at once and then every ``interval`` seconds until ``stop`` is set."""

    def __init__(self, *, interval: float, stop: threading.Event) -> None:
        super().__init__(name="sanxiang-scheduler", daemon=True)
        self.interval = interval
        self.stop = stop

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                run_tick()
            except Exception:  # a failing tick must not end the schedule
                logger.exception("Scheduler tick failed")
            self.stop.wait(self.interval)


class ScheduledWorker(Worker):
    """django-tasks-db's worker, which also stops the scheduler thread when told to shut down."""

    def __init__(self, *, stop: threading.Event, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.stop = stop

    def shutdown(self, signum: int, frame: FrameType | None) -> None:
        self.stop.set()
        super().shutdown(signum, frame)


LOGGERS = ("sanxiang.worker", "sanxiang.schedule", "django_tasks", "django_tasks_db")


class _StdoutHandler(logging.StreamHandler):
    """The handler ``configure_logging`` installs, recognisable so that it can be replaced."""


class Command(BaseCommand):
    help = (
        "Run background tasks from the database queue and the periodic schedule "
        "(--once: one schedule tick, run every ready task, exit; for cron and tests)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--once",
            action="store_true",
            help="Tick the schedule once, run every task that is ready, then exit.",
        )
        parser.add_argument(
            "--no-schedule",
            action="store_false",
            dest="schedule",
            help="Run tasks only; another process runs the periodic schedule.",
        )
        parser.add_argument(
            "--interval",
            type=valid_interval,
            default=1.0,
            help="Seconds to wait between polls of an empty queue (default: %(default)s).",
        )
        parser.add_argument(
            "--tick",
            type=valid_interval,
            default=TICK_SECONDS,
            help="Seconds between schedule ticks (default: %(default)s).",
        )
        parser.add_argument(
            "--queue-name", default="default", help="Queues to run, comma-separated; '*' for all."
        )
        parser.add_argument("--worker-id", default="", help="Unique id of this worker (default: random).")

    def configure_logging(self, verbosity: int) -> None:
        """Send the worker's, the schedule's and django-tasks' logs to this command's stdout.

        They stop propagating to the root logger, whose console handler would print every line a
        second time on stderr. A handler from an earlier run in the same process is replaced.
        """
        level = {0: logging.CRITICAL, 1: logging.INFO}.get(verbosity, logging.DEBUG)
        handler = _StdoutHandler(self.stdout)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        for name in LOGGERS:
            log = logging.getLogger(name)
            for old in [h for h in log.handlers if isinstance(h, _StdoutHandler)]:
                log.removeHandler(old)
            log.addHandler(handler)
            log.setLevel(level)
            log.propagate = False

    def handle(
        self,
        *,
        once: bool,
        schedule: bool,
        interval: float,
        tick: float,
        queue_name: str,
        worker_id: str,
        verbosity: int,
        **options: Any,
    ) -> None:
        self.configure_logging(verbosity)
        backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
        runs_tasks = isinstance(backend, DatabaseBackend)
        if not runs_tasks and not schedule:
            raise CommandError(
                "The task backend is not the database backend: run that backend's own worker; "
                "this command would have nothing to do with --no-schedule."
            )
        stop = threading.Event()
        worker = ScheduledWorker(
            stop=stop,
            queue_names=queue_name.split(","),
            interval=0 if once else interval,
            batch=once,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=not once,
            max_tasks=None,
            worker_id=worker_id or get_random_string(32),
            excluded_queue_names=[],
        )

        _run_startup_hooks()
        if once:
            if schedule:
                enqueued = schedule_tick(now=timezone.now())
                logger.info("Schedule tick enqueued: %s", ", ".join(enqueued) or "nothing")
            if runs_tasks:
                worker.run()
            return

        worker.configure_signals()
        scheduler = SchedulerThread(interval=tick, stop=stop) if schedule else None
        if scheduler is not None:
            scheduler.start()
        logger.info(
            "Worker %s started (tasks: %s, schedule: %s)",
            worker.worker_id,
            "yes" if runs_tasks else "no, another backend runs them",
            f"every {tick:g}s" if scheduler else "no",
        )
        try:
            if runs_tasks:
                worker.run()
            else:
                # Another backend runs the tasks; this process only keeps the schedule.
                while not stop.wait(1.0):
                    pass
        finally:
            stop.set()
            if scheduler is not None:
                scheduler.join(TICK_JOIN_SECONDS)
            worker.reset_signals()
            _checkpoint_on_shutdown()
            logger.info("Worker %s stopped", worker.worker_id)


def _run_startup_hooks() -> None:
    """The hooks apps registered for a worker's start; one failing hook never stops the others
    (or the worker)."""
    from sanxiang.kernel.schedule import startup_hooks

    for hook in startup_hooks():
        try:
            hook()
        except Exception:
            logger.exception("Startup hook %s failed", getattr(hook, "__name__", hook))


def _checkpoint_on_shutdown() -> None:
    """A clean shutdown runs the hooks apps registered (the audit app signs its chain's head, so no
    event written before it stays unsigned); one failing hook never stops the others."""
    from sanxiang.kernel.schedule import shutdown_hooks

    for hook in shutdown_hooks():
        try:
            hook()
        except Exception:
            logger.exception("Shutdown hook %s failed", getattr(hook, "__name__", hook))
