"""Value generators with real checksums and the writing variants of the held-out masking set.

Written without reading the masker or the first evaluation set. Checksums: GB 11643 (resident ID),
GB 32100 (USCC, with the GB 11714 organisation code inside), Luhn (bank cards).
"""

from __future__ import annotations

import random

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

FULLWIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}
FULLWIDTH[" "] = "\u3000"
HALFWIDTH = {v: k for k, v in FULLWIDTH.items()}


def to_fullwidth(s: str) -> str:
    return "".join(FULLWIDTH.get(c, c) for c in s)


def to_halfwidth(s: str) -> str:
    return "".join(HALFWIDTH.get(c, c) for c in s)


def id_check_char(body17: str) -> str:
    return ID_CHECK[sum(int(c) * w for c, w in zip(body17, ID_WEIGHTS, strict=True)) % 11]


def id_valid(value: str) -> bool:
    if len(value) == 15:
        return value.isdigit() and 1 <= int(value[8:10]) <= 12 and 1 <= int(value[10:12]) <= 31
    return len(value) == 18 and value[:17].isdigit() and value[17] == id_check_char(value[:17])


def org_code_check(body8: str) -> str:
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body8, ORG_WEIGHTS, strict=True))
    r = 11 - total % 11
    return "X" if r == 10 else "0" if r == 11 else str(r)


def uscc_check_char(body17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc_valid(value: str) -> bool:
    if len(value) != 18 or any(c not in USCC_ALPHABET for c in value):
        return False
    org = value[8:17]
    return org[8] == org_code_check(org[:8]) and value[17] == uscc_check_char(value[:17])


def luhn_valid(value: str) -> bool:
    digits = [int(c) for c in value]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return total % 10 == 0


def luhn_complete(partial: str) -> str:
    for d in "0123456789":
        if luhn_valid(partial + d):
            return partial + d
    raise AssertionError(partial)


REGIONS = [
    # province, city, district, 6-digit division code, phone area code, short name for doc numbers
    ("广东省", "深圳市", "南山区", "440305", "0755", "深"),
    ("浙江省", "杭州市", "西湖区", "330106", "0571", "杭"),
    ("北京市", "北京市", "朝阳区", "110105", "010", "京"),
    ("上海市", "上海市", "浦东新区", "310115", "021", "沪"),
    ("江苏省", "南京市", "鼓楼区", "320106", "025", "宁"),
    ("四川省", "成都市", "武侯区", "510107", "028", "蓉"),
    ("广西壮族自治区", "南宁市", "青秀区", "450103", "0771", "南"),
    ("湖北省", "武汉市", "江岸区", "420102", "027", "汉"),
    ("山东省", "青岛市", "市南区", "370202", "0532", "青"),
    ("陕西省", "西安市", "雁塔区", "610113", "029", "西"),
    ("新疆维吾尔自治区", "乌鲁木齐市", "天山区", "650102", "0991", "乌"),
    ("河南省", "郑州市", "金水区", "410105", "0371", "郑"),
    ("福建省", "厦门市", "思明区", "350203", "0592", "厦"),
    ("辽宁省", "沈阳市", "和平区", "210102", "024", "沈"),
    ("广西壮族自治区", "河池市", "金城江区", "451202", "0778", "河"),
    ("浙江省", "温州市", "鹿城区", "330302", "0577", "温"),
]

SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
COMPOUND_SURNAMES = [
    "欧阳",
    "司马",
    "诸葛",
    "上官",
    "皇甫",
    "东方",
    "慕容",
    "令狐",
    "司徒",
    "夏侯",
    "尉迟",
    "公孙",
]
GIVEN_CHARS = list(
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬辉鑫倩婷雪琳晨宇浩然子涵梓轩思远欣怡俊熙嘉懿晓东建国志远海峰丽华振宇雅琴"
)
WORD_GIVEN = [
    "建设",
    "国庆",
    "平安",
    "海洋",
    "红旗",
    "光明",
    "文化",
    "胜利",
    "和平",
    "前进",
    "秋菊",
    "春梅",
    "金山",
    "长江",
    "利民",
    "富强",
    "卫东",
    "向阳",
    "发展",
    "援朝",
]
TWO_CHAR_WORDLIKE = [
    "高明",
    "金鑫",
    "白云",
    "江山",
    "方正",
    "向前",
    "常青",
    "石磊",
    "林立",
    "马力",
    "万里",
    "时光",
]
MINORITY = [
    "阿依古丽·买买提",
    "热合曼·吐尔逊",
    "扎西·多吉",
    "古丽米拉·艾山",
    "阿不都热合曼·买买提明",
    "努尔兰·哈力木",
    "次仁·央宗",
    "迪丽拜尔·吾守尔",
    "帕尔哈提·阿布都",
    "巴特尔·朝鲁",
]
LATIN = [
    "ZHANG Wei",
    "Li Xiaoming",
    "WANG Fang",
    "John SMITH",
    "Maria GARCIA",
    "Chen Jianguo",
    "KIM Min-jun",
    "TANAKA Hiroshi",
    "Liu Yang",
    "David BROWN",
]
TRADITIONAL = [
    "陳國華",
    "張偉",
    "劉曉東",
    "黃麗華",
    "趙誌強",
    "楊敏儀",
    "林嘉慧",
    "鄭鴻達",
    "吳淑貞",
    "蕭志偉",
]

ROADS = [
    "建国路",
    "人民路",
    "解放路",
    "中山路",
    "科技园路",
    "文三路",
    "学府路",
    "长江路",
    "民族大道",
    "和平街",
    "新华路",
    "滨江大道",
    "友谊路",
    "团结巷",
    "光华街",
]
ESTATES = [
    "春晖花园",
    "幸福嘉园",
    "碧桂园",
    "阳光小区",
    "锦绣家园",
    "翠湖苑",
    "金色家园",
    "丽水湾",
    "和谐新村",
    "紫荆公寓",
    "桂花园",
    "东湖社区",
]
BUILDINGS = ["大厦", "科技园", "商务中心", "产业园", "广场", "国际中心"]
VILLAGES = ["张家村", "李庄村", "石桥镇", "马坊乡", "白沙镇", "龙口村"]

ENT_WORDS = [
    "洪谦金",
    "恒之星",
    "鑫瑞昌",
    "博广",
    "永壮达",
    "荣恒",
    "盛信",
    "维世达",
    "槟咪",
    "苒炙",
    "中瑞",
    "华泰",
    "远景",
    "启明",
    "金禹信",
    "邦粮",
    "融创世通",
    "粤海",
    "范帮",
    "互悦",
    "宏图",
    "天成",
    "汇通",
    "锦程",
]
ENT_TRADES = [
    "贸易有限公司",
    "科技有限公司",
    "机械设备有限公司",
    "建材有限公司",
    "电子科技有限公司",
    "商贸有限公司",
    "物资供应有限公司",
    "建设工程有限公司",
    "食品有限公司",
    "供应链管理有限公司",
    "劳务派遣有限公司",
    "餐饮管理有限公司",
]
SHOP_KINDS = [
    "五金店",
    "便利店",
    "小吃店",
    "汽车修理部",
    "服装店",
    "烟酒商行",
    "水果店",
    "理发店",
    "建材经营部",
    "餐馆",
    "日用品商店",
    "电器维修部",
]

LAWS = [
    "《中华人民共和国税收征收管理法》第六十三条第一款",
    "《中华人民共和国税收征收管理法》第六十四条第二款",
    "《中华人民共和国税收征收管理法》第六十条第一款第（一）项",
    "《中华人民共和国税收征收管理法》第三十二条",
    "《中华人民共和国发票管理办法》第二十一条第二款第（一）项",
    "《中华人民共和国发票管理办法实施细则》第二十九条第（一）项",
    "《中华人民共和国行政处罚法》第四十四条",
    "《中华人民共和国行政处罚法》第六十三条",
    "《中华人民共和国税收征收管理法实施细则》第一百零六条",
    "《中华人民共和国个人所得税法》第十二条",
    "《国家税务总局关于走逃（失联）企业开具增值税专用发票认定处理有关问题的公告》（国家税务总局公告2016年第76号）",
    "《重大税收违法失信主体信息公布管理办法》（国家税务总局令第54号）第六条",
    "《税务登记管理办法》第四十条",
    "《中华人民共和国行政许可法》第三十四条",
]

CN_DIGITS = "〇一二三四五六七八九"


class Gen:
    """All random choices go through one seeded generator, so the corpus is reproducible."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)

    # ---- people -------------------------------------------------------------------------
    def name(self) -> tuple[str, list[str]]:
        r = self.r
        roll = r.random()
        if roll < 0.08:
            return r.choice(COMPOUND_SURNAMES) + "".join(r.choices(GIVEN_CHARS, k=r.choice([1, 2]))), [
                "compound_surname"
            ]
        if roll < 0.14:
            return r.choice(MINORITY), ["minority_dot"]
        if roll < 0.19:
            return r.choice(LATIN), ["latin_name"]
        if roll < 0.25:
            return r.choice(SURNAMES) + r.choice(WORD_GIVEN), ["word_given_name"]
        if roll < 0.30:
            return r.choice(TWO_CHAR_WORDLIKE), ["two_char_name", "word_given_name"]
        if roll < 0.35:
            return r.choice(TRADITIONAL), ["traditional"]
        if roll < 0.60:
            return r.choice(SURNAMES) + r.choice(GIVEN_CHARS), ["two_char_name"]
        return r.choice(SURNAMES) + "".join(r.choices(GIVEN_CHARS, k=2)), []

    def spaced(self, name: str) -> str:
        sep = self.r.choice([" ", "\u3000", "  "])
        return sep.join(name)

    def id18(self, area: str | None = None, want_x: bool = False) -> str:
        r = self.r
        area = area or r.choice(REGIONS)[3]
        while True:
            y = r.randint(1950, 2004)
            body = f"{area}{y}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(0, 999):03d}"
            chk = id_check_char(body)
            if not want_x or chk == "X":
                return body + chk

    def id15(self) -> str:
        r = self.r
        return f"{r.choice(REGIONS)[3]}{r.randint(40, 85)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(0, 999):03d}"

    def mobile(self) -> str:
        r = self.r
        return (
            r.choice(["13", "15", "18", "17", "19", "14"])
            + str(r.randint(0, 9))
            + f"{r.randint(0, 99999999):08d}"
        )

    def landline(self, area: str) -> str:
        n = 8 if len(area) == 3 or area in ("0755", "0571", "025", "028") else 7
        return "".join(str(self.r.randint(2 if i == 0 else 0, 9)) for i in range(n))

    def bank_card(self) -> str:
        r = self.r
        prefix = r.choice(["622848", "621700", "622202", "623668", "621483", "622588", "625911", "621226"])
        length = r.choice([16, 19, 19])
        partial = prefix + "".join(str(r.randint(0, 9)) for _ in range(length - len(prefix) - 1))
        return luhn_complete(partial)

    def passport(self) -> str:
        """Nine characters: one or two letters, then digits (E12345678, EA1234567, G12345678)."""
        r = self.r
        prefix = r.choice(["E", "G", "EA", "EH", "TK", "M"])
        return prefix + "".join(str(r.randint(0, 9)) for _ in range(9 - len(prefix)))

    def permit(self) -> tuple[str, str]:
        r = self.r
        kind = r.choice(["hk", "tw", "home"])
        if kind == "hk":
            return "往来港澳通行证号码", "C" + "".join(str(r.randint(0, 9)) for _ in range(8))
        if kind == "tw":
            return "台湾居民来往大陆通行证号码", "".join(str(r.randint(0, 9)) for _ in range(8))
        return "港澳居民来往内地通行证号码", r.choice("HM") + "".join(str(r.randint(0, 9)) for _ in range(10))

    def email(self, name_hint: str = "") -> str:
        r = self.r
        user = r.choice(
            [
                "zhangwei",
                "lixm",
                "wangfang88",
                "chen.jg",
                "liuyang_2019",
                "hxq1987",
                "yangmin",
                "zhao_qiang",
                "sun1990",
                "mary.g",
            ]
        )
        user += str(r.randint(1, 999)) if r.random() < 0.5 else ""
        return f"{user}@{r.choice(['qq.com', '163.com', '126.com', 'sina.com', 'gmail.com', 'foxmail.com', 'sohu.com'])}"

    def home_address(self, region: tuple) -> str:
        r = self.r
        prov, city, dist = region[0], region[1], region[2]
        head = (
            r.choice([f"{prov}{city}{dist}", f"{city}{dist}", f"{dist}"])
            if prov != city
            else r.choice([f"{city}{dist}", dist])
        )
        roll = r.random()
        if roll < 0.2:
            return f"{head}{r.choice(VILLAGES)}{r.randint(1, 12)}组{r.randint(1, 99)}号"
        return f"{head}{r.choice(ROADS)}{r.randint(1, 999)}号{r.choice(ESTATES)}{r.randint(1, 30)}栋{r.randint(1, 6)}单元{r.randint(1, 33)}{r.randint(1, 8):02d}室"

    # ---- public facts ---------------------------------------------------------------------
    def uscc(self, area: str, kind: str = "91") -> str:
        r = self.r
        chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        body8 = (
            "MA" + "".join(r.choice(chars) for _ in range(6))
            if r.random() < 0.6
            else "".join(r.choice("0123456789") for _ in range(8))
        )
        org = body8 + org_code_check(body8)
        body = kind + area + org
        return body + uscc_check_char(body)

    def old_tin(self, area: str) -> str:
        body8 = "".join(self.r.choice("0123456789") for _ in range(8))
        return area + body8 + org_code_check(body8)

    def enterprise(self, region: tuple) -> str:
        r = self.r
        city = region[1].removesuffix("市")
        return (
            r.choice(
                [
                    city,
                    region[0]
                    .removesuffix("省")
                    .removesuffix("壮族自治区")
                    .removesuffix("维吾尔自治区")
                    .removesuffix("市"),
                    "",
                ]
            )
            + r.choice(ENT_WORDS)
            + r.choice(ENT_TRADES)
        )

    def shop(self, owner: str, region: tuple) -> str:
        r = self.r
        return r.choice(["", region[2], region[1]]) + owner + r.choice(SHOP_KINDS)

    def business_address(self, region: tuple) -> str:
        r = self.r
        return f"{region[1]}{region[2]}{r.choice(ROADS)}{r.randint(1, 999)}号{r.choice(ENT_WORDS)}{r.choice(BUILDINGS)}{r.randint(1, 30)}层{r.randint(1, 30):02d}号"

    def authority(self, region: tuple) -> str:
        r = self.r
        city, dist = region[1], region[2]
        return r.choice(
            [
                f"国家税务总局{city}税务局第{r.choice('一二三')}稽查局",
                f"国家税务总局{city}税务局稽查局",
                f"国家税务总局{city}{dist}税务局",
                f"国家税务总局{city}{dist}税务局第一税务所",
            ]
        )

    def doc_number(self, region: tuple, kind: str) -> str:
        r = self.r
        short = region[5]
        year = r.choice([2023, 2024, 2025, 2026])
        return r.choice(
            [
                f"{short}税稽{r.choice('一二三')}{kind}〔{year}〕{r.randint(1, 300)}号",
                f"{short}税{r.choice('一二三')}稽{kind}〔{year}〕{r.randint(1, 300)}号",
                f"{short}税稽{kind}〔{year}〕{r.randint(1, 300)}号",
                f"{short}{r.choice(['南', '西', '北', '东'])}税{kind}〔{year}〕{r.randint(1, 300)}号",
            ]
        )

    def amount(self) -> str:
        r = self.r
        v = r.randint(50, 9_999_999) + r.randint(0, 99) / 100
        roll = r.random()
        if roll < 0.4:
            return f"{v:,.2f}元"
        if roll < 0.7:
            return f"{v:.2f}元"
        if roll < 0.85:
            return f"{int(v)}元"
        return f"{v / 10000:.2f}万元"

    def ymd(self) -> tuple[int, int, int]:
        r = self.r
        return r.choice([2023, 2024, 2025, 2026]), r.randint(1, 12), r.randint(1, 28)

    def date(self, ymd: tuple[int, int, int] | None = None) -> str:
        r = self.r
        y, m, d = ymd or self.ymd()
        roll = r.random()
        if roll < 0.6:
            return f"{y}年{m}月{d}日"
        if roll < 0.8:
            return f"{y}-{m:02d}-{d:02d}"
        cn = "".join(CN_DIGITS[int(c)] for c in str(y))
        tens = ["", "十", "二十", "三十"]
        num = lambda n: (tens[n // 10] + (CN_DIGITS[n % 10] if n % 10 else "")) if n >= 10 else CN_DIGITS[n]  # noqa: E731
        return f"{cn}年{num(m)}月{num(d)}日"

    def law(self) -> str:
        return self.r.choice(LAWS)

    def url(self, region: tuple) -> str:
        r = self.r
        return r.choice(
            [
                "https://etax.chinatax.gov.cn",
                "http://www.chinatax.gov.cn/chinatax/c102440/xxgk.html",
                f"https://{r.choice(['guangdong', 'zhejiang', 'beijing', 'shanghai', 'jiangsu', 'sichuan', 'guangxi', 'hubei'])}.chinatax.gov.cn/col/col{r.randint(10000, 29999)}/index.html",
                "https://www.gsxt.gov.cn",
                "https://inv-veri.chinatax.gov.cn",
            ]
        )

    def invoice_code(self) -> str:
        r = self.r
        return (
            r.choice(
                [
                    "4500153130",
                    "3400153130",
                    "3700161130",
                    "4403172130",
                    "3300191130",
                    "044031900111",
                    "011002100511",
                    "032001900311",
                ]
            )
            if r.random() < 0.5
            else f"{r.choice(['44', '33', '32', '45', '11'])}{r.randint(0, 99):02d}{r.choice(['15', '16', '17', '18', '19'])}{r.randint(0, 9)}{r.choice(['130', '320', '170'])}"
        )
