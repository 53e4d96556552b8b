"""Excel and CSV import of publicity entries: template, row-by-row checks, all-or-nothing import.

A file is read whole (every worksheet carrying the item's header, or the one table of a CSV file:
``sources.read_tables``) and checked row by row; every fault is reported with its file, sheet, row,
column and what is wrong, and nothing is imported until the file is clean. Rows are deduplicated on
(authority, document number) across all sheets: an identical repeat is skipped, a repeat with
different content is an error, and a number already on file for that authority is skipped and
reported.

Run as a background job (``publicity.jobs``), the import reports its progress through a
``progress(done, total, stage)`` callback in three phases: reading and checking each row, masking
and building each draft, then writing. Only the last phase runs inside the import's one
transaction; the first two only read, so the progress the callback writes between rows is
committed at once and the job's page sees it on SQLite (one writer at a time) as on PostgreSQL.

A workbook is parsed by calamine after the safe reader's checks (``safefiles.read_workbook``). On
a machine with a second core, from ``PARALLEL_MASK_ROWS`` rows the drafts are built unmasked and
masked by a forked helper (``kernel.forkshare``) while this process writes the entries, their
deadlines and audit events (``_write``; the versions are inserted last, in the same
transaction). The helper never touches the database; the masker and what it stores are the same
either way.
"""

from __future__ import annotations

import datetime
import gc
import io
import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from sanxiang.audit.services import audit_log, audit_log_many
from sanxiang.holidays.selectors import current_calendar
from sanxiang.holidays.services import deadline_set_many
from sanxiang.kernel.access import authority_in_scope
from sanxiang.kernel.bulk import ModelBuilder, insert_rows, update_rows
from sanxiang.kernel.exceptions import PermissionDeniedError, ValidationFailed
from sanxiang.kernel.forkshare import SharedWork
from sanxiang.lib.masking import ner
from sanxiang.org.models import Authority

from . import rules, sources
from .masking import PolicyTable
from .models import Entry, EntryStatus, EntryVersion, Item
from .schema import FieldError, clean_value, infer_subject_type
from .services import (
    PUBLISH,
    can_draft,
    created_event,
    entry_text,
    is_minor_party,
    mask_version,
    masked_values,
    new_source_key,
    rule_for,
    store_mask,
)

MAX_ROWS = 50_000
# Faults kept in a background job's report (``ImportReport.as_dict``); the count is always kept.
MAX_REPORTED_ERRORS = 2000

# ``progress(done, total, stage)``: see sanxiang.jobs.registry. None: nobody is watching.
Progress = Callable[[int, int, str], None] | None
# Progress units per row of each phase, roughly their share of an import's time (bench/
# bench_publicity_import.py: read + check 14 %, mask 53 %, insert + deadlines + audit 33 %).
CHECK_UNITS, PREPARE_UNITS, WRITE_UNITS = 1, 3, 2
ROW_UNITS = CHECK_UNITS + PREPARE_UNITS + WRITE_UNITS

if TYPE_CHECKING:
    from sanxiang.holidays.models import Deadline
    from sanxiang.org.models import User


@dataclass(frozen=True)
class RowError:
    file: str
    sheet: str
    row: int
    column: str  # letter, "" for a whole-row fault
    header: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "header": self.header,
            "message": self.message,
        }


@dataclass
class ImportReport:
    file: str
    item: str
    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    duplicates: list[tuple[int, str]] = field(default_factory=list)  # (row, message)
    skipped_sheets: list[str] = field(default_factory=list)  # sheets without the item's header
    created: list[int] = field(default_factory=list)
    # Rows whose 文书类型 names another item than the one chosen: (sheet, row, type, item it went to).
    mismatches: list[tuple[str, int, str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def mismatch_rows(self) -> list[tuple[str, int, str, str]]:
        """The mismatches with the item's label in place of its code (for the page)."""
        labels = dict(
            Item.objects.filter(code__in={m[3] for m in self.mismatches}).values_list("code", "label")
        )
        return [(sheet, row, kind, labels.get(code, code)) for sheet, row, kind, code in self.mismatches]

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON (a background job's result); the page reads it as it reads the report."""
        return {
            "file": self.file,
            "item": self.item,
            "rows": self.rows,
            "ok": self.ok,
            # A file with a fault in every row would make a result of many megabytes: the page lists
            # the first faults and says how many there are.
            "error_count": len(self.errors),
            "errors": [error.as_dict() for error in self.errors[:MAX_REPORTED_ERRORS]],
            "duplicates": [list(pair) for pair in self.duplicates],
            "skipped_sheets": self.skipped_sheets,
            "created": self.created,
            "mismatch_rows": [list(row) for row in self.mismatch_rows],
        }


def template_workbook(item: Item) -> bytes:
    """The downloadable template of ``item``: one header row (required columns marked) and a notes sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = item.label[:31]
    bold, required_fill = Font(bold=True), PatternFill("solid", fgColor="FFE58F")
    for index, spec in enumerate(item.fields, start=1):
        cell = ws.cell(row=1, column=index, value=spec["label"])
        cell.font = bold
        if spec.get("required"):
            cell.fill = required_fill
        ws.column_dimensions[get_column_letter(index)].width = 40 if spec.get("type") == "longtext" else 18
    notes = wb.create_sheet(_("填写说明"))
    notes.append([_("列名"), _("必填"), _("类型"), _("可选值"), _("也接受的列名")])
    kinds = {
        "text": _("文本"),
        "longtext": _("长文本"),
        "date": _("日期（2026-01-31）"),
        "decimal": _("金额（元）"),
        "choice": _("选项"),
        "uscc": _("统一社会信用代码"),
        "id_number": _("身份证件号码"),
    }
    for spec in item.fields:
        notes.append(
            [
                spec["label"],
                _("是") if spec.get("required") else "",
                str(kinds.get(spec.get("type", "text"), spec.get("type"))),
                "、".join(label for _code, label in spec.get("choices", [])),
                "、".join(spec.get("aliases", [])),
            ]
        )
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _header_map(item: Item, headers: list[Any]) -> dict[int, dict]:
    """Column index → field spec, by label or alias (unknown columns are ignored)."""
    names: dict[str, dict] = {}
    for spec in item.fields:
        for name in (spec["label"], *spec.get("aliases", [])):
            names.setdefault(str(name).strip(), spec)
    mapping: dict[int, dict] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        spec = names.get(str(header or "").strip())
        if spec is not None and spec["key"] not in taken:
            mapping[index] = spec
            taken.add(spec["key"])
    return mapping


def _authority_lookup(actor: User, default: Authority) -> Any:
    cache: dict[str, Authority | None] = {}

    def find(name: str) -> Authority | None:
        if name not in cache:
            cache[name] = (
                Authority.objects.filter(name=name).first()
                or Authority.objects.filter(short_name=name).first()
            )
        return cache[name]

    return find


def check_workbook(
    *,
    actor: User,
    item: Item,
    authority: Authority,
    stream: IO[bytes],
    file_name: str,
    today: datetime.date,
    progress: Progress = None,
) -> tuple[ImportReport, list[tuple[Authority, dict[str, Any]]]]:
    """Read and check every sheet of a workbook that carries the item's header, or a CSV file:
    the report and the clean rows to import. Rows are deduplicated across sheets."""
    report = ImportReport(file=file_name, item=item.code)
    try:
        tables = sources.read_tables(stream, file_name, item.fields)
    except sources.UnreadableFile as exc:
        report.errors.append(RowError(file_name, "", 0, "", "", _unreadable(exc)))
        return report, []
    with tables:
        report.skipped_sheets = tables.skipped
        tick = _check_ticker(tables, report, progress)
        find_authority = _authority_lookup(actor, authority)
        seen: dict[tuple[int, str], tuple[str, int, dict]] = {}
        clean_rows: list[tuple[int, Authority, dict[str, Any]]] = []
        try:
            for sheet in tables.sheets:
                if report.rows > MAX_ROWS:
                    break
                _check_sheet(
                    actor=actor,
                    item=item,
                    authority=authority,
                    sheet=sheet,
                    report=report,
                    today=today,
                    find_authority=find_authority,
                    seen=seen,
                    clean_rows=clean_rows,
                    tick=tick,
                )
        except sources.UnreadableFile as exc:  # a broken cell, the row limit or the time budget
            report.errors.append(RowError(file_name, "", 0, "", "", _unreadable(exc)))
            return report, []
    if report.errors:
        return report, []
    return _drop_existing(report, clean_rows)


def _check_ticker(tables: sources.Tables, report: ImportReport, progress: Progress) -> Callable[[], None]:
    """Called once per row checked: reports the rows checked against the rows the file declares
    (total 0, "unknown", when a sheet does not declare its size)."""
    if progress is None:
        return lambda: None
    sizes = [sheet.expected_rows for sheet in tables.sheets]
    expected = sum(n for n in sizes if n is not None) if None not in sizes else 0
    stage = str(_("逐行检查"))

    def tick() -> None:
        rows = report.rows
        progress(rows * CHECK_UNITS, max(expected, rows) * ROW_UNITS if expected else 0, stage)

    tick()
    return tick


def _unreadable(exc: sources.UnreadableFile) -> str:
    """The safe reader's reason (it names the file), or the generic one."""
    return str(exc) or str(_("无法读取该文件：不是有效的 Excel 工作簿（.xlsx）或 CSV 文件。"))


def _check_sheet(
    *,
    actor: User,
    item: Item,
    authority: Authority,
    sheet: sources.Sheet,
    report: ImportReport,
    today: datetime.date,
    find_authority: Any,
    seen: dict[tuple[int, str], tuple[str, int, dict]],
    clean_rows: list[tuple[int, Authority, dict[str, Any]]],
    tick: Callable[[], None] = lambda: None,
) -> None:
    """Check one sheet's rows into ``report`` and ``clean_rows``; ``seen`` spans all sheets."""
    file_name, headers = report.file, sheet.headers
    mapping = _header_map(item, headers)
    present = {spec["key"] for spec in mapping.values()}
    missing = False
    for spec in item.fields:
        if spec.get("required") and spec["key"] not in present:
            missing = True
            report.errors.append(
                RowError(
                    file_name,
                    sheet.name,
                    1,
                    "",
                    spec["label"],
                    _("缺少必填列“%(label)s”") % {"label": spec["label"]},
                )
            )
    if missing:
        return
    # Fields without a column are stored empty, as ``clean_data`` stores them for a form.
    absent = {
        spec["key"]: clean_value(spec, None, today=today)
        for spec in item.fields
        if spec["key"] not in present and spec["key"] != "authority"
    }
    authority_column = next((i for i, spec in mapping.items() if spec["key"] == "authority"), None)
    for number, values in sheet.rows:
        if values is None or all(v in (None, "") for v in values):
            continue
        report.rows += 1
        tick()
        if report.rows > MAX_ROWS:
            report.errors.append(
                RowError(file_name, sheet.name, number, "", "", _("行数超过上限 %(max)d") % {"max": MAX_ROWS})
            )
            break
        data: dict[str, Any] = {}
        row_errors: list[RowError] = []
        for index, spec in mapping.items():
            if spec["key"] == "authority":
                continue
            value = values[index] if index < len(values) else None
            try:
                data[spec["key"]] = clean_value(spec, value, today=today)
            except FieldError as exc:
                row_errors.append(
                    RowError(
                        file_name,
                        sheet.name,
                        number,
                        get_column_letter(index + 1),
                        str(headers[index]),
                        str(exc),
                    )
                )
        target = authority
        if authority_column is not None:
            name = str(values[authority_column] or "").strip() if authority_column < len(values) else ""
            letter, header = get_column_letter(authority_column + 1), str(headers[authority_column])
            if not name:
                row_errors.append(RowError(file_name, sheet.name, number, letter, header, _("必填项为空")))
            else:
                found = find_authority(name)
                if found is None:
                    row_errors.append(
                        RowError(
                            file_name,
                            sheet.name,
                            number,
                            letter,
                            header,
                            _("未找到税务机关“%(name)s”") % {"name": name[:60]},
                        )
                    )
                elif not authority_in_scope(actor, found):
                    row_errors.append(
                        RowError(
                            file_name,
                            sheet.name,
                            number,
                            letter,
                            header,
                            _("税务机关“%(name)s”不在您的数据权限范围内") % {"name": name[:60]},
                        )
                    )
                else:
                    target = found
        routed = DOCUMENT_KIND_ITEMS.get(str(data.get("document_kind") or ""))
        if routed and routed != item.code:  # reported whether or not the row has faults
            report.mismatches.append((sheet.name, number, str(data["document_kind"]), routed))
            data[ROUTE_KEY] = routed
        if row_errors:
            report.errors.extend(row_errors)
            continue
        data.update(absent)
        data["subject_type"] = infer_subject_type(data)
        document = data.get("document_number", "")
        if document:
            key = (target.pk, document)
            if key in seen:
                first_sheet, first_row, first_data = seen[key]
                if first_data == data:
                    report.duplicates.append(
                        (
                            number,
                            _("工作表“%(sheet)s”：与工作表“%(first)s”第%(row)d行完全相同，已跳过")
                            % {"sheet": sheet.name, "first": first_sheet, "row": first_row},
                        )
                    )
                    continue
                column = next((i for i, s in mapping.items() if s["key"] == "document_number"), 0)
                report.errors.append(
                    RowError(
                        file_name,
                        sheet.name,
                        number,
                        get_column_letter(column + 1),
                        str(headers[column]),
                        _("文书号“%(number)s”与工作表“%(first)s”第%(row)d行重复但内容不同")
                        % {"number": document, "first": first_sheet, "row": first_row},
                    )
                )
                continue
            seen[key] = (sheet.name, number, data)
        clean_rows.append((number, target, data))


def _drop_existing(
    report: ImportReport, clean_rows: list[tuple[int, Authority, dict[str, Any]]]
) -> tuple[ImportReport, list[tuple[Authority, dict[str, Any]]]]:
    """Skip (and report) rows whose document number is already on file for their authority."""
    if clean_rows:
        existing = set(
            Entry.objects.filter(
                authority_id__in={a.pk for _n, a, _d in clean_rows},
                document_number__in={
                    d.get("document_number") for _n, _a, d in clean_rows if d.get("document_number")
                },
            ).values_list("authority_id", "document_number")
        )
        kept = []
        for number, target, data in clean_rows:
            if (target.pk, data.get("document_number")) in existing:
                report.duplicates.append(
                    (
                        number,
                        _("文书号“%(number)s”已有公示信息，已跳过") % {"number": data["document_number"]},
                    )
                )
            else:
                kept.append((target, data))
        return report, kept
    return report, []


def entries_import(
    *,
    actor: User,
    item: Item,
    authority: Authority,
    stream: IO[bytes],
    file_name: str,
    today: datetime.date | None = None,
    progress: Progress = None,
) -> ImportReport:
    """Import a workbook or CSV file as drafts: all rows or, if any row is faulty, none (the report says why).

    Reading, checking and masking only read the database; the drafts, their deadlines and every
    audit entry are then written in one transaction. A document number that someone else filed
    between the check and the write breaks the unique constraint: the whole import rolls back and
    the importer is told to import again (the number is then skipped as a duplicate).
    """
    if not can_draft(actor, item):
        raise PermissionDeniedError(_("您没有起草该事项公示信息的权限。"))
    if not authority_in_scope(actor, authority):
        raise PermissionDeniedError(_("目标机关不在您的数据权限范围内。"))
    today = today or timezone.localdate()
    with _collector_paused():
        report, rows = check_workbook(
            actor=actor,
            item=item,
            authority=authority,
            stream=stream,
            file_name=file_name,
            today=today,
            progress=progress,
        )
        if not report.ok or not rows:
            return report
        total = len(rows) * ROW_UNITS
        batches: list[tuple[Item, _Prepared]] = []
        offset = len(rows) * CHECK_UNITS
        for target_item, item_rows in _route_rows(actor, item, rows, report):
            tick = _prepare_ticker(progress, offset, total)
            prepared = _prepare(
                actor=actor,
                item=target_item,
                rows=item_rows,
                today=today,
                tick=tick,
                mask_now=len(item_rows) < PARALLEL_MASK_ROWS,
            )
            batches.append((target_item, prepared))
            offset += len(item_rows) * PREPARE_UNITS
        if progress is not None:
            progress(offset, total, str(_("写入数据库")))
        try:
            with transaction.atomic():
                entries = []
                for target_item, prepared in batches:
                    entries += _write(actor=actor, item=target_item, prepared=prepared)
                report.created = [e.pk for e in entries]
                audit_log(
                    actor=actor,
                    action="publicity.entry.imported",
                    target=item,
                    authority=authority,
                    data={
                        "file": file_name,
                        "count": len(entries),
                        "entry_ids": report.created[:1000],
                        "duplicates": len(report.duplicates),
                    },
                )
        except IntegrityError as exc:
            report.created = []
            raise ValidationFailed(
                _(
                    "导入“%(file)s”时，其中的文书号已由他人同时录入，本次未导入任何数据。"
                    "请重新导入：已有的文书号会作为重复行跳过。"
                )
                % {"file": file_name},
                code="concurrent_duplicate",
            ) from exc
    return report


def _prepare_ticker(progress: Progress, offset: int, total: int) -> Callable[[int], None]:
    if progress is None:
        return lambda done: None
    stage = str(_("脱敏并生成草稿"))
    return lambda done: progress(offset + done * PREPARE_UNITS, total, stage)


# The 文书类型 column routes a row to its item (a summary spreadsheet mixes 处罚 and 处理 decisions).
DOCUMENT_KIND_ITEMS = {
    "税务行政处罚决定书": "penalty_decision",
    "不予行政处罚决定书": "penalty_decision",
    "税务处理决定书": "handling_decision",
}
ROUTE_KEY = "_item"


def _route_rows(
    actor: Any, item: Item, rows: list[tuple[Authority, dict[str, Any]]], report: ImportReport
) -> list[tuple[Item, list[tuple[Authority, dict[str, Any]]]]]:
    """Rows grouped by the item their 文书类型 names (the chosen item when it names none, or when the
    importer may not draft the other item: then the report says so)."""
    groups: dict[str, list[tuple[Authority, dict[str, Any]]]] = {}
    items = {item.code: item}
    for target, data in rows:
        code = data.pop(ROUTE_KEY, item.code)
        if code not in items:
            other = Item.objects.filter(code=code, is_active=True).first()
            items[code] = other if other is not None and can_draft(actor, other) else item
        groups.setdefault(items[code].code, []).append((target, data))
    if any(items[code].code != code for code in items):
        report.mismatches = [
            (sheet, row, kind, code if items[code].code == code else item.code)
            for sheet, row, kind, code in report.mismatches
        ]
    return [(items[code], group) for code, group in groups.items()]


# Rows per chunk of the bulk path: each chunk costs a handful of queries, whatever its size.
CHUNK_SIZE = 1000


def entries_bulk_create(
    *, actor: User, item: Item, rows: list[tuple[Authority, dict[str, Any]]], today: datetime.date
) -> list[Entry]:
    """Create many checked drafts at once (import, demo); ``data["_text"]`` is an optional body.

    The same rows, deadlines and audit events as ``entry_create`` for each row (one
    ``publicity.entry.created`` event per entry, its Deadline recorded in it), at a few queries per
    chunk instead of several per row: masked with one read of the policy table, linked to their
    decisions with one query, inserted in bulk, their publication Deadlines set through
    ``deadline_set_many`` and every create audited through ``audit_log_many``. The caller has
    checked permission, scope and duplicates, and holds the transaction.
    """
    if not rows:
        return []
    with _collector_paused():
        return _write(
            actor=actor, item=item, prepared=_prepare(actor=actor, item=item, rows=rows, today=today)
        )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a batch builds its objects.

    A batch allocates a few hundred thousand objects that all stay alive until it ends (rows,
    model instances, audit drafts); each generation-2 pass walks all of them again, which cost
    about a sixth of an import of 10,000 rows. Nothing in the batch depends on cycles being
    freed early; the collector runs again as soon as the batch is over. Reference counting
    still frees everything else as usual.
    """
    if not gc.isenabled():  # nested, or paused by the caller
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@dataclass
class _Prepared:
    """New drafts built in memory, not yet written: entries, their first versions and their
    publication periods (None where the item sets no time limit for the entry). The versions are
    masked already unless ``unmasked``: then ``_write`` masks them, under ``table`` with each
    entry's authority in ``targets``, while it writes the entries."""

    entries: list[Entry]
    versions: list[EntryVersion]
    periods: list[tuple[datetime.date, int | None, int | None] | None]
    table: PolicyTable
    targets: list[Authority]
    unmasked: bool = False

    def mask(self, first: int, end: int) -> list[dict[str, Any]]:
        """The stored public form (``masked_values``) of the versions ``first`` to ``end``."""
        return [
            masked_values(mask_version(entry, version, table=self.table, authority=target))
            for entry, version, target in zip(
                self.entries[first:end], self.versions[first:end], self.targets[first:end], strict=True
            )
        ]


# Rows of one import from which its versions are masked while it writes (``_write``), in a forked
# helper process beside the importing one where there is a second core; and rows per share of
# that work. Below, masking a row costs less than forking does.
PARALLEL_MASK_ROWS = 1000
MASK_SHARE_ROWS = 50


def _prepare(
    *,
    actor: User,
    item: Item,
    rows: list[tuple[Authority, dict[str, Any]]],
    today: datetime.date,
    tick: Callable[[int], None] = lambda done: None,
    mask_now: bool = True,
) -> _Prepared:
    """Build every draft of ``rows`` and, with ``mask_now``, mask it (reads the policy table,
    rules and calendar; writes nothing); ``tick(n)`` after each row."""
    table = PolicyTable()
    cal = current_calendar()
    rules_cache = list(item.rules.all())
    creator = actor if getattr(actor, "pk", None) else None
    entries: list[Entry] = []
    versions: list[EntryVersion] = []
    periods: list[tuple[datetime.date, int | None, int | None] | None] = []
    targets: list[Authority] = []
    dues: dict[tuple[Any, datetime.date, str], Any] = {}
    new_entry, new_version = ModelBuilder(Entry), ModelBuilder(EntryVersion)
    for target, data in rows:
        data = dict(data)
        body = data.pop("_text", "")
        entry = new_entry(
            {
                "source_key": new_source_key(item.code),
                "status": EntryStatus.DRAFT,
                "subject_type": data["subject_type"],
                "party_name": data.get("party_name", "")[:200],
                "document_number": data.get("document_number", "")[:100],
                "event_date": datetime.date.fromisoformat(data["event_date"])
                if data.get("event_date")
                else None,
                "credit_class": data.get("credit_class", "") or "",
                "is_minor": is_minor_party(data, today),
            },
            item=item,
            authority=target,
            department=_department(actor, target),
            created_by=creator,
        )
        period = None
        rule = rule_for(item, entry.event_date, rules_cache) if entry.event_date else None
        if rule is not None:
            due_key = (rule.pk, entry.event_date, entry.subject_type)  # a pure function of these
            due = dues.get(due_key)
            if due is None:
                due = dues[due_key] = rules.publish_due(
                    rule.kind, rule.params, event=entry.event_date, subject_type=entry.subject_type, cal=cal
                )
            entry.due_on = due.date
            period = (
                (entry.event_date, due.n, None)
                if due.unit == "working_days"
                else (entry.event_date, None, due.n)
            )
        version = new_version(
            {
                "number": 1,
                "data": {k: v for k, v in data.items() if k not in ("legal_representative", "id_number")},
                "text": entry_text(item, data, body),
                "legal_representative": data.get("legal_representative", ""),
                "id_number": data.get("id_number", ""),
            },
            created_by=creator,
        )
        if mask_now:
            store_mask(version, mask_version(entry, version, table=table, authority=target))
        entries.append(entry)
        versions.append(version)
        periods.append(period)
        targets.append(target)
        tick(len(entries))
    return _Prepared(entries, versions, periods, table, targets, unmasked=not mask_now)


def _write(*, actor: User, item: Item, prepared: _Prepared) -> list[Entry]:
    """Insert prepared drafts, set their Deadlines and audit every create (in the caller's transaction).

    Unmasked versions are masked meanwhile: a forked helper process masks them from the first
    while this one writes the entries, their deadlines and audit events, then this one inserts
    the versions a chunk at a time as they are masked, masking from the last whenever the next
    chunk is not in yet (``kernel.forkshare``); the versions are inserted last.
    """
    if not prepared.unmasked:
        return _write_masked(actor=actor, item=item, prepared=prepared, masking=None)
    versions = prepared.versions
    shares = -(-len(versions) // MASK_SHARE_ROWS)
    # The masker's name model, loaded here before the fork (as a worker's later imports find it
    # loaded already), is shared by the helper instead of being loaded by both: 0.4 s each.
    ner.load()
    with SharedWork(
        shares, lambda share: prepared.mask(share * MASK_SHARE_ROWS, (share + 1) * MASK_SHARE_ROWS)
    ) as masking:
        return _write_masked(actor=actor, item=item, prepared=prepared, masking=masking)


def _write_masked(
    *, actor: User, item: Item, prepared: _Prepared, masking: SharedWork[list[dict[str, Any]]] | None
) -> list[Entry]:
    """``_write`` once the versions are masked or being masked by ``masking``."""
    entries, versions, periods = prepared.entries, prepared.versions, prepared.periods
    for first in range(0, len(entries), CHUNK_SIZE):
        _insert_chunk(entries[first : first + CHUNK_SIZE])
    owners = [e for e, p in zip(entries, periods, strict=True) if p is not None]
    # As entry_create: each new Deadline is recorded in its entry's creation event.
    deadlines = deadline_set_many(
        owners=owners,
        purpose=PUBLISH,
        label=_("%(item)s公示时限") % {"item": item.label},
        rows=[p for p in periods if p is not None],
        actor=actor,
        audit_creates=False,
    )
    moved = []
    deadline_of: dict[int, Deadline] = {}
    for entry, deadline in zip(owners, deadlines, strict=True):
        deadline_of[entry.pk] = deadline
        if entry.due_on != deadline.due:  # as entry_create: the list column follows the Deadline
            entry.due_on = deadline.due
            moved.append(entry)
    update_rows(Entry, moved, ["due_on"])
    audit_log_many(
        actor=actor, events=[created_event(item, entry, deadline_of.get(entry.pk)) for entry in entries]
    )
    for entry, version in zip(entries, versions, strict=True):
        version.entry = entry
    if masking is None:
        insert_rows(EntryVersion, versions)
        return entries
    # Each chunk of versions is inserted as soon as it is masked, while the helper masks the next
    # ones (this process masks from the back whenever the next chunk is not in yet).
    masked = zip(versions, itertools.chain.from_iterable(masking.in_order()), strict=True)
    while chunk := list(itertools.islice(masked, VERSION_CHUNK_ROWS)):
        for version, values in chunk:
            store_mask(version, values)
        insert_rows(EntryVersion, [version for version, _values in chunk])
    return entries


# Versions per INSERT while the helper masks (``_write_masked``): each waits for its last row's mask.
VERSION_CHUNK_ROWS = 500


def _insert_chunk(entries: list[Entry]) -> None:
    """Link the chunk's entries to their decisions (one query) and insert them.

    One prepared statement executed for all rows (``insert_rows``); the entries' ids are read
    back by their unique ``source_key``.
    """
    from sanxiang.enforcement.models import Decision

    numbered = [e for e in entries if e.document_number]
    if numbered:
        found = Decision.objects.filter(
            authority_id__in={e.authority_id for e in numbered},
            document_number__in={e.document_number for e in numbered},
        ).values_list("authority_id", "document_number", "pk")
        decisions = {(authority_id, number): pk for authority_id, number, pk in found}
        for entry in numbered:
            entry.decision_id = decisions.get((entry.authority_id, entry.document_number))
    insert_rows(Entry, entries)
    keys = {e.source_key: e for e in entries}
    for pk, key in Entry.objects.filter(source_key__in=list(keys)).values_list("pk", "source_key"):
        entry = keys[key]
        entry.pk = pk
        entry._state.adding = False
        entry._state.db = connection.alias


def _department(actor: User, authority: Authority) -> Any:
    department = getattr(actor, "department", None)
    return department if department is not None and department.authority_id == authority.pk else None


def report_workbook(report: ImportReport) -> bytes:
    """The error report as a workbook (file, sheet, row, column, header, what is wrong)."""
    wb = Workbook()
    ws = wb.active
    ws.title = _("错误报告")
    ws.append([_("文件"), _("工作表"), _("行"), _("列"), _("列名"), _("问题")])
    for error in report.errors:
        ws.append([error.file, error.sheet, error.row, error.column, error.header, error.message])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
