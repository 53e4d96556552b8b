"""The issuing bureau's own contact group inside a document's text.

A notice gives the bureau's contact as a run of contact items that opens a line of its own, with no
subject before it: ``联系人：王某，联系电话：0731-…；地址：…路59号；纳税服务热线：12366``, alone, in brackets,
or after 税务机关/本局/我局; or the officer in charge of the case with his line (承办人：王某  电话：…,
then 本局地址：… on the next line). Whose contact an item is, Chinese says by what stands before it: a party's
or a company's is introduced by its owner (你公司联系人, 法定代表人…联系电话, a list record's 名称：… line
above it), and a person's gives identity data beside it (证件号码, 住址, 手机). A group with neither is the
issuer's own (so is a group opened by the bureau's own address line, 我局地址：…, or by the hearing's
联系人, or one the hotline signs right after a list's last record); its fixed-line number (dialled with
an area code) and its address (a street and a number, no dwelling inside a building) are the office's
and stay published. The contact person's name is left to the other rules.
"""

from __future__ import annotations

import re

# The label that opens the group, with only a bracket or the bureau's own words before it: the contact
# person, the officer in charge of the case (承办人, 经办人), or the contact address or phone itself, after a colon, a space or none (联系人 王某，…,
# which the normaliser closes up).
_OPENING = re.compile(
    r"(?:(?:税务机关|本局|我局|本机关|我机关)(?:办公|联系)?地址(?=[ \t]*[：:])"
    r"|(?:税务机关|本局|我局|本机关|我机关)?(?:(?:听证|案件|业务|咨询)?联系人|承办人|经办人|联系[ \t]?地址|联系电话))(?:[ \t]*[：:]|[ \t]+(?=[^\s：:])|(?=[\u4e00-\u9fff·]{2,6}[，,；;\t ]))"
)
_BEFORE_OPENING = re.compile(r"[ \t（(【\[]*$")
# A label inside the group: every label must be a contact item's.
_LABEL = re.compile(r"([^\s：:，,；;。、（()）【】\[\]]{1,10})[ \t]*[：:](?!//)")
_CONTACT_LABEL = re.compile(
    r"(?:税务机关|本局|我局|本机关|我机关)?"
    r"(?:(?:听证|案件|业务|咨询)?联系人|承办人|经办人|联系电话|联系方式|(?:办公|咨询|联系|固定)?电话|(?:联系|办公|通讯)?地址|(?:纳税)?(?:服务)?热线|网址|网站"
    r"|邮编|邮政编码|传真|联系部门|承办部门|联系科室)"
)
# Identity data, a mobile number or an owner inside the group makes it a person's or a party's contact.
_NOT_THE_BUREAU = re.compile(
    r"(?<!\d)1[3-9]\d{9}(?!\d)|身份|证件|住址|住所|户籍|出生|性别|手机|银行|账号|账户|帐号|你|您|本人|公司|法定代表人|负责人|经营者|业主|股东|家属"
)
# A field line right above the group (名称：…, 地址：…) makes it a record of a list, not the bureau's block;
# an officer's line (执法人员：…) does not.
_FIELD_LINE = re.compile(r"[ \t]*([^\s：:，,。；;（()）]{1,12})[ \t]*[：:][^。\n]*$")
# (nor the receipt's signature line above it: 当事人签收：…)
_OFFICER_LABEL = re.compile(r"(?:税务)?(?:执法人员|检查人员|经办人|承办人)|[^：:]{0,6}(?:签收|签名|签字)人?")
_BUREAUS_OWN = re.compile(r"税务机关|本局|我局|本机关|我机关")
_OFFICERS_CERTIFICATE = re.compile(r"[（(][ \t]*(?:税务)?(?:执法|检查)证[^（()）]{0,40}[)）]")
_ENDS_IN_VALUE = re.compile(r"\d{5}$|https?://\S+$")
_CONTINUES = re.compile(r"[ \t]*[；;，,]")
# A bracket that opens its line where a page's width cut a sentence (the line above is as long as a page's
# line and ends in a word, not a mark): it belongs to the word it follows.
_WRAPPED_BRACKET = re.compile(r"[ \t]*[（(]")
_WORD_END = re.compile(r"[\u4e00-\u9fff·A-Za-z]")
_LINE_BREAK_BEFORE = re.compile(r"([\u4e00-\u9fff]{1,4})[ \t]*\n[ \t]*$")
# The hotline or the tax site inside a group signs it as the bureau's wherever it stands.
_SIGNED = re.compile(r"12366|chinatax")
_WRAPPED_WIDTH = 20
_REACH = 240
# Within a building (室, 单元, 栋 …) or a village an address is somebody's home, not an office's.
# (a lane named by the street's numbering, 文化巷86号, is a street: its house a lane's, not a flat's)
_DWELLING = re.compile(r"室|单元|栋|幢|户|村|组|(?:弄|巷)(?!\d+号$)|号楼\d|\d-\d+-\d")
_LOOK_ALIKE = str.maketrans("OoIl", "0011")  # a scan's look-alike letters (O25-…, l2366)
_AREA_CODE = re.compile(r"[（(]?0\d{2,3}[)）]?[ \t]?-?[ \t]?\d{7,8}$|1236\d$|12345$")


def _group_end(text: str, start: int) -> int:
    """The end of the contact group that opens at ``start``: a full stop, a bracket it did not open, a
    blank line, or a line break after which nothing continues the group."""
    depth = 0
    limit = min(len(text), start + _REACH)
    i = start
    while i < limit:
        ch = text[i]
        if ch == "。":
            return i
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            if depth == 0:
                return i
            depth -= 1
        elif ch == "\n":
            line_start = text.rfind("\n", 0, i) + 1
            line = text[line_start:i].rstrip()
            rest = text[i + 1 : i + 40]
            if not rest.strip(" \t") or rest.startswith("\n"):
                return i
            if line.endswith(("；", ";", "，", ",")) or _CONTINUES.match(rest):
                pass
            elif (label := _LABEL.match(rest.lstrip(" \t"))) and _CONTACT_LABEL.fullmatch(label.group(1)):
                pass
            elif len(line) < _WRAPPED_WIDTH or line.endswith(("）", ")", "】")):
                return i
            elif _ENDS_IN_VALUE.search(line) and not (rest[:1].isascii() and rest[:1].isalnum()):
                return i  # (…联系电话：0871-63056580⏎你单位…, 网址：https://…⏎（原经办人：…）: a whole value ends it)
        elif ch in "你您" and text[i - 1].isdigit():
            return i  # (…联系电话：0854-69328598你单位委托…: a line the normaliser joined, a new sentence)
        i += 1
    return i


def _cut_by_width(text: str, line_start: int) -> bool:
    """Whether the line above ``line_start`` is a page-width line that a cut left in a sentence's middle."""
    if line_start == 0:
        return False
    above = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1].rstrip(" \t")
    return len(above) >= _WRAPPED_WIDTH and _WORD_END.fullmatch(above[-1]) is not None


def _contact_label(body: str, label: re.Match[str]) -> bool:
    """Whether ``label`` is a contact item's, also where a page-width line break cut it (纳⏎税服务热线)."""
    if _CONTACT_LABEL.fullmatch(label.group(1)):
        return True
    head = _LINE_BREAK_BEFORE.search(body, 0, label.start(1))
    if head is None:
        return False
    return any(_CONTACT_LABEL.fullmatch(head.group(1)[-k:] + label.group(1)) for k in range(1, 5))


def _record_above(text: str, line_start: int) -> bool:
    """Whether a field line (not an officer's, nor the bureau's own 我局地址：…) stands right above the line
    at ``line_start``."""
    if line_start == 0:
        return False
    above_start = text.rfind("\n", 0, line_start - 1) + 1
    above = text[above_start : line_start - 1]
    match = _FIELD_LINE.match(above)
    return (
        match is not None
        and _OFFICER_LABEL.fullmatch(match.group(1)) is None
        and _BUREAUS_OWN.match(match.group(1)) is None
    )


def bureau_contact_groups(text: str) -> list[tuple[int, int]]:
    """The spans of the bureau's own contact groups in ``text`` (see the module's docstring)."""
    groups: list[tuple[int, int]] = []
    for opening in _OPENING.finditer(text):
        start = opening.start()
        line_start = text.rfind("\n", 0, start) + 1
        # (or right after a list's last record, 当期新发生欠税金额：…；联系地址：…, where the hotline signs it)
        after_record = start > 0 and text[start - 1] in "；;"
        if not _BEFORE_OPENING.fullmatch(text, line_start, start) and not after_record:
            continue
        if _WRAPPED_BRACKET.match(text, line_start) and _cut_by_width(text, line_start):
            continue  # 办税人员王某⏎（联系电话：…）: a bracket a width cut sent to the next line, the person's
        end = _group_end(text, opening.end())
        body = text[start:end]
        # (the hotline may sign it from the line right after: 如有疑问，可拨打纳税服务热线12366…)
        after = text.find("\n", end + 1)
        signed = _SIGNED.search(text, start, len(text) if after < 0 else after) is not None
        if (not text[:line_start].strip() or _record_above(text, line_start) or after_record) and not signed:
            continue  # (a text that opens with contact lines gives its addressee's, above any title)
        # (the contact officer's certificate beside his name, 联系人：王某（执法证号：…）, signs the group as the
        # bureau's; its label is no contact item's)
        body = _OFFICERS_CERTIFICATE.sub(lambda m: " " * len(m.group()), body)
        if _NOT_THE_BUREAU.search(body):
            continue
        labels = [m for m in _LABEL.finditer(body) if not m.group(1).isascii()]
        if not all(_contact_label(body, m) for m in labels):
            continue
        groups.append((start, end))
    return groups


def bureau_phone(value: str) -> bool:
    """A number the bureau's contact group may publish: a fixed line with its area code, or a hotline."""
    digits = re.sub(r"[ \t\n]", "", value).translate(_LOOK_ALIKE)
    return (
        _AREA_CODE.search(digits) is not None and not digits.startswith("1") or digits in ("12366", "12345")
    )


def bureau_address(value: str) -> bool:
    """An address the bureau's contact group may publish: an office's street and number, no dwelling."""
    return _DWELLING.search(value) is None
