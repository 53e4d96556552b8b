"""Organisation chart import: a workbook of authorities, departments, external units and staff,
applied all or nothing through the organisation services (``sanxiang.org.services``), with a
dry-run preview and one audit entry per change once the whole import has succeeded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanxiang.kernel import access
from sanxiang.kernel.auditing import audit_log
from sanxiang.kernel.choices import QualificationKind
from sanxiang.kernel.exceptions import PermissionDeniedError, ValidationFailed
from sanxiang.lib import orgchart
from sanxiang.org import selectors_org
from sanxiang.org.models import (
    Authority,
    Department,
    EnforcementCertificate,
    ExternalUnit,
    Qualification,
    Role,
    User,
)

# The snapshot helpers and the level check are package-private to sanxiang.org.services.
from . import (
    _authority_snapshot,
    _check_level,
    _department_snapshot,
    _external_unit_snapshot,
    _user_snapshot,
    user_sync_admin_site_access,
)

IMPORT_KIND_LABELS = {
    "authority": gettext_lazy("机关"),
    "department": gettext_lazy("部门"),
    "user": gettext_lazy("人员"),
    "external_unit": gettext_lazy("外部单位"),
    "certificate": gettext_lazy("执法证件"),
    "qualification": gettext_lazy("法律职业资格"),
}


@dataclass(frozen=True)
class ImportItem:
    kind: str  # a key of IMPORT_KIND_LABELS
    key: str
    label: str
    action: str  # created / updated / unchanged

    @property
    def kind_label(self) -> str:
        return str(IMPORT_KIND_LABELS[self.kind])


@dataclass
class ImportReport:
    """What an import did (or, for a dry run, would do). Errors mean nothing was written."""

    dry_run: bool
    items: list[ImportItem] = field(default_factory=list)
    errors: list[orgchart.OrgChartError] = field(default_factory=list)
    users_without_password: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, action: str, kind: str | None = None) -> int:
        return sum(1 for i in self.items if i.action == action and (kind is None or i.kind == kind))

    @property
    def created(self) -> int:
        return self.count("created")

    @property
    def updated(self) -> int:
        return self.count("updated")

    @property
    def unchanged(self) -> int:
        return self.count("unchanged")

    def changes(self) -> list[ImportItem]:
        return [i for i in self.items if i.action != "unchanged"]

    def summary(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": len(self.errors),
            "users_without_password": list(self.users_without_password),
        }

    def as_dict(self) -> dict[str, Any]:
        """The whole report as JSON (a background job's result), read by the same templates."""
        return {
            **self.summary(),
            "dry_run": self.dry_run,
            "ok": self.ok,
            "errors": [
                {"sheet": e.sheet, "row": e.row, "column": e.column, "message": str(e.message)}
                for e in self.errors
            ],
            "changes": [
                {
                    "kind": i.kind,
                    "kind_label": i.kind_label,
                    "key": i.key,
                    "label": i.label,
                    "action": i.action,
                }
                for i in self.changes()
            ],
        }


class _Rollback(Exception):
    """Raised inside the import savepoint to undo a dry run or a run with errors."""


@transaction.atomic
def org_chart_import(
    *,
    actor: User,
    path_or_file: str | Path | IO[bytes],
    dry_run: bool = False,
    file_name: str | None = None,
) -> ImportReport:
    """Import an organisation chart workbook: all rows or none, matching existing rows by code.

    Authorities match by 机关代码, departments by 部门代码 (else name) within their authority, users by
    用户名, external units by name. Re-importing the same file changes nothing. New users get an
    unusable password and are listed in ``users_without_password``. A dry run applies everything in
    a savepoint that is rolled back, so the preview is exactly what the real run would do. With
    errors, a dry run returns them in the report; a real run raises ``ValidationFailed`` carrying
    the report in ``extra["report"]``.
    """
    access.org_require_admin(actor)
    report = ImportReport(dry_run=dry_run)
    existing_authorities = dict(Authority.objects.values_list("code", "level"))
    existing_departments = {
        (code, name) for code, name in Department.objects.values_list("authority__code", "name")
    }
    chart = orgchart.parse_org_chart(
        path_or_file,
        existing_authorities=existing_authorities,
        existing_departments=existing_departments,
        name=file_name,
    )
    report.errors.extend(chart.errors)
    applier = _OrgChartApplier(actor, report)
    if chart.ok:
        try:
            with transaction.atomic():
                applier.apply(chart)
                if dry_run or report.errors:
                    raise _Rollback
        except _Rollback:
            pass
    if not dry_run:
        if report.errors:
            raise ValidationFailed(
                _("组织架构表有 %(count)d 处错误，未导入任何数据。") % {"count": len(report.errors)},
                extra={"report": report},
            )
        # Entries are written only once the whole import has succeeded.
        for entry in applier.pending_audit:
            audit_log(actor=actor, **entry)
        audit_log(actor=actor, action="core.org_chart.imported", data=report.summary())
    return report


class _OrgChartApplier:
    """Applies a parsed chart row by row, recording each outcome or error against its row."""

    def __init__(self, actor: User, report: ImportReport):
        self.actor = actor
        self.report = report
        self.pending_audit: list[dict[str, Any]] = []
        self.authorities: dict[str, Authority] = {}

    def error(self, sheet: str, row: int, column: str, message: Any) -> None:
        self.report.errors.append(orgchart.OrgChartError(sheet, row, column, str(message)))

    def item(self, kind: str, key: str, label: str, action: str) -> None:
        self.report.items.append(ImportItem(kind=kind, key=key, label=label, action=action))

    def log(self, **kwargs: Any) -> None:
        self.pending_audit.append(kwargs)

    def apply(self, chart: orgchart.OrgChart) -> None:
        for row in chart.authorities:
            self.authority(row)
        for department_row in chart.departments:
            self.department(department_row)
        for unit_row in chart.external_units:
            self.external_unit(unit_row)
        for person_row in chart.people:
            self.person(person_row)

    def get_authority(self, code: str) -> Authority | None:
        if code not in self.authorities:
            found = Authority.objects.filter(code=code).first()
            if found is None:
                return None
            self.authorities[code] = found
        return self.authorities[code]

    def writable(self, authority: Authority) -> bool:
        return selectors_org.authority_writable_list(actor=self.actor).filter(pk=authority.pk).exists()

    def authority(self, row: orgchart.AuthorityRow) -> None:
        sheet = orgchart.SHEET_AUTHORITIES
        fields = {
            "name": row.name,
            "short_name": row.short_name,
            "level": row.level,
            "public_phone": row.public_phone,
            "address": row.address,
        }
        existing = Authority.objects.filter(code=row.code).first()
        if existing is not None:
            if not self.writable(existing):
                self.error(
                    sheet, row.row, "机关代码", _("您的数据权限不包括机关「%(code)s」。") % {"code": row.code}
                )
                return
            parent_code = Authority.objects.get_parent(existing).code if existing.depth > 1 else ""
            if parent_code != row.parent_code:
                self.error(
                    sheet,
                    row.row,
                    "上级机关代码",
                    _("机关「%(code)s」在系统中的上级是「%(parent)s」，导入不能移动机关。")
                    % {"code": row.code, "parent": parent_code or _("（无）")},
                )
                return
            before = _authority_snapshot(existing)
            changed = {k: v for k, v in fields.items() if getattr(existing, k) != v}
            if changed:
                try:
                    _check_level(
                        row.level,
                        Authority.objects.get_parent(existing) if existing.depth > 1 else None,
                        Authority.objects.get_children(existing),
                    )
                except ValidationFailed as exc:
                    self.error(sheet, row.row, "层级", exc.message)
                    return
                for k, v in changed.items():
                    setattr(existing, k, v)
                existing.save(update_fields=list(changed))
                self.log(
                    action="core.authority.updated",
                    target=existing,
                    before=before,
                    after=_authority_snapshot(existing),
                )
            self.authorities[row.code] = existing
            self.item("authority", row.code, row.name, "updated" if changed else "unchanged")
            return
        parent = self.get_authority(row.parent_code) if row.parent_code else None
        if parent is None and not access.sees_all(self.actor):
            self.error(sheet, row.row, "上级机关代码", _("只有全部数据权限的管理员可以创建顶级机关。"))
            return
        if parent is not None and not self.writable(parent):
            self.error(
                sheet,
                row.row,
                "上级机关代码",
                _("您的数据权限不包括上级机关「%(code)s」。") % {"code": row.parent_code},
            )
            return
        if parent is not None:
            parent = Authority.objects.get(pk=parent.pk)  # fresh numchild for treebeard
            created = Authority.objects.add_child(parent, {"code": row.code, **fields})
        else:
            created = Authority.objects.add_root({"code": row.code, **fields})
        created = Authority.objects.get(pk=created.pk)
        # Sorted insertion may shift sibling paths: drop cached instances.
        self.authorities = {row.code: created}
        self.log(action="core.authority.created", target=created, after=_authority_snapshot(created))
        self.item("authority", row.code, row.name, "created")

    def department(self, row: orgchart.DepartmentRow) -> None:
        sheet = orgchart.SHEET_DEPARTMENTS
        authority = self.get_authority(row.authority_code)
        if authority is None or not self.writable(authority):
            self.error(
                sheet,
                row.row,
                "机关代码",
                _("您的数据权限不包括机关「%(code)s」。") % {"code": row.authority_code},
            )
            return
        qs = Department.objects.filter(authority=authority)
        existing = (qs.filter(code=row.code).first() if row.code else None) or qs.filter(
            name=row.name
        ).first()
        key = f"{row.authority_code}/{row.code or row.name}"
        if existing is None:
            dept = Department.objects.create(
                authority=authority, name=row.name, code=row.code, aliases=list(row.aliases)
            )
            self.log(action="core.department.created", target=dept, after=_department_snapshot(dept))
            self.item("department", key, f"{authority.display_name}·{row.name}", "created")
            return
        if existing.name != row.name and qs.filter(name=row.name).exclude(pk=existing.pk).exists():
            self.error(
                sheet,
                row.row,
                "部门名称",
                _("同一机关下已有名为「%(name)s」的其他部门。") % {"name": row.name},
            )
            return
        before = _department_snapshot(existing)
        existing.name = row.name
        existing.code = row.code or existing.code
        existing.aliases = list(row.aliases) or existing.aliases
        after = _department_snapshot(existing)
        if after != before:
            existing.save()
            self.log(action="core.department.updated", target=existing, before=before, after=after)
        self.item(
            "department",
            key,
            f"{authority.display_name}·{row.name}",
            "updated" if after != before else "unchanged",
        )

    def external_unit(self, row: orgchart.ExternalUnitRow) -> None:
        sheet = orgchart.SHEET_EXTERNAL_UNITS
        authority = self.get_authority(row.authority_code)
        if authority is None or not self.writable(authority):
            self.error(
                sheet,
                row.row,
                "对接机关代码",
                _("您的数据权限不包括机关「%(code)s」。") % {"code": row.authority_code},
            )
            return
        lead = Department.objects.filter(authority=authority, name=row.department_name).first()
        if row.department_name and lead is None:
            self.error(sheet, row.row, "对接部门", _("对接部门未能导入，见上方错误。"))
            return
        existing = ExternalUnit.objects.filter(name=row.name).first()
        if existing is None:
            unit = ExternalUnit.objects.create(
                name=row.name, aliases=list(row.aliases), authority=authority, lead_department=lead
            )
            self.log(action="core.external_unit.created", target=unit, after=_external_unit_snapshot(unit))
            self.item("external_unit", row.name, row.name, "created")
            return
        if not self.writable(existing.authority):
            self.error(
                sheet,
                row.row,
                "名称",
                _("外部单位「%(name)s」由您数据权限以外的机关对接。") % {"name": row.name},
            )
            return
        before = _external_unit_snapshot(existing)
        existing.aliases = list(row.aliases) or existing.aliases
        existing.authority = authority
        existing.lead_department = lead
        after = _external_unit_snapshot(existing)
        if after != before:
            existing.save()
            self.log(action="core.external_unit.updated", target=existing, before=before, after=after)
        self.item("external_unit", row.name, row.name, "updated" if after != before else "unchanged")

    def person(self, row: orgchart.PersonRow) -> None:
        sheet = orgchart.SHEET_PEOPLE
        authority = self.get_authority(row.authority_code)
        department = (
            Department.objects.filter(authority=authority, name=row.department_name).first()
            if authority is not None and row.department_name
            else None
        )
        if authority is None or (row.department_name and department is None):
            self.error(sheet, row.row, "机关代码", _("所属机关或部门未能导入，见上方错误。"))
            return
        user = User.objects.filter(username__iexact=row.username).first()
        if user is not None:
            try:
                access.org_require_manages_user(self.actor, user)
            except PermissionDeniedError as exc:
                self.error(sheet, row.row, "用户名", exc.message)
                return
            if not row.department_name and user.authority_id == authority.pk:
                department = user.department  # blank keeps the current department
        data_scope = row.data_scope or (user.data_scope if user is not None else orgchart.DEFAULT_DATA_SCOPE)
        try:
            access.org_require_may_place_user(self.actor, authority, department)
        except PermissionDeniedError as exc:
            self.error(sheet, row.row, "机关代码", exc.message)
            return
        try:
            access.org_require_grantable_scope(self.actor, data_scope)
        except (PermissionDeniedError, ValidationFailed) as exc:
            self.error(sheet, row.row, "数据权限", exc.message)
            return
        if user is None:
            user = User(
                username=row.username,
                full_name=row.full_name,
                authority=authority,
                department=department,
                data_scope=data_scope,
            )
            user.set_unusable_password()
            user.save()
            user.roles.set(Role.objects.filter(code__in=row.roles or ()))
            user_sync_admin_site_access(user)
            self.log(action="core.user.created", target=user, after=_user_snapshot(user))
            self.item("user", row.username, row.full_name, "created")
            self.report.users_without_password.append(row.username)
        else:
            before = _user_snapshot(user)
            user.full_name = row.full_name
            user.authority = authority
            user.department = department
            user.data_scope = data_scope
            user.save()
            if row.roles is not None:
                user.roles.set(Role.objects.filter(code__in=row.roles))
            user_sync_admin_site_access(user)
            after = _user_snapshot(user)
            if after != before:
                self.log(action="core.user.updated", target=user, before=before, after=after)
            self.item("user", row.username, row.full_name, "updated" if after != before else "unchanged")
            if not user.has_usable_password():
                self.report.users_without_password.append(row.username)
        if row.certificate is not None:
            self.certificate(row, user)
        if row.qualification is not None:
            self.qualification(row, user)

    def certificate(self, row: orgchart.PersonRow, user: User) -> None:
        cert = row.certificate
        assert cert is not None
        existing = EnforcementCertificate.objects.filter(number=cert.number).first()
        values = {
            "issued_by": cert.issued_by,
            "valid_from": cert.valid_from,
            "valid_until": cert.valid_until,
        }
        if existing is None:
            created = EnforcementCertificate.objects.create(holder=user, number=cert.number, **values)
            self.log(
                action="core.certificate.added",
                target=created,
                after={"holder": user.pk, "number": cert.number},
            )
            self.item("certificate", cert.number, user.display_name, "created")
            return
        if existing.holder_id != user.pk:
            self.error(
                orgchart.SHEET_PEOPLE,
                row.row,
                "执法证号",
                _("执法证号「%(number)s」已登记在其他人员名下。") % {"number": cert.number},
            )
            return
        changed = {k: v for k, v in values.items() if getattr(existing, k) != v}
        if changed:
            for k, v in changed.items():
                setattr(existing, k, v)
            existing.save(update_fields=list(changed))
            self.log(
                action="core.certificate.updated",
                target=existing,
                after={"number": cert.number, **{k: str(v) for k, v in changed.items()}},
            )
        self.item("certificate", cert.number, user.display_name, "updated" if changed else "unchanged")

    def qualification(self, row: orgchart.PersonRow, user: User) -> None:
        qual = row.qualification
        assert qual is not None
        kind = QualificationKind.LEGAL_PROFESSION
        existing = Qualification.objects.filter(kind=kind, number=qual.number).first()
        if existing is None:
            created = Qualification.objects.create(
                holder=user, kind=kind, number=qual.number, obtained_on=qual.obtained_on
            )
            self.log(
                action="core.qualification.added",
                target=created,
                after={"holder": user.pk, "number": qual.number},
            )
            self.item("qualification", qual.number, user.display_name, "created")
            return
        if existing.holder_id != user.pk:
            self.error(
                orgchart.SHEET_PEOPLE,
                row.row,
                "法律职业资格证号",
                _("法律职业资格证号「%(number)s」已登记在其他人员名下。") % {"number": qual.number},
            )
            return
        changed = existing.obtained_on != qual.obtained_on
        if changed:
            existing.obtained_on = qual.obtained_on
            existing.save(update_fields=["obtained_on"])
            self.log(action="core.qualification.updated", target=existing, after={"number": qual.number})
        self.item("qualification", qual.number, user.display_name, "updated" if changed else "unchanged")


def org_chart_template(target: str | Path | IO[bytes]) -> None:
    """Write the empty organisation chart workbook offered as 「下载模板」."""
    orgchart.write_template(target)


__all__ = ["IMPORT_KIND_LABELS", "ImportItem", "ImportReport", "org_chart_import", "org_chart_template"]
