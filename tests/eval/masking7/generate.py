"""Held-out masking set 7: 400 documents modelled on real published tax texts.

Deterministic: ``python tests/eval/masking7/generate.py`` rewrites ``corpus.jsonl`` byte for byte.
Each line: {"id", "category", "layout", "text", "spans": [{start, end, kind, type, value, tags}]}.
``kind`` is personal (must not survive), public (must stay verbatim) or masked (already masked by
the bureau, must stay unchanged). Offsets are Python string indices into ``text``.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 7007
N_DOCS = 400
HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------- value makers

SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢傅钟崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文"
)
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "皇甫", "端木", "令狐", "东方", "慕容", "尉迟", "公孙", "夏侯"]
GIVEN_CHARS = list(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鑫蓉琳婷雪梅晨宇浩然睿涵欣怡嘉豪俊峰志远建波晓东海燕凤兰瑞振"
)
WORD_GIVEN = [
    "建国",
    "长江",
    "平安",
    "北京",
    "海南",
    "春天",
    "明天",
    "成功",
    "和平",
    "小雨",
    "开心",
    "黄河",
    "东方",
    "国庆",
    "卫东",
    "红旗",
    "大海",
    "光明",
    "文化",
    "发展",
    "胜利",
    "桂林",
    "延安",
    "金山",
]
WORD_TWO = ["黄金", "林立", "何方", "高山", "白云", "江山", "钟表", "方圆", "文明", "向前", "石油", "常青"]
MINORITY = [
    ("阿依古丽", "买买提"),
    ("热合曼", "吐尔逊"),
    ("古丽娜尔", "艾合买提"),
    ("努尔", "阿不都"),
    ("帕提古丽", "司马义"),
    ("阿卜杜", "热西提"),
    ("巴特尔", "乌力吉"),
    ("吾斯曼", "伊力"),
]
UNDOTTED = ["扎西多吉", "次仁卓玛", "买买提艾力", "格桑拉姆", "旦增尼玛", "阿旺平措", "巴特尔", "其其格"]
LATIN = [
    "ZHANG Wei",
    "Li Xiaoming",
    "WANG FANG",
    "Chen Jianguo",
    "John SMITH",
    "Nguyen Van Hung",
    "KIM Minsu",
    "Liu Yang",
]

PROVINCES = [
    ("广西壮族自治区", "南宁市", ["青秀区", "西乡塘区", "兴宁区", "江南区"], "45", "450103"),
    ("广东省", "广州市", ["天河区", "越秀区", "海珠区", "白云区"], "44", "440106"),
    ("浙江省", "温州市", ["鹿城区", "瓯海区", "龙湾区"], "33", "330302"),
    ("贵州省", "安顺市", ["西秀区", "平坝区"], "52", "520402"),
    ("辽宁省", "铁岭市", ["银州区", "清河区"], "21", "211202"),
    ("四川省", "成都市", ["武侯区", "锦江区", "金牛区"], "51", "510107"),
    ("湖南省", "长沙市", ["岳麓区", "芙蓉区", "雨花区"], "43", "430104"),
    ("河北省", "石家庄市", ["长安区", "桥西区", "裕华区"], "13", "130102"),
]
ROADS = [
    "云景路",
    "民族大道",
    "体育西路",
    "明月路",
    "北京路",
    "人民中路",
    "解放西路",
    "建设北路",
    "朝阳街",
    "滨江大道",
    "新华路",
    "东风路",
]
ESTATES = ["春晖花园", "幸福嘉园", "海尚芭黎", "锦绣华庭", "翠湖山庄", "阳光新城", "金色家园", "江南世家"]
CO_WORDS = [
    "洪谦金",
    "丰赢",
    "槟咪",
    "文鑫",
    "鼎皓",
    "润亨",
    "瓯华",
    "继备",
    "维世达",
    "融创",
    "金禹信",
    "百旺",
    "恒泰",
    "启航",
    "汇通",
    "嘉诚",
]
CO_TRADES = [
    "贸易有限公司",
    "商贸有限公司",
    "科技有限公司",
    "工程机械租赁有限责任公司",
    "化工贸易有限公司",
    "建材有限公司",
    "餐饮管理有限公司",
    "物流有限公司",
]
SHOP_TRADES = ["副食店", "五金店", "餐馆", "小卖部", "汽车修理部", "建材经营部", "服装店", "烟酒商行"]
BANKS = [
    "中国农业银行",
    "中国工商银行",
    "中国建设银行",
    "中国银行",
    "浙商银行",
    "广西北部湾银行",
    "农村信用合作联社",
    "中国邮政储蓄银行",
]
TAXES = [
    "增值税",
    "个人所得税",
    "城市维护建设税",
    "房产税",
    "城镇土地使用税",
    "印花税",
    "教育费附加",
    "企业所得税",
]
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
FW = {c: chr(ord(c) + 0xFEE0) for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz@.-"}


def fullwidth(s: str) -> str:
    return "".join(FW.get(c, c) for c in s)


class Values:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def name(self) -> tuple[str, list[str]]:
        r = self.r
        roll = r.random()
        if roll < 0.08:
            return r.choice(COMPOUND) + "".join(r.sample(GIVEN_CHARS, r.choice([1, 2]))), ["compound_surname"]
        if roll < 0.14:
            given, fam = r.choice(MINORITY)
            dot = r.choice(["·", "·", "•", "．"])
            return given + dot + fam, ["minority_dotted"]
        if roll < 0.18:
            return r.choice(UNDOTTED), ["minority_undotted"]
        if roll < 0.22:
            return r.choice(LATIN), ["latin_name"]
        if roll < 0.34:
            return r.choice(SURNAMES) + r.choice(WORD_GIVEN), ["word_given_name"]
        if roll < 0.40:
            return r.choice(WORD_TWO), ["two_char", "word_given_name"]
        if roll < 0.62:
            return r.choice(SURNAMES) + r.choice(GIVEN_CHARS), ["two_char"]
        return r.choice(SURNAMES) + "".join(r.sample(GIVEN_CHARS, 2)), []

    def id18(self, region: str | None = None) -> str:
        r = self.r
        region = region or r.choice(PROVINCES)[4]
        y = r.randint(1955, 2003)
        body = f"{region}{y}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(0, 999):03d}"
        w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        check = "10X98765432"[sum(int(a) * b for a, b in zip(body, w, strict=True)) % 11]
        return body + check

    def id_x(self) -> str:
        while True:
            v = self.id18()
            if v.endswith("X"):
                return v

    def id15(self) -> str:
        r = self.r
        return f"{r.choice(PROVINCES)[4]}{r.randint(50, 85)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(0, 999):03d}"

    def mobile(self) -> str:
        r = self.r
        return "1" + r.choice("3456789") + "".join(r.choice("0123456789") for _ in range(9))

    def landline(self) -> str:
        r = self.r
        area = r.choice(["0771", "020", "0577", "0851", "0410", "028", "0731", "0311"])
        return area + "-" + str(r.randint(2, 8)) + "".join(r.choice("0123456789") for _ in range(7))

    def luhn(self, n: int) -> str:
        r = self.r
        prefix = r.choice(["622848", "621700", "622202", "621226", "623052", "622588"])
        body = prefix + "".join(r.choice("0123456789") for _ in range(n - len(prefix) - 1))
        total = 0
        for i, c in enumerate(reversed(body)):
            d = int(c)
            if i % 2 == 0:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        return body + str((10 - total % 10) % 10)

    def passport(self) -> str:
        r = self.r
        head = r.choice(["E", "EA", "G"])
        return head + "".join(r.choice("0123456789") for _ in range(9 - len(head)))

    def permit(self) -> tuple[str, str]:
        r = self.r
        kind = r.choice(["港澳居民来往内地通行证", "台湾居民来往大陆通行证", "往来港澳通行证"])
        if kind.startswith("港澳"):
            return kind, r.choice("HM") + "".join(r.choice("0123456789") for _ in range(8))
        if kind.startswith("台湾"):
            return kind, "".join(r.choice("0123456789") for _ in range(8))
        return kind, "C" + "".join(r.choice("0123456789ABCDEFGH") for _ in range(8))

    def email(self) -> str:
        r = self.r
        user = r.choice(
            ["zhangwei", "lxm", "wangfang", "chenjg", "hmx", "liuyang", "taoli", "zhao.min"]
        ) + str(r.randint(1, 9999))
        return user + "@" + r.choice(["163.com", "qq.com", "126.com", "sina.com", "foxmail.com"])

    def place(self) -> tuple[str, str, str, str, str]:
        prov, city, dists, _code, region = self.r.choice(PROVINCES)
        return prov, city, self.r.choice(dists), region, _code

    def home_address(self, with_prov: bool | None = None) -> str:
        r = self.r
        prov, city, dist, _, _ = self.place()
        head = (prov if (with_prov if with_prov is not None else r.random() < 0.4) else "") + city + dist
        if r.random() < 0.5:
            return (
                head
                + f"{r.choice(ROADS)}{r.randint(1, 300)}号{r.choice(ESTATES)}{r.randint(1, 30)}栋{r.randint(1, 4)}单元{r.randint(1, 33)}0{r.randint(1, 6)}室"
            )
        return (
            head
            + r.choice(["新村", "城关镇", "金城江镇", "龙岗乡"])
            + f"{r.choice(['东', '西', '南', '北'])}村{r.randint(1, 12)}组{r.randint(1, 99)}号"
        )

    def business_address(self) -> str:
        r = self.r
        _, city, dist, _, _ = self.place()
        if r.random() < 0.4:
            # Registered addresses of shell companies look residential; they are still public facts.
            return (
                city
                + dist
                + f"{r.choice(ROADS)}{r.randint(1, 300)}号{r.choice(ESTATES)}{r.choice('ABCD')}区{r.randint(1, 9)}栋{r.randint(1, 3)}单元{r.randint(1, 30)}0{r.randint(1, 8)}号"
            )
        return (
            city
            + dist
            + f"{r.choice(ROADS)}{r.randint(1, 300)}号{r.choice(['商铺', '一楼门面', '综合楼', '写字楼'])}{r.randint(1, 30)}0{r.randint(1, 9)}"
        )

    def company(self, city: str | None = None) -> str:
        city = city or self.r.choice(PROVINCES)[1]
        return city.removesuffix("市") + self.r.choice(CO_WORDS) + self.r.choice(CO_TRADES)

    def uscc(self, region: str | None = None) -> str:
        r = self.r
        region = region or r.choice(PROVINCES)[4]
        head = r.choice(["91", "92", "93"])
        org = "".join(r.choice(ORG_CHARS[:10] if i < 2 else ORG_CHARS) for i in range(8))
        ow = [3, 7, 9, 10, 5, 8, 4, 2]
        c = 11 - sum(ORG_CHARS.index(a) * b for a, b in zip(org, ow, strict=True)) % 11
        org += {10: "X", 11: "0"}.get(c, str(c)) if c >= 10 else str(c)
        body = head + region + org
        uw = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        c2 = 31 - sum(USCC_CHARS.index(a) * b for a, b in zip(body, uw, strict=True)) % 31
        return body + USCC_CHARS[0 if c2 == 31 else c2]

    def doc_number(self, city: str) -> str:
        r = self.r
        abbr = city[:1] + "市"
        kind = r.choice(["税稽罚", "税稽处", "税一稽罚", "税二稽处", "税罚", "税通"])
        return f"{abbr}{kind}〔2026〕{r.randint(1, 300)}号"

    def amount(self) -> str:
        v = self.r.randint(100, 9_000_000) + self.r.randint(0, 99) / 100
        return f"{v:,.2f}元" if self.r.random() < 0.5 else f"{v:.2f}元"

    def date(self) -> str:
        r = self.r
        return f"{r.choice([2024, 2025, 2026])}年{r.randint(1, 12)}月{r.randint(1, 28)}日"

    def invoice_code(self) -> str:
        return self.r.choice(["4500153130", "3700161130", "4400222130", "3300231320", "5200224130"])

    def invoice_number(self) -> str:
        r = self.r
        if r.random() < 0.5:
            return f"{r.randint(0, 99999999):08d}"
        return "2" + str(r.randint(4, 6)) + "".join(r.choice("0123456789") for _ in range(18))


# --------------------------------------------------------------------------- document builder


class Doc:
    def __init__(self, rng: random.Random, layout: str, ocr: bool) -> None:
        self.r = rng
        self.parts: list[str] = []
        self.spans: list[dict[str, object]] = []
        self.layout = layout
        self.ocr = ocr
        self.len = 0

    def t(self, s: str) -> None:
        if self.ocr and s:
            s = self._noise(s)
        self.parts.append(s)
        self.len += len(s)

    def _noise(self, s: str) -> str:
        out = []
        for c in s:
            x = self.r.random()
            if c == "：" and x < 0.3:
                c = ":"
            elif c == "。" and x < 0.15:
                c = "o"
            elif c == "，" and x < 0.1:
                c = ","
            elif c == "号" and x < 0.05:
                c = "兮"
            elif c == "（" and x < 0.2:
                c = "("
            elif c == "）" and x < 0.2:
                c = ")"
            out.append(c)
            if c not in "\n\t|" and x > 0.985:
                out.append(" ")
        return "".join(out)

    def v(self, s: str, kind: str, typ: str, tags: list[str] | None = None, value: str | None = None) -> None:
        tags = list(tags or [])
        tags.append("layout:" + self.layout)
        self.spans.append(
            {
                "start": self.len,
                "end": self.len + len(s),
                "kind": kind,
                "type": typ,
                "value": value or s,
                "tags": tags,
            }
        )
        self.parts.append(s)
        self.len += len(s)

    def p(self, s: str, typ: str, tags: list[str] | None = None, value: str | None = None) -> None:
        self.v(s, "personal", typ, tags, value)

    def pub(self, s: str, typ: str, tags: list[str] | None = None) -> None:
        self.v(s, "public", typ, tags)

    def m(self, s: str, typ: str, tags: list[str] | None = None) -> None:
        self.v(s, "masked", typ, tags)

    def text(self) -> str:
        return "".join(self.parts)


def wrap(text: str, spans: list[dict[str, object]], width: int) -> tuple[str, list[dict[str, object]]]:
    """Hard-wrap every line at ``width`` characters, as pdftotext does with a justified page.

    Spans that receive a line break get the tag ``linebroken`` and keep covering their characters."""
    out: list[str] = []
    shift = [0] * (len(text) + 1)
    col = 0
    added = 0
    for i, c in enumerate(text):
        if c == "\n":
            col = 0
        elif col >= width:
            out.append("\n")
            added += 1
            col = 0
        shift[i] = added
        out.append(c)
        if c != "\n":
            col += 1
    shift[len(text)] = added
    new_spans = []
    for sp in spans:
        s, e = int(sp["start"]), int(sp["end"])  # type: ignore[call-overload]
        ns, ne = s + shift[s], e + shift[e - 1] if e > s else e + shift[e]
        sp = dict(sp)
        sp["start"], sp["end"] = ns, ne
        if ne - ns != e - s:
            sp["tags"] = [*sp["tags"], "linebroken"]  # type: ignore[misc]
        new_spans.append(sp)
    return "".join(out), new_spans


# --------------------------------------------------------------------------- formatted values


def fmt_mobile(d: Doc, vals: Values) -> None:
    m = vals.mobile()
    r = d.r
    x = r.random()
    if x < 0.12:
        d.p(fullwidth(m), "mobile", ["fullwidth"], m)
    elif x < 0.24:
        d.p(f"{m[:3]} {m[3:7]} {m[7:]}", "mobile", ["spaced"], m)
    elif x < 0.34:
        d.p(f"{m[:3]}-{m[3:7]}-{m[7:]}", "mobile", ["dashed"], m)
    elif x < 0.44:
        d.p("+86 " + m if r.random() < 0.5 else "+86-" + m, "mobile", ["plus86"], m)
    elif x < 0.50:
        d.p("0086" + m, "mobile", ["0086"], m)
    else:
        d.p(m, "mobile")


def fmt_landline(d: Doc, vals: Values) -> None:
    ll = vals.landline()
    r = d.r
    x = r.random()
    if x < 0.3:
        ext = str(r.randint(100, 8999))
        d.p(ll + r.choice(["转", "-", " 转 ", "分机"]) + ext, "landline", ["extension"], ll + ext)
    elif x < 0.45:
        area, num = ll.split("-")
        d.p(f"({area}){num}" if r.random() < 0.5 else f"（{area}）{num}", "landline", ["area_paren"], ll)
    else:
        d.p(ll, "landline")


def fmt_id(d: Doc, vals: Values, region: str | None = None) -> str:
    r = d.r
    x = r.random()
    if x < 0.12:
        v = vals.id_x()
        if r.random() < 0.4:
            v = v[:-1] + "x"
            d.p(v, "id_number", ["id_x_lower"])
        else:
            d.p(v, "id_number", ["id_x_upper"])
    elif x < 0.2:
        v = vals.id15()
        d.p(v, "id_number", ["id15"])
    elif x < 0.3:
        v = vals.id18(region)
        d.p(fullwidth(v), "id_number", ["fullwidth"], v)
    elif x < 0.38:
        v = vals.id18(region)
        d.p(f"{v[:6]} {v[6:14]} {v[14:]}", "id_number", ["spaced"], v)
    else:
        v = vals.id18(region)
        d.p(v, "id_number")
    return v


def fmt_card(d: Doc, vals: Values) -> None:
    n = d.r.choice([16, 19, 19])
    c = vals.luhn(n)
    x = d.r.random()
    if x < 0.3:
        d.p(" ".join(c[i : i + 4] for i in range(0, n, 4)), "bank_card", ["spaced"], c)
    elif x < 0.4:
        d.p(fullwidth(c), "bank_card", ["fullwidth"], c)
    else:
        d.p(c, "bank_card")


def fmt_email(d: Doc, vals: Values) -> None:
    e = vals.email()
    if d.r.random() < 0.3:
        d.p(e.replace("@", "＠"), "email", ["fullwidth_at"], e)
    else:
        d.p(e, "email")


def name_(d: Doc, vals: Values, extra: list[str] | None = None, policy: bool = False) -> str:
    n, tags = vals.name()
    tags = tags + (extra or [])
    if policy:
        tags.append("published_by_policy")
    shown = n
    if d.r.random() < 0.08 and len(n) in (2, 3) and "·" not in n:
        shown = ("  " if len(n) == 2 else " ").join(n) if len(n) == 2 else n[0] + " " + n[1:]
        tags.append("padded")
    d.p(shown, "name", tags, n)
    return n


def masked_name(d: Doc) -> None:
    r = d.r
    s = r.choice(SURNAMES)
    form = r.choice(
        [
            s + "*",
            s + "**",
            s + "某",
            s + "某某",
            s + "*" + r.choice(GIVEN_CHARS),
            s + "某" + str(r.randint(1, 3)),
            "XXX",
            "×××",
        ]
    )
    d.m(form, "masked_name")


def masked_id(d: Doc, vals: Values) -> None:
    v = vals.id18()
    d.m(
        d.r.choice([v[:4] + "*" * 10 + v[-4:], v[:6] + "********" + v[-4:], v[:1] + "*" * 16 + v[-1:]]),
        "masked_id",
    )


def masked_phone(d: Doc, vals: Values) -> None:
    m = vals.mobile()
    d.m(m[:3] + "****" + m[-4:], "masked_phone")


# --------------------------------------------------------------------------- categories


def authority(vals: Values, city: str) -> tuple[str, str, str]:
    r = vals.r
    suffix = r.choice(["税务局第一稽查局", "税务局稽查局", "税务局第二稽查局", "税务局"])
    auth = f"国家税务总局{city}{suffix}"
    dists = next(p[2] for p in PROVINCES if p[1] == city)
    addr = city + r.choice(dists) + r.choice(ROADS) + f"{r.randint(1, 200)}号"
    phone = vals.landline()
    return auth, addr, phone


def closing(d: Doc, vals: Values, auth: str, addr: str, phone: str) -> None:
    d.t("\n\n联系地址：")
    d.pub(addr, "authority_address")
    d.t("\n联系电话：")
    d.pub(phone, "authority_phone")
    d.t("；纳税服务热线：")
    d.pub("12366", "authority_phone")
    d.t("\n\n")
    d.pub(auth, "authority")
    d.t("\n")
    d.pub(vals.date(), "date")
    d.t("\n")


def penalty_company(d: Doc, vals: Values) -> None:
    r = d.r
    prov, city, dist, region, _ = vals.place()
    auth, aaddr, aphone = authority(vals, city)
    co = vals.company(city)
    d.t("      ")
    d.pub(auth, "authority")
    d.t("\n        税务行政处罚决定书\n      ")
    d.pub(vals.doc_number(city), "doc_number")
    d.t("\n\n")
    d.pub(co, "company")
    d.t(r.choice(["（纳税人识别号：", "（统一社会信用代码："]))
    d.pub(vals.uscc(region[:2] + region[2:]), "uscc")
    d.t("）：\n    我局于")
    d.pub(vals.date(), "date")
    d.t("对你公司（地址：")
    d.pub(vals.business_address(), "business_address")
    d.t("）涉税情况进行了检查，违法事实如下：\n    你公司未在税务登记注册地址和生产经营地址经营，法定代表人")
    name_(d, vals, ["legal_rep"])
    d.t("、财务负责人、办税人")
    if r.random() < 0.5:
        masked_name(d)
        d.t("备案的联系电话")
        masked_phone(d, vals)
        d.t("、")
        masked_phone(d, vals)
    else:
        name_(d, vals, ["employee"])
        d.t("在金税三期税收征管系统中备案的联系电话")
        fmt_mobile(d, vals)
    d.t("，语音提示为关机。\n    经查询你公司法定代表人在")
    d.t(r.choice(BANKS))
    if r.random() < 0.3:
        d.t("尾号为")
        d.m(str(r.randint(1000, 9999)), "masked_card", ["card_tail"])
        d.t("账号，")
    else:
        d.t(r.choice(["账号为", "卡号"]))
        fmt_card(d, vals)
        d.t("的个人账户，")
    d.t("银行流水显示：你公司通过对公账户向")
    n = vals.name()
    if r.random() < 0.5:
        d.t("其配偶")
        name_(d, vals, ["family"])
    else:
        d.t("员工")
        name_(d, vals, ["employee"])
    d.t("私人账户（")
    fmt_card(d, vals)
    d.t("）转款")
    d.pub(vals.amount(), "amount")
    d.t("；当日")
    if r.random() < 0.4:
        # The same person is named twice in a row, as in real narratives.
        d.p(n[0], "name", n[1] + ["repeated"])
        d.t("又向")
        d.p(n[0], "name", n[1] + ["repeated"])
        d.t("之女转款")
    else:
        d.t("再转入")
        masked_name(d)
        d.t("个人账户")
    d.pub(vals.amount(), "amount")
    d.t("。\n    你公司取得增值税专用发票，发票代码：")
    d.pub(vals.invoice_code(), "invoice_code")
    d.t("，发票号码：")
    d.pub(vals.invoice_number(), "invoice_number")
    d.t("、")
    d.pub(vals.invoice_number(), "invoice_number")
    d.t("，销方名称：")
    d.pub(vals.company(), "company")
    d.t("。\n    根据《中华人民共和国税收征收管理法》第六十三条第一款规定，对你公司处以罚款")
    d.pub(vals.amount(), "amount")
    d.t("。\n    限你公司自本决定书送达之日起十五日内到")
    d.pub(auth.replace("第一稽查局", "").replace("第二稽查局", "").replace("稽查局", ""), "authority")
    d.t("缴纳入库。\n    如对本决定不服，可以自收到本决定书之日起六十日内依法申请行政复议。")
    if r.random() < 0.5:
        d.t("\n    委托代理人：")
        name_(d, vals, ["agent"])
        d.t(r.choice(["，", "，律师，"]))
        d.pub(city.removesuffix("市") + r.choice(["正衡", "君合", "大成", "明德"]) + "律师事务所", "company")
        d.t("，联系电话：")
        fmt_landline(d, vals) if r.random() < 0.5 else fmt_mobile(d, vals)
    if r.random() < 0.4:
        d.t("\n    送达地址确认：法定代表人住所")
        d.p(vals.home_address(), "home_address")
        d.t("，电子邮箱")
        fmt_email(d, vals)
    closing(d, vals, auth, aaddr, aphone)
    d.t("（详见")
    d.pub(
        f"https://{r.choice(['guangxi', 'zhejiang', 'hunan', 'sichuan'])}.chinatax.gov.cn/art/2026/{r.randint(1, 12)}/{r.randint(1, 28)}/art_{r.randint(1000, 99999)}.html",
        "url",
    )
    d.t("）")


def penalty_person(d: Doc, vals: Values) -> None:
    r = d.r
    prov, city, dist, region, _ = vals.place()
    auth, aaddr, aphone = authority(vals, city)
    d.pub(auth, "authority")
    d.t("\n税务行政处罚决定书\n")
    d.pub(vals.doc_number(city), "doc_number")
    d.t("\n")
    if r.random() < 0.5:
        owner = vals.name()
        shop = city.removesuffix("市") + dist + owner[0] + r.choice(SHOP_TRADES)
        d.t("当事人：")
        d.pub(shop, "shop", ["shop_owner"])
        d.t("\n纳税人识别号：")
        x = r.random()
        if x < 0.5:
            idv = vals.id18(region)
            tid = idv + f"{r.randint(1, 9):02d}"
            d.p(tid, "taxpayer_id_personal", ["taxid_id_plus2"])
        else:
            d.pub(vals.uscc(region), "uscc")
        d.t("\n经营者：")
        d.p(owner[0], "name", owner[1] + ["shop_owner"])
        d.t(r.choice(["    身份证件号码：", "\t居民身份证号码：", "，身份证号"]))
        fmt_id(d, vals, region)
        d.t("\n经营地址：")
        d.pub(vals.business_address(), "business_address")
        d.t("\n住所：")
        d.p(vals.home_address(), "home_address")
        d.t("\n    经查，你户")
        d.pub(vals.date(), "date")
        d.t("至")
        d.pub(vals.date(), "date")
        d.t("期间取得经营收入未按规定申报，少缴")
        d.t(r.choice(TAXES))
        d.pub(vals.amount(), "amount")
        d.t("。经营者")
        d.p(owner[0], "name", owner[1] + ["shop_owner", "repeated"])
        d.t("之子")
        name_(d, vals, ["family"])
        d.t("（手机")
        fmt_mobile(d, vals)
        d.t("）代为收取货款，收款账户为其本人")
        d.t(r.choice(BANKS))
        d.t("账户")
        fmt_card(d, vals)
        d.t("。")
    else:
        d.t("当事人：")
        name_(d, vals, ["party"], policy=True)
        d.t(r.choice(["，", "  "]) + r.choice(["性别：男，", "性别：女，", ""]))
        idtype = r.random()
        if idtype < 0.6:
            d.t("身份证件号码：")
            fmt_id(d, vals, region)
        elif idtype < 0.78:
            d.t("护照号码：")
            d.p(vals.passport(), "passport")
        else:
            k, v = vals.permit()
            d.t(k + "号码：")
            d.p(v, "permit")
        d.t("\n住址：")
        d.p(vals.home_address(), "home_address")
        d.t("\n联系方式：")
        fmt_mobile(d, vals)
        d.t("\n    你于")
        d.pub(vals.date(), "date")
        d.t("转让位于")
        d.p(vals.home_address(False), "home_address", ["property"])
        d.t("的房产，取得转让收入")
        d.pub(vals.amount(), "amount")
        d.t("，未依法申报个人所得税。买受人")
        name_(d, vals, ["buyer"])
        d.t("（身份证号")
        fmt_id(d, vals)
        d.t("）已支付价款。你将价款转入你母亲")
        name_(d, vals, ["family"])
        d.t("名下账户")
        fmt_card(d, vals)
        d.t("。\n    对你处以少缴税款")
        d.pub(r.choice(["50%", "百分之五十", "0.5倍", "一倍"]), "ratio")
        d.t("的罚款")
        d.pub(vals.amount(), "amount")
        d.t("。")
    closing(d, vals, auth, aaddr, aphone)


def table_rows(
    vals: Values, category: str, n: int
) -> tuple[list[str], list[list[tuple[str, str, str, list[str], str]]]]:
    """Rows of cells: (shown text, kind, type, tags, value). kind "" means plain text."""
    r = vals.r
    rows: list[list[tuple[str, str, str, list[str], str]]] = []

    def nm(policy: bool, role: str) -> tuple[str, str, str, list[str], str]:
        n, tags = vals.name()
        tags = [*tags, role] + (["published_by_policy"] if policy else [])
        shown = n
        if r.random() < 0.1 and len(n) == 2:
            shown = n[0] + "  " + n[1]
            tags.append("padded")
        return (shown, "personal", "name", tags, n)

    def idc(region: str | None = None) -> tuple[str, str, str, list[str], str]:
        x = r.random()
        if x < 0.25:
            v = vals.id18(region)
            return (v[:6] + "********" + v[-4:], "masked", "masked_id", [], v[:6] + "********" + v[-4:])
        if x < 0.35:
            v = vals.id_x()
            return (v, "personal", "id_number", ["id_x_upper"], v)
        if x < 0.42:
            v = vals.id15()
            return (v, "personal", "id_number", ["id15"], v)
        if x < 0.5:
            v = vals.id18(region)
            return (fullwidth(v), "personal", "id_number", ["fullwidth"], v)
        v = vals.id18(region)
        return (v, "personal", "id_number", [], v)

    if category == "arrears":
        header = [
            "序号",
            "纳税人名称",
            "纳税人识别号",
            "业主姓名/法定代表人",
            "身份证件号码",
            "经营地点",
            "欠税税种",
            "欠税余额",
            "当期新发生欠税",
        ]
        for i in range(n):
            prov, city, dist, region, _ = vals.place()
            if r.random() < 0.5:
                owner, ot = vals.name()
                shop = city.removesuffix("市") + dist + owner + r.choice(SHOP_TRADES)
                idv = vals.id18(region)
                tid: tuple[str, str, str, list[str], str] = (
                    (
                        t := idv + f"{r.randint(1, 9):02d}",
                        "personal",
                        "taxpayer_id_personal",
                        ["taxid_id_plus2"],
                        t,
                    )
                    if r.random() < 0.6
                    else (vals.uscc(region), "public", "uscc", [], "")
                )
                owner_cell = (owner, "personal", "name", [*ot, "shop_owner", "published_by_policy"], owner)
                name_cell = (shop, "public", "shop", ["shop_owner"], shop)
            else:
                co = vals.company(city)
                name_cell = (co, "public", "company", [], co)
                tid = (vals.uscc(region), "public", "uscc", [], "")
                owner_cell = nm(True, "legal_rep")
            rows.append([
                (str(i + 1), "", "", [], ""), name_cell, tid, owner_cell, idc(region),
                (a := vals.business_address(), "public", "business_address", [], a),
                ("、".join(r.sample(TAXES, r.randint(1, 3))), "", "", [], ""),
                (b := vals.amount(), "public", "amount", [], b), (c := vals.amount(), "public", "amount", [], c),
            ])  # fmt: skip
        return header, rows
    if category == "abnormal":
        header = [
            "序号",
            "纳税人识别号",
            "纳税人名称",
            "法定代表人（负责人）",
            "证件号码",
            "生产经营地址",
            "认定日期",
        ]
        for i in range(n):
            _, city, _, region, _ = vals.place()
            co = vals.company(city)
            rows.append([
                (str(i + 1), "", "", [], ""), (u := vals.uscc(region), "public", "uscc", [], u), (co, "public", "company", [], co),
                nm(True, "legal_rep"), idc(region), (a := vals.business_address(), "public", "business_address", [], a),
                (dt := vals.date(), "public", "date", [], dt),
            ])  # fmt: skip
        return header, rows
    if category == "service":
        header = ["序号", "受送达人", "证件号码", "送达地址", "联系电话", "送达文书名称", "文号", ""]
        for i in range(n):
            _, city, _, region, _ = vals.place()
            person = r.random() < 0.6
            if person:
                rcpt = nm(True, "addressee")
                addr = (h := vals.home_address(), "personal", "home_address", [], h)
                m = vals.mobile()
                phone: tuple[str, str, str, list[str], str] = (m, "personal", "mobile", [], m)
                if r.random() < 0.3:
                    phone = (m[:3] + "****" + m[-4:], "masked", "masked_phone", [], m[:3] + "****" + m[-4:])
                idcell = idc(region)
            else:
                co = vals.company(city)
                rcpt = (co, "public", "company", [], co)
                addr = (a := vals.business_address(), "public", "business_address", [], a)
                phone = ("—", "", "", [], "")
                idcell = (u := vals.uscc(region), "public", "uscc", [], u)
            dn = vals.doc_number(city)
            rows.append([
                (str(i + 1), "", "", [], ""), rcpt, idcell, addr, phone,
                (r.choice(["税务事项通知书", "税务行政处罚事项告知书", "责令限期改正通知书"]) + "（", "", "", [], ""),
            ])  # fmt: skip
            rows[-1].append((dn, "public", "doc_number", [], dn))
            rows[-1].append(("）", "", "", [], ""))
        return header, rows
    if category == "dishonest":
        header = [
            "纳税人名称",
            "纳税人识别号",
            "法定代表人或负责人姓名",
            "性别",
            "身份证号码",
            "负有直接责任的财务负责人",
            "负有直接责任的中介机构",
            "从业人员",
            "案件性质",
            "主要违法事实",
            "金额",
        ]
        for _ in range(n):
            _, city, _, region, _ = vals.place()
            co = vals.company(city)
            lr = nm(True, "legal_rep")
            v = vals.id18(region)
            rows.append([
                (co, "public", "company", [], co), (u := vals.uscc(region), "public", "uscc", [], u), lr,
                (r.choice(["男", "女"]) + "，", "", "", [], ""),
                (v[:6] + "********" + v[-4:], "masked", "masked_id", [], v[:6] + "********" + v[-4:]),
                nm(True, "finance_head"),
                (r.choice(["无", city.removesuffix("市") + "信诚税务师事务所 "]), "", "", [], ""), nm(False, "intermediary_staff"),
                (r.choice(["虚开增值税专用发票", "偷税", "逃避追缴欠税"]), "", "", [], ""),
                ("少缴税款", "", "", [], ""), (a := vals.amount(), "public", "amount", [], a),
            ])  # fmt: skip
        return header, rows
    # "dual": 双公示 行政处罚 list
    header = [
        "行政相对人名称",
        "统一社会信用代码/证件号码",
        "法定代表人",
        "处罚决定书文号",
        "处罚类别",
        "罚款金额",
        "处罚决定日期",
        "联系电话",
    ]
    for _ in range(n):
        _, city, _, region, _ = vals.place()
        if r.random() < 0.4:
            p = nm(True, "party")
            idcell = idc(region)
            rows.append([p, idcell, ("", "", "", [], "")])
        else:
            co = vals.company(city)
            rows.append(
                [
                    (co, "public", "company", [], co),
                    (u := vals.uscc(region), "public", "uscc", [], u),
                    nm(True, "legal_rep"),
                ]
            )
        dn = vals.doc_number(city)
        m = vals.mobile()
        rows[-1] += [
            (dn, "public", "doc_number", [], dn), ("罚款", "", "", [], ""), (a := vals.amount(), "public", "amount", [], a),
            (dt := vals.date(), "public", "date", [], dt), (m, "personal", "mobile", ["contact"], m),
        ]  # fmt: skip
    return header, rows


TITLES = {
    "arrears": "欠税公告",
    "abnormal": "关于认定非正常户的公告",
    "service": "税务文书送达公告",
    "dishonest": "重大税收违法失信主体信息公布",
    "dual": "行政处罚信息公示（双公示）",
}
INTROS = {
    "arrears": "根据《中华人民共和国税收征收管理法》第四十五条及《欠税公告办法（试行）》的规定，现将截至{d}的欠税情况公告如下：",
    "abnormal": "下列纳税人未按照规定期限办理纳税申报，经实地核查查无下落，现认定为非正常户。",
    "service": "因采用直接送达、邮寄送达等方式无法送达，根据《中华人民共和国税收征收管理法实施细则》第一百零六条规定，向下列受送达人公告送达税务文书，自公告之日起满30日即视为送达。",
    "dishonest": "根据《重大税收违法失信主体信息公布管理办法》（国家税务总局令第54号），现将有关信息公布如下：",
    "dual": "根据双公示工作要求，现将本局作出的行政处罚决定公示如下：",
}


def emit_table(d: Doc, header: list[str], rows: list[list[tuple[str, str, str, list[str], str]]]) -> None:
    lay = d.layout
    r = d.r

    def cell(c: tuple[str, str, str, list[str], str], csv: bool = False) -> None:
        shown, kind, typ, tags, value = c
        if csv and ("," in shown or "\n" in shown or r.random() < 0.15):
            d.t('"')
            cell_in = True
        else:
            cell_in = False
        if kind:
            d.v(shown, kind, typ, tags, value or shown)
        else:
            d.t(shown)
        if cell_in:
            d.t('"')

    if lay == "html":
        d.t('<table border="1">\n<tr>' + "".join(f"<th>{h}</th>" for h in header) + "</tr>\n")
        for row in rows:
            d.t("<tr>")
            for c in row:
                d.t("<td>")
                cell(c)
                d.t("</td>")
            d.t("</tr>\n")
        d.t("</table>")
        return
    if lay == "kv":
        for row in rows:
            for i, c in enumerate(row):
                d.t(f"{header[i] if i < len(header) else '备注'}：")
                cell(c)
                d.t("\n")
            d.t("\n")
        return
    if lay == "semicolon":
        for row in rows:
            for i, c in enumerate(row):
                if i:
                    d.t("；")
                d.t(f"{header[i] if i < len(header) else '备注'}：" if r.random() < 0.5 else "")
                cell(c)
            d.t("。\n")
        return
    sep = {"tab": "\t", "pipe": " | ", "cells": "\n", "spaced": "    ", "csv": ","}[lay]
    d.t(sep.join(header) + ("\n\n" if lay == "cells" else "\n"))
    for row in rows:
        for i, c in enumerate(row):
            if i:
                d.t(sep if lay != "spaced" else " " * r.randint(2, 6))
            if lay == "csv" and c[1] == "public" and c[2] == "business_address" and r.random() < 0.3:
                # A quoted cell with a line break inside, as exported from a spreadsheet.
                shown = c[0]
                cut = len(shown) // 2
                d.t('"')
                d.pub(shown[:cut] + "\n" + shown[cut:], "business_address", ["quoted_linebreak"])
                d.t('"')
                continue
            if lay == "csv" and c[1] == "personal" and c[2] == "home_address" and r.random() < 0.4:
                shown = c[0]
                cut = len(shown) // 2
                d.t('"')
                d.p(shown[:cut] + "\n" + shown[cut:], "home_address", ["quoted_linebreak"], shown)
                d.t('"')
                continue
            cell(c, csv=lay == "csv")
        d.t("\n\n" if lay == "cells" else "\n")


def announcement(d: Doc, vals: Values, category: str) -> None:
    r = d.r
    _, city, _, _, _ = vals.place()
    auth, aaddr, aphone = authority(vals, city)
    d.pub(auth, "authority")
    d.t("\n" + TITLES[category] + "\n")
    d.t(r.choice(["", "公告〔2026〕" + str(r.randint(1, 40)) + "号\n"]))
    d.t(INTROS[category].replace("{d}", "2026年" + str(r.randint(1, 9)) + "月30日") + "\n")
    header, rows = table_rows(vals, category, r.randint(2, 5))
    emit_table(d, header, rows)
    if r.random() < 0.5:
        d.t("\n请上述纳税人到主管税务机关办理相关事宜。咨询电话：")
        d.pub(aphone, "authority_phone")
    d.t("\n\n特此公告。\n\n")
    d.pub(auth, "authority")
    d.t("\n")
    d.pub(vals.date(), "date")


def handling_narrative(d: Doc, vals: Values) -> None:
    r = d.r
    _, city, dist, region, _ = vals.place()
    auth, aaddr, aphone = authority(vals, city)
    co = vals.company(city)
    d.pub(auth, "authority")
    d.t("\n税务处理决定书\n")
    d.pub(vals.doc_number(city), "doc_number")
    d.t("\n")
    d.pub(co, "company")
    d.t("：\n    经查，你单位原法定代表人")
    name_(d, vals, ["legal_rep"])
    d.t("的询问笔录、会计")
    name_(d, vals, ["employee"])
    d.t("个人出具的《情况说明》证实，你单位")
    d.pub(vals.date(), "date")
    d.t("通过对公银行账户打款")
    d.pub(vals.amount(), "amount")
    d.t("到")
    d.pub(vals.company(), "company")
    d.t("对公银行账户，该公司再通过")
    for i in range(r.randint(2, 4)):
        if i:
            d.t("、")
        if r.random() < 0.5:
            masked_name(d)
        else:
            name_(d, vals, ["third_party"])
    d.t("等个人账户打款给")
    masked_name(d)
    d.t("。\n    检查人员电话联系你单位法定代表人（")
    if r.random() < 0.5:
        fmt_mobile(d, vals)
    else:
        fmt_landline(d, vals)
    d.t("），无人接听；前往其住所")
    d.p(vals.home_address(), "home_address")
    d.t("，未见本人。其护照（")
    d.p(vals.passport(), "passport")
    d.t("）显示已出境。其妻")
    name_(d, vals, ["family"])
    d.t(r.choice(["称不知情，", "拒绝提供联系方式，"]))
    d.t("其邮箱")
    fmt_email(d, vals)
    d.t("已停用。\n    以上应缴款项共计")
    d.pub(vals.amount(), "amount")
    d.t("，限你单位自本决定书送达之日起15日内到")
    d.pub(auth, "authority")
    d.t("缴纳入库。")
    closing(d, vals, auth, aaddr, aphone)


CATEGORIES = [
    ("penalty_company", 90),
    ("penalty_person", 70),
    ("handling", 50),
    ("arrears", 45),
    ("abnormal", 40),
    ("service", 45),
    ("dishonest", 30),
    ("dual", 30),
]
TABLE_LAYOUTS = ["tab", "pipe", "cells", "spaced", "kv", "csv", "html", "semicolon"]


def build(rng: random.Random, idx: int, category: str) -> dict[str, object]:
    vals = Values(rng)
    narrative = category in ("penalty_company", "penalty_person", "handling")
    if narrative:
        layout = rng.choice(["narrative", "narrative", "pdfwrap"])
    else:
        layout = TABLE_LAYOUTS[idx % len(TABLE_LAYOUTS)]
    ocr = rng.random() < 0.15
    d = Doc(rng, layout, ocr)
    if category == "penalty_company":
        penalty_company(d, vals)
    elif category == "penalty_person":
        penalty_person(d, vals)
    elif category == "handling":
        handling_narrative(d, vals)
    else:
        announcement(d, vals, category)
    text, spans = d.text(), d.spans
    if layout == "pdfwrap":
        text, spans = wrap(text, spans, rng.choice([24, 28, 31, 34]))
    for sp in spans:
        if ocr:
            sp["tags"] = [*sp["tags"], "ocr_doc"]  # type: ignore[misc]
    return {"id": f"m7-{idx:03d}", "category": category, "layout": layout, "text": text, "spans": spans}


def main() -> None:
    rng = random.Random(SEED)
    plan = [c for c, n in CATEGORIES for _ in range(n)]
    assert len(plan) == N_DOCS
    rng.shuffle(plan)
    docs = [build(rng, i, c) for i, c in enumerate(plan)]
    with open(HERE / "corpus.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False, sort_keys=True) + "\n")
    counts: dict[str, int] = {}
    for doc in docs:
        for sp in doc["spans"]:  # type: ignore[attr-defined]
            k = f"{sp['kind']}:{sp['type']}"
            counts[k] = counts.get(k, 0) + 1
    print(f"{len(docs)} documents")
    for k in sorted(counts):
        print(f"  {k:40s} {counts[k]}")


if __name__ == "__main__":
    main()
