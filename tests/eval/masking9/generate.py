"""Generate the ninth held-out evaluation corpus for the personal-data masker.

Deterministic: a fixed seed, no clock, no environment; rerunning writes a
byte-identical ``corpus.jsonl`` next to this file.

Each document is ``{"id", "category", "layout", "text", "spans"}``; a span is
``{"start", "end", "kind", "type", "tags"}`` plus, for personal values,
``core_start``/``core_end``: the characters a conventional partial mask hides
(given name, birth-date segment, middle digits, local part, street detail).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 20261207
N_DOCS = 400
HERE = Path(__file__).resolve().parent

FULLWIDTH = str.maketrans("0123456789Xx", "０１２３４５６７８９Ｘｘ")


class Doc:
    """Build a text while recording labelled spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.spans: list[dict] = []

    def t(self, text: str) -> Doc:
        self.parts.append(text)
        self.pos += len(text)
        return self

    def _add(self, value: str, kind: str, type_: str, tags, core=None) -> Doc:
        span = {
            "start": self.pos,
            "end": self.pos + len(value),
            "kind": kind,
            "type": type_,
            "tags": sorted(set(tags or [])),
        }
        if kind == "personal":
            cs, ce = core if core else (0, len(value))
            span["core_start"] = self.pos + cs
            span["core_end"] = self.pos + ce
        self.spans.append(span)
        return self.t(value)

    def p(self, value: str, type_: str, tags=(), core=None) -> Doc:
        return self._add(value, "personal", type_, tags, core)

    def u(self, value: str, type_: str, tags=()) -> Doc:
        return self._add(value, "public", type_, tags)

    def m(self, value: str, type_: str, tags=()) -> Doc:
        return self._add(value, "masked", type_, tags)

    def text(self) -> str:
        return "".join(self.parts)


# ---------------------------------------------------------------- values
SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱覃"
)
COMPOUND = ["欧阳", "司马", "诸葛", "上官", "慕容", "东方", "皇甫", "尉迟", "公孙", "令狐"]
GIVEN1 = list(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞斌宇浩凯秀兰建国志东海燕琳雪梅莉荣健文辉力"
)
WORD_GIVEN = [
    "建设",
    "国庆",
    "红旗",
    "长江",
    "北京",
    "天津",
    "南宁",
    "桂林",
    "海洋",
    "和平",
    "胜利",
    "光明",
    "春花",
    "金山",
    "永红",
    "文化",
    "发展",
    "跃进",
    "上海",
    "成都",
]
MINORITY = [
    "阿依古丽·买买提",
    "买买提·吐尔逊",
    "古丽娜尔·艾合买提",
    "扎西·多吉",
    "热依拉·阿不都",
    "努尔兰·哈山",
    "阿布都热西提·依明",
    "帕提古丽·阿不力孜",
]
MINORITY_UNDOTTED = [
    "阿依古丽买买提",
    "扎西多吉",
    "次仁卓玛",
    "格桑拉姆",
    "巴特尔",
    "乌兰其其格",
    "阿迪力江",
    "索朗旺堆",
]
LATIN = [
    "WANG XIAOMING",
    "Li Na",
    "ZHANG Wei",
    "Chen Jianguo",
    "LIU YANG",
    "Huang Meiling",
    "John SMITH",
    "Nguyen Van An",
]
CITIES = [
    ("广西壮族自治区", "南宁市", "青秀区", "450103", "0771"),
    ("广西壮族自治区", "柳州市", "城中区", "450202", "0772"),
    ("广西壮族自治区", "桂林市", "七星区", "450305", "0773"),
    ("广东省", "佛山市", "南海区", "440605", "0757"),
    ("江苏省", "常州市", "新北区", "320411", "0519"),
    ("湖南省", "长沙市", "岳麓区", "430104", "0731"),
    ("四川省", "成都市", "武侯区", "510107", "028"),
    ("浙江省", "嘉兴市", "南湖区", "330402", "0573"),
    ("重庆市", "", "渝北区", "500112", "023"),
    ("北京市", "", "丰台区", "110106", "010"),
    ("河南省", "郑州市", "金水区", "410105", "0371"),
    ("山东省", "日照市", "东港区", "371102", "0633"),
]
ROADS = [
    "民族大道",
    "友爱路",
    "解放路",
    "建设路",
    "人民东路",
    "滨江路",
    "新华街",
    "中山路",
    "长兴路",
    "园湖南路",
    "文化路",
    "桃源路",
]
ESTATES = [
    "幸福嘉园",
    "春晖花园",
    "阳光新城",
    "锦绣江南",
    "金域蓝湾",
    "翡翠园",
    "东盟小区",
    "碧桂园",
    "恒大绿洲",
    "香江名苑",
]
VILLAGES = ["东亭村", "那马村", "石门村", "大塘村", "新和村", "上林村"]
TOWNS = ["孟河镇", "那洪街道", "三塘镇", "沙井街道", "大沙田镇", "河西街道"]
COMPANY_CORE = [
    "丰赢",
    "洪谦金",
    "槟咪",
    "侯珏",
    "维世达",
    "继备",
    "金禹信",
    "融创世通",
    "恒之星",
    "永壮达",
    "桂盛",
    "鑫源",
    "华茂",
    "博远",
    "宏达",
    "嘉润",
    "锦程",
    "汇丰隆",
    "聚鑫",
    "德顺",
]
COMPANY_TRADE = [
    "商贸有限公司",
    "贸易有限公司",
    "科技有限公司",
    "建材有限公司",
    "物流有限公司",
    "酒店有限公司",
    "电子有限公司",
    "农业发展有限公司",
    "劳务有限公司",
    "建筑工程有限公司",
]
SHOP_TRADE = [
    "便利店",
    "五金店",
    "餐馆",
    "粉店",
    "服装店",
    "建材经营部",
    "汽车修理厂",
    "水果批发部",
    "烟酒商行",
    "美发店",
    "副食店",
    "石材加工厂",
]
BANKS = [
    "中国工商银行",
    "中国农业银行",
    "中国建设银行",
    "中国银行",
    "交通银行",
    "广西北部湾银行",
    "中国邮政储蓄银行",
    "桂林银行",
    "招商银行",
    "农村信用合作联社",
]
BANK_BIN = [
    "622202",
    "622848",
    "621700",
    "621661",
    "622262",
    "623668",
    "621799",
    "622588",
    "622908",
    "621226",
]
LAWFIRMS = [
    "广西桂海律师事务所",
    "广东君信律师事务所",
    "江苏常辉律师事务所",
    "湖南岳麓律师事务所",
    "北京市中伦文德律师事务所",
    "四川蜀都律师事务所",
]
TAXFIRMS = [
    "广西正衡税务师事务所有限公司",
    "南宁市众信代理记账有限公司",
    "佛山市南海区诚达财税咨询有限公司",
    "常州中瑞税务师事务所有限公司",
    "长沙金账本代理记账有限公司",
]
EMAIL_DOM = ["163.com", "qq.com", "126.com", "sina.com", "hotmail.com", "foxmail.com"]
TAXES = [
    "增值税",
    "企业所得税",
    "个人所得税",
    "城市维护建设税",
    "印花税",
    "房产税",
    "城镇土地使用税",
    "资源税",
]
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]
ORG_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class Gen:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)

    def ch(self, seq):
        return self.r.choice(seq)

    def digits(self, n: int) -> str:
        return "".join(self.ch("0123456789") for _ in range(n))

    # ---- persons
    def name(self, style: str | None = None) -> tuple[str, int, list[str]]:
        """Return (name, surname_length, tags)."""
        style = style or self.ch(
            ["plain"] * 10 + ["two"] * 4 + ["compound", "word", "minority", "minority_u", "latin"]
        )
        if style == "two":
            return self.ch(SURNAMES) + self.ch(GIVEN1), 1, ["two_char_name"]
        if style == "compound":
            return (
                self.ch(COMPOUND) + self.ch(GIVEN1) + self.r.choice(["", self.ch(GIVEN1)]),
                2,
                ["compound_surname"],
            )
        if style == "word":
            return self.ch(SURNAMES) + self.ch(WORD_GIVEN), 1, ["given_name_is_word"]
        if style == "minority":
            n = self.ch(MINORITY)
            return n, n.index("·"), ["minority_dotted"]
        if style == "minority_u":
            n = self.ch(MINORITY_UNDOTTED)
            return n, 1, ["minority_undotted"]
        if style == "latin":
            n = self.ch(LATIN)
            return n, 0, ["latin_name"]
        return self.ch(SURNAMES) + self.ch(GIVEN1) + self.ch(GIVEN1), 1, []

    def pname(self, d: Doc, tags=(), style=None, pad=False, type_="person_name") -> str:
        n, sl, t = self.name(style)
        if pad and len(n) == 2:
            n = n[0] + "　" + n[1] if self.r.random() < 0.5 else n[0] + " " + n[1]
            t = t + ["padded_name"]
            d.p(n, type_, list(tags) + t, core=(sl + 1, len(n)))
        else:
            d.p(n, type_, list(tags) + t, core=(sl, len(n)) if sl else (0, len(n)))
        return n

    def id18(self, x=False) -> str:
        city = self.ch(CITIES)[3]
        y = self.r.randint(1955, 2003)
        m = self.r.randint(1, 12)
        dd = self.r.randint(1, 28)
        while True:
            body = f"{city}{y:04d}{m:02d}{dd:02d}{self.digits(3)}"
            c = ID_CHECK[sum(int(a) * w for a, w in zip(body, ID_WEIGHTS, strict=True)) % 11]
            if (c == "X") == x:
                return body + c

    def id15(self) -> str:
        city = self.ch(CITIES)[3]
        return f"{city}{self.r.randint(55, 85):02d}{self.r.randint(1, 12):02d}{self.r.randint(1, 28):02d}{self.digits(3)}"

    def pid(self, d: Doc, tags=(), type_="id_number", allow=True) -> str:
        """Personal ID in one of several surface forms; core = birth-date segment."""
        form = self.ch(["plain"] * 8 + ["x", "xl", "id15", "full", "spaced", "dash"]) if allow else "plain"
        t = list(tags)
        if form == "id15":
            v = self.id15()
            d.p(v, type_, t + ["id15"], core=(6, 12))
            return v
        v = self.id18(x=form in ("x", "xl"))
        if form == "xl":
            v = v[:-1] + "x"
            t.append("id_lower_x")
        elif form == "x":
            t.append("id_ends_X")
        core = (6, 14)
        if form == "full":
            v = v.translate(FULLWIDTH)
            t.append("fullwidth_digits")
        elif form == "spaced":
            v = v[:6] + " " + v[6:14] + " " + v[14:]
            core = (7, 15)
            t.append("spaced_number")
        elif form == "dash":
            v = v[:6] + "-" + v[6:14] + "-" + v[14:]
            core = (7, 15)
            t.append("dashed_number")
        d.p(v, type_, t, core=core)
        return v

    def ptin(self, d: Doc, tags=()) -> None:
        v = self.id18() + self.digits(2)
        d.p(v, "taxpayer_id_person", list(tags) + ["tin_is_id_plus_2"], core=(6, 14))

    def mobile(self, d: Doc, tags=(), type_="mobile") -> None:
        v = self.ch(["138", "139", "135", "159", "186", "177", "199", "152", "187", "133"]) + self.digits(8)
        form = self.ch(["plain"] * 6 + ["p86", "p0086", "full", "spaced", "dash"])
        t = list(tags)
        core = (3, 7)
        if form == "p86":
            v = "+86 " + v
            core = (7, 11)
            t.append("plus86")
        elif form == "p0086":
            v = "0086-" + v
            core = (8, 12)
            t.append("0086")
        elif form == "full":
            v = v.translate(FULLWIDTH)
            t.append("fullwidth_digits")
        elif form == "spaced":
            v = v[:3] + " " + v[3:7] + " " + v[7:]
            core = (4, 8)
            t.append("spaced_number")
        elif form == "dash":
            v = v[:3] + "-" + v[3:7] + "-" + v[7:]
            core = (4, 8)
            t.append("dashed_number")
        d.p(v, type_, t, core=core)

    def landline_private(self, d: Doc, area: str, tags=()) -> None:
        sub = self.ch("2345678") + self.digits(7 if len(area) == 3 else 6)
        form = self.ch(["dash", "paren", "ext", "plain"])
        t = list(tags) + ["landline_area_code"]
        if form == "dash":
            v = f"{area}-{sub}"
        elif form == "paren":
            v = f"（{area}）{sub}"
        elif form == "ext":
            v = f"{area}-{sub}转{self.digits(3)}"
            t.append("extension")
        else:
            v = f"{area}{sub}"
        start = v.index(sub)
        d.p(v, "landline_private", t, core=(start, start + len(sub) - 2))

    def email(self, d: Doc, tags=()) -> None:
        local = self.ch(["wxm", "lina", "zhangwei", "cjg", "hml", "tax", "yang"]) + self.digits(
            self.r.randint(2, 5)
        )
        at = "＠" if self.r.random() < 0.2 else "@"
        t = list(tags) + (["fullwidth_at"] if at == "＠" else [])
        d.p(local + at + self.ch(EMAIL_DOM), "email", t, core=(0, len(local)))

    def card(self, d: Doc, tags=()) -> None:
        body = self.ch(BANK_BIN) + self.digits(self.ch([9, 10, 12]))
        total = 0
        for i, c in enumerate(reversed(body)):
            n = int(c)
            if i % 2 == 0:
                n *= 2
                n = n - 9 if n > 9 else n
            total += n
        v = body + str((10 - total % 10) % 10)
        form = self.ch(["plain"] * 5 + ["spaced4", "full"])
        t = list(tags)
        core = (6, len(v) - 4)
        if form == "spaced4":
            v2 = " ".join(v[i : i + 4] for i in range(0, len(v), 4))
            core = (7, len(v2) - 5)
            v = v2
            t.append("spaced_number")
        elif form == "full":
            v = v.translate(FULLWIDTH)
            t.append("fullwidth_digits")
        d.p(v, "bank_card", t, core=core)

    def passport(self, d: Doc, tags=()) -> None:
        kind = self.ch(["passport", "hk", "tw"])
        if kind == "passport":
            v = self.ch(["E", "EA", "G"])
            v = v + self.digits(9 - len(v))
            d.p(v, "passport", tags, core=(1, len(v) - 2))
        elif kind == "hk":
            v = self.ch(["H", "M"]) + self.digits(8)
            d.p(v, "hk_macao_permit", tags, core=(1, len(v) - 2))
        else:
            v = self.digits(8)
            d.p(v, "taiwan_permit", tags, core=(1, len(v) - 2))

    def home_addr(self, d: Doc, city, tags=(), prefix=True) -> None:
        prov, cty, dist, _, _ = city
        head = (prov + cty + dist) if prefix else dist
        form = self.ch(["estate", "estate", "village", "road"])
        if form == "estate":
            tail = f"{self.ch(ROADS)}{self.r.randint(1, 399)}号{self.ch(ESTATES)}{self.r.randint(1, 30)}栋{self.r.randint(1, 4)}单元{self.r.randint(1, 33)}0{self.r.randint(1, 8)}号"
        elif form == "village":
            tail = f"{self.ch(TOWNS)}{self.ch(VILLAGES)}{self.r.randint(1, 12)}组{self.r.randint(1, 150)}号"
        else:
            tail = f"{self.ch(ROADS)}{self.r.randint(1, 399)}号{self.r.randint(1, 9)}-{self.r.randint(101, 2808)}室"
        d.p(head + tail, "home_address", tags, core=(len(head), len(head) + len(tail)))

    # ---- public
    def uscc(self, prefix: str = "91") -> str:
        """A GB 32100 code: prefix (91 enterprise, 92 individual business, 11 state organ), region, GB 11714 org code, check."""
        while True:
            org = "".join(self.ch("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
            s = sum(ORG_CHARS.index(c) * w for c, w in zip(org, ORG_W, strict=True))
            c9 = 11 - s % 11
            c9s = "0" if c9 == 11 else ("X" if c9 == 10 else str(c9))
            body = prefix + self.ch(CITIES)[3] + org + c9s
            s2 = sum(USCC_CHARS.index(c) * w for c, w in zip(body, USCC_W, strict=True))
            c18 = (31 - s2 % 31) % 31
            return body + USCC_CHARS[c18]

    def company(self, city) -> str:
        place = (city[1] or city[0]).replace("市", "").replace("省", "").replace("壮族自治区", "")
        return place + self.ch(["市", ""]) + self.ch(COMPANY_CORE) + self.ch(COMPANY_TRADE)

    def biz_addr(self, city) -> str:
        prov, cty, dist, _, _ = city
        return (
            (cty or prov)
            + dist
            + self.ch(ROADS)
            + f"{self.r.randint(1, 399)}号"
            + self.ch(["商铺", "", "写字楼" + str(self.r.randint(3, 28)) + "层", "厂房", "门面"])
        )

    def amount(self) -> str:
        return f"{self.r.randint(100, 9999999)}.{self.r.randint(0, 99):02d}"

    def date(self) -> str:
        return f"{self.r.randint(2019, 2026)}年{self.r.randint(1, 12)}月{self.r.randint(1, 28)}日"

    def bureau(self, city) -> tuple[str, str]:
        place = city[1] or city[0]
        short = place[:2]
        b = self.ch(
            [
                f"国家税务总局{place}税务局稽查局",
                f"国家税务总局{place}{city[2]}税务局",
                f"国家税务总局{place}税务局第一稽查局",
                f"国家税务总局{place}税务局第二稽查局",
            ]
        )
        return b, short

    def docno(self, short: str, kind: str) -> str:
        return f"{short[0]}{self.ch(['市税稽', '税一稽', '税二稽', '税稽'])}{kind}〔{self.r.randint(2019, 2026)}〕{self.r.randint(1, 480)}号"

    def contact_block(self, d: Doc, city, bureau, show_officer: bool, where: str) -> None:
        """The bureau's own contact data in one of many real wordings: all public, officer name by policy."""
        area = city[4]
        hall = f"{area}-{self.ch('2345678')}{self.digits(6 if len(area) == 4 else 7)}"
        form = self.ch(["a", "b", "c", "d", "e"])
        tg = ["bureau_contact", where]
        if form == "a":
            d.t("联系人：")
            if show_officer:
                self.pname(d, tg + ["published_by_policy"], type_="official_name")
            else:
                d.m(self.ch(SURNAMES) + self.ch(["老师", "女士", "先生"]), "official_title", tg)
            d.t("\n联系电话：").u(hall, "hall_phone", tg).t("\n联系地址：").u(
                self.biz_addr(city), "authority_address", tg
            )
            d.t("\n邮政编码：").u(self.digits(6), "postcode", tg).t("\n")
        elif form == "b":
            d.t("咨询电话：").u("12366", "hotline", tg).t("、").u(hall, "hall_phone", tg).t(
                "（办税服务厅）\n"
            )
        elif form == "c":
            d.t("办税服务厅地址：").u(self.biz_addr(city), "authority_address", tg).t(
                "；受理时间：工作日上午9:00-12:00，下午13:30-17:30；电话："
            ).u(hall, "hall_phone", tg).t("。\n")
        elif form == "d":
            d.t("纳税服务热线：").u("12366", "hotline", tg).t("　网址：").u(
                f"https://{self.ch(['guangxi', 'guangdong', 'jiangsu', 'hunan', 'sichuan'])}.chinatax.gov.cn",
                "url",
                tg,
            ).t("\n")
        else:
            d.t("经办人：")
            self.pname(d, tg + ["published_by_policy"], type_="official_name")
            d.t("　执法证号：").u(
                f"{self.ch(['14501', '14403', '13204', '14301'])}{self.digits(6)}", "officer_cert_no", tg
            )
            d.t("　电话：").u(hall, "hall_phone", tg).t("\n")


# ---------------------------------------------------------------- layouts
def pub(value: str, type_: str, tags=()):
    """A table cell holding a public value (the value is drawn now, written later)."""
    return lambda d: d.u(value, type_, tags)


def msk(value: str, type_: str):
    """A table cell holding an already-masked value."""
    return lambda d: d.m(value, type_)


def table(d: Doc, g: Gen, header: list[str], rows: list[list], layout: str) -> None:
    """Emit rows of cells; a cell is a str (plain) or a callable(d) that writes labelled content."""

    def cell(c):
        if callable(c):
            c(d)
        else:
            d.t(c)

    if layout == "html":
        d.t("<table>\n<tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr>\n")
        for r in rows:
            d.t("<tr>")
            for c in r:
                d.t("<td>")
                cell(c)
                d.t("</td>")
            d.t("</tr>\n")
        d.t("</table>\n")
        return
    if layout == "kv":
        for r in rows:
            for h, c in zip(header, r, strict=True):
                d.t(f"{h}：")
                cell(c)
                d.t("\n")
            d.t("\n")
        return
    if layout == "semicolon":
        for r in rows:
            for i, (h, c) in enumerate(zip(header, r, strict=True)):
                d.t(f"{h}：")
                cell(c)
                d.t("；" if i < len(r) - 1 else "。\n")
        return
    if layout == "cellline":
        d.t("\n".join(header) + "\n")
        for r in rows:
            for c in r:
                cell(c)
                d.t("\n")
        return
    sep = {"tab": "\t", "pipe": " | ", "space": "    ", "csv": ","}[layout]
    if layout == "pipe":
        d.t("| " + " | ".join(header) + " |\n|" + "---|" * len(header) + "\n")
    else:
        d.t(sep.join(header) + "\n")
    for r in rows:
        if layout == "pipe":
            d.t("| ")
        for i, c in enumerate(r):
            if layout == "csv" and g.r.random() < 0.15:
                d.t('"')
                cell(c)
                d.t('"')
            else:
                cell(c)
            if i < len(r) - 1:
                d.t(sep if layout != "space" else " " * g.r.randint(2, 6))
        d.t(" |\n" if layout == "pipe" else "\n")


TABLE_LAYOUTS = ["tab", "pipe", "cellline", "space", "kv", "csv", "html", "semicolon"]


def csv_multiline_addr(g: Gen, city):
    """A quoted CSV cell whose address contains a line break (spreadsheet export)."""

    def w(d: Doc):
        d.t('"')
        g.home_addr(d, city, ["csv_quoted_linebreak"])
        # insert a line break inside the quoted cell after the address
        d.t('\n（户籍地）"')

    return w


# ---------------------------------------------------------------- categories
def penalty_person(g: Gen, d: Doc, layout: str) -> None:
    """税务行政处罚决定书 (简易/一般) against a natural person; name published by policy."""
    city = g.ch(CITIES)
    bureau, short = g.bureau(city)
    d.u(bureau, "authority_name").t("\n税务行政处罚决定书\n").u(g.docno(short, "罚"), "doc_number").t("\n\n")
    d.t("当事人：")
    g.pname(d, ["published_by_policy", "party"])
    d.t(g.ch(["\n", "，"]) + g.ch(["居民身份证号码：", "身份证件号码：", "证件号码：", "公民身份号码"]))
    g.pid(d, ["party"])
    d.t("\n" + g.ch(["住址：", "地址：", "家庭住址：", "住所："]))
    g.home_addr(d, city, ["party"])
    d.t("\n")
    if g.r.random() < 0.5:
        d.t("联系电话：")
        g.mobile(d, ["party"])
        d.t("\n")
    d.t("\n经我局于").u(g.date(), "date").t("至").u(g.date(), "date").t("对你")
    house = f"{city[2]}{g.ch(ROADS)}{g.r.randint(1, 300)}号{g.ch(ESTATES)}{g.r.randint(1, 20)}栋{g.r.randint(101, 2801)}房"
    d.t(g.ch(["", "在"]) + "转让位于").p(
        house, "home_address", ["narrative"], core=(len(city[2]), len(house))
    ).t("房产的涉税情况进行检查，")
    d.t("查明你与买受人")
    g.pname(d, ["narrative", "third_party"])
    d.t("（身份证号码：")
    g.pid(d, ["narrative", "third_party"])
    d.t("）签订《存量房买卖合同》，成交价").u(g.amount(), "amount").t("元，")
    d.t("购房款由")
    g.pname(d, ["narrative", "third_party", "family"])
    d.t(g.ch(["（系你配偶）", "（你的妻子）", "（你之子）", "（你母亲）"]) + "名下")
    bank = g.ch(BANKS)
    d.u(bank + city[2] + "支行", "bank_branch").t("账户（账号：")
    g.card(d, ["narrative", "third_party"])
    d.t("）收取。你未按规定申报").u(g.ch(TAXES), "tax_kind").t("，少缴税款").u(g.amount(), "amount").t(
        "元。\n"
    )
    d.t("以上事实有询问笔录（询问人：")
    d.m(g.ch(SURNAMES) + "某", "masked_name").t("、").m(g.ch(SURNAMES) + "某某", "masked_name").t(
        "）等证据证实。\n"
    )
    d.t("根据《中华人民共和国税收征收管理法》第六十三条第一款的规定，对你处少缴税款百分之五十的罚款").u(
        g.amount(), "amount"
    ).t("元。\n")
    g.contact_block(d, city, bureau, g.r.random() < 0.5, "bottom")
    d.u(bureau, "authority_name").t("\n").u(g.date(), "date").t("\n")


def penalty_company(g: Gen, d: Doc, layout: str) -> None:
    """处罚/处理决定书 against a company: representative, finance staff, agent firm, lawyer."""
    city = g.ch(CITIES)
    bureau, short = g.bureau(city)
    co = g.company(city)
    top_contact = g.r.random() < 0.3
    if top_contact:
        g.contact_block(d, city, bureau, False, "top")
    d.u(bureau, "authority_name").t("\n" + g.ch(["税务行政处罚决定书", "税务处理决定书"]) + "\n").u(
        g.docno(short, g.ch(["罚", "处"])), "doc_number"
    ).t("\n\n")
    d.u(co, "company_name").t("（" + g.ch(["统一社会信用代码", "纳税人识别号"]) + "：").u(g.uscc(), "uscc").t(
        "）：\n"
    )
    d.t("    我局于").u(g.date(), "date").t("对你公司（地址：").u(g.biz_addr(city), "business_address").t(
        "）涉税情况进行了检查。"
    )
    d.t("你公司法定代表人")
    g.pname(d, ["representative"])
    d.t("（居住地址：")
    g.home_addr(d, city, ["representative"])
    d.t("）、财务负责人")
    g.pname(d, ["employee"])
    d.t("均无法联系。")
    if g.r.random() < 0.6:
        d.t("经查，你公司通过财务人员")
        g.pname(d, ["employee", "narrative"])
        d.t("个人银行卡（" + g.ch(BANKS) + "，卡号")
        g.card(d, ["narrative"])
        d.t("）收取货款").u(g.amount(), "amount").t("元，未入账核算。")
    d.t("你公司取得的增值税专用发票（发票代码：").u(g.digits(10), "invoice_code").t("，发票号码：").u(
        g.digits(8), "invoice_number"
    ).t("）系虚开。\n")
    if g.r.random() < 0.5:
        d.t("你公司委托").u(g.ch(TAXFIRMS), "tax_agent_firm").t("代理记账，该公司会计")
        g.pname(d, ["agent_staff"])
        d.t("（联系电话：")
        g.mobile(d, ["agent_staff"])
        d.t("）称……\n")
    if g.r.random() < 0.5:
        d.t("你公司委托代理人")
        g.pname(d, ["lawyer"])
        d.t("，").u(g.ch(LAWFIRMS), "law_firm").t("律师，执业证号").u("1" + g.digits(16), "lawyer_license").t(
            "，于听证中提出……\n"
        )
    d.t("根据《中华人民共和国税收征收管理法》第六十三条第一款，对你公司处以罚款").u(g.amount(), "amount").t(
        "元。\n"
    )
    d.t("如对本决定不服，可以自收到本决定书之日起六十日内依法向").u(
        bureau.replace("稽查局", "").replace("第一", "").replace("第二", ""), "authority_name"
    ).t("申请行政复议。\n")
    if not top_contact:
        g.contact_block(d, city, bureau, g.r.random() < 0.4, g.ch(["bottom", "body"]))
    d.t(" " * 30).u(g.date(), "date").t("\n")


def arrears_list(g: Gen, d: Doc, layout: str) -> None:
    """欠税公告: 单位 and 个体/个人 in one list, with 居民身份证 column."""
    city = g.ch(CITIES)
    bureau, short = g.bureau(city)
    d.u(bureau, "authority_name").t(g.ch(["欠税公告", "关于公告欠税情况的公告"]) + "\n（").u(
        f"{g.r.randint(2020, 2026)}年第{g.r.randint(1, 6)}号", "doc_number"
    ).t("）\n")
    d.t("根据《中华人民共和国税收征收管理法》第四十五条规定，现将欠税情况公告如下：\n")
    header = [
        "序号",
        "纳税人名称",
        "纳税人识别号",
        "法定代表人（负责人/业主）姓名",
        "证件种类",
        "证件号码",
        "经营地点",
        "欠税税种",
        "欠税余额",
    ]
    rows = []
    for i in range(g.r.randint(3, 6)):
        kind = g.ch(["co", "co", "shop", "person"])
        row: list = [str(i + 1)]
        if kind == "co":
            co = g.company(city)
            row.append(pub(co, "company_name"))
            row.append(pub(g.uscc(), "enterprise_tin"))
            row.append(lambda d: g.pname(d, ["representative", "table"], pad=g.r.random() < 0.3))
            row.append("居民身份证")
            row.append(lambda d: g.pid(d, ["table"]))
            row.append(pub(g.biz_addr(city), "business_address"))
        else:
            # 个体工商户 named after its owner: shop name public, owner name and ID personal
            n, sl, tg = g.name(g.ch(["plain", "two", "compound"]))
            shop = f"{city[2]}{n}{g.ch(SHOP_TRADE)}" if kind == "shop" else n
            if kind == "shop":
                row.append(pub(shop, "shop_name", ["shop_named_after_owner"]))
            else:
                row.append(
                    lambda d, n=n, sl=sl, tg=tg: d.p(
                        n, "person_name", tg + ["published_by_policy", "table"], core=(sl, len(n))
                    )
                )
            row.append(lambda d: g.ptin(d, ["table"]))
            row.append(
                lambda d, n=n, sl=sl, tg=tg, k=kind: d.p(
                    n,
                    "person_name",
                    tg
                    + ["owner", "table", "name_repeated_in_row"]
                    + (["published_by_policy"] if k == "person" else []),
                    core=(sl, len(n)),
                )
            )
            row.append(g.ch(["居民身份证", "身份证"]))
            row.append(lambda d: g.pid(d, ["table"]))
            if kind == "shop":
                row.append(pub(g.biz_addr(city), "business_address"))
            else:
                row.append(lambda d, c=city: g.home_addr(d, c, ["table"]))
        row.append(g.ch(TAXES))
        row.append(pub(g.amount(), "amount"))
        rows.append(row)
    table(d, g, header, rows, layout)
    d.t("特此公告。\n")
    g.contact_block(d, city, bureau, False, "bottom")
    d.u(bureau, "authority_name").t("\n").u(g.date(), "date").t("\n")


def abnormal_list(g: Gen, d: Doc, layout: str) -> None:
    """非正常户公告 / 走逃失联 with 法定代表人 and 财务负责人 columns."""
    city = g.ch(CITIES)
    bureau, short = g.bureau(city)
    d.u(bureau, "authority_name").t("关于认定非正常户的公告\n")
    d.t(
        "下列纳税人未按照规定的期限申报纳税，经税务机关责令限期改正后，逾期仍不改正，且经实地检查查无下落，依据《税务登记管理办法》第四十条，现认定为非正常户：\n"
    )
    header = [
        "纳税人识别号",
        "纳税人名称",
        "法定代表人",
        "身份证件号码",
        "财务负责人",
        "联系电话",
        "生产经营地址",
        "认定日期",
    ]
    rows = []
    for _ in range(g.r.randint(3, 5)):
        co = g.company(city) if g.r.random() < 0.7 else None
        if co:
            rows.append(
                [
                    pub(g.uscc(), "enterprise_tin"),
                    pub(co, "company_name"),
                    lambda d: g.pname(d, ["representative", "table"]),
                    lambda d: g.pid(d, ["table"]),
                    lambda d: g.pname(d, ["employee", "table"]),
                    lambda d: g.mobile(d, ["table"]),
                    pub(g.biz_addr(city), "business_address"),
                    pub(g.date(), "date"),
                ]
            )
        else:
            n, sl, tg = g.name()
            shop = f"{city[1] or city[0]}{city[2]}{n}{g.ch(SHOP_TRADE)}"
            rows.append(
                [
                    lambda d: g.ptin(d, ["table"]),
                    pub(shop, "shop_name", ["shop_named_after_owner"]),
                    lambda d, n=n, sl=sl, tg=tg: d.p(
                        n, "person_name", tg + ["owner", "table"], core=(sl, len(n))
                    ),
                    lambda d: g.pid(d, ["table"]),
                    lambda d, n=n, sl=sl, tg=tg: d.p(
                        n, "person_name", tg + ["owner", "table", "name_repeated_in_row"], core=(sl, len(n))
                    ),
                    lambda d: (
                        g.landline_private(d, city[4], ["table"])
                        if g.r.random() < 0.4
                        else g.mobile(d, ["table"])
                    ),
                    pub(g.biz_addr(city), "business_address"),
                    pub(g.date(), "date"),
                ]
            )
    table(d, g, header, rows, layout)
    g.contact_block(d, city, bureau, g.r.random() < 0.3, "bottom")


def service_notice(g: Gen, d: Doc, layout: str) -> None:
    """税务文书送达公告 (公告送达) mixing companies and persons."""
    city = g.ch(CITIES)
    bureau, short = g.bureau(city)
    d.u(bureau, "authority_name").t("税务文书送达公告\n").u(g.docno(short, "告"), "doc_number").t("\n")
    if g.r.random() < 0.5:
        g.contact_block(d, city, bureau, True, "top")
    d.t(
        "因采用直接送达、委托送达、邮寄送达等方式无法送达，根据《中华人民共和国税收征收管理法实施细则》第一百零六条规定，向下列受送达人公告送达税务文书，自公告之日起满30日，即视为送达。\n"
    )
    header = [
        "受送达人",
        "纳税人识别号（统一社会信用代码或身份证号码）",
        "法定代表人或负责人",
        "文书名称",
        "文书文号",
    ]
    rows = []
    for _ in range(g.r.randint(3, 6)):
        k = g.ch(["co", "co", "person", "shop"])
        if k == "co":
            co = g.company(city)
            rows.append(
                [
                    pub(co, "company_name"),
                    pub(g.uscc(), "uscc"),
                    lambda d: g.pname(d, ["representative", "table"], pad=g.r.random() < 0.2),
                ]
            )
        elif k == "shop":
            n, sl, tg = g.name(g.ch(["plain", "word", "two"]))
            shop = f"{city[2]}{n}{g.ch(SHOP_TRADE)}"
            rows.append(
                [
                    pub(shop, "shop_name", ["shop_named_after_owner"]),
                    lambda d: g.ptin(d, ["table"]),
                    lambda d, n=n, sl=sl, tg=tg: d.p(
                        n, "person_name", tg + ["owner", "table"], core=(sl, len(n))
                    ),
                ]
            )
        else:
            n, sl, tg = g.name()
            rows.append(
                [
                    lambda d, n=n, sl=sl, tg=tg: d.p(
                        n, "person_name", tg + ["table", "served_person"], core=(sl, len(n))
                    ),
                    lambda d: g.pid(d, ["table"]),
                    "/",
                ]
            )
        rows[-1] += [
            g.ch(
                [
                    "税务处理决定书",
                    "税务行政处罚决定书",
                    "税务事项通知书",
                    "责令限期改正通知书",
                    "税务检查通知书",
                ]
            ),
            pub(g.docno(short, g.ch(["处", "罚", "通"])), "doc_number"),
        ]
    table(d, g, header, rows, layout)
    d.t("受送达人如对上述文书有异议，可到").u(bureau, "authority_name").t("（地址：").u(
        g.biz_addr(city), "authority_address", ["bureau_contact"]
    ).t("）领取。\n")
    if g.r.random() < 0.5:
        g.contact_block(d, city, bureau, True, "bottom")


def address_confirmation(g: Gen, d: Doc, layout: str) -> None:
    """送达地址确认书 as published with a case: the person's own address, phone, e-mail."""
    city = g.ch(CITIES)
    bureau, short = g.bureau(city)
    d.t("送达地址确认书\n案由：").u(g.docno(short, "检"), "doc_number").t("检查案件\n")
    header = ["受送达人", "证件号码", "送达地址", "邮政编码", "手机", "电子邮箱", "委托代理人", "代理人电话"]
    row = [
        lambda d: g.pname(d, ["addressee"]),
        lambda d: g.pid(d, []) if g.r.random() < 0.8 else g.passport(d, ["foreign_doc"]),
        csv_multiline_addr(g, city) if layout == "csv" else (lambda d: g.home_addr(d, city, [])),
        pub(g.digits(6), "postcode"),
        lambda d: g.mobile(d, []),
        lambda d: g.email(d, []),
        lambda d: g.pname(d, ["lawyer"]),
        lambda d: g.landline_private(d, city[4], ["lawyer"]),
    ]
    table(d, g, header, [row], layout)
    d.t("代理人所在单位：").u(g.ch(LAWFIRMS), "law_firm").t("\n送达人：").u(bureau, "authority_name").t(
        "，地址："
    ).u(g.biz_addr(city), "authority_address", ["bureau_contact"]).t("\n")
    d.t("受送达人签名：")
    d.m(g.ch(SURNAMES) + "**", "masked_name")
    d.t("　证件号码：").m(g.ch(CITIES)[3] + "********" + g.digits(3) + g.ch(["X", "1", "5"]), "masked_id").t(
        "\n"
    )


def double_public(g: Gen, d: Doc, layout: str) -> None:
    """双公示 行政处罚 row list: 个人 and 单位 in one list; person names published by policy."""
    city = g.ch(CITIES)
    bureau, short = g.bureau(city)
    d.t("行政处罚信息公示（双公示）\n")
    header = [
        "行政相对人名称",
        "行政相对人类别",
        "统一社会信用代码",
        "法定代表人",
        "证件类型",
        "证件号码",
        "处罚决定书文号",
        "处罚内容",
        "罚款金额（万元）",
        "处罚机关",
        "处罚机关统一社会信用代码",
    ]
    rows = []
    for _ in range(g.r.randint(2, 5)):
        k = g.ch(["法人及非法人组织", "自然人", "个体工商户"])
        org_code = g.uscc("11")
        if k == "法人及非法人组织":
            co = g.company(city)
            r = [
                pub(co, "company_name"),
                k,
                pub(g.uscc(), "uscc"),
                lambda d: g.pname(d, ["representative", "table"]),
                "",
                "",
            ]
        elif k == "个体工商户":
            n, sl, tg = g.name()
            shop = (
                f"{n}{g.ch(SHOP_TRADE)}"
                if g.r.random() < 0.5
                else f"{city[2]}{g.ch(['老', '小', ''])}{n[-1]}记{g.ch(SHOP_TRADE)}"
            )
            r = [
                pub(shop, "shop_name", ["shop_named_after_owner"]),
                k,
                pub(g.uscc("92"), "uscc"),
                lambda d, n=n, sl=sl, tg=tg: d.p(
                    n, "person_name", tg + ["owner", "table"], core=(sl, len(n))
                ),
                "身份证",
                lambda d: g.pid(d, ["table"]),
            ]
        else:
            r = [
                lambda d: g.pname(d, ["published_by_policy", "table"]),
                k,
                "",
                "",
                g.ch(["身份证", "居民身份证"]),
                lambda d: g.pid(d, ["table"]),
            ]
        r += [
            pub(g.docno(short, "罚"), "doc_number"),
            "罚款",
            pub(f"{g.r.randint(0, 99)}.{g.r.randint(0, 9999):04d}", "amount"),
            lambda d: d.u(bureau, "authority_name"),
            pub(org_code, "uscc", ["authority_code"]),
        ]
        rows.append(r)
    table(d, g, header, rows, layout)
    d.t("数据来源：").u(bureau, "authority_name").t("　更新日期：").u(g.date(), "date").t("\n")


def dishonesty(g: Gen, d: Doc, layout: str) -> None:
    """重大税收违法失信主体信息公布: 法定代表人, 财务负责人, 负有直接责任的中介机构 and its staff."""
    city = g.ch(CITIES)
    bureau, short = g.bureau(city)
    co = g.company(city)
    d.t("重大税收违法失信主体信息\n")
    d.t("纳税人名称：").u(co, "company_name").t("\n统一社会信用代码：").u(g.uscc(), "uscc").t("\n")
    d.t("注册地址：").u(g.biz_addr(city), "business_address").t("\n")
    d.t("法定代表人或者负责人姓名：")
    g.pname(d, ["representative", "published_by_policy"])
    d.t(g.ch(["，性别：男，", "，性别：女，", "　"]) + "身份证件号码：")
    d.m(g.id18()[:6] + "********" + g.digits(4), "masked_id", ["birth_segment_hidden"])
    d.t("\n负有直接责任的财务负责人姓名：")
    g.pname(d, ["employee", "published_by_policy"])
    d.t("，身份证件号码：")
    d.m(g.id18()[:6] + "********" + g.digits(3) + "X", "masked_id", ["birth_segment_hidden"])
    d.t("\n负有直接责任的中介机构信息：").u(g.ch(TAXFIRMS), "tax_agent_firm").t("，从业人员")
    g.pname(d, ["agent_staff", "published_by_policy"])
    d.t("（税务师执业证号").u(g.digits(2) + "0" + g.digits(5), "tax_agent_cert").t("）\n")
    d.t("主要违法事实：经").u(bureau, "authority_name").t("检查，该纳税人于").u(g.date(), "date").t(
        "期间，通过股东"
    )
    g.pname(d, ["narrative", "third_party"])
    d.t("个人账户（").u(g.ch(BANKS) + (city[1] or city[0]) + "分行营业部", "bank_branch").t("，")
    g.card(d, ["narrative"])
    d.t("）隐匿收入").u(g.amount(), "amount").t("元，少缴").u(g.ch(TAXES), "tax_kind").t("税款").u(
        g.amount(), "amount"
    ).t("元。\n")
    d.t("相关法律依据及税务处理处罚情况：依照《中华人民共和国税收征收管理法》第六十三条……\n")
    g.contact_block(d, city, bureau, False, "bottom")


def narrative_case(g: Gen, d: Doc, layout: str) -> None:
    """个人所得税 case narrative (主播/股权转让): employees, family, foreign IDs, e-mail and phones in text."""
    city = g.ch(CITIES)
    bureau, short = g.bureau(city)
    d.u(bureau, "authority_name").t("\n税务行政处罚决定书\n").u(g.docno(short, "罚"), "doc_number").t("\n")
    d.t("当事人：")
    g.pname(
        d,
        ["party", "published_by_policy"],
        style=g.ch(["latin", "minority", "minority_u", "compound", "word"]),
    )
    d.t("\n" + g.ch(["港澳居民来往内地通行证号码：", "护照号码：", "证件号码："]))
    g.passport(d, ["party", "foreign_doc"])
    d.t("\n纳税人识别号：")
    g.ptin(d, ["party"])
    d.t("\n经查，你于").u(g.date(), "date").t("至").u(g.date(), "date").t("期间，通过").u(
        g.company(city), "company_name"
    ).t("（统一社会信用代码").u(g.uscc(), "uscc").t("）取得直播打赏收入，由工作人员")
    g.pname(d, ["employee", "narrative"])
    d.t("、")
    g.pname(d, ["employee", "narrative"], style="two")
    d.t("代为收取，资金转入你弟弟")
    g.pname(d, ["family", "narrative"])
    d.t("在").u(g.ch(BANKS) + city[2] + "支行", "bank_branch").t("开立的账户")
    g.card(d, ["narrative"])
    d.t("。检查人员通过电子邮箱")
    g.email(d, ["narrative"])
    d.t("及手机")
    g.mobile(d, ["narrative"])
    d.t("联系你，你未回应。你的户籍地为")
    g.home_addr(d, city, ["narrative"])
    d.t("，经实地核查查无此人。\n")
    d.t("你少缴个人所得税").u(g.amount(), "amount").t("元，对你处百分之").u(
        str(g.r.choice([50, 60, 80, 100])), "amount"
    ).t("罚款。执法人员：")
    d.m(g.ch(SURNAMES) + "某", "masked_name").t("、").m(g.ch(SURNAMES) + "某", "masked_name").t(
        "（执法证号："
    ).u(g.digits(11), "officer_cert_no").t("）\n")
    g.contact_block(d, city, bureau, True, "bottom")


def masked_mix(g: Gen, d: Doc, layout: str) -> None:
    """A notice where most personal data was already masked upstream, with a few leaks left and bureau contacts."""
    city = g.ch(CITIES)
    bureau, short = g.bureau(city)
    d.u(bureau, "authority_name").t("关于").u(g.company(city), "company_name").t(
        "等纳税人税务事项通知书的公告\n"
    )
    header = ["纳税人名称", "纳税人识别号", "负责人", "身份证号", "手机号"]
    rows = []
    for _ in range(g.r.randint(2, 4)):
        if g.r.random() < 0.6:
            rows.append(
                [
                    pub(g.company(city), "company_name"),
                    pub(g.uscc(), "uscc"),
                    msk(g.ch(SURNAMES) + g.ch(["*", "**", "某", "某某", "XX"]), "masked_name"),
                    msk(
                        g.ch(CITIES)[3]
                        + g.ch(["****", "********", "**********"])
                        + g.digits(3)
                        + g.ch(["X", "2", "7"]),
                        "masked_id",
                    ),
                    msk(g.ch(["138", "159", "186"]) + "****" + g.digits(4), "masked_phone"),
                ]
            )
        else:
            rows.append(
                [
                    pub(g.company(city), "company_name"),
                    pub(g.uscc(), "uscc"),
                    lambda d: g.pname(d, ["representative", "table"]),
                    lambda d: g.pid(d, ["table"]),
                    lambda d: g.mobile(d, ["table"]),
                ]
            )
    table(d, g, header, rows, layout)
    d.t("账户信息：").u(g.ch(BANKS) + city[2] + "支行", "bank_branch").t("，账号").m(
        g.ch(BANK_BIN) + "******" + g.digits(4), "masked_card"
    ).t("，户名").m("XXX", "placeholder").t("。\n")
    g.contact_block(d, city, bureau, False, "bottom")


CATEGORIES = [
    (penalty_person, 50),
    (penalty_company, 60),
    (arrears_list, 55),
    (abnormal_list, 45),
    (service_notice, 55),
    (address_confirmation, 30),
    (double_public, 40),
    (dishonesty, 25),
    (narrative_case, 25),
    (masked_mix, 15),
]


# ---------------------------------------------------------------- post-processing
def pdf_wrap(g: Gen, text: str, spans: list[dict], width: int) -> str:
    """Insert hard line breaks every `width` characters (PDF extraction), also inside labelled values."""
    out = []
    inserted_before: list[int] = []  # original index -> number of inserted chars before it
    col = 0
    ins = 0
    for ch in text:
        if ch == "\n":
            col = 0
        elif col >= width:
            out.append("\n")
            ins += 1
            col = 0
        inserted_before.append(ins)
        out.append(ch)
        if ch != "\n":
            col += 1
    inserted_before.append(ins)

    def mp(i: int, end: bool = False) -> int:
        # an end index maps to just after the previous character
        if end and i > 0:
            return i - 1 + inserted_before[i - 1] + 1
        return i + inserted_before[i]

    for s in spans:
        s0, s1 = s["start"], s["end"]
        s["start"], s["end"] = mp(s0), mp(s1, True)
        if s["end"] - s["start"] != s1 - s0:
            s["tags"] = sorted(set(s["tags"]) | {"pdf_line_break_inside"})
        if "core_start" in s:
            s["core_start"], s["core_end"] = mp(s["core_start"]), mp(s["core_end"], True)
    return "".join(out)


OCR = {"：": ":", "，": ",", "日": "曰", "号": "弓", "（": "(", "）": ")", "0": "O"}


def ocr_noise(g: Gen, text: str, spans: list[dict]) -> str:
    """Replace a few characters outside every labelled span (OCR noise); lengths are unchanged."""
    covered = bytearray(len(text))
    for s in spans:
        for i in range(s["start"], s["end"]):
            covered[i] = 1
    chars = list(text)
    for i, c in enumerate(chars):
        if not covered[i] and c in OCR and g.r.random() < 0.15:
            # keep the digit-like replacement away from neighbouring labelled values
            if c == "0" and ((i > 0 and covered[i - 1]) or (i + 1 < len(chars) and covered[i + 1])):
                continue
            chars[i] = OCR[c]
    return "".join(chars)


def build() -> list[dict]:
    g = Gen(SEED)
    plan = [fn for fn, n in CATEGORIES for _ in range(n)]
    assert len(plan) == N_DOCS
    docs = []
    for i, fn in enumerate(plan):
        layout = TABLE_LAYOUTS[i % len(TABLE_LAYOUTS)]
        d = Doc()
        fn(g, d, layout)
        text = d.text()
        spans = d.spans
        post = []
        if g.r.random() < 0.2:
            text = pdf_wrap(g, text, spans, g.r.randint(24, 38))
            post.append("pdf_wrapped")
        if g.r.random() < 0.15:
            text = ocr_noise(g, text, spans)
            post.append("ocr_noise")
        for s in spans:
            assert 0 <= s["start"] < s["end"] <= len(text), (fn.__name__, s)
        docs.append(
            {
                "id": f"m9-{i:03d}",
                "category": fn.__name__,
                "layout": "+".join([layout] + post),
                "text": text,
                "spans": spans,
            }
        )
    return docs


def main() -> None:
    docs = build()
    with (HERE / "corpus.jsonl").open("w", encoding="utf-8", newline="\n") as f:
        for doc in docs:
            f.write(json.dumps(doc, ensure_ascii=False, sort_keys=True) + "\n")
    counts: dict[tuple[str, str], int] = {}
    for doc in docs:
        for s in doc["spans"]:
            counts[(s["kind"], s["type"])] = counts.get((s["kind"], s["type"]), 0) + 1
    print(f"{len(docs)} documents")
    for (k, t), n in sorted(counts.items()):
        print(f"{k:9s} {t:22s} {n}")


if __name__ == "__main__":
    main()
