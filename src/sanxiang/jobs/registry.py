"""The kinds of background job: each module registers its own from ``AppConfig.ready()``.

A kind names its ``run(job, progress) -> dict`` by dotted path, so this app never imports the
modules whose work it runs (they sit above it in the layers). ``run`` reads its input from
``job.params`` and the job's input files, calls the module's ordinary service with ``progress``
and returns a JSON-serialisable summary, which the kind's ``report_template`` shows on the job's
page. It raises a ``DomainError`` with a Chinese message for a refusal (the job fails with that
message); an export returns its ``StoredFile`` under the key ``"result_file"`` (``job_result_store``).

``progress(done, total, stage)`` may be called as often as the work likes: it writes at most
twice a second. Call it between units of work, never inside the work's own write transaction
(see ``sanxiang.jobs.services.Progress``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from .models import Job


class ProgressCallback(Protocol):
    def __call__(self, done: int, total: int, stage: StrOrPromise = "") -> None: ...


@dataclass(frozen=True)
class JobKind:
    """One kind of job: its code, its Chinese label, its run function and the template of its report."""

    code: str
    label: StrOrPromise
    run_path: str
    report_template: str
    # URL name of the page the job was started from (a "back" link on the job's page).
    origin_url: str = ""

    @property
    def run(self) -> Callable[[Job, ProgressCallback], dict[str, Any]]:
        return import_string(self.run_path)


_kinds: dict[str, JobKind] = {}


def register_job_kind(kind: JobKind) -> None:
    """Add a kind; registering the same kind twice is harmless, reusing its code is an error."""
    existing = _kinds.get(kind.code)
    if existing is not None and existing != kind:
        raise ValueError(f"job kind {kind.code!r} is already registered as {existing!r}")
    _kinds[kind.code] = kind


def job_kind(code: str) -> JobKind:
    """The registered kind ``code``; ``KeyError`` for an unknown one."""
    return _kinds[code]


def job_kinds() -> list[JobKind]:
    return list(_kinds.values())
