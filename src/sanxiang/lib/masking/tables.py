"""Personal data in flattened tables: the column's header says what a cell is.

A list (欠税公告, 非正常户) flattened to text keeps one row per line with its cells separated by tabs,
pipes or runs of spaces, under a header row. A cell under 姓名 / 法定代表人 / 负责人 / 业主 … is a name; a
cell under 住址 is a home address; a cell under 名称 is a name only when the row is a natural person's
(a person-shaped name, not an organisation or shop), and so is an address under 地址 / 住所. Business
addresses (经营地址, 注册地址) stay.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .idcodes import id_checksum_ok, id_shaped, is_enterprise_tin15, is_valid_uscc
from .surnames import COMPOUND_SURNAMES, SINGLE_SURNAMES

CJK = "\u4e00-\u9fff"

NAME, PARTY, HOME, MAYBE_ADDRESS, DOCUMENT, PHONE, IDENTITY, BANK, PERSON_PHONE, PUBLIC_PHONE = (
    "name",
    "party",
    "home",
    "maybe_address",
    "document",
    "phone",
    "identity",
    "bank",
    "person_phone",
    "public_phone",
)
TAXPAYER, PUBLIC_CODE = "taxpayer", "public_code"
# An address cell the row's subject keeps public (a company's seat, a business's place): no rule that reads
# an address by its shape alone may hide it.
PUBLIC_ADDRESS = "public_address"
# An officer's enforcement or inspection certificate number (执法证号, 行政执法公示 lists it beside his name)
# and an invoice's code and number (发票代码 | 发票号码 in a list of invoices): published, however their
# digits look (an 11-digit number of 13… is no mobile there, a 12-digit invoice code of 0… no landline).
CERTIFICATE = "certificate"
# A column headed as a place of business (经营地点, 生产经营地址): masked in a natural person's row like
# any other address, unless the row is a business's (it names an owner or a person in charge, or has a
# code of type 92) and the place names commercial premises (see commercial_premises).
BUSINESS_PLACE = "business_place"

# A place of business that names commercial premises (a shopfront, a stall in a market, an office floor
# in a commercial building, a unit in an industrial or logistics park) and no dwelling (a flat in an
# estate, a village house): the premises a person trades from, published in an arrears notice for an
# individual business or another individual too (欠税公告办法第五条, RULES.md §2A), while a home used
# as the place of business (…小区12栋3单元1907号, …村5组32号) stays a home address.
_COMMERCIAL = re.compile(
    r"门面|商铺|铺面|店面|摊位|档口|市场|商场|商城|商业街|写字楼|商务中心|商务楼|大厦|工业园|产业园|物流园|科技园|"
    r"科学园|软件园|创业园|创意园|孵化|"
    r"园区|厂房|厂区|车间|仓库|广场(?![路街道巷])|一楼\d|\d+层\d+室|[A-Z]区\d+号"
)
_DWELLING = re.compile(
    # (a word of an estate that names a street, 花园街, 新村路, is no dwelling)
    rf"单元|小区|(?:花园|家园|[{CJK}]苑|[{CJK}]村)(?![路街道巷大])\d*组?|公寓|宿舍|住宅|别墅|幢|\d+栋|组\d+号|"
    r"\d{1,3}-[\dlI]{1,2}-\d{3,4}"
)


# A village household's house: a village, its group or team (组, 队, 社) and a house number.
_VILLAGE_HOUSE = re.compile(rf"[{CJK}]村(?:[一二三四五六七八九十]{{1,3}}|\d{{1,2}})(?:组|队|社)\d{{1,4}}号")


def village_house(value: str) -> bool:
    """Whether an address is a village household's house (…石桥村3组18号, …新华村五队30号)."""
    return _VILLAGE_HOUSE.search(value) is not None


def names_dwelling(value: str) -> bool:
    """Whether an address names a dwelling (a flat in an estate, a village house: see _DWELLING)."""
    return _DWELLING.search(value) is not None


def commercial_premises(value: str) -> bool:
    """Whether an address names commercial premises and no dwelling (see _COMMERCIAL)."""
    return _COMMERCIAL.search(value) is not None and _DWELLING.search(value) is None


# A column of other people (从业人员, 承租人) and one of officers (执法人员, 送达人): names, of another kind
# than the subject's representative's (a policy may show the one and hide the other).
OTHER_NAME, OFFICER_NAME = "other_name", "officer_name"
_NAME_ROLES = frozenset({NAME, OTHER_NAME, OFFICER_NAME})
_OFFICER_HEADER = re.compile(r"执法|检查人员|稽查人员|税务人员|承办人|(?<!受)送达人$|审理人员|记录人|主持人")
# Roles of people other than the subject and its representative (RULES.md §1.5: their names are hidden)
_OTHER_PERSON_HEADER = re.compile(
    r"代收人|证人|联系人|办税人|办税员|财务人员|财务负责人|股东|代理人|委托人|被询问人|询问对象|被调查人|调查对象|"
    r"提供人|提供者|出具人|制作人|陈述人|持有人|收件人"
)
# A header naming a person's role: every cell under it is a name (an organisation's cell stays). The
# role word may carry a qualifier (法定代表人（负责人）姓名, 受送达人签名或盖章, 提供人（单位）) but not a
# word that makes the column another datum about that person (法定代表人身份证号码, 负责人电话).
_PERSON_ROLE = (
    r"法定代表人|法人代表|财务负责人|负责人|业主|经营者|投资人|投资者|户主|联系人|办税人|办税员|财务人员|股东|"
    r"提供人|提供者|出具人|制作人|持有人|陈述人|签收人|受送达人|收件人|代收人|送达对象|证人|见证人|代理人|委托人|"
    r"被询问人|询问对象|被调查人|调查对象|被检查人|当事人姓名|"
    r"个人姓名|自然人姓名|纳税人姓名|被处罚人姓名|姓名"
)
_NOT_A_NAME_COLUMN = re.compile(
    r"证件|身份|号码|电话|手机|地址|住|代码|识别号|日期|时间|金额|邮箱|类型|职务|关系|性别|民族|年龄|国籍"
)
# (a qualifier may stand before the role word: 负有直接责任的财务负责人)
_NAME_HEADER = re.compile(rf"^[^\d]{{0,8}}(?:{_PERSON_ROLE})[^\d]{{0,10}}$")
# …and any header that names a kind of person (从业人员, 送达人, 执法人员, 承租人): a column of people, whatever
# their role (the role words of one author's forms never cover the next one's).
_PERSON_NOUN_HEADER = re.compile(
    r"^[^\d]{0,10}(?:人员?|员|者)(?:姓名|名称|签名|签字|签名或盖章|签字或盖章)?$"
)
# The subject's own name (名称 of a taxpayer, a party): a person's name here makes the row a natural
# person's; the name of a document, an item or a tax (证据名称, 文书名称, 税种名称) is no subject.
_PARTY_HEADER = re.compile(
    r"^(?:名称|[^\d]{0,8}(?:纳税人|当事人|单位|企业|业户|商户|相对人|主体|欠税人|被处罚人|处罚对象|个体工商户)"
    r"[^\d]{0,6}名称|(?:纳税人|当事人|自然人|个人|被处罚人|欠税人|相对人)?姓名|纳税人|当事人|被处罚人|欠税人|缴费人|缴款人|"
    r"失信主体|行政相对人)$"
)
_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        CERTIFICATE,
        re.compile(r"^.{0,6}(?:执法|检查)证(?:件)?(?:号码|编号|号)?$|^.{0,4}发票(?:代码|号码|号)$"),
    ),
    # a phone column: a person's number in a person's row, the office's in an office's row
    (PHONE, re.compile(r"^.{0,6}(?:电话|手机|座机|固话|宅电|联系方式)(?:号码)?$")),
    (
        HOME,
        re.compile(
            r"^(?:家庭住址|住址|户籍地址|户籍所在地|现住址|居住地址|现居住地|居住地|家庭地址|现住所|居所|戶籍地址|戶籍所在地)$"
        ),
    ),
    (BUSINESS_PLACE, re.compile(r"^.{0,4}经营(?:地点|场所|地址|场地)$")),
    (
        MAYBE_ADDRESS,
        # masked only in a natural person's row (a business's place of business is published)
        re.compile(r"^.{0,6}(?:地址|住所|地点|场所).{0,6}$"),
    ),
    (PARTY, _PARTY_HEADER),
    # a bank account's number (扣款账号, 银行卡号; not 账户名称, a name)
    (BANK, re.compile(r"^.{0,6}(?:账号|帐号|卡号|账户|帐户)(?:号码)?$")),
    # the subject's own code (纳税人识别号, 统一社会信用代码): a company's is published
    (TAXPAYER, re.compile(r"^.{0,6}(?:纳税人识别号|识别号|统一社会信用代码|信用代码|税号)$")),
    # an identity number (身份证件号码, 社会保障号码或信用代码): an ID number, or a travel document's
    (IDENTITY, re.compile(r"^.{0,8}(?:身份证|身份号码|公民身份|社会保障号|证件号).{0,8}$")),
    # a travel document's number: a passport, a permit (an ID number is the number detector's)
    (DOCUMENT, re.compile(r"^.{0,6}(?:护照|通行证|旅行证|居留证|证件)(?:号码|号)?$")),
)
_DOCUMENT_NUMBER = re.compile(r"^(?=(?:[A-Z]*\d){5})[A-Z]{0,2}[0-9A-Z]{5,11}(?:[（(][0-9A][)）])?$")


_SPACE_IN_WORD = re.compile(rf"(?<=[{CJK}]) (?=[{CJK}])")


def _ocr_header(word: str) -> str:
    """A header word as printed: OCR reads the 号 of 序号, 识别号 as 弓, a character no header word holds,
    and may put a space inside it (收款 人)."""
    word = word.replace("弓", "号") if "弓" in word else word
    return _SPACE_IN_WORD.sub("", word) if " " in word else word


def _role(word: str) -> str | None:
    """The role of a column from its header word (None: a column of no personal datum); a bracketed
    qualifier may widen the header (行政相对人名称（姓名）, 法定代表人（负责人、业主）) and is read apart."""
    word = _ocr_header(word)
    for candidate in (word, _QUALIFIER.sub("", word)):
        role = next((r for r, pattern in _ROLES if pattern.match(candidate)), None)
        if role == PHONE and (_PERSON_ROLE_WORD.search(candidate) or "经办人" in candidate):
            # 联系人电话, 法定代表人手机, 经办人联系电话: a person's number in any row, an office's too (a
            # licence list's 许可机关 column does not make its 经办人 the office: RULES.md §1.2, §1.4)
            return PERSON_PHONE
        if role is not None:
            return role
        if _NOT_A_NAME_COLUMN.search(candidate):
            continue
        if _NAME_HEADER.match(candidate):
            return OTHER_NAME if _OTHER_PERSON_HEADER.search(candidate) else NAME
        if _PERSON_NOUN_HEADER.match(candidate):
            return OFFICER_NAME if _OFFICER_HEADER.search(candidate) else OTHER_NAME
    return None


_QUALIFIER = re.compile(r"[（(][^）)]{1,20}[）)]")
_OPEN_QUALIFIER = re.compile(r"[（(][^）)]{1,20}$")
_PERSON_ROLE_WORD = re.compile(_PERSON_ROLE)


# who asked the bureau (a register of requests for disclosure, of reports): 申请人 | 证件号码 | 通信地址 …
_REQUESTER_HEADER = r"申请人|举报人|检举人|投诉人|"
_HEADER_WORD = re.compile(
    _REQUESTER_HEADER
    + r"名称|姓名|人员|送达人|资格|行为|等级|措施|代表人|负责人|业主|经营者|投资人|证件|身份|号码|识别号|信用代码|地址|住址|住所|地点|场所|电话|欠税|税种|"
    r"金额|余额|日期|序号|编号|类型|认定|机关|期限|所属|事由|依据|结果|备注|当事人|纳税人|提供人|签收人|受送达人|收件人|"
    r"代收人|送达人|理由|时间|证人|代理人|页数|页码|张数|证明|来源|方式|提供者|出具人|制作人|证据|材料|文号|内容|决定|相对人|"
    r"缴费人|缴款人|收款人|付款人|发票代码|险种|联系人|邮箱|邮政编码|邮编|手机|账号|帐号|卡号|账户|帐户|年度|期间|状态|有效期|经办人|性别|机构|事实|情况|"
    r"执法证|检查证|执法类别|执法范围|级别|类别|定额|税额|营业额|销售额"
)
HEADER_WORD = _HEADER_WORD  # (read by the name rules: a header's word is no name)
_SPACES = re.compile(r" {2,}|\u3000+")
# (a Latin name may carry its Chinese name in brackets, CHANG MEI-LING（张美玲）, and OCR may double a space)
_PERSON_NAME = re.compile(
    rf"^(?:[{CJK}]{{2,4}}|[{CJK}]{{2,8}}[·.][{CJK}]{{2,10}}"
    rf"|[A-Z][A-Za-z\u00c0-\u017f'\-]+(?:,? {{1,2}}[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u017f'\-]+){{1,3}}(?:[ \t]*[（(][{CJK}·]{{2,10}}[）)])?"
    # (or the Chinese name first and the romanised one in brackets: 陈志明（CHAN Chi-ming）)
    rf"|[{CJK}]{{2,4}}[ \t]*[（(][A-Z][A-Za-z'\-]+(?:,? {{1,2}}[A-Z][A-Za-z'\-]+){{1,3}}[）)])$"
)
_ORG = re.compile(
    r"公司|厂|店|部|中心|合作社|事务所|商行|超市|馆|社|场|院|所|站|行$|集团|协会|学校|工作室|门市|经营|个体|商贸|贸易|"
    r"科技|实业|建材|餐饮|酒楼|批发|加工|服务|维修|排档|档口|酒家|食府|山庄|农庄|茶庄|鱼庄|商铺"
)
# A subject whose 住址 is its seat (published): a company or an institution, not an individual business
# (a shop's 住址 is its owner's home).
SEAT_HOLDER = re.compile(
    r"公司|企业|集团|合作社|事务所|厂|协会|商会|银行|医院|学校|小学|中学|大学|学院|卫生院|委员会|村委会|居委会|"
    r"研究所|设计院|保健院|敬老院"
)
# Words a role column may hold that are no person's name (提供人: 当事人, 本局).
_NOT_PERSON = frozenset("当事人 纳税人 本人 本局 我局 银行 税务局 税务机关 稽查局 调取 现场提取 其他".split())


def _is_person(value: str, *, role: bool = False) -> bool:
    """A cell shaped as a natural person's name: a Chinese name opening with a surname, a dotted name,
    or a Latin-script one; not an organisation. Under a person's role (``role``: 法定代表人, 联系人 …)
    a four-character name with no surname is one too: a Tibetan or Yi name written without a dot
    (the role column holds persons only)."""
    if transliterated_name(value):
        return True  # (乌兰其其格, 阿不都热依木: no surname, longer than four characters, or holding 不)
    if not _PERSON_NAME.match(value) or _ORG.search(value) or value in _NOT_PERSON:
        return False
    if not "\u4e00" <= value[0] <= "\u9fff" or "·" in value or "." in value:
        return True  # a Latin name, a dotted minority name (the dot may be a full-width period)
    if value[:2] in COMPOUND_SURNAMES or value[0] in SINGLE_SURNAMES:
        return True
    # (a column of people: a value of two to four characters with no surname is a name too, 其其格, 达瓦, but
    # no word of a header or an address, 地址, 证件号码, nor a kin's word, 家属, 配偶)
    return (
        role
        and _NO_SURNAME_NAME.match(value) is not None
        and not (len(value) == 2 and value[1] in _KIN_END)
        and NOT_IN_MINORITY_NAME.isdisjoint(value)
        and _HEADER_WORD.search(value) is None
        and _ADDRESS_WORD.search(value) is None
    )


# Characters of words a cell may hold instead of a name (另行通知, 见附件, 同上, 不详): never in a
# transliterated name.
NOT_IN_MINORITY_NAME = frozenset("无未不详见同上下另行他本该附件及等的通知暂缺省市区县路号人单位公司")
_NO_SURNAME_NAME = re.compile(rf"^[{CJK}]{{2,4}}$")
_KIN_END = frozenset("人员属偶子女父母亲友居事妻夫")


# Characters of names transliterated from Tibetan, Mongolian, Uyghur or Kazakh (扎西次仁, 格桑拉姆,
# 乌兰其其格, 阿不都热依木, 买买提明): such a name has no surname and may run to nine characters (a given
# name and the father's: 叶尔兰阿不都热合曼), and no word of a form or an office is made of these
# characters alone.
TRANSLITERATION_CHARS = (
    "扎西次仁卓玛格桑拉姆央金宗达瓦旺堆多吉顿珠措尼巴布罗强洛丹增索朗曲珍德白普米旦贡嘎阿益群培琼乌兰其图孟"
    "和额尔敦苏那雅斯琴高娃萨都朝鲁敖特根宝音哈日勒坦不热依木买提艾力古丽吐逊努帕曼合明玉素甫克卜杜亚森吾迪娜"
    "叶别汗江云"
    # Uyghur, Kazakh and Yi syllables (库尔班, 托合提, 热孜万古丽's 孜, 阿牛木呷, 曲比阿呷, 海力且姆, 穆罕默德)
    "且再卡呷塔夏孜守居库托拜支比沙海班穆维罕肉肯赛里铁麦默牛"
)
_TRANSLITERATED_NAME = re.compile(rf"^[{TRANSLITERATION_CHARS}]{{4,9}}$")


def transliterated_name(value: str) -> bool:
    """Four to nine characters all of a transliterated name (see TRANSLITERATION_CHARS)."""
    return _TRANSLITERATED_NAME.match(value) is not None


def minority_name(value: str) -> bool:
    """Four Chinese characters that can be a minority name written without its dot (扎西多吉, 阿牛木呷):
    no surname is needed, but no word of a form either."""
    return (
        len(value) == 4
        and all("\u4e00" <= ch <= "\u9fff" for ch in value)
        and NOT_IN_MINORITY_NAME.isdisjoint(value)
    )


# A credit code of an enterprise (9 + 1, 2 or 3: a company, a sole proprietorship, a partnership).
_COMPANY_CODE = re.compile(r"^9[123]\d{4}[0-9A-HJ-NPQRTUWXY]{12}$")
_INDIVIDUAL_CODE = re.compile(r"^(?:92\d{4}[0-9A-HJ-NPQRTUWXY]{12}|\d{17}[\dXx]\d{1,2})$")
_OFFICE = re.compile(r"税务局|税务分局|稽查局|税务所|办税服务厅|服务厅|热线")
_BANK_NUMBER = re.compile(r"^\d(?:[ \-]?\d){7,29}$")
_SPACE_OR_HYPHEN = re.compile(r"[ \-]")
_NOT_DIGIT = re.compile(r"\D")


def _is_mobile(value: str) -> bool:
    """A mobile number however written (+86 187…, 15065 045933): a person's device, never an office's."""
    digits = _NOT_DIGIT.sub("", value)
    for prefix in ("0086", "86"):
        if len(digits) == 11 + len(prefix) and digits.startswith(prefix):
            digits = digits[len(prefix) :]
    return len(digits) == 11 and digits[0] == "1" and digits[1] in "3456789"


def _is_hotline(value: str) -> bool:
    """The tax or government hotline, with or without an area code (0898-12366)."""
    digits = _NOT_DIGIT.sub("", value)
    return len(digits) <= 9 and digits.endswith(("12366", "12345"))


_PHONE_NUMBER = re.compile(r"\d(?:[ \-]?\d){6}")  # seven digits at least: no 12366 alone
_EMPTY = re.compile(r"^(?:|[-—/／无]|不详|\*+)$")
_NO_VALUE = re.compile(r"^(?:[-—/／无]|不详)$")  # (a cell left empty by a dash or 无: it fits any column)
# A page's footer or number standing on its own line (第 1 页 共 5 页, -2-, — 3 —, 2/5): a PDF's page break,
# which may fall inside a table; the table goes on after it and the blank lines around it.
_PAGE_FOOTER = re.compile(
    r"^[ \t]*(?:第[ \t]*\d{1,3}[ \t]*页(?:[ \t]*[,，/]?[ \t]*共[ \t]*\d{1,3}[ \t]*页)?"
    r"|[-—–][ \t]*\d{1,3}[ \t]*[-—–]|\d{1,3}[ \t]*/[ \t]*\d{1,3})[ \t]*$"
)


def _after_page_break(lines: list[str], k: int) -> int:
    """The index of the first line after a page break at line ``k`` (blank lines and a page's footer, at
    least one footer among them); ``k`` itself where none stands there."""
    n = k
    footer = False
    while n < len(lines) and (not lines[n].strip() or _PAGE_FOOTER.match(lines[n])):
        footer = footer or bool(lines[n].strip())
        n += 1
    return n if footer and n < len(lines) else k


_ADDRESS_WORD = re.compile(r"省|市|区|县|镇|乡|村|路|街|道|巷|号|栋|幢|室|楼|组|弄|苑|小区|屯|社区")


_TAB = re.compile(r"\t")
_PIPE = re.compile(r"[|｜丨│┃]")  # (丨: OCR's reading of a pipe; │ ┃: a scanned table's ruling)
# A CSV export's separator: a comma, but not one grouping an amount's thousands (1,234.50).
# A comma groups an amount's thousands only after a group of one to three digits that opens the cell
# (1,234.50 | "12,345"): after an address's last character (…5楼左,427,007.93元) or a house number's
# group (…2-1-745,545,553.24元) it separates cells.
_AMOUNT_HEAD = (
    r"(?:(?<=^\d)|(?<=^\d\d)|(?<=^\d\d\d)|(?<=[,\"¥￥$ ]\d)|(?<=[,\"¥￥$ ]\d\d)|(?<=[,\"¥￥$ ]\d\d\d)"
    r"|(?<=\d,\d\d\d))"
)
_CSV = re.compile(rf",(?!\d{{3}}(?:[.,]\d|$))|(?!{_AMOUNT_HEAD}),")


# A table row of a web page's text (<tr><td>…</td><td>…</td></tr>): each cell is the text between its tags.
_HTML_CELL = re.compile(r"<t[dh](?:\s[^>]*)?>([^<]*)</t[dh]>", re.I)
_HTML_ROW_START = re.compile(r"\s*<tr", re.I)


def _cells(line: str) -> tuple[str, list[tuple[int, int]]] | None:
    """(separator kind, cell spans) of a table line, or None for a line that is not a row."""
    if "<t" in line or "<T" in line:
        html = [(m.start(1), m.end(1)) for m in _HTML_CELL.finditer(line)]
        if len(html) >= 2:
            return "html", _trim(line, html)
    if "\t" in line:
        kind, pattern = "tab", _TAB
    elif len(_PIPE.findall(line)) >= 2 and ("|" in line or "｜" in line or "│" in line or "┃" in line):
        kind, pattern = "pipe", _PIPE
    elif line.count(",") >= 3 and _CSV.search(line):  # (not commas that only group amounts' thousands)
        kind, pattern = "csv", _CSV
    elif _SPACES.search(line.strip()):
        kind, pattern = "space", _SPACES
    else:
        return None
    spans = []
    position = 0
    if kind == "space":  # padding after the last cell is no empty cell
        line = line.rstrip()
    for m in pattern.finditer(line):
        spans.append((position, m.start()))
        position = m.end()
    spans.append((position, len(line)))
    if kind == "pipe":  # | a | b | has empty edge cells
        spans = [
            s
            for i, s in enumerate(spans)
            if not ((i == 0 or i == len(spans) - 1) and not line[s[0] : s[1]].strip())
        ]
    trimmed = _trim(line, spans)
    if kind == "csv":
        trimmed = _unquoted(line, trimmed)
    return (kind, trimmed) if len(trimmed) >= 2 else None


def _unquoted(line: str, cells: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A CSV row's cells without the quotes around their values ("郑洋" is the name 郑洋; a quote opened
    on this line and closed on the next, "广州市⏎天河区…", is dropped on its own side)."""
    return [(a + (line[a : a + 1] == '"'), b - (b - 1 > a and line[b - 1 : b] == '"')) for a, b in cells]


def _trim(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The cells without the spaces around their values."""
    trimmed = []
    for start, end in spans:
        cell = line[start:end]
        lead = len(cell) - len(cell.lstrip())
        trimmed.append((start + lead, start + len(cell.rstrip())))
    return trimmed


def _roles(line: str, cells: list[tuple[int, int]]) -> list[str | None] | None:
    return _roles_of([line[a:b] for a, b in cells])


def _roles_of(words: list[str]) -> list[str | None] | None:
    # (a bracketed qualifier does not count to a header word's length: 纳税人识别号（统一社会信用代码或身份证号码）,
    # nor one a PDF line cut before its closing bracket: …号（统一社会信用代码或身份证号⏎码）)
    header_words = sum(
        1
        for w in words
        if w and len(_OPEN_QUALIFIER.sub("", _QUALIFIER.sub("", w))) <= 20 and _HEADER_WORD.search(w)
    )
    if header_words < max(2, len(words) // 2 + 1):
        return None
    roles = [_role(word) for word in words]
    return roles if any(roles) else None


_ROW_NUMBER = re.compile(r"^\d{1,4}$")
# A line that labels its own value (咨询电话：0731-…, 联系人：…): the text after a one-cell-a-line table.
_LABEL_LINE = re.compile(rf"^[{CJK}]{{2,8}}[：:]")
# The title of a list or a form standing right above its header lines (…认定名单, 欠税公告, …明细表,
# 送达地址确认书).
_TITLE = re.compile(
    r"(?:名单|公告|通告|清单|明细|目录|一览表|情况表|公示|统计表|确认书|通知书|决定书|告知书|回执)$"
)
# Three lines in a row that ``_single_header`` may accept (a looser test: it only rules texts out).
# (a cell's bracketed qualifier may make its line longer: 纳税人识别号（统一社会信用代码或身份证号码）)
_HEADER_LINE_SHAPE = r"[^\d\n]{1,24}(?:\n|$)|[^\d\n（(]{0,20}[（(][^）)\d\n]{1,20}[）)][^\d\n]{0,4}(?:\n|$)"
_HEADER_RUN = re.compile(
    rf"^(?:[ \t]*(?={_HEADER_LINE_SHAPE})[^\n]*?(?:{_HEADER_WORD.pattern})[^\n]*(?:\n|$)){{3}}", re.M
)


def _single_header(line: str) -> bool:
    """A header cell on its own line: short, no digit, a header's word; a bracketed qualifier does not
    count to its length (纳税人识别号（统一社会信用代码或身份证号码）); a sentence (…公告送达税务文书。) is none."""
    word = _ocr_header(line.strip())
    if len(word) > 40 or word.endswith(("。", "；", ";")) or "，" in word:
        return False
    return (
        bool(word)
        and len(_QUALIFIER.sub("", word)) <= 20
        and not re.search(r"\d", word)
        and _HEADER_WORD.search(word) is not None
    )


# A header line that only finishes the one above it (法定代表人⏎（负责人）, 身份证件⏎号码): a long header
# cell wrapped in a PDF's narrow column.
_HEADER_CONTINUATION = re.compile(r"^(?:[（(][^）)]*[）)]|号码|代码|号)$")


def _join_wrapped_headers(words: list[str]) -> list[str]:
    joined: list[str] = []
    for word in words:
        if joined and _HEADER_CONTINUATION.match(word):
            joined[-1] += word
        else:
            joined.append(word)
    return joined


def _header_run_at(lines: list[str], k: int) -> bool:
    return all(k + n < len(lines) and _single_header(lines[k + n]) for n in range(3))


_SENTENCE_COLUMN = re.compile(r"事实|情况|内容|理由|说明|备注|事由")


def _find_cell_per_line(text: str, add: Callable[[int, int, str], None], hide_individual: bool) -> None:
    """Tables whose cells stand one per line (as PDF extraction gives): a run of header lines, then the
    values in the same order. Under a 序号 header a line holding the next row number starts a row, and a
    value wrapped over several lines (a number, an address) is joined back (``_align``)."""
    if _HEADER_RUN.search(text) is None:
        return  # no three header lines in a row: no such table (one search instead of a loop per line)
    lines = text.split("\n")
    starts = []
    position = 0
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    i = 0
    while i < len(lines):
        j = i
        header_lines: list[int] = []
        while j < len(lines):
            if _single_header(lines[j]):
                header_lines.append(j)
                j += 1
            elif header_lines and _single_header(lines[resumed := _after_page_break(lines, j)]):
                j = resumed  # a page's footer between two header lines (交易日期⏎— 1 —⏎⏎收款人)
            else:
                break
        if len(header_lines) < 3:
            i = max(j, i + 1)
            continue
        words = [_ocr_header(lines[k].strip()) for k in header_lines]
        for first in ("序号", "编号"):
            if first in words[1:]:
                words = words[words.index(first) :]  # a title line (…名单) right above the header
                break
        else:
            while len(words) > 3 and _TITLE.search(words[0]):
                words = words[1:]  # 非正常户认定名单 above a header without 序号
        words = _join_wrapped_headers(words)
        roles = [_role(w) for w in words]
        kinds = [_column_kind(w) for w in words]
        numbered = words[0] in ("序号", "编号")
        # a column of sentences (主要违法事实, 处罚情况): a line ending in 。 may be its cell
        sentences = any(_SENTENCE_COLUMN.search(w) for w in words)
        row: list[tuple[int, int]] = []
        expected = None  # the row number that starts the next row
        k = j
        # A value may look like a header word (当事人提供, 身份证复印件): only a new run of header lines
        # ends the table.
        while k < len(lines) and not _header_run_at(lines, k):
            k = _after_page_break(lines, k)
            if not lines[k].strip():
                if not numbered and _empty_cells(lines, k, len(row), kinds):
                    # empty cells of a row begun (法定代表人 left blank in a company's row): kept as cells
                    while not lines[k].strip():
                        row.append((starts[k], starts[k]))
                        k += 1
                    continue
                # blank lines between the header and its rows, or between rows (a PDF's cell borders),
                # keep the table going when the next row's number follows; any other ends it
                after = next((n for n in range(k + 1, min(k + 4, len(lines))) if lines[n].strip()), None)
                if (
                    after is None
                    or not numbered
                    or not _ROW_NUMBER.match(lines[after].strip())
                    or (expected is None and row)
                    or (expected is not None and (int(lines[after]) != expected or len(row) < len(roles)))
                ):
                    break
                k = after
            line = lines[k]
            value = line.strip()
            if (
                (value.endswith("。") and not sentences)
                or value.endswith(("：", ":"))
                or _LABEL_LINE.match(value)
            ):
                break  # the text after the table (特此公告。, 咨询电话：…)
            # The next row number starts a row; a row not yet holding a value per column is still
            # open, so the same digits there are a value (页数 3 in row 2 of a 序号/…/页数 list).
            if (
                numbered
                and _ROW_NUMBER.match(value)
                and (expected is None or (int(value) == expected and len(row) >= len(roles)))
            ):
                if row:
                    _cell_row(text, row, roles, kinds, add, hide_individual)
                row = []
                expected = int(value) + 1
            lead = len(line) - len(line.lstrip())
            row.append((starts[k] + lead, starts[k] + len(line.rstrip())))
            k += 1
        if numbered:
            if row:
                _cell_row(text, row, roles, kinds, add, hide_individual)
        else:
            for groups in _align_rows(text, row, kinds):
                values = ["".join(text[a:b] for a, b in group) for group in groups]
                _row_values(values, groups, roles, add, hide_individual)
        i = k


def _empty_cells(lines: list[str], k: int, taken: int, kinds: list[str | None]) -> bool:
    """Whether the blank lines from ``k`` on are empty cells inside a row of a table without row numbers:
    the row is begun (the lines so far do not make whole rows), the blanks do not fill a row, and a
    value line follows for each cell the row still lacks, together fitting their columns' shapes (a
    dashed ID number is no code's shape), not the text after the table (a blank line at a row's end ends the table, as before; a wrapped value makes
    the count of lines only a guess, so the row's rest must be there and fit: 国家税务总局…⏎2026年2月19日
    under a list is its signature, no amount nor phone number)."""
    columns = len(kinds)
    if taken == 0 or taken % columns == 0:
        return False
    n = k
    while n < len(lines) and not lines[n].strip():
        n += 1
    column = taken % columns + (n - k)
    if column >= columns:
        return False
    fit = 0.0
    while column < columns:
        value = lines[n].strip() if n < len(lines) else ""
        if (
            not value
            or value.endswith(("。", "：", ":"))
            or _LABEL_LINE.match(value)
            or _header_run_at(lines, n)
        ):
            return False
        fit += _fit(kinds[column], value)
        column += 1
        n += 1
    return fit >= 0


# What a column holds, from its header: the shape a (possibly wrapped) value must have.
_KIND_OF_HEADER = (
    ("phone", re.compile(r"电话|手机|座机|固话|宅电|联系方式")),
    ("code", re.compile(r"识别号|信用代码|证件号码|身份证|号码|代码|(?<!^)编号")),
    ("amount", re.compile(r"金额|余额|（元）|\(元\)|税额|数额")),
    ("date", re.compile(r"日期|时间")),
    ("bank", re.compile(r"账号|帐号|卡号|账户$|帐户$")),
    ("tax", re.compile(r"税种")),
    ("authority", re.compile(r"机关")),
    ("address", re.compile(r"地址|住址|住所|地点|场所")),
    ("number", re.compile(r"^(?:序号|编号)$")),
    # (a document's 名称 holds its title: 送达文书名称, 文书名称及文号)
    ("title", re.compile(r"(?:文书|文件)名称")),
    ("name", re.compile(rf"名称|{_PERSON_ROLE}|当事人|纳税人|缴费人|缴款人")),
)
_SHAPES = {
    "phone": re.compile(r"^[+（(]?\d[\d \-（）()+]{5,}(?:(?:转|分机)\d+)?$"),
    "code": re.compile(r"^[0-9A-Za-z]{8,22}$"),
    "amount": re.compile(r"^-?[\d,]+(?:\.\d+)?$"),
    "bank": re.compile(r"^(?:\d[\d \-]{7,40}|[—\-/／无]*)$"),
    "date": re.compile(r"^\d{4}(?:[-./年]\d{1,2}(?:[-./月]\d{1,2}日?)?)?$"),
    "tax": re.compile(r"税"),
    "authority": re.compile(r"税务|稽查局|税务所"),
    "address": _ADDRESS_WORD,
    "number": re.compile(r"^\d{1,4}$"),
    "name": re.compile(rf"^[^0-9]*[{CJK}A-Za-z]$"),
    "title": re.compile(r"《|书$|单$|表$|函$|通知|决定"),
}
# Columns whose every value has one shape (a code, a phone number, a row number): a row joined from
# broken lines must fit them.
_FIXED_SHAPES = frozenset({"code", "phone", "number"})
_WRAP_PENALTY = 0.5  # a value read as wrapped costs this much: one line per cell is the usual case


def _column_kind(word: str) -> str | None:
    return next((kind for kind, pattern in _KIND_OF_HEADER if pattern.search(word)), None)


_MASKED = re.compile(r"^[*＊][*＊ ]*$")
_STARS = re.compile(r"[*＊]")
_PUBLIC_KINDS = frozenset({"amount", "date", "tax", "authority", "number"})


def _fit(kind: str | None, value: str) -> float:
    if kind is None or not value or _NO_VALUE.match(value):
        return 0.0  # (an empty cell fits any column)
    if "*" in value or "＊" in value:
        # A value masked already (a second pass over published text) fits a column of personal data
        # only: a name or an address as it is, a number by its length (its stars read as digits, so
        # a wrapped account's two masked lines still fit only together); never an amount, a date, a
        # tax or an authority, which are not masked.
        if kind in _PUBLIC_KINDS:
            return -3.0
        if kind in ("name", "address"):
            return 1.0 if _MASKED.match(value) else (2.0 if _SHAPES[kind].search(value) else -3.0)
        value = _STARS.sub("0", value)
    if kind == "code":
        value = _SPACE_OR_HYPHEN.sub("", value)  # (an ID number written in groups: 410105 19731118 6582)
    return 2.0 if _SHAPES[kind].search(value) else -3.0


def _align(
    text: str, row: list[tuple[int, int]], kinds: list[str | None]
) -> list[list[tuple[int, int]]] | None:
    """The lines of a row grouped into its columns (a wrapped value takes up to three lines), choosing
    the grouping whose joined values best fit their columns' shapes; None when no grouping exists."""
    lines, columns = len(row), len(kinds)
    if lines < columns or lines > columns * 3:
        return None
    worst = float("-inf")
    # best[c][i]: the best score of the first c columns holding the first i lines, and where column c began
    best = [[(worst, 0)] * (lines + 1) for _ in range(columns + 1)]
    best[0][0] = (0.0, 0)
    for c in range(1, columns + 1):
        for i in range(c, lines + 1):
            for width in (1, 2, 3):
                before = i - width
                if before < c - 1 or best[c - 1][before][0] == worst:
                    continue
                value = "".join(text[a:b] for a, b in row[before:i])
                score = best[c - 1][before][0] + _fit(kinds[c - 1], value) - _WRAP_PENALTY * (width - 1)
                if score > best[c][i][0]:
                    best[c][i] = (score, before)
    if best[columns][lines][0] == worst:
        return None
    groups: list[list[tuple[int, int]]] = []
    i = lines
    for c in range(columns, 0, -1):
        before = best[c][i][1]
        groups.append(row[before:i])
        i = before
    groups.reverse()
    return groups


def _align_rows(
    text: str, lines: list[tuple[int, int]], kinds: list[str | None]
) -> list[list[list[tuple[int, int]]]]:
    """The lines of a table without row numbers cut into rows of its columns: the header run gives the
    number of columns, and a value wrapped over two or three lines (an address, a long name) is joined
    back where the joined values best fit their columns' shapes (one pass over the whole table, so a
    wrap in one row does not shift every row after it)."""
    columns, n = len(kinds), len(lines)
    if columns == 0 or n == 0:
        return []
    worst = float("-inf")
    # best[i][c]: the best score of the first i lines when column c is the next to fill, and the width
    # of the cell that led there
    best = [[(worst, 0)] * columns for _ in range(n + 1)]
    best[0][0] = (0.0, 0)
    for i in range(n):
        for c in range(columns):
            score = best[i][c][0]
            if score == worst:
                continue
            for width in (1, 2, 3):
                if i + width > n:
                    break
                if width > 1 and any(a == b for a, b in lines[i : i + width]):
                    break  # an empty cell is a cell of its own, never part of a wrapped value
                value = "".join(text[a:b] for a, b in lines[i : i + width])
                total = score + _fit(kinds[c], value) - _WRAP_PENALTY * (width - 1)
                nxt = (c + 1) % columns
                if total > best[i + width][nxt][0]:
                    best[i + width][nxt] = (total, width)
    # whole rows if the lines make whole rows, else the best partial last row
    end_column = 0 if best[n][0][0] != worst else max(range(columns), key=lambda c: best[n][c][0])
    if best[n][end_column][0] == worst:
        return []
    cells: list[list[tuple[int, int]]] = []
    i, c = n, end_column
    while i > 0:
        width = best[i][c][1]
        i, c = i - width, (c - 1) % columns
        cells.append(lines[i : i + width])
    cells.reverse()
    return [cells[r : r + columns] for r in range(0, len(cells), columns)]


def _cell_row(
    text: str,
    row: list[tuple[int, int]],
    roles: list[str | None],
    kinds: list[str | None],
    add: Callable[[int, int, str], None],
    hide_individual: bool,
) -> None:
    if len(row) == len(roles):
        _row(text, 0, row, roles, add, hide_individual)
        return
    groups = _align(text, row, kinds)
    if groups is None:
        return  # the number and name detectors still see every line
    values = ["".join(text[a:b] for a, b in group) for group in groups]
    # (a name spread over its cell, 叶  振, is read without its spaces, as in a row of one line)
    values = [_SPREAD.sub("", v) if _SPREAD_NAME.match(v) else v for v in values]
    _row_values(values, groups, roles, add, hide_individual)


def find_table_cells(
    text: str, add: Callable[[int, int, str], None], *, individual_business_address: bool = True
) -> None:
    """Report (start, end, role) of each personal cell: ``name``, ``party`` (a natural person's name in a
    名称 column), ``home`` (a home address; an individual business's place of business too when
    ``individual_business_address`` is off), ``document`` (a passport's or permit's number) or ``phone``
    (a number under a phone header in a row that is not an office's)."""
    hide = not individual_business_address
    _find_cell_per_line(text, add, hide)
    if (
        "\t" not in text
        and "|" not in text
        and "｜" not in text
        and "  " not in text
        and "\u3000" not in text
        and "<t" not in text
        and "<T" not in text
        and not (_csv_words(text) and _CSV_HEADER.search(text))
    ):
        return
    header: tuple[str, list[str | None]] | None = None
    kinds: list[str | None] = []
    width = 0
    offset = 0
    lines = text.split("\n")
    k = 0
    while k < len(lines):
        line = lines[k]
        parsed = _cells(line)
        if (
            parsed is None
            and header is None
            and line.count(",") == 2
            and k + 1 < len(lines)
            and lines[k + 1].lstrip().startswith(",")
        ):
            # a CSV header wrapped by a PDF line's width before a separator (…,法定代表人或负责人⏎,文书名称,…):
            # read as a header if its words are a header's (see _wrapped_header)
            parsed = "csv", _split("csv", line)
        used = 0
        if parsed is None and _RULE_LINE.match(line):
            pass  # a wrapped piece of a Markdown table's rule (|---|-⏎--|): the table goes on
        elif parsed is None and _PAGE_FOOTER.match(line):
            pass  # a page's footer (第 1 页 共 3 页): the table goes on on the next page
        elif parsed is None and header is not None and header[0] == "html" and _TAGS_ONLY.match(line):
            pass  # </thead>⏎<tbody> between a web page's header row and its rows: the table goes on
        elif parsed is None:
            if header is not None and header[0] in _BREAKABLE:
                # (a CSV row of too few commas to read as a row alone: its cell broke over a line)
                cells = _split(header[0], line)
                if 2 <= len(cells) < width:
                    used = _broken_row(lines, k, offset, header[0], cells, header[1], kinds, add, hide)
            if (
                not used
                and line.strip()
                and not (
                    k
                    and _continues_row(
                        lines[k - 1], line, lines[k + 1] if k + 1 < len(lines) else "", header, width
                    )
                )
            ):
                header = None
        else:
            kind, cells = parsed
            roles = _roles(line, cells)
            if roles is not None:
                words = [line[a:b] for a, b in cells]
                if kind in _BREAKABLE:
                    roles, words, used = _wrapped_header(lines, k, kind, words, roles)
                header, width = (kind, roles), len(roles)
                kinds = [_column_kind(word) for word in words]
            elif header is not None and header[0] == kind:
                if kind == "space" and len(cells) > width:
                    cells = _close_spread_names(line, cells, width)
                if len(cells) == width:
                    _row(line, offset, cells, header[1], add, hide)
                elif len(cells) > width and _fits_left(line, cells, kinds):
                    _row(line, offset, cells[:width], header[1], add, hide)
                elif kind in _BREAKABLE and len(cells) < width:
                    used = _broken_row(lines, k, offset, kind, cells, header[1], kinds, add, hide)
                elif kind == "html" and len(cells) < width and _HTML_ROW_START.match(line):
                    # a web page's row whose cell broke over a line (199⏎13904975</td>…): its whole
                    # cells before the break stand in the header's order
                    _row(line, offset, cells, header[1][: len(cells)], add, hide)
        for _ in range(used + 1):
            offset += len(lines[k]) + 1
            k += 1


_SHAPED_KINDS = _FIXED_SHAPES | frozenset({"address"})


def _fits_left(line: str, cells: list[tuple[int, int]], kinds: list[str | None]) -> bool:
    """Whether a row with more cells than its header (a value cut by the separator near its end:
    …通知书（ | 文号 | ）) is read from the left: every column of a fixed shape (a code, a phone number, a
    row number, an address) fits its value, two at least."""
    checked = 0
    for (a, b), kind in zip(cells, kinds, strict=False):
        if kind not in _SHAPED_KINDS or not line[a:b].strip():
            continue
        if _fit(kind, line[a:b].strip()) <= 0:
            return False
        checked += 1
    return checked >= 2


def _continues_row(
    previous: str, line: str, after: str, header: tuple[str, list[str | None]] | None, width: int
) -> bool:
    """Whether ``line`` (no cell separator) is the wrapped end of the row above (a tab row short of its
    cells, or a CSV or pipe row followed by the next row): the table goes on."""
    if header is not None and header[0] == "html":
        return "<tr" not in line and ("</td>" in line or "</tr>" in line)  # a row's rest after a break
    if header is not None and header[0] in ("csv", "pipe"):
        # (the end of a row's last value wrapped by a PDF line's width, between two rows: …,9062695.5⏎4⏎
        # 2,…, | 常⏎市税稽罚〔2019〕375号 |⏎| …; whatever its length, so that its masked form reads the same)
        following = _cells(after)
        return (
            not line.strip().endswith("。")
            and _cells(previous) is not None
            and following is not None
            and following[0] == header[0]
        )
    return header is not None and header[0] == "tab" and previous.count("\t") + 1 < width and "\t" not in line


# The separators a row may be broken across lines in (a cell holding a line break: a sheet's value
# copied with it, a quoted CSV cell), and how each splits a line into cells.
_BREAKABLE = {"tab": _TAB, "csv": _CSV, "pipe": _PIPE}
_MAX_BROKEN_LINES = 5
_TAGS_ONLY = re.compile(r"^\s*(?:<[^<>]*>\s*)+$")
# (or a scanned table's ruling, drawn in box characters: ───, ┼──┼: no row, the table goes on below it)
_RULE_LINE = re.compile(r"^[ \t]*[-|｜:：\u2500-\u257f+=]+[ \t]*$")


def _split(kind: str, line: str) -> list[tuple[int, int]]:
    """The cells of one line of a ``kind`` table, however few (a row's continuation may hold one)."""
    spans = []
    position = 0
    for m in _BREAKABLE[kind].finditer(line):
        spans.append((position, m.start()))
        position = m.end()
    spans.append((position, len(line)))
    if kind == "pipe":
        spans = [
            s
            for i, s in enumerate(spans)
            if not ((i == 0 or i == len(spans) - 1) and not line[s[0] : s[1]].strip())
        ]
    trimmed = _trim(line, spans)
    if kind == "csv":  # (a quoted cell's quotes, the opening one on one line, the closing on the next)
        trimmed = _unquoted(line, trimmed)
    return trimmed


_HEADER_PIECE = re.compile(r"^[^\d]{0,12}$")


def _wrapped_header(
    lines: list[str], k: int, kind: str, words: list[str], roles: list[str | None]
) -> tuple[list[str | None], list[str], int]:
    """A header row wrapped by a PDF line's width (…\t生产经营地址\t认⏎定日期\t认定机关): while the next
    line's cells are words of no digit and the last header word joined with its first one is a header
    word, the header goes on there. Returns the roles of the whole header, its words and the lines it
    took after ``k``."""
    used = 0
    while used < 2 and k + used + 1 < len(lines):
        following = lines[k + used + 1]
        rest = [following[a:b] for a, b in _split(kind, following)]
        if len(rest) < 1 or not following.strip() or not all(_HEADER_PIECE.match(w) for w in rest):
            break
        if kind == "pipe" and (
            following.lstrip()[:1] in ("|", "｜") or lines[k + used].rstrip()[-1:] in ("|", "｜")
        ):
            # (a pipe opening the next line, or closing this one, ends the cell: …| 证件号码⏎| 经营地点 |…)
            joined = [*words, *rest]
            if not all(_HEADER_WORD.search(w) for w in rest[:-1]):
                break
        else:
            joined = [*words[:-1], words[-1] + rest[0], *rest[1:]]
            # (the line's last word may be cut in its turn: …\t欠税余额\t当⏎期新发生欠税金额)
            if not _HEADER_WORD.search(joined[len(words) - 1]) or not all(
                _HEADER_WORD.search(w) for w in rest[1:-1]
            ):
                break
        joined_roles = _roles_of(joined)
        if joined_roles is None:
            break
        words, roles = joined, joined_roles
        used += 1
    return roles, words, used


def _broken_row(
    lines: list[str],
    k: int,
    offset: int,
    kind: str,
    cells: list[tuple[int, int]],
    roles: list[str | None],
    kinds: list[str | None],
    add: Callable[[int, int, str], None],
    hide_individual: bool,
) -> int:
    """A row with fewer cells than its header because a cell broke over a line (…,6501022000⏎09168930,
    1386974⏎0790,…): its last cell goes on at the start of the next line, whose other cells follow, for
    up to five lines until the row has its header's cells, each value of a code, phone or row-number
    column in its shape. Returns how many lines after ``k`` the row took (0: no such row; a following
    line that is a whole row or blank is never taken)."""
    line = lines[k]
    if kind == "csv":
        cells = _split(kind, line)  # (without a quoted cell's quotes: "1" is row number 1)
    pieces = [[(offset + a, offset + b)] if b > a else [] for a, b in cells]
    values = [line[a:b] for a, b in cells]
    start = offset + len(line) + 1
    used = 0
    # (a pipe row's line that ends on its pipe closed its cell: the next line opens a new one)
    closed = kind == "pipe" and line.rstrip()[-1:] in ("|", "｜")
    while len(values) < len(roles) and used < _MAX_BROKEN_LINES and k + used + 1 < len(lines):
        following = lines[k + used + 1]
        rest = _split(kind, following)
        if not following.strip() or len(rest) >= len(roles) or not rest:
            return 0
        first_start, first_end = rest[0]
        if closed or (kind == "pipe" and following.lstrip()[:1] in ("|", "｜")):
            # (a pipe closing the line above or opening this one: this line's first value is a new cell)
            pieces.append([(start + first_start, start + first_end)])
            values.append(following[first_start:first_end])
        else:
            if first_end > first_start:
                pieces[-1].append((start + first_start, start + first_end))
            values[-1] += following[first_start:first_end]
        pieces += [[(start + a, start + b)] for a, b in rest[1:]]
        values += [following[a:b] for a, b in rest[1:]]
        closed = kind == "pipe" and following.rstrip()[-1:] in ("|", "｜")
        used += 1
        start += len(following) + 1
    if len(values) != len(roles) or any(
        kind in _FIXED_SHAPES
        and len(value) > 2  # (略, 无, —: no value given)
        and _fit(kind, _SPACE_OR_HYPHEN.sub("", value) if kind == "code" else value) < 0
        for kind, value in zip(kinds, values, strict=False)
    ):
        return 0  # (a value out of its column's shape: the lines were not one row)
    _row_values(values, pieces, roles, add, hide_individual)
    return used


def _csv_words(text: str) -> bool:
    """A cheap test for a CSV header (its columns name, 名称, 姓名 or a number's 号码/代码)."""
    return "名称," in text or "姓名," in text or "号码," in text or "代码," in text


# A CSV export's header line: a line opening with three comma-separated words, the first no number.
_CSV_HEADER = re.compile(r"^[^,\n\d][^,\n]{0,39},[^,\n]{1,40},[^,\n]{1,40},", re.M)
_SPREAD_NAME = re.compile(rf"^[{CJK}](?: +[{CJK}]){{1,2}}$")
_SPREAD = re.compile(r" +")
_ONE_CJK = re.compile(rf"^[{CJK}]$")
_SHORT_CJK = re.compile(rf"^[{CJK}]{{1,2}}$")


def _close_spread_names(line: str, cells: list[tuple[int, int]], width: int) -> list[tuple[int, int]]:
    """A space-aligned row with more cells than its header when a name is spread to the column's width
    (苏    昊: PDF text puts four spaces or more between its characters): a one-character cell followed by
    a cell of one or two characters is joined back, as long as the row has too many cells."""
    cells = list(cells)
    i = 0
    while len(cells) > width and i < len(cells) - 1:
        (a, b), (c, d) = cells[i], cells[i + 1]
        if _ONE_CJK.match(line[a:b]) and _SHORT_CJK.match(line[c:d]):
            cells[i : i + 2] = [(a, d)]
        else:
            i += 1
    return cells


def _row(
    line: str,
    offset: int,
    cells: list[tuple[int, int]],
    roles: list[str | None],
    add: Callable[[int, int, str], None],
    hide_individual: bool,
) -> None:
    # a name spread over its cell (苏    昊) is read without its spaces
    values = [_SPREAD.sub("", line[a:b]) if _SPREAD_NAME.match(line[a:b]) else line[a:b] for a, b in cells]
    _row_values(values, [[(offset + a, offset + b)] for a, b in cells], roles, add, hide_individual)


def _company_row(values: list[str], roles: list[str | None]) -> bool:
    """Whether a row's subject is an organisation (not a person, nor an individual business): its own
    number under a bare 电话 column is published (only a natural person's contact is hidden). With no
    名称 column, the first role column names the subject (受送达人)."""
    subjects = [v for v, r in zip(values, roles, strict=False) if r == PARTY] or [
        v for v, r in zip(values, roles, strict=False) if r in _NAME_ROLES
    ][:1]
    return (
        bool(subjects)
        and all(_ORG.search(v) and not _is_person(v) for v in subjects)
        # (a company's legal form in its name outweighs its code's type digits: no individual business
        # is a 有限公司, whatever its code says)
        and (
            not any(_INDIVIDUAL_CODE.match(v) for v in values)
            or all(_COMPANY_FORM.search(v) for v in subjects)
        )
    )


_COMPANY_FORM = re.compile(r"有限(?:责任)?公司|股份")


def _identity_number(value: str, values: list[str], roles: list[str | None], person: bool) -> bool:
    """Whether a cell under an identity header is a person's ID number: ID-shaped (a real region code and
    a birth date), and not a company's own code, unless the row names a person (the party, or its
    representative under 法定代表人), whose number the column then holds (an enterprise's old 15-digit
    taxpayer number shares the ID's shape)."""
    upper = value.upper()
    if len(upper) in (19, 20) and upper[18:].isdigit():
        upper = upper[:18]  # an individual's taxpayer number: the ID number and a suffix
    if len(upper) not in (15, 18) or not id_shaped(upper):
        return False
    if len(upper) == 18 and id_checksum_ok(upper):
        return True  # a whole valid ID number (as the number detector rules: the ID check wins)
    if not (is_enterprise_tin15(upper) if len(upper) == 15 else is_valid_uscc(upper)):
        return True
    return person or any(
        r in _NAME_ROLES and _is_person(v, role=True) for v, r in zip(values, roles, strict=False)
    )


def _is_id_number(value: str) -> bool:
    """A whole valid 18-character ID number (region, birth date, checksum)."""
    return len(value) == 18 and id_checksum_ok(value.upper()) and id_shaped(value.upper())


_CODE_VALUE = re.compile(r"^[0-9A-Z]{6,20}$")
_DATE_VALUE = re.compile(r"^\d{4}[-./]\d{1,2}[-./]\d{1,2}$")
_ONE_SPACE = re.compile(r"(?<=[0-9A-Z]) (?=[0-9A-Z])")


def _personal_code(value: str) -> bool:
    """Whether a value under 纳税人识别号 in a person's row is that person's number: code-shaped, and not
    an organisation's (a valid credit code, an enterprise's old 15-character number)."""
    upper = value.upper()
    if not _CODE_VALUE.match(upper) or sum(ch.isdigit() for ch in upper) < 5:
        return False
    if len(upper) == 18 and is_valid_uscc(upper) and not (id_checksum_ok(upper) and id_shaped(upper)):
        return False
    return not (len(upper) == 15 and is_enterprise_tin15(upper) and not id_shaped(upper))


def _row_values(
    values: list[str],
    pieces: list[list[tuple[int, int]]],
    roles: list[str | None],
    add: Callable[[int, int, str], None],
    hide_individual: bool,
) -> None:
    """Report the personal cells of one row; a cell wrapped over lines is reported line by line."""
    person = False
    # a subject whose own code is an ID number (not an individual business's: ID + suffix) is a
    # natural person, whatever the shape of the name (次仁卓玛 | 540102…2987 |: a name with no surname)
    coded_person = any(
        r == TAXPAYER and _is_id_number(_SPACE_OR_HYPHEN.sub("", v))
        for v, r in zip(values, roles, strict=False)
    )
    for value, role in zip(values, roles, strict=False):
        if role == PARTY:
            person = _is_person(value, role=coded_person)
    if PARTY not in roles:
        # a list of persons with no subject column (证人姓名 | 联系方式 | 住所): the row is its person's;
        # its first name column names the subject (受送达人 | 法定代表人 | 地址: a company's row when the
        # 受送达人 is a company, whoever its representative)
        names = [v for v, r in zip(values, roles, strict=False) if r in _NAME_ROLES and not _EMPTY.match(v)]
        person = bool(names) and _is_person(names[0], role=True)
    # The row's address is hidden for a natural person, and for an individual business (its credit
    # code's type digits are 92, or its taxpayer number is the owner's ID number and a suffix) when
    # individual businesses' addresses are not published.
    address_hidden = person or (hide_individual and any(_INDIVIDUAL_CODE.match(v) for v in values))
    # a business's row: it names an owner or a person in charge beside its subject, or has a code of type
    # 92 (not the owner's ID number with a suffix, masked by a first pass)
    business_row = NAME in roles or any(_INDIVIDUAL_CODE.match(v) and v[:2] == "92" for v in values)
    # A 住址 cell is a home address unless the row's subject is a company or an institution (its seat).
    organisation = not person and any(
        r == PARTY and SEAT_HOLDER.search(v) for v, r in zip(values, roles, strict=False)
    )
    organisation = organisation and not any(_INDIVIDUAL_CODE.match(v) for v in values)
    # A village household's house (…村3组18号) where no company trades is the home of the natural person
    # trading there, whatever the row's name (a shop run from a farmhouse): personal. (A flat in an
    # estate used as an individual business's place stays published: RULES.md §2A.)
    farmhouse = not any(
        r == PARTY and SEAT_HOLDER.search(v) for v, r in zip(values, roles, strict=False)
    ) and not any(_COMPANY_CODE.match(v) for v in values)
    # an office's row (办税服务厅, a tax bureau) gives the office's own number, published
    office = any(
        _OFFICE.search(v) for v, r in zip(values, roles, strict=False) if r not in (PHONE, PERSON_PHONE)
    )
    # an organisation's row (its party a company, not a person nor an individual business): its own
    # number under a bare 电话 column is published (only a natural person's contact is hidden), unless
    # the row also names a person (法定代表人, 财务负责人, 联系人): the number is then as much that
    # person's contact as the company's, and a landline is hidden as a mobile is
    names_person = any(r == NAME and _is_person(v, role=True) for v, r in zip(values, roles, strict=False))

    for cell, value, role in zip(pieces, values, roles, strict=False):
        if role is None or _EMPTY.match(value) or "*" in value:
            continue
        if role == CERTIFICATE:
            found = PUBLIC_CODE
        elif role in _NAME_ROLES and _is_person(value, role=True):
            found = role
        elif role == PARTY and person:
            found = PARTY
        elif (
            (role == HOME and (address_hidden or not organisation))
            or (role == MAYBE_ADDRESS and address_hidden)
            or (
                role == BUSINESS_PLACE
                and address_hidden
                and (hide_individual or not (business_row and commercial_premises(value)))
            )
            or (role == BUSINESS_PLACE and farmhouse and village_house(value))
        ) and _ADDRESS_WORD.search(value):
            found = HOME
        elif role == IDENTITY and _identity_number(_SPACE_OR_HYPHEN.sub("", value), values, roles, person):
            found = IDENTITY
        elif role in (DOCUMENT, IDENTITY) and _DOCUMENT_NUMBER.match(_ONE_SPACE.sub("", value)):
            found = DOCUMENT  # (also split by one space: H1234 5678; not a date 2026-12-15)
        elif (
            role == TAXPAYER
            and person
            and not _DATE_VALUE.match(value)
            and _personal_code(_SPACE_OR_HYPHEN.sub("", value))
        ):
            # a natural person's row: the number under 纳税人识别号 is his own (an ID number, a passport,
            # a permit), never a company's code
            found = DOCUMENT
        elif role == BANK and _BANK_NUMBER.match(value):
            found = BANK
        elif (
            role == TAXPAYER
            and not person
            and is_enterprise_tin15(_SPACE_OR_HYPHEN.sub("", value))
            and _company_row(values, roles)
            # (a company or an institution, not a shop: an individual business's old number was often
            # its owner's ID number)
            and any(r == PARTY and SEAT_HOLDER.search(v) for v, r in zip(values, roles, strict=False))
        ):
            found = PUBLIC_CODE  # an enterprise's old taxpayer number in its own row (also ID-shaped)
        elif role in (PHONE, PERSON_PHONE) and _PHONE_NUMBER.search(value):
            if office and (role == PHONE or _is_hotline(value)):
                # an office's row (办税服务厅): its landline is published; a hotline (0898-12366) is nobody's
                if _is_mobile(value):
                    continue
                found = PUBLIC_PHONE
            else:
                company = role == PHONE and not person and not names_person and _company_row(values, roles)
                found = PUBLIC_PHONE if company and not _is_mobile(value) else PHONE
        elif (
            role in (HOME, MAYBE_ADDRESS, BUSINESS_PLACE)
            and (organisation or business_row)
            and _ADDRESS_WORD.search(value)
        ):
            found = PUBLIC_ADDRESS  # an organisation's seat or a business's place, left as it is
        else:
            continue
        for start, end in cell:
            add(start, end, found)
