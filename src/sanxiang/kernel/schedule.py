"""Every periodic job of the platform, in one place.

``SCHEDULE`` lists the platform-wide jobs; a business module adds its own from its
``AppConfig.ready()``::

    from sanxiang.kernel.schedule import Periodic, register_periodic

    register_periodic(Periodic(
        # Every working-day morning at 08:00: remind approvers of publications past their deadline.
        name="publicity.overdue_reminders",
        cron="0 8 * * 1-5",
        task_path="sanxiang.publicity.tasks.overdue_reminders_task",
        description="公示超期提醒",
    ))

Each entry names a task by dotted path (a ``@task()`` function taking no arguments). The
``sanxiang worker`` command calls ``schedule_tick`` every 30 seconds (cron can call
``sanxiang worker --once`` instead). A tick enqueues each entry's latest due slot once:

* **Claiming.** Inserting a ``PeriodicRun(name, scheduled_for)`` row is the claim; the unique
  constraint makes a second worker (or a second tick) fail the insert and skip the slot, so no slot
  is ever enqueued twice.
* **Catch-up.** After downtime only the *latest* missed slot runs, not every slot missed: the jobs
  sweep current state (an hourly checkpoint covers everything since the last one), so running
  twelve missed checkpoints in a row would only repeat the same work. On a fresh installation
  every entry therefore runs once at the first tick.
* **Missing tasks.** An entry whose task cannot be imported is reported by the system check
  ``sanxiang.W201`` and skipped at run time, unclaimed, so it runs once the code is deployed.

Cron expressions are evaluated in local time (``settings.TIME_ZONE``).
"""

from __future__ import annotations

import datetime
import functools
import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import checks
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from sanxiang.kernel.tasks import Task
from sanxiang.lib import cron
from sanxiang.lib.cron import CronExpression

logger = logging.getLogger("sanxiang.schedule")


@dataclass(frozen=True)
class Periodic:
    """One periodic job: run the task at ``task_path`` whenever ``cron`` fires (local time)."""

    name: str
    cron: str
    task_path: str
    description: str = ""

    @property
    def expression(self) -> CronExpression:
        return cron.parse(self.cron)


SCHEDULE: list[Periodic] = [
    # Every five minutes (SANXIANG_AUDIT_CHECKPOINT_CRON): sign a checkpoint over the audit trail's
    # hash chain when events were written since the last one, so the unsigned tail stays short.
    Periodic(
        name="audit.checkpoint",
        cron=getattr(settings, "SANXIANG_AUDIT_CHECKPOINT_CRON", "*/5 * * * *"),
        task_path="sanxiang.audit.tasks.audit_checkpoint_task",
        description="审计日志定时签名检查点",
    ),
    # Every day at 02:30: verify the audit trail's hash chain and checkpoints end to end.
    Periodic(
        name="audit.verify",
        cron="30 2 * * *",
        task_path="sanxiang.audit.tasks.audit_verify_task",
        description="审计日志完整性校验",
    ),
    # Every hour (SANXIANG_FIXITY_CRON): one run of the fixity cycle, which re-hashes every stored
    # file at least once per SANXIANG_FIXITY_CYCLE_HOURS without waiting behind large files.
    Periodic(
        name="files.fixity_sweep",
        cron=getattr(settings, "SANXIANG_FIXITY_CRON", "15 * * * *"),
        task_path="sanxiang.files.tasks.fixity_sweep_task",
        description="存储文件完整性校验",
    ),
    # Monday to Friday at 08:00: e-mail each staff member a digest of messages unread for a day.
    Periodic(
        name="notifications.digest",
        cron="0 8 * * 1-5",
        task_path="sanxiang.notifications.tasks.send_notification_digest_task",
        description="未读消息邮件摘要",
    ),
]

_registered: dict[str, Periodic] = {}


def register_periodic(entry: Periodic) -> None:
    """Add a module's periodic job; call from ``AppConfig.ready()``.

    Registering the same entry twice is harmless (``ready()`` may run more than once in tests);
    reusing a name for a different entry raises ``ValueError``.
    """
    entry.expression  # noqa: B018 - parse now, so a typo fails at startup rather than at 3 a.m.
    existing = _registered.get(entry.name) or next((p for p in SCHEDULE if p.name == entry.name), None)
    if existing is not None and existing != entry:
        raise ValueError(f"periodic job name {entry.name!r} is already used by {existing!r}")
    _registered[entry.name] = entry


_shutdown_hooks: list[Any] = []


def register_shutdown_hook(hook: Any) -> None:
    """A callable the worker runs at a clean shutdown; call from ``AppConfig.ready()``."""
    if hook not in _shutdown_hooks:
        _shutdown_hooks.append(hook)


def shutdown_hooks() -> list[Any]:
    return list(_shutdown_hooks)


_startup_hooks: list[Any] = []


def register_startup_hook(hook: Any) -> None:
    """A callable the worker runs when it starts, before its first task (e.g. marking failed the
    jobs a dead worker left running); call from ``AppConfig.ready()``."""
    if hook not in _startup_hooks:
        _startup_hooks.append(hook)


def startup_hooks() -> list[Any]:
    return list(_startup_hooks)


def periodic_entries() -> list[Periodic]:
    """The platform-wide entries followed by those modules registered."""
    names = {p.name for p in SCHEDULE}
    return [*SCHEDULE, *(p for p in _registered.values() if p.name not in names)]


# Task paths already reported missing by this process: a worker ticking every 30 seconds
# warns once, not 2,880 times a day (the system check reports them at every start).
_reported_missing: set[str] = set()


def resolve_task(entry: Periodic) -> Task | None:
    """The entry's task, or None (logged once per process) if its path does not import to a task."""
    try:
        found: Any = import_string(entry.task_path)
    except ImportError as exc:
        found, reason = None, f"cannot import it ({exc})"
    else:
        reason = "it is not a task"
    if isinstance(found, Task):
        _reported_missing.discard(entry.task_path)
        return found
    level = logging.DEBUG if entry.task_path in _reported_missing else logging.WARNING
    _reported_missing.add(entry.task_path)
    logger.log(level, "Periodic job %s skipped: %s: %s", entry.name, entry.task_path, reason)
    return None


def due_slot(entry: Periodic, now: datetime.datetime) -> datetime.datetime | None:
    """The latest slot at or before ``now`` (aware) at which the entry fires, or None."""
    wall_clock = timezone.localtime(now).replace(tzinfo=None)
    slot = entry.expression.latest_at_or_before(wall_clock)
    return None if slot is None else timezone.make_aware(slot)


def _record_enqueued(run_id: int, task_: Task) -> None:
    result = task_.enqueue()
    from sanxiang.kernel.models import PeriodicRun

    PeriodicRun.objects.filter(pk=run_id).update(task_result_id=str(result.id))
    logger.info("Enqueued periodic job run %s as task %s", run_id, result.id)


def schedule_tick(*, now: datetime.datetime, entries: list[Periodic] | None = None) -> list[str]:
    """Claim and enqueue every entry's latest due slot not yet claimed; return the names enqueued.

    Each claim is its own transaction and the task is enqueued on its commit (house rule: enqueue
    only in ``on_commit``, whatever the backend). A crash between the commit and the enqueue loses
    that one slot; the next slot runs as usual. An error on one entry is logged and the others
    still run, so a bad entry can never stop the worker.
    """
    from sanxiang.kernel.models import PeriodicRun

    claimed: list[str] = []
    for entry in periodic_entries() if entries is None else entries:
        try:
            slot = due_slot(entry, now)
            if slot is None or PeriodicRun.objects.filter(name=entry.name, scheduled_for=slot).exists():
                continue
            task_ = resolve_task(entry)
            if task_ is None:
                continue
            try:
                # Inside a caller's transaction this is a savepoint, so a lost race rolls back
                # only the failed insert.
                with transaction.atomic():
                    run = PeriodicRun.objects.create(name=entry.name, scheduled_for=slot, claimed_at=now)
                    logger.info("Claimed periodic job %s for %s", entry.name, slot)
                    transaction.on_commit(functools.partial(_record_enqueued, run.pk, task_))
            except IntegrityError:
                logger.info("Periodic job %s at %s already claimed by another worker", entry.name, slot)
                continue
            claimed.append(entry.name)
        except Exception:
            logger.exception("Periodic job %s failed to schedule", entry.name)
    return claimed


def check_schedule(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """System check: every entry's cron expression parses and its task imports.

    Names are unique by construction: ``register_periodic`` refuses a name already in use.
    """
    messages: list[checks.CheckMessage] = []
    for entry in periodic_entries():
        try:
            entry.expression  # noqa: B018
        except cron.CronError as exc:
            messages.append(
                checks.Error(
                    f"Periodic job {entry.name!r} has a bad cron expression: {exc}", id="sanxiang.E201"
                )
            )
        try:
            found = import_string(entry.task_path)
        except ImportError:
            found = None
        if not isinstance(found, Task):
            messages.append(
                checks.Warning(
                    f"Periodic job {entry.name!r}: {entry.task_path} is not an importable task; "
                    "the worker skips it until it is.",
                    hint="Deploy the module that defines it, or fix task_path in the schedule.",
                    id="sanxiang.W201",
                )
            )
    return messages
