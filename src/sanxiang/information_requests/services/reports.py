"""The annual report (政府信息公开工作年度报告): the office edits the text sections; publishing
freezes the computed tables and puts the report on the portal's publication log (条例第四十九条、第五十条)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sanxiang.audit.services import audit_log
from sanxiang.kernel.access import authority_in_scope, require_role
from sanxiang.kernel.exceptions import ValidationFailed
from sanxiang.org.models import Authority

from ..choices import ReportStatus
from ..models import AnnualReport
from ._common import HANDLER_ROLES, require_head

if TYPE_CHECKING:
    from sanxiang.org.models import User


def _tables_json(tables: Any) -> dict[str, Any]:
    return {
        "proactive": tables.proactive,
        "requests": tables.requests_rows(),
        "remedies": tables.remedy_values(),
        "check_rule_holds": tables.check_rule_holds(),
        "fees_total": str(tables.fees_total),
    }


@transaction.atomic
def annual_report_save(
    *, actor: User, authority: Authority, year: int, overview: str, problems: str, other_matters: str
) -> AnnualReport:
    """Create or edit the text sections of the report (一、五、六) while it is a draft."""
    require_role(actor, *HANDLER_ROLES)
    if not authority_in_scope(actor, authority):
        raise ValidationFailed(_("只能编制本人数据权限内机关的年度报告。"))
    report, _created = AnnualReport.objects.select_for_update().get_or_create(authority=authority, year=year)
    if report.status == ReportStatus.PUBLISHED:
        raise ValidationFailed(_("年度报告已发布，不能再修改。"))
    report.overview, report.problems, report.other_matters = (
        overview.strip(),
        problems.strip(),
        other_matters.strip(),
    )
    report.save()
    audit_log(actor=actor, action="information_requests.annual_report.saved", target=report)
    return report


@transaction.atomic
def annual_report_publish(*, actor: User, report: AnnualReport, now: datetime.datetime) -> AnnualReport:
    """Publish the report: the office head approves; tables are frozen; the portal shows it."""
    require_head(actor)
    if not authority_in_scope(actor, report.authority):
        raise ValidationFailed(_("只能发布本人数据权限内机关的年度报告。"))
    if report.status == ReportStatus.PUBLISHED:
        raise ValidationFailed(_("年度报告已发布。"))
    if now.date().year <= report.year:
        raise ValidationFailed(_("年度结束后才能发布该年度的报告。"))
    if not (report.overview and report.problems):
        raise ValidationFailed(_("须先填写“总体情况”和“存在的主要问题及改进情况”。"))
    from ..selectors import annual_report_tables

    tables = annual_report_tables(authority=report.authority, year=report.year)
    if not tables.check_rule_holds():  # pragma: no cover - holds by construction; guard anyway
        raise ValidationFailed(_("第三表校验不通过：本年新收 + 上年结转 ≠ 办理结果总计 + 结转下年度。"))
    report.figures = _tables_json(tables)
    report.status = ReportStatus.PUBLISHED
    report.published_at = now
    report.published_by = actor
    report.publication_key = f"information_requests.annual_report:{report.authority_id}:{report.year}"
    report.save()
    from sanxiang.portal.services import public_entry_publish

    public_entry_publish(
        actor=actor,
        source_key=report.publication_key,
        version=1,
        category_code="annual_report",
        category_label=str(_("政府信息公开工作年度报告")),
        stage="after",
        authority=report.authority,
        title=f"{report.authority.name}{report.year}年政府信息公开工作年度报告",
        party_name="",
        document_number="",
        decided_on=now.date(),
        published_at=now,
        display_until=None,
        fields=[],
        text="\n\n".join([report.overview, report.problems, report.other_matters]),
    )
    audit_log(actor=actor, action="information_requests.annual_report.published", target=report)
    return report


__all__ = ["annual_report_publish", "annual_report_save"]
