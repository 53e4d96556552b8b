"""Parsing and checking one item's field values (the schema is data on ``Item.fields``).

Shared by the form, the Excel import and the API, so that a value is accepted or refused the same
way on every way in. Each check returns the clean value or raises ``FieldError`` with a message
that says what is wrong with that value.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from sanxiang.lib import idnumbers

_PUNCT_IN_NAME = re.compile(r"[，,。;；:：!！?？]")
_ORG_HINT = re.compile(
    r"(公司|厂|店|中心|合作社|事务所|商行|经营部|门市|部$|院$|局$|集团|协会|学校|医院|酒店|超市)"
)


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class FieldError(ValueError):
    """A value refused by its field; ``str()`` is the message for the user."""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_date(value: Any) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    if _ISO_DATE.fullmatch(text):  # the common form, read as strptime reads it at a tenth of the cost
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            pass  # not a real date: refused below, as before
    for pattern in ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise FieldError(_("日期格式不正确（应为 2026-01-31）：%(value)s") % {"value": text[:40]})


def clean_value(spec: dict, value: Any, *, today: datetime.date) -> Any:
    """The clean value of ``value`` for field ``spec``; "" / None for an empty optional field."""
    kind = spec.get("type", "text")
    if kind == "date":
        parsed = parse_date(value)
        if parsed is None:
            if spec.get("required"):
                raise FieldError(_("必填项为空"))
            return None
        if parsed > today:
            raise FieldError(_("日期晚于今天：%(value)s") % {"value": parsed.isoformat()})
        return parsed.isoformat()
    text = _text(value)
    if not text:
        if spec.get("required"):
            raise FieldError(_("必填项为空"))
        return ""
    if kind == "decimal":
        try:
            amount = Decimal(text.replace(",", "").replace("，", "").removesuffix("元"))
        except InvalidOperation:
            raise FieldError(_("金额不是数字：%(value)s") % {"value": text[:40]}) from None
        if amount < 0 or not amount.is_finite():
            raise FieldError(_("金额不能为负数：%(value)s") % {"value": text[:40]})
        return str(amount.quantize(Decimal("0.01")))
    if kind == "uscc":
        number = idnumbers.normalise(text)
        if len(number) == 18 and number[:17].isdigit() and (number[17].isdigit() or number[17] == "X"):
            try:  # an individual business's 纳税人识别号 may be its owner's ID number: personal data
                idnumbers.validate_id_number(number)
                raise FieldError(_("该号码是居民身份证号，请填入“身份证件号码”列"))
            except idnumbers.InvalidIdNumber:
                pass
        try:
            return idnumbers.validate_uscc(number)
        except idnumbers.InvalidIdNumber as exc:
            if str(exc) == "checksum" or getattr(exc, "reason", "") == "checksum":
                raise FieldError(_("统一社会信用代码校验位错误：%(value)s") % {"value": number}) from None
            raise FieldError(_("统一社会信用代码格式不正确：%(value)s") % {"value": number[:30]}) from None
    if kind == "id_number":
        try:
            return idnumbers.validate_id_number(text, today=today)
        except idnumbers.InvalidIdNumber:
            raise FieldError(_("身份证件号码无效（长度、地区码、出生日期或校验位不符）")) from None
    if kind == "choice":
        for code, label in spec.get("choices", []):
            if text in (code, label):
                return code
        labels = "、".join(label for _code, label in spec.get("choices", []))
        raise FieldError(
            _("取值“%(value)s”不在可选范围内（%(labels)s）") % {"value": text[:40], "labels": labels}
        )
    if spec.get("key") == "party_name" and _PUNCT_IN_NAME.search(text):
        raise FieldError(_("名称含标点，疑似摘录错误：%(value)s") % {"value": text[:40]})
    limit = 4000 if kind == "longtext" else 200
    if len(text) > limit and kind != "longtext":
        raise FieldError(_("超过 %(limit)d 个字符") % {"limit": limit})
    return text


def infer_subject_type(data: dict) -> str:
    """An explicit subject type, else: a credit code or an organisation-like name → organisation,
    an ID number → natural person, a shop-like name → individual business, otherwise natural person."""
    explicit = data.get("subject_type")
    if explicit:
        return explicit
    name = data.get("party_name", "")
    if data.get("uscc"):
        return "individual_business" if re.search(r"(店|经营部|商行|门市|个体)", name) else "organisation"
    if _ORG_HINT.search(name) or len(name) > 6:
        return "organisation"
    return "natural_person"
