"""Building blocks of the independent masking corpus: a labelled-document builder, realistic
value generators (GB 11643 ID numbers, GB 32100 credit codes, Luhn cards ...) and a small
markup for hand-written cases.

Written without reading the masker. Nothing here imports the project.

Markup used by hand-written cases (``hand_cases.txt``)::

    [[p:name:张三]]            personal value (type after ``p:``)
    [[p:name:欧阳修|h=2]]      ... with an explicit allowed clear head (surname length)
    [[k:org_name:某某有限公司]]  public value that must be kept verbatim
    [[m:陶**]]                 text already masked by the bureau: must stay unchanged

Values may contain ``:`` (URLs) and line breaks; ``]]`` ends a value, ``|`` starts options.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field

PERSONAL_TYPES = (
    "name",
    "id_number",
    "tin_individual",
    "phone",
    "home_address",
    "email",
    "passport",
    "bank_card",
)
PUBLIC_TYPES = (
    "org_name",
    "shop_name",
    "uscc",
    "tin_enterprise",
    "business_address",
    "authority_phone",
    "authority_name",
    "document_number",
    "law_citation",
    "amount",
    "date",
    "invoice_code",
    "invoice_number",
    "url",
)

COMPOUND_SURNAMES = (
    "欧阳 司马 上官 诸葛 东方 皇甫 令狐 慕容 尉迟 公孙 夏侯 端木 宇文 长孙 司徒 独孤 南宫 西门 澹台 呼延"
).split()
SURNAMES = (
    "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 "
    "于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 "
    "江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 常 温 康 施 文 牛 樊 葛 邢"
).split()
GIVEN_CHARS = (
    "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 玉 兰 萍 红 鹏 飞 辉 建 峰 宇 浩 "
    "俊 婷 雪 琳 晨 欣 佳 怡 子 涵 梓 轩 睿 博 文 志 国 海 波 斌 凯 鑫 雯 琴 云 莉 彬 颖 倩 慧 晶 春 梅 东 亮 "
    "振 德 荣 贵 福 胜 永 兴 家 庆 宁 安 新 军 蓉 燕 晓 丹 冬 彤 宏 刚 坤 鸿 钰 璐"
).split()
# Given names that are also place names or ordinary words (hard for a word segmenter).
WORD_GIVEN_NAMES = (
    "长江 黄河 海洋 建国 和平 国庆 华山 西湖 建设 天津 金华 江南 南京 泰山 东方 发展 红旗 胜利 "
    "平安 光明 春天 中华 北京 丽江 长城 永康 吉林 新华 文化 经济"
).split()
DOTTED_NAMES = (
    "买买提·艾力 阿依古丽·吐尔逊 热合曼·阿不都拉 古丽娜尔·买买提 艾尔肯·吐尔洪 迪丽娜尔·艾合买提 "
    "阿不都热依木·卡德尔 努尔艾力·司马义 帕提古丽·玉素甫 吐尔逊·托合提 巴特尔·朝鲁 斯琴·巴雅尔"
).split()
LATIN_NAMES = (
    "ZHANG WEI|WANG XIAOMING|LI NA|LIU YANG|CHEN JIANGUO|JOHN SMITH|MARIA GARCIA|KIM MINJUN|"
    "TANAKA HIROSHI|DAVID BROWN|NGUYEN VAN AN|ZHAO LEI|Wang Fang|Chen Hao|SARAH JOHNSON"
).split("|")

# (region code, province, city, district) - real codes.
REGIONS = [
    ("330106", "浙江省", "杭州市", "西湖区", "0571"),
    ("330102", "浙江省", "杭州市", "上城区", "0571"),
    ("330782", "浙江省", "金华市", "义乌市", "0579"),
    ("110105", "北京市", "", "朝阳区", "010"),
    ("310104", "上海市", "", "徐汇区", "021"),
    ("440305", "广东省", "深圳市", "南山区", "0755"),
    ("440106", "广东省", "广州市", "天河区", "020"),
    ("450103", "广西壮族自治区", "南宁市", "青秀区", "0771"),
    ("451202", "广西壮族自治区", "河池市", "金城江区", "0778"),
    ("510107", "四川省", "成都市", "武侯区", "028"),
    ("420106", "湖北省", "武汉市", "武昌区", "027"),
    ("320102", "江苏省", "南京市", "玄武区", "025"),
    ("370202", "山东省", "青岛市", "市南区", "0532"),
    ("610113", "陕西省", "西安市", "雁塔区", "029"),
    ("650102", "新疆维吾尔自治区", "乌鲁木齐市", "天山区", "0991"),
    ("350203", "福建省", "厦门市", "思明区", "0592"),
    ("430104", "湖南省", "长沙市", "岳麓区", "0731"),
    ("210102", "辽宁省", "大连市", "中山区", "0411"),
]
ROADS = (
    "文三路 学院路 中山北路 解放路 人民路 建设大道 滨江大道 东风路 延安路 青年路 和平街 长江路 黄河路 "
    "朝阳路 新华街 光明路 金城路 幸福路 明月路 云景路 科技园路 凤凰路"
).split()
COMMUNITIES = "幸福嘉园 春晖花园 阳光小区 金色家园 翠苑一区 绿城桂花园 锦绣华庭 紫金花园 东方名苑".split()
ORG_WORDS = (
    "恒信 鑫达 华晟 永盛 金禹 博远 瑞丰 宏图 百旺 中诚 天睿 泰和 新锐 启航 锦程 德润 汇通 万象 卓越 "
    "正泰 嘉禾 顺捷 隆兴 远航 昌盛 聚源 亿达 海纳 星辰 凯旋"
).split()
ORG_TRADES = (
    "科技 贸易 商贸 建筑工程 物流 电子 餐饮管理 文化传媒 实业 供应链管理 信息技术 建材 医疗器械 农业开发 "
    "装饰工程 劳务服务 石油化工 汽车销售 房地产开发 食品"
).split()
ORG_FORMS = ["有限公司", "有限责任公司", "股份有限公司", "商贸行", "有限公司分公司"]
SHOP_TRADES = "小吃店 便利店 五金店 副食店 服装店 理发店 水果店 餐馆 烟酒店 修理部 百货商店 面馆 茶叶店 建材经营部".split()

AUTHORITY_SUFFIXES = ["税务局", "税务局第一稽查局", "税务局第二稽查局", "税务局第三税务分局", "税务局稽查局"]

LAWS = [
    "《中华人民共和国税收征收管理法》第六十条第一款第（一）项",
    "《中华人民共和国税收征收管理法》第六十二条",
    "《中华人民共和国税收征收管理法》第六十三条第一款",
    "《中华人民共和国税收征收管理法》第六十四条第二款",
    "《中华人民共和国税收征收管理法》第三十二条",
    "《中华人民共和国税收征收管理法》第七十条",
    "《中华人民共和国发票管理办法》第二十一条第二款第（一）项",
    "《中华人民共和国发票管理办法》第三十五条",
    "《中华人民共和国发票管理办法实施细则》第二十九条",
    "《中华人民共和国行政处罚法》第三十二条",
    "《中华人民共和国行政处罚法》第五十一条",
    "《中华人民共和国行政处罚法》第六十三条",
    "《中华人民共和国税收征收管理法实施细则》第一百零六条",
    "《中华人民共和国个人所得税法》第二条",
    "《重大税收违法失信主体信息公布管理办法》（国家税务总局令第54号）第六条",
    "《中华人民共和国增值税暂行条例》第一条",
    "《税务行政处罚听证程序实施办法（试行）》第三条",
]

CN_DIGITS = "〇一二三四五六七八九"
FULLWIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


# --------------------------------------------------------------------------- checksums


def id_check_char(body17: str) -> str:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(c) * w for c, w in zip(body17, weights, strict=True))
    return "10X98765432"[total % 11]


def valid_id(id18: str) -> bool:
    return len(id18) == 18 and id_check_char(id18[:17]) == id18[17].upper()


USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc_check_char(body17: str) -> str:
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(body17, USCC_WEIGHTS, strict=True))
    return USCC_CHARS[(31 - total % 31) % 31]


def valid_uscc(code: str) -> bool:
    return len(code) == 18 and all(c in USCC_CHARS for c in code) and uscc_check_char(code[:17]) == code[17]


ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def org_code(rng: random.Random, prefix: str = "") -> str:
    """9-character organisation code (GB 11714): 8 body characters + check character."""
    body = prefix + "".join(rng.choice("0123456789") for _ in range(8 - len(prefix)))
    weights = [3, 7, 9, 10, 5, 8, 4, 2]

    def val(c: str) -> int:
        return int(c) if c.isdigit() else ord(c) - 55

    c9 = 11 - sum(val(c) * w for c, w in zip(body, weights, strict=True)) % 11
    return body + ("X" if c9 == 10 else "0" if c9 == 11 else str(c9))


def luhn_ok(number: str) -> bool:
    digits = [int(c) for c in number][::-1]
    total = 0
    for i, d in enumerate(digits):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(partial: str) -> str:
    for d in "0123456789":
        if luhn_ok(partial + d):
            return partial + d
    raise AssertionError


# --------------------------------------------------------------------------- documents


@dataclass
class Doc:
    id: str
    tags: set[str] = field(default_factory=set)
    parts: list[str] = field(default_factory=list)
    personal: list[dict] = field(default_factory=list)
    public: list[dict] = field(default_factory=list)
    already_masked: list[dict] = field(default_factory=list)
    _len: int = 0

    def t(self, s: str) -> Doc:
        self.parts.append(s)
        self._len += len(s)
        return self

    def _span(self, value: str) -> tuple[int, int]:
        start = self._len
        self.t(value)
        return start, self._len

    def p(self, typ: str, value: str, *, head: int | None = None, tail: int | None = None, tags=()) -> Doc:
        assert typ in PERSONAL_TYPES, typ
        start, end = self._span(value)
        h, t = default_keep(typ, value)
        span = {"start": start, "end": end, "type": typ, "head": h if head is None else head}
        span["tail"] = t if tail is None else tail
        if tags:
            span["tags"] = sorted(set(tags))
            self.tags.update(tags)
        self.personal.append(span)
        return self

    def k(self, typ: str, value: str, *, tags=()) -> Doc:
        assert typ in PUBLIC_TYPES, typ
        start, end = self._span(value)
        span = {"start": start, "end": end, "type": typ}
        if tags:
            span["tags"] = sorted(set(tags))
            self.tags.update(tags)
        self.public.append(span)
        return self

    def m(self, value: str) -> Doc:
        start, end = self._span(value)
        self.already_masked.append({"start": start, "end": end})
        self.tags.add("already_masked")
        return self

    def markup(self, text: str) -> Doc:
        """Append text written in the ``[[p:type:value]]`` markup."""
        pos = 0
        for mt in re.finditer(r"\[\[(p|k|m):(.*?)\]\]", text, flags=re.S):
            self.t(text[pos : mt.start()])
            kind, body = mt.group(1), mt.group(2)
            opts: dict[str, str] = {}
            if "|" in body:
                body, *rest = body.split("|")
                for o in rest:
                    key, _, val = o.partition("=")
                    opts[key] = val
            span_tags = tuple(opts["t"].split(",")) if "t" in opts else ()
            if kind == "m":
                self.m(body)
            else:
                typ, _, value = body.partition(":")
                if kind == "p":
                    self.p(
                        typ,
                        value,
                        head=int(opts["h"]) if "h" in opts else None,
                        tail=int(opts["tl"]) if "tl" in opts else None,
                        tags=span_tags,
                    )
                else:
                    self.k(typ, value, tags=span_tags)
            pos = mt.end()
        self.t(text[pos:])
        return self

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def record(self) -> dict:
        text = self.text
        for s in self.personal + self.public + self.already_masked:
            assert 0 <= s["start"] < s["end"] <= len(text)
        return {
            "id": self.id,
            "text": text,
            "tags": sorted(self.tags),
            "personal": self.personal,
            "public": self.public,
            "already_masked": self.already_masked,
        }


def significant(s: str) -> list[int]:
    """Indexes of the characters that carry information (digits, letters, Han characters)."""
    out = []
    for i, ch in enumerate(s):
        n = unicodedata.normalize("NFKC", ch)
        if n.isalnum():
            out.append(i)
    return out


ADMIN_PREFIX = re.compile(
    r"^(?:[^省市区县]{1,7}(?:省|自治区))?(?:[^省市区县]{1,6}市)?(?:[^省市区县]{1,6}(?:区|县|市))?"
)


def default_keep(typ: str, value: str) -> tuple[int, int]:
    """How many significant characters may stay in clear at the head and at the tail.

    The accepted published forms: surname + stars for names (陶**), ``前6位+后4位`` for ID
    numbers and individual TINs (RULES.md §1.5), 3+4 for phones (with an international prefix
    the prefix digits are allowed too), 6+4 for bank cards, the last 3 for passports and permits,
    the first character and the domain for e-mail, and the administrative prefix (province,
    city, district) for home addresses.
    """
    norm = unicodedata.normalize("NFKC", value)
    sig = "".join(c for c in norm if c.isalnum())
    if typ == "name":
        if any("a" <= c.lower() <= "z" for c in sig) or "·" in norm or "•" in norm or "・" in value:
            return 0, 0
        compact = sig
        for cs in COMPOUND_SURNAMES:
            if compact.startswith(cs) and len(compact) > 2:
                return 2, 0
        return 1, 0
    if typ in ("id_number", "tin_individual"):
        return 6, 4
    if typ == "phone":
        if norm.startswith("+86") or norm.startswith("0086"):
            return (2 if norm.startswith("+") else 4) + 3, 4
        return 3, 4
    if typ == "bank_card":
        return 6, 4
    if typ == "passport":
        return 0, 3
    if typ == "email":
        at = max(norm.find("@"), 0)
        domain_sig = sum(1 for c in norm[at:] if c.isalnum())
        return 1, domain_sig
    if typ == "home_address":
        m = ADMIN_PREFIX.match(norm)
        prefix = m.group(0) if m else ""
        return sum(1 for c in prefix if c.isalnum()), 0
    return 0, 0


# --------------------------------------------------------------------------- value generators


class Gen:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)

    def choice(self, seq):
        return self.r.choice(seq)

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    # ---- people
    def name(self, kind: str = "any") -> tuple[str, set[str]]:
        """Return (name, tags)."""
        r = self.r
        if kind == "any":
            kind = r.choices(
                ["plain3", "plain2", "compound", "word", "dotted", "latin"], [50, 18, 8, 10, 7, 7]
            )[0]
        if kind == "plain3":
            return r.choice(SURNAMES) + r.choice(GIVEN_CHARS) + r.choice(GIVEN_CHARS), set()
        if kind == "plain2":
            return r.choice(SURNAMES) + r.choice(GIVEN_CHARS), {"two_char_name"}
        if kind == "compound":
            given = r.choice(GIVEN_CHARS) + (r.choice(GIVEN_CHARS) if r.random() < 0.6 else "")
            return r.choice(COMPOUND_SURNAMES) + given, {"compound_surname"}
        if kind == "word":
            return r.choice(SURNAMES) + r.choice(WORD_GIVEN_NAMES), {"given_name_word"}
        if kind == "dotted":
            n = r.choice(DOTTED_NAMES)
            if r.random() < 0.25:
                n = n.replace("·", r.choice(["•", "・", "."]))
            return n, {"dotted_minority_name"}
        if kind == "latin":
            return r.choice(LATIN_NAMES), {"latin_name"}
        raise ValueError(kind)

    def pad_name(self, name: str) -> tuple[str, set[str]]:
        """Two-character names padded to the width of three, as tables do."""
        if len(name) == 2 and all("\u4e00" <= c <= "\u9fff" for c in name):
            return name[0] + self.r.choice(["　", "  ", " "]) + name[1], {"name_padded"}
        return name, set()

    def birth(self) -> tuple[int, int, int]:
        return self.r.randint(1955, 2003), self.r.randint(1, 12), self.r.randint(1, 28)

    def id_number(self, want_x: bool | None = None) -> str:
        r = self.r
        while True:
            region = r.choice(REGIONS)[0]
            y, m, d = self.birth()
            body = f"{region}{y:04d}{m:02d}{d:02d}{r.randint(0, 999):03d}"
            full = body + id_check_char(body)
            if want_x is None or want_x == full.endswith("X"):
                return full

    def id15(self) -> str:
        region = self.r.choice(REGIONS)[0]
        y, m, d = self.birth()
        return f"{region}{y % 100:02d}{m:02d}{d:02d}{self.r.randint(0, 999):03d}"

    def mobile(self) -> str:
        return (
            self.r.choice(["13", "15", "17", "18", "19"])
            + str(self.r.randint(0, 9))
            + "".join(self.r.choice("0123456789") for _ in range(8))
        )

    def landline(self, area: str | None = None) -> str:
        area = area or self.r.choice(REGIONS)[4]
        n = 8 if len(area) <= 3 or self.r.random() < 0.8 else 7
        first = self.r.choice("2345678")
        return area, first + "".join(self.r.choice("0123456789") for _ in range(n - 1))

    def bank_card(self) -> str:
        prefix = self.r.choice(["622202", "622848", "621700", "436742", "621483", "622588", "623668"])
        length = self.r.choice([16, 19, 19, 19])
        partial = prefix + "".join(self.r.choice("0123456789") for _ in range(length - len(prefix) - 1))
        return luhn_complete(partial)

    def passport(self) -> tuple[str, str]:
        r = self.r
        kind = r.choice(
            ["护照", "护照", "港澳居民来往内地通行证", "往来港澳通行证", "台湾居民来往大陆通行证"]
        )
        if kind == "护照":
            return kind, r.choice("EG") + "".join(r.choice("0123456789") for _ in range(8))
        if kind == "港澳居民来往内地通行证":
            return kind, r.choice("HM") + "".join(r.choice("0123456789") for _ in range(8))
        if kind == "往来港澳通行证":
            return kind, "C" + "".join(r.choice("0123456789") for _ in range(8))
        return kind, "".join(r.choice("0123456789") for _ in range(8))

    def email(self) -> str:
        r = self.r
        local = r.choice(["zhang", "wang", "li", "chen", "liu", "hz", "tax", "ywj", "lucky", "sunny"])
        local += str(r.randint(1, 9999)) if r.random() < 0.7 else r.choice(["_wei", ".fang", "88"])
        return (
            local + "@" + r.choice(["163.com", "qq.com", "126.com", "sina.com", "foxmail.com", "gmail.com"])
        )

    def home_address(self) -> str:
        r = self.r
        _, prov, city, dist, _ = r.choice(REGIONS)
        a = f"{prov}{city}{dist}{r.choice(ROADS)}{r.randint(1, 999)}号"
        if r.random() < 0.7:
            a += f"{r.choice(COMMUNITIES)}{r.randint(1, 30)}幢{r.randint(1, 6)}单元{r.randint(1, 30)}0{r.randint(1, 4)}室"
        return a

    # ---- public
    def region(self):
        return self.r.choice(REGIONS)

    def uscc(self, kind: str = "company", region: str | None = None) -> str:
        r = self.r
        region = region or r.choice(REGIONS)[0]
        head = {"company": "91", "shop": "92", "gov": "11"}[kind]
        if kind == "company" and r.random() < 0.1:
            head = r.choice(["93", "52", "12"])
        org = "MA" + "".join(r.choice(ORG_CHARS) for _ in range(7)) if r.random() < 0.6 else org_code(r)
        body = head + region + org
        return body + uscc_check_char(body)

    def tin_enterprise(self, region: str | None = None) -> str:
        region = region or self.r.choice(REGIONS)[0]
        return region + org_code(self.r)

    def org_name(self, region=None) -> str:
        r = self.r
        region = region or r.choice(REGIONS)
        city = (region[2] or region[1]).rstrip("市省")
        return f"{city}{r.choice(ORG_WORDS)}{r.choice(ORG_TRADES)}{r.choice(ORG_FORMS)}"

    def shop_name(self, owner: str, region=None) -> str:
        region = region or self.r.choice(REGIONS)
        prefix = (region[2] or region[1]) + region[3] if self.r.random() < 0.6 else region[3]
        return f"{prefix}{owner}{self.r.choice(SHOP_TRADES)}"

    def business_address(self, region=None) -> str:
        r = self.r
        _, prov, city, dist, _ = region or r.choice(REGIONS)
        a = f"{prov if r.random() < 0.5 else ''}{city}{dist}{r.choice(ROADS)}{r.randint(1, 999)}号"
        if r.random() < 0.5:
            a += r.choice([f"{r.randint(1, 30)}楼{r.randint(1, 30)}0{r.randint(1, 9)}室", "商铺", "1幢101室"])
        return a

    def authority(self, region=None) -> str:
        _, prov, city, dist, _ = region or self.r.choice(REGIONS)
        if self.r.random() < 0.5:
            return f"国家税务总局{city or prov}{dist}税务局"
        return f"国家税务总局{city or prov}{self.r.choice(AUTHORITY_SUFFIXES)}"

    def doc_no(self, kind: str = "罚") -> str:
        r = self.r
        prefix = r.choice(
            ["杭西税", "杭税稽", "南市税一稽", "河市税二稽", "深税南", "穗天税", "厦思税", "乌税稽"]
        )
        year = r.choice([2025, 2026])
        return f"{prefix}{kind}〔{year}〕{r.randint(1, 999)}号"

    def date(self, style: str | None = None) -> str:
        r = self.r
        y, m, d = r.choice([2025, 2026]), r.randint(1, 12), r.randint(1, 28)
        style = style or r.choice(["cn", "cn", "cn", "iso", "cnnum"])
        if style == "iso":
            return f"{y}-{m:02d}-{d:02d}"
        if style == "cnnum":
            return (
                "".join(CN_DIGITS[int(c)] for c in str(y)) + "年" + cn_number(m) + "月" + cn_number(d) + "日"
            )
        return f"{y}年{m}月{d}日"

    def amount(self) -> str:
        r = self.r
        v = r.choice([50, 200, 500, 1000, 2000]) if r.random() < 0.3 else round(r.uniform(100, 2_000_000), 2)
        style = r.random()
        if style < 0.4:
            return f"{v:,.2f}元"
        if style < 0.8:
            return f"{v:.2f}元"
        return f"{int(v)}元"

    def invoice_code(self) -> str:
        return self.r.choice(["0", "1"]) + "".join(self.r.choice("0123456789") for _ in range(11))

    def invoice_number(self) -> str:
        if self.r.random() < 0.3:
            return "2" + "".join(self.r.choice("0123456789") for _ in range(19))
        return "".join(self.r.choice("0123456789") for _ in range(8))

    def url(self) -> tuple[str, set[str]]:
        r = self.r
        prov = r.choice(["zhejiang", "guangxi", "guangdong", "shanghai", "beijing", "sichuan", "hubei"])
        if r.random() < 0.5:
            num = self.mobile()
            return (
                f"https://{prov}.chinatax.gov.cn/art/2026/{r.randint(1, 12)}/{r.randint(1, 28)}/art_{num}.html",
                {"number_in_url"},
            )
        return (
            f"http://{prov}.chinatax.gov.cn/{prov[:2]}swj/c{r.randint(100000, 999999)}/{r.randint(2025, 2026)}"
            f"{r.randint(1000, 1231)}/{r.randint(10**9, 10**10)}.shtml",
            {"number_in_url"},
        )

    def authority_phone(self, region=None) -> str:
        r = self.r
        if r.random() < 0.35:
            return "12366"
        area = (region or r.choice(REGIONS))[4]
        return f"{area}-{r.choice('2345678')}{''.join(r.choice('0123456789') for _ in range(7))}"


def cn_number(n: int) -> str:
    if n < 10:
        return CN_DIGITS[n]
    if n == 10:
        return "十"
    if n < 20:
        return "十" + CN_DIGITS[n % 10]
    return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")


# --------------------------------------------------------------------------- writing variants


def write_number(g: Gen, digits: str, kind: str) -> tuple[str, set[str]]:
    """Write a number the way published texts do: plain, grouped, full-width, broken over lines."""
    r = g.r
    x = r.random()
    if x < 0.55:
        return digits, set()
    if x < 0.68:
        return digits.translate(FULLWIDTH), {"fullwidth_digits"}
    if x < 0.85:
        if kind == "id":
            return f"{digits[:6]} {digits[6:14]} {digits[14:]}", {"space_in_number"}
        if kind == "mobile":
            sep = r.choice([" ", "-"])
            return f"{digits[:3]}{sep}{digits[3:7]}{sep}{digits[7:]}", {"space_in_number"}
        if kind == "card":
            return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4)), {"space_in_number"}
        cut = len(digits) // 2
        return digits[:cut] + " " + digits[cut:], {"space_in_number"}
    cut = r.randint(4, len(digits) - 3)
    return digits[:cut] + "\n" + digits[cut:], {"linebreak_in_number"}


def write_mobile(g: Gen, digits: str) -> tuple[str, set[str]]:
    r = g.r
    x = r.random()
    if x < 0.12:
        return "+86 " + digits if r.random() < 0.5 else "+86-" + digits, {"phone_intl_prefix"}
    if x < 0.2:
        return "0086" + r.choice(["", "-", " "]) + digits, {"phone_intl_prefix"}
    return write_number(g, digits, "mobile")


def write_landline(g: Gen, area: str, local: str) -> tuple[str, set[str]]:
    r = g.r
    tags = {"landline"}
    form = r.choice(["{a}-{l}", "{a}{l}", "({a}){l}", "（{a}）{l}", "{a} {l}"])
    s = form.format(a=area, l=local)
    if r.random() < 0.4:
        s += r.choice(["转", "-", "-", " 转 ", "分机"]) + str(r.randint(100, 8999))
        tags.add("landline_extension")
    if r.random() < 0.1:
        s = s.translate(FULLWIDTH)
        tags.add("fullwidth_digits")
    return s, tags


def write_email(g: Gen, email: str) -> tuple[str, set[str]]:
    if g.r.random() < 0.2:
        return email.replace("@", "＠"), {"fullwidth_at"}
    if g.r.random() < 0.1:
        return email.replace("@", " @ "), {"email_spaced"}
    return email, set()
