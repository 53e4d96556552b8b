"""Benchmarks in Excel: read one version from an .xlsx, write the blank (or filled) template.

Sheet ``裁量基准``, one rule per row, in item order, with the columns of :data:`COLUMNS`; sheet
``基准信息`` holds the version's metadata as 项目/内容 rows (名称, 地区, 版本, 施行日期, 失效日期,
来源, 确认程度). Reading returns a :class:`~.model.Benchmark` or every problem found, each with its
sheet, row and column, so an officer can fix the file in one pass.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any

from .catalogue import rule_problems, violations
from .facts import FACTS
from .model import Benchmark, BenchmarkRule, Penalty

__all__ = ["COLUMNS", "META_ROWS", "SheetError", "read_benchmark_xlsx", "write_benchmark_template"]

RULE_SHEET = "裁量基准"
META_SHEET = "基准信息"
HELP_SHEET = "填写说明"

COLUMNS = (
    "违法行为代码",
    "违法行为",
    "适用对象",
    "情形",
    "情形条件(JSON)",
    "处罚方式(固定/倍数/不予处罚)",
    "下限",
    "上限",
    "基数字段",
    "备注",
    "保底金额",
    "封顶金额",
    "确认程度",
)
_REQUIRED = COLUMNS[:10]
META_ROWS = ("名称", "地区", "版本", "施行日期", "失效日期", "来源", "确认程度")

_SUBJECTS = {"个人": "individual", "单位": "organisation", "全部": "any", "individual": "individual",
             "organisation": "organisation", "any": "any"}  # fmt: skip
_SUBJECT_TEXT = {"individual": "个人", "organisation": "单位", "any": "全部"}
_KINDS = {"固定": "fixed", "倍数": "multiple", "不予处罚": "no_penalty"}
_KIND_TEXT = {value: key for key, value in _KINDS.items()}
_CERTAINTY = {"已确认": "confirmed", "confirmed": "confirmed", "部分确认": "partly", "partly": "partly",
              "未确认": "unconfirmed", "unconfirmed": "unconfirmed"}  # fmt: skip
_CERTAINTY_TEXT = {"confirmed": "已确认", "partly": "部分确认", "unconfirmed": "未确认"}
# rule_problems() names fields; these are the columns they came from.
_FIELD_COLUMN = {"violation": "违法行为代码", "subject": "适用对象", "circumstance": "情形条件(JSON)",
                 "min": "下限", "max": "上限", "base": "基数字段", "floor": "保底金额", "ceiling": "封顶金额"}  # fmt: skip


@dataclass(frozen=True)
class SheetError:
    """One problem in the workbook; ``row`` is the Excel row number (1 = header)."""

    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"工作表“{self.sheet}”" if self.sheet else ""
        if self.row is not None:
            where += f"第{self.row}行"
        if self.column:
            where += f"“{self.column}”列"
        return f"{where}：{self.message}" if where else self.message


def _text(value: Any) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _number(value: Any) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    try:
        number = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        raise ValueError(value) from None
    if not number.is_finite():
        raise ValueError(value)
    return number


def _date(value: Any) -> datetime.date | None:
    if value is None or _text(value) == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(_text(value))


def read_benchmark_xlsx(
    source: Path | str | IO[bytes], *, name: str | None = None
) -> Benchmark | list[SheetError]:
    """Read one benchmark version; returns it, or every row-level problem (in Chinese).

    The workbook is opened through the one safe reader (``sanxiang.lib.safefiles``)."""
    from sanxiang.lib import safefiles

    try:
        workbook = safefiles.open_workbook(source, name=name)
    except safefiles.UnsafeFile as exc:
        return [SheetError("", None, None, str(exc))]
    try:
        errors: list[SheetError] = []
        meta = _read_meta(workbook, errors)
        rules = _read_rules(workbook, errors)
    except Exception:  # openpyxl parses lazily: a broken cell surfaces while the rows are read
        broken = safefiles.UnsafeFile("文件已损坏，工作表内容无法解析", file=name or "上传文件")
        return [SheetError("", None, None, str(broken))]
    finally:
        workbook.close()
    if errors:
        return errors
    assert meta is not None
    return Benchmark(rules=tuple(rules), **meta)


def _read_meta(workbook: Any, errors: list[SheetError]) -> dict[str, Any] | None:
    if META_SHEET not in workbook.sheetnames:
        errors.append(SheetError(META_SHEET, None, None, "缺少工作表“基准信息”"))
        return None
    values: dict[str, tuple[int, Any]] = {}
    for number, row in enumerate(workbook[META_SHEET].iter_rows(values_only=True), 1):
        if row and _text(row[0]) in META_ROWS:
            values[_text(row[0])] = (number, row[1] if len(row) > 1 else None)
    meta: dict[str, Any] = {}
    for key, field in (("名称", "name"), ("地区", "region"), ("版本", "version")):
        row_number, value = values.get(key, (None, None))
        if not _text(value):
            errors.append(SheetError(META_SHEET, row_number, "内容", f"缺少“{key}”"))
        meta[field] = _text(value)
    for key, field, required in (
        ("施行日期", "effective_from", True),
        ("失效日期", "effective_until", False),
    ):
        row_number, value = values.get(key, (None, None))
        try:
            day = _date(value)
        except ValueError:
            errors.append(SheetError(META_SHEET, row_number, "内容", f"“{key}”应为日期（YYYY-MM-DD）"))
            continue
        if day is None and required:
            errors.append(SheetError(META_SHEET, row_number, "内容", f"缺少“{key}”"))
        meta[field] = day
    if (
        meta.get("effective_from")
        and meta.get("effective_until")
        and meta["effective_until"] < meta["effective_from"]
    ):
        errors.append(SheetError(META_SHEET, values["失效日期"][0], "内容", "失效日期早于施行日期"))
    meta["source"] = _text(values.get("来源", (None, None))[1])
    row_number, value = values.get("确认程度", (None, None))
    certainty = _CERTAINTY.get(_text(value) or "未确认")
    if certainty is None:
        errors.append(SheetError(META_SHEET, row_number, "内容", "确认程度应为“已确认”“部分确认”或“未确认”"))
    meta["certainty"] = certainty
    return meta


def _read_rules(workbook: Any, errors: list[SheetError]) -> list[BenchmarkRule]:
    if RULE_SHEET not in workbook.sheetnames:
        errors.append(SheetError(RULE_SHEET, None, None, "缺少工作表“裁量基准”"))
        return []
    rows = workbook[RULE_SHEET].iter_rows(values_only=True)
    header = [_text(cell) for cell in next(rows, ())]
    missing = [name for name in _REQUIRED if name not in header]
    if missing:
        errors.append(SheetError(RULE_SHEET, 1, None, f"缺少列：{'、'.join(missing)}"))
        return []
    index = {name: header.index(name) for name in COLUMNS if name in header}
    rules: list[BenchmarkRule] = []
    for number, row in enumerate(rows, 2):
        cells = {name: (row[i] if i < len(row) else None) for name, i in index.items()}
        if all(_text(value) == "" for value in cells.values()):
            continue
        rule = _read_rule(cells, number, len(rules) + 1, errors)
        if rule is not None:
            rules.append(rule)
    if not rules and not any(e.sheet == RULE_SHEET for e in errors):
        errors.append(SheetError(RULE_SHEET, 2, None, "没有任何裁量规则"))
    return rules


def _read_rule(
    cells: Mapping[str, Any], row: int, order: int, errors: list[SheetError]
) -> BenchmarkRule | None:
    found: list[SheetError] = []

    def fail(column: str, message: str) -> None:
        found.append(SheetError(RULE_SHEET, row, column, message))

    code = _text(cells["违法行为代码"])
    if not code:
        fail("违法行为代码", "缺少违法行为代码")
    elif code not in violations():
        fail("违法行为代码", f"未知的违法行为代码“{code}”")
    subject = _SUBJECTS.get(_text(cells["适用对象"]))
    if subject is None:
        fail("适用对象", "适用对象应为“个人”“单位”或“全部”")
    label = _text(cells["情形"])
    if not label:
        fail("情形", "缺少情形说明")
    raw_condition = _text(cells["情形条件(JSON)"])
    condition: Any = {}
    if raw_condition:
        try:
            condition = json.loads(raw_condition)
        except ValueError:
            fail("情形条件(JSON)", "不是有效的 JSON")
    kind = _KINDS.get(_text(cells["处罚方式(固定/倍数/不予处罚)"]))
    if kind is None:
        fail("处罚方式(固定/倍数/不予处罚)", "处罚方式应为“固定”“倍数”或“不予处罚”")
    amounts: dict[str, Decimal | None] = {}
    for column in ("下限", "上限", "保底金额", "封顶金额"):
        try:
            amounts[column] = _number(cells.get(column))
        except ValueError:
            fail(column, "应为数字")
            amounts[column] = None
    base = _text(cells["基数字段"]) or None
    if kind in ("fixed", "multiple"):
        for column in ("下限", "上限"):
            if amounts[column] is None and not any(e.column == column for e in found):
                fail(column, f"“{_KIND_TEXT[kind]}”处罚须填写{column}")
    if kind == "multiple" and base is None:
        fail("基数字段", "按倍数处罚须填写基数字段（如 unpaid_tax）")
    certainty = _CERTAINTY.get(_text(cells.get("确认程度")) or "未确认")
    if certainty is None:
        fail("确认程度", "确认程度应为“已确认”“部分确认”或“未确认”")
    if found:
        errors += found
        return None
    assert kind is not None and subject is not None and certainty is not None
    penalty = Penalty(
        kind=kind,  # type: ignore[arg-type]
        low=amounts["下限"] or Decimal(0),
        high=amounts["上限"] or Decimal(0),
        base=base if kind == "multiple" else None,
        floor=amounts["保底金额"] if kind == "multiple" else None,
        ceiling=amounts["封顶金额"] if kind == "multiple" else None,
    )
    rule = BenchmarkRule(
        violation=code,
        title=_text(cells["违法行为"]) or violations()[code].title,
        subject=subject,  # type: ignore[arg-type]
        circumstance=condition,
        label=label,
        penalty=penalty,
        order=order,
        certainty=certainty,  # type: ignore[arg-type]
        note=_text(cells["备注"]),
    )
    for field, message in rule_problems(rule):
        errors.append(SheetError(RULE_SHEET, row, _FIELD_COLUMN.get(field), message))
    return rule


def write_benchmark_template(target: Path | str | IO[bytes], benchmark: Benchmark | None = None) -> None:
    """Write the import template; with ``benchmark``, filled with its rows (an export that re-imports)."""
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = RULE_SHEET
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for rule in benchmark.rules if benchmark else ():
        penalty = rule.penalty
        sheet.append(
            [
                rule.violation,
                rule.title,
                _SUBJECT_TEXT[rule.subject],
                rule.label,
                json.dumps(dict(rule.circumstance), ensure_ascii=False) if rule.circumstance else "",
                _KIND_TEXT[penalty.kind],
                None if penalty.kind == "no_penalty" else _cell(penalty.low),
                None if penalty.kind == "no_penalty" else _cell(penalty.high),
                penalty.base or "",
                rule.note,
                _cell(penalty.floor),
                _cell(penalty.ceiling),
                _CERTAINTY_TEXT[rule.certainty],
            ]
        )
    meta = workbook.create_sheet(META_SHEET)
    meta.append(["项目", "内容"])
    values: dict[str, Any] = {}
    if benchmark is not None:
        values = {
            "名称": benchmark.name,
            "地区": benchmark.region,
            "版本": benchmark.version,
            "施行日期": benchmark.effective_from.isoformat(),
            "失效日期": benchmark.effective_until.isoformat() if benchmark.effective_until else "",
            "来源": benchmark.source,
            "确认程度": _CERTAINTY_TEXT[benchmark.certainty],
        }
    for key in META_ROWS:
        meta.append([key, values.get(key, "")])
    help_sheet = workbook.create_sheet(HELP_SHEET)
    help_sheet.append(["违法行为代码", "违法行为", "法定罚则"])
    for violation in violations().values():
        help_sheet.append([violation.code, violation.title, violation.statutory_text])
    help_sheet.append([])
    help_sheet.append(["事实字段", "含义", "类型"])
    for spec in FACTS.values():
        help_sheet.append(
            [spec.key, spec.label, {"days": "天数", "money": "金额（元）", "bool": "是/否"}[spec.kind]]
        )
    help_sheet.append([])
    help_sheet.append(["情形条件示例", '{"days_late": {"gt": 15, "lte": 90}}'])
    help_sheet.append(["", '{"any": [{"serious": true}, {"days_late": {"gt": 90}}]}'])
    workbook.save(target)


def _cell(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
