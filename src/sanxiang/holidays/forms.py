"""Forms of the calendar pages: entering a year's arrangement and the deadline calculator."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanxiang.holidays.choices import RuleUnit
from sanxiang.lib.workdays import MAX_PERIOD
from sanxiang.org.widgets import DateInput

# Words that make a line an adjusted working day (调休上班) rather than a holiday.
WORKING_WORDS = ("调休上班", "补班", "上班")
_LINE = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})(?:\s*(?:~|～|至|\.\.)\s*(\d{4}-\d{1,2}-\d{1,2}))?(?:\s+(.*))?$")


@dataclass
class ParsedArrangement:
    holidays: list[tuple[datetime.date, str]] = field(default_factory=list)
    adjusted_working_days: list[datetime.date] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _parse_date(text: str) -> datetime.date | None:
    try:
        year, month, day = (int(part) for part in text.split("-"))
        return datetime.date(year, month, day)
    except ValueError:
        return None


def parse_arrangement(text: str) -> ParsedArrangement:
    """Parse pasted lines such as ``2027-02-10 春节``, ``2027-02-10~2027-02-16 春节``, ``2027-02-07 调休上班``.

    A line containing 上班 / 补班 lists adjusted working days; any other line lists holidays
    named by the rest of the line. Blank lines and lines starting with # are ignored.
    """
    parsed = ParsedArrangement()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _LINE.match(line)
        first = _parse_date(match.group(1)) if match else None
        last = _parse_date(match.group(2)) if match and match.group(2) else first
        if match is None or first is None or last is None:
            parsed.errors.append(_("第 %(n)d 行无法识别：%(line)s") % {"n": number, "line": line})
            continue
        if last < first or (last - first).days > 31:
            parsed.errors.append(_("第 %(n)d 行的日期范围有误：%(line)s") % {"n": number, "line": line})
            continue
        words = (match.group(3) or "").strip()
        working = any(word in words for word in WORKING_WORDS)
        name = words
        for word in WORKING_WORDS:
            name = name.replace(word, "")
        name = name.strip()
        for offset in range((last - first).days + 1):
            day = first + datetime.timedelta(days=offset)
            if working:
                parsed.adjusted_working_days.append(day)
            else:
                parsed.holidays.append((day, name))
    return parsed


class ArrangementForm(forms.Form):
    source = forms.CharField(
        label=gettext_lazy("依据文件"),
        max_length=200,
        help_text=gettext_lazy("如 国办发明电〔2024〕12号"),
    )
    lines = forms.CharField(
        label=gettext_lazy("放假与调休安排"),
        widget=forms.Textarea(
            attrs={
                "rows": 20,
                "cols": 48,
                "spellcheck": "false",
                "placeholder": "2027-01-01 元旦\n2027-02-05~2027-02-11 春节\n2027-02-14 调休上班",
            }
        ),
        help_text=gettext_lazy(
            "每行一项：“2027-02-10 春节”或“2027-02-10~2027-02-16 春节”为放假日（含其中的周末），"
            "“2027-02-07 调休上班”为调休上班日。须列出全年所有安排，保存后将整体替换该年度数据。"
        ),
    )
    notes = forms.CharField(
        label=gettext_lazy("备注"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean_lines(self) -> ParsedArrangement:
        parsed = parse_arrangement(self.cleaned_data["lines"])
        if parsed.errors:
            raise forms.ValidationError(parsed.errors)
        if not parsed.holidays:
            raise forms.ValidationError(_("至少填写一个放假日。"))
        return parsed


class CalculatorForm(forms.Form):
    start = forms.DateField(label=gettext_lazy("起算日"), widget=DateInput())
    n = forms.IntegerField(label=gettext_lazy("期限天数"), min_value=0, max_value=MAX_PERIOD)
    unit = forms.ChoiceField(
        label=gettext_lazy("计算单位"), choices=RuleUnit.choices, initial=RuleUnit.WORKING_DAYS
    )
    tax_extension = forms.BooleanField(
        label=gettext_lazy("按征管法实施细则第一百零九条顺延（仅自然日）"), required=False
    )
