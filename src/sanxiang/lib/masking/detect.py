"""Detectors that find personal data in Chinese text.

Every detector is one pre-compiled regular expression run over the whole text; Python code runs only per
candidate (a number, a trigger word), never per character, so the masker stays above a million characters
per second. Names are found without a model: by the word that introduces them (法定代表人、当事人、办税人 …),
by what follows them (先生、女士、"，男，"、"身份证"、"系…法定代表人"), and by the names the entry carries;
every name found once is then masked wherever else it stands alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from . import ner, tables
from .contact_block import bureau_address, bureau_contact_groups, bureau_phone
from .idcodes import id_checksum_ok, id_shaped, is_enterprise_tin15, is_valid_uscc, luhn_ok, taiwan_id_ok
from .normalize import normalise
from .policy import FieldType
from .surnames import COMPOUND_SURNAMES, SINGLE_SURNAMES

CJK = "\u4e00-\u9fff"


@dataclass(frozen=True, slots=True)
class Finding:
    """Personal datum of ``field_type`` at ``text[start:end]``."""

    start: int
    end: int
    field_type: FieldType


# ------------------------------------------------------------------------------------------- organisations

ORG_SUFFIXES = (
    "有限责任公司|股份有限公司|有限公司|分公司|公司|集团|商行|商店|便利店|超市|门市部|经营部|批发部|服务部|"
    "加工厂|厂|店|中心|事务所|合作社|工作室|酒店|餐厅|饭店|酒楼|宾馆|旅馆|茶楼|药房|诊所|医院|学校|"
    "农场|养殖场|种植场|商贸|贸易|建材|物流|科技|实业|餐馆|面馆|烟酒|副食|汽修|维修部|美容院|理发店|"
    "网吧|幼儿园|培训|协会|商会|银行|支行|分行|营业部|营业厅|排档|档口|酒家|食府|山庄|农庄|茶庄|鱼庄|商铺|铺(?![设装开])|(?<![全内外各本局])部|(?<![进执实发履运施银])行|社|坊|"
    "(?<![宾会])馆|(?<![住场处])所(?!得)|(?<![现市当到在商])场"
)
# A name followed (possibly after a few more characters of a shop name) by one of these suffixes is part
# of an organisation name, e.g. 张伟便利店, 长沙张伟商贸有限公司. Function words stop the look-ahead so that
# "张伟在某某有限公司任职" still counts as a standalone name.
_ORG_TAIL = re.compile(
    rf"(?:(?!中国)(?![在系于是的为与和及向对从被将由等任担经已未不曾现全转相个私账户名])[{CJK}]){{0,6}}?"
    # (or a company's with its place in brackets before its legal form: 盛源餐饮管理（株洲）有限公司)
    rf"(?:{ORG_SUFFIXES}|(?<=[{CJK}])[（(][{CJK}]{{2,6}}[）)][{CJK}]{{0,8}}?(?:有限责任公司|股份有限公司|有限公司|集团))"
)
# A company's whole name with its place in brackets (弘业（苏州）科技有限公司, 华拓（成都）劳务服务有限公司):
# neither the trade name before the bracket nor the place inside it is anyone's name. (The trade name holds
# no verb or function word: 您称朱某本人系锦程（青岛）…公司原职工 names 朱某 before it.)
_BRACKETED_PLACE_COMPANY = re.compile(
    rf"(?<=[{CJK}])[（(][{CJK}]{{2,6}}[）)][{CJK}]{{0,10}}?(?:有限责任公司|股份有限公司|有限公司|集团)"
)
_TRADE_NAME_CHAR = re.compile(rf"(?![在系于是的为与和及向对从被将由等称经已未人])[{CJK}]")
_TRADE_NAME = 6  # the longest trade name read before the bracket


def _outside_bracketed_companies(text: str, found: list[Finding]) -> list[Finding]:
    spans = []
    for m in _BRACKETED_PLACE_COMPANY.finditer(text):
        start = m.start()
        while start > m.start() - _TRADE_NAME and start > 0 and _TRADE_NAME_CHAR.match(text, start - 1):
            start -= 1
        if m.start() - start >= 2:
            spans.append((start, m.end()))
    if not spans:
        return found
    return [
        f
        for f in found
        if f.field_type not in _NAME_KINDS or not any(a <= f.start and f.end <= b for a, b in spans)
    ]


def _in_org_name(text: str, end: int) -> bool:
    return _ORG_TAIL.match(text, end, min(len(text), end + 16)) is not None


def _in_wrapped_org_name(text: str, end: int) -> bool:
    """Whether a name glued to the characters after it runs on, past a line break the extractor put
    inside the organisation's name, into its legal form (孟某五⏎金店, 许某便⏎利店): the shop's name, not
    the person standing alone. (A name right at a line's end is read alone, whatever the next line.)"""
    if not _CJK_CHAR.match(text, end):
        return False
    brk = text.find("\n", end + 1, end + 8)
    if (
        brk < 0
        or "\n" in text[end:brk]
        or not text[end:brk].strip()
        or text[end:brk].strip() != text[end:brk]
    ):
        return False
    joined = text[end:brk] + text[brk + 1 : brk + 16].lstrip(" \t")
    return _ORG_TAIL.match(joined) is not None


# ------------------------------------------------------------------------------------------------- numbers

# A leading look-ahead on the first character of every possible match (here and in _ADDRESS,
# _PASSPORT …) changes no match: it only lets the engine skip the other positions at once, where a
# pattern opening with a look-behind would otherwise try every branch.
# (an ID number's check character X may be typed as the multiplication sign ×; an OCR'd full stop read
# as the letter o ends a number: …账户6228…434o⏎)
_NUMBER = re.compile(
    r"(?=\d)(?<![0-9A-Za-z])(?:\d{17}[Xx×]\d{0,2}|\d{7,30})(?![0-9A-Za-np-zA-NP-Z]|[oO][0-9A-Za-z])"
)
# (a comma before or after it is a CSV row's separator unless an amount's thousands follow it)
_GROUPED_NUMBER = re.compile(r"(?<![\d.])\d{4}(?:[ \-]\d{3,4}){2,5}(?!\d|\.\d|,\d{3}(?!\d))")
# Hong Kong and Macao numbers (+852/+853 and eight digits) and Taiwan's mobiles (09xx-xxx-xxx, +886 9xx …).
_HK_TW_PHONE = re.compile(
    r"(?=[+0])(?<![\d])(?:(?:\+|00)\s?85[23][ \-]?\d{4}[ \-]?\d{4}|(?:\+|00)\s?886[ \-]?9\d{2}[ \-]?\d{3}[ \-]?\d{3}"
    r"|09\d{2}[ \-]\d{3}[ \-]\d{3})(?!\d)"
)
_TAIWAN_ID = re.compile(r"(?=[A-Z])(?<![0-9A-Za-z])[A-Z][12]\d{8}(?![0-9A-Za-z])")
# A Taiwan ID stands in a document that says so (its label, or a place in Taiwan): capitals and digits
# are everywhere in credit codes, so the scan runs only there.
_TAIWAN_HINT = re.compile(r"身分|统一编号|台湾|台胞|台籍|台北|台中|台南|高雄|新北|桃园")
# (or its first three digits in brackets, as an area code is written: (139)1234 5678, (139⏎)12345678)
_MOBILE_GROUPED = re.compile(
    r"(?=[+81（(])(?<![\d])(?:(?:\+?86[ \-]?)?1[3-9]\d[ \-]\d{4}[ \-]\d{4}"
    r"|[（(]1[3-9]\d(?:\n[ \t]*)?[)）][ \-]?\d{4}[ \-]?\d{4})(?!\d)"
)
# A landline with its area code: (0571)…, 0571-…, 0571 …, +86-571-…, 0086 571 …, (+86)(571)…; the line
# may break inside the area code's brackets, after its hyphen or between the local number's two halves
# (PDF text); a local
# number of seven digits may be grouped 4-3 as well as 3-4 (0771 8377 717).
_LANDLINE = re.compile(
    r"(?=[（(0+])(?<![\d])(?:(?:\+86[ \-]?|0086[ \-]?)?[（(](?:\n[ \t]*)?0\d{2,3}(?:\n[ \t]*)?[)）][ \-]?|0\d{2,3}(?:\n[ \t]*(?=[-－—]))?(?:[-－—./]\n?[ \t]*| [-—] |-? )"
    r"|(?:\+86|0086|[（(]\+?86[)）])[ \-]?(?:[1-9]\d{1,2}[ \-]|[（(][1-9]\d{1,2}[)）][ \-]?))"
    r"(?:[2-9]\d{2,3}(?:[ \-]|\n[ \t]*)?\d{4}|[2-9]\d{3}[ \-]\d{3})(?:[ ]?(?:-|转|分机|ext\.?|Ext\.?|EXT\.?|x|X)[ ]?\d{1,5})?(?![\d])"
)
_ODD_SEPARATOR = re.compile(r"0\d{2,3}[./]")
# A local number without its area code, grouped (8765 4321, 8765-4321), right after a phone's label.
# (or with its area code written without the trunk 0, as one writes it after the country's code:
# 898-66012345, 86-898-66012345)
# (or a whole number grouped as one groups a mobile's, its area code first: 0771 8286 000, 0755-7288-010)
_LOCAL_GROUPED = re.compile(
    r"(?<![\d\-])(?:[2-9]\d{2,3}[ \-]\d{4}(?![\d\-])|(?<!\+)(?:86[ \-]?)?[1-9]\d{1,2}[ \-][2-9]\d{6,7}(?!\d)"
    r"|0[1-9]\d{1,2}[ \-][2-9]\d{3}[ \-]\d{3}(?![\d\-]))"
)
_ID_CONTEXT = re.compile(
    r"身份证|身份号码|证件号|居民身份|公民身份|身份证件|身分证|统一编号|身分号码|社会保障号"
)
# Labels any subject's number stands under, a person's ID number or a company's credit code (社会保障号码或信用代码).
_GENERIC_ID_LABELS = frozenset({"证件号", "社会保障号"})
_USCC_CONTEXT = re.compile(r"信用代码|纳税人识别号|识别号|税号|注册号")
# (a stray space of OCR text may split the label: 账 户)
_BANK_CONTEXT = re.compile(r"[账帐] ?[号户]|卡 ?号|开户行|开户银行|银行卡|存折|收款账")
# An account named by whose it is (…个人名下6222…), or by its bank in brackets right after it (…（开户行：…）),
# or by the word right after it (款项经6217…账户收取).
_OWNER_ACCOUNT = re.compile(r"名下(?:的)?[：:]?[ \t]*$")
_BANK_AFTER = re.compile(
    r"[ \t]*(?:[（(][ \t]*(?:开户行|开户银行|开户网点|开户机构)|(?:银行)?(?:账户|帐户)|银行卡)"
)
_PHONE_CONTEXT = re.compile(r"电话|手机|联系方式|传真|Tel|TEL|热线|座机|宅电|固话")
_INVOICE_CONTEXT = re.compile(r"发票|代码|编号|文号|凭证|单号|批次|证号|登记号|备案号|订单")
_AUTHORITY = re.compile(r"税务局|税务分局|稽查局|税务所|办税服务厅|纳税服务|税务机关|本局|我局|本机关|我机关")
# A party named between the authority and the number makes it the party's; the bureau's own 联系人 does not.
# (Not 你: a notice addressed to the party says 你 throughout, and the number it gives is the office's.)
_PERSON_WORDS = re.compile(
    r"当事人|纳税人|法定代表人|负责人|经营者|先生|女士|本人|手机|业主|住址|身份证|受处分人|纳税义务人|身分证|居所|"
    r"被处罚人|被检查人|被查对象|受送达人|被询问人"
)
# An officer's enforcement or inspection certificate number after its label (执法证号：…, 税务检查证号：…,
# 执法证件编号：…): published with the officer in 行政执法公示 (RULES.md §1.2), no phone however it looks.
# (OCR may misread the label's last character: 执法证弓：)
# (or the next number of their list: 执法证号：14301185963、14301185964)
# (a PDF line may break the label: 执⏎法证件号)
_OFFICER_CERTIFICATE_WORD = r"(?:执[ \t]*\n?[ \t]*法|检[ \t]*\n?[ \t]*查)[ \t]*\n?[ \t]*证"
_OFFICER_CERTIFICATE_HEAD = re.compile(_OFFICER_CERTIFICATE_WORD)
_OFFICER_CERTIFICATE = re.compile(
    _OFFICER_CERTIFICATE_WORD
    + r"[^\d\n：:，,。；;]{0,3}[：:]?[ \t]*(?:[0-9A-Za-z]{6,20}[ \t]*[、，,][ \t]*){0,3}$"
)
# A professional's practising certificate number right after its label (律师执业证号：…, （执业证书编号…）,
# 职业资格证书号): personal, unlike an officer's 执法证 above. A firm's licence (执业许可证) is not one.
_PRACTICE_CERTIFICATE = re.compile(
    r"(?:执业|律师|执业资格|职业资格)证书?(?:号码|编号|号)?[ \t]*(?:[：:]|为|是)?[ \t]*$"
)
_CERTIFICATE_REACH = 80  # characters before a number searched for its certificate label
_AMOUNT_AFTER = re.compile(r"\s*(?:\.\d|元|万|亿|千|百|份|笔|户|张|吨|个|次|条|人|%|％)")


def _bank_context(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is named a bank account: a bank word before it, the
    owner's 名下 right before it, or its bank in brackets or 账户 right after it."""
    if _BANK_CONTEXT.search(text, max(0, start - 30), start) is None:
        words = []  # (the usual case, at the cost of one search)
    else:
        window = _context_before(text, start, 30)
        words = list(_BANK_CONTEXT.finditer(window))
    if words and _PHONE_CONTEXT.search(window, words[-1].end()) is None:
        return True  # (not 扣款账号：—⏎⏎咨询电话：020-…: the record ended, a phone's label is nearer)
    return (
        _OWNER_ACCOUNT.search(text, max(0, start - 6), start) is not None
        or _BANK_AFTER.match(text, end) is not None
    )


def _context_before(text: str, start: int, width: int) -> str:
    """The ``width`` characters before ``start``, cut at the last sentence end."""
    window = text[max(0, start - width) : start]
    cut = max(window.rfind("。"), window.rfind("；"), window.rfind("\n\n"))
    return window[cut + 1 :] if cut >= 0 else window


# Lines that give an office's number: complaint, consultation and service lines.
_PUBLIC_LINE = re.compile(
    r"(?:咨询|举报|监督|投诉|服务|办税|纳税服务|值班|受理|听证)(?:电话|热线)|办税服务厅|税务局|稽查局|税务所|税务分局"
)


# The closing block of a notice the bureau issues (联系人：… 联系电话：0532-… 联系地址：…, then the bureau's
# name and the date) gives the bureau's own contact; a party's contact stands in the header, before the body.
# A contact line that names the bureau's hall or its service hotline as its own.
_HALL_LINE = re.compile(r"\n[ \t]*(?:联系|咨询|办税)?电话[：:][^\n]*[（(]办税服务厅[）)]")
# A line of the block that gives the tax service hotline (纳税服务热线：12366): only the bureau signs its
# contact lines with it, so the lines above it, down from the body's end, are the bureau's own.
# (not where something is sent to, 送达地址, 邮寄地址: the recipient's, whatever signs the block)
_SENT_TO_LABEL = re.compile(r"送达|邮寄|寄送|收件")
_HOTLINE_LINE = re.compile(r"\n[ \t]*[^\n：:。]{0,10}热线[^\n。]{0,8}1[ \t]?2[ \t]?3[ \t]?6[ \t]?6(?!\d)")
_AUTHORITY_LINE = re.compile(
    rf"\n[ \t]*(?:国家税务总局[{CJK}]{{2,30}}|[{CJK}]{{2,24}}(?:税务局|稽查局|税务所|税务分局))[ \t]*(?:\n|$)"
)
_BLOCK_PERSON = re.compile(
    _PERSON_WORDS.pattern
    + r"|办税人|代理人|律师|辩护人|住所|家庭|你单位|财务|会计|出纳|股东|证人|委托人|员工|"
    r"雇员|店员|收银员|配偶|家属|亲属|"
    # who applies, reports or complains to the bureau (not 被申请人, the bureau itself in a review)
    r"(?<!被)申请人|举报人|检举人|投诉人|控告人|"
    # the party's own handler or contact (申请经办人, 企业联系人): the bureau's are 经办人, 联系人 alone
    r"(?:申请|企业|公司|纳税人|缴费人)(?:经办人|联系人|办税员)"
)
# A number the bureau called or gave notice through is the party's (本局…通过电话（…）通知你单位).
_CALLED = re.compile(r"通过|通知|告知|致电|拨打|电话联系|联系了|联系你|联系当事人")


_SENTENCE_GOES_ON = re.compile(rf"[{CJK}][^\n]*。")
# The line that opens the bureau's own group of contact lines (联系人：…, 联系部门：…).
_BUREAU_CONTACT = re.compile(r"[ \t]*(?:联系人|联系部门|承办部门|联系科室|办理部门)")
# A person's own line in the closing block: its label names whose number or address it is.
# (姓名, 序号: a record of a list after the body, 姓名：…⏎联系电话：…, is a person's, not the bureau's block)
_LINE_PERSON = re.compile(_BLOCK_PERSON.pattern + r"|你的|你户|预留|住宅|宅电|私人|个人|姓名|序号")


# The subject's own line in a record of a list (缴费人：…, 纳税人名称：…).
_LIST_RECORD_SUBJECT = re.compile(
    r"(?m)^[ \t]*(?:缴费人|缴款人|纳税人名称|纳税人|单位名称|企业名称|当事人|行政相对人名称|欠税人|姓名)[：:]"
)


# The closing formula between a notice's contact lines and the bureau's name (特此公告。).
_CLOSING_FORMULA = re.compile(r"(?:特此|此)(?:公告|通知|告知|函告|复|批复|证明)?[。.]?")


# The rest of a contact line after its datum, when it gives only more of the bureau's contact numbers
# (…；联系电话：0477-…，纳税服务热线12366。), or the part of such a line wrapped onto the next one: labels
# of office lines and numbers, no word of a sentence.
_CONTACT_ITEMS = re.compile(
    r"[\d\-－—()（） \t，,；;：:、。.联系咨询举报监督投诉纳税办服务电话热线传真邮编政码号]*"
)
_NUMBER_RUN = re.compile(r"[\d\-－— \t]*(?:\n[\d\-－—]+)?")


def _only_contact_items(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds nothing but contact labels and numbers (see _CONTACT_ITEMS)."""
    return _CONTACT_ITEMS.fullmatch(text, start, end) is not None


# What a document's title lines never hold: a label's colon or a sentence's punctuation.
_NOT_TITLE = re.compile(r"[：:。，,；;]")
_FIRST_FIELD = re.compile(r"[^：:\n]*[：:][^，,；;\t\u3000 \n]*")
_HEADER_REACH = 240  # the title lines above a header block: the bureau's name, the document's and its number
_OFFICER_CERTIFICATE_LABEL = re.compile(_OFFICER_CERTIFICATE_WORD + r"[^\d\n：:，,。；;]{0,3}[：:]")


# An officer's line (经办人：王某　电话：…): at a notice's head, or after a list, the bureau's contact.
_OFFICER_LINE = re.compile(r"[ \t]*(?:经办人|承办人|经办科室|承办科室|执法人员)[：:]")


def _contact_group_line(text: str, line_start: int) -> bool:
    """Whether the line at ``line_start`` opens the bureau's own contact lines: its 联系人 line (联系人：王老师,
    联系部门：…), or an officer's line with his certificate number (经办人：郭宇　执法证号：…　电话：…)."""
    if (
        _BUREAU_CONTACT.match(text, line_start) is not None
        or _OFFICER_LINE.match(text, line_start) is not None
    ):
        return True
    line_end = text.find("\n", line_start)
    return (
        _OFFICER_CERTIFICATE_LABEL.search(text, line_start, len(text) if line_end < 0 else line_end)
        is not None
    )


_CONTACT_GROUP_LINES = 8  # the lines a contact group may run to, its opening line included


def _contact_group_above(text: str, start: int) -> int | None:
    """The start of the line opening the contact group that holds ``start`` (see _contact_group_line),
    reached over label lines only (no blank line, no title, no sentence); None when there is none."""
    group = text.rfind("\n", 0, start) + 1
    for _ in range(_CONTACT_GROUP_LINES):
        if _contact_group_line(text, group):
            return group
        if group == 0:
            return None
        above = text.rfind("\n", 0, group - 1) + 1
        line = text[above : group - 1]
        if ":" not in line and "：" not in line or "。" in line:
            return None
        group = above
    return None


# A line that gives only a contact's item under its label (联系电话：…, 联系地址：…, 邮政编码：…): nobody's
# name, no subject's field.
_CONTACT_ITEM_LINE = re.compile(
    r"[ \t]*(?:联系|咨询|办公|服务|通讯)?(?:电话|地址|传真|邮编|邮政编码|网址|热线|邮箱)[ \t]*[：:][^\n。]*(?:\n|$)"
)


def _contact_items_above(text: str, line_start: int) -> int | None:
    """The first of the contact-item lines (see _CONTACT_ITEM_LINE) that run down to the one at
    ``line_start``, itself one; None when that line is none."""
    if _CONTACT_ITEM_LINE.match(text, line_start) is None:
        return None
    group = line_start
    for _ in range(_CONTACT_GROUP_LINES):
        if group == 0:
            break
        above = text.rfind("\n", 0, group - 1) + 1
        if _CONTACT_ITEM_LINE.match(text, above) is None:
            break
        group = above
    return group


def _in_header_block(text: str, start: int) -> bool:
    """Whether ``start`` lies in the bureau's contact lines at the head of a document, above its body (a
    notice printed with its contact block first): label lines opened by the bureau's 联系人 line or an
    officer's line (see _contact_group_line), naming no person on the way down to the datum, with only
    the document's title lines above them (no label, no sentence), and the bureau named in those titles
    or on the line right after the block (联系人：…⏎联系电话：…⏎邮政编码：…⏎国家税务总局…稽查局⏎税务行政处罚决定书)."""
    line_start = text.rfind("\n", 0, start) + 1
    group = _contact_group_above(text, start)
    if group is None:
        group = _contact_items_above(text, line_start)  # (联系电话：…⏎联系地址：…⏎国家税务总局…, no 联系人)
    if group is None or group > _HEADER_REACH or _NOT_TITLE.search(text, 0, group) is not None:
        return False  # labels or sentences above: the header of a party, or the body
    # (the group's own line names the bureau's contact, 联系人：王先生: read from the next line, or on the
    # datum's own line from the end of that first field)
    if group == line_start:
        first = _FIRST_FIELD.match(text, group)
        certificate = _OFFICER_CERTIFICATE_LABEL.search(text, group, start)
        below = max(first.end() if first is not None else group, certificate.end() if certificate else group)
    else:
        below = text.find("\n", group) + 1
    if _LINE_PERSON.search(text, below, start) is not None or _CALLED.search(text, below, start) is not None:
        return False
    if _AUTHORITY_NAME.search(text, 0, group) is not None:
        return True  # (国家税务总局…税务局税务文书送达公告⏎…号⏎联系人：…)
    position = text.find("\n", start)
    for _ in range(6):  # down over the block's other label lines to the line after it
        if position < 0:
            return False
        nxt = text.find("\n", position + 1)
        line = text[position + 1 : len(text) if nxt < 0 else nxt]
        if (":" in line or "：" in line) and "。" not in line and _LINE_PERSON.search(line) is None:
            position = nxt
            continue
        return _AUTHORITY_LINE.match(text, position, len(text) if nxt < 0 else nxt + 1) is not None
    return False


def _in_closing_block(text: str, start: int, *, named: bool = False, end: int | None = None) -> bool:
    """Whether ``start`` lies in the bureau's own contact lines in the closing block of a notice: after
    the last sentence of the body, with the bureau's name following within three lines or no sentence
    following at all. The lines are read one by one: the datum's own line and those above it, up to the
    bureau's 联系人 line, must name no person (当事人联系电话：…, 证人…，电话：… are a party's or a
    witness's, even beside the bureau's own number). With ``named`` (an address) the block must also be
    named the bureau's: its 联系人 line at or above the datum, or the bureau's name below it (a 送达地址
    after the last sentence of a notice to a person is the person's). The datum's line ends after its
    ``end`` when given: a number wrapped over two lines (电话028⏎-50204233。) is one line of the block."""
    if start <= _HEADER_REACH + 200 and _in_header_block(text, start):
        return True
    body_end = max(text.rfind("。", 0, start), text.rfind("\n\n", 0, start))
    if body_end < 0:
        # a list with no sentence (…现认定为非正常户：⏎<rows>⏎联系人：…⏎联系电话：…): the block opens at
        # the bureau's contact line above the datum, over label lines only
        # (under a title that names the bureau, and not in a record of the list: 纳税人名称：…⏎联系人：…
        # is the subject's own contact)
        group = _contact_group_above(text, start)
        if (
            group is None
            or _AUTHORITY_NAME.search(text, 0, group) is None
            or _LIST_RECORD_SUBJECT.search(text, max(text.rfind("\n\n", 0, group), 0), group) is not None
        ):
            return False
        body_end = group - 1
    line_start = text.rfind("\n", 0, start) + 1
    label_start = max(line_start, body_end)
    if _LINE_PERSON.search(text, label_start, start) is not None or _CALLED.search(text, label_start, start):
        return False
    if end is None:
        end = _NUMBER_RUN.match(text, start).end()  # type: ignore[union-attr]
    line_end = text.find("\n", end)
    if (
        _SENTENCE_GOES_ON.search(text, start, len(text) if line_end < 0 else line_end) is not None
        and not _only_contact_items(text, end, len(text) if line_end < 0 else line_end)
        and not _first_number_of_contact_line(text, line_start, start)
    ):
        return False  # inside a sentence of the body (…通过电话（…）通知你单位…。), not a contact line
    record = text.rfind("\n\n", 0, start)
    if _LIST_RECORD_SUBJECT.search(text, max(record, body_end, 0), line_start) is not None:
        return False  # 缴费人：…⏎…⏎联系人：…⏎联系人电话：…: a record of a list, its contact the subject's
    contact = _BUREAU_CONTACT.match(text, line_start) is not None
    if not contact:
        position = line_start
        while position - 1 > body_end:
            above = text.rfind("\n", 0, position - 1) + 1
            if above <= body_end:
                break
            if _BUREAU_CONTACT.match(text, above) is not None:
                contact = True
                break
            if _LINE_PERSON.search(text, above, position - 1) is not None:
                if _dedented_below(text, above, line_start):
                    break  # (⏎    代理人：…⏎联系电话：…: the indented party's lines end, the bureau's block opens)
                return False
            position = above
    if (line_end < 0 or text.find("。", start) < 0) and (contact or not named):
        return True
    limit = line_end
    if _first_number_of_contact_line(text, line_start, start) and (stop := text.find("。", start)) >= 0:
        # (the contact line's sentence may wrap onto the next lines: the lines below start after it)
        limit = max(limit, text.find("\n", stop) if text.find("\n", stop) >= 0 else len(text))
    lines = 0
    blank = False
    while lines < 4:  # the bureau's name within the next lines (blank lines not counted), none a person's
        nxt = text.find("\n", limit + 1)
        if nxt < 0:
            nxt = len(text)
        if _AUTHORITY_LINE.match(text, limit, min(len(text), nxt + 1)) is not None:
            return True
        if _HALL_LINE.match(text, limit, nxt) is not None:
            return True  # …⏎联系电话：…（办税服务厅）: the bureau's own contact block
        if (
            _HOTLINE_LINE.match(text, limit, nxt) is not None
            and not blank
            and _SENT_TO_LABEL.search(text, line_start, len(text) if line_end < 0 else line_end) is None
        ):
            return True  # 联系地址：…⏎联系电话：…⏎纳税服务热线：12366: the bureau's own contact block
        if not text[limit + 1 : nxt].strip():
            blank = True
        else:
            if blank:
                # after a blank line only the bureau's name itself may follow: other lines are another
                # block (送达地址：…⏎⏎联系单位：…税务局⏎地址：…: the recipient's address is no part of it)
                return False
            line = text[limit + 1 : nxt].strip()
            if _LINE_PERSON.search(text, limit + 1, nxt) is not None or (
                "。" in line
                and _CLOSING_FORMULA.fullmatch(line) is None
                and not _only_contact_items(text, limit + 1, nxt)
            ):
                return False  # a person's line, or the body's sentence going on below (PDF wrapping)
            lines += 1
        limit = nxt
        if limit >= len(text):
            # the text ends with no sentence after the bureau's own contact line (…办理。⏎联系人：…，电话…)
            return _first_number_of_contact_line(text, line_start, start)
    return False


_LABEL_COLON = re.compile(r"[：:]")
_INDENT = re.compile(r"[ \t\u3000]+")


def _dedented_below(text: str, above: int, line_start: int) -> bool:
    """Whether the line at ``line_start`` stands flush left under the indented line at ``above`` and the
    lines between: a block of its own after an indented paragraph (the party's lines in the body)."""
    if line_start >= len(text) or _FIELD_OPENING.match(text, line_start) is None:
        return False  # (an indented line, or one a PDF's width wrapped: ，联系电话：…, ：0311-…)
    if text[: line_start - 1].rstrip(" \t\u3000").endswith(_WRAPPED_ENDS):
        return False  # (…，成都君合律师事务所，⏎联系电话：…: the line above goes on)
    return _INDENT.match(text, above) is not None


_FIELD_OPENING = re.compile(rf"[{CJK}]{{2,10}}[：:]")
_WRAPPED_ENDS = ("，", ",", "、", "：", ":", "（", "(")


def _first_number_of_contact_line(text: str, line_start: int, start: int) -> bool:
    """Whether ``start`` holds the first number of a line that the bureau's contact label opens
    (联系人：高思，电话0916-…，电子邮件通知已发送至…。): the line goes on as a sentence, yet the number is
    the contact's."""
    if _BUREAU_CONTACT.match(text, line_start) is None or _DIGIT.search(text, line_start, start) is not None:
        return False
    # (the line goes on as a sentence, not as more of one contact's fields: 联系人：…，联系电话：…，电子邮箱：…
    # is the card of whoever the 联系人 is, an applicant's as well as the bureau's)
    stop = text.find("。", start)
    return _LABEL_COLON.search(text, start, len(text) if stop < 0 else stop) is None


def _hotline_with_area_code(digits: str) -> bool:
    """The tax service hotline (or the government's) dialled with an area code: 0991-12366."""
    return digits[:1] == "0" and (digits[3:] in _ALWAYS_PUBLIC_PHONES or digits[4:] in _ALWAYS_PUBLIC_PHONES)


# Who a landline in a record may belong to, when not the record's subject.
_PERSON_ROLE_IN_RECORD = re.compile(
    r"法定代表人|法人代表|负责人|联系人|经办人|代理人|办税人|财务|经营者|业主|投资人|证人|配偶|家属|姓名|本人|"
    # who receives the papers for the organisation (收件人：…  联系电话：…), or rents from it
    r"收件人|代收人|签收人|承租人|"
    # a person questioned in the record (询问笔录（被询问人：***，联系电话：…）), or a name masked by hand
    r"被询问人|被调查人|被检查人|询问笔录|调查笔录|[*＊×]{2,}|[*＊×](?: [*＊×])+"
)


def _organisations_record(text: str, start: int) -> bool:
    """Whether a landline stands in a record (a key-value block, a ；-joined line) whose subject is an
    organisation (受送达人：…有限公司 … 联系电话：0755-…), with no person named in between and no sign
    of an individual business: an organisation's number is published (only a natural person's contact
    is hidden, RULES.md §1.5)."""
    low = _record_start(text, start)
    if _named_subject_is_person(text, low, start) is not False:
        return False
    return (
        _PERSON_ROLE_IN_RECORD.search(text, low, start) is None
        and INDIVIDUAL_BUSINESS.search(text, low, start) is None
    )


# What asks the reader to call a number (请拨打…, 可致电…): the notice gives its own office's number there.
_CALL_US = re.compile(
    r"(?:请|可|可以|欢迎)(?:拨打|致电|来电|电话联系|电话咨询)[ \t]*(?:电话)?[：:]?[ \t]*(?:\n[ \t]*)?$"
)
_WRAPPED_WIDTH = 20  # a line at least this long that ends inside a field was cut by the extractor's width


def _logical_line_start(text: str, line_start: int) -> int:
    """Where the line at ``line_start`` begins before an extractor cut it at a fixed width (…；受⏎理时间：…⏎
    7:30；电话：…): up to three lines above, while the line above is as long as a page's line and ends no
    sentence."""
    for _ in range(3):
        if line_start == 0:
            break
        above = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above : line_start - 1].rstrip(" \t")
        if (
            len(line) < _WRAPPED_WIDTH
            or line.endswith(("。", "："))
            or (line[-2:-1].isalpha() and line[-1] == ":")
        ):
            break  # (a label's colon ends a line of its own; a time's, 上午9:⏎00, is cut)
        line_start = above
    return line_start


def _office_line(text: str, line_start: int, start: int) -> bool:
    """Whether the line holding the number at ``start`` is an office's: its first label names the bureau
    or its hall (办税服务厅地址：…；受理时间：…；电话：…), or an officer's certificate number stands before the
    number (经办人：郭宇　执法证号：…　电话：…), with no person named and no call reported on the way. The
    line is read as printed, then, if it is not an office's, as it ran before a PDF's width cut it."""
    if _office_line_from(text, line_start, start):
        return True
    wrapped = _logical_line_start(text, line_start)
    return wrapped != line_start and _office_line_from(text, wrapped, start)


# The bureau or its hall named in a line's first label (办税服务厅地址：, 本局地址：, 税务机关联系电话：).
# (the label is the office's name and a contact's words only: not 本局向岳峰（电话：…, a sentence)
_OFFICE_HEAD = re.compile(
    r"[ \t]*[^\s，,。；;、（()）：:]{0,24}?(?:税务局|税务分局|稽查局|税务所|办税服务厅|办税大厅|纳税服务厅|纳税服务中心|"
    r"本局|我局|本机关|税务机关)[联系咨询服务办公地址电话传真邮编政码方式号热线窗口]{0,8}[ \t]*[：:]"
)
# The office named in brackets right after a number (0731-…（办税服务厅）).
_OFFICE_AFTER = re.compile(
    r"[ \t]*[（(](?![系是为])[^（()）\n，,。；;]{0,24}(?:办税服务厅|办税大厅|纳税服务厅|纳税服务中心|税务局|税务分局|稽查局|税务所)[）)]"
)


# What may stand between an officer's certificate label and the office's number on his line: the
# certificate numbers, separators and a phone's label only.
_AFTER_CERTIFICATE = re.compile(
    r"[0-9A-Za-z \t\u3000、，,；;（()）\-]*(?:联系电话|办公电话|电话|联系方式|传真)?[ \t]*[：:]?[ \t]*"
)


def _office_line_from(text: str, line_start: int, start: int) -> bool:
    """_office_line's test on the line read from ``line_start``."""
    if _OFFICE_HEAD.match(text, line_start, start) is None:
        certificate = _OFFICER_CERTIFICATE_LABEL.search(text, line_start, start)
        if certificate is None or _AFTER_CERTIFICATE.fullmatch(text, certificate.end(), start) is None:
            return False  # (…检查证（证号：…），向李四（电话：…）: a sentence goes on to another's number)
        line_start = certificate.end()
    return (
        "。" not in text[line_start:start]
        and _LINE_PERSON.search(text, line_start, start) is None
        and _CALLED.search(text, line_start, start) is None
    )


# The sentence that asks the reader to come and collect or handle something at a place (可到…领取文书):
# the contact it gives is the place's, the bureau's.
_COME_TO = re.compile(r"(?:可|请)(?:到|至|前往|来)[^。；\n]{2,40}?(?:领取|办理)")
_YOUR_NUMBER = re.compile(r"你的|您的|本人|其(?:联系)?电话|预留")


# A number's label that names an organisation its holder (单位电话, 公司联系电话, 企业座机): the unit's own line,
# published, whoever else the line names (单位经办人：…  单位电话：…).
_ORGANISATIONS_PHONE_LABEL = re.compile(
    r"(?:单位|公司|企业|厂|商行)(?:联系|办公|固定)?(?:电话|座机|固话)(?:号码)?[ \t]*[：:]?[ \t]*$"
)


# A company's name right before the number, nothing but a table's separators, markup, quotes or a scan's
# specks in between (the next cell of its row, the next line of a one-cell-a-line list).
_ORGANISATION_RIGHT_BEFORE = re.compile(
    r"(?:有限责任公司|有限公司|公司|集团|合作社)"
    r"(?:[\s|｜丨│┃,，;；\"'`·﹒〃_]|</?t[dh][^>\n]{0,20}>)*$"
)


# Specks a scan leaves inside a label's words (纳税服_务热线, 咨询·电话): no part of the label.
_LABEL_SPECKS = re.compile(r"[_`'·﹒〃丨|\s]")


def _public_line_label(text: str, line_start: int, start: int) -> bool:
    """Whether an office line's label (see _PUBLIC_LINE) stands before the number in its own sentence: on its
    line, or ending the line above (…；咨询电话：⏎027-…), specks of a scan inside its words ignored."""
    low = max(line_start, start - 30, text.rfind("。", 0, start) + 1)
    if low == line_start and line_start > 0 and not text[line_start:start].strip():
        above = text.rfind("\n", 0, line_start - 1) + 1
        if text[above : line_start - 1].rstrip().endswith(("：", ":")):
            low = max(above, line_start - 31, text.rfind("。", 0, line_start) + 1)
    return _PUBLIC_LINE.search(_LABEL_SPECKS.sub("", text[low:start])) is not None


# A phone's label that names a person's own line: a spare or a home number (备用电话, 家庭电话, 住宅电话, 宅电),
# or the number of whoever handled a record for its party (经办人联系电话 of a licence: the applicant's
# staff; the bureau's officer is published by name and certificate only, RULES.md §1.2, and a licence
# record lists no contact, §1.4). The bureau's own number is labelled 联系电话 or 咨询电话, never so.
_PERSONS_PHONE_LABEL = re.compile(
    r"(?:备用|家庭|住宅|私人|个人)(?:联系)?电话(?:号码)?[ \t]*[：:]?[ \t]*[（(]?$|宅电[ \t]*[：:]?[ \t]*[（(]?$"
    r"|经办人(?:联系)?(?:电话|方式)(?:号码)?[ \t]*[：:]?[ \t]*[（(]?$"
)


def _is_public_landline(
    text: str, start: int, digits: str, public_phones: frozenset[str], end: int | None = None
) -> bool:
    """An authority's own office line: listed as public, or labelled as a phone right after the
    authority's name with no person mentioned in between ("国家税务总局…税务局 联系电话：0731-…"; not
    证人…，电话：… in the header under the bureau's name, nor the number 本局…通过电话（…）通知 the party)."""
    if digits in public_phones or _hotline_with_area_code(digits):
        return True
    if _PERSONS_PHONE_LABEL.search(text, max(0, start - 12), start) is not None:
        return False  # 备用电话：0577-…, 经办人联系电话：0851-…: the label names a person's own line
    before = text[max(0, start - 60) : start]
    if ("电话" in before or "座机" in before or "固话" in before) and _ORGANISATIONS_PHONE_LABEL.search(
        text, max(0, start - 12), start
    ):
        return True  # 单位电话：0731-…: the label names an organisation the number's holder
    if ("公司" in before or "集团" in before or "合作社" in before) and _ORGANISATION_RIGHT_BEFORE.search(
        before
    ):
        return True  # …有限公司</td><td>0512-…, …公司⏎0592-…: the cell after a company's name, its number
    if _in_closing_block(text, start, end=end):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    # (the office is named in the number's own sentence: …税务局核查，已责令其改正。您留下的固定电话… is
    # the reader's number, the bureau named in the sentence before)
    if _public_line_label(text, line_start, start):
        return True
    if _office_line(text, line_start, start):
        return True
    if (
        _OFFICE_AFTER.match(
            text,
            end if end is not None else _NUMBER_RUN.match(text, start).end(),  # type: ignore[union-attr]
        )
        and _LINE_PERSON.search(text, line_start, start) is None
    ):
        return True  # 联系方式：0731-…（办税服务厅）: the office named after the number
    if _CALL_US.search(text, max(0, start - 12), start) is not None:
        return True  # 如需改期，请拨打0871-…: the number the notice asks its reader to call, the bureau's
    sentence = max(text.rfind("。", 0, start), text.rfind("\n\n", 0, start), start - 80)
    if _COME_TO.search(text, sentence + 1, start) is not None and not _YOUR_NUMBER.search(
        text, sentence + 1, start
    ):
        return True  # 可到…领取文书，联系人：…，联系电话：0512-…: where the reader is asked to come, the bureau's
    window = _context_before(text, start, 120)
    authorities = list(_AUTHORITY.finditer(window))
    if not authorities:
        return _organisations_record(text, start)
    authority = authorities[-1]
    between = window[authority.end() :]
    # a number in brackets belongs to what stands right before the bracket: the authority's own
    # (…税务所（地址：…，电话：…）), not another's named in between (本局向岳峰（电话：…）送达)
    bracket = max(between.rfind("（"), between.rfind("("))
    if bracket > 0 and between[:bracket].strip(" \t：:，,"):
        return _organisations_record(text, start)
    # right after the authority's name (its own line, or the label on the next): a number further on,
    # in the body's text, is whoever's the text says (经查，…（电话…）)
    return (
        len(between) <= 40
        and between.count("\n") <= 1
        and _PHONE_CONTEXT.search(between) is not None
        and _BLOCK_PERSON.search(between) is None
        and _CALLED.search(between) is None
        and _YOUR_NUMBER.search(between) is None  # (你可到本局领取文书，你的联系电话…: the reader's)
    ) or _organisations_record(text, start)


def _classify_number(text: str, start: int, token: str, public_phones: frozenset[str]) -> FieldType | None:
    """Decide what a digit token is.

    The tie rule for an 18-character number that could be an ID number or a USCC: an explicit 身份证
    context, or passing the whole ID check (real region, plausible birth date, GB 11643 checksum), makes
    it an ID, even when it also passes the USCC check (one valid ID in 31 does) and even under 纳税人识别号
    (an individual business's TIN is often its operator's ID). A real USCC almost never passes the ID
    check: its first two characters are the registering authority and entity type, so its first six
    characters are rarely a region code. Otherwise a number passing the USCC check is kept, and an
    ID-shaped number (real region, plausible birth date) with a wrong checksum is hidden, because a
    mistyped ID is still personal."""
    before = _context_before(text, start, 24)
    if _PRACTICE_CERTIFICATE.search(before) is not None:
        return FieldType.PRACTICE_CERTIFICATE
    n = len(token)
    token = token.replace("×", "X")
    if n < 18 and _completes_uscc(text, start + n, token):
        return None  # a credit code broken by a line break or a space (9144…7559⏎XQ)
    if n in (19, 20) and _is_person_tin(token.upper()):
        return FieldType.ID_NUMBER  # an individual's taxpayer number: the ID number and a suffix
    if n in (17, 18) and id_shaped(token[:15]) and not (n == 18 and is_valid_uscc(token)):
        if n == 17 or _USCC_CONTEXT.search(before):
            return FieldType.ID_NUMBER  # an old 15-digit ID number and a suffix
    if n == 15 and token.startswith("0086") and token[4] == "1" and token[5] in "3456789":
        return None if token[4:] in public_phones else FieldType.PHONE
    end = start + n
    if (
        16 <= n <= 19
        and _bank_context(text, start, end)
        and token.isdigit()
        and luhn_ok(token)
        and not (id_checksum_ok(token) and id_shaped(token))
        and not _ID_CONTEXT.search(before)
        and not _USCC_CONTEXT.search(before)
    ):
        return FieldType.BANK_ACCOUNT  # a card named so, even when its digits pass another check
    if n == 18:
        upper = token.upper()
        context = _ID_CONTEXT.search(before)
        if context is not None and context.group() not in _GENERIC_ID_LABELS:
            return FieldType.ID_NUMBER
        if id_checksum_ok(upper) and id_shaped(upper):
            return FieldType.ID_NUMBER
        if context is not None and not is_valid_uscc(upper):
            return FieldType.ID_NUMBER  # under 证件号码 a company's credit code stays (a list of both)
        if is_valid_uscc(upper):
            return None
        if id_shaped(upper):
            return FieldType.ID_NUMBER
    elif n == 15 and _ID_CONTEXT.search(before):
        return FieldType.ID_NUMBER
    elif n == 15 and id_shaped(token) and (not is_enterprise_tin15(token) or _number_of_person(text, start)):
        # An old 15-digit ID shares its shape with an enterprise's old taxpayer number (region code and
        # organisation code); the organisation code's check character tells them apart (1 ID in 11 is
        # misread, and only where no 身份证 label stands before it and no person owns the number).
        return FieldType.ID_NUMBER
    if _OFFICER_CERTIFICATE.search(text, max(0, start - _CERTIFICATE_REACH), start) is not None:
        return None  # an officer's certificate number (执法证号：14501792588), public
    if token[:1] == "1" and n == 11 and token[1] in "3456789":
        return None if token in public_phones else FieldType.PHONE
    if n == 13 and token.startswith("86") and token[2] == "1" and token[3] in "3456789":
        return None if token[2:] in public_phones else FieldType.PHONE
    if _bank_context(text, start, end) and _AMOUNT_AFTER.match(text, end) is None:
        if 8 <= n <= 30 and not _INVOICE_CONTEXT.search(before[-12:]):
            return FieldType.BANK_ACCOUNT
    if 16 <= n <= 19 and luhn_ok(token) and not _INVOICE_CONTEXT.search(before[-12:]):
        return FieldType.BANK_ACCOUNT
    if (
        n in (7, 8)
        and (_PHONE_CONTEXT.search(before[-10:]) or _listed_after_phone(text, start))
        and text[start - 1 : start] not in "-－—)）"
    ):
        return None if _is_public_landline(text, start, token, public_phones) else FieldType.PHONE
    if 10 <= n <= 12 and token[0] == "0" and token[1] != "0":
        if _PHONE_CONTEXT.search(before[-10:]) or not _INVOICE_CONTEXT.search(before[-14:]):
            if _AMOUNT_AFTER.match(text, end) is None:
                return None if _is_public_landline(text, start, token, public_phones) else FieldType.PHONE
    return None


# A number listed after another one under the same label (联系方式：138…，7234777; 电话：0731-…、0731-…).
_LISTED_NUMBER_BEFORE = re.compile(r"[+（(]?\d[\d \-－—()（）\n]{5,18}\d[ \t]*[，,；;、/或][ \t]*$")


def _listed_after_phone(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows another number that stands under a phone's label."""
    listed = _LISTED_NUMBER_BEFORE.search(text, max(0, start - 30), start)
    return (
        listed is not None
        and _PHONE_CONTEXT.search(text, max(0, listed.start() - 10), listed.start()) is not None
    )


# A landline whose local number opens with 1 (no such number is dialled, yet forms carry them: a typing
# slip, an invented one): a phone only under a phone's label.
# (found from the separator before the 1, rare, then the area code read before it: a scan for every 0
# of a text's digits cost as much as the landline pattern itself)
_ONE_AFTER_AREA_CODE = re.compile(r"(?=[-－—)）])[-－—)）][ \t]?1\d{6,7}(?!\d)")
_AREA_CODE_ENDING = re.compile(r"(?:[（(]0\d{2,3}|(?<!\d)0\d{2,3})$")


def _number_of_person(text: str, start: int) -> bool:
    """Whether the number at ``start`` is a natural person's by its record: the record names a person as
    its subject (纳税人名称：岳峰 … 纳税人识别号：…), or a person's name stands right before the bracket
    that gives it."""
    if _named_subject_is_person(text, _record_start(text, start), start) is True:
        return True
    m = _PERSON_BEFORE_BRACKET.search(text, max(0, start - 20), start)
    if m is not None and not _ORG_IN_NAME.search(m.group("name")):
        return True
    # a register's cell right before it holding a person's name (…⏎向红梅⏎430102610203104, 白伟	520103…)
    cell = _CELL_BEFORE_VALUE.search(text, max(0, start - 32), start)
    if cell is None:
        return False
    value = cell.group("cell").strip(_CELL_SPECKS)
    return len(value) >= 2 and _person_cell(value) and not _ORG_IN_NAME.search(value)


_CODE_TAIL = re.compile(r"[ \t]?\n?[ \t]*([0-9A-Z]{1,10})(?![0-9A-Za-z])")


def _completes_uscc(text: str, end: int, head: str) -> bool:
    """Whether the digits ``head`` ending at ``end`` and the capitals and digits after one break make
    a valid credit code of 18 characters."""
    if not (8 <= len(head) < 18) or end >= len(text) or text[end] not in " \t\n":
        return False
    tail = _CODE_TAIL.match(text, end)
    return tail is not None and len(head) + len(tail.group(1)) == 18 and is_valid_uscc(head + tail.group(1))


def _is_person_tin(number: str) -> bool:
    """An individual's taxpayer number: a valid 18-character ID number followed by one or two digits."""
    head = number[:18]
    return number[18:].isdigit() and id_checksum_ok(head) and id_shaped(head)


def _joined_kind(
    digits: str, grouped_by_four: bool, bank_context: bool, id_context: bool = False, *, card: bool = False
) -> FieldType | None:
    """What the digits of a number broken by spaces, hyphens or line breaks are, once joined; None
    unless they are a valid datum (a join is kept only then). An old 15-digit ID that is also shaped as
    an enterprise's old taxpayer number is an ID only under an ID's label (``id_context``). A card's
    number (Luhn) is one when grouped by four, named by a bank word, or ``card``: cut only by line
    breaks or single spaces or hyphens, and opening with a card issuer's digit (``_wrapped_card``)."""
    n = len(digits)
    upper = digits.upper()
    named_card = grouped_by_four or bank_context or (card and digits[:1] in _CARD_ISSUER_DIGITS)
    if n == 18 and upper[:17].isdigit():
        if id_checksum_ok(upper) and id_shaped(upper):
            return FieldType.ID_NUMBER
        if id_shaped(upper) and not is_valid_uscc(upper):
            return FieldType.ID_NUMBER
        if not (upper.isdigit() and luhn_ok(upper) and named_card) or (
            not (grouped_by_four or bank_context) and is_valid_uscc(upper)
        ):
            return None  # (a credit code of digits only, wrapped by a line, is no card)
    if n in (19, 20) and _is_person_tin(upper):
        return FieldType.ID_NUMBER
    if not digits.isdigit():
        return None
    if n == 15 and id_shaped(digits) and (id_context or not is_enterprise_tin15(digits)):
        return FieldType.ID_NUMBER
    if n == 11 and digits[0] == "1" and digits[1] in "3456789":
        return FieldType.PHONE
    if 16 <= n <= 19 and luhn_ok(digits) and named_card:
        return FieldType.BANK_ACCOUNT
    if 8 <= n <= 30 and bank_context:
        return FieldType.BANK_ACCOUNT
    return None


# The first digit of a card number: UnionPay 62 and the old domestic 60/9558, Visa 4, Mastercard 5,
# JCB and American Express 3.
_CARD_ISSUER_DIGITS = frozenset("34569")


def _local_phone(digits: str) -> bool:
    """A landline's number once joined: a local number (seven or eight digits, not opening with 0 or 1)
    or one with its area code (0 and two or three digits, then the local number)."""
    n = len(digits)
    if n in (7, 8):
        return digits[0] in "23456789"
    return 10 <= n <= 12 and digits[0] == "0" and digits[1] != "0"


_DATE_SHAPE = re.compile(r"(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}")
_WHITESPACE = re.compile(r"\s+")


def _wrapped_phone(text: str, start: int, end: int, digits: str) -> bool:
    """Whether ``text[start:end]`` is a landline's number cut by a line break (the spaced and hyphenated
    writings are the landline patterns'), not a date (…电话均无法联系，2026-1⏎2-10)."""
    written = text[start:end]
    return (
        "\n" in written
        and _local_phone(digits)
        and _DATE_SHAPE.fullmatch(_WHITESPACE.sub("", written)) is None
    )


# Digit groups broken by spaces, hyphens or a line break (PDF text, aligned columns, 1381 234 5678).
# A comma before or after the run is a CSV row's separator unless it groups an amount's thousands
# (1,234): three digits exactly after it.
_SPLIT_NUMBER = re.compile(
    r"(?=\d)(?<![0-9A-Za-z.])(?!(?<=\d,)\d{3}(?!\d))\d+(?:[Xx]\d{0,2})?"
    r"(?:(?:[ \t]{1,2}|[ \t]?-[ \t]?|[ \t]?-?\r?\n[ \t]*-?)(?:\d+(?:[Xx]\d{0,2})?|[Xx]\d{0,2}))+"
    r"(?![0-9A-Za-z]|\.\d|,\d{3}(?!\d))"
)
# a group is digits, or the X check character of an ID number wrapped onto the next line on its own
# (with a taxpayer number's suffix after it: …671⏎X01)
_DIGIT_GROUP = re.compile(r"\d+(?:[Xx]\d{0,2})?|[Xx]\d{0,2}")
# What may cut a card's number without a bank word: a line break (and the indentation around it), or
# one space or hyphen (622202 0200001234562); a tab or a wider gap separates a table's cells.
_CARD_GAP = re.compile(r"[ \t]*\r?\n[ \t]*| |-")


# The lengths ``_joined_kind`` can accept: mobile, old ID, card, ID, individual TIN (any length of
# account number after a bank word; a landline's after a phone's label).
_JOINED_LENGTHS = frozenset({11, 15, 16, 17, 18, 19, 20})
_BANK_LENGTHS = _JOINED_LENGTHS | frozenset(range(8, 31))
_PHONE_LENGTHS = _JOINED_LENGTHS | frozenset({7, 8, 10, 12})
# A landline's area code right before its local number (（0571）37⏎26103, 0571-3726⏎103).
_AREA_CODE_BEFORE = re.compile(r"(?:[（(]0\d{2,3}[)）]|0\d{2,3}[ \t]?[-－—][ \t]?)[ \t]*$")


def _wrapped_card(text: str, groups: list[tuple[int, int]], run_start: int) -> bool:
    """Whether the groups are one number cut by line breaks (a PDF line's width, a cell's wrap) or
    single spaces or hyphens only, not under an invoice's or a document's label: a card's number once
    joined, if it passes Luhn."""
    return all(
        _CARD_GAP.fullmatch(text, a, b) is not None
        for (_, a), (b, _) in zip(groups, groups[1:], strict=False)
    ) and not _INVOICE_CONTEXT.search(_context_before(text, run_start, 24)[-12:])


_DATE_AHEAD = re.compile(r"(?:19|20)\d{2}(?:年|[-./]\d{1,2}[-./]\d{1,2})")


# A person's ID number right after its label, however OCR or a layout damaged it (45012619750Z27416Z,
# 410783 1971 O42B 7323, 4l01051⏎981l2051890): the label says what it is, so 15 or 18 characters of digits
# and the letters OCR reads for digits, in groups a space or a line break parts, are hidden where no check
# passes. (OCR may read the label's 号 as 导 or 弓.) A valid credit code under a shared label stays.
_ID_LABEL = re.compile(r"(?:身份证件?|公民身份|身份|身分证|证件)[号导弓]码?[ \t]*[：:]?[ \t]*(?=[0-9A-Za-z])")
_ID_CHARACTER = re.compile(r"[0-9A-Za-z]")
_ID_GAP = re.compile(r"[ \t]{0,2}-?\r?\n?[ \t]{0,2}")
_DIGIT_LIKE = str.maketrans("lIiOoBZzSs", "1110082255")


# An ID number OCR damaged with no label before it (a table's cell: 43010Z195804093988, 320102 19921016 S641):
# the letters read back as the digits they stand for must make a valid ID number, checksum included.
_DAMAGED_ID = re.compile(
    r"(?<![0-9A-Za-z])(?=[0-9 ]{0,20}[lIOoBZS])[0-9lIOoBZS]{6} ?(?:[0-9lIOoBZS]{4} ?[0-9lIOoBZS]{4}|[0-9lIOoBZS]{8})"
    r" ?[0-9lIOoBZS]{3}[0-9lIOoBZSXx](?![0-9A-Za-z])"
)


_REPEATED_KINDS = frozenset(
    {
        FieldType.ID_NUMBER,
        FieldType.PHONE,
        FieldType.BANK_ACCOUNT,
        FieldType.TRAVEL_DOCUMENT,
        FieldType.PRACTICE_CERTIFICATE,
    }
)


def _number_occurrences(text: str, found: list[Finding]) -> list[Finding]:
    """A person's number found once is hidden wherever else the text repeats it, written alike: the
    same passport number under a register's 纳税人识别号 (a foreign operator's) as under its 证件号码, the
    same ID number as an individual business's credit code."""
    values: dict[str, FieldType] = {}
    for f in found:
        if f.field_type in _REPEATED_KINDS and f.end - f.start >= 7:
            value = text[f.start : f.end]
            if value.isalnum():
                values.setdefault(value, f.field_type)
    occurrences: list[Finding] = []
    for value, kind in values.items():
        start = text.find(value)
        while start >= 0:
            end = start + len(value)
            if not (start and text[start - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
                occurrences.append(Finding(start, end, kind))
            start = text.find(value, end)
    return occurrences


# A birth date under its label (出生日期：1986年10月17日, 出生年月 1990.3): a person's, whoever he is.
_BIRTH_DATE = re.compile(
    r"(?:出生日期|出生年月日?|出生时间|生日)[ \t]*(?:[：:]|为|是)?[ \t]*"
    r"(?P<date>\d{4}[ \t]*[年./-][ \t]*\d{1,2}(?:[ \t]*[月./-][ \t]*\d{1,2}[ \t]*日?|[ \t]*月)?)"
)


# …or a whole day of birth written before 出生 (女，1999年5月19日出生); a year or a month (1979年4月出生),
# as the parties' particulars give them, stays.
_BORN_ON = re.compile(r"(?P<date>\d{4}[ \t]*年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日)[ \t]*出生")


def _find_birth_dates(text: str) -> list[Finding]:
    return [
        Finding(m.start("date"), m.end("date"), FieldType.BIRTH_DATE)
        for pattern in (_BIRTH_DATE, _BORN_ON)
        for m in pattern.finditer(text)
    ]


def _find_damaged_ids(text: str) -> list[Finding]:
    """ID numbers with OCR's letters for digits: valid once read back, or 15/18 characters under a label."""
    found: list[Finding] = []
    for m in _DAMAGED_ID.finditer(text):
        number = m.group().replace(" ", "")
        number = number[:17].translate(_DIGIT_LIKE) + number[17].upper().translate(_DIGIT_LIKE)
        if id_checksum_ok(number) and id_shaped(number):
            found.append(Finding(m.start(), m.end(), FieldType.ID_NUMBER))
    for label in _ID_LABEL.finditer(text) if "证" in text or "身份" in text else ():
        position = end = label.end()
        characters: list[str] = []
        while len(characters) < 18:
            character = _ID_CHARACTER.match(text, position)
            if character is None:
                gap = _ID_GAP.match(text, position)
                if not characters or gap is None or gap.end() == position:
                    break
                if _ID_CHARACTER.match(text, gap.end()) is None:
                    break
                position = gap.end()
                continue
            characters.append(character.group())
            position = end = character.end()
        if _ID_CHARACTER.match(text, end) is not None:
            continue  # more than 18 characters: another kind of number
        value = "".join(characters)
        if len(value) not in (15, 18) or is_valid_uscc(value.upper()):
            continue
        digits = value[:17].translate(_DIGIT_LIKE)
        if not digits.isdigit() or sum(c.isdigit() for c in value) < 12:
            continue
        # (the birth year of an 18-character number is the check a damaged region or date still passes)
        if id_shaped(digits) if len(value) == 15 else digits[6:8] in ("19", "20"):
            found.append(Finding(label.end(), end, FieldType.ID_NUMBER))
    return found


def _find_split_numbers(text: str, public_phones: frozenset[str]) -> list[Finding]:
    """Valid data among the runs of a broken number: every window of consecutive groups, longest first,
    is joined and checked (an ID number, a taxpayer number, a mobile, a card; a landline under a
    phone's label); a window that is not a valid datum is not joined, so an aligned table's
    neighbouring columns stay apart."""
    found: list[Finding] = []
    for m in _SPLIT_NUMBER.finditer(text):
        if 8 <= len(_NON_DIGIT.sub("", m.group())) <= 20 and _PRACTICE_CERTIFICATE.search(
            _context_before(text, m.start(), 24)
        ):
            # a practising certificate's number broken by a space or a line (执业证号14542 2014⏎1255…)
            found.append(Finding(m.start(), m.end(), FieldType.PRACTICE_CERTIFICATE))
            continue
        groups = [(g.start(), g.end()) for g in _DIGIT_GROUP.finditer(text, m.start(), m.end())]
        if len(groups) > 12:
            groups = groups[:12]  # a long run of numbers is a list, not one datum
        bank_context = _bank_context(text, m.start(), m.end())
        id_context: bool | None = None  # read only for a 15-digit join (its label decides)
        # (a landline's label is read only for a run a line break cuts: the other writings are the
        # landline patterns')
        phone_context = (
            "\n" in m.group() and _PHONE_CONTEXT.search(text, max(0, m.start() - 10), m.start()) is not None
        )
        lengths = _BANK_LENGTHS if bank_context else _PHONE_LENGTHS if phone_context else _JOINED_LENGTHS
        total = [0]  # total[k]: the characters of the first k groups
        for a, b in groups:
            total.append(total[-1] + b - a)
        i = 0
        while i < len(groups):
            for j in range(len(groups) - 1, i, -1):
                if total[j + 1] - total[i] not in lengths:
                    continue  # no datum has that many characters: not worth joining
                pieces = [text[a:b] for a, b in groups[i : j + 1]]
                digits = "".join(pieces)
                x_at = [i for i, ch in enumerate(digits) if ch in "Xx"]
                if x_at and (len(x_at) > 1 or x_at[0] != 17):
                    continue  # an X stands only as an ID number's check character
                if len(digits) > 30 or any(
                    "\n" in text[groups[k - 1][1] : groups[k][0]] and _DATE_AHEAD.match(text, groups[k][0])
                    for k in range(i + 1, j + 1)
                ):
                    continue  # (nor a number and the date on the next line: …1139⏎2024年7月7日, …⏎2026-11-17)
                by_four = all(len(p) == 4 for p in pieces[:-1])
                if id_context is None and len(digits) == 15:
                    id_context = _ID_CONTEXT.search(_context_before(text, m.start(), 24)) is not None
                card = (
                    16 <= len(digits) <= 19
                    and not (by_four or bank_context)
                    and digits[:1] in _CARD_ISSUER_DIGITS
                    and digits.isdigit()
                    and luhn_ok(digits)
                    and _wrapped_card(text, groups[i : j + 1], m.start())
                    # (nor the digits of a credit code whose last characters follow: 91 530103 416885754 N)
                    and not _completes_uscc(text, groups[j][1], digits)
                )
                kind = _joined_kind(digits, by_four, bank_context, bool(id_context), card=card)
                start = groups[i][0]
                if (
                    kind is None
                    and phone_context
                    and i == 0
                    and _wrapped_phone(text, start, groups[j][1], digits)
                ):
                    # a landline under a phone's label, cut by a line break (电话：43405⏎708)
                    area = (
                        _AREA_CODE_BEFORE.search(text, max(0, start - 9), start) if len(digits) < 9 else None
                    )
                    if area is not None:
                        start = area.start()
                    end = groups[j][1]
                    if not _is_public_landline(
                        text, start, _NON_DIGIT.sub("", text[start:end]), public_phones, end
                    ):
                        kind = FieldType.PHONE
                if kind is FieldType.PHONE and (
                    digits in public_phones
                    or _OFFICER_CERTIFICATE.search(text, max(0, start - _CERTIFICATE_REACH), start)
                    is not None
                ):
                    kind = None
                if (
                    kind is FieldType.ID_NUMBER
                    and len(digits) > 18
                    and total[j] - total[i] == 18
                    and not _tin_suffix(text, groups[j - 1][1], groups[j][0], m.start())
                ):
                    j -= 1  # an ID number and the next line's row number, not a taxpayer number
                if kind is not None:
                    found.append(Finding(start, groups[j][1], kind))
                    i = j
                    break
            i += 1
    return found


def _tin_suffix(text: str, id_end: int, suffix_start: int, run_start: int) -> bool:
    """Whether the two digits after an ID number are its taxpayer number's suffix (ID + 01, the
    individual's taxpayer number) rather than the next row's number: joined by a space or a hyphen on
    the same line, or on the next line with a leading zero (01, 02: a row number has none) or under a
    taxpayer number's label."""
    if "\n" not in text[id_end:suffix_start]:
        return True
    return text[suffix_start] == "0" or _USCC_CONTEXT.search(_context_before(text, run_start, 24)) is not None


# A taxpayer number's suffix written in brackets after the ID number (110101…0011（01）).
_BRACKETED_SUFFIX = re.compile(r"[（(]\d{2}[)）]")


_COUNTRY_CODE = re.compile(r"(?:(?:\+|00)\s?86|[（(]\+?86[）)])[ \-]?$")


def _with_country_code(text: str, finding: Finding) -> Finding:
    """A phone number's span widened over a +86 / 0086 / (86) written before it."""
    m = _COUNTRY_CODE.search(text, max(0, finding.start - 8), finding.start)
    if m is None:
        return finding
    return Finding(m.start(), finding.end, finding.field_type)


_NON_DIGIT = re.compile(r"\D")
_ALWAYS_PUBLIC_PHONES = frozenset({"12366", "12345"})


def _within_cells(text: str, finding: Finding, cells: list[tuple[int, int]]) -> bool:
    """Whether every character of a finding but white space lies in one of ``cells``."""
    return all(
        text[i].isspace() or any(a <= i < b for a, b in cells) for i in range(finding.start, finding.end)
    )


def _find_numbers(text: str, public_phones: frozenset[str]) -> list[Finding]:
    found: list[Finding] = []
    for m in _NUMBER.finditer(text):
        kind = _classify_number(text, m.start(), m.group(), public_phones)
        if kind is FieldType.PHONE and m.end() - m.start() < 11 and _beside_mask(text, m.start(), m.end()):
            continue  # 1380013****: the visible digits of a number masked already
        if kind is not None:
            found.append(Finding(m.start(), m.end(), kind))
    grouped = " " in text or "-" in text  # both grouped patterns need a space or hyphen
    bracketed = "(" in text or "（" in text
    for m in _MOBILE_GROUPED.finditer(text) if grouped or bracketed else ():
        digits = _NON_DIGIT.sub("", m.group())[-11:]
        if (
            digits not in public_phones
            and _OFFICER_CERTIFICATE.search(text, max(0, m.start() - _CERTIFICATE_REACH), m.start()) is None
        ):
            found.append(Finding(m.start(), m.end(), FieldType.PHONE))
    if "+8" in text or "008" in text or "09" in text:
        for m in _HK_TW_PHONE.finditer(text):
            digits = _NON_DIGIT.sub("", m.group())
            if not _is_public_landline(text, m.start(), digits, public_phones):
                found.append(Finding(m.start(), m.end(), FieldType.PHONE))
    for m in _TAIWAN_ID.finditer(text) if _TAIWAN_HINT.search(text) else ():
        if taiwan_id_ok(m.group()) or _ID_CONTEXT.search(_context_before(text, m.start(), 24)):
            found.append(Finding(m.start(), m.end(), FieldType.ID_NUMBER))
    for m in _LANDLINE.finditer(text):
        digits = _NON_DIGIT.sub("", m.group())
        if _ODD_SEPARATOR.match(m.group()) and not _PHONE_CONTEXT.search(
            text, max(0, m.start() - 12), m.start()
        ):
            continue  # 0571.8765…, 0571/8765…: a phone only under a phone's label (编号0123/4567…)
        if not _is_public_landline(text, m.start(), digits, public_phones, m.end()):
            found.append(Finding(m.start(), m.end(), FieldType.PHONE))
    for m in _ONE_AFTER_AREA_CODE.finditer(text):
        area = _AREA_CODE_ENDING.search(text, max(0, m.start() - 5), m.start())
        if area is None or (text[m.start()] in ")）") != (text[area.start()] in "（("):
            continue  # (0571-1…, (0571)1…: the bracket closes only what it opened)
        start = area.start()
        if (
            _PHONE_CONTEXT.search(text, max(0, start - 10), start) or _listed_after_phone(text, start)
        ) and not _is_public_landline(
            text, start, _NON_DIGIT.sub("", text[start : m.end()]), public_phones, m.end()
        ):
            found.append(Finding(start, m.end(), FieldType.PHONE))
    for label in _PHONE_CONTEXT.finditer(text) if grouped else ():
        # (read only after a phone's label: the labels are few, the digit groups many)
        local = _LOCAL_GROUPED.search(text, label.end(), label.end() + 19)
        if local is None or local.start() - label.end() > 10:
            continue
        if not _is_public_landline(text, local.start(), _NON_DIGIT.sub("", local.group()), public_phones):
            found.append(Finding(local.start(), local.end(), FieldType.PHONE))
    for m in _GROUPED_NUMBER.finditer(text) if grouped else ():
        digits = _NON_DIGIT.sub("", m.group())
        if len(digits) == 11 and digits[0] == "1":
            continue  # a grouped mobile number, handled above
        if (16 <= len(digits) <= 19 and luhn_ok(digits)) or (
            8 <= len(digits) <= 30 and _bank_context(text, m.start(), m.end())
        ):
            found.append(Finding(m.start(), m.end(), FieldType.BANK_ACCOUNT))
        elif len(digits) == 18 and id_shaped(digits):
            found.append(Finding(m.start(), m.end(), FieldType.ID_NUMBER))
    found += _find_split_numbers(text, public_phones)
    if "（" in text or "(" in text:
        found += [
            Finding(suffix.start() + 1, suffix.end() - 1, FieldType.ID_NUMBER)
            for f in found
            if f.field_type is FieldType.ID_NUMBER
            and f.end - f.start >= 18
            and (suffix := _BRACKETED_SUFFIX.match(text, f.end)) is not None
        ]
    return [_with_country_code(text, f) if f.field_type is FieldType.PHONE else f for f in found]


# ------------------------------------------------------------------------------------- e-mail, documents

# (a PDF line may break on either side of a dot: zhang@163⏎.com, zhang@163.⏎com)
_EMAIL = re.compile(
    # (a PDF line may break inside the domain's first label: wxm052@fo⏎xmail.com)
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+ ?\n?[ \t]*@ ?\n?[ \t]*[A-Za-z0-9\-]+(?:\n[A-Za-z0-9\-]+)?"
    r"(?: ?\n?[ \t]*\. ?\n?[A-Za-z0-9\-]+)*(?: ?\n?[ \t]*\. ?\n?)[A-Za-z]{2,}"
)
# An address written so that robots miss it: zhang(at)163.com, zhang[at]163.com, zhang at 163 dot com,
# zhang#163.com; its top-level domain must be a known one.
# (also the dot written as 。 or (dot), a line break after the dot, the @ written plainly)
_SEP_DOT = r"[ \t]*(?:[.。]|[(\[（【][ \t]*dot[ \t]*[)\]）】]|[ \t](?:dot|DOT)[ \t])[ \t]*\n?[ \t]*"
_EMAIL_WORDED = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+[ \t]*"
    r"(?:[(\[（【<][ \t]*(?:at|AT|#|@)[ \t]*[)\]）】>]|[ \t](?:at|AT)[ \t]|#|@)"
    rf"[ \t]*[A-Za-z0-9\-]+(?:{_SEP_DOT}[A-Za-z0-9\-]+)*{_SEP_DOT}"
    r"(?:com|cn|net|org|edu|gov|hk|mo|tw|info|biz|cc|me|io|COM|CN|NET|ORG)(?![A-Za-z0-9])"
)
# What only an address written so can hold (one scan instead of the full pattern at every word).
_WORDED_HINT = re.compile(r"(?<![A-Za-z])(?:at|AT|dot|DOT)(?![A-Za-z])|#|@[A-Za-z0-9\-]+。")
# The start of an address's local part left on the line above (E-mail：liuya⏎ng9740@qq.com).
# (right after its label, 邮箱：… or 个人邮箱 …, or alone on its line: after a figure and a space it is
# another datum's end, 17377743 558)
# (the local part's head at the end of the line above, after a label, a line's start or a table's cell
# opening: <td>zhangwei5⏎74@qq.com, a tab, a pipe, a comma)
_EMAIL_HEAD_ABOVE = re.compile(
    rf"(?:(?<=[：:{CJK}>\t|,])|(?<=[：:{CJK}|,][ \t])|(?<=\n)|^)[A-Za-z0-9._%+\-]{{1,30}}$"
)
# A phone number standing on the line above an address (a one-cell-a-line register: 联系电话⏎电子邮箱),
# no wrapped head of it.
_PHONE_SHAPED = re.compile(r"[+\d][\d\-]{6,}")
# Passports (E/G/D/S/P), 港澳居民来往内地通行证 (H/M + 8 or 10 digits), 往来港澳通行证 (C + 8 digits or
# C + letter + 7), 往来台湾通行证 (L + 8), a Hong Kong or Macao identity card (A123456(7), 1234567(8)), the
# older 台湾居民来往大陆通行证 (ten digits and a letter in brackets: 0123456789(B)).
_PASSPORT = re.compile(
    r"(?=[A-Z0-9])(?<![0-9A-Za-z])(?:E[A-HJ-NP-Z]\d{7}|[EGDSPKHMCL]\d{8}|[EG]\d{7}|[HM]\d{10}|C[A-Z]\d{7}"
    r"|[A-Z]{1,2}\d{6} ?[（(][0-9A][)）]|[157]\d{6} ?[（(]\d[)）]|[157]/\d{6}/\d|\d{10}[（(][A-Z][)）])(?![0-9A-Za-z/])"
)
# A 港澳 permit's number (H or M and 8 or 10 digits) split by a space or a line break (H1234 5678): the
# length is checked by the caller.
_SPLIT_HKMO_PERMIT = re.compile(
    r"[HM](?<![0-9A-Za-z][HM])\d{1,9}(?:[ \t]|[ \t]?\n[ \t]*)\d{1,9}(?![0-9A-Za-z])"
)
_TRAVEL_CONTEXT = re.compile(
    r"(?:护照|通[ \t]*\n?[ \t]*行[ \t]*\n?[ \t]*证|回乡证|台胞证|旅行证|居留证|居住证|军官证|士兵证|警官证|签证|证件|身份证|"
    r"[Pp]assport(?:\s*[Nn][Oo]\.?)?|PASSPORT(?:\s*NO\.?)?)(?:号码|号)?"
    rf"[^0-9A-Za-z。；;\n]{{0,8}}?([A-Za-z]{{0,2}}\d{{6,12}}[A-Za-z0-9]?(?![0-9A-Za-z*＊])|[{CJK}]字第\d{{4,10}}号"
    # a number split by a stray space, a hyphen or a PDF line break (K75 544980, G12⏎3456789, AB⏎123 4567):
    # its length is checked by the caller
    r"|(?:[A-Za-z]{1,2}|[A-Za-z]{0,2}\d{1,10})(?:(?:[ \t]{1,2}|[ \t]?-[ \t]?|[ \t]*\n[ \t]*)\d{1,10}){1,2}"
    r"(?![0-9A-Za-z*＊]))"
)
_ALNUM = re.compile(r"[0-9A-Za-z]")
# A value under 纳税人识别号 of 6 to 12 characters is no organisation's taxpayer number (those have 15, 17,
# 18 or 20): it is a person's document number given as his taxpayer number (a passport, a permit).
_SHORT_TAXPAYER_NUMBER = re.compile(
    r"识别号(?:码)?[ \t]*[：:][ \t]*((?=[A-Z]{0,3}\d)(?=(?:[A-Z]*\d){5})[0-9A-Z]{6,12})(?![0-9A-Za-z*＊])"
)
# A foreign passport's number mixes capitals and digits (C01X00T47), and so does a permit's (往来港澳通行证
# CEG7G3B4E): read after a travel document's label only, its label or its number perhaps cut by a PDF
# line break (台湾居民来往大陆通⏎行证号码：…, C4H05B⏎A52).
_LINE_GAP = r"[ \t]*\n?[ \t]*"
_FOREIGN_PASSPORT = re.compile(
    rf"(?=[护通旅居回台Pp])(?:护照|通{_LINE_GAP}行{_LINE_GAP}证|旅行证|居留证|回乡证|台胞证|[Pp]assport(?:\s*[Nn][Oo]\.?)?|PASSPORT(?:\s*NO\.?)?)"
    r"(?:号码|号)?[^0-9A-Za-z。；;\n]{0,8}?"
    r"((?=[A-Z]{0,3}\d)[A-Z0-9]{2,10})(?:[ \t]*\n[ \t]*([A-Z0-9]{1,8}))?(?![0-9A-Za-z*＊])"
)
_MIN_DIGITS = 3


def _mixed_code(code: str) -> bool:
    digits = sum(ch.isdigit() for ch in code)
    return 8 <= len(code) <= 10 and _MIN_DIGITS <= digits < len(code)


def _foreign_document_numbers(text: str) -> list[Finding]:
    found: list[Finding] = []
    for m in _FOREIGN_PASSPORT.finditer(text):
        if m.group(2) is not None and _mixed_code(m.group(1) + m.group(2)):
            found.append(Finding(m.start(1), m.end(1), FieldType.TRAVEL_DOCUMENT))
            found.append(Finding(m.start(2), m.end(2), FieldType.TRAVEL_DOCUMENT))
        elif _mixed_code(m.group(1)) and (m.group(2) is None or not text[m.end(1) : m.end(1) + 1].isalnum()):
            found.append(Finding(m.start(1), m.end(1), FieldType.TRAVEL_DOCUMENT))
    return found


_WORDED_DOT = re.compile(r"[ \t]*[(\[（【][ \t]*dot[ \t]*[)\]）】][ \t]*|[ \t]+dot[ \t]+|。")
_WORDED_AT = re.compile(r"[ \t]*[(\[（【<][ \t]*(?:at|#|@)[ \t]*[)\]）】>][ \t]*|[ \t]+at[ \t]+|#")
_SPACE = re.compile(r"\s")


def _canonical_email(written: str) -> str:
    """An address as ``local@domain`` however it was written (zhang at 163 dot com → zhang@163.com)."""
    address = _WORDED_DOT.sub(".", written.lower())
    if "@" not in address:
        address = _WORDED_AT.sub("@", address, count=1)
    return _SPACE.sub("", address)


def _find_email_and_documents(text: str, public_emails: frozenset[str]) -> list[Finding]:
    found: list[Finding] = []
    matches = list(_EMAIL.finditer(text)) if "@" in text else []
    if (
        "#" in text
        or "at" in text
        or "AT" in text
        or "dot" in text
        or "DOT" in text
        or ("@" in text and "。" in text)
    ) and _WORDED_HINT.search(text) is not None:
        matches += _EMAIL_WORDED.finditer(text)
    for m in matches:
        address = _canonical_email(m.group())
        domain = address.rpartition("@")[2]
        if address in public_emails or domain == "gov.cn" or domain.endswith(".gov.cn"):
            continue
        start = m.start()
        if text[start - 1 : start] == "\n":
            head = _EMAIL_HEAD_ABOVE.search(text, max(0, start - 32), start - 1)
            if head is not None and _PHONE_SHAPED.fullmatch(head.group()) is None:
                start = head.start()
        found.append(Finding(start, m.end(), FieldType.EMAIL))
    for m in _PASSPORT.finditer(text):
        found.append(Finding(m.start(), m.end(), FieldType.TRAVEL_DOCUMENT))
    for m in _SPLIT_HKMO_PERMIT.finditer(text) if "H" in text or "M" in text else ():
        if sum(ch.isdigit() for ch in m.group()) in (8, 10):
            found.append(Finding(m.start(), m.end(), FieldType.TRAVEL_DOCUMENT))
    for m in _TRAVEL_CONTEXT.finditer(text):
        token = m.group(1)
        if token.isdigit() and len(token) >= 15:
            continue  # an ID number under 证件号码: the number detector owns it
        if _OFFICER_CERTIFICATE.search(text, max(0, m.start(1) - _CERTIFICATE_REACH), m.start(1)) is not None:
            continue  # 执法证件编号：…: an officer's certificate, published
        if not token.isalnum():
            joined = "".join(_ALNUM.findall(token))
            if not 6 <= len(joined) <= 12 or (joined.isdigit() and len(joined) >= 15):
                continue  # not one document number once joined (or an ID number: the number detector's)
        found.append(Finding(m.start(1), m.end(1), FieldType.TRAVEL_DOCUMENT))
    for m in _SHORT_TAXPAYER_NUMBER.finditer(text) if "识别号" in text else ():
        if not _completes_uscc(text, m.end(1), m.group(1)):  # (not a credit code a line break cut)
            found.append(Finding(m.start(1), m.end(1), FieldType.TRAVEL_DOCUMENT))
    if "护照" in text or "assport" in text or "ASSPORT" in text or "证" in text:
        found += _foreign_document_numbers(text)
    return found


# ----------------------------------------------------------------------------------------------- addresses

_HOME_LABELS = (
    "家庭住址|家庭地址|户籍地址|户籍所在地|户籍地|户籍(?=[：:])|现住址|现住所|现住地|现居住地|居住地址|居住地点|居住地|家庭住所|"
    "家住|住址|身份证地址|常住地址|常住地|"
    "居所(?=[：:为])|戶籍地址|"
    # in running text (……，现住宝鸡市…；居住于…；暂住…): the value must still read as an address
    "现居住于|居住于|居住在|住在|户口所在地|户口地址|暂住于|暂住(?![证人])|现住(?![院宿房])"
)
_AMBIGUOUS_LABELS = (
    "住所地|住所|通讯地址|联系地址|送达地址|送达地点|邮寄地址|收件地址|经营地点|经营场所|生产经营地址|经营地址|地址|"
    # the place of an inspection or an inquiry: a person's home when the notice is a person's
    "检查地点|检查地址|询问地点"
)
_LABEL_HEADS = "".join(sorted({label[0] for label in f"{_HOME_LABELS}|{_AMBIGUOUS_LABELS}".split("|")}))
# A label's value stops at a colon: in 送达地址确认：法定代表人住所…, 确认 is the label's own tail and what
# follows is the next label's field, not one value that swallows the next label. (It stops at markup too:
# <th>送达地址</th><th>… is a header cell, its value in the rows below.)
_VALUE = r"(?P<value>(?:[^，,。；;（()）\n\t|｜：:<>]|[（(][^，,。；;（()）\n\t：:]{1,12}[）)]|[（(](?![^（()）\n]{0,12}[）)])){1,60})"
_ADDRESS = re.compile(
    rf"(?=[{_LABEL_HEADS}])"
    rf"(?:(?P<home>{_HOME_LABELS}|(?<![^，,；;、（(\n])住(?![址所宿房院宅])(?=[：:]?[{CJK}]{{0,8}}?(?:[省市区县镇乡村路街巷弄]|[0-9]{{1,5}}(?:栋|幢|号楼))))|(?<!注册)(?<!经营)(?<!登记)(?<!办公)(?<!营业)(?<!IP)(?<!MAC)(?<!该)(?<!此)"
    rf"(?<!场所)(?<!网站)(?<!电子)(?<!邮寄)(?P<maybe>{_AMBIGUOUS_LABELS}))"
    # the value after a colon, a tab, spaces, or on the next line (a label cell and its value cell)
    # (or in the next cell of a two-column table: | 送达地点 | …… |)
    # (or in a two-column table flattened as 项目：送达地点；内容：……)
    r"(?:[ \t]*(?:\n[ \t]*)?[：:][ \t]*(?:\n[ \t]*)?|[ \t]*\n[ \t]*(?=[^\n]*\d)|[ \t]*[|｜][ \t]*(?=[^|｜\n]+[|｜][ \t]*(?:\n|$))"
    r"|[；;][ \t]*内容[：:][ \t]*|[ \t]*)"
    r"(?:为|在|是)?" + _VALUE
)
# What a sentence says of the place right after an address's last unit (…2703室均无法联系, …号亦无人签收).
_PREDICATE_AFTER_ADDRESS = re.compile(
    r"(?<=[室号栋幢楼层户组弄座铺])(?:均|亦|都|也|已于|无法|未能|不能|无人|拒)"
)
# What runs on after a colon, when the label's own words went before it (住所地址：, 住址（户籍）：).
_VALUE_AFTER_COLON = re.compile(r"[ \t]*(?:\n[ \t]*)?" + _VALUE)
_COLON = frozenset("：:")
_LABEL_TAIL = 8  # at most this many characters between a label and its colon are the label's own
_ADDRESS_WORD = re.compile(r"省|市|区|县|镇|乡|村|路|街|道|巷|号|栋|幢|室|楼|组|弄|苑|小区|屯|社区")
_ORG_MARKER = (
    r"公司|企业|单位|有限|合作社|商行|经营部|门市部|事务所|工作室|厂|集团|个体工商户|店|信用代码|超市|中心|"
    r"税务(?!师)|机关|我局|本局|法定代表人|法人代表|负责人"
)
_PERSON_MARKER = (
    r"身份证|身份号码|公民身份|证件号码|证件类型|性别|[，,（(\s：:][男女][，,）)\s]|出生|民族|自然人|先生|女士|你（|你\(|"
    # a notice that speaks to a person (请你…, 你的联系方式), not to an organisation (你单位, 你公司)
    r"(?<!其)你(?![单公企司厂店社户们（(])|代理人|证人"
)
_REPRESENTATIVE_MARKERS = frozenset({"法定代表人", "法人代表", "负责人"})
_AUTHORITY_MARKERS = frozenset({"税务", "机关", "我局", "本局"})
_SUBJECT_MARKER = re.compile(rf"(?P<org>{_ORG_MARKER})|(?P<person>{_PERSON_MARKER})")


# A place of business is published (欠税公告办法第五条) unless the record's subject is a natural person
# (a person's only address is personal, RULES.md §1.5): hidden only on evidence of a person.
_BUSINESS_LABELS = frozenset({"经营地点", "经营场所", "生产经营地址", "经营地址"})
# A natural person's role word heading an ambiguous label (法定代表人通讯地址).
_ROLE_BEFORE_LABEL = re.compile(
    r"(?:法定代表人|法人代表|负责人|经营者|业主|投资人|股东|代理人|联系人)(?:的)?$"
)
# Where a document is served on an individual business, it is served on its owner, a natural person.
_SERVICE_LABELS = frozenset({"送达地址", "送达地点"})


_AUTHORITY_NAME = re.compile(r"税务局|税务分局|稽查局|税务所|办税服务厅")
# An authority's name right before an ambiguous address label makes the address the authority's own.
_AUTHORITY_BEFORE_LABEL = re.compile(
    r"(?:税务局|税务分局|稽查局|税务所|办税服务厅|办税大厅|本局|我局|本机关)(?:的)?(?:办公)?$"
)
# The 住所 of a record whose subject is an individual business (经营者：…, 业主：…, a 92 credit code) and
# whose shop has its own 经营地址 before it: the owner's dwelling. (With no 经营地址, the 住所 of an
# individual business on an arrears list is its place of business, published.)
_DWELLING_LABELS = frozenset({"住所", "住所地"})
# A company's legal form: no individual business bears it, whatever its credit code's type digits say.
_COMPANY_FORM = re.compile(r"有限(?:责任)?公司|股份")
_OWNER_FIELD = re.compile(r"(?:经营者|业主)(?:姓名)?[ \t]*[：:]")
# A person's home given in its own field of the record (住所：…⏎经营地址：…).
_HOME_FIELD = re.compile(r"(?:住所|住址|家庭住址|家庭地址|户籍地址|居住地址|现住址)[ \t]*[：:]")
_SHOP_FIELD = re.compile(r"(?:生产经营地址|经营地址|经营地点|经营场所)[ \t]*[：:]")


def _record_start(text: str, start: int) -> int:
    """Where the record holding ``start`` begins: a blank line, the line of a ；-joined record, or 150
    characters back."""
    low = max(0, start - 150)
    record = text.rfind("\n\n", low, start)  # a record of a key-value list ends at a blank line
    if record >= 0:
        low = record + 2
    line = text.rfind("\n", low, start) + 1
    if ";" in text[line:start] or "；" in text[line:start]:
        low = max(low, _record_line_start(text, line, low))  # a record joined by semicolons is one line
    return low


# A line that opens a record of its own (2.纳税人名称：…, 【3】…, 序号：4；…).
_RECORD_OPENING = re.compile(
    r"[ \t]*(?:\d{1,3}[.、．]|[【\[（(]\d{1,3}[】\]）)]|序号|(?:(?:纳税人|单位|企业|商户)(?:名称|姓名)|名称)[ \t]*[：:])"
)
_RECORD_WRAP_WIDTH = 20  # a line at least this long that ends no sentence was cut by the extractor's width


def _record_line_start(text: str, line: int, low: int) -> int:
    """Where the ；-joined record holding the line at ``line`` begins when an extractor cut it at a fixed
    width (…姓名：何某；身份⏎证件号码：…；经营地点：…): up to four lines above, while the line above runs to a
    page's width and ends no sentence, and the line itself opens no record."""
    for _ in range(4):
        if line <= low or _RECORD_OPENING.match(text, line):
            break
        above = text.rfind("\n", low, line - 1) + 1
        above_line = text[above : line - 1].rstrip(" \t")
        if len(above_line) < _RECORD_WRAP_WIDTH or above_line.endswith(("。", "：", ":")):
            break
        line = above
    return line


_ORG_BEFORE_BRACKET = re.compile(rf"(?:{ORG_SUFFIXES})[（(]$")
_COMPANY_BEFORE_BRACKET = re.compile(r"(?:有限责任公司|股份有限公司|有限公司|公司|集团|合作社)[ \t\n]*$")
_BRACKET_REACH = 120  # the longest bracket of a company's particulars read back


def _in_bracket_of_organisation(text: str, start: int) -> bool:
    """Whether ``start`` stands inside a bracket still open that a company's name opens (its code, seat and
    representative given after its name, also wrapped over lines)."""
    low = max(0, start - _BRACKET_REACH)
    opening = max(text.rfind("（", low, start), text.rfind("(", low, start))
    if opening < 0 or max(text.rfind("）", opening, start), text.rfind(")", opening, start)) >= 0:
        return False
    return _COMPANY_BEFORE_BRACKET.search(text, max(0, opening - 12), opening) is not None


# What marks a bracket's particulars as a natural person's: a label of a person's identity document (also
# damaged by OCR: 护照弓码) or an ID number itself (also spaced or in full-width digits).
_PERSON_PARTICULARS = re.compile(
    r"身份证|身分证|公民身份|护照|通行证|居住证|国籍|性别|出生|民族|"
    r"(?<![0-9A-Za-z０-９])[1-9１-９](?:[ \t]?[0-9０-９]){16}[ \t]?[0-9Xx０-９Ｘｘ](?![0-9A-Za-z０-９])"
)


def _in_bracket_of_person(text: str, start: int) -> bool:
    """Whether ``start`` stands inside a bracket still open whose particulars before it are a natural
    person's (an identity document's label, an ID number), opened by no organisation's name."""
    low = max(0, start - _BRACKET_REACH)
    opening = max(text.rfind("（", low, start), text.rfind("(", low, start))
    if opening < 0 or max(text.rfind("）", opening, start), text.rfind(")", opening, start)) >= 0:
        return False
    if _ORG_TAIL_BEFORE_BRACKET.search(text, max(0, opening - 12), opening):
        return False
    return _PERSON_PARTICULARS.search(text, opening, start) is not None


_ORG_TAIL_BEFORE_BRACKET = re.compile(rf"(?:{ORG_SUFFIXES}|{_ORG_MARKER})[ \t\n]*$")


def _belongs_to_person(text: str, start: int, *, label: str) -> bool:
    """Whether an ambiguous address label (住所、地址) describes a natural person: decided by the nearest
    subject marker before it (身份证、性别 … versus 公司、个体工商户 …); with none, it is hidden. The
    送达地址 of an individual business is its owner's."""
    low = _record_start(text, start)
    if _ROLE_BEFORE_LABEL.search(text, max(low, start - 6), start):
        return True  # 法定代表人联系地址, 经营者送达地址: the person's own
    if _ORG_BEFORE_BRACKET.search(text, max(0, start - 8), start):
        return False  # …有限公司（住所：…）: the address of the organisation just named
    if _in_bracket_of_organisation(text, start):
        return False  # …有限公司（统一社会信用代码：…；地址：…；法定代表人：…）: the bracket describes the company
    if _in_bracket_of_person(text, start):
        return True  # 张三（纳税人识别号：3301…，住所：…）: the bracket after a person's name describes him
    owner = _antecedent_is_person(text, start)
    if owner is not None:
        return owner  # 联系你单位法定代表人…；前往其住所…: 其 is the representative
    business = label in _BUSINESS_LABELS
    individual = INDIVIDUAL_BUSINESS.search(text, low, start) is not None and not _COMPANY_FORM.search(
        text, low, start
    )
    if label in _SERVICE_LABELS and individual:
        return True
    if business and _COMPANY_FORM.search(text, low, start):
        return False  # …有限公司；法定代表人；证件号码：…；生产经营地址：…: the company's place of business
    if (
        label in _DWELLING_LABELS
        and (individual or _OWNER_FIELD.search(text, low, start))
        and _SHOP_FIELD.search(text, low, start)
    ):
        return True  # an individual business's 住所 beside its shop's 经营地址 is its owner's home
    named = _named_subject_is_person(text, low, start)
    if named is not None:
        if named and business and _masked_shop_subject(text, low, start):
            return False
        return named
    if label in _SERVICE_LABELS and (addressee := _addressee_above(text, start)) is not None:
        # a notice is served where its addressee is, whoever else (a lawyer's firm) is named on the way
        return _name_is_person(addressee)
    decisive = None
    for marker in _SUBJECT_MARKER.finditer(text, low, start):
        if marker.group() in _GENERIC_NUMBER_MARKERS and _organisation_code_after(text, marker.end()):
            continue  # 证件号码：9144…: a credit code, an organisation's number, no person's
        if marker.group("org") is not None:
            if marker.group() in _AUTHORITY_MARKERS and "。" in text[marker.end() : start]:
                continue  # 请你…到本局接受询问。: a sentence of the body, not the bureau's address line
            decisive = marker
        elif decisive is None or decisive.group() not in _REPRESENTATIVE_MARKERS:
            # Personal details after 法定代表人 are the representative's, not the subject's.
            decisive = marker
    if decisive is None:
        return not business  # a business address with no subject named stays; any other is hidden
    return decisive.group("person") is not None


# 其 right before a label (其住所, 其家庭地址) refers back to the party named last before it: a natural
# person's role (法定代表人, 经营者, 配偶 …) or an organisation (该公司, 你单位 …).
_ITS = re.compile(r"其(?:的)?[ \t]*(?:\n[ \t]*)?$")
_ANTECEDENT = re.compile(
    r"(?P<person>法定代表人|法人代表|负责人|经营者|业主|投资人|股东|代理人|联系人|受送达人|当事人|本人|"
    r"配偶|妻子?|丈夫|父亲|母亲|[之的][子女]|个人|自然人|先生|女士)"
    r"|(?P<org>公司|单位|企业|合作社|集团|厂|商行|经营部|门市部|事务所|税务局|稽查局|机关|本局|我局)"
)
_ANTECEDENT_REACH = 80


def _antecedent_is_person(text: str, start: int) -> bool | None:
    """Whose address a label after 其 is: True for a natural person named last before it in the same
    paragraph, False for an organisation, None when 其 does not stand before the label or nothing is
    named."""
    if not _ITS.search(text, max(0, start - 4), start):
        return None
    low = max(0, start - _ANTECEDENT_REACH)
    paragraph = text.rfind("\n\n", low, start)
    if paragraph >= 0:
        low = paragraph + 2
    named = [m.group("person") is not None for m in _ANTECEDENT.finditer(text, low, start)]
    return named[-1] if named else None


_VISIBLE_SHOP_PART = 2  # (a name masked whole, ***, is a person's)


_GENERIC_NUMBER_MARKERS = frozenset({"证件号码"})
_CODE_AFTER_LABEL = re.compile(r"[ \t]*[：:]?[ \t]*([0-9A-Z]{18})(?![0-9A-Za-z])")


def _organisation_code_after(text: str, end: int) -> bool:
    m = _CODE_AFTER_LABEL.match(text, end)
    return m is not None and not id_shaped(m.group(1)) and m.group(1)[0] in "123456789Y"


def _masked_shop_subject(text: str, low: int, start: int) -> bool:
    """Whether the record's subject is a business whose name a first pass masked in part (当事人：南宁****,
    its owner's name inside the shop's) and which names its owner (经营者：…): its place of business stayed
    published then, so it stays on a second pass."""
    name = _subject_name(text, low, start)
    return (
        name is not None
        and "*" in name
        and len(name.strip("*＊")) >= _VISIBLE_SHOP_PART
        and _OWNER_FIELD.search(text, low, start) is not None
    )


def _subject_name(text: str, low: int, start: int) -> str | None:
    """The subject's name the record gives before ``start`` (纳税人名称：…), or None."""
    party = _PARTY_NAME.search(text, low, start)
    if party is None or _AUTHORITY_NAME.search(text, party.end(), start) is not None:
        return None  # an authority named after the party owns the address: 稽查局（地址：…）
    return party.group("name")


def _named_subject_is_person(text: str, low: int, start: int) -> bool | None:
    """Whether the subject the record names before ``start`` is a natural person; None when the record
    names none. A school or a village committee (…小学, …村民委员会) is no person either."""
    name = _subject_name(text, low, start)
    return None if name is None else _name_is_person(name)


def _name_is_person(name: str) -> bool:
    return not (_ORG_IN_NAME.search(name) or (len(name) > 4 and tables.SEAT_HOLDER.search(name)))


# A notice's salutation under its number (…〔2026〕18号⏎张三：, …号⏎某某有限公司：（纳税人识别号：…）): whom
# the notice is addressed and served to.
_SALUTATION = re.compile(
    r"(?m)号[ \t]*\n(?:[ \t]*\n)*[ \t]*(?P<name>[^\s：:，,。；;、（()）][^\n：:，,。；;、（()）]{1,39}?)[ \t]*"
    # (a name's other form in a bracket: ZHU Gangying（朱刚英）：, 田艳怡（TIAN YANYI）：)
    r"(?:[（(][^（()）\n：:]{1,30}[）)])?[ \t]*[：:][ \t]*(?:$|[（(])"
)


def _addressee_above(text: str, start: int) -> str | None:
    """The name in the last salutation of a notice before ``start`` (see _SALUTATION), or None."""
    names = [m.group("name") for m in _SALUTATION.finditer(text, 0, start)]
    return names[-1] if names else None


# The subject's name in a record (纳税人名称：张三): a person's when it has no organisation word.
# (not the name of a document, an item or a tax: 送达文书名称：《税务事项通知书》…, 证据名称, 税种名称)
_PARTY_NAME = re.compile(
    r"(?:纳税人名称|当事人名称|单位名称|被处罚单位|被处罚人|受处分人|纳税义务人|受送达人|欠税人|(?<![书据料件目品种])名称|当事人|"
    # who asked the bureau (a register of requests, a review: 申请人：…有限公司；…；联系电话：…)
    r"(?<!被)申请人|"
    r"(?<!经营者)(?<!代表人)(?<!负责人)(?<!联系人)(?<!代理人)姓名)"
    r"(?:[ \t]*[：:][ \t]*|[ \t]*[\t\n][ \t]*|[ \t]*[|｜][ \t]*|[；;][ \t]*内容[：:][ \t]*)(?P<name>(?![《〈<“\"])[^\s，,；;。|｜]{2,40})"
)
_ORG_IN_NAME = re.compile(_ORG_MARKER + "|" + ORG_SUFFIXES)


# An individual business (个体工商户) in its record: named so, or its credit code's type digits 92.
INDIVIDUAL_BUSINESS = re.compile(
    r"个体工商户|个体户|个体经营|(?<![0-9A-Z])92\d{4}[0-9A-HJ-NPQRTUWXY]{12}(?![0-9A-Z])"
)


# The address of a property (出租位于…的房屋, 名下位于…的房产依法查封, 坐落于…的房产, 转让位于…1栋1001房房产): a
# person's own unless an organisation is named its holder right before (你公司名下位于…的厂房). Without 的 only
# a dwelling's word closes it (…号商铺 may be where a bureau's hall is); 单位于 is 单位 + 于, not 位于.
_PROPERTY = re.compile(
    r"(?=[位坐座])(?:(?<!单)位于|[坐座]落(?:于|在)?)(?P<value>[^，,。；;：:（(）)]{4,60}?)[ \t]*(?:\n[ \t]*)?"
    r"(?:[的旳][ \t]*(?:\n[ \t]*)?"
    r"(?:房屋|房产|住宅|住房|商铺|门面|门市|不动产|车位|车库|厂房|仓库|土地|铺面)|(?:房屋|房产|住宅|住房|不动产))"
)
# The dwelling named first (该房屋位于…, 房产坐落于：…, 住房地址为…): the value runs to the clause's end.
_PROPERTY_FIRST = re.compile(
    r"(?:房屋|房产|住宅|住房|不动产)(?:的?(?:具体)?(?:地址|坐落))?(?:(?<!单)位于|[坐座]落(?:于|在)?|地址为|坐落地址为)"
    r"[：:]?[ \t]*(?P<value>[^，,。；;：:（(）)\n\t的]{4,60})"
)
_PROPERTY_OF_ORGANISATION = re.compile(
    r"(?:公司|单位|企业|合作社|集团|厂|中心)(?:名下|所有|拥有|自有)?的?[^，。；\n]{0,8}$"
)
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def _find_property_addresses(text: str) -> list[Finding]:
    found: list[Finding] = []
    for m in _PROPERTY_FIRST.finditer(text):
        if _PROPERTY_OF_ORGANISATION.search(text, max(0, m.start() - 14), m.start()):
            continue
        value = m.group("value").rstrip()
        if not _names_a_dwelling(value) or _MASKED_BY_HAND.search(value):
            continue
        start, end = m.start("value"), m.start("value") + len(value)
        found.append(Finding(start, end, FieldType.HOME_ADDRESS))
        wrapped = _wrapped_address(text, start, end)
        if wrapped is not None:
            found.append(Finding(wrapped[0], wrapped[1], FieldType.HOME_ADDRESS))
    for m in _PROPERTY.finditer(text):
        before = text[max(0, m.start() - 14) : m.start()]
        if (
            _PROPERTY_OF_ORGANISATION.search(before)
            and "你（单位）" not in before
            and "你(单位)" not in before
        ):
            continue
        value = m.group("value")
        if not _ADDRESS_WORD.search(value) or _MASKED_BY_HAND.search(value):
            continue
        start = m.start("value")
        position = start
        for brk in _LINE_BREAK.finditer(text, start, m.end("value")):
            if brk.start() > position:
                found.append(Finding(position, brk.start(), FieldType.HOME_ADDRESS))
            position = brk.end()
        found.append(Finding(position, m.end("value"), FieldType.HOME_ADDRESS))
    return found


# A dwelling by its shape, after any verb of place or none (前往…直接送达, 邮寄至您留存的地址…, 坐落于…，由,
# a cell of a list): place levels (省/自治区/市/区/县 …) down to a flat's or a village household's number
# (…3单元1801室, …附5号408房, …向阳村6组51号). No bureau's hall, company's office or shop is numbered so;
# one named its holder right before (你公司位于…, 经营地址…) is left to the label rules.
_UNIT_WRAP = r"(?:[ \t]*\n[ \t]*)?"
_HOUSE = rf"[0-9]{{1,4}}(?:{_UNIT_WRAP}[0-9]{{1,3}})?号"
_UNIT_END = (
    r"(?:[0-9]{1,5}(?:室|房(?![产屋]))|[0-9]{1,3}组[0-9]{1,4}号|[0-9]{1,3}单元[0-9]{1,5}(?:室|号)?"
    # a village household: its village's group or 社, numbered or named (…新塘村4组, …石门村上屋组75号)
    # (a PDF line may break it: …杨柳村4⏎组60号, …上屋组4⏎5号)
    rf"|村(?:[0-9]{{1,3}}{_UNIT_WRAP}(?:组|社)(?:{_UNIT_WRAP}{_HOUSE})?"
    rf"|(?![民委])[{CJK}]{{1,3}}?(?:组|社)(?:{_UNIT_WRAP}{_HOUSE}|(?![{CJK}0-9])))"
    # a house in a lane or its annex (…87巷18号, …5巷2号附6号, …12弄3号, …9号附2号)
    r"|[0-9]{1,4}(?:巷|弄)[0-9]{1,4}号(?:附[0-9]{1,3}号)?|[0-9]{1,4}号附[0-9]{1,3}号)"
)
# (a place's name holds no verb of place, pronoun or holder's word: 你公司位于长沙市 is no city's name)
_PLACE_NAME_CHAR = rf"(?:(?![的于在往至为按向到将把被你我其该本局司前寄送落位住迁搬址经营册办])[{CJK}])"
_PLACE_LEVEL = rf"{_PLACE_NAME_CHAR}{{1,7}}?(?:省|自治区|市|区|县|旗)"
_DWELLING_SHAPE = re.compile(
    rf"(?:(?<![{CJK}0-9A-Za-z])|(?<=地址)|(?<=住址)|(?<=前往)|(?<=寄至)|(?<=送至)|(?<=达至)|(?<=落于)|(?<=落在)"
    rf"|(?<=位于)|(?<=住在)|(?<=住于)|(?<=迁往)|(?<=迁至)|(?<=搬至)|(?<=地为)|(?<=址为)|(?<=[为系是]))"
    rf"(?P<value>(?:{_PLACE_LEVEL}){{1,4}}(?:[^\s，,。；;：:、（()）|｜<>\"'“”‘’〔〕《》【】［］\[\]址]|[ \t]*\n[ \t]*(?![<\n])){{1,45}}?{_UNIT_END})(?![0-9])"
)
# The same shape inside running text, right after any word (已搬离宁乡市…14组19号, 前往段飞住所西安市…室):
# its first level is a two-character place name and its level word (宁乡市, 黄陂区, 大邑县), the usual
# county or city, so the words before it stay outside. (Not after an address's own word, 原址…, 地址…: the
# label rules judge whose that is.)
_DWELLING_SHAPE_INLINE = re.compile(
    rf"(?<=[{CJK}])(?<![址省市区县旗])(?P<value>{_PLACE_NAME_CHAR}{{2}}(?:省|市|区|县)(?:{_PLACE_LEVEL}){{0,3}}"
    rf"(?:[^\s，,。；;：:、（()）|｜<>\"'“”‘’〔〕《》【】［］\[\]址]|[ \t]*\n[ \t]*(?![<\n])){{1,45}}?{_UNIT_END})(?![0-9])"
)
# A person's verb of dwelling right before the address (…反映单位未缴费，梁某现住…): no organisation lives
# anywhere, so a holder's word earlier in the sentence is not the address's holder.
_DWELLS_RIGHT_BEFORE = re.compile(r"(?<![记])住(?:在|于)?$")
_VENUE_AFTER = re.compile(r"[ \t]*(?:\n[ \t]*)?(?:举行|召开|举办|进行)")
_HOLDER_BEFORE = re.compile(r"公司|企业|单位|合作社|集团|经营|营业|注册|办公|生产|厂|店|场所|中心")
# (or the line of a salutation above it: 招商银行…营业部：⏎经查，欠税人…住…, the bank addressed holds nothing)
_CLAUSE_START = re.compile(r"[。；;\t|｜]|[：:][ \t]*\n")


_UNIT_END_AT = re.compile(r"(?=[0-9村])" + _UNIT_END)
# An address's label standing alone on a line (送达地点, 住址: a form flattened one cell a line)
_LABEL_LINE_INSIDE = re.compile(rf"\n[ \t]*(?:{_AMBIGUOUS_LABELS}|{_HOME_LABELS})[ \t]*[：:]?[ \t]*\n[ \t]*")
# …right before the value, and the line above it naming an organisation (受送达人⏎…有限公司⏎送达地点⏎…):
# the organisation's seat
_LABEL_LINE_BEFORE = re.compile(
    rf"(?:^|\n)(?P<holder>[^\n]*)\n[ \t]*(?:{_AMBIGUOUS_LABELS})[ \t]*[：:]?[ \t]*\n[ \t]*$"
)
_SHAPE_REACH = 100  # the longest shape: four place levels of 8, 45 more characters and the unit


def _shape_matches(text: str) -> Iterator[re.Match[str]]:
    """The shape's matches, searched only in the stretch before each flat's or household's number (the
    pattern tried at every place of a long text cost more than the rest of the address rules). A shape
    never runs over an address's label on a line of its own (a form flattened one cell a line: 受送达人⏎
    …有限公司⏎送达地点⏎…1203室): it is searched again after the label."""
    low = 0
    for unit in _UNIT_END_AT.finditer(text):
        if unit.end() <= low:
            continue
        m = _first_shape(text, max(low, unit.end() - _SHAPE_REACH), unit.end())
        while m is not None and "\n" in m.group("value"):
            label = _LABEL_LINE_INSIDE.search(text, m.start("value"), m.end("value"))
            if label is None:
                break
            m = _first_shape(text, label.end(), unit.end())
        while m is not None:
            low = m.end()
            yield m
            m = _first_shape(text, low, unit.end()) if low < unit.end() else None


def _first_shape(text: str, low: int, high: int) -> re.Match[str] | None:
    """The leftmost dwelling's shape in ``text[low:high]``, after a verb of place or inside running text."""
    m = _DWELLING_SHAPE.search(text, low, high)
    inline = _DWELLING_SHAPE_INLINE.search(text, low, m.start() if m is not None else high)
    return inline if inline is not None and (m is None or inline.start() < m.start()) else m


def _dwellings_by_shape(text: str) -> list[Finding]:
    found: list[Finding] = []
    business_list: bool | None = None
    for m in _shape_matches(text):
        start, end = m.start("value"), m.end("value")
        if _MASKED_BY_HAND.search(text, start, end) or tables.commercial_premises(text[start:end]):
            continue  # masked by hand, or an office (…商务中心17层13室) or a shop
        low = max(0, start - 20)
        clause = [c.end() for c in _CLAUSE_START.finditer(text, low, start)]
        if clause:
            low = clause[-1]
        if _HOLDER_BEFORE.search(text, low, start) and not _DWELLS_RIGHT_BEFORE.search(
            text, max(0, start - 3), start
        ):
            continue  # 你公司位于…, 对你公司（地址：…: the holder is named; the label rules decide
        if _LABEL_RIGHT_BEFORE.search(text, max(0, start - 12), start):
            continue  # 送达地址：…: the label rules judged whose it is
        label_line = _LABEL_LINE_BEFORE.search(text, max(0, start - 60), start)
        if label_line is not None and tables.SEAT_HOLDER.search(label_line.group("holder")):
            continue  # 受送达人⏎…有限公司⏎送达地点⏎…: the organisation's seat, one cell a line
        if _VENUE_AFTER.match(text, end):
            continue  # 定于…在…1幢101室举行听证: where the bureau holds a meeting, a venue, no one's home
        if business_list is None:
            business_list = _BUSINESS_PLACE_LIST.search(text) is not None and not _HOME_FIELD_WORD.search(
                text
            )
        if business_list and _in_table_line(text, start, end, semicolons=True):
            continue  # a list that publishes its rows' places of business and no one's home
        line_start = text.rfind("\n", 0, start) + 1
        if _organisation_on_line(text, line_start, start) and _in_table_line(
            text, start, end, semicolons=True
        ):
            continue  # an organisation's row of a list: its seat
        # (a line the extractor broke inside it: each part on its line)
        position = start
        for brk in _LINE_BREAK.finditer(text, start, end):
            if brk.start() > position:
                found.append(Finding(position, brk.start(), FieldType.HOME_ADDRESS))
            position = brk.end()
        found.append(Finding(position, end, FieldType.HOME_ADDRESS))
    return found


def _organisation_on_line(text: str, line_start: int, start: int) -> bool:
    """Whether the line names an organisation before ``start``: not the bureau itself (本机关已将答复寄往…,
    a sentence of the bureau's, names no row's holder)."""
    return any(m.group() not in _AUTHORITY_MARKERS for m in _ORG_IN_NAME.finditer(text, line_start, start))


_LABEL_RIGHT_BEFORE = re.compile(rf"(?:{_AMBIGUOUS_LABELS})[ \t]*(?:\n[ \t]*)?[：:][ \t]*(?:\n[ \t]*)?$")
_BUSINESS_PLACE_LIST = re.compile(r"经营地点|经营地址|经营场所|生产经营地址")
_HOME_FIELD_WORD = re.compile(r"住址|住所|户籍|居住|通信地址|通讯地址|联系地址|送达地址|邮寄地址|家庭地址")
# (a pipe twice: OCR leaves a stray one in a sentence, 其户籍地址|为…)
_TABLE_SEPARATOR = re.compile(r"\t|[|｜][^\n]*[|｜]|[ ]{2,}")
_CELL_SEPARATOR = re.compile(r"[,；;]")


def _in_table_line(text: str, start: int, end: int, *, semicolons: bool = False) -> bool:
    """Whether the address is a cell: its line holds a table's separators (a ； too, with ``semicolons``),
    or it is the whole line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    # (a paragraph's indent is no cell's gap: "    你单位将位于…出租给某某（住…）使用" is prose)
    line = text[line_start:line_end].lstrip(" \u3000")
    if _TABLE_SEPARATOR.search(line) is not None or (semicolons and ("；" in line or ";" in line)):
        return True
    if "。" not in line and len(_CELL_SEPARATOR.findall(line)) >= 2:
        return True  # a CSV or ；-joined record, not a sentence
    return not text[line_start:start].strip(" \t'`·─丨|")


_MIN_REPEATED_ADDRESS = 8
_ADDRESS_END = re.compile(r"^(.*(?:号|室|房(?![产屋])|组|栋|幢|单元|楼|村|弄|巷|院|苑|园))")


def _address_occurrences(text: str, found: list[Finding]) -> list[Finding]:
    """An address found once as a person's is hidden wherever else the document repeats it (前往…直接送达
    after 户籍地址…), also where a PDF line breaks it elsewhere."""
    values = set()
    for f in found:
        if f.field_type is FieldType.HOME_ADDRESS and "\n" not in text[f.start : f.end]:
            # up to its last place word (…81号邮寄送达: a label's value may run on into the sentence)
            last = _ADDRESS_END.search(text[f.start : f.end])
            if last is not None:
                values.add(last.group(1).strip())
    added: list[Finding] = []
    for value in values:
        if len(value) < _MIN_REPEATED_ADDRESS or not _reads_as_address(value):
            continue
        at = text.find(value)
        while at >= 0:
            added.append(Finding(at, at + len(value), FieldType.HOME_ADDRESS))
            at = text.find(value, at + 1)
        if "\n" not in text:
            continue
        # (broken by a line: each part on its line; str.find per cut costs less than one pattern per value)
        for cut in range(1, len(value)):
            broken = value[:cut] + "\n" + value[cut:]
            at = text.find(broken)
            while at >= 0:
                added += [
                    Finding(at, at + cut, FieldType.HOME_ADDRESS),
                    Finding(at + cut + 1, at + len(broken), FieldType.HOME_ADDRESS),
                ]
                at = text.find(broken, at + 1)
    return added


def _dwelling_of_trader(text: str, label_start: int, label: str, value: str) -> bool:
    """Whether a place of business is a village household's house in a record that names no company nor
    other organisation: the home of the natural person trading there, personal whatever the label says.
    (A flat used as an individual business's place stays published, RULES.md §2A.)"""
    return (
        label in _BUSINESS_LABELS
        and tables.village_house(value)
        and tables.SEAT_HOLDER.search(text, _record_start(text, label_start), label_start) is None
    )


# A place given by its street number alone or with a floor (…民族路336号, …16号1楼, …366号B座12层), no flat's
# number after it (…89号1-17-5, …20号201, …12号附7号)
_STREET_PLACE = re.compile(
    r"(?:[路街道]\d{1,4}号(?:[A-Z]座)?|\d{1,4}号(?:[A-Z]座)?\d{1,2}[层楼]|\d{1,4}号[A-Z]座)$"
)


def _find_addresses(text: str, *, individual_business_address: bool = True) -> list[Finding]:
    """Home addresses after their labels; a place of business (经营地点) stays unless the record is a
    natural person's, or an individual business's when ``individual_business_address`` is off."""
    found: list[Finding] = []
    for m in _ADDRESS.finditer(text):
        value = m.group("value").rstrip()
        start = m.start("value")
        if text[m.end("value") : m.end("value") + 1] in _COLON and len(m.group("value")) <= _LABEL_TAIL:
            # the label's own tail (住所地址：…, 住址（户籍）：…): its value follows the colon, unless the
            # next label's field does (送达地址确认：法定代表人住所…), which is read on its own
            after = _VALUE_AFTER_COLON.match(text, m.end("value") + 1)
            if after is None or _ADDRESS.search(after.group("value")):
                continue
            value, start = after.group("value").rstrip(), after.start("value")
        if _header_cell(text, m, start):
            continue  # the last cell of a table's header row: the table reader decides its column
        if _seat_of_organisation(text, m):
            continue
        predicate = _PREDICATE_AFTER_ADDRESS.search(value)
        if predicate is not None:
            value = value[
                : predicate.start()
            ]  # (…2703室均无法联系: what is said of the place, no part of it)
        parts = [(start, start + len(value))]
        wrapped = _wrapped_address(text, start, start + len(value))
        if wrapped is not None:
            parts.append(wrapped)
            value += text[wrapped[0] : wrapped[1]]
        if m.group("home") in _RUNNING_LABELS and not _names_a_dwelling(value):
            continue  # 居住在本市的纳税人, 暂住于本市期间: a rule's wording, no one's address
        if len(value) < 4 or not _reads_as_address(value) or _MASKED_BY_HAND.search(value):
            continue  # not an address, or one already masked by hand (长沙市岳麓区****)
        maybe = m.group("maybe")
        if maybe and (
            _AUTHORITY_BEFORE_LABEL.search(text, max(0, m.start() - 12), m.start()) is not None
            or _office_line(text, text.rfind("\n", 0, m.start()) + 1, m.start())
        ):
            # 办税服务厅地址：…, 稽查局联系地址：…, 办税服务厅联系电话：…；地址：…: the bureau's own address
            continue
        if (
            maybe in _BUSINESS_LABELS
            and individual_business_address
            and (
                tables.commercial_premises(value)
                or (_STREET_PLACE.search(value) and not tables.names_dwelling(value))
            )
            and _individual_business_record(text, m.start())
        ):
            # an individual business's place in commercial premises or at a street number, a floor
            # (…336号, …B座12层; not a flat, …3-703室): published (RULES.md §2A)
            continue
        if maybe in _PLAIN_ADDRESS_LABELS and _signed_by_authority(text, m.start(), parts[-1][1]):
            continue  # 地址：…⏎国家税务总局…稽查局⏎日期: the address above the bureau's signature is its own
        if (
            maybe in _BUSINESS_LABELS
            and individual_business_address
            and tables.commercial_premises(value)
            and _home_given_before(text, found, m.start())
        ):
            continue  # the person's home is given apart just before: this shop or office is the business's
        if (
            maybe in _BUSINESS_LABELS
            and individual_business_address
            and not tables.names_dwelling(value)
            and _HOME_FIELD.search(text, _record_start(text, m.start()), m.start()) is not None
        ):
            continue  # a person's place of business beside the home the record gives apart: published
        if (
            maybe
            and not _dwelling_of_trader(text, m.start(), maybe, value)
            and not _belongs_to_person(text, m.start(), label=maybe)
        ):
            if individual_business_address or not INDIVIDUAL_BUSINESS.search(
                text, _record_start(text, m.start()), m.start()
            ):
                continue
        if (
            maybe
            and maybe not in _SERVICE_LABELS
            and _in_closing_block(text, m.start(), named=True, end=parts[-1][1])
        ):
            continue  # 联系地址 in a notice's closing block: the bureau's own (it serves nothing on itself)
        found += [Finding(a, b, FieldType.HOME_ADDRESS) for a, b in parts]
    if "注册" in text or "登记地" in text:
        found += _registered_addresses_of_persons(text)
    if "；" in text or ";" in text:
        found += _addresses_after_id_cells(text)
    return found


# A ；-joined record without labels on every cell (2；受送达人：张三；4501…7858；南宁市…5组65号；联系电话：…):
# an address cell right after a cell holding a natural person's ID number is that person's address,
# unless the record names a business first (its representative's or owner's ID, then its own address).
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９ＸｘＸ", "0123456789XXX")
_ID_THEN_CELL = re.compile(
    r"(?=[0-9０-９])(?<=[；;：:])"
    r"(?P<id>[0-9０-９]{17}[0-9０-９XxＸｘ]|[0-9０-９]{15}|[0-9]{6}[*＊]{6,8}[0-9]{3}[0-9Xx])"
    r"[ \t]*[；;][ \t]*(?P<value>[^；;\n：:]{4,60}?)[ \t]*(?=[；;]|\n|$)"
)
# (the ID's cell: right after a ；, or after a label's colon in a cell of its own: ；证件号码：4501…)
_CELL_LABEL = re.compile(r"[；;][^；;\n：:]{1,10}[：:]$")
_PLACE_HEAD = re.compile(rf"^[{CJK}]{{1,8}}?(?:省|自治区|市|区|县)")


def _person_id_cell(value: str) -> bool:
    if "*" in value or "＊" in value:
        return True  # an ID number masked by hand (4501********7858): only IDs are written so
    number = value.translate(_FULLWIDTH_DIGITS)
    return id_shaped(number) and (len(number) == 15 or id_checksum_ok(number))


def _addresses_after_id_cells(text: str) -> list[Finding]:
    found: list[Finding] = []
    for m in _ID_THEN_CELL.finditer(text):
        value = m.group("value")
        if not _person_id_cell(m.group("id")) or not _PLACE_HEAD.match(value):
            continue
        if text[m.start() - 1] in "：:" and not _CELL_LABEL.search(text, max(0, m.start() - 12), m.start()):
            continue  # a colon inside a running sentence, not a cell's label
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _ORG_IN_NAME.search(text, line_start, m.start("id")) or "业主" in text[line_start : m.start("id")]:
            continue  # a business's record (…有限公司；法定代表人；ID；经营地点): the address is its own
        if not _reads_as_address(value) or _MASKED_BY_HAND.search(value):
            continue
        found.append(Finding(m.start("value"), m.end("value"), FieldType.HOME_ADDRESS))
    return found


# The registered address of a record's subject: an organisation's seat, published; but a record may
# name a natural person as its subject (a credit list's 纳税人名称：黎红 … 注册地址：…), whose address is
# personal whatever its label.
_REGISTERED = re.compile(
    r"(?:注册地址|注册地|注册住所|登记地址|登记住所)[ \t]*[：:][ \t]*(?P<value>[^，,。；;（()）\n\t]{4,60})"
)


# A record that names an owner or a person in charge beside its subject (法定代表人（负责人/业主）姓名：…,
# 经营者：…) is a business's, though its subject's name may be the owner's own (纳税人名称：蒋春华). (Words
# only: a code that shows the same, the owner's ID number and a suffix, is masked by the first pass.)
_OWNER_LABEL = re.compile(r"业主|负责人|经营者")


_HOME_MASKED = re.compile(r"(?:住址|地址|住所|现住|家住|居住|住)[ \t]*[：:为于在]?\s*\*{3}")
_PLAIN_ADDRESS_LABELS = frozenset({"地址", "联系地址", "通讯地址"})
# A line that is an authority's name alone: the signature under what the bureau issues.
# (then the date it was signed, or nothing: a title above a notice's name is no signature)
_AUTHORITY_SIGNATURE = re.compile(
    rf"[ \t]*[{CJK}（）()]{{2,40}}(?:税务局|稽查局|税务分局|税务所)[ \t]*"
    r"(?:\n[ \t]*(?:(?:19|20)\d{2}|二[〇零○O0][一二三四五六七八九〇零○]{2})年[^\n]{2,8}日[ \t]*(?:\n|$)|\s*$)"
)


def _signed_by_authority(text: str, label_start: int, end: int) -> bool:
    """Whether an address line opened by its label stands right above a line holding only the
    authority's name (the notice's signature): a line of the issuer's own, not a record's."""
    line_start = text.rfind("\n", 0, label_start) + 1
    if text[line_start:label_start].strip(" \t"):
        return False
    line_end = text.find("\n", end)
    if line_end < 0 or text[end:line_end].strip(" \t。"):
        return False
    return _AUTHORITY_SIGNATURE.match(text, line_end + 1) is not None


def _home_given_before(text: str, found: list[Finding], start: int) -> bool:
    """Whether the record holding ``start`` has given its person's home already (…，现住…室。经营场所：…):
    a person has one home, so commercial premises named after it are where the person trades."""
    low = _record_start(text, start)
    if any(f.field_type is FieldType.HOME_ADDRESS and low <= f.start < start for f in found):
        return True
    # (a home this masker hid already, 现住***: masked text reads as it did before, so masking is a fixed point)
    if 1 < low < start and text[low - 1] == "\n" and text[low - 2] != "\n":
        low = text.rfind("\n", 0, low - 1) + 1  # (a wrapped line: 家住⏎***。经营场所：…)
    return _HOME_MASKED.search(text, low, start) is not None


def _individual_business_record(text: str, start: int) -> bool:
    """Whether the record holding ``start`` is an individual business's: named so (个体工商户, a 92…
    code) or naming its owner or person in charge."""
    low = _record_start(text, start)
    return (
        INDIVIDUAL_BUSINESS.search(text, low, start) is not None
        or _OWNER_LABEL.search(text, low, start) is not None
    )


def _registered_addresses_of_persons(text: str) -> list[Finding]:
    found: list[Finding] = []
    for m in _REGISTERED.finditer(text):
        value = m.group("value").rstrip()
        if not _reads_as_address(value) or _MASKED_BY_HAND.search(value):
            continue
        if _named_subject_is_person(text, _record_start(text, m.start()), m.start()) is not True:
            continue  # an organisation's seat, or no subject named: published
        start = m.start("value")
        found.append(Finding(start, start + len(value), FieldType.HOME_ADDRESS))
        wrapped = _wrapped_address(text, start, start + len(value))
        if wrapped is not None:
            found.append(Finding(*wrapped, FieldType.HOME_ADDRESS))
    return found


_CJK_CHAR = re.compile(f"[{CJK}]")
_CJK_RUN = re.compile(f"[{CJK}]+")


# Labels of running text (…，现住…；居住在…): the value must name a dwelling below the district, as a
# rule's wording (居住在本市的纳税人, 住在同一小区) names none.
_RUNNING_LABELS = frozenset({"住", "住在", "居住在", "居住于", "现居住于", "暂住", "暂住于", "现住"})
# (an estate's name ends in 园, 府, 湾 …; a dwelling's number is building-unit-room: 12-3-2592)
_STREET_WORD = re.compile(
    r"镇|乡|村|路|街|巷|号|栋|幢|室|楼|组|弄|苑|小区|屯|社区|院|大道|园|府|湾|庭|邸|公寓|大厦|\d{1,3}-\d{1,2}-\d{3,4}"
)
_GENERIC_PLACE = frozenset("本同该此其原各")


def _names_a_dwelling(value: str) -> bool:
    return value[:1] not in _GENERIC_PLACE and _STREET_WORD.search(value) is not None


def _reads_as_address(value: str) -> bool:
    """A place word, or 号 with a number (…12号): not 号 alone, as in the next header cell (身份证号)."""
    return bool(_ADDRESS_WORD.search(value.replace("号", "")) or (_DIGIT.search(value) and "号" in value))


_REPRESENTATIVE_ON_LINE = re.compile(r"法定代表人|法人代表|负责人|经营者|业主|投资人|股东|代理人|联系人")


def _seat_of_organisation(text: str, m: re.Match[str]) -> bool:
    """A bare 住址 field (no 法定代表人 / 经营者 before it) in a record whose named subject is a company or
    an institution (纳税人名称：…有限公司；住址：…): its seat, published. An individual business's 住址 is
    its owner's home."""
    if m.group("home") != "住址" or _CJK_CHAR.match(text, max(m.start() - 1, 0), m.start()):
        return False
    line_start = text.rfind("\n", 0, m.start()) + 1
    if _REPRESENTATIVE_ON_LINE.search(text, line_start, m.start()):
        return False  # 法定代表人：…，住址：… is the representative's home
    low = _record_start(text, m.start())
    name = _subject_name(text, low, m.start())
    if name is None or not tables.SEAT_HOLDER.search(name):
        return False  # a person's, or an individual business's (its owner's home)
    return not INDIVIDUAL_BUSINESS.search(text, low, m.start())


def _header_cell(text: str, m: re.Match[str], start: int) -> bool:
    """Whether the label is a header row's last cell and the "value" is the next row (纳税人名称 | 证件号码 |
    住址⏎张三 | …): a value on the next line without a colon, after a label that is not alone on its line."""
    # (the value's first character counts: 住址⏎：… is a label wrapped before its colon, not a header)
    between = text[m.end("home") if m.group("home") is not None else m.end("maybe") : start + 1]
    if "\n" not in between or "：" in between or ":" in between:
        return False
    return bool(text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip())


_ADDRESS_TAIL = re.compile(r"[^，,。；;）)\n\t：:]{1,40}")
_ADDRESS_DONE = re.compile(r"(?:号|室|楼|层)$")
# a next line that goes on with the address although the line ended on 号 or 楼 (…3号⏎楼1单元, …2号楼⏎1单元)
_ADDRESS_GOES_ON = re.compile(
    r"楼|栋|幢|院|单元|[0-9０-９]{1,4}(?:单元|号|室|楼|栋|幢|层|组|-)"
    # an estate's name and its building (…184号⏎锦绣家园14栋3单元…)
    rf"|[{CJK}]{{2,10}}?[0-9０-９]{{1,4}}(?:栋|幢|单元|号楼|-[0-9０-９])"
)
_DIGIT = re.compile(r"[0-9０-９]")
_DATE_IN_TAIL = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}")
_WRAPPED_LINE = 16  # a line this long that breaks inside an address was wrapped by the extractor
_PARAGRAPH_INDENT = re.compile(r"(?: {2}|\u3000)[ \u3000]*[^\s]")


def _wrapped_address(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The rest of an address on the next line, when the line broke inside it (PDF text cut at a fixed
    width: 住址：贵州省⏎贵阳市南明区…, …梧桐小⏎区17栋…): a long line of running text (no table's tab),
    an address begun on it and not finished, and a next line that is no label of its own (电话：…)."""
    if text[end : end + 1] != "\n":
        return None
    line_start = text.rfind("\n", 0, end) + 1
    if end - line_start < _WRAPPED_LINE and "***" not in text[line_start:start]:
        # (a line this masker shortened, 家住⏎***。经营场所：南京市玄⏎武区…, was as long as the page when
        # it was cut: read as it was on the first pass, so masking twice changes nothing)
        return None
    if _ADDRESS_DONE.search(text, line_start, end) and not _ADDRESS_GOES_ON.match(text, end + 1):
        return None
    if "\t" in text[line_start:end] or (end - start > 3 and not _ADDRESS_WORD.search(text, start, end)):
        return None
    if _PARAGRAPH_INDENT.match(text, end + 1):
        return None  # (住所：…22-2-2401⏎    你于…: the next line opens a paragraph, an extractor's wrap opens none)
    tail = _ADDRESS_TAIL.match(text, end + 1)
    if tail is None or text[tail.end() : tail.end() + 1] in ("：", ":"):
        return None
    if _DATE_IN_TAIL.search(text, tail.start(), tail.end()):
        return None  # …11组32号⏎经我局于2026-09-12对你户检查: a sentence with its date, no address going on
    if _AUTHORITY_NAME.search(text, tail.start(), tail.end()):
        return None  # the bureau's name under a closing block's address line (联系地址：…⏎…税务局)
    if not _ADDRESS_WORD.search(text, tail.start(), tail.end()) and not _DIGIT.search(
        text, tail.start(), tail.end()
    ):
        return None  # a sentence of its own (住：…2504⏎经查，…), not the address going on
    return tail.start(), tail.end()


# --------------------------------------------------------------------------------------------------- names

_COMPOUND_ALT = "|".join(sorted(COMPOUND_SURNAMES))
_SINGLE_CLASS = "".join(sorted(SINGLE_SURNAMES))
# Characters that end a name rather than continue it: function words and the verbs that follow a name in
# tax documents (张三系…, 李四在…, 王五开具…, 赵六经营…). A three-character candidate whose last character is
# one of these is cut to two characters.
_NOT_LAST = frozenset(
    "系在于是为与和及等因被将对从向已未不的了均也都曾涉经现住户身男女签担任作承负个具提拒无有说称表应则就"
    "并即却开取申出拨备证陈交收转打注登办名账本先联所购接领委代进要没控持共通自个法等会到把让给同之电"
    "偷逃骗亦"
)
# Characters that cannot start a given name: the candidate is a word, not a name (当事人应当…, 纳税人于…).
_NOT_GIVEN_START = frozenset(
    "我你他她其该本某等的了不已未应当前后上下中内外时此每各均及和与或即就都也所以被将"
)
_NOT_NAMES = frozenset(
    "应当 应该 应纳 应缴 于是 向其 从事 经营 经查 通过 双方 明知 万元 安排 成立 文书 方式 相关 查处 查询 "
    "全部 同时 平台 东方 家庭 国家 高于 任何 余额 过程 单位 能够 广告 时间 时期 金额 金税 石油 林业 水利 "
    "云南 江苏 江西 湖南 湖北 河南 河北 山东 山西 广东 广西 福建 浙江 安徽 贵州 四川 陕西 甘肃 宁夏 青海 "
    "黑龙 吉林 辽宁 海南 西藏 新疆 内蒙 天津 上海 重庆 北京 香港 澳门 台湾 税务 稽查 管理 代理 "
    "包括 包含 包装 车辆 车间 房屋 房产 房租 田地 史料 程序 程度 周期 周边 高新 高速 高新 金融 钱款 "
    "司法 司机 关于 关联 关系 华夏 费用 费率 邮政 邮件 钟点 毛利 尚未 常年 武汉 温州 宁波 文件 文号 "
    "方面 方法 方案 杨浦 贺州 龙岗 向你 向我 向该 向本 于本 于该 于你 石材 石化 万达 "
    "成都 成本 成为 成交 齐全 易于 乔迁 曾经 党政 宋体 计算 计划 计税 伍佰 伍仟 陆佰 陆仟 柒佰 柒仟 "
    "项目 连续 连同 管辖 景区 丁类 苏州 沈阳 姜堰 宫颈 谷物 杜绝 凌晨 申请 申报 申辩 申诉 解除 解释 "
    "应付 应收 应税 简易 祁连 全额 全年 全市 全省 全国 全体 安全 安排 安康 米粉 甘草 经济 经办 "
    "邢台 连云 国库 国税 国有 国务 国内 国际 和平 和谐 师范 门店 时代 时限 时候 时效 相应 相同 "
    "於是 于此 于其 于上 于下 于月 于年 从而 从业 从中 从其 通知 通报 通讯 能源 能力 双倍 双重 "
    "明细 明确 明显 元整 商业 商品 上述 文化 文明 文字 方向 方可 向社 向当 向纳 向税 向公 向主 "
    "水电 水费 路段 路面 华南 华北 华东 华中 华为 强制 强化 严重 严格 严禁 牛奶 危险 危害 "
    "包头 贵阳 贵港 柳州 桂林 南宁 梧州 钦州 百色 河池 来宾 崇左 贺州 玉林 北海 防城 岳阳 常德 "
    "卢湾 童装 鞠躬 冷库 冷藏 冷链 晏城 席位 卫生 卫星 米兰 柏林 宗教 桂花 全资 应急 "
    "邵阳 郴州 娄底 怀化 永州 衡阳 株洲 湘潭 益阳 吉首 长沙 岳麓 雨花 开福 天心 芙蓉 望城 "
    "宁乡 浏阳 陈述 陈列 陈旧 申明 严肃 严格 蒋家 汤剂 石某 宋某 公司 公款 公章 公账 公户 许可 居民 支付 付款 ".split()
)
_GIVEN = f"[{CJK}]"
_NAME_HEAD = rf"(?:{_COMPOUND_ALT}|[{_SINGLE_CLASS}])"
# A person named right before the bracket that gives his number (岳峰（纳税人识别号：…）).
_PERSON_BEFORE_BRACKET = re.compile(
    rf"(?:^|[\s：:，,；;])(?P<name>{_NAME_HEAD}[{CJK}]{{1,2}})[（(][^）)\n]{{0,12}}$"
)
_TRIGGERS: dict[str, FieldType] = {}
for _words, _kind in (
    (
        "当事人姓名|当事人名称|当事人|纳税人姓名|纳税人名称|纳税人（自然人）|纳税人(自然人)|纳税人|被查对象|被查人|"
        "被处罚人|受处分人|纳税义务人|被申请人|申请人|欠税人|被执行人|经营者姓名|经营者|业主|投资人|户主|姓名|个体工商户|失信主体|"
        "自然人|英文名|英文姓名|外文名|外文姓名|行政相对人名称|行政相对人|相对人名称|外籍个人|个人姓名",
        FieldType.PERSON_NAME,
    ),
    (
        "法定代表人（负责人）|法定代表人(负责人)|法定代表人姓名|法定代表人|法人代表|单位负责人|主要负责人|负责人",
        FieldType.REPRESENTATIVE_NAME,
    ),
    (
        "财务负责人|财务人员|财务主管|会计人员|会计|出纳|办税人员|办税人|办税员|购票人|开票人|开票员|联系人|"
        "股东|实际控制人|实际经营人|实际负责人|控制人|委托代理人|代理人|委托人|受托人|证人|见证人|员工|职工|"
        "司机|收件人|签收人|受送达人|代收人|提供人|被询问人|配偶|妻子|丈夫|儿子|女儿|父亲|母亲|亲属|经办人|举报人|检举人|监护人|"
        "担保人|合伙人|中介人|中间人|介绍人|经纪人|法人|老板|店主|房东|出租人|承租人|员工|雇员|工作人员|保管人|"
        "记账人员|代账人员|辩护人|辩护律师|代理律师|诉讼代理人|委托诉讼代理人|第三人|陪同人|翻译人员|"
        "被检举人|被举报人|利害关系人|共同经营人|实际投资人|户名|开户名|账户名称|账户名|收款人|付款人|"
        "从业人员|收银员|店员|营业员|服务员|厨师|学徒|记账员|总经理|副总经理|经理|董事长|执行董事|董事|监事|厂长|店长|总监|业务员|销售员|仓管员|"
        "实际经营者|持卡人|开户人|开户名称|购买方名称|购买方|受票方|缴款人|交款人|前台|出纳员|保管员|仓库保管员|驾驶员|收款员|文员|职员|主管|技术员|操作员|采购员|哥哥|姐姐|弟弟|妹妹|胞弟|胞兄|胞姐|胞妹|儿媳|女婿|侄子|外甥|孙子|其妻|其夫|其子|其女|其父|其母|"
        "其兄|其姐|其弟|其妹|邻居|朋友|同事|亲戚|同学|法定代理人|指定代理人|台胞|港胞|澳胞|第三方|"
        "家属|之父|之母|之子|之女|之妻|之夫|买受人|竞买人|祖父|祖母|岳父|岳母|孙女|侄女|租户|承租户|"
        "表弟|表哥|表兄|表姐|表妹|堂弟|堂哥|堂兄|堂姐|堂妹|舅舅|叔叔|姑姑|姨妈|伯父|叔父|舅父|姑父|姨父|外公|外婆|爷爷|奶奶|"
        "涉税服务人员|涉税专业服务人员|确认人|购房人|购车人|买受人|受让人|转让人|受让方|转让方|同住人|同住成年家属",
        FieldType.THIRD_PARTY_NAME,
    ),
    (
        "执法人员|检查人员|稽查人员|税务人员|承办人员|承办人|审理人员|听证主持人|主持人|记录人|书记员|送达人|"
        "执法证号",
        FieldType.OFFICIAL_NAME,
    ),
):
    for _word in _words.split("|"):
        _TRIGGERS.setdefault(_word, _kind)


_Trie = dict[str, "_Trie"]


def _trie_alternation(words: Iterable[str]) -> str:
    """An alternation of ``words`` as a prefix tree (当(?:事人(?:姓名|名称)?)|…): at any place the words that
    match are prefixes of one another, and the tree tries the longest first, as the flat alternation
    sorted longest first does, but without trying every word at every place."""
    tree: _Trie = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def depth(node: _Trie) -> int:
        return max((1 + depth(child) if key else 0) for key, child in node.items())

    def build(node: _Trie) -> str:
        ends = "" in node
        branches = sorted(((k, v) for k, v in node.items() if k), key=lambda kv: -depth(kv[1]))
        parts = [re.escape(k) + build(v) for k, v in branches]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 and not ends else "(?:" + "|".join(parts) + ")"
        return body + "?" if ends else body

    return build(tree)


_TRIGGER_ALT = _trie_alternation(_TRIGGERS)
# What ends a name with no surname right after a role word (其配偶阿旺罗布、…, 雇员扎西顿珠协助…, 书记员：其其格。,
# 其母次仁卓嘎名下…)
_OTHER_NAME_END = r"[ \t]*(?:[、，,。；;（()）\n]|$)|协助|已于|等人|共同|名下|的(?:询问|调查)笔录"
_RUNNING_NAME_END = re.compile(r"[、（(或]|协助|已于|等人|共同|名下")
_OTHER_NAME_END_AT = re.compile(_OTHER_NAME_END)
# Characters of an office's or a document's words, never in a transliterated name (税务机关, 办税服务厅)
_OFFICE_CHARS = frozenset("税局厅科处室所站院部委办司店厂社公机府")
# Role words that a rule's text uses as ordinary nouns (受票方利用…, 购买方取得…): a name only after a colon.
_LABEL_ONLY = frozenset({"受票方", "购买方", "购买方名称", "受让方", "转让方"})
# What closes a name set in apposition right after its role word (购买方李娟，…; 受票方王建国。; also
# after a line break: 购买方李娟⏎（身份证号…), and the copula that may join them (购买方为李娟（…）).
_APPOSITION_END_AT = re.compile(r"[ \t]*\n?[ \t]*[，,。；;、（(]")
_COPULAS = frozenset({"", "为", "是"})


def _name_in_apposition(text: str, trigger_end: int, name_start: int, name_end: int) -> bool:
    """Whether a surname-headed name follows a role word (with nothing or a copula between) and the clause
    closes right after it (购买方李娟，手机…): the role word heads the person's name, not a rule's verb
    (受票方利用…)."""
    return (
        text[trigger_end:name_start] in _COPULAS
        and _APPOSITION_END_AT.match(text, name_end) is not None
        and text[name_start:name_end] not in _NOT_NAMES
    )


# What a form adds to a role word in its label (受送达人签名或盖章, 代收人及代收理由, 收件人签字).
_LABEL_SUFFIX = r"(?:签名或盖章|签字或盖章|签名或签章|签名|签字|签章|签收|盖章|及代收理由|及理由)?"
_TRIGGERED_NAME = re.compile(
    # (a label's cell and its value's in a row of pipes: | 送达人 | 沈和平 |)
    rf"(?P<trigger>{_TRIGGER_ALT}){_LABEL_SUFFIX}(?:[（(][^）)\n]{{0,10}}[）)])?[：:\s]*(?:[|｜丨][ \t]*)?"
    rf"(?:为|是|系|：)?\s*"
    rf"(?:(?P<name>{_NAME_HEAD}{_GIVEN}{{1,2}})|(?P<other>[{CJK}]{{3,4}})(?={_OTHER_NAME_END}))"
)
# A label's value of four characters with no surname (负责人：扎西多吉, 当事人：阿牛木呷（…）): a minority
# name written without its dot, read only as a label's whole value.
# (found from the value, few, then the role word looked for before its colon: one scan of the text
# for a colon or a tab is cheaper than one for every role word)
_FOUR_AFTER_LABEL = re.compile(rf"[：:\t][ \t]*(?P<name>[{CJK}]{{4}})(?![{CJK}])")
# …and a two-character one (达瓦, 尼玛) when it is the label's whole value, ended by a clause's end
_PERSON_LABELS = "法定代表人|财务负责人|负责人|委托代理人|代理人|经营者|业主|投资人|见证人|证人|受送达人|被询问人|当事人|联系人|办税人"
# (read from the colon, whose label ends in 人, 者 or 主: scanning for the labels themselves cost more)
_TWO_AFTER_LABEL = re.compile(rf"[：:](?<=[人者主][：:])[ \t]*(?P<name>[{CJK}]{{2}})(?=[，,）)；;。\n])")
_PERSON_LABEL_END = re.compile(rf"(?:{_PERSON_LABELS})$")
_LABEL_BEFORE = re.compile(rf"(?P<trigger>{_TRIGGER_ALT}){_LABEL_SUFFIX}(?:[（(][^）)\n]{{0,10}}[）)])?$")
# The name a person goes by online or on stage (网络主播，艺名“…”; 昵称：…): a name of that person,
# whatever its shape, masked wherever it stands (the value runs to its closing quote or bracket).
_ALIAS = re.compile(
    r"(?:艺名|网名|昵称|直播昵称|主播昵称|直播名|网络名|账号名称|账号昵称|花名|绰号|外号|别名)"
    r"(?:为|是|叫)?[：:]?[ \t]*[“\"「『]?(?P<name>[^”\"」』）)，,。；;：:\s]{2,12})"
)
_TRIGGER_BEFORE = re.compile(
    rf"(?P<trigger>{_TRIGGER_ALT}){_LABEL_SUFFIX}(?:[（(][^）)\n]{{0,10}}[）)])?[：:\s]*(?:为|是|系)?\s*$"
)
_TRIGGER_AT = re.compile(rf"(?:{_TRIGGER_ALT})")
_LIST_NEXT = re.compile(rf"[、和及与,，]\s*(?P<name>{_NAME_HEAD}{_GIVEN}{{1,2}})")
# The addressee of a decision: "温作潘：（纳税人识别号：…）" at the start of a line.
_ADDRESSEE = re.compile(
    r"[：:]?\s*[（(]\s*(?:纳税人识别号|身份证|公民身份号码|居民身份|证件号码|护照|通行证|回乡证|台胞证|居住证)"
)
# The addressee of a notice on a line of its own ("连立鑫：" above "    你已于…提出的听证申请"): the body
# then speaks to the addressee as 你/您, which an organisation's notice does too, so the line must hold a
# name's shape and nothing else.
_ADDRESSEE_LINE = re.compile(
    rf"(?m)^[ \t]*(?P<name>{_NAME_HEAD}{_GIVEN}{{1,2}})[ \t]*[：:][ \t]*\n[ \t]*[^\n]{{0,12}}?[你您]"
)
# …or right under the decision's number (…税稽罚告〔2026〕18号⏎⏎许明：): a decision is addressed below its
# number, and a name alone on that line before its colon is the addressee.
_ADDRESSEE_UNDER_NUMBER = re.compile(
    rf"(?m)[〕\]）)】][ \t]*\d{{1,6}}[ \t]*号[ \t]*\n(?:[ \t]*\n)*[ \t]*(?P<name>{_NAME_HEAD}{_GIVEN}{{1,2}})"
    r"[ \t]*[：:][ \t]*$"
)
# A name signed on the addressee's behalf (其配偶代收 李红, 由其子女代收：赵军): after 代收 and a space or a
# colon (or right after 其<relative>代收, as normalisation drops the space), the name ending its line,
# cell or clause (padded or not).
_SIGNED_FOR = re.compile(
    rf"(?:代收(?:人)?(?:[ \t\u3000]+|[ \t]*[：:][ \t]*)|(?<=其)[{CJK}]{{1,6}}代收)(?P<name>{_NAME_HEAD}(?:[ \t\u3000]{{0,2}}\n?[ \t\u3000]*[{CJK}]){{1,2}})"
    r"(?=[ \t\u3000]*(?:\n|$|[。，,；;<|（(]|\t|\d))"
)
# …also a name with no surname there: a transliterated one (央金拉姆：) or one in Latin script (SILVA Ana
# Maria：), alone on its line before its colon, right under the number.
_ADDRESSEE_OTHER_UNDER_NUMBER = re.compile(
    rf"(?m)[〕\]）)】][ \t]*\d{{1,6}}[ \t]*号[ \t]*\n(?:[ \t]*\n)*[ \t]*"
    rf"(?P<name>[{CJK}]{{3,4}}|[{CJK}]{{1,6}}·[{CJK}]{{2,8}}|[A-Z][A-Za-z'\u00c0-\u017f\-]*(?:[ \t]+[A-Za-z'\u00c0-\u017f\-]+){{1,3}})"
    r"[ \t]*(?:[：:]|[（(][ \t]*(?:公民|居民)?(?:身份|护照|证件|通行证|纳税人识别号))"
)
# Words of kinship (the spouse, a child, a parent, a sibling, an in-law)
_KIN = (
    "配偶|妻子?|丈夫|夫|儿子|女儿|子|女|长子|次子|长女|次女|父亲|母亲|父|母|哥哥|姐姐|弟弟|妹妹|兄|姐|弟|妹|"
    "儿媳|女婿|岳父|岳母|公公|婆婆|祖父|祖母|外祖父|外祖母|孙子|孙女|外孙|外孙女|侄子|侄女|外甥|外甥女|表弟|表妹|表哥|表姐|"
    "堂弟|堂妹|堂哥|堂姐|亲属|近亲属|前妻|前夫|继父|继母|养父|养母|舅舅|姑姑|叔叔|伯父|阿姨"
)
# …in brackets after a name (购房款由扎西多吉（你的妻子）名下…, 令狐磊（系你之子）, 李红（配偶）)
_KIN_BRACKET = re.compile(
    rf"[（(][ \t]*(?:系|是)?(?:你|您|其|当事人|纳税人|本人)?(?:的|之)?(?:{_KIN})[ \t]*[）)]"
)
_TRAILING = re.compile(
    r"(?=[先女同，,（(身系])(?:先生|女士|同志|[，,（(]\s*(?:性别[：:]?\s*)?[男女]\s*[，,）)；;。]|[，,（(]\s*(?:公民|居民)?身份证|身份证号|[，,（(]\s*身份证件|[，,（(]\s*社会保障号|"
    # a person's profession in brackets after the name (…事务所的章丽（税务师，…）)
    r"[（(]\s*(?:注册)?(?:税务师|会计师|律师)[，,）)]|"
    # …or a witness's post in brackets (李红（社区工作人员）, 赵军（物业管理人员）)
    rf"[（(][ \t]*[{CJK}]{{0,6}}(?:工作人员|管理人员|工作者)[ \t]*[）)，,]|"
    r"[（(]\s*(?:现?住址|现?住[：:]|现?居住地|家庭住址|户籍地)|[，,]\s*(?:现?住|家住)(?![址所房宿院宅])|"
    r"[（(]?系(?![统列数])[^，。；\n]{0,30}?(?:法定代表人|负责人|股东|实际控制人|员工|职工|财务|会计|出纳|办税人|经营者|业主)|"
    # how a decision introduces a person: 张三，汉族，…; 张三（1980年5月出生）; 张三，无业，…
    rf"[，,][ \t]*[{CJK}]{{1,3}}族[，,]|[，,（(][ \t]*\d{{4}}年\d{{1,2}}月(?:\d{{1,2}}日)?出?生|"
    r"[，,][ \t]*(?:无业|个体经营者?|自由职业者?|农民|退休(?:职工|人员)?|务工人员)[，,。；;])"
)
_NAME_EXACT = re.compile(rf"{_NAME_HEAD}{_GIVEN}{{1,2}}")
_NOT_BEFORE_NAME = frozenset("于在对由向将把给与和及的是为系被从经任即")
# The last two characters of a role word whose last is also a surname (受让方薛婷, 出租方方敏's first 方,
# 律师廖萍, 税务师…, 亲属宋鹏): the name starts after it.
_ROLE_WORD_ENDS = frozenset(
    "让方 租方 买方 卖方 售方 付方 收方 购方 货方 包方 托方 律师 计师 务师 亲属 家属".split()
)
# A table's column heading shaped as a name (姓名	单位	职务: 单 is a surname), never a label's value.
_HEADER_WORDS = frozenset(
    "单位 职务 部门 性别 民族 年龄 职位 岗位 科室 工作单位 所在单位 执法单位 备注 序号 学历 籍贯 国籍 住址 "
    "地址 电话 签名 日期 时间 类别 类型 金额 税种".split()
)
# What a bureau does that opens a clause after a preposition (经调取银行流水, 经核实, 由稽查局调查): the
# preposition is no surname and the verb no given name, also at the clause's start.
_CLAUSE_VERBS = frozenset(
    "调取 核实 查明 查实 审查 调查 比对 核对 询问 检查 研究 审理 复核 核查 查询 确认 认定 送达 函询 协查 取证 "
    "约谈 告知 提取 调阅 分析 评估 审核 稽查 排查 走访".split()
)
_PUNCTUATION = frozenset("，,。；;：:、（(\n\t")  # after these, 任 or 于 opens a name (，任倩冰先生)
_TITLES = ("先生", "女士", "同志")
# A surname and a courtesy title or a post (王老师, 李女士, 欧阳先生, 张科长): how a notice gives its contact
# already de-identified; it names no one and stays as written.
# The last character of an office's department (稽查一科, 征收管理股, 办公室): no name ends so.
_DEPARTMENT_END = frozenset("科股室处局所队")
_COURTESY_TITLES = frozenset(
    {"先生", "女士", "同志", "老师", "小姐", "师傅", "科长", "股长", "所长", "局长", "处长", "主任", "经理"}
)


def _surname_and_title(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a surname followed by a courtesy title only (see _COURTESY_TITLES)."""
    name = text[start:end]
    head = 2 if name[:2] in COMPOUND_SURNAMES and len(name) > 3 else 1
    return name[head:] in _COURTESY_TITLES


_CLAUSE_END = frozenset("、，,；;。\n（(")
_PLACE_CHARS = frozenset("省市区县镇乡村旗州")
_VERB_AFTER = re.compile(
    # the look-ahead on the first characters lets the engine skip every other position at once
    r"(?=[涉个私代负表承陈签证出收转保提交供辩称本名的对在无系为询调身银书当亲夫拒未向所之如可（(反持控])"
    # what is said of a person in the bureau's prose: X所在的…事务所, X之母, X的家属, X如对上述…不服, X可到…领取,
    # X（未成年人…）, 因X未满十八周岁
    r"(?:所在(?:的|单位)|之(?:母|父|子|女|妻|夫)(?![^）)\n]{0,3}[：:])|的(?:父亲|母亲|配偶|家属|近亲属|妻子|丈夫|子女)|"
    r"如对(?:上述|本)|可到|[（(]未成年|未满(?:十八|18)周岁|反映(?=[^，。；\n]{0,3}\d)|"
    r"涉嫌|个人(?:银行)?(?:账户|卡)|私人账户|代为|负责(?!人)|表示|控制经营|承认|陈述|签字|签收|证实|出具|收取|转账|保管|提供了|交代|供述|供称|辩称|称其|本人|"
    # what the subject of a sentence of the findings does (据查，X无正当理由拒不到场; 。X夫妇共同经营)
    r"无正当理由|当场|亲自|夫妇|夫妻|拒绝|拒不|未按|向(?:本局|我局|税务机关)|"
    # the travel document or the identity card a person holds (经核实，X持护照（号码…）多次出境)
    r"持(?:有)?(?:中国)?(?:普通)?(?:护照|(?:居民)?身份证|往来港澳|港澳|台湾|通行证|回乡证|台胞证|居住证|外国人)|"
    # what a case's narrative says of a person: 转入X名下账户, X对上述事实无异议, X在询问中…, 与X系夫妻关系
    r"名下|的(?:银行|微信|支付宝|个人)?(?:账户|账号|银行卡)|的(?:询问|讯问|谈话)(?:笔录|记录)|对(?:上述|以上|此|该)|在(?:询问|笔录|调查)|无异议|(?:系|为)[^，。；\n]{0,6}关系|"
    # an evidence list's title that names its person: 齐彦证人证言, 薛建泽身份证复印件, 卓璇银行流水
    r"(?:的)?(?:询问笔录|调查笔录|证人证言|证言|证词|身份证复印件|(?:个人)?银行(?:账户)?流水|书面陈述))"
)
# A name in a case's narrative between a verb that takes a person (委托, 出租给, 约谈了, 本局向 …) or the
# opening of a finding (经查，) and what a person does next (办理, 到场, 送达, 少缴, a comma …): the
# shortest name that fits both sides.
_NAME_AFTER_VERB = re.compile(
    r"(?=[委雇聘租转付汇借卖售交约询通告联传会协经另查向还包分感尊])"
    r"(?:感谢|尊敬的|委托|雇佣|雇用|聘请|聘用|出租给|租给|转给|转账给|付给|支付给|汇给|借给|卖给|售给|销售给|交给|交由|"
    r"约谈(?:了(?!解))?|询问(?:了(?!解))?|通知|告知|联系(?:了(?!解))?|传唤|约见|会同|协助|(?:经查|另查明|查明)[，,]|(?<=[局关])向|"
    r"还有|包括|分别为|分别是)"
    rf"(?P<name>{_NAME_HEAD}{_GIVEN}{{1,2}}?)"
    r"(?=[，,。；;、（(：:]|等|办理|用于|到场|送达|代为|陪同|在场|签收|说明|经营|收取|支付|提供|负责|表示|承认|"
    r"签字|出具|提交|接受|少缴|未|取得|存在|涉嫌|长期|一直|多次|曾|先后|共计|自|于|在|系|因|将|向|对|的|是|为|"
    r"已|均|也|和|与|及|开具|购买|销售|出租|转让|到|来|前往|进行|作|做|就)"
)


# What may stand right before a name found by what follows it (张三表示: after a comma, 由, 与 …; 转入,
# 汇入 the account a sum went to).
# What a person does next that the look-ahead of _VERB_AFTER would pay for at every 等 and 联: 请与X联系,
# X、Y等人 (a list of people)
_CONTACT_OR_GROUP = re.compile(r"联系(?![人方电地])|等(?:[二两三四五六七八九十]|\d{1,2})?人(?![民员])")
# (and the stray marks OCR leaves beside a cell or a word: 丨, ─, a quote, a backtick)
_NAME_BOUNDARY = frozenset("，,。；;：:、（(\n\t .．由与向对经将和及据至给入丨─'`")


# An ID number or a gender right after a candidate ("成立（身份证号…", "高峰，男，") makes it a person's name
# even when it is also an ordinary word, so the stop-word list does not apply there.
_PERSON_CONTEXT_AFTER = re.compile(
    r"\s*[，,（(]\s*(?:(?:公民|居民)?身份证|社会保障号|(?:性别[：:]?\s*)?[男女]\s*[，,）)；;。]"
    # (a person's post in brackets: 安康（系你公司原会计，…）)
    r"|系[^，。；\n]{0,12}?(?:会计|出纳|员工|职工|股东|法定代表人|负责人|经理|办税人|财务)"
    # (his mobile number in brackets: 石油（手机…）)
    r"|(?:手机|联系电话|电话)[号码]*[：:]?[ \t]*\d)"
    # what only a person owns or gives: his own account, what is in his name, his statement (其配偶文明私人账户,
    # 会计向前个人出具的说明, 原法定代表人文明的询问笔录)
    r"|私人账户|个人(?:银行)?账户|名下|个人(?:出具|签字|签名|陈述)|的(?:询问|调查)笔录|的证人证言"
    # what is said of a person in a finding or a notice (实际控制人文明偷逃税款, 同住人文明亦无法联系,
    # 你的母亲谭中华于2026年…来电, 律师任重（执业证号…）)
    r"|偷逃|亦无法|均无法|无法联系|于(?:\d|[〇一二]\S*年)|\s*[（(]\s*(?:律师)?执业证|[：:][ \t]*\n"
    r"|" + _KIN_BRACKET.pattern
)


_LIST_DOT = frozenset(".．、")


# Verbs that follow a name in a case's narrative: 总经理季明安排…, 李明指使… (the 安 of 安排 is no part of
# the name).
_VERB_STARTS = frozenset(
    "安排 指使 指示 授意 要求 利用 借用 明知 同意 决定 组织 策划 伙同 联系 介绍 协助 帮助 通知 告知 对上 对此 在询".split()
)
# Last characters that end a name's phrase even before a comma (张三等，, 李四的，).
_NOT_LAST_AT_END = frozenset("等的了们和与及或并")


# Two-character verbs of what a person does, right after a name (…代为签收, …陪同到场, …少缴…).
_PERSON_ACTS = re.compile(
    r"代为|陪同|到场|在场|签收|办理|送达|说明|收取|支付|提供|负责|承认|签字|出具|提交|少缴|取得|涉嫌|长期|"
    r"一直|多次|先后|共计|开具|购买|销售|出租|转让|前往|拒绝|拒不|均(?:无|未|不|已|系|为)"
)


# A year written in characters (二〇二六年, 二零二五年)
_WRITTEN_YEAR = re.compile(r"[一二〇零][〇零一二三四五六七八九]{3}年")


def _trim_name(text: str, start: int, end: int) -> int | None:
    """Trim a candidate name ``text[start:end]`` to its likely end; None if it is not a name."""
    name = text[start:end]
    head = 2 if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else 1
    if len(name) - head > 2:
        end = start + head + 2
        name = text[start:end]
    if (
        len(name) - head == 2
        and (
            name[-1] in _NOT_LAST
            or name[-1] + text[end : end + 1] in _TITLES
            or name[-1] + text[end : end + 1] in _VERB_STARTS
        )
        # a name that ends at a clause boundary is whole (代理人荣跃进，联系电话): no verb follows it; nor
        # does one when what the person does follows it (其母亲巩跃进代为签收)
        and not (name[-1] not in _NOT_LAST_AT_END and text[end : end + 1] in _CLAUSE_END)
        and _PERSON_ACTS.match(text, end) is None
    ):
        end -= 1
        name = name[:-1]
    if len(name) <= head:
        return None
    if _WRITTEN_YEAR.match(text, start + head):
        return None  # 该纳税人于二〇二六年…: a preposition before a year written in characters, no name
    if (
        name[head] in _NOT_GIVEN_START
        and not (
            # 法定代表人黎中华、…: a full given name that ends at a clause boundary is one, whatever it starts with,
            # and so is one that what the person does follows (财务负责人钟上海均无法联系)
            len(name) - head == 2
            and (text[end : end + 1] in _CLAUSE_END or _PERSON_ACTS.match(text, end) is not None)
            and name[:2] not in _NOT_NAMES
        )
        and not _PERSON_CONTEXT_AFTER.match(text, end)
    ):
        return None  # (会计向前个人出具…: what follows is a person's own, 前 opens his given name)
    if (
        (
            text[start + head + 1 : start + head + 2] in _PLACE_CHARS
            # (红旗 is a given name when the name ends its clause or a person's act follows: 其妻白红旗拒绝…)
            and not (
                name[-1] == "旗" and (text[end : end + 1] in _CLAUSE_END or _PERSON_ACTS.match(text, end))
            )
        )
        or text[end : end + 1] in _PLACE_CHARS
    ):
        return None  # 金城江区, 兰山区: a place name, not a person
    if head == 1 and name[:2] in _NOT_NAMES and not _PERSON_CONTEXT_AFTER.match(text, end):
        if not _PERSON_CONTEXT_AFTER.match(text, start + 2):
            return None
        end = start + 2  # (其配偶文明私人账户: the word is the name, what follows it his own)
    if _in_org_name(text, start + head + 1):
        return None
    return end


_MASKED_NAME = rf"(?:[*＊]{{2,4}}|{_NAME_HEAD}?某某?|[{_SINGLE_CLASS}][*＊]{{1,3}})"
_BEFORE_MASKED = re.compile(rf"(?<=[{CJK}])、(?={_MASKED_NAME}(?:[、等和及与三两二四五六]|$))")
_AFTER_MASKED = re.compile(
    rf"(?:(?<=[^{CJK}]){_MASKED_NAME}|^{_MASKED_NAME})、(?P<name>{_NAME_HEAD}{_GIVEN}{{1,2}})"
)
_LIST_END = frozenset("、等和及与，,。；;（(\n三两二四五六")


# A label (当事人：…, a tab-separated 行政相对人名称	…) gives its value a cell of its own.
_PREMASKED = re.compile(r"[某*＊Xx×○]")
_LABEL_SEPARATOR = re.compile(r"[：:\t|｜丨]")  # (a pipe: the label is a cell of its own)
_LABEL_CELL = re.compile(r"[^\s，,；;。（()）|｜、：:]{1,40}")


def _label_value(text: str, trigger_end: int, name_start: int) -> str | None:
    """The whole value of a label up to the end of its cell, when the trigger is used as a label."""
    if _LABEL_SEPARATOR.search(text, trigger_end, name_start) is None:
        return None
    m = _LABEL_CELL.match(text, name_start)
    return m.group() if m is not None else None


_LINE_TAIL = re.compile(r"[^\n]*")
_CELL_END = re.compile(r"\s{2,}|\t|[（(，,]")


def _header_line_below(text: str, trigger_end: int, name_start: int) -> bool:
    """Whether a role word alone on its line (no colon) is followed by a line that is not one name: the
    role word is then a header cell of a table whose cells stand one per line, and the next line is
    the next header cell (法定代表人⏎许可决定书文号), not its value (法定代表人⏎张三)."""
    gap = text[trigger_end:name_start]
    if "\n" not in gap or "：" in gap or ":" in gap:
        return False
    line = _LINE_TAIL.match(text, name_start)
    # the line's first cell (受送达人签名或盖章⏎穆旭  2026年6月16日, 代收人⏎东方雅（配偶）)
    cell = _CELL_END.split(line.group().strip(), maxsplit=1)[0] if line is not None else ""
    head = 2 if cell[:2] in COMPOUND_SURNAMES and len(cell) > 2 else 1
    return not (_NAME_EXACT.fullmatch(cell) and len(cell) - head <= 2)


def _signed_twice(text: str, trigger_end: int, name_start: int) -> int | None:
    """The length of a name written twice as the first cell of the line under a role word (a
    signature and the same name printed beside it: 签名或盖章⏎高明高明), else ``None``."""
    if "\n" not in text[trigger_end:name_start]:
        return None
    line = _LINE_TAIL.match(text, name_start)
    cell = _CELL_END.split(line.group().strip(), maxsplit=1)[0] if line is not None else ""
    half = len(cell) // 2
    if (
        half < 2
        or len(cell) != 2 * half
        or cell[:half] != cell[half:]
        or not text.startswith(cell, name_start)
    ):
        return None
    head = 2 if cell[:2] in COMPOUND_SURNAMES and half > 2 else 1
    return half if _NAME_EXACT.fullmatch(cell[:half]) and half - head <= 2 else None


_WRAP_WIDTH = 30  # a line at least this long that breaks mid-sentence was wrapped by the extractor


def _wrapped_given_name(text: str, start: int, end: int) -> bool:
    """Whether a name of a surname and one character runs on past a line break that only wraps the
    line (a document extracted at a fixed width): the next line's first character ends the name."""
    if text[end : end + 1] != "\n" or end + 1 >= len(text):
        return False
    head = 2 if text[start : start + 2] in COMPOUND_SURNAMES else 1
    if end - start != head + 1:
        return False
    nxt = text[end + 1]
    if not ("\u4e00" <= nxt <= "\u9fff") or nxt in _NOT_LAST or nxt in _NOT_GIVEN_START:
        return False
    return end - (text.rfind("\n", 0, start) + 1) >= _WRAP_WIDTH


# Before a context that ends a name (…先生, …当场, …表示) a three-character candidate is cut only at a
# function word (张三的表示); a verb-like last character is the name's own (谢跃进当场).
_NOT_LAST_BEFORE_CONTEXT = frozenset("的了在是于与和及等也都均并即却就被将对从向为系个说称")


def _look_back(
    text: str,
    end: int,
    add: Callable[[int, int, FieldType], None],
    *,
    boundary: bool,
    after: frozenset[str] = frozenset(),
) -> None:
    """Find a name ending at ``end`` (before 先生, "，男，", 代为 …). With ``boundary`` the name must
    follow punctuation or a preposition (由张三负责, ，李四表示), or one of ``after``, since the context
    alone is weaker."""
    word_ok = _PERSON_CONTEXT_AFTER.match(text, end) is not None  # a stop word can still be a name here
    start = end - 4
    if (
        word_ok  # an ID number, a gender or a post follows
        and start >= 0
        and (start == 0 or text[start - 1] in _PUNCTUATION or text[start - 1] in _LIST_DOT)
        and text[start] not in _NOT_BEFORE_NAME
        and tables.minority_name(text[start:end])
        and text[start : start + 2] not in COMPOUND_SURNAMES
        and text[start:end] not in _TRIGGERS
        and not _ORG_IN_NAME.search(text, start, end)
    ):
        add(
            start, end, FieldType.THIRD_PARTY_NAME
        )  # 1．达瓦卓嘎，社会保障号码…: no surname, after a list number
        return
    if (
        boundary
        and start > 0
        and text[start - 1] in "与由向给"
        and _CJK_RUN.fullmatch(text, start, end)
        and text[start : start + 2] not in COMPOUND_SURNAMES
        and _no_surname_name(text[start:end])
    ):
        role = _TRIGGER_AT.match(text, start)
        if role is None:
            add(
                start, end, FieldType.THIRD_PARTY_NAME
            )  # 请与巴图孟和联系: a transliterated name between them
        elif end - role.end() >= 2 and _NAME_EXACT.fullmatch(text, role.end(), end):
            add(role.end(), end, FieldType.THIRD_PARTY_NAME)  # 向员工向前私人账户: a role word, then the name
        return
    for length in (4, 3, 2):
        start = end - length
        if start < 0:
            continue
        candidate = text[start:end]
        if not _NAME_EXACT.fullmatch(candidate):
            continue
        compound = length > 2 and candidate[:2] in COMPOUND_SURNAMES
        if length == 4 and not compound:
            continue
        if (
            boundary
            and start > 0
            and text[start - 1] not in _NAME_BOUNDARY
            and text[start - 1] not in after
            # (a stray dot OCR left after a clause's mark: ，·魏伟所在的…)
            and not (text[start - 1] == "·" and (start < 2 or text[start - 2] in _NAME_BOUNDARY))
        ):
            continue
        if candidate in COMPOUND_SURNAMES and text[end : end + 2] in _COURTESY_TITLES:
            return  # 欧阳先生: a surname and a title, no name
        if not compound:
            if length == 3 and (
                (candidate[0] in _NOT_BEFORE_NAME and not (start == 0 or text[start - 1] in _PUNCTUATION))
                or (start > 0 and text[start - 1 : start + 1] in _ROLE_WORD_ENDS)
                or (candidate[0] in _NOT_BEFORE_NAME and candidate[1:] in _CLAUSE_VERBS)
                or candidate[1] in _NOT_GIVEN_START
                or candidate[2] in _NOT_LAST_BEFORE_CONTEXT
                or (candidate[:2] in _NOT_NAMES and not word_ok)
            ):
                continue
            if length == 2 and (
                (candidate in _NOT_NAMES and not word_ok)
                or candidate[1] in _NOT_LAST
                or candidate[1] in _NOT_GIVEN_START
                # (本案经赵女士及…: a preposition inside a sentence, then a surname alone before its title,
                # the form a bureau writes for a person it does not name)
                or (
                    candidate[0] in _NOT_BEFORE_NAME
                    and start > 0
                    and text[start - 1] not in _PUNCTUATION
                    and candidate[1] in SINGLE_SURNAMES
                    and _TITLE_AFTER.match(text, end) is not None
                )
            ):
                return
        add(start, end, FieldType.THIRD_PARTY_NAME)
        return


# Names in Latin script: pinyin (ZHANG San, Zhang San, ZHANG SAN) or English in capitals, alone after a
# role word or before / after the Chinese name in brackets.
_PINYIN_SURNAMES = frozenset(
    """ZHANG WANG LI LIU CHEN YANG HUANG ZHAO WU ZHOU XU SUN MA ZHU HU GUO HE GAO LIN LUO ZHENG LIANG XIE
    SONG TANG HAN FENG DENG CAO PENG ZENG XIAO TIAN DONG YUAN PAN YU JIANG CAI DU YE CHENG SU WEI LV LU
    DING REN SHEN YAO CUI ZHONG TAN WANG FAN JIN SHI LIAO JIA XIA FU FANG BAI ZOU MENG XIONG QIN QIU
    YIN XUE YAN DUAN LEI HOU LONG TAO LI HE GU MAO HAO GONG SHAO WAN QIAN QIAO KONG KANG CHANG WEN NIU
    GE XING AN QI YI NIE ZHAN ZHUANG LU YUE OUYANG SIMA SHANGGUAN ZHUGE DONGFANG HUANGFU MURONG""".split()
)
_PINYIN_GIVEN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|"
    r"an|en|in|un|ia|ie|iu|ua|uo|ue|ui|ve|er|a|e|i|o|u|v)(?:n|ng|r)?){1,3}",
    re.IGNORECASE,
)
# (with the Latin letters of European names: MÜLLER, GARCÍA, Søren)
_LATIN_WORD = r"[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u017f'\-]+"
# (OCR text may double a space: LIN  Chih-Hao)
_LATIN_NAME = rf"{_LATIN_WORD}(?:(?:[ ·.]| {{2}}){_LATIN_WORD}){{1,3}}"
_LATIN_BRACKETED = re.compile(
    rf"(?P<latin>{_LATIN_NAME})\s*[（(](?P<cjk>[{CJK}·]{{2,10}})[）)]"
    rf"|(?P<cjk2>[{CJK}·]{{2,10}})\s*[（(](?P<latin2>{_LATIN_NAME})[）)]"
)
# (capitals glued to digits are part of a code: 91370102MANL HC6T9Q)
_LATIN_ALONE = re.compile(rf"(?<![A-Za-z0-9])(?P<latin>{_LATIN_NAME})(?![A-Za-z0-9])")
# A minority name with a middle dot (买买提·艾力, 阿依古丽·吐尔逊); the left part is cut after a word that
# cannot belong to it (经查…, …的).
# (nor a word that follows a name in a sentence: …·吐尔逊销售车位, …·艾买提负责资金收付, …·肉孜名下银行卡)
_DOTTED_PART = (
    r"(?:(?![系在于是为与和及等因被将对从向已未的了均也曾经现担任称说亦]|销售|负责|控制|转入|转出|代收|代为|代你|"
    r"代其|名下|签收|出具|提供|取得|收取|经营|持有|使用|支付|实际|通过|个人|账户|购买|出租|承租|签字|签名|确认)"
    rf"[{CJK}])"
)
# The dot may also come as a full-width period (．, folded to "."), written between Chinese characters.
# (a part may end in one of those words' characters when no other character follows: 巴特尔·孟和：)
_DOTTED_TAIL = rf"(?:{_DOTTED_PART}{{1,7}}(?:{_DOTTED_PART}|(?![等于在])[{CJK}](?![{CJK}])))"
_DOTTED_NAME = re.compile(rf"[{CJK}]{{1,6}}[·.]{_DOTTED_TAIL}(?:[·.]{_DOTTED_TAIL})?")
_DOT = re.compile(r"[·.]")
# A dotted name's run that ends in an organisation's suffix is a shop's name (…·阿不力孜五金店).
_SHOP_SUFFIX_END = re.compile(rf"(?:{ORG_SUFFIXES})$")
# What a person does to a shop (买买提·吐尔逊开办五金店, ZHANG Wei经营副食店): the name before it is the
# person's, in running text, not part of the shop's name.
_SHOP_VERB = re.compile(r"开办|开设|开了|经营|设立|注册|创办|成立|承包|租用|租赁|购买|收购|转让|负责|名下")


def _shop_named_after(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is the head of a shop's name (ZHANG Wei副食店, a dotted
    run ending …五金店): a shop's suffix follows (or ends the run), and no verb stands between."""
    tail = _ORG_TAIL.match(text, end, min(len(text), end + 12))
    if tail is not None and _SHOP_VERB.search(tail.group()) is None:
        return True
    dot = _DOT.search(text, start, end)
    return (
        dot is not None
        and _SHOP_SUFFIX_END.search(text, dot.start(), end) is not None
        and _SHOP_VERB.search(text, dot.start(), end) is None
    )


def _dotted_shop(text: str, start: int) -> bool:
    """Whether the dotted name starting at ``start`` runs into a shop's name (巴特尔·朝鲁便利店)."""
    m = _DOTTED_NAME.match(text, start)
    return m is not None and _shop_named_after(text, start, m.end())


_DOTTED_CUT = re.compile(
    r".*(?:[的是查系在与和及对向由经据为将被给入：:，,、]|个人|本人|名下|房人|委托|同住人|律师)"
)
_DOTTED_ROLE = re.compile(rf".*(?:{_TRIGGER_ALT})")


_UPPER = re.compile(
    r"[A-Z][A-Za-z\u00c0-\u017f'\-]+[ ·.][A-Z\u00c0-\u00de]"
)  # two Latin words at least: _LATIN_NAME's shape


# Words that make a run of capitals an organisation's or a product's name, not a person's.
_LATIN_NOT_NAME = frozenset(
    """CO LTD LIMITED INC CORP CORPORATION COMPANY GROUP BANK TRADING INTERNATIONAL CHINA HOLDINGS HOLDING
    TECHNOLOGY TECH INDUSTRY INDUSTRIAL SERVICE SERVICES LLC LLP PLC GMBH AG SA BV PTE HK USA UK PRC VAT
    TAX INVOICE THE OF AND FOR NO ID PDF OCR GB ISO CN WWW HTTP HTTPS API NEW DEVELOPMENT MANAGEMENT
    CONSULTING LOGISTICS SHIPPING IMPORT EXPORT STORE SHOP CENTER CENTRE HOTEL SCHOOL UNIVERSITY""".split()
)


_LATIN_LETTERS = re.compile(r"['\-]")  # JEAN-PIERRE, O'BRIEN: letters joined by a hyphen or apostrophe


# A Latin name right after the Chinese one a role word introduced (当事人：黄志明 O'NEIL Kate).
_AFTER_TRIGGERED_NAME = re.compile(rf"(?:{_TRIGGER_ALT})[：:\s]*[{CJK}·]{{2,8}}[ \t]+$")


def _capitals_name(words: list[str]) -> bool:
    """Two or three words in capitals (JOHN SMITH, MARIA GARCIA) amid Chinese text: a foreigner's name."""
    return (
        2 <= len(words) <= 3
        and all(w.isupper() and _LATIN_LETTERS.sub("", w).isalpha() and 2 <= len(w) <= 12 for w in words)
        and not any(w in _LATIN_NOT_NAME for w in words)
    )


_VOWEL = re.compile(r"[AEIOUY]")


def _passport_style_name(words: list[str]) -> bool:
    """Two or three words, the family name in capitals and the given names capitalised (TANAKA Hiroshi,
    John SMITH, NGUYEN Van An): the way a passport or a permit spells a person's name, amid Chinese text."""
    if not 2 <= len(words) <= 3 or any(w.upper() in _LATIN_NOT_NAME for w in words):
        return False
    # (a family name holds a vowel; an acronym often none: WPS Office, PDF Reader)
    capitals = [w for w in words if len(w) >= 2 and w.isupper() and w.isalpha() and _VOWEL.search(w)]
    titled = [w for w in words if len(w) >= 2 and w[0].isupper() and w[1:].islower() and w.isalpha()]
    return len(capitals) == 1 and len(capitals) + len(titled) == len(words)


def _pinyin_name(words: list[str]) -> bool:
    if words[0].upper() not in _PINYIN_SURNAMES:
        return False
    return all(_PINYIN_GIVEN.fullmatch(w.replace("-", "").replace("'", "")) for w in words[1:])


_TITLE_AFTER = re.compile(r"[ \t]*(?:先生|女士|小姐)")
_FINDING_OPENS = re.compile(r"(?:经查|查明|经核查|经调查)[，,：:][ \t]*$")
_ACTS_AFTER_FINDING = frozenset("于在未已以通过系将向从自为")
_ANY_VOWEL = re.compile(
    r"[AEIOUYaeiouy\u00c0-\u00c6\u00c8-\u00cf\u00d2-\u00d6\u00d8-\u00dd\u00e0-\u00e6\u00e8-\u00ef\u00f2-\u00f6\u00f8-\u00fd]"
)


def _latin_name_by_context(text: str, start: int, end: int, words: list[str]) -> bool:
    """Latin words that are a person's name by what stands around them: a title after them (Sarah O'Neil
    先生：) or a finding's opening before them and what the person did after them (经查，Anna Müller于…);
    each word must hold a vowel (not an acronym's: WPS Office)."""
    if not all(_ANY_VOWEL.search(w) for w in words):
        return False
    return (
        _TITLE_AFTER.match(text, end) is not None
        or _IDENTITY_AFTER.match(text, end) is not None
        or text[max(0, start - 2) : start] == "律师"
        or (
            _FINDING_OPENS.search(text, max(0, start - 8), start) is not None
            and text[end : end + 1] in _ACTS_AFTER_FINDING
        )
    )


# What a text says only of a natural person, in a bracket right after the name: nationality, passport,
# identity papers, sex, birth (Anna Weber（国籍：德国，护照号码：…）, KIM Min-jun (男，1990年出生)). A
# lawyer's title before the name (律师Tom Hardy) marks one too: a firm's name ends in 事务所, not 律师.
_IDENTITY_AFTER = re.compile(
    r"[ \t]*[（(][ \t]*(?:国籍|(?:护照|身份证|公民身份|证件|通行证)[号码编：:]|性别|[男女][，,、；;）)]|出生|\d{4}年\d{1,2}月\d{1,2}日出生)"
)


# A person's slot in prose around Latin words: after a preposition or verb that takes a person (给, 向,
# 由, 被, 对, 代); before 代 (acting for someone), what a person says (述称, 称), 等人, what only a person
# has (的询问笔录, 个人银行卡, 名下, 控制经营, a bracketed phone: 出租给John Smith（电话…）). (A list's 、 and a
# conjunction, 和 与 及, are no such slot alone: products are listed too, Microsoft Edge、Google Chrome,
# Apple Pay和Google Pay; a list holding a person is read by _list_neighbours.)
_LATIN_SLOT_BEFORE = frozenset("给向由被让对代")
_LATIN_SLOT_AFTER = re.compile(
    r"[ \t]*(?:代|述称|称|等人|的(?:询问|讯问|谈话)(?:笔录|记录)|个人(?:银行)?(?:账户|卡)|名下|控制经营|"
    r"[（(][ \t]*(?:联系)?电话)"
)


def _latin_name_in_slot(text: str, start: int, end: int, words: list[str]) -> bool:
    """Two or three capitalised Latin words, each with a vowel, standing in a person's slot of Chinese
    prose (出租给Michael Brown，…; Tom Lee代某某提交…; 并向Anna Weber等人核实), not an organisation's head."""
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and _ANY_VOWEL.search(w) for w in words):
        return False
    if any(w.upper() in _LATIN_NOT_NAME for w in words) or _in_org_name(text, end):
        return False
    return text[start - 1 : start] in _LATIN_SLOT_BEFORE or _LATIN_SLOT_AFTER.match(text, end) is not None


def _find_latin_and_dotted_names(text: str, add: Callable[[int, int, FieldType], None]) -> None:
    if _UPPER.search(text) is not None:
        for m in _LATIN_BRACKETED.finditer(text):
            cjk_group = "cjk" if m.group("cjk") else "cjk2"
            latin_group = "latin" if m.group("latin") else "latin2"
            cjk = m.group(cjk_group)
            # (a foreigner's Chinese name after his Latin one need not open with a surname: 中村健二)
            shaped = (
                _NAME_EXACT.fullmatch(cjk) or "·" in cjk or (m.group("latin") and tables.minority_name(cjk))
            )
            if not shaped or _in_org_name(text, m.end(cjk_group)):
                continue
            kind = _kind_before(text, m.start())
            add(m.start(latin_group), m.end(latin_group), kind)
            add(m.start(cjk_group), m.end(cjk_group), kind)
        for m in _LATIN_ALONE.finditer(text):
            words = re.split(r"[ ·.]", m.group("latin"))
            triggered = (
                _TRIGGER_BEFORE.search(text, max(0, m.start() - 24), m.start()) is not None
                or _AFTER_TRIGGERED_NAME.search(text, max(0, m.start() - 30), m.start()) is not None
            )
            if _shop_named_after(text, m.start(), m.end()):
                continue  # the owner's name in a shop's (城关区Thomas MÜLLER服装店, ZHANG Wei副食店): published
            if (
                triggered
                or _latin_name_by_context(text, m.start(), m.end(), words)
                or _latin_name_in_slot(text, m.start(), m.end(), words)
                or _pinyin_name(words)
                or _capitals_name(words)
                or (_passport_style_name(words) and not _in_org_name(text, m.end()))
            ):
                add(m.start(), m.end(), _kind_before(text, m.start()))
    if "·" in text or "." in text:
        dotted = list(_DOTTED_NAME.finditer(text))
        # A dotted name that stands whole somewhere (a mark or the text's end after it: 扎西·多吉、…) is
        # where the same name ends where a sentence runs on after it (扎西·多吉可到…领取).
        whole = {
            m.group() for m in dotted if m.end() == len(text) or not "\u4e00" <= text[m.end()] <= "\u9fff"
        }
        for m in dotted:
            start = m.start()
            end = max(
                (m.start() + len(w) for w in whole if len(w) < len(m.group()) and m.group().startswith(w)),
                default=m.end(),
            )
            dot_match = _DOT.search(text, start)
            assert dot_match is not None  # _DOTTED_NAME contains a dot
            dot = dot_match.start()
            cut = _DOTTED_CUT.match(text, start, dot)
            if cut is not None:
                start = cut.end()
            # 财务负责人热合曼·…: the role word is no part, also where a cut character stands inside it
            # (the 系 of 联系人 扎西·次仁) or the run began inside it (承办人阿依努尔·…: six characters back)
            low = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 4)
            role = _DOTTED_ROLE.match(text, low, dot)
            if role is not None:
                start = max(start, role.end())
            if dot - start < 2:
                continue
            if _shop_named_after(text, start, m.end()):
                continue  # a shop named after its owner (热依拉·阿不都烟酒商行): published
            add(start, end, _kind_before(text, start))


# The owner's name inside an individual business's name: after a place (城关区窦诗药店) or at the start of
# the name, before the shop's trade and its suffix.
_SHOP_OWNER = re.compile(
    # the character before the name is consumed (a scan for one of a few characters is fast)
    # (or at a table cell's start: <td>, a quote, a pipe, a list number's dot; and a given name may be Latin)
    rf"(?:^|[区县市镇乡：:\s（(，,、>\"|｜│┃丨．])(?P<name>{_NAME_HEAD}(?:{_GIVEN}{{1,2}}|[A-Z][a-z]{{1,11}}))"
    rf"(?=(?:(?![区县市镇乡村局税])[{CJK}]){{0,5}}?(?:店|部|馆|铺|坊|行|厂|社|档|摊|中心|工作室)"
    # the suffix ends the name (社 of 社会, 行 of 行政 do not)
    rf"(?:(?![{CJK}])|名义|的|于|在|系|未|已|自|因))",
    re.M,
)


_PLACE_AFTER = frozenset("省市区县镇乡村旗州路街道巷局")


def _shop_owners(text: str, names: dict[str, FieldType]) -> None:
    """Owners of an individual business named after them (城关区窦诗药店 … 经查，窦诗于…): a name-shaped
    part of the shop's name that also stands alone in the text is the owner's name, masked wherever it
    stands alone (the shop's name itself stays public)."""
    for m in _SHOP_OWNER.finditer(text):
        name = m.group("name")
        head = 2 if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else 1
        latin = name[-1].isascii()  # (a Latin given name is read whole: 李Kevin, never 李K)
        for length in range(len(name) if latin else head + 1, len(name) + 1):
            candidate = name[:length]
            if (
                candidate in names
                or candidate in _TRIGGERS
                or (head == 1 and candidate[:2] in _NOT_NAMES)
                or not _PLACE_AFTER.isdisjoint(candidate)  # 惠城区耿春风杂货店: 惠城区 is the place
            ):
                continue
            at = text.find(candidate)
            while at >= 0:
                # another place, not inside an organisation's or shop's name (the longest name found
                # at a place wins, so 窦诗 found beside 窦诗琪 masks no less than 窦诗琪)
                # (the place's word may stand on the next line: 五华⏎区, PDF text wrapped inside it)
                after = text[at + length : at + length + 8].lstrip(" \t\r\n\u3000")[:1]
                if (
                    at != m.start("name")
                    and after not in _PLACE_AFTER
                    and not (latin and text[at + length : at + length + 1].isalnum() and after.isascii())
                    and not _in_org_name(text, at + length)
                ):
                    names[candidate] = FieldType.PERSON_NAME
                    break
                at = text.find(candidate, at + 1)


def _latin_name_at(text: str, start: int) -> tuple[int, int] | None:
    """A name in Latin script starting at ``start`` (two words at least, no company's word)."""
    m = _LATIN_ALONE.match(text, start)
    if m is None or any(w.upper() in _LATIN_NOT_NAME for w in re.split(r"[ ·.]+", m.group())):
        return None
    return m.start(), m.end()


def _no_surname_value(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """A name with no surname in a role word's slot (其其格, 次仁央宗; 司机巴桑次仁协助, whose 巴 reads as a
    surname): three or four characters of a transliterated name, none of a form's word or an office's.
    In running text, with no label's colon, four characters only before a list's or a bracket's opening or
    what a person does (其配偶阿旺罗布、…; 中间人介绍购买， is a verb), three only before what a person alone has
    (his ID in brackets, his statement)."""
    name = m.group("name")
    if name is not None:
        # (the surname rule's reading stands unless a fourth character follows a three-character name)
        following = text[m.end("name") : m.end("name") + 1]
        if len(name) != 3 or name[:2] in COMPOUND_SURNAMES or not "\u4e00" <= following <= "\u9fff":
            return None
    if m.group("trigger") in _LABEL_ONLY:
        return None
    start = m.start("name") if name is not None else m.start("other")
    labelled = _LABEL_SEPARATOR.search(text, m.end("trigger"), start) is not None
    for length in (7, 6, 5, 4, 3):
        value = text[start : start + length]
        if length > 4 and not tables.transliterated_name(value):
            continue  # (乌云其木格: longer than four only when every character is a transliteration's)
        end = start + length
        if len(value) < length or not _CJK_RUN.fullmatch(value):
            continue
        if m.group("name") is not None and (
            len(m.group("name")) != 3 or length < 4 or value[:2] in COMPOUND_SURNAMES
        ):
            continue  # (a Han name read by the surname rule, unless a fourth character ends the slot)
        if labelled:
            ends = _OTHER_NAME_END_AT.match(text, end)
        elif length == 4:
            ends = _RUNNING_NAME_END.match(text, end)
        else:  # (three in running text only before what a person alone has: 买受人其其格（身份证号…）)
            ends = _PERSON_CONTEXT_AFTER.match(text, end) or _IDENTIFIER_AFTER.match(text, end)
        if ends is None or value in _TRIGGERS or value[:2] in m.group("trigger"):
            continue  # (代收人代收理由: a header's next word)
        if (
            _no_surname_name(value)
            or length > 4
            or (value[:2] in COMPOUND_SURNAMES and _NAME_EXACT.fullmatch(value))
        ):
            return start, end
    return None


def _no_surname_name(value: str) -> bool:
    """Three or four characters that can be a transliterated name with no surname (其其格, 格桑卓玛): no
    character of a form's word, an organisation's or an office's."""
    return (
        3 <= len(value) <= 4
        and tables.NOT_IN_MINORITY_NAME.isdisjoint(value)
        and _OFFICE_CHARS.isdisjoint(value)
        and _ORG_IN_NAME.search(value) is None
        and value[:2] not in _NOT_NAMES
        and tables.HEADER_WORD.search(value) is None
        and _ADDRESS_WORD.search(value) is None
    )


# A personal identifier in brackets right after a name (孙洋宇（电话…）, 次仁央宗（身份证…）, Lee Siu Ming（居民
# 身份证…）, 阿旺罗布（港澳居民来往内地通行证…）, …（律师执业证号…）): whatever role the text gives him, the bracket
# says the name before it is a person's.
_IDENTIFIER_AFTER = re.compile(
    r"[（(][ \t]*(?:电话|手机|联系电话|(?:公民|居民)?身份证|证件|护照|(?:港澳|台湾)?(?:居民)?(?:来往内地)?通行证|"
    r"回乡证|台胞证|居住证|(?:律师)?执业证)"
)
# Last characters of a role noun that may stand right before a name (租户孙洋宇, 经办人次仁央宗)
_ROLE_END = frozenset("人员户父母妻夫子女者主属侄甥兄弟姐妹媳婿方师")
_LATIN_BEFORE = re.compile(rf"(?<![A-Za-z])(?:{_LATIN_NAME})[ \t]*$")


def _name_before_identifier(text: str, end: int, add: Callable[[int, int, FieldType], None]) -> None:
    """The name ending at ``end``, right before a bracketed personal identifier: a Chinese name after a
    boundary or a role noun, a transliterated one of four characters, or a Latin-script one."""
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    if end > 0 and text[end - 1].isascii() and text[end - 1].isalpha():
        m = _LATIN_BEFORE.search(text, max(0, end - 40), end)
        if m is not None and not any(w.upper() in _LATIN_NOT_NAME for w in re.split(r"[ ·.]+", m.group())):
            add(m.start(), m.start() + len(m.group().rstrip()), _kind_before(text, m.start()))
        return
    for length in (4, 3, 2):
        start = end - length
        if start < 0:
            continue
        candidate = text[start:end]
        if not _CJK_RUN.fullmatch(candidate) or candidate in _TRIGGERS or _TRIGGER_AT.search(candidate):
            continue
        shaped = _NAME_EXACT.fullmatch(candidate) and (length < 4 or candidate[:2] in COMPOUND_SURNAMES)
        if shaped:
            head = 2 if length > 2 and candidate[:2] in COMPOUND_SURNAMES else 1
            shaped = candidate[head : head + 2] not in _NOT_NAMES and candidate not in _NOT_NAMES
            shaped = shaped and _OFFICE_CHARS.isdisjoint(candidate[head:])
        if (
            not shaped
            and length <= 3
            and _NAME_EXACT.fullmatch(candidate)
            and (
                text[max(0, start - 2) : start] == "律师"
                or _TRIGGER_BEFORE.search(text, max(0, start - 24), start)
            )
        ):
            shaped = True  # (律师任重（执业证号…）, 亲属黄金（通行证…）: a word as a name, after a role word)
        before = text[start - 1] if start else "\n"
        if (
            shaped
            and length == 3
            and start > 0
            and "\u4e00" <= text[start - 1] <= "\u9fff"
            and _TRIGGER_BEFORE.search(text, max(0, start - 23), start + 1)
        ):
            continue  # (邻居马国（…）: the role word's last character is no surname)
        if shaped and length == 3 and start > 0 and text[start - 1 : start + 1] in _ROLE_WORD_ENDS:
            continue  # (受让方薛婷（…）: nor the 方 of a party's role)
        if "\u4e00" <= before <= "\u9fff" and before not in _ROLE_END and not (shaped and length == 3):
            # (after another character only a surname and two, 住客柴文斌（手机…）: a shorter run there is
            # the end of a word, 商行（电话…）, and a longer one holds part of the word before it)
            continue
        if shaped:
            add(start, end, _kind_before(text, start))
            return
    # a transliterated name of four characters with no surname: after a boundary or a role word (员工阿旺罗布,
    # not 工阿旺罗 of it)
    start = end - 4
    candidate = text[start:end]
    if (
        start >= 0
        and _CJK_RUN.fullmatch(candidate)
        and _no_surname_name(candidate)
        and not _TRIGGER_BEFORE.search(text, max(0, start - 23), start + 1)  # (女儿叶海南: not 儿叶海南)
        and _TRIGGER_AT.match(text, start) is None  # (员工夏天（…）: a role word and a name)
    ):
        before = text[start - 1] if start else "\n"
        if (
            not "\u4e00" <= before <= "\u9fff"
            or before in _ROLE_END
            or before in _NAME_BOUNDARY
            or _TRIGGER_BEFORE.search(text, max(0, start - 24), start)
        ):
            add(start, end, _kind_before(text, start))


# An ID number standing as a record's cell (after ；, a comma, a tab or a line end, perhaps quoted), and
# the cell before it: 北海…店；林和平；612525…；, "刘红梅","4501…", 乌兰其其格⏎5101…
_ID_CELL = re.compile(r"[；;,，\t\n\"][ \t]*\"?(?P<id>\d{6}[ ]?\d{8}[ ]?\d{3}[\dXx]|\d{15})(?![\dA-Za-z])")
_CELL_BEFORE = re.compile(
    r"(?:^|[；;,，\t\n])[ \t]*\"?(?P<name>[^；;,，\t\n\"]{2,20})\"?[ \t]*[；;,，\t\n][ \t]*\"?$"
)


def _names_before_id_cells(text: str, add: Callable[[int, int, FieldType], None]) -> None:
    """A cell shaped as a person's name (a surname and a given name, a transliterated name, a Latin one)
    right before a cell holding a valid ID number, in a record whose cells are separated (；-joined,
    CSV, tab, one per line): the number is that person's, and so the cell names him, whatever the
    record's headers say."""
    for m in _ID_CELL.finditer(text):
        number = m.group("id").replace(" ", "")
        low = max(0, m.start() - 26)
        cell = _CELL_BEFORE.search(text, low, m.start("id"))  # (the match opens on the separator)
        if cell is None or not (id_checksum_ok(number) if len(number) == 18 else id_shaped(number)):
            continue
        name = cell.group("name").strip()
        start = cell.start("name") + cell.group("name").index(name)
        words = re.split(r"[ ·.]", name)
        person = (
            (
                _NAME_EXACT.fullmatch(name) is not None
                and _ORG_IN_NAME.search(name) is None
                and name not in _NOT_NAMES
            )
            or tables.transliterated_name(name)
            or (
                name.isascii()
                and (_capitals_name(words) or _passport_style_name(words) or _pinyin_name(words))
            )
        )
        if person and name not in _TRIGGERS:
            add(start, start + len(name), _kind_before(text, start))


# A row of a table that holds a natural person's record: a valid ID number in a cell of its own, or a cell
# saying the party is a natural person (自然人).
_PERSON_ROW_MARK = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|自然人)(?![0-9A-Za-z])")
# What separates a row's cells: markup, tabs, pipes and box rules, a run of spaces (and a CSV's commas,
# read only in a line that has no sentence's punctuation).
_ROW_CELL_SEPARATOR = re.compile(r"<[^<>\n]{0,40}>|[\t|｜│┃丨]|[ \u3000]{2,}")
_CSV_SEPARATOR = re.compile(r"<[^<>\n]{0,40}>|[\t|｜│┃丨,]|[ \u3000]{2,}")
# The scanner's and OCR's specks at a cell's edge (_宋某, 宋某─, ·宋某).
_CELL_SPECKS = " \t\u3000_·'`\"“”─﹒.．丨|｜"
_TITLED_WORD = re.compile(r"[A-Z][a-z]{1,12}")


def _person_cell(value: str) -> bool:
    """A table cell's whole value shaped as a person's name: a surname and one or two characters (or a
    Latin given name), a transliterated or dotted name, or two or three Latin words of a name."""
    if _NAME_EXACT.fullmatch(value) is not None or ner.MIXED_SCRIPT_NAME.fullmatch(value) is not None:
        head = 2 if value[:2] in COMPOUND_SURNAMES and len(value) > 2 else 1
        return (
            value[:2] not in _NOT_NAMES
            and value not in _NOT_NAMES
            and value not in _TRIGGERS
            and _ORG_IN_NAME.search(value) is None
            and tables.HEADER_WORD.search(value) is None
            and value[head] not in _NOT_GIVEN_START
            and value[-1] not in _PLACE_CHARS
            and _NOT_IN_GIVEN_NAME.isdisjoint(value[head:])
        )
    if "·" in value or tables.transliterated_name(value):
        return _ORG_IN_NAME.search(value) is None and tables.HEADER_WORD.search(value) is None
    words = value.split()
    return value.isascii() and (
        _capitals_name(words)
        or _passport_style_name(words)
        or (2 <= len(words) <= 3 and all(_TITLED_WORD.fullmatch(w) for w in words))
    )


def _name_cells_of_person_rows(text: str, names: dict[str, FieldType]) -> list[Finding]:
    """In a table's row that is a natural person's record (a valid ID number or 自然人 in a cell of its
    own), each cell holding just a name's shape is a person's name, wherever the row puts it (before the
    number, after it, twice): the row's other cells are numbers, dates, taxes and organisations."""
    found: list[Finding] = []
    done: set[int] = set()
    for m in _PERSON_ROW_MARK.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if line_start in done:
            continue
        mark = m.group()
        if mark != "自然人" and not id_checksum_ok(mark):
            continue
        done.add(line_start)
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end]
        csv = line.count(",") >= 3 and not any(ch in line for ch in "。，；")
        separator = _CSV_SEPARATOR if csv else _ROW_CELL_SEPARATOR
        if separator.search(line) is None:
            continue  # (a sentence, not a row)
        position = 0
        for cut in [*separator.finditer(line), None]:
            cell_end = cut.start() if cut is not None else len(line)
            raw = line[position:cell_end]
            value = raw.strip(_CELL_SPECKS)
            if 2 <= len(value) <= 24 and _person_cell(value) and _MASKED_BY_HAND.search(value) is None:
                start = line_start + position + raw.index(value)
                found.append(
                    Finding(start, start + len(value), names.setdefault(value, FieldType.PERSON_NAME))
                )
            position = cut.end() if cut is not None else len(line)
    return found


# A cell ending in a company's or a shop's legal form, then the next cell (a CSV's comma, a tab, a pipe or a
# box rule, markup, a run of spaces, or the next line of a table flattened one cell per line).
_ORG_CELL_THEN_CELL = re.compile(
    r"(?:有限责任公司|股份有限公司|有限公司|公司|集团|商行|商店|超市|门市部|经营部|店|厂|合作社|事务所|工作室|铺|坊)"
    r"(?P<gap>[\"'”]?[ \t]*(?:[,，\t|｜│┃\n]|(?:[ \t]*<[^<>\n]{0,40}>)+|[ \u3000]{2,})[ \t]*)"
    r"(?P<cell>[^,，\t|｜│┃\n<>]{2,16})(?=$|[,，\t|｜│┃\n<]|[ \u3000]{2,})",
    re.M,
)


def _name_cells_after_organisations(text: str, names: dict[str, FieldType]) -> list[Finding]:
    """A cell holding just a name's shape right after a cell holding a company's or a shop's name: in a
    register of organisations the next cell naming someone is its representative or its owner, a person
    (…有限公司,"某某"; 某某水果店</td><td>某某; …公司⏎某某⏎ one cell per line)."""
    found: list[Finding] = []
    for m in _ORG_CELL_THEN_CELL.finditer(text):
        raw = m.group("cell")
        value = raw.strip(_CELL_SPECKS)
        if len(value) < 2 or not _person_cell(value) or _MASKED_BY_HAND.search(value) is not None:
            continue
        start = m.start("cell") + raw.index(value)
        found.append(Finding(start, start + len(value), names.setdefault(value, FieldType.PERSON_NAME)))
    return found


_IDENTIFIERS = frozenset({FieldType.ID_NUMBER, FieldType.PHONE, FieldType.EMAIL, FieldType.TRAVEL_DOCUMENT})
# The cell before a value's cell: its separator (a line break, a tab, a comma, a pipe or a box rule, markup)
# right before the value, and the cell's text back to the separator before it.
_CELL_BEFORE_VALUE = re.compile(
    r"(?:^|[\n\t,|｜│┃>])(?P<cell>[^\n\t,|｜│┃<>]{2,20})"
    r"(?:[\"'”]?[ \t]*(?:[\n\t,|｜│┃]|(?:<[^<>\n]{0,40}>[ \t]*)+)[ \t]*[\"'“]?)$"
)


def _name_cells_before_identifiers(
    text: str, found: list[Finding], names: dict[str, FieldType]
) -> list[Finding]:
    """A cell holding just a name's shape right before a cell holding a person's identifier (an ID or
    passport number, a phone number, an e-mail address, found as personal): in a register the identifier
    is that person's, so the cell names him (1⏎某某⏎abc@163.com⏎…; "某某","E12345678",…)."""
    added: list[Finding] = []
    for f in found:
        if f.field_type not in _IDENTIFIERS:
            continue
        m = _CELL_BEFORE_VALUE.search(text, max(0, f.start - 32), f.start)
        if m is None:
            continue
        raw = m.group("cell")
        value = raw.strip(_CELL_SPECKS)
        if len(value) < 2 or not _person_cell(value) or _MASKED_BY_HAND.search(value) is not None:
            continue
        start = m.start("cell") + raw.index(value)
        added.append(Finding(start, start + len(value), names.setdefault(value, FieldType.PERSON_NAME)))
    return added


# A run of a transliterated name's characters (tables.TRANSLITERATION_CHARS), whole: neither a character
# of the set before it nor after it.
_TRANSLITERATED_RUN = re.compile(
    rf"(?<![{tables.TRANSLITERATION_CHARS}])[{tables.TRANSLITERATION_CHARS}]{{4,9}}(?![{tables.TRANSLITERATION_CHARS}])"
)
# What follows a place's or an organisation's name (克拉玛依市, …公司), never a person's.
_PLACE_OR_ORG_AFTER = frozenset("市县区州旗盟镇乡村路街道巷号楼公司店厂局所部院校社会站行")
# …or an autonomous area's or a people's (木兰哈萨克自治州, 巴音蒙古族): a place, no one's name
_AUTONOMOUS_AFTER = re.compile(r"族|自治[州县区旗]")
# A role noun that the role words do not list but that may stand right before a name (税务师, 会计师).
_ROLE_NOUN_END = _ROLE_END | frozenset("师")


def _transliterated_names(text: str, add: Callable[[int, int, FieldType], None]) -> None:
    """Names with no surname transliterated from Tibetan, Mongolian, Uyghur or Kazakh, of four to nine
    characters (办税人员次仁卓玛电话…, 证人阿不都热依木的…, 其妻子格桑拉姆名下): a whole run of such characters
    right after a role word or a role noun, or opening a line with the addressee's identifier after it
    (乌兰其其格：（身份证件号码…）. The run stops at any other character, so the name's end needs no list of
    what may follow it; a run followed by a place's or an organisation's word (克拉玛依市) is no name."""
    if not _TRANSLITERATION_HINT.search(text):
        return
    for m in _TRANSLITERATED_RUN.finditer(text):
        start, end = m.span()
        if text[end : end + 1] in _PLACE_OR_ORG_AFTER or _AUTONOMOUS_AFTER.match(text, end):
            continue
        trigger = _TRIGGER_BEFORE.search(text, max(0, start - 24), start)
        if trigger is not None:
            add(start, end, _TRIGGERS[trigger.group("trigger")])
            continue
        before = text[start - 1] if start else "\n"
        if before in _ROLE_NOUN_END:
            add(start, end, FieldType.THIRD_PARTY_NAME)
        elif not text[text.rfind("\n", 0, start) + 1 : start].strip() and _ADDRESSEE.match(text, end):
            add(start, end, FieldType.PERSON_NAME)


# Two characters that open most transliterated names (a cheap test before the scan above).
_TRANSLITERATION_HINT = re.compile(
    r"扎西|次仁|卓玛|格桑|拉姆|央金|达瓦|多吉|顿珠|平措|尼玛|巴桑|罗布|强巴|洛桑|丹增|索朗|德吉|白玛|阿旺|乌兰|其其|巴特|"
    r"巴图|孟和|额尔|斯琴|高娃|萨仁|阿不|阿布|热依|买买|艾力|古丽|吐尔|艾尼|努尔|帕提|热合|玉素|阿依|迪丽|阿迪"
)


def _kind_before(text: str, start: int) -> FieldType:
    """The kind named by a role word right before ``start`` (法定代表人：…), else a third party."""
    m = _TRIGGER_BEFORE.search(text, max(0, start - 24), start)
    return _TRIGGERS[m.group("trigger")] if m is not None else FieldType.THIRD_PARTY_NAME


def _find_names(
    text: str,
    known: Mapping[str, FieldType],
    *,
    individual_business_address: bool = True,
    public_cells: list[tuple[int, int]] | None = None,
    public_addresses: list[tuple[int, int]] | None = None,
) -> tuple[list[Finding], dict[str, FieldType]]:
    """Names introduced by a trigger or followed by a telling context, plus the names passed in.
    ``public_cells`` receives the table cells that hold an organisation's own phone number or old
    taxpayer number, ``public_addresses`` the address cells a table's row keeps public."""
    found: list[Finding] = []
    names: dict[str, FieldType] = dict(known)

    def add(start: int, end: int, kind: FieldType) -> None:
        name = text[start:end]
        if name[-2:] in _COURTESY_TITLES and _surname_and_title(text, start, end):
            return  # 联系人：王老师, 欧阳先生: de-identified already, whichever rule read it
        found.append(Finding(start, end, names.setdefault(name, kind)))

    for m in _TRIGGERED_NAME.finditer(text):
        name_end = m.end("name")
        # (a name with no surname is looked for only where the surname rule found none, or after a name
        # of three characters that a fourth goes on: the call costs more than this test)
        if name_end < 0 or (
            name_end - m.start("name") == 3 and "\u4e00" <= text[name_end : name_end + 1] <= "\u9fff"
        ):
            other = _no_surname_value(text, m)
            if other is not None:
                role = _TRIGGER_AT.match(text, other[0])
                if role is None:
                    add(other[0], other[1], _TRIGGERS[m.group("trigger")])
                elif other[1] - role.end() >= 2 and _NAME_EXACT.fullmatch(text, role.end(), other[1]):
                    add(
                        role.end(), other[1], _TRIGGERS[role.group()]
                    )  # 被检举人亲属黄金: a role word, a name
                continue
            if name_end < 0:
                continue
        if m.start("name") == m.end("trigger") and text[m.start("name")] in "和与及或并经":
            continue  # 负责人和办税人, 纳税人和走逃失联户, 纳税人经电话联系: a conjunction or 经, not a surname
        if (
            m.group("trigger") == "被申请人"
            and m.start("name") == m.end("trigger")
            and text[m.start("name")] in "向对将把给由从"
        ):
            # (the respondent of a review is the bureau, never followed by its own name: 被申请人向…送达 is a
            # preposition opening its object, which the model reads; 财务负责人向某 is a surname)
            continue
        if (
            m.group("trigger") in _LABEL_ONLY
            and _LABEL_SEPARATOR.search(text, m.end("trigger"), m.start("name")) is None
            and not _name_in_apposition(text, m.end("trigger"), m.start("name"), name_end)
        ):
            continue  # 受票方利用他人虚开的发票 (a rule's wording): these name a person only as a label
        if (half := _signed_twice(text, m.end("trigger"), m.start("name"))) is not None:
            # 受送达人签名或盖章⏎高明高明: the name signed and printed beside it, each half a name
            start = m.start("name")
            add(start, start + half, _TRIGGERS[m.group("trigger")])
            add(start + half, start + 2 * half, _TRIGGERS[m.group("trigger")])
            continue
        if _header_line_below(text, m.end("trigger"), m.start("name")):
            continue  # 法定代表人⏎许可决定书文号: a table's header cells one per line, not a label and its value
        kind = _TRIGGERS[m.group("trigger")]
        value = _label_value(text, m.end("trigger"), m.start("name"))
        if value is not None and (
            (len(value) > 4 and _ORG_IN_NAME.search(value))
            or _PREMASKED.search(value)
            or value in _TRIGGERS
            or value in _HEADER_WORDS
        ):
            # 纳税人名称：乌鲁木齐市…理发店 (an organisation's name), 王某某 (masked already), 代理人	经办人
            # (a header row of role words)
            continue
        if (
            value is not None
            and _NAME_EXACT.fullmatch(value)
            and (len(value) <= 3 or value[:2] in COMPOUND_SURNAMES)
        ):
            # A label's whole value shaped as a name is one, even when it is also a word (经营者：白中华).
            end: int | None = m.start("name") + len(value)
        else:
            end = _trim_name(text, m.start("name"), m.end("name"))
        if end is None:
            continue
        add(m.start("name"), end, kind)
        if _wrapped_given_name(text, m.start("name"), end):
            add(end + 1, end + 2, kind)  # 财务负责人李光⏎健转款: the line broke inside the name
        while (nxt := _LIST_NEXT.match(text, end)) is not None:
            next_end = _trim_name(text, nxt.start("name"), nxt.end("name"))
            if next_end is None:
                break
            add(nxt.start("name"), next_end, kind)
            end = next_end
        if text[end : end + 1] in "、，," and (latin := _latin_name_at(text, end + 1)) is not None:
            add(latin[0], latin[1], kind)  # 执法人员：常艳健、Tanaka Hiroshi: the role's list goes on
    _transliterated_names(text, add)
    _names_before_id_cells(text, add)
    for m in _FOUR_AFTER_LABEL.finditer(text):
        name = m.group("name")
        if (
            not tables.minority_name(name)
            or name in _TRIGGERS
            or _ORG_IN_NAME.search(name)
            or tables.HEADER_WORD.search(name)  # (负责人\t文书名称: a header's next cell)
        ):
            continue
        if name[-1] in _DEPARTMENT_END:
            continue  # (联系人：稽查一科: an office's department)
        label = _LABEL_BEFORE.search(text, max(0, m.start() - 24), m.start())
        if label is not None:
            add(m.start("name"), m.end("name"), _TRIGGERS[label.group("trigger")])
    for m in _TWO_AFTER_LABEL.finditer(text):
        name = m.group("name")
        if (
            not tables.NOT_IN_MINORITY_NAME.isdisjoint(name)
            or name in _TRIGGERS
            or name[0] in SINGLE_SURNAMES  # (a Han name: the trigger rule's)
            or _ORG_IN_NAME.search(name)
        ):
            continue
        label = _PERSON_LABEL_END.search(text, max(0, m.start() - 5), m.start())
        if label is not None:
            add(m.start("name"), m.end("name"), _TRIGGERS[label.group()])
    for m in _ALIAS.finditer(text):
        if not _MASKED_BY_HAND.search(m.group("name")):
            add(m.start("name"), m.end("name"), FieldType.PERSON_NAME)
    if INDIVIDUAL_BUSINESS.search(text) is not None:
        _shop_owners(text, names)

    def add_cell(start: int, end: int, role: str) -> None:
        if role == tables.HOME:
            found.append(Finding(start, end, FieldType.HOME_ADDRESS))
        elif role == tables.DOCUMENT:
            if not _completes_uscc(text, end, text[start:end]):  # (not a credit code cut by a line break)
                found.append(Finding(start, end, FieldType.TRAVEL_DOCUMENT))
        elif role == tables.IDENTITY:
            found.append(Finding(start, end, FieldType.ID_NUMBER))
        elif role == tables.BANK:
            found.append(Finding(start, end, FieldType.BANK_ACCOUNT))
        elif role == tables.PHONE:
            found.append(Finding(start, end, FieldType.PHONE))
        elif role == tables.OTHER_NAME:
            add(start, end, FieldType.THIRD_PARTY_NAME)
        elif role == tables.OFFICER_NAME:
            add(start, end, FieldType.OFFICIAL_NAME)
        elif role in (tables.PUBLIC_PHONE, tables.PUBLIC_CODE):
            if public_cells is not None:
                public_cells.append((start, end))
        elif role == tables.PUBLIC_ADDRESS:
            if public_addresses is not None:
                public_addresses.append((start, end))
        else:
            add(start, end, FieldType.PERSON_NAME if role == tables.PARTY else FieldType.REPRESENTATIVE_NAME)

    tables.find_table_cells(text, add_cell, individual_business_address=individual_business_address)
    for m in _TRAILING.finditer(text):
        _look_back(text, m.start(), add, boundary=False)
    if "（" in text or "(" in text:
        for m in _KIN_BRACKET.finditer(text):
            _look_back(text, m.start(), add, boundary=True)
    if "（" in text or "(" in text:
        for m in _IDENTIFIER_AFTER.finditer(text):
            _name_before_identifier(text, m.start(), add)
    for m in _ADDRESSEE.finditer(text):
        _look_back(text, m.start(), add, boundary=True)
    addressees = list(_ADDRESSEE_LINE.finditer(text))
    if "号" in text:
        addressees += _ADDRESSEE_UNDER_NUMBER.finditer(text)
    for m in addressees:
        name = m.group("name")
        head = 2 if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else 1
        if len(name) - head <= 2 and name not in _TRIGGERS and name[:2] not in _NOT_NAMES:
            add(m.start("name"), m.end("name"), FieldType.PERSON_NAME)
    for m in _SIGNED_FOR.finditer(text) if "代收" in text else ():
        name = _SPACE.sub("", m.group("name"))
        if name not in _TRIGGERS:  # (a word-like name too: the signature's place says it is one)
            add(m.start("name"), m.end("name"), FieldType.THIRD_PARTY_NAME)
    for m in _ADDRESSEE_OTHER_UNDER_NUMBER.finditer(text) if "号\n" in text else ():
        name = m.group("name")
        if tables.HEADER_WORD.search(name) is not None or _PHONE_CONTEXT.search(name) is not None:
            continue  # 咨询电话：12366, 服务热线： under the number: the bureau's contact line, no addressee
        if _shop_named_after(text, m.start("name"), m.end("name")):
            continue  # 巴特尔·朝鲁便利店（纳税人识别号：…）: a shop named after its owner, published
        if name not in _TRIGGERS and (
            tables.minority_name(name)
            or _no_surname_name(name)
            or "·" in name
            or _LATIN_ALIAS.fullmatch(name)
        ):
            add(m.start("name"), m.end("name"), FieldType.PERSON_NAME)
    # (after the tables and the addressees: a name they give a kind keeps it, 巴特尔·孟和 under 法定代表人)
    _find_latin_and_dotted_names(text, add)
    for m in _VERB_AFTER.finditer(text):
        _look_back(text, m.start(), add, boundary=True)
    # (scanned apart: a literal head is found at once, where the look-ahead above would stop at every 等)
    for m in _CONTACT_OR_GROUP.finditer(text):
        _look_back(text, m.start(), add, boundary=True)
    for m in _NAME_AFTER_VERB.finditer(text):
        start = m.start("name")
        if _TRIGGER_AT.match(text, start) is not None or text[start : m.end("name")] in _TRIGGERS:
            continue  # 委托代理人, 通知当事人: a role word, not a name
        end = _trim_name(text, start, m.end("name"))
        if end is not None:
            add(start, end, FieldType.THIRD_PARTY_NAME)
    if "、" in text and ("*" in text or "＊" in text or "某" in text):
        # In a list of people the bureau masked already (林邦国、**、***三人), the unmasked one is a name too.
        for m in _BEFORE_MASKED.finditer(text):
            _look_back(text, m.start(), add, boundary=True)
        for m in _AFTER_MASKED.finditer(text):
            end = _trim_name(text, m.start("name"), m.end("name"))
            if end is not None and text[end : end + 1] in _LIST_END:
                add(m.start("name"), end, _kind_before(text, m.start()))
    return found, names


_MASK_CHARS = frozenset("*＊×")


def _beside_mask(text: str, start: int, end: int) -> bool:
    """Whether a surname stands next to the bureau's own mask (欧阳**): masked already, left as it is."""
    return text[end : end + 1] in _MASK_CHARS or (start > 0 and text[start - 1] in _MASK_CHARS)


def _find_name_occurrences(text: str, names: Mapping[str, FieldType]) -> list[Finding]:
    """Every standalone occurrence of a known or discovered name (not inside an organisation name).

    Scans as an alternation of the names, longest first, would (leftmost occurrence, the longest
    name starting there, then on from its end) but with ``str.find``: the names differ from text to
    text, and compiling a pattern for each text cost more than the search.
    """
    longest: dict[int, int] = {}  # start → length of the longest name found there
    for name in names:
        length = len(name)
        if length < 2:
            continue
        at = text.find(name)
        while at >= 0:
            if longest.get(at, 0) < length:
                longest[at] = length
            at = text.find(name, at + 1)
    found: list[Finding] = []
    end = 0
    for start in sorted(longest):
        if start < end:
            continue
        end = start + longest[start]
        if _in_org_name(text, end) or _beside_mask(text, start, end) or _in_wrapped_org_name(text, end):
            continue
        found.append(Finding(start, end, names[text[start:end]]))
    if "\n" in text:
        found += _wrapped_occurrences(text, names)
    return found


def _wrapped_occurrences(text: str, names: Mapping[str, FieldType]) -> list[Finding]:
    """A name found once, elsewhere broken by a line break (PDF text cut at a fixed width: 邵瑞⏎天):
    each part on its line is masked."""
    found: list[Finding] = []
    for name, kind in names.items():
        for cut in range(1, len(name)):
            broken = name[:cut] + "\n" + name[cut:]
            at = text.find(broken)
            while at >= 0:
                end = at + len(broken)
                if not _in_org_name(text, end):
                    found += [Finding(at, at + cut, kind), Finding(at + cut + 1, end, kind)]
                at = text.find(broken, end)
    return found


# A web address: nothing inside it is masked (an 11-digit number in a path is not a mobile number). A
# PDF line may cut it: it goes on at the next line's start when that holds more of a path (a slash)
# and the line did not end on a page's extension (…gov.⏎cn/art/…, …/art⏎/2022/5/…).
_URL_CHARS = "[^\\s，。；、（）()<>\"'\u4e00-\u9fff]"
_URL_GOES_ON = rf"(?:(?<!\.html)(?<!\.htm)(?<!\.shtml)(?<!\.pdf)\n(?={_URL_CHARS}*/){_URL_CHARS}+)?"
_URL = re.compile(
    rf"(?=[hHwW0-9A-Za-z])(?:https?://|www\.){_URL_CHARS}+{_URL_GOES_ON}"
    r"|(?<![@\w.])(?:[A-Za-z0-9\-]+\.)+(?:gov\.cn|com\.cn|org\.cn|net\.cn|cn|com|net|org)"
    rf"/{_URL_CHARS}*"
)


def _outside_urls(text: str, found: list[Finding]) -> list[Finding]:
    if "://" not in text and "www." not in text and "/" not in text:
        return found
    urls = [(m.start(), m.end()) for m in _URL.finditer(text)]
    if not urls:
        return found
    return [
        f
        for f in found
        if f.field_type is FieldType.EMAIL or not any(a <= f.start and f.end <= b for a, b in urls)
    ]


_NOT_MODEL_NAME = re.compile(r"[*＊某X×○]|^[一二三四五六七八九十]")


# Characters no given name holds (an office's, a tax's or a document's words) and one that starts none in
# running text (时在…): a candidate holding them goes to no model.
_NOT_IN_GIVEN_NAME = _OFFICE_CHARS | frozenset("票款费证号十百千零〇")
_NOT_GIVEN_START_IN_TEXT = frozenset("在")
_NOT_CANDIDATE_END = frozenset("路街道巷区县镇村号省市州局厅处科室组队所站院校园楼栋幢层门店税罚")


def _doubtful(
    text: str, spans: list[tuple[int, int]], names: Mapping[str, FieldType]
) -> list[tuple[int, int]]:
    """The candidates worth the model's time: not a word the rules know (经营者, 单位, 长江路 …), not a
    name already found, and each distinct string once (the model's verdict holds for all its places)."""
    seen: set[str] = set(names)
    kept: list[tuple[int, int]] = []
    at: dict[str, int] = {}  # a candidate's string → its place in ``kept``
    for start, end in spans:
        name = text[start:end]
        head = 2 if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else 1
        if name in seen:
            # (its first place may be inside a shop's name, 李某某便利店…，李某某：, where the model's name
            # ends at no name's end; a later place that ends as a name does is the one read)
            if (
                name in at
                and not ner.ends_at_boundary(text, kept[at[name]][1])
                and ner.ends_at_boundary(text, end)
            ):
                kept[at[name]] = (start, end)
            continue
        seen.add(name)
        if (
            name[:2] in _NOT_NAMES
            or name in _TRIGGERS
            or text.startswith(name, start)
            and _TRIGGER_AT.match(text, start)
            or name[head] in _NOT_GIVEN_START
            or name[-1] in _NOT_CANDIDATE_END
            or text[end : end + 1] in _NOT_CANDIDATE_END
            or not _NOT_IN_GIVEN_NAME.isdisjoint(name[head:])  # (主管税务机关, 中华人民共和国发票)
            or name[head] in _NOT_GIVEN_START_IN_TEXT  # (时在广州)
            or name[head:] in _COURTESY_TITLES  # (王老师: a surname and a title, no name)
            or _ORG_RUN.match(text, end) is not None  # (杭州昌盛贸易有限公司: a company's head)
        ):
            continue
        at[name] = len(kept)
        kept.append((start, end))
    return sorted(kept)  # (a later place taken for an earlier one: the model's windows need them in order)


_NUMBER_BRACKETS = frozenset("〔[［【")
# An unbroken run of characters ending in a company's suffix (…和餐饮服务有限公司)
# (no function word inside, as in _ORG_TAIL, but 和 may stand in a trade name: 佳和)
_ORG_RUN = re.compile(
    rf"(?:(?![在系于是的为与及向对从被将由等任担经已未不曾现该其本此])[{CJK}]){{0,14}}?"
    r"(?:有限责任公司|股份有限公司|有限公司|分公司|公司|合作社|事务所)"
)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A model's span without the line breaks and spaces its tokens carry (耿丹嘉⏎)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _model_findings(
    text: str, found: list[Finding], names: dict[str, FieldType], model: str
) -> list[Finding]:
    """Names the model finds where the rules left a doubtful one (``gated``) or anywhere (``all``)."""
    backend = ner.load() if model != "off" else None
    if backend is None:
        return []
    if model == "all":
        spans = ner.run_on_all_text(text, backend)
    else:
        covered = bytearray(len(text))
        for f in found:
            covered[f.start : f.end] = b"\x01" * (f.end - f.start)
        doubtful = _doubtful(text, ner.candidates(text, lambda a, b: covered.count(1, a, b) == b - a), names)
        spans = ner.model_names(text, doubtful, backend) if doubtful else []
        # The model's name cut short inside a candidate that ends at a boundary (杨才|小30%): the candidate.
        ends = {start: end for start, end in doubtful if ner.ends_at_boundary(text, end)}
        spans = [(a, ends[a]) if a in ends and b < ends[a] and b - a >= 2 else (a, b) for a, b in spans]
        # A name the model reads into the next word (…律師, …安排, …代收) ends where no name ends: dropped (the
        # candidates no longer need a name's end after them, so the model's end must be one).
        spans = [_strip_span(text, a, b) for a, b in spans]
        before_verb = ner.names_before_verbs(text, doubtful) if spans else frozenset()
        spans = [
            (a, b)
            for a, b in spans
            if (ner.ends_at_boundary(text, b) or not _CJK_CHAR.match(text, b) or b in before_verb)
            and text[b : b + 1] not in _NUMBER_BRACKETS  # (桂政发〔2004〕1号: a document number's head)
        ]
    added: list[Finding] = []
    for start, end in spans:
        if end - start == 3 and _OFFICER_CERTIFICATE_HEAD.match(text, end - 1):
            end -= 1  # 郑秀执⏎法证件号: the label's first character (a line break cut it) is no name's
        name = text[start:end]
        dotted = "·" in name
        if not dotted and len(name) >= 3 and name[-1] in _PARTICLES_AFTER_NAME:
            end -= 1  # (你本人及卢超的询问笔录: the model read the particle into the name)
            name = name[:-1]
        if not dotted and len(name) >= 3 and start > 0 and text[start - 1 : start + 1] in _ROLE_WORD_ENDS:
            start += 1  # (受让方姜志敏: the model read the role's 方 into the name)
            name = name[1:]
        mixed = name[-1:].isascii() and name[-1:].isalpha()  # (陈Jason: a surname and a Latin given name)
        if not (2 <= len(name) <= (20 if dotted or mixed else 4)) or _NOT_MODEL_NAME.search(name):
            continue
        if not dotted and not (name[:2] in COMPOUND_SURNAMES or name[0] in SINGLE_SURNAMES):
            continue
        if name in _NOT_NAMES or _in_org_name(text, end) or _beside_mask(text, start, end):
            continue
        if _surname_and_title(text, start, end):
            continue  # (联系人：王老师, 赵女士, 欧阳先生: a surname alone before a title, de-identified already)
        if text[end : end + 1] in "·." and _dotted_shop(text, start):
            continue  # (巴特尔·朝鲁便利店: the owner's name in a shop's, published)
        if _ORG_RUN.match(text, end) is not None or _ORG_IN_NAME.search(name):
            continue  # (兰州佳和餐饮服务有限公司, 孟辉商行: a company's or a shop's name, or its head)
        kind = names.setdefault(name, _kind_before(text, start))
        added.append(Finding(start, end, kind))
    return added


# A particle or a verb no Han given name ends in, which follows a name in a sentence (卢超的…, 苏玲称…).
_PARTICLES_AFTER_NAME = frozenset("的了在称等")
_PEOPLE = frozenset({FieldType.PERSON_NAME, FieldType.THIRD_PARTY_NAME, FieldType.REPRESENTATIVE_NAME})
_NAME_KINDS = _PEOPLE | {FieldType.OFFICIAL_NAME}
# A person's other name in brackets right after his name: the romanised or the Chinese one, also when a
# PDF line break cuts it (陈志明（CHAN Chi-\nming）, NAKAMURA Kenji（中村健二）).
_ALIAS_AFTER = re.compile(
    r"[ \t]*[（(][ \t]*(?P<alias>[^（）()\n，,；;。：:、]{1,30}(?:\n[^（）()\n，,；;。：:、]{1,30})?)[）)]"
)
_LATIN_ALIAS = re.compile(r"[A-Z][A-Za-z'\u00c0-\u017f\-]*(?:[ \t]+[A-Za-z'\u00c0-\u017f\-]+){0,3}")
_CJK_ALIAS = re.compile(f"[{CJK}·]{{2,10}}")


def _alias_shaped(alias: str) -> bool:
    """A name's shape: Latin words opening with a capital (two at least), or Chinese characters that are
    a name (a surname and a given name, a dotted name, four characters of a transliterated name) and no
    role or organisation word (（个体工商户）, （社区工作人员）, （法定代表人）)."""
    joined = alias.replace("\n", "").strip()
    if _LATIN_ALIAS.fullmatch(joined):
        return len(joined.split()) >= 2 or "-" in joined
    if not _CJK_ALIAS.fullmatch(joined) or _ORG_IN_NAME.search(joined) or _TRIGGER_AT.search(joined):
        return False
    return bool(_NAME_EXACT.fullmatch(joined) or "·" in joined or tables.minority_name(joined))


_ALIAS_OPENERS = frozenset("（( \t")


def _bracketed_aliases(text: str, found: list[Finding]) -> list[Finding]:
    """The bracketed other name after every name found (王美玲（WONG Mei Ling）): the same person's."""
    aliases: list[Finding] = []
    for f in found:
        if text[f.end : f.end + 1] not in _ALIAS_OPENERS or f.field_type not in _NAME_KINDS:
            continue
        m = _ALIAS_AFTER.match(text, f.end)
        if m is not None and _alias_shaped(m.group("alias")):
            for part in re.finditer(r"[^\n]+", m.group("alias")):
                aliases.append(
                    Finding(m.start("alias") + part.start(), m.start("alias") + part.end(), f.field_type)
                )
    return aliases


# What the bureau's own masking leaves in a name or an address: 某, asterisks, ×, ○, a run of X.
_MASKED_BY_HAND = re.compile(r"[某*＊×○]|XX")


# An item of a list the bureau masked by hand (XXX, ×××, 罗**, 崔*磊, 吴某1, 某某): a person's place.
_MASKED_ITEM = re.compile(rf"(?:{_NAME_HEAD})?(?:某某?|[*＊×X○]{{1,4}})(?:[{CJK}]|\d{{1,2}})?")
# A run of a transliterated name's characters with no surname, as a list's item (其其格, 买买提艾力)
_TRANSLITERATED_ITEM = re.compile(rf"[{tables.TRANSLITERATION_CHARS}]{{3,9}}")
# What may stand right before a list's first item: punctuation, or the verb or preposition that opens the
# list (通过张三、李四…, 转给张三、…, 包括张三、…, 参与人员有张三、…)
_LIST_OPENERS = frozenset("过给向由有括为是即派将把让被对与和及从经据用托请佣知谈令叫问了到")
# What ends a list's last item (…、李四等个人账户, …、李四和王五, …、李四三人, …、李四。)
_ITEM_END = re.compile(r"[ \t]*(?:[、等和及与，,。；;（(\n]|$|[二两三四五六七八九十]人)")
# A list's tail that says its items are people (…等人, …等三人, …等个人账户, …等5名)
_PEOPLE_TAIL = re.compile(r"等(?:[二两三四五六七八九十]|\d{1,2})?(?:人(?![民员])|个人|名)")
_LIST_GAP = " \t\n"
_NOT_BEFORE_ITEM = re.compile(r"[0-9A-Za-z*＊×○]")  # (…号码******、家庭: the item is no mask's tail)
_ITEM_LONGEST = 7


def _item_shape(item: str) -> str | None:
    """How a list's item, read whole, stands for a person: ``"masked"`` (the bureau's mask), ``"name"`` (a
    name's shape: a surname and one or two characters, or a transliterated name with no surname) or None."""
    if _MASKED_ITEM.fullmatch(item) and len(item) >= 2 and _MASKED_BY_HAND.search(item):
        return "masked"
    if item in _TRIGGERS or _ORG_IN_NAME.search(item):
        return None
    if _NAME_EXACT.fullmatch(item):
        head = 2 if item[:2] in COMPOUND_SURNAMES and len(item) > 2 else 1
        given = item[head:]
        if (
            len(given) <= 2
            and _NOT_IN_GIVEN_NAME.isdisjoint(given)
            and given[-1] not in _NOT_CANDIDATE_END
            and given[-1] not in _NOT_LAST_AT_END  # (石油等: the list's tail, not a name's end)
        ):
            return "name"
    return "name" if _TRANSLITERATED_ITEM.fullmatch(item) else None


def _first_item(text: str, end: int) -> tuple[int, str] | None:
    """The first item of a list, ending at ``end``: the longest with a person's shape that follows
    punctuation or the word that opens the list (再通过梁东、… reads 梁东)."""
    for length in range(_ITEM_LONGEST, 1, -1):
        start = end - length
        if start < 0:
            continue
        before = text[start - 1 : start]
        if before and (
            _CJK_CHAR.match(before) and before not in _LIST_OPENERS or _NOT_BEFORE_ITEM.match(before)
        ):
            continue
        shape = _item_shape(text[start:end])
        if shape is not None:
            return start, shape
    return None


def _last_item(text: str, start: int) -> tuple[int, str] | None:
    """The last item of a list, from ``start``: the longest with a person's shape that ends the list."""
    for length in range(_ITEM_LONGEST, 1, -1):
        end = start + length
        if end > len(text) or _ITEM_END.match(text, end) is None:
            continue
        shape = _item_shape(text[start:end])
        if shape is not None:
            return end, shape
    return None


def _listed_people(text: str, found: list[Finding]) -> list[tuple[int, int]]:
    """The items of a name's shape in a list joined by 、 that holds a person: an item the bureau masked by
    hand, a name found, or a tail that counts people (该公司通过梁东、XXX、扎西多吉等个人账户…: 梁东 and
    扎西多吉 are payees as XXX is). A list is read only as far as its items keep a person's shape."""
    # (an official's name found is a person's place too, but stays the official's: the masked text, where
    # the mask stands for it, must read as the text did)
    people = {f.start: f.end for f in found if f.field_type in _NAME_KINDS}
    ending = {f.end: f.start for f in found if f.field_type in _NAME_KINDS}
    officials = {(f.start, f.end) for f in found if f.field_type is FieldType.OFFICIAL_NAME}
    out: list[tuple[int, int]] = []
    at = text.find("、")
    while at >= 0:
        # the list's items: (start, end, shape) in order, from its first 、 on
        end = at
        while end > 0 and text[end - 1] in _LIST_GAP:
            end -= 1
        first = _first_item(text, end)
        items = [(a, end, "found") for a, b in people.items() if b == end]
        if first is not None and all(first[0] < a for a, _, _ in items):
            # (the model's 艾力 ends the list's first item 买买提艾力: the whole item is the name)
            items.append((first[0], end, first[1]))
        sep = at
        while True:
            start = sep + 1
            while start < len(text) and text[start] in _LIST_GAP:
                start += 1
            nxt = text.find("、", start, start + _ITEM_LONGEST + 3)
            stop = nxt
            while nxt >= 0 and stop > start and text[stop - 1] in _LIST_GAP:
                stop -= 1
            # (a name found may end an item whose head a line break cut off: 阿⏎卜杜·热西提)
            shape = "found" if start <= ending.get(stop, -1) else _item_shape(text[start:stop])
            if nxt >= 0 and shape is not None:
                items.append((start, stop, shape))
                sep = nxt
                continue
            last = (people[start], "found") if start in people else _last_item(text, start)
            if last is not None:
                items.append((start, last[0], last[1]))
            break
        tail = items[-1][1] if items else sep
        if any(shape != "name" for _, _, shape in items) or _PEOPLE_TAIL.match(text, tail):
            out += [(a, b) for a, b, shape in items if shape == "name" and (a, b) not in officials]
        at = text.find("、", max(sep, tail) + 1)
    return out


def _list_neighbours(text: str, found: list[Finding], names: dict[str, FieldType]) -> list[Finding]:
    """A name listed next to a name found (转出给独孤秀、张三、李四等; 。连淼与桑丹共同出资) or next to one the
    bureau masked (通过梁东、XXX、…): the one left over is a name too."""
    added: list[Finding] = []

    def add(start: int, end: int, kind: FieldType) -> None:
        added.append(Finding(start, end, names.setdefault(text[start:end], kind)))

    if "、" in text:
        for item_start, item_end in _listed_people(text, found):
            add(item_start, item_end, FieldType.THIRD_PARTY_NAME)
    people = [f for f in found if f.field_type in _PEOPLE]
    starts = {f.start for f in people}
    ends = {f.end for f in people}
    # a name found beside one found goes on along the list (宫梦金、端木霞、麦洞庭: from the last to the first)
    for _ in range(6):
        before = len(added)
        for f in people:
            if f.start > 1 and text[f.start - 1] in _JOINERS and f.start - 1 not in ends:
                # the list's first name may follow the verb that opens the list (参与人员有张三、李四)
                after = _LIST_OPENS if text[f.start - 1] == "、" else frozenset()
                _look_back(text, f.start - 1, add, boundary=True, after=after)
            if text[f.end : f.end + 1] in _JOINERS and f.end + 1 not in starts:
                if (latin := _latin_name_at(text, f.end + 1)) is not None:
                    add(latin[0], latin[1], f.field_type)  # 张三、Tanaka Hiroshi: the list goes on
                    continue
                m = _NAME_EXACT.match(text, f.end + 1)
                if m is not None:
                    end = _trim_name(text, m.start(), m.end())
                    if end is not None and (
                        text[end : end + 1] in _LIST_END
                        or (text[f.end] != "、" and _PAIR_GOES_ON.match(text, end) is not None)
                    ):
                        add(m.start(), end, FieldType.THIRD_PARTY_NAME)
        if len(added) == before:
            break
        people = added[before:]
        starts.update(f.start for f in people)
        ends.update(f.end for f in people)
    return added


_JOINERS = frozenset("、和与及")
_LIST_OPENS = frozenset("有为是括即派")
# What follows two persons joined by 和/与 (张三与李四系夫妻关系, …共同出资, …二人).
_PAIR_GOES_ON = re.compile(r"系|共同|二人|两人|均|分别|夫妇|夫妻|父子|母子|兄弟|姐妹")


_FULL_DATE = re.compile(r"(?:19|20)\d{2}([-./])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])")
_NUMBER_KINDS = frozenset({FieldType.BANK_ACCOUNT, FieldType.PHONE})


def _written_date(text: str, finding: Finding) -> bool:
    """A number that is a whole date written with its separators (2026-05-14, 2026.5.14, even cut by a line
    break): a day, never an account or a phone number, whatever label stands before it."""
    if finding.field_type not in _NUMBER_KINDS:
        return False
    value = _WHITESPACE.sub("", text[finding.start : finding.end])
    return _FULL_DATE.fullmatch(value) is not None


# An address that ends in a tax office's premises (…路177号税务大楼, …号办税服务厅, …号某某税务所) is the
# office's, whoever the line seems to give it to: nobody lives in a tax hall.
_OFFICE_PREMISES = re.compile(
    r"(?:办税服务厅|税务大楼|税务大厦|税务局|稽查局|税务分局|税务所|纳税服务中心)[）)]?$"
)


def _outside_offices(text: str, found: list[Finding]) -> list[Finding]:
    return [
        f
        for f in found
        if f.field_type is not FieldType.HOME_ADDRESS or _OFFICE_PREMISES.search(text, f.start, f.end) is None
    ]


def _outside_bureau_contact(text: str, found: list[Finding]) -> list[Finding]:
    """The bureau's own fixed-line number and office address in its contact group stay published."""
    groups = bureau_contact_groups(text)
    if not groups:
        return found
    kept = []
    for f in found:
        value = text[f.start : f.end]
        if f.start and text[f.start - 1] in "Oo":
            value = "0" + value  # (a scan read the area code's 0 as a letter: O25-…)
        if any(a <= f.start and f.end <= b for a, b in groups) and (
            (f.field_type is FieldType.PHONE and bureau_phone(value))
            or (f.field_type is FieldType.HOME_ADDRESS and bureau_address(value))
        ):
            continue
        kept.append(f)
    return kept


def find_personal_data(
    text: str,
    *,
    known_names: Mapping[str, FieldType] | Iterable[str] = (),
    public_phones: Iterable[str] = (),
    public_emails: Iterable[str] = (),
    model: str = "gated",
    individual_business_address: bool = True,
) -> list[Finding]:
    """All personal data in ``text`` (possibly overlapping; the masker merges them).
    ``individual_business_address``: whether an individual business's place of business is published
    (欠税公告办法第五条 lists it, RULES.md §2A, 🟡: a setting)."""
    if isinstance(known_names, Mapping):
        known = {}
        for k, v in known_names.items():
            if name := str(k).strip():
                known[name] = v if type(v) is FieldType else FieldType(v)
    else:
        known = {str(k).strip(): FieldType.PERSON_NAME for k in known_names if str(k).strip()}
    phones = frozenset(_NON_DIGIT.sub("", p) for p in public_phones) | _ALWAYS_PUBLIC_PHONES
    emails = frozenset(e.strip().lower() for e in public_emails)
    normalised = normalise(text)
    norm = normalised.text
    known = {normalise(k).text: v for k, v in known.items()}
    found = _find_numbers(norm, phones)
    found += _find_damaged_ids(norm)
    if "生" in norm:
        found += _find_birth_dates(norm)
    found += _find_email_and_documents(norm, emails)
    found += _find_addresses(norm, individual_business_address=individual_business_address)
    if "位于" in norm or "落" in norm or "地址为" in norm:
        found += _find_property_addresses(norm)
    public_cells: list[tuple[int, int]] = []
    public_addresses: list[tuple[int, int]] = []
    names_found, names = _find_names(
        norm,
        known,
        individual_business_address=individual_business_address,
        public_cells=public_cells,
        public_addresses=public_addresses,
    )
    found += names_found
    found += _name_cells_of_person_rows(norm, names)
    found += _name_cells_after_organisations(norm, names)
    found += _name_cells_before_identifiers(norm, found, names)
    shaped: list[Finding] = []
    if (
        "室" in norm
        or "房" in norm
        or "组" in norm
        or "单元" in norm
        or ("社" in norm and "村" in norm)
        or "号附" in norm
        or "巷" in norm
        or "弄" in norm
    ):
        shaped = _dwellings_by_shape(norm)
    if shaped or any(f.field_type is FieldType.HOME_ADDRESS for f in found):
        shaped += _address_occurrences(norm, found + shaped)
    if public_addresses:  # a table's reader kept the cell public (a company's seat, a business's place)
        shaped = [f for f in shaped if not any(a <= f.start and f.end <= b for a, b in public_addresses)]
    found += shaped
    if public_cells:
        # an organisation's own number, an old taxpayer number in its row of a list, an invoice's code and
        # number stay, also where a reader of broken numbers joined two such cells (4501193130⏎84330176)
        found = [
            f
            for f in found
            if f.field_type not in (FieldType.PHONE, FieldType.ID_NUMBER, FieldType.BANK_ACCOUNT)
            or not _within_cells(norm, f, public_cells)
        ]
    found += _number_occurrences(norm, found)
    found += _model_findings(norm, found, names, model)
    found += _list_neighbours(norm, found, names)
    found += _find_name_occurrences(norm, names)
    found += _bracketed_aliases(norm, found)
    found = _outside_urls(norm, found)
    if "（" in norm or "(" in norm:
        found = _outside_bracketed_companies(norm, found)
    # A name the bureau masked already (李某某, 王**, ×××) is left byte-identical, whichever rule found it.
    found = [
        f
        for f in found
        if f.field_type not in _NAME_KINDS or _MASKED_BY_HAND.search(norm, f.start, f.end) is None
    ]
    if "联系" in norm or "承办人" in norm or "经办人" in norm:
        found = _outside_bureau_contact(norm, found)
    if "税务" in norm or "办税" in norm:
        found = _outside_offices(norm, found)
    found = [f for f in found if not _written_date(norm, f)]
    if not normalised.breaks:
        return found
    mapped = []
    for f in found:
        start, end = normalised.span(f.start, f.end)
        mapped.append(Finding(start, end, f.field_type))
    return mapped
