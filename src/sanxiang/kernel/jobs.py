"""The background-job port: job kinds, and how the layers below ``sanxiang.jobs`` run their work as jobs.

``sanxiang.jobs`` builds on the organisation (a job names its owner and authority) and on the file
store, so the organisation cannot import it back; yet its org-chart import is long enough to run
as a job. As with the audit port (``sanxiang.kernel.auditing``), the organisation calls the
functions here and the jobs app plugs its own in from ``JobsConfig.ready()``; their signatures are
those of ``sanxiang.jobs.services`` and ``sanxiang.jobs.selectors``. With no backend registered a
call fails loudly (``ImproperlyConfigured``): work meant for the worker never runs in the request.

The registry of kinds lives here too, so that any layer registers its kinds from its own
``ready()`` whatever the order of the apps (``sanxiang.jobs.registry`` re-exports it).

A kind names its ``run(job, progress) -> dict`` by dotted path, so neither this module nor the jobs
app imports the modules whose work they run. ``run`` reads its input from ``job.params`` and the
job's input files, calls the module's ordinary service with ``progress`` and returns a
JSON-serialisable summary, which the kind's ``report_template`` shows on the job's page. It raises
a ``DomainError`` with a Chinese message for a refusal (the job fails with that message); an export
returns its ``StoredFile`` under the key ``"result_file"`` (``job_result_store``).

``progress(done, total, stage)`` may be called as often as the work likes: it writes at most twice
a second. Call it between units of work, never inside the work's own write transaction (see
``sanxiang.jobs.services.Progress``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any, Protocol

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile
    from django_stubs_ext import StrOrPromise

    from sanxiang.files.models import StoredFile
    from sanxiang.jobs.models import Job
    from sanxiang.org.models import Authority, User


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


# --- the port: the jobs app's services, for the layers below it -----------------------------------

_backend: dict[str, Callable[..., Any]] = {}


def register_job_backend(
    *,
    create: Callable[..., Any],
    get: Callable[..., Any],
    input_files: Callable[..., Any],
    input_open: Callable[..., Any],
) -> None:
    """Plug in the jobs app's services; call from ``AppConfig.ready()``."""
    _backend.update(create=create, get=get, input_files=input_files, input_open=input_open)


def _call(name: str) -> Callable[..., Any]:
    try:
        return _backend[name]
    except KeyError:
        raise ImproperlyConfigured("no job backend registered: is sanxiang.jobs installed?") from None


def job_create(
    *,
    actor: User,
    kind: str,
    authority: Authority,
    params: dict[str, Any] | None = None,
    uploads: Sequence[UploadedFile] = (),
    once_key: str = "",
) -> Job:
    """``sanxiang.jobs.services.job_create``: a queued job, its uploads stored as its input files; with
    ``once_key``, at most one job per key (a second raises ``DomainError``)."""
    return _call("create")(
        actor=actor, kind=kind, authority=authority, params=params, uploads=uploads, once_key=once_key
    )


def job_get(*, actor: User, job_id: int, action: str = "view") -> Job:
    """``sanxiang.jobs.selectors.job_get``: a job the actor may see, else an audited 404."""
    return _call("get")(actor=actor, job_id=job_id, action=action)


def job_input_files(job: Job) -> list[StoredFile]:
    """``sanxiang.jobs.services.job_input_files``: the job's uploaded input files, in upload order."""
    return _call("input_files")(job)


def job_input_open(file: StoredFile) -> IO[bytes]:
    """``sanxiang.jobs.services.job_input_open``: a seekable binary stream (the caller closes it)."""
    return _call("input_open")(file)
