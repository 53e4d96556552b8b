"""``sanxiang deadline``: compute statutory deadlines on the official working-day calendar.

    sanxiang deadline --from 2024-09-27 --working-days 7
    2024-10-12 (Saturday, working day: 调休上班 国庆节)

    sanxiang deadline --jsonl < requests.jsonl
    {"deadline": "2024-10-12", "provisional": false}

In ``--jsonl`` mode every input line gets exactly one output line, in order; a bad line gets
``{"error": {"line", "field", "message"}}`` and the command carries on, exiting 1 at the end.
"""

from __future__ import annotations

import datetime
import json
import re
import sys
from collections.abc import Iterable
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from sanxiang.holidays.selectors import current_calendar
from sanxiang.holidays.services import deadline_compute
from sanxiang.kernel.exceptions import ValidationFailed
from sanxiang.lib.workdays import MAX_PERIOD, DayKind, HolidayCalendar, WorkdayResult

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_KEYS = {"from", "working_days", "days", "tax_extension"}

KIND_WORDS = {
    DayKind.WORKING_DAY: "working day",
    DayKind.ADJUSTED_WORKING_DAY: "working day: 调休上班",
    DayKind.PUBLIC_HOLIDAY: "public holiday",
    DayKind.WEEKEND: "weekend",
}


class LineError(Exception):
    def __init__(self, field: str | None, message: str):
        self.field = field
        self.message = message
        super().__init__(message)


def parse_date(value: Any, field: str = "from") -> datetime.date:
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise LineError(field, _("日期格式应为 YYYY-MM-DD：%(value)s") % {"value": value})
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise LineError(field, _("日期不存在：%(value)s") % {"value": value}) from None


def parse_period(value: Any, field: str) -> int:
    if isinstance(value, str) and re.fullmatch(r"[+-]?\d+", value.strip()):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise LineError(field, _("%(field)s 须为整数：%(value)s") % {"field": field, "value": value})
    if value < 0:
        raise LineError(field, _("%(field)s 不能为负数：%(value)s") % {"field": field, "value": value})
    if value > MAX_PERIOD:
        raise LineError(field, _("%(field)s 不能超过 %(max)d") % {"field": field, "max": MAX_PERIOD})
    return value


def parse_request(data: dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments for ``deadline_compute`` from one request; raises ``LineError``."""
    for key in data:
        if key not in _KEYS:
            raise LineError(key, _("未知字段：%(key)s") % {"key": key})
    if "from" not in data or data["from"] is None:
        raise LineError("from", _("缺少起算日 from"))
    start = parse_date(data["from"])
    given = [key for key in ("working_days", "days") if data.get(key) is not None]
    if len(given) != 1:
        raise LineError(None, _("working_days 与 days 须且只能提供一个"))
    tax_extension = data.get("tax_extension", False)
    if not isinstance(tax_extension, bool):
        raise LineError("tax_extension", _("tax_extension 须为 true 或 false"))
    if tax_extension and given[0] == "working_days":
        raise LineError("tax_extension", _("tax_extension 只适用于以自然日计的期限（days）"))
    return {"start": start, given[0]: parse_period(data[given[0]], given[0]), "tax_extension": tax_extension}


def describe(result: WorkdayResult, calendar: HolidayCalendar) -> str:
    """``2024-10-12 (Saturday, working day: 调休上班 国庆节)``; the date is always the first word."""
    day = calendar.day_info(result.date)
    kind = KIND_WORDS[day.kind] + (f" {day.name}" if day.name else "")
    words = [result.date.isoformat()]
    if result.provisional:
        words.append("provisional")
    details = f"({day.weekday_name}, {kind}"
    if result.extended_by:
        details += f"; extended by {result.extended_by} days, 征管法实施细则第一百零九条"
    if result.provisional:
        years = "、".join(str(y) for y in result.provisional_years)
        details += "; " + _("%(years)s 年放假安排未录入，仅按周末推算") % {"years": years}
    words.append(details + ")")
    return " ".join(words)


class Command(BaseCommand):
    help = (
        "Compute a deadline on the working-day calendar (the start day does not count): "
        "--from DATE with --working-days N or --days N, or --jsonl to read one JSON request per line."
    )
    # The command reports provisional years itself; the calendar check would only repeat it on stderr.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="起算日（当日不计入）")
        parser.add_argument("--working-days", metavar="N", help="期限：N 个工作日")
        parser.add_argument("--days", metavar="N", help="期限：N 日（自然日，届满日为休息日的顺延）")
        parser.add_argument(
            "--tax-extension", action="store_true", help="自然日期限按征管法实施细则第一百零九条顺延"
        )
        parser.add_argument("--jsonl", action="store_true", help="逐行读取 JSON 请求，逐行输出结果")
        parser.add_argument("--input", metavar="FILE", help="--jsonl 的输入文件（默认标准输入）")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["jsonl"]:
            if options["start"] or options["working_days"] is not None or options["days"] is not None:
                raise CommandError(_("--jsonl 模式下不能同时使用 --from/--working-days/--days"), returncode=2)
            self.handle_jsonl(options["input"])
        else:
            self.handle_single(options)

    def handle_single(self, options: dict[str, Any]) -> None:
        if options["input"]:
            raise CommandError(_("--input 只能与 --jsonl 一起使用"), returncode=2)
        request = {"from": options["start"], "tax_extension": options["tax_extension"]}
        for key in ("working_days", "days"):
            if options[key] is not None:
                request[key] = options[key]
        try:
            kwargs = parse_request(request)
        except LineError as exc:
            raise CommandError(_("参数有误：%(message)s") % {"message": exc.message}, returncode=2) from None
        calendar = current_calendar()
        self.stdout.write(describe(deadline_compute(calendar=calendar, **kwargs), calendar))

    def handle_jsonl(self, path: str | None) -> None:
        calendar = current_calendar()
        if path and path != "-":
            try:
                with open(path, encoding="utf-8") as stream:
                    bad = self.process_lines(stream, calendar)
            except OSError as exc:
                raise CommandError(_("无法读取输入文件：%(error)s") % {"error": exc}, returncode=2) from None
        else:
            bad = self.process_lines(sys.stdin, calendar)
        if bad:
            raise CommandError(_("%(bad)d 行有误，已逐行输出错误。") % {"bad": bad}, returncode=1)

    def process_lines(self, stream: TextIO | Iterable[str], calendar: HolidayCalendar) -> int:
        bad = 0
        for number, raw in enumerate(stream, start=1):
            try:
                output = self.process_line(raw.rstrip("\r\n"), calendar)
            except LineError as exc:
                bad += 1
                output = {"error": {"line": number, "field": exc.field, "message": exc.message}}
            self.stdout.write(json.dumps(output, ensure_ascii=False))
            self.stdout.flush()
        return bad

    def process_line(self, line: str, calendar: HolidayCalendar) -> dict[str, Any]:
        if not line.strip():
            raise LineError(None, _("空行"))
        try:
            data = json.loads(line)
        except ValueError as exc:
            raise LineError(None, _("不是有效的 JSON：%(error)s") % {"error": exc}) from None
        if not isinstance(data, dict):
            raise LineError(None, _("每行须为一个 JSON 对象"))
        try:
            result = deadline_compute(calendar=calendar, **parse_request(data))
        except ValidationFailed as exc:  # pragma: no cover - parse_request checks the same rules first
            raise LineError(exc.extra.get("field"), str(exc.message)) from None
        return {"deadline": result.date.isoformat(), "provisional": result.provisional}
