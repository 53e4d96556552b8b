"""Organisation chart workbooks (组织架构导入表): parse an .xlsx into typed rows, write the template.

Pure Python on top of openpyxl: no Django. The file format is a fixed Chinese vocabulary (sheet
names, column headers, level, role and data-scope labels), independent of the UI language, so the
tables below are plain strings rather than translations. Every problem is reported with its sheet,
row number (as Excel shows it) and column header, so an administrator can find and fix it; the
parser never stops at the first error.

The parser only knows what is in the file. What already exists in the database is passed in
(``existing_authorities``: code → level, ``existing_departments``: (authority code, name)) so that a
sheet may refer to units imported earlier.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.styles import Font

from sanxiang.lib import safefiles

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS_PER_SHEET = 5000
HEADER_SEARCH_ROWS = 10

SHEET_AUTHORITIES = "机关"
SHEET_DEPARTMENTS = "部门"
SHEET_PEOPLE = "人员"
SHEET_EXTERNAL_UNITS = "外部单位"

# Level labels in the order of the tree, top first; a child's level must come later than its parent's.
LEVEL_ORDER: tuple[str, ...] = ("national", "provincial", "municipal", "county", "branch")
LEVEL_LABELS: dict[str, str] = {
    "国家税务总局": "national",
    "总局": "national",
    "省级": "provincial",
    "省局": "provincial",
    "市级": "municipal",
    "市局": "municipal",
    "区县级": "county",
    "县级": "county",
    "区县局": "county",
    "分局": "branch",
    "税务所": "branch",
    "分局/税务所": "branch",
}
ROLE_LABELS: dict[str, str] = {
    "执法人员": "enforcement_officer",
    "法制审核人员": "legal_reviewer",
    "审理委员会成员": "review_committee_member",
    "公示审批人": "publicity_approver",
    "政务公开专员": "open_government_officer",
    "督办员": "supervisor",
    "联络员": "liaison",
    "局领导": "leader",
    "系统管理员": "administrator",
    "档案管理员": "archivist",
    "政务公开办公室负责人": "open_government_head",
    "双随机抽查组织人员": "inspection_organiser",
}
DATA_SCOPE_LABELS: dict[str, str] = {
    "全部数据": "all",
    "全部": "all",
    "本单位及下级": "unit_and_below",
    "本单位": "unit",
    "本部门": "department",
    "仅本人": "self",
    "本人": "self",
}
DEFAULT_DATA_SCOPE = "department"
LIST_SEPARATORS = ("、", "，", ",", "；", ";")

# Column headers per sheet: (header, required column).
COLUMNS: dict[str, tuple[tuple[str, bool], ...]] = {
    SHEET_AUTHORITIES: (
        ("上级机关代码", True),
        ("机关代码", True),
        ("机关名称", True),
        ("简称", False),
        ("层级", True),
        ("对外电话", False),
        ("办公地址", False),
    ),
    SHEET_DEPARTMENTS: (
        ("机关代码", True),
        ("部门名称", True),
        ("部门代码", False),
        ("别名", False),
    ),
    SHEET_PEOPLE: (
        ("用户名", True),
        ("姓名", True),
        ("机关代码", True),
        ("部门名称", False),
        ("角色", False),
        ("数据权限", False),
        ("执法证号", False),
        ("执法证发证机关", False),
        ("执法证有效期起", False),
        ("执法证有效期至", False),
        ("法律职业资格证号", False),
        ("法律职业资格取得日期", False),
    ),
    SHEET_EXTERNAL_UNITS: (
        ("名称", True),
        ("别名", False),
        ("对接机关代码", True),
        ("对接部门", False),
    ),
}


@dataclass(frozen=True)
class OrgChartError:
    """One problem, located as an administrator sees it in Excel (row numbers start at 1)."""

    sheet: str
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        where = self.sheet
        if self.row:
            where += f" 第{self.row}行"
        if self.column:
            where += f"「{self.column}」"
        return f"{where}：{self.message}"


@dataclass(frozen=True)
class AuthorityRow:
    row: int
    parent_code: str
    code: str
    name: str
    short_name: str
    level: str
    public_phone: str
    address: str


@dataclass(frozen=True)
class DepartmentRow:
    row: int
    authority_code: str
    name: str
    code: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class CertificateRow:
    number: str
    issued_by: str
    valid_from: datetime.date
    valid_until: datetime.date


@dataclass(frozen=True)
class QualificationRow:
    number: str
    obtained_on: datetime.date


@dataclass(frozen=True)
class PersonRow:
    """One staff member. A blank 部门名称, 角色 or 数据权限 means "not given": a new user gets no
    department, no roles and ``DEFAULT_DATA_SCOPE``; an existing user keeps what they have."""

    row: int
    username: str
    full_name: str
    authority_code: str
    department_name: str
    roles: tuple[str, ...] | None
    data_scope: str | None
    certificate: CertificateRow | None
    qualification: QualificationRow | None


@dataclass(frozen=True)
class ExternalUnitRow:
    row: int
    name: str
    aliases: tuple[str, ...]
    authority_code: str
    department_name: str


@dataclass
class OrgChart:
    """The parsed workbook; ``authorities`` are ordered parents first."""

    authorities: list[AuthorityRow] = field(default_factory=list)
    departments: list[DepartmentRow] = field(default_factory=list)
    people: list[PersonRow] = field(default_factory=list)
    external_units: list[ExternalUnitRow] = field(default_factory=list)
    errors: list[OrgChartError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def level_rank(level: str) -> int:
    return LEVEL_ORDER.index(level)


def _text(value: Any) -> str:
    """A cell as text: Excel stores long numeric codes as numbers, so 6101.0 becomes "6101"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    return str(value).strip()


def split_list(value: str) -> tuple[str, ...]:
    for sep in LIST_SEPARATORS[1:]:
        value = value.replace(sep, LIST_SEPARATORS[0])
    return tuple(part.strip() for part in value.split(LIST_SEPARATORS[0]) if part.strip())


def _date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value).replace("/", "-").replace(".", "-")
    for fmt in ("%Y-%m-%d", "%Y%m%d"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


class _Sheet:
    """A worksheet's data rows as dicts keyed by header, with the Excel row number."""

    def __init__(self, name: str, rows: list[tuple[int, dict[str, Any]]]):
        self.name = name
        self.rows = rows


def _read_sheet(ws: Any, sheet: str, errors: list[OrgChartError]) -> _Sheet | None:
    wanted = COLUMNS[sheet]
    required = {name for name, req in wanted if req}
    known = {name for name, _ in wanted}
    header_row = None
    positions: dict[str, int] = {}
    rows_iter = ws.iter_rows(values_only=True)
    data: list[tuple[int, tuple[Any, ...]]] = []
    for number, values in enumerate(rows_iter, start=1):
        if header_row is None:
            labels = [_text(v) for v in values]
            if required <= set(labels):
                header_row = number
                for index, label in enumerate(labels):
                    if label in known and label not in positions:
                        positions[label] = index
            elif number >= HEADER_SEARCH_ROWS:
                break
            continue
        if all(_text(v) == "" for v in values):
            continue
        if len(data) >= MAX_ROWS_PER_SHEET:
            errors.append(
                OrgChartError(
                    sheet, number, "", f"数据行超过上限 {MAX_ROWS_PER_SHEET} 行，请拆分后分批导入。"
                )
            )
            return None
        data.append((number, values))
    if header_row is None:
        missing = "、".join(name for name, req in wanted if req)
        errors.append(
            OrgChartError(sheet, None, "", f"未找到表头行（前{HEADER_SEARCH_ROWS}行中须包含：{missing}）。")
        )
        return None
    rows = []
    for number, values in data:
        record = {name: (values[i] if i < len(values) else None) for name, i in positions.items()}
        rows.append((number, record))
    return _Sheet(sheet, rows)


def _required(
    sheet: str, number: int, record: dict[str, Any], column: str, errors: list[OrgChartError]
) -> str:
    value = _text(record.get(column))
    if not value:
        errors.append(OrgChartError(sheet, number, column, "不能为空。"))
    return value


def parse_org_chart(
    source: str | Path | IO[bytes],
    *,
    existing_authorities: Mapping[str, str] | None = None,
    existing_departments: Collection[tuple[str, str]] = (),
    name: str | None = None,
) -> OrgChart:
    """Parse an organisation chart workbook; every problem ends up in ``OrgChart.errors``."""
    chart = OrgChart()
    errors = chart.errors
    size = _size(source)
    if size is not None and size > MAX_FILE_BYTES:
        errors.append(OrgChartError("", None, "", f"文件超过 {MAX_FILE_BYTES // (1024 * 1024)} MB 上限。"))
        return chart
    try:
        wb = safefiles.open_workbook(source, name=name)
    except safefiles.UnsafeFile as exc:
        errors.append(OrgChartError("", None, "", f"{exc}。"))
        return chart
    try:
        sheets: dict[str, _Sheet] = {}
        names = {name.strip(): name for name in wb.sheetnames}
        if not any(name in names for name in COLUMNS):
            expected = "、".join(COLUMNS)
            errors.append(OrgChartError("", None, "", f"工作簿中没有可导入的工作表（应为：{expected}）。"))
            return chart
        for sheet in COLUMNS:
            if sheet in names:
                parsed = _read_sheet(wb[names[sheet]], sheet, errors)
                if parsed is not None:
                    sheets[sheet] = parsed
    except Exception:  # openpyxl parses lazily: a broken cell surfaces while the rows are read
        broken = safefiles.UnsafeFile("文件已损坏，工作表内容无法解析", file=name or "上传文件")
        errors.append(OrgChartError("", None, "", f"{broken}。"))
        return chart
    finally:
        wb.close()

    known_levels = dict(existing_authorities or {})
    _parse_authorities(sheets.get(SHEET_AUTHORITIES), chart, known_levels)
    known_departments = set(existing_departments)
    _parse_departments(sheets.get(SHEET_DEPARTMENTS), chart, known_levels, known_departments)
    _parse_people(sheets.get(SHEET_PEOPLE), chart, known_levels, known_departments)
    _parse_external_units(sheets.get(SHEET_EXTERNAL_UNITS), chart, known_levels, known_departments)
    return chart


def _size(source: str | Path | IO[bytes]) -> int | None:
    if isinstance(source, str | Path):
        try:
            return Path(source).stat().st_size
        except OSError:
            return None
    try:
        position = source.tell()
        source.seek(0, 2)
        size = source.tell()
        source.seek(position)
        return size
    except (AttributeError, OSError):
        return None


def _parse_authorities(sheet: _Sheet | None, chart: OrgChart, known_levels: dict[str, str]) -> None:
    if sheet is None:
        return
    errors = chart.errors
    name = SHEET_AUTHORITIES
    rows: dict[str, AuthorityRow] = {}
    for number, record in sheet.rows:
        before = len(errors)
        code = _required(name, number, record, "机关代码", errors)
        full_name = _required(name, number, record, "机关名称", errors)
        level_text = _required(name, number, record, "层级", errors)
        level = LEVEL_LABELS.get(level_text, level_text if level_text in LEVEL_ORDER else "")
        if level_text and not level:
            allowed = "、".join(LEVEL_LABELS)
            errors.append(OrgChartError(name, number, "层级", f"未知层级「{level_text}」，可填：{allowed}。"))
        if code and code in rows:
            errors.append(
                OrgChartError(name, number, "机关代码", f"机关代码「{code}」与第{rows[code].row}行重复。")
            )
            continue
        if len(errors) != before:
            continue
        rows[code] = AuthorityRow(
            row=number,
            parent_code=_text(record.get("上级机关代码")),
            code=code,
            name=full_name,
            short_name=_text(record.get("简称")),
            level=level,
            public_phone=_text(record.get("对外电话")),
            address=_text(record.get("办公地址")),
        )
    # Order parents first and check each parent exists (in the file or already) and ranks above.
    ordered: list[AuthorityRow] = []
    placed: set[str] = set()
    pending = list(rows.values())
    levels = dict(known_levels)
    levels.update({row.code: row.level for row in rows.values()})
    while pending:
        progress = False
        for row in list(pending):
            parent = row.parent_code
            if parent and parent in rows and parent not in placed:
                continue
            pending.remove(row)
            progress = True
            if parent == row.code:
                errors.append(OrgChartError(name, row.row, "上级机关代码", "上级机关不能是本机关。"))
                continue
            if parent and parent not in rows and parent not in known_levels:
                errors.append(
                    OrgChartError(
                        name, row.row, "上级机关代码", f"上级机关代码「{parent}」在本表和系统中都不存在。"
                    )
                )
                continue
            if parent and level_rank(row.level) <= level_rank(levels[parent]):
                errors.append(OrgChartError(name, row.row, "层级", "层级必须低于上级机关的层级。"))
                continue
            placed.add(row.code)
            ordered.append(row)
        if not progress:
            for row in pending:
                errors.append(OrgChartError(name, row.row, "上级机关代码", "上级机关关系形成循环。"))
            break
    chart.authorities = ordered
    known_levels.update({row.code: row.level for row in ordered})


def _check_authority(
    sheet: str,
    number: int,
    column: str,
    code: str,
    known_levels: Mapping[str, str],
    errors: list[OrgChartError],
) -> bool:
    if code and code not in known_levels:
        errors.append(
            OrgChartError(sheet, number, column, f"机关代码「{code}」在「机关」表和系统中都不存在。")
        )
        return False
    return bool(code)


def _parse_departments(
    sheet: _Sheet | None,
    chart: OrgChart,
    known_levels: Mapping[str, str],
    known_departments: set[tuple[str, str]],
) -> None:
    if sheet is None:
        return
    errors = chart.errors
    name = SHEET_DEPARTMENTS
    seen: dict[tuple[str, str], int] = {}
    seen_codes: dict[tuple[str, str], int] = {}
    for number, record in sheet.rows:
        before = len(errors)
        authority_code = _required(name, number, record, "机关代码", errors)
        dept_name = _required(name, number, record, "部门名称", errors)
        code = _text(record.get("部门代码"))
        _check_authority(name, number, "机关代码", authority_code, known_levels, errors)
        key = (authority_code, dept_name)
        if dept_name and key in seen:
            errors.append(
                OrgChartError(
                    name, number, "部门名称", f"同一机关下部门「{dept_name}」与第{seen[key]}行重复。"
                )
            )
        if code and (authority_code, code) in seen_codes:
            errors.append(
                OrgChartError(
                    name,
                    number,
                    "部门代码",
                    f"部门代码「{code}」与第{seen_codes[(authority_code, code)]}行重复。",
                )
            )
        if len(errors) != before:
            continue
        seen[key] = number
        if code:
            seen_codes[(authority_code, code)] = number
        chart.departments.append(
            DepartmentRow(
                row=number,
                authority_code=authority_code,
                name=dept_name,
                code=code,
                aliases=split_list(_text(record.get("别名"))),
            )
        )
        known_departments.add(key)


def _check_department(
    sheet: str,
    number: int,
    column: str,
    authority_code: str,
    dept_name: str,
    known_departments: set[tuple[str, str]],
    errors: list[OrgChartError],
) -> None:
    if dept_name and (authority_code, dept_name) not in known_departments:
        errors.append(
            OrgChartError(sheet, number, column, f"机关「{authority_code}」下没有部门「{dept_name}」。")
        )


def _parse_people(
    sheet: _Sheet | None,
    chart: OrgChart,
    known_levels: Mapping[str, str],
    known_departments: set[tuple[str, str]],
) -> None:
    if sheet is None:
        return
    errors = chart.errors
    name = SHEET_PEOPLE
    usernames: dict[str, int] = {}
    certificates: dict[str, int] = {}
    qualifications: dict[str, int] = {}
    for number, record in sheet.rows:
        before = len(errors)
        username = _required(name, number, record, "用户名", errors)
        full_name = _required(name, number, record, "姓名", errors)
        authority_code = _required(name, number, record, "机关代码", errors)
        dept_name = _text(record.get("部门名称"))
        if _check_authority(name, number, "机关代码", authority_code, known_levels, errors):
            _check_department(name, number, "部门名称", authority_code, dept_name, known_departments, errors)
        if username and username in usernames:
            errors.append(
                OrgChartError(
                    name, number, "用户名", f"用户名「{username}」与第{usernames[username]}行重复。"
                )
            )
        roles: list[str] = []
        role_labels = split_list(_text(record.get("角色")))
        for label in role_labels:
            code = ROLE_LABELS.get(label, label if label in ROLE_LABELS.values() else "")
            if not code:
                allowed = "、".join(ROLE_LABELS)
                errors.append(OrgChartError(name, number, "角色", f"未知角色「{label}」，可填：{allowed}。"))
            elif code not in roles:
                roles.append(code)
        scope_text = _text(record.get("数据权限"))
        scope: str | None = None
        if scope_text:
            scope = DATA_SCOPE_LABELS.get(
                scope_text, scope_text if scope_text in DATA_SCOPE_LABELS.values() else ""
            )
            if not scope:
                allowed = "、".join(DATA_SCOPE_LABELS)
                errors.append(
                    OrgChartError(
                        name, number, "数据权限", f"未知数据权限「{scope_text}」，可填：{allowed}。"
                    )
                )
        certificate = _certificate(name, number, record, errors, certificates)
        qualification = _qualification(name, number, record, errors, qualifications)
        if len(errors) != before:
            continue
        usernames[username] = number
        chart.people.append(
            PersonRow(
                row=number,
                username=username,
                full_name=full_name,
                authority_code=authority_code,
                department_name=dept_name,
                roles=tuple(roles) if role_labels else None,
                data_scope=scope,
                certificate=certificate,
                qualification=qualification,
            )
        )


def _certificate(
    sheet: str, number: int, record: dict[str, Any], errors: list[OrgChartError], seen: dict[str, int]
) -> CertificateRow | None:
    cert_number = _text(record.get("执法证号"))
    if not cert_number:
        return None
    if cert_number in seen:
        errors.append(
            OrgChartError(
                sheet, number, "执法证号", f"执法证号「{cert_number}」与第{seen[cert_number]}行重复。"
            )
        )
        return None
    seen[cert_number] = number
    issued_by = _text(record.get("执法证发证机关"))
    if not issued_by:
        errors.append(OrgChartError(sheet, number, "执法证发证机关", "填写执法证号时须填写发证机关。"))
    dates = []
    for column in ("执法证有效期起", "执法证有效期至"):
        value = _date(record.get(column))
        if value is None:
            errors.append(OrgChartError(sheet, number, column, "填写执法证号时须填写日期（如 2026-01-31）。"))
        dates.append(value)
    valid_from, valid_until = dates
    if valid_from and valid_until and valid_until < valid_from:
        errors.append(OrgChartError(sheet, number, "执法证有效期至", "有效期至不能早于有效期起。"))
        return None
    if not issued_by or valid_from is None or valid_until is None:
        return None
    return CertificateRow(
        number=cert_number, issued_by=issued_by, valid_from=valid_from, valid_until=valid_until
    )


def _qualification(
    sheet: str, number: int, record: dict[str, Any], errors: list[OrgChartError], seen: dict[str, int]
) -> QualificationRow | None:
    qual_number = _text(record.get("法律职业资格证号"))
    if not qual_number:
        return None
    if qual_number in seen:
        errors.append(
            OrgChartError(
                sheet, number, "法律职业资格证号", f"证书编号「{qual_number}」与第{seen[qual_number]}行重复。"
            )
        )
        return None
    seen[qual_number] = number
    obtained_on = _date(record.get("法律职业资格取得日期"))
    if obtained_on is None:
        errors.append(
            OrgChartError(
                sheet,
                number,
                "法律职业资格取得日期",
                "填写法律职业资格证号时须填写取得日期（如 2026-01-31）。",
            )
        )
        return None
    return QualificationRow(number=qual_number, obtained_on=obtained_on)


def _parse_external_units(
    sheet: _Sheet | None,
    chart: OrgChart,
    known_levels: Mapping[str, str],
    known_departments: set[tuple[str, str]],
) -> None:
    if sheet is None:
        return
    errors = chart.errors
    name = SHEET_EXTERNAL_UNITS
    seen: dict[str, int] = {}
    for number, record in sheet.rows:
        before = len(errors)
        unit_name = _required(name, number, record, "名称", errors)
        authority_code = _required(name, number, record, "对接机关代码", errors)
        dept_name = _text(record.get("对接部门"))
        if _check_authority(name, number, "对接机关代码", authority_code, known_levels, errors):
            _check_department(name, number, "对接部门", authority_code, dept_name, known_departments, errors)
        if unit_name and unit_name in seen:
            errors.append(
                OrgChartError(name, number, "名称", f"外部单位「{unit_name}」与第{seen[unit_name]}行重复。")
            )
        if len(errors) != before:
            continue
        seen[unit_name] = number
        chart.external_units.append(
            ExternalUnitRow(
                row=number,
                name=unit_name,
                aliases=split_list(_text(record.get("别名"))),
                authority_code=authority_code,
                department_name=dept_name,
            )
        )


TEMPLATE_NOTES: dict[str, str] = {
    SHEET_AUTHORITIES: "每行一个税务机关；按「机关代码」匹配已有机关。根机关的上级机关代码留空。",
    SHEET_DEPARTMENTS: "每行一个部门；同一机关下按部门代码（未填时按部门名称）匹配。别名用「、」分隔。",
    SHEET_PEOPLE: (
        "每行一名工作人员；按用户名匹配。角色用「、」分隔。部门、角色、数据权限留空时，"
        "已有人员保持原值，新人员按无部门、无角色、本部门处理。新导入的人员没有密码，须由管理员设置。"
    ),
    SHEET_EXTERNAL_UNITS: "其他政府部门（不设账号）；按名称匹配。对接部门须属于对接机关。",
}


def write_template(target: str | Path | IO[bytes]) -> None:
    """Write an empty organisation chart workbook with headers and the allowed values."""
    wb = Workbook()
    first = True
    for sheet, columns in COLUMNS.items():
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = sheet
        ws.append([TEMPLATE_NOTES[sheet]])
        ws.append([name for name, _ in columns])
        for cell, (_, required) in zip(ws[2], columns, strict=True):
            cell.font = Font(bold=required)
            ws.column_dimensions[cell.column_letter].width = 18
    notes = wb.create_sheet("填写说明")
    notes.append(["加粗的列为必填列。"])
    for title, values in (
        ("层级可填", LEVEL_LABELS),
        ("角色可填", ROLE_LABELS),
        ("数据权限可填", DATA_SCOPE_LABELS),
    ):
        notes.append([title, *_unique(values)])
    wb.save(target)


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
