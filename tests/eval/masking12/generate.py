"""Generate masking evaluation set 12 (deterministic; fixed seed).

Usage: python generate.py [OUT]   (default: corpus.jsonl next to this file)
Every value is invented. IDs carry valid GB 11643 check digits, bank cards pass
Luhn, USCCs carry valid GB 32100 check characters.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SEED = 20261207
R = random.Random(SEED)

SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "东方", "慕容"]
GIVEN = list(
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国红梅志文玉珍海波宇晨浩然子涵欣怡俊杰思远雨萱梓轩若曦嘉怡振东晓燕春生秋菊冬梅立新卫东淑芬德胜永福"
)
LATIN = [
    "Michael Chen",
    "Anna Müller",
    "David Lee",
    "Sarah Wong",
    "John Smith",
    "Maria Garcia",
    "Kenji Tanaka",
    "Olivia Brown",
]
AREAS = [
    "430102",
    "430103",
    "430104",
    "430105",
    "430111",
    "430121",
    "430202",
    "430203",
    "430302",
    "430304",
    "430402",
    "430405",
    "430502",
    "430602",
    "430702",
    "430802",
    "430902",
    "431002",
    "431102",
    "431202",
    "433101",
    "110105",
    "440106",
    "320106",
    "510107",
    "420106",
]
CITIES = [
    ("湖南省", "长沙市", ["芙蓉区", "天心区", "岳麓区", "开福区", "雨花区", "望城区"]),
    ("湖南省", "株洲市", ["荷塘区", "芦淞区", "石峰区"]),
    ("湖南省", "湘潭市", ["雨湖区", "岳塘区"]),
    ("湖南省", "衡阳市", ["珠晖区", "雁峰区", "蒸湘区"]),
    ("湖南省", "岳阳市", ["岳阳楼区", "云溪区"]),
    ("湖南省", "常德市", ["武陵区", "鼎城区"]),
    ("湖南省", "邵阳市", ["双清区", "大祥区"]),
    ("湖南省", "怀化市", ["鹤城区"]),
    ("湖南省", "郴州市", ["北湖区", "苏仙区"]),
]
ROADS = [
    "五一大道",
    "芙蓉中路",
    "韶山北路",
    "人民东路",
    "劳动西路",
    "建设路",
    "解放路",
    "车站北路",
    "桐梓坡路",
    "湘江中路",
    "红旗路",
    "东风路",
    "新华街",
    "枫林三路",
]
COMMUNITIES = [
    "金色家园",
    "湘江世纪城",
    "丽发新城",
    "紫薇花园",
    "望月湖小区",
    "锦绣华城",
    "东方明珠小区",
    "和馨园",
    "碧桂园",
    "恒大名都",
]
VILLAGES = ["白沙村", "枫树村", "柏加镇杨柳村", "黄花镇新明村", "石门乡桃源村", "高塘岭街道郭亮村"]
COMPANY_CORE = [
    "恒泰",
    "鑫源",
    "瑞丰",
    "华湘",
    "中辰",
    "润达",
    "宏图",
    "鼎盛",
    "星沙",
    "楚天",
    "金穗",
    "蓝海",
    "聚力",
    "弘毅",
    "汇通",
    "安和",
]
COMPANY_IND = [
    "建材",
    "商贸",
    "科技",
    "物流",
    "餐饮管理",
    "建筑劳务",
    "医药",
    "机械设备",
    "农业开发",
    "房地产开发",
    "文化传媒",
    "电子",
    "再生资源",
    "石油化工",
]
COMPANY_FORM = ["有限公司", "有限责任公司", "股份有限公司", "贸易有限公司"]
SHOP_KIND = [
    "小吃店",
    "五金店",
    "便利店",
    "粉店",
    "理发店",
    "建材经营部",
    "服装店",
    "汽车修理厂",
    "农资店",
    "烟酒商行",
    "副食店",
]
LAW_FIRMS = [
    "湖南金州律师事务所",
    "湖南启元律师事务所",
    "湖南湘军律师事务所",
    "湖南天地人律师事务所",
    "湖南弘一律师事务所",
    "北京大成(长沙)律师事务所",
]
AGENCIES = ["税务师事务所有限公司", "财税咨询有限公司", "会计师事务所有限公司", "代理记账有限公司"]


def choice(seq):
    return seq[R.randrange(len(seq))]


# ---------------------------------------------------------------- values
def gb11643(body17: str) -> str:
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * k for c, k in zip(body17, w, strict=True))
    return body17 + "10X98765432"[s % 11]


def id_number(minor=False):
    y = R.randint(2009, 2016) if minor else R.randint(1955, 2001)
    body = f"{choice(AREAS)}{y:04d}{R.randint(1, 12):02d}{R.randint(1, 28):02d}{R.randint(0, 999):03d}"
    return gb11643(body)


def luhn_complete(prefix: str, length: int) -> str:
    body = prefix + "".join(str(R.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def bank_card():
    prefix = choice(["622848", "621700", "622202", "621226", "622588", "621483", "623668", "622908"])
    return luhn_complete(prefix, choice([16, 19, 19, 19]))


USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def uscc():
    body = choice(["91", "92", "93", "12", "52"]) + choice(AREAS)
    body += "".join(choice(USCC_CH) for _ in range(9))
    w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    s = sum(USCC_CH.index(c) * k for c, k in zip(body, w, strict=True))
    return body + USCC_CH[(31 - s % 31) % 31]


def person_name(compound_ok=True):
    sur = choice(COMPOUND) if compound_ok and R.random() < 0.06 else choice(SURNAMES)
    n = 1 if R.random() < 0.35 else 2
    return sur + "".join(choice(GIVEN) for _ in range(n)), len(sur)


def mobile():
    return (
        choice(["13", "15", "18", "17", "19"])
        + str(R.randint(0, 9))
        + "".join(str(R.randint(0, 9)) for _ in range(8))
    )


def landline():
    area = choice(["0731", "0733", "0732", "0734", "0730"])
    return f"{area}-{R.randint(2, 8)}{R.randint(0, 9999999):07d}"[: len(area) + 1 + 8]


def email():
    local = choice(["wang", "li", "hn", "zhang", "cs", "liu", "yang", "xmz", "tax"]) + str(
        R.randint(1, 99999)
    )
    local = local if R.random() < 0.5 else local + choice(["_", "."]) + choice(["work", "hn", "cn"])
    return local + "@" + choice(["qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "hotmail.com"])


def home_address():
    prov, city, dists = choice(CITIES)
    d = choice(dists)
    head = (prov if R.random() < 0.5 else "") + city + d
    if R.random() < 0.25:
        tail = f"{choice(VILLAGES)}{R.randint(1, 12)}组{R.randint(1, 60)}号"
    else:
        tail = f"{choice(ROADS)}{R.randint(1, 399)}号{choice(COMMUNITIES)}{R.randint(1, 30)}栋{R.randint(1, 3)}单元{R.randint(1, 32)}0{R.randint(1, 6)}室"
    return head + tail, len(head)


def company_address():
    prov, city, dists = choice(CITIES)
    return f"{city}{choice(dists)}{choice(ROADS)}{R.randint(1, 499)}号{choice(['', '商务大厦', '工业园'])}{R.randint(1, 20)}楼"


def passport():
    head = choice(["E", "EA", "EB", "EC", "G"])
    return head + "".join(str(R.randint(0, 9)) for _ in range(9 - len(head)))


def hk_permit():
    return choice(["C", "CA", "CB"]) + "".join(str(R.randint(0, 9)) for _ in range(8))


def tw_permit():
    return "".join(str(R.randint(0, 9)) for _ in range(8))


def company():
    prov_city = choice(["湖南", "长沙", "株洲", "湘潭", "衡阳", "岳阳", "常德"])
    return prov_city + choice(COMPANY_CORE) + choice(COMPANY_IND) + choice(COMPANY_FORM)


def authority():
    prov, city, dists = choice(CITIES)
    lvl = R.random()
    if lvl < 0.3:
        return f"国家税务总局{city}税务局"
    if lvl < 0.6:
        return f"国家税务总局{city}{choice(dists)}税务局"
    if lvl < 0.8:
        return f"国家税务总局{city}税务局稽查局"
    return f"国家税务总局{city}{choice(dists)}税务局{choice(['第一税务所', '第二税务分局', '城区税务分局'])}"


def amount():
    v = R.randint(100, 5_000_000) + (R.randint(0, 99) / 100 if R.random() < 0.6 else 0)
    s = f"{v:,.2f}" if R.random() < 0.3 else (f"{v:.2f}" if v != int(v) else str(int(v)))
    return s + "元"


def date():
    y, m, d = R.randint(2019, 2026), R.randint(1, 12), R.randint(1, 28)
    return choice([f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}.{m}.{d}", f"{y}/{m:02d}/{d:02d}"])


def doc_no():
    city = choice(["长税", "株税", "潭税", "衡税", "岳税", "常税", "湘税"])
    kind = choice(["稽罚", "稽处", "罚", "强扣", "阻出", "复决", "依申请", "简罚", "告", "通"])
    return f"{city}{kind}〔{R.randint(2019, 2026)}〕{R.randint(1, 999)}号"


def invoice_code():
    return f"043{R.randint(0, 9)}0{R.randint(19, 26)}{R.randint(0, 999999):06d}"


def invoice_no():
    return f"{R.randint(0, 99999999):08d}"


def url():
    return choice(
        [
            "https://hunan.chinatax.gov.cn",
            "http://hunan.chinatax.gov.cn/col/col",
            "https://etax.hunan.chinatax.gov.cn",
            "https://www.creditchina.gov.cn",
        ]
    ) + (f"{R.randint(100, 9999)}/index.html" if R.random() < 0.5 else "")


def hall_phone():
    return f"0731-{R.randint(8, 8)}{R.randint(0, 9999999):07d}"


def ocrify(s: str) -> str:
    """Insert OCR-like noise into *unlabelled* text only."""
    out = []
    for ch in s:
        r = R.random()
        if r < 0.03:
            out.append(choice(["|", "─", "丨", "·", " "]))
        if ch == "，" and R.random() < 0.15:
            ch = ","
        if ch == "：" and R.random() < 0.15:
            ch = ":"
        out.append(ch)
    return "".join(out)


# ---------------------------------------------------------------- document builder
class Doc:
    def __init__(self, category, layout, ocr=False):
        self.category = category
        self.layout = layout
        self.parts: list[str] = []
        self.spans: list[dict] = []
        self.pos = 0
        self.ocr = ocr
        self.tags: list[str] = []

    def t(self, s):
        if self.ocr and s and R.random() < 0.7:
            s = ocrify(s)
        self.parts.append(s)
        self.pos += len(s)
        return self

    def raw(self, s):
        self.parts.append(s)
        self.pos += len(s)
        return self

    def v(self, value, kind, typ, core=None, tags=(), wrap=False):
        tags = list(tags) + self.tags
        if wrap and len(value) >= 6:
            cut = R.randint(2, len(value) - 2)
            value = value[:cut] + "\n" + value[cut:]
            if core is not None:
                a, b = core
                core = (a + (1 if a >= cut else 0), b + (1 if b > cut else 0))
            tags = tags + ["pdf_wrap_inside"]
        sp = {
            "start": self.pos,
            "end": self.pos + len(value),
            "kind": kind,
            "type": typ,
            "tags": sorted(set(tags)),
        }
        if kind == "personal":
            a, b = core if core is not None else (0, len(value))
            sp["core_start"] = self.pos + a
            sp["core_end"] = self.pos + b
        self.spans.append(sp)
        self.parts.append(value)
        self.pos += len(value)
        return self

    # typed helpers ------------------------------------------------------
    def name(self, n=None, tags=(), wrap=False):
        if n is None:
            n = person_name()
        full, sl = n
        return self.v(full, "personal", "person_name", (sl, len(full)), tags, wrap)

    def latin(self, nm, tags=()):
        first_end = nm.index(" ")
        return self.v(nm, "personal", "person_name", (first_end + 1, len(nm)), list(tags) + ["latin_name"])

    def idn(self, val=None, tags=(), typ="id_number", wrap=False):
        val = val or id_number()
        return self.v(val, "personal", typ, (6, 14), tags, wrap)

    def tin(self, val=None, tags=()):
        return self.idn(val, tags, typ="taxpayer_id_person")

    def mob(self, val=None, tags=()):
        val = val or mobile()
        return self.v(val, "personal", "mobile", (3, 7), tags)

    def land(self, val=None, tags=()):
        val = val or landline()
        d = val.index("-") + 1
        return self.v(val, "personal", "landline_private", (d, len(val) - 2), tags)

    def mail(self, val=None, tags=()):
        val = val or email()
        return self.v(val, "personal", "email", (0, val.index("@")), tags)

    def addr(self, tags=(), wrap=False):
        a, hl = home_address()
        return self.v(a, "personal", "home_address", (hl, len(a)), tags, wrap)

    def card(self, val=None, tags=(), wrap=False):
        val = val or bank_card()
        return self.v(val, "personal", "bank_card", (6, len(val) - 4), tags, wrap)

    def pp(self, typ="passport", tags=()):
        val = {"passport": passport, "hk_macao_permit": hk_permit, "taiwan_permit": tw_permit}[typ]()
        return self.v(val, "personal", typ, (1, len(val) - 2), tags)

    def official(self, n=None):
        n = n or person_name(False)
        return self.v(n[0], "personal", "official_name", (len(n[0][:1]), len(n[0])), ["published_by_policy"])

    def pub(self, val, typ, tags=(), wrap=False):
        return self.v(val, "public", typ, None, tags, wrap)

    def masked(self, val, typ, tags=()):
        return self.v(val, "masked", typ, None, tags)

    def render(self, i):
        text = "".join(self.parts)
        for s in self.spans:
            assert 0 <= s["start"] < s["end"] <= len(text)
        return {
            "id": f"m12-{i:04d}",
            "category": self.category,
            "layout": self.layout,
            "text": text,
            "spans": self.spans,
        }


TABLE_LAYOUTS = ["tab", "pipe", "cell_per_line", "space_aligned", "csv", "html", "semicolon", "kv"]


def table(d: Doc, headers, rows, group=None):
    """rows: list of lists of callables(d) emitting one cell each."""
    lay = d.layout
    if group and lay in ("tab", "pipe", "space_aligned", "html", "csv"):
        if lay == "html":
            d.t(f'<table><tr><th colspan="{len(headers)}">{group}</th></tr>\n')
        elif lay == "pipe":
            d.t("| " + group + " |" + " |" * (len(headers) - 1) + "\n")
        elif lay == "csv":
            d.t(f'"{group}"' + "," * (len(headers) - 1) + "\n")
        else:
            d.t(group + ("\t" * (len(headers) - 1) if lay == "tab" else "") + "\n")
    elif lay == "html":
        d.t("<table>\n")
    # header
    if lay == "tab":
        d.t("\t".join(headers) + "\n")
    elif lay == "pipe":
        d.t("| " + " | ".join(headers) + " |\n|" + "---|" * len(headers) + "\n")
    elif lay == "cell_per_line":
        d.t("\n".join(headers) + "\n")
    elif lay == "space_aligned":
        d.t("   ".join(headers) + "\n")
    elif lay == "csv":
        d.t(",".join(f'"{h}"' for h in headers) + "\n")
    elif lay == "html":
        d.t("<tr>" + "".join(f"<th>{h}</th>" for h in headers) + "</tr>\n")
    for row in rows:
        if lay == "html":
            d.t("<tr>")
        elif lay == "pipe":
            d.t("| ")
        for j, cell in enumerate(row):
            if lay == "tab":
                if j:
                    d.t("\t")
                cell(d)
            elif lay == "pipe":
                if j:
                    d.t(" | ")
                cell(d)
            elif lay == "cell_per_line":
                cell(d)
                d.t("\n")
            elif lay == "space_aligned":
                if j:
                    d.t(" " * R.randint(2, 5))
                cell(d)
            elif lay == "csv":
                if j:
                    d.t(",")
                d.t('"')
                cell(d)
                d.t('"')
            elif lay == "html":
                d.t("<td>")
                cell(d)
                d.t("</td>")
            elif lay == "semicolon":
                d.t(headers[j] + "：")
                cell(d)
                d.t("；" if j < len(row) - 1 else "。")
            elif lay == "kv":
                d.t(headers[j] + ("：" if R.random() < 0.8 else ": "))
                cell(d)
                d.t("\n")
        if lay == "html":
            d.t("</tr>\n")
        elif lay == "pipe":
            d.t(" |\n")
        elif lay in ("tab", "space_aligned", "csv", "semicolon"):
            d.t("\n")
        elif lay == "kv":
            d.t("\n")
        if R.random() < 0.08 and lay in ("tab", "space_aligned", "cell_per_line"):
            d.t(choice(["│", "─" * R.randint(3, 20), "|  |", "┼──┼"]) + "\n")
    if lay == "html":
        d.t("</table>\n")


def P(v):  # plain cell
    return lambda d: d.t(v)


def contact_block(d: Doc):
    au = authority()
    shapes = R.randrange(4)
    if shapes == 0:
        d.t("\n联系地址：").pub(company_address(), "authority_address").t("\n联系电话：").pub(
            hall_phone(), "hall_phone"
        ).t("\n纳税服务热线：").pub("12366", "hotline").t("\n")
    elif shapes == 1:
        d.t("\n如有疑问，请拨打12366纳税缴费服务热线或").pub(hall_phone(), "hall_phone").t(
            "咨询，也可前往"
        ).pub(au, "authority_name").t("办税服务厅（").pub(company_address(), "authority_address").t("）。\n")
    elif shapes == 2:
        d.t("\n办税服务厅地址：").pub(company_address(), "authority_address").t("；咨询电话：").pub(
            hall_phone(), "hall_phone"
        ).t("、").pub("12366", "hotline").t("；网址：").pub(url(), "url").t("\n")
    else:
        d.t("\n（受理机关：").pub(au, "authority_name").t("  电话 ").pub(hall_phone(), "hall_phone").t("）\n")


# ---------------------------------------------------------------- document kinds (prose)
def k_info_disclosure(d: Doc):
    """政府信息公开申请答复书."""
    au = authority()
    nm = person_name()
    d.t(f"{au}\n政府信息公开申请答复书\n").pub(doc_no(), "doc_number").t("\n\n")
    s = R.randrange(5)
    if s == 0:
        d.name(nm).t("：\n    本机关于").pub(date(), "date").t(
            "收到您通过邮寄方式提出的政府信息公开申请（申请人身份证号码："
        ).idn().t("，通讯地址：").addr().t("，联系电话：").mob().t("），要求公开")
    elif s == 1:
        d.t("申请人：").name(nm).t("\n身份证件号码：").idn().t("\n住址：").addr().t("\n电子邮箱：").mail().t(
            "\n\n    "
        ).name(nm).t("于").pub(date(), "date").t("通过互联网在线平台向本机关申请公开")
    elif s == 2:
        d.t("    您好！您（").name(nm).t("，电话").mob().t("）在申请表中要求获取")
    elif s == 3:
        d.t(nm[0][: nm[1]] + "先生/女士：\n    ").t("经核实，").name(nm).t("先生提交的申请所称")
    else:
        d.name(nm).t("女士：\n    您于").pub(date(), "date").t("填写的《政府信息公开申请表》（邮寄地址").addr(
            wrap=d.layout == "pdf_wrap"
        ).t("，邮编").t(str(R.randint(410000, 419999))).t("）收悉。您申请公开")
    comp = company()
    d.t("“").pub(comp, "company_name").t("（统一社会信用代码").pub(uscc(), "uscc").t("）").pub(
        date(), "date"
    ).t("至今的纳税申报及处罚情况”。经审查，答复如下：\n")
    r = R.randrange(4)
    if r == 0:
        d.t("    该企业已于").pub(date(), "date").t("被本机关作出").pub(doc_no(), "doc_number").t(
            "《税务行政处罚决定书》，罚款"
        ).pub(amount(), "amount").t("，相关信息已在").pub(url(), "url").t("主动公开。")
    elif r == 1:
        d.t("    您申请的信息涉及第三方").pub(comp, "company_name").t(
            "的商业秘密，经书面征求第三方意见，该公司不同意公开，根据《中华人民共和国政府信息公开条例》第十五条，决定不予公开。"
        )
    elif r == 2:
        d.t(
            "    经检索，本机关未制作或获取您所申请的信息，该信息不存在。另，您同时要求提供其法定代表人"
        ).name().t("的个人所得税缴纳记录，属于个人隐私，不予公开。")
    else:
        d.t("    现将").pub(doc_no(), "doc_number").t(
            "文书复制件一份邮寄给您，请注意查收。同时抄送本案举报人"
        ).name(tags=["mention_only"]).t("同志。")
    d.t("\n    如对本答复不服，可以在收到本答复之日起60日内向").pub(authority(), "authority_name").t(
        "申请行政复议，或者在6个月内向人民法院提起行政诉讼。\n"
    )
    contact_block(d)
    d.pub(au, "authority_name").t("\n").pub(date(), "date").t("\n")


def k_review(d: Doc):
    """税务行政复议决定书 with 申请人, 委托代理人, 第三人."""
    au = authority()
    ap = person_name()
    ag = person_name()
    d.t(f"{au}\n税务行政复议决定书\n").pub(doc_no(), "doc_number").t("\n\n")
    s = R.randrange(4)
    if s == 0:
        d.t("申请人：").name(ap).t("，").t(choice(["男", "女"])).t("，").t(
            f"{R.randint(1960, 2000)}年{R.randint(1, 12)}月生，汉族，公民身份号码"
        ).idn().t("，住").addr(wrap=d.layout == "pdf_wrap").t("。\n")
    elif s == 1:
        d.t("申 请 人  ").name(ap).t("    身份证号 ").idn().t("    住所 ").addr().t("\n")
    elif s == 2:
        d.t("申请人").name(ap).t("（系").pub(company(), "company_name").t("原股东），联系电话").mob().t(
            "，现住"
        ).addr().t("。\n")
    else:
        lat = choice(LATIN)
        d.t("申请人：").latin(lat).t("，护照号码").pp("passport").t("，国籍：").t(
            choice(["美国", "德国", "加拿大", "新加坡"])
        ).t("，中国境内住址").addr().t("。\n")
        ap = (lat, lat.index(" "))
    d.t("委托代理人：").name(ag).t("，").pub(choice(LAW_FIRMS), "law_firm").t("律师").t(
        choice(["，执业证号", "。执业证号："])
    ).t(f"1430{R.randint(2000, 2024)}1{R.randint(1000000, 9999999)}").t("。\n")
    if R.random() < 0.5:
        d.t("第三人：").name().t("，身份证号码").idn().t("，电话").mob().t("。\n")
    d.t("被申请人：").pub(authority(), "authority_name").t("，住所地").pub(
        company_address(), "authority_address"
    ).t("。\n法定代表人：").official().t("，局长。\n\n")
    shp = R.randrange(4)
    apn = ap[0]
    if shp == 0:
        d.t("    申请人不服被申请人于").pub(date(), "date").t("作出的").pub(doc_no(), "doc_number").t(
            "《税务处理决定书》，于"
        ).pub(date(), "date").t("向本机关申请行政复议，本机关依法予以受理。")
    elif shp == 1:
        d.t("    ").v(
            apn, "personal", "person_name", (ap[1], len(apn)), ["repeated_full_name", "name_before_verb"]
        ).t("认为，其取得的").pub(amount(), "amount").t(
            "股权转让款已由受让方代扣代缴，被申请人要求其补缴个人所得税缺乏依据。"
        )
    elif shp == 2:
        d.t("    本机关认为，").v(
            apn, "personal", "person_name", (ap[1], len(apn)), ["repeated_full_name"]
        ).t("的陈述与查明事实不符：其在").pub(company(), "company_name").t("任职期间取得的劳务报酬").pub(
            amount(), "amount"
        ).t("未申报纳税。")
    else:
        d.t("    代理人").v(ag[0], "personal", "person_name", (ag[1], len(ag[0])), ["repeated_full_name"]).t(
            "称：“我的当事人"
        ).v(apn, "personal", "person_name", (ap[1], len(apn)), ["quoted_speech"]).t("从未收到过").pub(
            doc_no(), "doc_number"
        ).t("号通知。”")
    d.t("\n    根据《中华人民共和国行政复议法》第").t(choice(["六十三", "六十八", "六十九"])).t(
        "条规定，本机关决定："
    ).t(choice(["维持", "撤销", "变更"])).t("被申请人作出的").pub(doc_no(), "doc_number").t("。\n")
    d.pub(au, "authority_name").t("\n").pub(date(), "date").t("\n")


def k_enforcement(d: Doc):
    """税收强制执行决定书 / 扣缴税收款项通知书."""
    au = authority()
    nm = person_name()
    title = choice(["税收强制执行决定书（扣缴税收款项适用）", "扣缴税收款项通知书", "税收强制执行决定书"])
    d.t(f"{au}\n{title}\n").pub(doc_no(), "doc_number").t("\n\n")
    bank = choice(
        [
            "中国农业银行长沙五一支行",
            "中国建设银行株洲分行",
            "长沙银行芙蓉支行",
            "湖南农村信用社",
            "中国工商银行衡阳蒸湘支行",
            "中国邮政储蓄银行湘潭分行",
        ]
    )
    s = R.randrange(5)
    if s == 0:
        d.name(nm).t("：\n    你（纳税人识别号：").tin().t("）于").pub(date(), "date").t("至").pub(
            date(), "date"
        ).t("期间应缴未缴个人所得税").pub(amount(), "amount").t(
            "，经催缴仍未缴纳。根据《中华人民共和国税收征收管理法》第四十条规定，经"
        ).pub(au, "authority_name").t("局长批准，决定从你在").pub(bank, "bank_name").t(
            "的存款账户（账号："
        ).card(wrap=d.layout == "pdf_wrap").t("）中扣缴税款及滞纳金。")
    elif s == 1:
        d.pub(bank, "bank_name").t("：\n    根据《中华人民共和国税收征收管理法》第四十条，请从纳税人").name(
            nm
        ).t("（身份证号").idn().t("）在你处开立的账户").card().t("中扣缴税款").pub(amount(), "amount").t(
            "，缴入国库。"
        )
    elif s == 2:
        shop = nm[0] + choice(SHOP_KIND)
        d.t("被执行人：").pub(shop, "shop_name", ["shop_named_after_owner"]).t("（个体工商户），经营者").name(
            nm
        ).t("，经营地址").pub(company_address(), "business_address").t("，户籍地址").addr(
            tags=["residence_vs_business"]
        ).t("。\n    该户欠缴增值税").pub(amount(), "amount").t("，本局决定扣缴其经营者在").pub(
            bank, "bank_name"
        ).t("开户的账户").card().t("存款。")
    elif s == 3:
        d.t("纳税人名称：").name(nm).t("\n开户银行：").pub(bank, "bank_name").t("\n账号：").card().t(
            "\n扣缴金额："
        ).pub(amount(), "amount").t("\n联系电话：").mob().t("\n")
    else:
        d.t("    经查，").name(nm, tags=["name_before_verb"]).t("于").pub(date(), "date").t("取得").pub(
            company(), "company_name"
        ).t("支付的拆迁补偿款后未按期缴纳税款。本局已于").pub(date(), "date").t("送达").pub(
            doc_no(), "doc_number"
        ).t("《限期缴纳税款通知书》，").v(
            nm[0], "personal", "person_name", (nm[1], len(nm[0])), ["repeated_full_name"]
        ).t("逾期仍未缴纳，现决定扣缴其银行卡").card().t("内存款。")
    d.t("\n执法人员：").official().t("、").official().t("\n")
    d.pub(au, "authority_name").t("（章）\n").pub(date(), "date").t("\n")


def k_exit_ban(d: Doc):
    """阻止出境决定书 / 边控对象通知书."""
    au = authority()
    nm = person_name()
    d.t(choice(["阻止出境决定书", "边控对象通知书", "阻止欠税人出境告知书"]) + "\n").pub(
        doc_no(), "doc_number"
    ).t("\n")
    s = R.randrange(4)
    typ = choice(["passport", "passport", "hk_macao_permit", "taiwan_permit"])
    lab = {
        "passport": "护照号码",
        "hk_macao_permit": "往来港澳通行证号码",
        "taiwan_permit": "台湾居民来往大陆通行证号码",
    }[typ]
    if s == 0:
        d.name(nm).t("（证件号码：").idn().t("；").t(lab).t("：").pp(typ).t("）：\n    你作为").pub(
            company(), "company_name"
        ).t("的法定代表人，该公司欠缴税款").pub(amount(), "amount").t("，在出境前未结清税款也未提供担保。")
    elif s == 1:
        d.t("欠税人姓名\t").name(nm).t("\n性别\t").t(choice(["男", "女"])).t("\n证件号码\t").idn().t("\n").t(
            lab
        ).t("\t").pp(typ).t("\n欠税金额\t").pub(amount(), "amount").t("\n")
    elif s == 2:
        d.t("    经查，欠税企业").pub(company(), "company_name").t("法定代表人").name(
            nm, tags=["name_after_title"]
        ).t("持有").t(lab).t(" ").pp(typ).t("，拟于近期出境。")
    else:
        d.t("    ").name(nm).t("、").name().t("、").name(tags=["name_list"]).t("三人系").pub(
            company(), "company_name"
        ).t("的投资人，其中").v(
            nm[0], "personal", "person_name", (nm[1], len(nm[0])), ["repeated_full_name"]
        ).t("的护照").pp("passport").t("已列入边控。")
    d.t("\n    根据《中华人民共和国税收征收管理法》第四十四条，通知出入境管理机关阻止其出境。\n").pub(
        au, "authority_name"
    ).t("\n").pub(date(), "date").t("\n")


def k_report_reply(d: Doc):
    """举报/投诉 答复, 举报奖励."""
    au = authority()
    nm = person_name()
    s = R.randrange(5)
    d.t(choice(["检举事项处理情况告知书", "举报答复", "投诉处理结果告知", "检举奖励通知书"]) + "\n").pub(
        doc_no(), "doc_number"
    ).t("\n")
    if s == 0:
        d.name(nm).t(
            choice(["先生", "女士"]),
        ).t("：\n    您于").pub(date(), "date").t("通过12366热线检举").pub(company(), "company_name").t(
            "虚开发票一案（发票代码"
        ).pub(invoice_code(), "invoice_code").t("，发票号码").pub(
            invoice_no(), "invoice_no"[:10] if False else "invoice_number"
        ).t("），经查证属实。")
    elif s == 1:
        d.t("检举人：").name(nm).t("  联系方式：").mob().t("  ").mail().t("\n被检举人：").pub(
            company(), "company_name"
        ).t("\n处理结果：已立案检查，查补税款").pub(amount(), "amount").t("。\n")
    elif s == 2:
        d.t("    经审核，检举人").name(nm, tags=["name_before_verb"]).t("提供的线索直接导致查补税款").pub(
            amount(), "amount"
        ).t("入库，根据《检举纳税人税收违法行为奖励暂行办法》，拟发放奖金").pub(amount(), "amount").t(
            "，请"
        ).v(nm[0], "personal", "person_name", (nm[1], len(nm[0])), ["repeated_full_name"]).t("于").pub(
            date(), "date"
        ).t("前携本人身份证（").idn().t("）及银行卡（").card().t("）到本局领取。")
    elif s == 3:
        d.t("    投诉人").name(nm).t("反映：“办税服务厅工作人员").official().t(
            "态度生硬。”经调查，"
        ).official().t("已作出书面检查。投诉人住址：").addr().t("。")
    else:
        d.t("    您反映的").name(tags=["name_before_verb", "third_party"]).t("在").t(
            choice(["芙蓉区", "天心区", "雨花区"])
        ).t("经营").pub(person_name()[0][:1] + "记" + choice(SHOP_KIND), "shop_name").t(
            "未开具发票一事，经"
        ).pub(au, "authority_name").t("核查，已责令其改正。您留下的固定电话").land().t(
            "无法接通，特此书面答复。"
        )
    contact_block(d)
    d.pub(au, "authority_name").t("\n").pub(date(), "date").t("\n")


def k_hearing(d: Doc):
    """听证/陈述申辩 笔录 with several speakers."""
    p1 = person_name()
    p2 = person_name()
    d.t(choice(["听证笔录", "陈述申辩笔录", "税务行政处罚听证笔录（摘要）"]) + "\n案由：").pub(
        company(), "company_name"
    ).t("少缴税款案\n时间：").pub(date(), "date").t("\n地点：").pub(company_address(), "authority_address").t(
        "\n主持人："
    ).official().t("  记录人：").official().t("\n当事人：").name(p1).t("，身份证号码").idn().t(
        "，电话"
    ).mob().t("\n")
    if R.random() < 0.6:
        d.t("代理人：").name(p2).t("（").pub(choice(LAW_FIRMS), "law_firm").t("）\n")
    for _ in range(R.randint(2, 4)):
        sh = R.randrange(5)
        if sh == 0:
            d.t("主持人：请当事人陈述身份。\n").v(
                p1[0], "personal", "person_name", (p1[1], len(p1[0])), ["speaker_label"]
            ).t("：我叫").v(p1[0], "personal", "person_name", (p1[1], len(p1[0])), ["quoted_speech"]).t(
                "，住"
            ).addr().t("。\n")
        elif sh == 1:
            d.v(p1[0], "personal", "person_name", (p1[1], len(p1[0])), ["speaker_label"]).t("：那笔").pub(
                amount(), "amount"
            ).t("是我借给").name(tags=["object_position"]).t("的，不是收入。\n")
        elif sh == 2:
            d.t("调查人员").official().t("：经查，").v(
                p1[0], "personal", "person_name", (p1[1], len(p1[0])), ["name_before_verb"]
            ).t("名下尾号为").t(str(R.randint(1000, 9999))).t("以外的账户").card().t("收到该款项。\n")
        elif sh == 3:
            d.t("问：你的电子邮箱是否为").mail().t("？\n答：是的，另外我的手机号是").mob().t("。\n")
        else:
            d.t("主持人：").v(p1[0] + "的", "personal", "person_name", (p1[1], len(p1[0])), ["possessive"]).t(
                "陈述已记录，当事人对"
            ).pub(doc_no(), "doc_number").t("有无异议？\n")
    d.t("当事人签字：").name(p1).t("   ").pub(date(), "date").t("\n")


def k_penalty_decision(d: Doc):
    """处罚/处理决定书 of individuals, 个体工商户, companies."""
    au = authority()
    nm = person_name()
    d.pub(au, "authority_name").t("\n").t(
        choice(["税务行政处罚决定书", "税务处理决定书", "税务行政处罚决定书（简易）"])
    ).t("\n").pub(doc_no(), "doc_number").t("\n")
    who = R.randrange(3)
    if who == 0:
        d.t("当事人：").name(nm).t("\n纳税人识别号：").tin().t("\n住址：").addr().t("\n")
    elif who == 1:
        shop = nm[0] + choice(SHOP_KIND)
        d.t("纳税人名称：").pub(shop, "shop_name", ["shop_named_after_owner"]).t("\n统一社会信用代码：").pub(
            uscc(), "uscc"
        ).t("\n经营者：").name(nm).t("，身份证件号码：").idn().t("\n经营地址：").pub(
            company_address(), "business_address"
        ).t("\n")
    else:
        c = company()
        d.t("被处罚单位：").pub(c, "company_name").t("\n纳税人识别号：").pub(uscc(), "uscc").t(
            "\n法定代表人："
        ).name(nm, tags=["legal_rep"]).t("\n")
    s = R.randrange(10)
    n0 = nm[0]

    def rep(tags):
        d.v(n0, "personal", "person_name", (nm[1], len(n0)), ["repeated_full_name", *tags])

    if s == 0:
        d.t("    经查，").name(nm if who == 0 else None, tags=["name_before_verb"]).t("于").pub(
            date(), "date"
        ).t("取得房屋转让收入").pub(amount(), "amount").t("，未申报缴纳个人所得税。")
    elif s == 1:
        d.t("    ")
        rep(["name_before_verb"])
        d.t("未按规定期限办理纳税申报，违反了《中华人民共和国税收征收管理法》第二十五条。")
    elif s == 2:
        d.t("    你单位在").pub(date(), "date").t("至").pub(date(), "date").t("期间，通过财务人员").name(
            tags=["object_position"]
        ).t("的个人银行卡").card().t("收取货款").pub(amount(), "amount").t("，未计收入。")
    elif s == 3:
        d.t("    ")
        rep(["possessive"])
        d.t("的妻子").name(tags=["relative"]).t("（身份证号").idn().t("）代为收取租金").pub(
            amount(), "amount"
        ).t("。")
    elif s == 4:
        d.t("    你单位取得").pub(company(), "company_name").t("开具的增值税专用发票").t(
            str(R.randint(2, 30))
        ).t("份（发票代码").pub(invoice_code(), "invoice_code").t("，号码").pub(
            invoice_no(), "invoice_number"
        ).t("等），经协查系虚开。")
    elif s == 5:
        d.t("    当事人于").pub(date(), "date").t("收到").pub(doc_no(), "doc_number").t(
            "《责令限期改正通知书》后，其委托人"
        ).name().t("（电话").mob().t("）曾到").pub(au, "authority_name").t("说明情况。")
    elif s == 6:
        d.t("    据").name(tags=["name_after_preposition"]).t("、").name(tags=["name_list"]).t("证言，").v(
            n0, "personal", "person_name", (nm[1], len(n0)), ["repeated_full_name"]
        ).t("先生每月另行发放现金工资。")
    elif s == 8:
        d.t("    经我局于").pub(date(), "date").t("至").pub(date(), "date").t("对你（地址：").addr(
            wrap=d.layout == "pdf_wrap"
        ).t("）").pub(date(), "date").t("至").pub(date(), "date").t(
            "期间涉税情况进行检查，你存在违法事实，已另行作出"
        ).pub(doc_no(), "doc_number").t("《税务处理决定书》（关联文号").pub(doc_no(), "doc_number").t("）。")
    elif s == 9:
        d.t("    本局").pub(date(), "date").t("作出的").pub(doc_no(), "doc_number").t("决定认定，").name(
            tags=["name_before_verb"]
        ).t("、").name(tags=["name_list"]).t("共同经营的").pub(company(), "company_name").t("隐匿收入；").v(
            n0, "personal", "person_name", (nm[1], len(n0)), ["repeated_full_name", "name_after_title"]
        ).t("作为该公司财务总监知情。")
    else:
        d.t("    以上事实有").pub(doc_no(), "doc_number").t("询问笔录、银行流水及").v(
            n0[: nm[1]] + "某某", "masked", "masked_name", (), ["already_masked"]
        ).t("的证言为证。")
    d.t("\n    根据《中华人民共和国税收征收管理法》第").t(choice(["六十三", "六十四", "六十九", "七十"])).t(
        "条，决定处以罚款"
    ).pub(amount(), "amount").t("。限你自收到本决定书之日起15日内缴纳入库。\n")
    contact_block(d)
    d.pub(au, "authority_name").t("\n").pub(date(), "date").t("\n")


# ---------------------------------------------------------------- document kinds (tables / lists)
def cname(tags=()):
    n = person_name()
    return lambda d: d.name(n, tags=tags)


def cpub(v, typ, tags=()):
    return lambda d: d.pub(v, typ, tags)


def k_double_publicity(d: Doc):
    """行政许可/行政处罚 双公示 rows."""
    d.t(choice(["行政处罚信息公示", "行政许可和行政处罚等信用信息“双公示”", "双公示数据（行政处罚）"]) + "\n")
    hs = [
        "行政相对人名称",
        "统一社会信用代码",
        "法定代表人",
        "证件号码",
        "处罚决定书文号",
        "处罚内容",
        "处罚决定日期",
        "处罚机关",
    ]
    rows = []
    for _ in range(R.randint(2, 5)):
        kind = R.randrange(4)
        if kind == 0:  # company
            rows.append(
                [
                    cpub(company(), "company_name"),
                    cpub(uscc(), "uscc"),
                    cname(["legal_rep"]),
                    lambda d: d.idn(),
                    cpub(doc_no(), "doc_number"),
                    cpub("罚款" + amount(), "amount"),
                    cpub(date(), "date"),
                    cpub(authority(), "authority_name"),
                ]
            )
        elif kind == 1:  # individual: name in subject column
            n = person_name()
            rows.append(
                [
                    lambda d, n=n: d.name(n, tags=["name_in_subject_column"]),
                    lambda d: d.idn(),
                    lambda d: d.t(""),
                    lambda d: d.idn(),
                    cpub(doc_no(), "doc_number"),
                    cpub("罚款" + amount(), "amount"),
                    cpub(date(), "date"),
                    cpub(authority(), "authority_name"),
                ]
            )
        elif kind == 2:  # 个体工商户
            n = person_name()
            rows.append(
                [
                    lambda d, n=n: d.pub(n[0] + choice(SHOP_KIND), "shop_name", ["shop_named_after_owner"]),
                    cpub(uscc(), "uscc"),
                    lambda d, n=n: d.name(n, tags=["owner_of_shop"]),
                    lambda d: d.idn(),
                    cpub(doc_no(), "doc_number"),
                    cpub("罚款" + amount(), "amount"),
                    cpub(date(), "date"),
                    cpub(authority(), "authority_name"),
                ]
            )
        else:  # already masked
            n = person_name()
            rows.append(
                [
                    lambda d, n=n: d.masked(n[0][: n[1]] + "**", "masked_name", ["already_masked"]),
                    lambda d: d.masked(
                        choice(AREAS) + "********" + str(R.randint(1000, 9999)),
                        "masked_id",
                        ["already_masked"],
                    ),
                    lambda d: d.masked("XXX", "placeholder", ["already_masked"]),
                    lambda d: d.masked(
                        choice(["4301**********12", "9143********"]), "masked_id", ["already_masked"]
                    ),
                    cpub(doc_no(), "doc_number"),
                    cpub("罚款" + amount(), "amount"),
                    cpub(date(), "date"),
                    cpub(authority(), "authority_name"),
                ]
            )
    table(d, hs, rows, group=choice([None, "行政处罚", "2025年第三季度"]))


def k_arrears(d: Doc):
    """欠税公告."""
    au = authority()
    d.pub(au, "authority_name").t(
        choice(["欠税公告", "关于公告欠缴税款纳税人的公告", "欠税公告（第" + str(R.randint(1, 4)) + "期）"])
        + "\n"
    )
    d.t("    根据《中华人民共和国税收征收管理法》第四十五条及《欠税公告办法（试行）》，现将截至").pub(
        date(), "date"
    ).t("欠缴税款的纳税人公告如下：\n")
    hs = [
        "纳税人名称",
        "纳税人识别号",
        "法定代表人或负责人",
        "身份证件号码",
        "经营地点",
        "欠税税种",
        "欠税余额",
        "当期新发生欠税",
    ]
    rows = []
    for _ in range(R.randint(2, 6)):
        k = R.randrange(3)
        n = person_name()
        if k == 0:
            rows.append(
                [
                    cpub(company(), "company_name"),
                    cpub(uscc(), "uscc"),
                    lambda d, n=n: d.name(n, tags=["legal_rep"]),
                    lambda d: d.idn(),
                    cpub(company_address(), "business_address"),
                    P(choice(["增值税", "企业所得税", "城镇土地使用税", "房产税"])),
                    cpub(amount(), "amount"),
                    cpub(amount(), "amount"),
                ]
            )
        elif k == 1:
            rows.append(
                [
                    lambda d, n=n: d.pub(n[0] + choice(SHOP_KIND), "shop_name", ["shop_named_after_owner"]),
                    cpub(uscc(), "uscc"),
                    lambda d, n=n: d.name(n),
                    lambda d: d.idn(),
                    cpub(company_address(), "business_address"),
                    P("增值税"),
                    cpub(amount(), "amount"),
                    cpub(amount(), "amount"),
                ]
            )
        else:
            rows.append(
                [
                    lambda d, n=n: d.name(n, tags=["name_in_subject_column"]),
                    lambda d: d.tin(),
                    lambda d, n=n: d.name(n, tags=["repeated_full_name"]),
                    lambda d: d.idn(),
                    lambda d: d.addr(tags=["home_as_business_place"]),
                    P("个人所得税"),
                    cpub(amount(), "amount"),
                    cpub(amount(), "amount"),
                ]
            )
    table(d, hs, rows, group=choice([None, "欠税公告明细（单位：元）"]))
    d.pub(au, "authority_name").t("\n").pub(date(), "date").t("\n")


def k_abnormal(d: Doc):
    """非正常户 公告."""
    au = authority()
    d.t(
        "关于认定非正常户的公告\n    下列纳税人未按规定期限办理纳税申报，经税务机关责令限期改正后仍未改正，且税务人员实地检查无法找到，现认定为非正常户：\n"
    )
    hs = ["序号", "纳税人识别号", "纳税人名称", "法定代表人（负责人）", "认定日期"]
    rows = []
    for i in range(R.randint(3, 7)):
        n = person_name()
        if R.random() < 0.7:
            rows.append(
                [
                    P(str(i + 1)),
                    cpub(uscc(), "uscc"),
                    cpub(company(), "company_name"),
                    lambda d, n=n: d.name(n, tags=["legal_rep"]),
                    cpub(date(), "date"),
                ]
            )
        else:
            rows.append(
                [
                    P(str(i + 1)),
                    lambda d: d.tin(),
                    lambda d, n=n: d.name(n, tags=["name_in_subject_column"]),
                    lambda d, n=n: d.name(n, tags=["repeated_full_name"]),
                    cpub(date(), "date"),
                ]
            )
    table(d, hs, rows)
    contact_block(d)
    d.pub(au, "authority_name").t("\n").pub(date(), "date").t("\n")


def k_service_notice(d: Doc):
    """送达公告."""
    au = authority()
    nm = person_name()
    d.pub(au, "authority_name").t("\n公告送达\n").pub(doc_no(), "doc_number").t("\n")
    s = R.randrange(5)
    if s == 0:
        d.name(nm).t("（身份证号码：").idn().t(
            "）：\n    因采用直接送达、邮寄送达等方式均无法送达，现将"
        ).pub(doc_no(), "doc_number").t("《税务事项通知书》公告送达。自公告之日起满30日，即视为送达。")
    elif s == 1:
        d.t("    本局在办理").pub(company(), "company_name").t("涉税案件中，需向该公司原财务负责人").name(
            nm, tags=["name_after_title"]
        ).t("送达").pub(doc_no(), "doc_number").t("《询问通知书》。经多次联系其手机").mob().t(
            "无人接听，向其户籍地址"
        ).addr().t("邮寄被退回。")
    elif s == 2:
        d.t("受送达人\t送达文书名称及文号\n").name(nm).t("\t").pub(doc_no(), "doc_number").t("\n").name().t(
            "\t"
        ).pub(doc_no(), "doc_number").t("\n")
    elif s == 3:
        lat = choice(LATIN)
        d.t("    受送达人").latin(lat).t("（").t(
            choice(["台湾居民来往大陆通行证", "港澳居民来往内地通行证", "护照"])
        ).t("号码").pp(choice(["taiwan_permit", "hk_macao_permit", "passport"])).t("）")
        d.t("下落不明，现公告送达").pub(doc_no(), "doc_number").t("。")
    else:
        d.t("    ").name(nm).t("、").name().t("、").name(tags=["name_list"]).t("：你们作为").pub(
            company(), "company_name"
        ).t("的股东，").v(nm[0], "personal", "person_name", (nm[1], len(nm[0])), ["repeated_full_name"]).t(
            "应于"
        ).pub(date(), "date").t("前到").pub(au, "authority_name").t("（地址：").pub(
            company_address(), "authority_address"
        ).t("）领取文书。")
    contact_block(d)
    d.pub(date(), "date").t("\n")


def k_social_insurance(d: Doc):
    """社会保险费 欠费 lists with employees."""
    au = authority()
    c = company()
    d.t("社会保险费欠费情况公告\n    ").pub(c, "company_name").t("（统一社会信用代码").pub(uscc(), "uscc").t(
        "）欠缴职工社会保险费，涉及职工如下：\n"
    )
    hs = ["姓名", "社会保障号码", "缴费基数", "欠费月份", "欠费金额", "联系电话"]
    rows = []
    for _ in range(R.randint(3, 7)):
        rows.append(
            [
                cname(["employee"]),
                lambda d: d.idn(tags=["social_security_number"]),
                cpub(amount(), "amount"),
                P(f"{R.randint(2022, 2025)}年{R.randint(1, 12)}月"),
                cpub(amount(), "amount"),
                lambda d: d.mob(),
            ]
        )
    table(d, hs, rows, group=choice([None, "欠费职工明细", "养老保险 | 医疗保险"]))
    d.t("单位经办人：").name().t("  单位电话：").pub(hall_phone(), "company_phone").t("\n").pub(
        au, "authority_name"
    ).t("\n")


def k_credit(d: Doc):
    """纳税信用 A级 名单."""
    d.t(f"{R.randint(2020, 2025)}年度纳税信用A级纳税人名单\n")
    hs = ["序号", "纳税人识别号", "纳税人名称", "主管税务机关"]
    rows = []
    for i in range(R.randint(4, 9)):
        rows.append(
            [
                P(str(i + 1)),
                cpub(uscc(), "uscc"),
                cpub(company(), "company_name"),
                cpub(authority(), "authority_name"),
            ]
        )
    table(d, hs, rows)
    if R.random() < 0.5:
        d.t("联系人：").official().t("，电话：").pub(hall_phone(), "hall_phone").t("\n")


def k_agency(d: Doc):
    """涉税专业服务机构 失信名单 and staff."""
    d.t(choice(["涉税专业服务失信主体名单", "涉税专业服务机构及从业人员失信记录公告"]) + "\n")
    hs = [
        "机构名称",
        "统一社会信用代码",
        "从业人员姓名",
        "职业资格证书编号",
        "身份证件号码",
        "失信行为",
        "列入日期",
    ]
    rows = []
    for _ in range(R.randint(2, 5)):
        ag = choice(["湖南", "长沙", "株洲"]) + choice(COMPANY_CORE) + choice(AGENCIES)
        rows.append(
            [
                cpub(ag, "company_name"),
                cpub(uscc(), "uscc"),
                cname(["agency_staff"]),
                P(f"{R.randint(2010, 2024)}0{R.randint(1000, 9999)}"),
                lambda d: d.idn(),
                P(choice(["协助纳税人虚开发票", "出具虚假涉税报告", "未按规定报送信息"])),
                cpub(date(), "date"),
            ]
        )
    table(d, hs, rows)


def k_register(d: Doc):
    """依申请公开 register."""
    d.t(f"{R.randint(2021, 2025)}年政府信息依申请公开登记台账\n")
    hs = ["登记号", "申请人", "证件号码", "通讯地址", "联系电话", "电子邮箱", "申请内容", "答复日期"]
    rows = []
    for i in range(R.randint(2, 5)):
        rows.append(
            [
                P(f"YSQ{R.randint(2021, 2025)}{i + 1:03d}"),
                cname(),
                lambda d: d.idn(),
                lambda d: d.addr(wrap=d.layout in ("cell_per_line", "csv") and R.random() < 0.3),
                lambda d: d.mob() if R.random() < 0.7 else d.land(),
                lambda d: d.mail(),
                lambda d: d.t("关于").pub(company(), "company_name").t("的处罚信息"),
                cpub(date(), "date"),
            ]
        )
    table(d, hs, rows)


def k_minor(d: Doc):
    """minor's data with 监护人."""
    au = authority()
    kid = person_name()
    par = person_name()
    s = R.randrange(4)
    d.t(choice(["个人所得税专项附加扣除核查通知", "税务事项通知书", "处理决定书（摘录）"]) + "\n").pub(
        doc_no(), "doc_number"
    ).t("\n")
    if s == 0:
        d.name(par).t("：\n    你申报的子女教育专项附加扣除中，子女").name(kid, tags=["minor"]).t(
            "（身份证号"
        ).idn(id_number(minor=True), tags=["minor"]).t("）已于").pub(date(), "date").t("由另一监护人").name(
            tags=["guardian"]
        ).t("全额申报。")
    elif s == 1:
        d.t("被继承人：").name().t("\n继承人（未成年）：").name(kid, tags=["minor"]).t("，").idn(
            id_number(minor=True), tags=["minor"]
        ).t("\n监护人：").name(par, tags=["guardian"]).t("，电话").mob().t("，住").addr().t("\n")
    elif s == 2:
        d.t("    因未成年人").name(kid, tags=["minor", "name_before_verb"]).t(
            "取得房屋赠与，由其监护人"
        ).name(par, tags=["guardian"]).t("代为申报缴纳契税").pub(amount(), "amount").t("。")
    else:
        d.t("姓名|").name(kid, tags=["minor"]).t("|监护人|").name(par, tags=["guardian"]).t("|\n证件|").idn(
            id_number(minor=True), tags=["minor"]
        ).t("|").idn().t("|\n")
    d.t("\n").pub(au, "authority_name").t("\n").pub(date(), "date").t("\n")


def k_mixed_masked(d: Doc):
    """already-masked text mixed with fresh personal data."""
    au = authority()
    s = R.randrange(4)
    n = person_name()
    if s == 0:
        d.t("当事人：").masked(n[0][: n[1]] + "**", "masked_name", ["already_masked"]).t(
            "，身份证号："
        ).masked(choice(AREAS) + "********" + str(R.randint(1000, 9999)), "masked_id", ["already_masked"]).t(
            "，手机"
        ).masked(f"1{R.randint(30, 99)}****{R.randint(1000, 9999)}", "masked_phone", ["already_masked"]).t(
            "\n    另查明其配偶"
        ).name(tags=["relative"]).t("（").idn().t("）参与经营。")
    elif s == 1:
        d.t("    纳税人").masked("XXX", "placeholder", ["already_masked"]).t("于").pub(date(), "date").t(
            "向"
        ).masked(
            choice(SURNAMES) + choice(["老师", "会计", "经理", "师傅"]), "official_title", ["already_masked"]
        ).t("支付咨询费").pub(amount(), "amount").t("，收款账户").card().t("。")
    elif s == 2:
        d.t("    ").masked(n[0][: n[1]] + "某某", "masked_name", ["already_masked"]).t("的代理人").name(
            tags=["object_position"]
        ).t("提供了").pub(company(), "company_name").t("（").masked(
            choice(["9143", "9144"]) + "********" + choice(USCC_CH) + choice(USCC_CH),
            "masked_id",
            ["already_masked"],
        ).t("）的账簿。")
    else:
        d.t("姓名：").masked(n[0][: n[1]] + "*", "masked_name", ["already_masked"]).t("\n电话：").mob().t(
            "\n邮箱："
        ).mail().t("\n")
    d.t("\n").pub(au, "authority_name").t("\n")


# ---------------------------------------------------------------- extra sentence shapes (same kinds, new writing)
def k_enforcement_more(d: Doc):
    if R.random() < 0.55:
        return k_enforcement(d)
    au = authority()
    nm = person_name()
    bank = choice(
        ["中国银行岳阳分行营业部", "交通银行长沙分行", "华融湘江银行株洲支行", "中国农业银行常德武陵支行"]
    )
    d.t(choice(["扣缴税收款项通知书", "税收强制执行决定书"]) + "\n").pub(doc_no(), "doc_number").t("\n")
    s = R.randrange(4)
    if s == 0:
        d.t("    鉴于").pub(company(), "company_name").t("已注销，其欠缴的").pub(amount(), "amount").t(
            "税款由原投资人"
        ).name(nm, tags=["name_after_title"]).t("承担。本局于").pub(date(), "date").t("冻结了").v(
            nm[0], "personal", "person_name", (nm[1], len(nm[0])), ["possessive", "repeated_full_name"]
        ).t("名下").pub(bank, "bank_name").t("账户（").card().t("），现决定予以扣缴。")
    elif s == 1:
        d.t("户名 ").name(nm).t(" | 开户行 ").pub(bank, "bank_name").t(" | 卡号 ").card().t(" | 金额 ").pub(
            amount(), "amount"
        ).t("\n户名 ").name().t(" | 开户行 ").pub(bank, "bank_name").t(" | 卡号 ").card().t(" | 金额 ").pub(
            amount(), "amount"
        ).t("\n")
    elif s == 2:
        d.t("    根据").pub(doc_no(), "doc_number").t("《税收保全措施决定书》，请你行将").name(
            nm, tags=["object_position"]
        ).t("（纳税人识别号").tin().t("）存款账户").card(wrap=d.layout == "pdf_wrap").t("中的存款").pub(
            amount(), "amount"
        ).t("划缴入库，并将回执送交").pub(au, "authority_name").t("。")
    else:
        d.t("    你于").pub(date(), "date").t("签收的").pub(doc_no(), "doc_number").t(
            "要求你在15日内缴纳罚款，你以“"
        ).v(nm[0], "personal", "person_name", (nm[1], len(nm[0])), ["quoted_speech"]).t(
            "没有收入”为由拒不缴纳。你的联系电话"
        ).mob().t("、").land().t("均已停机。")
    d.t("\n").pub(au, "authority_name").t("\n").pub(date(), "date").t("\n")


def k_exit_ban_more(d: Doc):
    if R.random() < 0.55:
        return k_exit_ban(d)
    au = authority()
    nm = person_name()
    d.t(choice(["解除阻止出境通知书", "阻止出境决定书", "提请边控函"]) + "\n").pub(doc_no(), "doc_number").t(
        "\n"
    )
    s = R.randrange(4)
    if s == 0:
        d.t("    ").name(nm, tags=["name_before_verb"]).t("已于").pub(date(), "date").t("结清欠税").pub(
            amount(), "amount"
        ).t("及滞纳金，本局决定解除对其（护照").pp("passport").t("、往来港澳通行证").pp("hk_macao_permit").t(
            "）的出境限制。"
        )
    elif s == 1:
        d.t("被阻止出境人员信息：姓名/").name(nm).t("；性别/").t(choice(["男", "女"])).t("；出生日期/").t(
            f"{R.randint(1960, 1995)}年{R.randint(1, 12)}月"
        ).t("；证件/").idn().t("；所在单位/").pub(company(), "company_name").t("；职务/法定代表人。\n")
    elif s == 2:
        lat = choice(LATIN)
        d.t("    外籍个人").latin(lat).t("（Passport No. ").pp("passport").t("）担任").pub(
            company(), "company_name"
        ).t("董事长期间，该公司欠缴企业所得税").pub(amount(), "amount").t("。")
    else:
        d.t("    经").pub(au, "authority_name").t("局长").official().t("批准，对").pub(
            company(), "company_name"
        ).t("负责人").name(nm, tags=["name_after_title"]).t("、财务负责人").name(tags=["name_list"]).t(
            "实施边控，期限自"
        ).pub(date(), "date").t("起一个月。")
    d.t("\n").pub(au, "authority_name").t("\n").pub(date(), "date").t("\n")


def k_report_more(d: Doc):
    if R.random() < 0.6:
        return k_report_reply(d)
    au = authority()
    nm = person_name()
    d.t("检举答复\n").pub(doc_no(), "doc_number").t("\n")
    s = R.randrange(3)
    if s == 0:
        d.t("实名检举人").name(nm).t("：\n    您检举的").name(tags=["third_party"]).t(
            "女士通过微信收款码收取装修款、未申报个人所得税一事，"
        ).pub(au, "authority_name").t("已受理。答复将发送至您的邮箱").mail().t("。")
    elif s == 1:
        d.t("    12366转来").name(nm).t("的来电（").mob().t("）称：“我是").pub(company(), "company_name").t(
            "的员工，公司用我的身份证"
        ).idn().t("虚报工资。”经核实情况属实。")
    else:
        d.t("    奖励对象：").name(nm).t("；奖金：").pub(amount(), "amount").t(
            "；领取方式：转入其本人银行卡"
        ).card().t("（开户行").pub(choice(["长沙银行", "中国建设银行湘潭分行"]), "bank_name").t("）。")
    contact_block(d)


def k_service_more(d: Doc):
    if R.random() < 0.6:
        return k_service_notice(d)
    au = authority()
    nm = person_name()
    d.t("送达公告\n")
    s = R.randrange(3)
    if s == 0:
        d.t("    ").pub(au, "authority_name").t("依法对").name(nm, tags=["name_before_verb"]).t(
            "（纳税人识别号"
        ).tin().t("）作出").pub(doc_no(), "doc_number").t("《税务行政处罚决定书》，因").v(
            nm[0], "personal", "person_name", (nm[1], len(nm[0])), ["repeated_full_name"]
        ).t("下落不明，现予公告。")
    elif s == 1:
        d.t("序号 受送达人 证件号码 文书文号\n1 ").name(nm).t(" ").idn().t(" ").pub(doc_no(), "doc_number").t(
            "\n2 "
        ).pub(company(), "company_name").t(" ").pub(uscc(), "uscc").t(" ").pub(doc_no(), "doc_number").t("\n")
    else:
        d.t("    致").name(nm).t("先生（最后已知地址：").addr(wrap=d.layout == "pdf_wrap").t(
            "）：本局作出的"
        ).pub(doc_no(), "doc_number").t("文书无法直接送达，请于公告期满前到办税服务厅领取。")
    contact_block(d)
    d.pub(date(), "date").t("\n")


KINDS = [
    ("info_disclosure_reply", k_info_disclosure, 36),
    ("review_decision", k_review, 32),
    ("enforcement_deduction", k_enforcement_more, 32),
    ("exit_ban", k_exit_ban_more, 26),
    ("report_reply", k_report_more, 28),
    ("hearing_record", k_hearing, 24),
    ("penalty_decision", k_penalty_decision, 26),
    ("double_publicity", k_double_publicity, 28),
    ("arrears_notice", k_arrears, 26),
    ("abnormal_household", k_abnormal, 18),
    ("service_notice", k_service_more, 26),
    ("social_insurance_arrears", k_social_insurance, 18),
    ("credit_a_list", k_credit, 10),
    ("agency_blacklist", k_agency, 14),
    ("disclosure_register", k_register, 18),
    ("minor_guardian", k_minor, 16),
    ("already_masked_mix", k_mixed_masked, 22),
]
TABLE_KINDS = {
    "double_publicity",
    "arrears_notice",
    "abnormal_household",
    "social_insurance_arrears",
    "credit_a_list",
    "agency_blacklist",
    "disclosure_register",
}
PROSE_LAYOUTS = ["prose", "prose", "prose", "pdf_wrap", "ocr_noise", "kv_header"]


def pdf_wrap(doc: dict) -> dict:
    """Hard line breaks in unlabelled text every ~30 chars (PDF extraction)."""
    text = doc["text"]
    inside = [False] * len(text)
    for s in doc["spans"]:
        for k in range(s["start"], s["end"]):
            inside[k] = True
    out = []
    shift = [0] * (len(text) + 1)
    col = 0
    added = 0
    for k, ch in enumerate(text):
        shift[k] = added
        if (
            col >= R.randint(26, 40)
            and not inside[k]
            and ch != "\n"
            and (k == 0 or not inside[k - 1] or True)
        ):
            out.append("\n")
            added += 1
            shift[k] = added
            col = 0
        out.append(ch)
        col = 0 if ch == "\n" else col + 1
    shift[len(text)] = added
    for s in doc["spans"]:
        for key in ("start", "core_start"):
            if key in s:
                s[key] += shift[s[key]]
        for key in ("end", "core_end"):
            if key in s:
                # end offsets point after the last char of the span
                s[key] = s[key] + shift[s[key] - 1] if s[key] > 0 else s[key]
    doc["text"] = "".join(out)
    return doc


def build():
    docs = []
    i = 0
    for cat, fn, n in KINDS:
        for _ in range(n):
            lay = choice(TABLE_LAYOUTS) if cat in TABLE_KINDS else choice(PROSE_LAYOUTS)
            d = Doc(cat, lay, ocr=(lay == "ocr_noise" or R.random() < 0.08))
            fn(d)
            doc = d.render(i)
            if lay == "pdf_wrap":
                doc = pdf_wrap(doc)
            docs.append(doc)
            i += 1
    order = list(range(len(docs)))
    R.shuffle(order)
    out = []
    for new_i, k in enumerate(order):
        doc = docs[k]
        doc["id"] = f"m12-{new_i:04d}"
        out.append(doc)
    return out


def main():
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("corpus.jsonl")
    docs = build()
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for doc in docs:
            f.write(
                json.dumps(
                    {
                        "id": doc["id"],
                        "category": doc["category"],
                        "layout": doc["layout"],
                        "text": doc["text"],
                        "spans": doc["spans"],
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    print(f"wrote {len(docs)} documents to {path}")


if __name__ == "__main__":
    main()
