"""The one place Sanxiang imports Django's Tasks API from.

Every module writes ``from sanxiang.kernel.tasks import task, enqueue_on_commit``; nothing else
imports ``django_tasks``. Moving to Django 6's built-in ``django.tasks`` then changes the imports
below and nothing else.

A task is a module-level function taking ids (JSON-serialisable values), loading its objects and
calling one service; it must be idempotent (claim work with a conditional ``update()`` that has to
return 1), because the worker may run it again after a crash. Enqueue from services only through
``enqueue_on_commit``, so the worker never picks up a task whose data has not been committed
(or has been rolled back).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django_tasks import (
    DEFAULT_TASK_BACKEND_ALIAS,
    DEFAULT_TASK_QUEUE_NAME,
    TaskContext,
    TaskResult,
    TaskResultStatus,
    default_task_backend,
    task,
    task_backends,
)
from django_tasks.base import Task
from django_tasks.exceptions import InvalidTaskError, TaskResultDoesNotExist

__all__ = [
    "DEFAULT_TASK_BACKEND_ALIAS",
    "DEFAULT_TASK_QUEUE_NAME",
    "InvalidTaskError",
    "Task",
    "TaskContext",
    "TaskResult",
    "TaskResultDoesNotExist",
    "TaskResultStatus",
    "default_task_backend",
    "enqueue_on_commit",
    "task",
    "task_backends",
]


def enqueue_on_commit(task_: Task, *args: Any, using: str | None = None, **kwargs: Any) -> None:
    """Enqueue ``task_(*args, **kwargs)`` once the current transaction commits.

    Outside a transaction it enqueues at once (Django runs ``on_commit`` callbacks immediately in
    autocommit mode); if the transaction rolls back, nothing is enqueued.
    """
    transaction.on_commit(lambda: task_.enqueue(*args, **kwargs), using=using)
