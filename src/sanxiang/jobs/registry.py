"""The kinds of background job: each module registers its own from ``AppConfig.ready()``.

The registry lives in the kernel's job port (``sanxiang.kernel.jobs``, where its contract is
described), so that the organisation, below this app, registers its kinds the same way.
"""

from sanxiang.kernel.jobs import JobKind, ProgressCallback, job_kind, job_kinds, register_job_kind

__all__ = ["JobKind", "ProgressCallback", "job_kind", "job_kinds", "register_job_kind"]
