"""Writers of the directories: items, target and inspector entries, conflicts, Excel import, snapshots."""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_log
from sanxiang.enforcement.models import Taxpayer
from sanxiang.kernel.access import authority_in_scope, require_role
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.exceptions import PermissionDeniedError, ValidationFailed
from sanxiang.lib import draw as drawlib
from sanxiang.lib import safefiles

from .. import rules
from ..choices import (
    AbnormalReason,
    AssignmentStatus,
    DirectoryKind,
    RiskLevel,
    Scale,
    TargetClass,
    TaskStatus,
)
from ..models import (
    Assignment,
    Conflict,
    Directory,
    DirectorySnapshot,
    InspectionItem,
    InspectionTask,
    InspectorEntry,
    TargetEntry,
)
from ..rules import inspector_key, target_key

if TYPE_CHECKING:
    from sanxiang.org.models import Authority, User

ORGANISER_ROLES = (RoleCode.INSPECTION_ORGANISER, RoleCode.ADMINISTRATOR)
PUBLICITY_ITEM_CODE = "random_inspection_list"


def require_organiser(actor: User, authority: Authority) -> None:
    require_role(actor, *ORGANISER_ROLES, message=_("只有双随机抽查组织人员可以执行此操作。"))
    if not authority_in_scope(actor, authority):
        raise PermissionDeniedError(_("目标机关不在您的数据权限范围内。"))


# ------------------------------------------------------------------------------------- items


@transaction.atomic
def item_upsert(*, actor: User, authority: Authority, code: str, data: dict[str, Any]) -> InspectionItem:
    """Create or update an item of the 随机抽查事项清单, linked to the 事前 publicity item."""
    require_organiser(actor, authority)
    from sanxiang.publicity.models import Item

    if not code.strip() or not str(data.get("name", "")).strip():
        raise ValidationFailed(_("请填写事项编号和检查项目。"))
    publicity_item = Item.objects.filter(code=PUBLICITY_ITEM_CODE).first()
    item, created = InspectionItem.objects.update_or_create(
        authority=authority,
        code=code.strip(),
        defaults={
            "name": data["name"],
            "sub_item": data.get("sub_item", ""),
            "basis": data.get("basis", ""),
            "content": data.get("content", ""),
            "method": data.get("method", ""),
            "publicity_item": publicity_item,
        },
    )
    audit_log(actor=actor, action="inspections.item." + ("created" if created else "updated"), target=item)
    return item


# -------------------------------------------------------------------------------- directories


DIRECTORY_NAMES = {
    DirectoryKind.CLASSIFIED: "检查对象分类名录库",
    DirectoryKind.ABNORMAL: "检查对象异常名录库",
    DirectoryKind.INSPECTOR: "执法检查人员名录库",
}


@transaction.atomic
def directory_get_or_create(*, actor: User, authority: Authority, kind: str) -> Directory:
    require_organiser(actor, authority)
    if kind not in DirectoryKind.values:
        raise ValidationFailed(_("名录库类别无效。"))
    directory, created = Directory.objects.get_or_create(
        authority=authority, kind=kind, defaults={"name": DIRECTORY_NAMES[DirectoryKind(kind)]}
    )
    if created:
        audit_log(actor=actor, action="inspections.directory.created", target=directory)
    return directory


def _clean_target(directory: Directory, data: dict[str, Any]) -> dict[str, Any]:
    if directory.kind == DirectoryKind.INSPECTOR:
        raise ValidationFailed(_("执法检查人员名录库不能登记检查对象。"))
    if data.get("target_class") not in TargetClass.values:
        raise ValidationFailed(_("分类无效。"), extra={"field": "target_class"})
    if data.get("scale", "") not in ("", *Scale.values):
        raise ValidationFailed(_("规模无效。"), extra={"field": "scale"})
    if data.get("risk_level", RiskLevel.LOW) not in RiskLevel.values:
        raise ValidationFailed(_("风险等级无效。"), extra={"field": "risk_level"})
    reasons = list(data.get("abnormal_reasons", []))
    if any(r not in AbnormalReason.values for r in reasons):
        raise ValidationFailed(_("异常情形无效。"), extra={"field": "abnormal_reasons"})
    if directory.kind == DirectoryKind.ABNORMAL and not reasons:
        raise ValidationFailed(
            _("异常名录库的检查对象须至少有一种异常情形。"), extra={"field": "abnormal_reasons"}
        )
    return {
        "target_class": data["target_class"],
        "industry": data.get("industry", ""),
        "scale": data.get("scale", ""),
        "tax_paid": dict(data.get("tax_paid", {})),
        "abnormal_reasons": sorted(set(reasons)),
        "risk_level": data.get("risk_level", RiskLevel.LOW),
        "credit_grade": data.get("credit_grade", ""),
        "inspection_history": data.get("inspection_history", ""),
        "penalty_history": data.get("penalty_history", ""),
        "last_inspected_on": data.get("last_inspected_on"),
        "active": data.get("active", True),
    }


@transaction.atomic
def target_upsert(
    *, actor: User, directory: Directory, taxpayer: Taxpayer, data: dict[str, Any]
) -> TargetEntry:
    """Put a taxpayer into a target directory or update its entry (idempotent)."""
    require_organiser(actor, directory.authority)
    if not authority_in_scope(actor, taxpayer.authority):
        raise PermissionDeniedError(_("该纳税人不在您的数据权限范围内。"))
    values = _clean_target(directory, data)
    entry, created = TargetEntry.objects.update_or_create(
        directory=directory, taxpayer=taxpayer, defaults={**values, "authority": directory.authority}
    )
    audit_log(
        actor=actor,
        action="inspections.target." + ("created" if created else "updated"),
        target=entry,
        after={"target_class": entry.target_class, "risk_level": entry.risk_level},
    )
    return entry


@transaction.atomic
def inspector_upsert(
    *, actor: User, directory: Directory, user: User, data: dict[str, Any]
) -> InspectorEntry:
    """Put a staff member with an enforcement certificate into the inspector directory (idempotent)."""
    require_organiser(actor, directory.authority)
    if directory.kind != DirectoryKind.INSPECTOR:
        raise ValidationFailed(_("只能在执法检查人员名录库中登记检查人员。"))
    if user.authority is None or not authority_in_scope(actor, user.authority):
        raise PermissionDeniedError(_("该人员不在您的数据权限范围内。"))
    number = data.get("certificate_number") or ""
    certificate = (
        user.certificates.filter(number=number).first()
        if number
        else user.certificates.order_by("-valid_until").first()
    )
    if certificate is None:
        raise ValidationFailed(
            _("该人员没有登记执法证件，不能列入检查人员名录库。"), extra={"field": "certificate_number"}
        )
    cases = data.get("other_cases_in_hand", 0)
    if not isinstance(cases, int) or cases < 0:
        raise ValidationFailed(_("在办案件数须为非负整数。"), extra={"field": "other_cases_in_hand"})
    entry, created = InspectorEntry.objects.update_or_create(
        directory=directory,
        user=user,
        defaults={
            "authority": directory.authority,
            "certificate_number": certificate.number,
            "industries": sorted(set(data.get("industries", []))),
            "tax_types": sorted(set(data.get("tax_types", []))),
            "case_types": sorted(set(data.get("case_types", []))),
            "other_cases_in_hand": cases,
            "active": data.get("active", True),
        },
    )
    audit_log(
        actor=actor, action="inspections.inspector." + ("created" if created else "updated"), target=entry
    )
    return entry


@transaction.atomic
def conflict_declare(
    *, actor: User, inspector: User, taxpayer: Taxpayer, kind: str, note: str = ""
) -> Conflict:
    """Record a conflict of interest 回避情形 (idempotent per inspector, taxpayer and kind)."""
    require_organiser(actor, taxpayer.authority)
    from ..choices import ConflictKind

    if kind not in ConflictKind.values:
        raise ValidationFailed(_("回避情形无效。"))
    conflict, created = Conflict.objects.get_or_create(
        inspector=inspector,
        taxpayer=taxpayer,
        kind=kind,
        defaults={"note": note, "authority": taxpayer.authority},
    )
    if created:
        audit_log(actor=actor, action="inspections.conflict.created", target=conflict)
    return conflict


# ------------------------------------------------------------------------------ Excel import


TARGET_COLUMNS = {
    "纳税人识别号": "tin",
    "统一社会信用代码": "tin",
    "分类": "target_class",
    "行业": "industry",
    "规模": "scale",
    "风险等级": "risk_level",
    "纳税信用级别": "credit_grade",
    "异常情形": "abnormal_reasons",
    "最近一次随机抽查日期": "last_inspected_on",
    "检查记录": "inspection_history",
    "处罚记录": "penalty_history",
}


def _sheet_rows(file_name: str, content: bytes) -> list[tuple[Any, ...]]:
    """The first worksheet's rows (header first), read through the safe reader: a zip bomb, an XML
    entity, a corrupt or mislabelled file or too many rows gets a clear error naming the file."""
    try:
        book = safefiles.open_workbook(io.BytesIO(content), name=file_name)
    except safefiles.UnsafeFile as exc:
        raise ValidationFailed(f"{exc}。") from exc
    try:
        rows = list(book.worksheets[0].iter_rows(values_only=True))
    except safefiles.UnsafeFile as exc:  # a limit crossed while reading
        raise ValidationFailed(f"{exc}。") from exc
    finally:
        book.close()
    if not rows:
        raise ValidationFailed(_("%(file)s：工作表为空。") % {"file": file_name})
    return rows


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)


def _by_label(choices: Any) -> dict[str, str]:
    return {str(label): value for value, label in choices.choices} | {
        value: value for value in choices.values
    }


@transaction.atomic
def targets_import_excel(
    *, actor: User, directory: Directory, file_name: str, content: bytes
) -> ImportReport:
    """Import target entries from an .xlsx sheet (header row, one taxpayer per row).

    All or nothing: any bad row stops the import and each error names the file, the row and the
    field. Importing the same file again changes nothing (entries are upserted by taxpayer).
    Columns: 纳税人识别号 or 统一社会信用代码, 分类, 行业, 规模, 风险等级, 纳税信用级别, 异常情形
    (separated by 、 or ;), 最近一次随机抽查日期, 检查记录, 处罚记录, and 纳税额YYYY per year.
    """
    require_organiser(actor, directory.authority)
    if directory.kind == DirectoryKind.INSPECTOR:
        raise ValidationFailed(_("执法检查人员名录库请导入检查人员名单。"))
    rows = _sheet_rows(file_name, content)
    header = [str(h or "").strip() for h in rows[0]]
    if not any(TARGET_COLUMNS.get(h) == "tin" for h in header):
        raise ValidationFailed(
            _("%(file)s 第1行：缺少“纳税人识别号”或“统一社会信用代码”列。") % {"file": file_name}
        )
    classes, scales, risks, reasons = (
        _by_label(TargetClass),
        _by_label(Scale),
        _by_label(RiskLevel),
        _by_label(AbnormalReason),
    )
    report = ImportReport()
    errors = report.errors
    parsed: list[tuple[Taxpayer, dict[str, Any]]] = []
    for number, values in enumerate(rows[1:], start=2):
        if not any(v not in (None, "") for v in values):
            continue
        record: dict[str, Any] = {"tax_paid": {}}
        tin = ""

        def fail(label: str, message: str, number: int = number) -> None:
            errors.append(
                _("%(file)s 第%(row)d行“%(field)s”：%(message)s")
                % {"file": file_name, "row": number, "field": label, "message": message}
            )

        for label, value in zip(header, values, strict=False):
            text = "" if value is None else str(value).strip()
            target = TARGET_COLUMNS.get(label)
            if target == "tin":
                tin = tin or text
            elif label.startswith("纳税额") and label[3:7].isdigit():
                if text:
                    try:
                        record["tax_paid"][label[3:7]] = str(round(float(text), 2))
                    except ValueError:
                        fail(label, _("不是数字"))
            elif target == "target_class":
                if text not in classes:
                    fail(
                        label,
                        _("应为 %(values)s 之一") % {"values": "、".join(str(x.label) for x in TargetClass)},
                    )
                record["target_class"] = classes.get(text, "")
            elif target == "scale":
                if text and text not in scales:
                    fail(label, _("应为 大型、中型、小型、微型 之一"))
                record["scale"] = scales.get(text, "")
            elif target == "risk_level":
                if text and text not in risks:
                    fail(label, _("应为 高、中、低 之一"))
                record["risk_level"] = risks.get(text, RiskLevel.LOW)
            elif target == "abnormal_reasons":
                parts = [
                    p.strip() for p in text.replace(";", "、").replace("；", "、").split("、") if p.strip()
                ]
                unknown = [p for p in parts if p not in reasons]
                if unknown:
                    fail(label, _("无法识别：%(values)s") % {"values": "、".join(unknown)})
                record["abnormal_reasons"] = [reasons[p] for p in parts if p in reasons]
            elif target == "last_inspected_on":
                if isinstance(value, datetime.datetime):
                    record[target] = value.date()
                elif isinstance(value, datetime.date):
                    record[target] = value
                elif text:
                    try:
                        record[target] = datetime.date.fromisoformat(text)
                    except ValueError:
                        fail(label, _("日期格式应为 2024-03-01"))
            elif target:
                record[target] = text
        if not tin:
            fail("纳税人识别号", _("不能为空"))
            continue
        taxpayer = (
            Taxpayer.objects.visible_to(actor).filter(uscc=tin).first()
            or Taxpayer.objects.visible_to(actor).filter(tin=tin).first()
        )
        if taxpayer is None:
            fail("纳税人识别号", _("未找到该纳税人（%(tin)s）") % {"tin": tin})
            continue
        parsed.append((taxpayer, record))
    if errors:
        raise ValidationFailed(errors[0], extra={"errors": errors})
    for taxpayer, record in parsed:
        existed = TargetEntry.objects.filter(directory=directory, taxpayer=taxpayer).exists()
        try:
            target_upsert(actor=actor, directory=directory, taxpayer=taxpayer, data=record)
        except ValidationFailed as exc:
            errors.append(
                _("%(file)s：纳税人 %(name)s：%(message)s")
                % {"file": file_name, "name": taxpayer.name, "message": exc.message}
            )
            continue
        if existed:
            report.updated += 1
        else:
            report.created += 1
    if errors:
        raise ValidationFailed(errors[0], extra={"errors": errors})
    audit_log(
        actor=actor,
        action="inspections.directory.imported",
        target=directory,
        data={"file": file_name, "created": report.created, "updated": report.updated},
    )
    return report


INSPECTOR_COLUMNS = {
    "账号": "username",
    "执法证号": "certificate_number",
    "擅长行业": "industries",
    "擅长税种": "tax_types",
    "擅长案件类型": "case_types",
    "其他在办案件数": "other_cases_in_hand",
}


@transaction.atomic
def inspectors_import_excel(
    *, actor: User, directory: Directory, file_name: str, content: bytes
) -> ImportReport:
    """Import the inspector directory from an .xlsx sheet: 账号 or 执法证号, 擅长行业, 擅长税种,
    擅长案件类型 (several separated by 、), 其他在办案件数. All or nothing; idempotent; every
    error names the file, the row and the field."""
    require_organiser(actor, directory.authority)
    if directory.kind != DirectoryKind.INSPECTOR:
        raise ValidationFailed(_("只能向执法检查人员名录库导入检查人员。"))
    from sanxiang.org.models import User as StaffUser

    rows = _sheet_rows(file_name, content)
    header = [str(h or "").strip() for h in rows[0]]
    if not {"账号", "执法证号"} & set(header):
        raise ValidationFailed(_("%(file)s 第1行：缺少“账号”或“执法证号”列。") % {"file": file_name})
    report = ImportReport()
    parsed: list[tuple[Any, dict[str, Any]]] = []
    for number, values in enumerate(rows[1:], start=2):
        if not any(v not in (None, "") for v in values):
            continue
        record: dict[str, Any] = {}
        for label, value in zip(header, values, strict=False):
            target = INSPECTOR_COLUMNS.get(label)
            text = "" if value is None else str(value).strip()
            if target in ("industries", "tax_types", "case_types"):
                record[target] = [
                    p.strip() for p in text.replace(";", "、").replace("；", "、").split("、") if p.strip()
                ]
            elif target == "other_cases_in_hand":
                if text and not text.isdigit():
                    report.errors.append(
                        _("%(file)s 第%(row)d行“%(field)s”：%(message)s")
                        % {"file": file_name, "row": number, "field": label, "message": _("应为非负整数")}
                    )
                record[target] = int(text) if text.isdigit() else 0
            elif target:
                record[target] = text
        user = None
        if record.get("username"):
            user = StaffUser.objects.filter(username=record["username"], is_active=True).first()
        elif record.get("certificate_number"):
            user = StaffUser.objects.filter(
                certificates__number=record["certificate_number"], is_active=True
            ).first()
        if user is None:
            field = "账号" if record.get("username") or "账号" in header else "执法证号"
            report.errors.append(
                _("%(file)s 第%(row)d行“%(field)s”：%(message)s")
                % {"file": file_name, "row": number, "field": field, "message": _("未找到该人员")}
            )
            continue
        record.pop("username", None)
        parsed.append((user, record))
    if report.errors:
        raise ValidationFailed(report.errors[0], extra={"errors": report.errors})
    for user, record in parsed:
        existed = InspectorEntry.objects.filter(directory=directory, user=user).exists()
        try:
            inspector_upsert(actor=actor, directory=directory, user=user, data=record)
        except (ValidationFailed, PermissionDeniedError) as exc:
            report.errors.append(
                _("%(file)s：%(name)s：%(message)s")
                % {"file": file_name, "name": user.display_name, "message": exc.message}
            )
            continue
        report.updated += existed
        report.created += not existed
    if report.errors:
        raise ValidationFailed(report.errors[0], extra={"errors": report.errors})
    audit_log(
        actor=actor,
        action="inspections.directory.imported",
        target=directory,
        data={"file": file_name, "created": report.created, "updated": report.updated},
    )
    return report


# ---------------------------------------------------------------------------------- snapshots


def exclusion_years() -> int:
    return int(settings.SANXIANG_INSPECTIONS_EXCLUSION_YEARS)


def _last_random_inspections(taxpayer_ids: list[int]) -> dict[int, datetime.date]:
    return dict(
        InspectionTask.objects.filter(taxpayer_id__in=taxpayer_ids)
        .values("taxpayer_id")
        .annotate(last=Max("started_on"))
        .values_list("taxpayer_id", "last")
    )


def directory_rows(directory: Directory) -> list[dict[str, Any]]:
    """The public rows of the directory as it stands now (``rules.target_row`` / ``inspector_row``)."""
    if directory.kind == DirectoryKind.INSPECTOR:
        inspectors = list(directory.inspectors.filter(active=True).select_related("user"))
        open_counts: dict[int, int] = {}
        for user_id in Assignment.objects.filter(
            status=AssignmentStatus.ACTIVE,
            task__status=TaskStatus.OPEN,
            inspector_id__in=[e.user_id for e in inspectors],
        ).values_list("inspector_id", flat=True):
            open_counts[user_id] = open_counts.get(user_id, 0) + 1
        return [
            rules.inspector_row(
                key=inspector_key(e.user_id),
                name=e.user.display_name,
                certificate_number=e.certificate_number,
                industries=e.industries,
                tax_types=e.tax_types,
                case_types=e.case_types,
                cases_in_hand=e.other_cases_in_hand + open_counts.get(e.user_id, 0),
            )
            for e in inspectors
        ]
    entries = list(directory.targets.filter(active=True).select_related("taxpayer"))
    drawn = _last_random_inspections([e.taxpayer_id for e in entries])
    rows = []
    for e in entries:
        dates = [d for d in (e.last_inspected_on, drawn.get(e.taxpayer_id)) if d]
        rows.append(
            rules.target_row(
                key=target_key(e.taxpayer_id),
                name=e.taxpayer.name,
                taxpayer_kind=e.taxpayer.kind,
                uscc=e.taxpayer.uscc,
                directory_kind=directory.kind,
                target_class=e.target_class,
                industry=e.industry,
                scale=e.scale,
                abnormal_reasons=e.abnormal_reasons,
                risk_level=e.risk_level,
                last_random_inspection=max(dates) if dates else None,
            )
        )
    return rows


@transaction.atomic
def snapshot_take(*, actor: User, directory: Directory, today: datetime.date) -> DirectorySnapshot:
    """Freeze the directory's public rows as a new version; the latest version again if nothing changed."""
    require_organiser(actor, directory.authority)
    directory = Directory.objects.select_for_update().get(pk=directory.pk)
    rows = drawlib.canonical_rows(directory_rows(directory))
    hashed = drawlib.snapshot_hash(rows)
    latest = directory.snapshots.order_by("-version").first()
    if latest is not None and latest.snapshot_hash == hashed:
        return latest
    directory.version += 1
    directory.save(update_fields=["version"])
    snapshot = DirectorySnapshot.objects.create(
        directory=directory,
        authority=directory.authority,
        version=directory.version,
        rows=rows,
        snapshot_hash=hashed,
        row_count=len(rows),
        taken_on=today,
        created_by=actor,
    )
    audit_log(
        actor=actor,
        action="inspections.snapshot.created",
        target=snapshot,
        after={"version": snapshot.version, "snapshot_hash": hashed, "rows": len(rows)},
    )
    return snapshot
