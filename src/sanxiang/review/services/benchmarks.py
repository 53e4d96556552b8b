"""Discretion benchmark (裁量基准) imports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_log
from sanxiang.kernel.access import (
    has_role,
)
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.exceptions import (
    PermissionDeniedError,
    ValidationFailed,
)

from ..models import (
    BenchmarkVersion,
)

# --- discretion benchmarks ---------------------------------------------------------------------

if TYPE_CHECKING:
    from sanxiang.org.models import User


def benchmark_require_importer(actor: User) -> None:
    """Legal reviewers and administrators import benchmarks (they are shared by every unit)."""
    if not has_role(actor, RoleCode.LEGAL_REVIEWER, RoleCode.ADMINISTRATOR):
        raise PermissionDeniedError(_("只有法制审核人员或系统管理员可以导入裁量基准。"))


@transaction.atomic
def benchmark_import(*, actor: User, upload: Any, name: str | None = None) -> BenchmarkVersion:
    """Import one benchmark version from an Excel workbook (an upload or a binary stream, ``name``
    its file name) through the lib's loader, which opens it with the safe reader."""
    from sanxiang.lib.discretion import benchmark_problems, read_benchmark_xlsx

    benchmark_require_importer(actor)
    result = read_benchmark_xlsx(upload, name=name)
    if isinstance(result, list):
        raise ValidationFailed(
            _("裁量基准表有误。"), code="bad_workbook", extra={"errors": [str(e) for e in result]}
        )
    problems = benchmark_problems(result)
    if problems:
        raise ValidationFailed(
            _("裁量基准超出法定幅度或数据有误。"), code="bad_benchmark", extra={"errors": problems}
        )
    if BenchmarkVersion.objects.filter(name=result.name, version=result.version).exists():
        raise ValidationFailed(_("该版本的裁量基准已导入。"), code="duplicate")
    version = BenchmarkVersion.objects.create(
        name=result.name,
        region=result.region,
        version=result.version,
        effective_from=result.effective_from,
        effective_until=result.effective_until,
        certainty=result.certainty,
        source=result.source,
        payload=result.to_json(),
    )
    audit_log(
        actor=actor,
        action="review.benchmark.imported",
        target=version,
        after={
            "name": version.name,
            "version": version.version,
            "effective_from": str(version.effective_from),
        },
    )
    return version
