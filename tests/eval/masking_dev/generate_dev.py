"""Development set for the masker (issue 15, second round): the failure classes the held-out set
reports, in templates and word pools of its own (not set 1's generator, not the held-out sets).

It reuses only set 1's building blocks that carry no wording (``Doc``, checksums, ``default_keep``,
``write_number``) so that ``tests/eval/masking/score.py`` scores it unchanged::

    /work/main/.venv/bin/python tests/eval/masking_dev/generate_dev.py
    PYTHONPATH=src /work/main/.venv/bin/python tests/eval/masking/score.py \
        tests/eval/masking_dev/dev.jsonl --in-process gated [--show-leaks 40]

Fixed seed, so the JSONL is reproducible. Classes (tags): evidence lists (``evidence_list``) and service
receipts (``service_receipt``) as PDF extraction gives them, 欠税公告 (``arrears_notice``) in six
flattenings (``flat_*``), hearing notices (``hearing_notice``), traditional-character documents
(``traditional``), private landlines next to the bureau's contact block (``private_landline``),
passports (``passport``), Latin-script names (``latin_name``, ``latin_before_chinese``,
``latin_after_chinese``), names repeated in a row (``name_repeated_in_row``), padded names
(``name_padded``), given names that are words or places (``given_name_word``), two-character names
(``two_char_name``), compound surnames (``compound_surname``), an owner named alone beside the shop
named after them (``owner_name_in_shop_name``), bureau-masked text (``already_masked``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "masking"))

from corpus_lib import (  # noqa: E402
    FULLWIDTH,
    Doc,
    Gen,
    id_check_char,
    uscc_check_char,
)

SEED = 20261207

# ------------------------------------------------------------------------------------------ word pools
SURNAMES = (
    "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 "
    "董 袁 潘 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 方 白 邹 孟 "
    "熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 汤 常 温 康 施 "
    "牛 樊 葛 邢 安 齐 易 乔 伍 庞 颜 倪 庄 聂 章 鲁 岳 翟 殷 詹 申 耿 关 兰 焦 俞 左 柳 甘 祝 包 宁 尚 符 "
    "舒 阮 柯 纪 梅 童 凌 毕 季 裴 霍 涂 苗 谷 盛 曲 翁 冉 骆 蓝 游 辛 靳 管 柴 蒙 鲍 喻 祁 蒲 房 滕 屈 饶 "
    "牟 艾 尤 穆 农 卓 古 吉 缪 简 车 项 连 麦 褚 娄 窦 戚 岑 景 党 宫 费 卜 冷 晏 卫 柏 宗 瞿 桂 佟 臧 闵 "
    "苟 邬 边 卞 姬 仇 栾 隋 商 刁 荣 巫 寇 桑 郎 甄 丛 仲 虞 敖 巩 佘 池 迟 邝"
).split()
COMPOUND = "欧阳 司马 上官 诸葛 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 呼延 南宫 东方 轩辕".split()
GIVEN = (
    "志 文 振 国 子 雨 思 若 嘉 俊 一 梦 昊 泽 瑞 浩 诗 晓 立 雅 慧 家 明 永 德 金 秋 春 宏 天 伟 淑 "
    "秀 建 红 亚 晨 琪 宇 彦 冰 洁 丹 珊 蕾 薇 妍 瑶 璇 锋 鹏 辉 旭 铭 岚 凡 航 杰 凯 毅 骏 朗 斌 玲 "
    "燕 萍 莉 婧 倩 蓉 霞 妮 淼 森 鑫 磊 焱 垚"
).split()
# Given names that are ordinary words or place names (a segmenter reads a word, not a name).
WORD_GIVEN = (
    "春风 秋实 海燕 国强 立新 卫东 向阳 小龙 晓光 朝阳 长青 松林 梅花 玉山 雪峰 志远 家乐 丽华 "
    "永福 金山 银河 青山 白云 东升 德胜 兴旺 富贵 太平 宝山 翠屏 昆仑 衡山 洞庭 黄山 长安 洛阳 "
    "开封 武夷 天山 大海 红梅 建军 爱民 新民 解放 跃进 援朝 卫国 振华 兴华 安徽 湘江 珠江 三峡"
).split()
LATIN = (
    "LIU DEHUA|PETER MILLER|Huang Xiaoming|ANNA KOWALSKA|MOHAMMED ALI KHAN|YAMAMOTO KENJI|CHAN TAI MAN|"
    "WONG KA WAI|LEE MING HO|Tom Anderson|SOPHIE MARTIN|PARK JISOO|Zhou Jielun|OLIVER SCHMIDT|"
    "NGUYEN THI HOA|Ivan Petrov|LAM SIU FUNG|CHEUNG WING YAN|Robert Taylor|EMMA WILSON"
).split("|")
# (region code, province, city, district, area code)
REGIONS = [
    ("320583", "江苏省", "苏州市", "昆山市", "0512"),
    ("330203", "浙江省", "宁波市", "海曙区", "0574"),
    ("350102", "福建省", "福州市", "鼓楼区", "0591"),
    ("360102", "江西省", "南昌市", "东湖区", "0791"),
    ("370102", "山东省", "济南市", "历下区", "0531"),
    ("410105", "河南省", "郑州市", "金水区", "0371"),
    ("430602", "湖南省", "岳阳市", "岳阳楼区", "0730"),
    ("440104", "广东省", "广州市", "越秀区", "020"),
    ("441302", "广东省", "惠州市", "惠城区", "0752"),
    ("460105", "海南省", "海口市", "秀英区", "0898"),
    ("500103", "重庆市", "", "渝中区", "023"),
    ("520102", "贵州省", "贵阳市", "南明区", "0851"),
    ("530102", "云南省", "昆明市", "五华区", "0871"),
    ("620102", "甘肃省", "兰州市", "城关区", "0931"),
    ("130102", "河北省", "石家庄市", "长安区", "0311"),
    ("140105", "山西省", "太原市", "小店区", "0351"),
    ("120101", "天津市", "", "和平区", "022"),
    ("340104", "安徽省", "合肥市", "蜀山区", "0551"),
]
STREETS = (
    "五一路 解放西路 中华北路 建国东路 东大街 环城南路 沿江大道 府前街 工农路 胜利东路 文昌路 "
    "滨湖路 体育路 北京路 迎宾大道 金桥路 青云街 桃源路 龙华路 花园街"
).split()
ESTATES = "锦江苑 翠湖山庄 丽景华庭 金域蓝湾 碧桂园 世纪花城 梧桐小区 观澜名邸 福泽园 江南明珠".split()
BRANDS = "德信 汇丰源 金鼎 中盛 恒泰 新宇 联创 天成 佳和 瑞祥 宏盛 安达 博雅 长荣 鸿运 兴业达".split()
TRADES = "机械制造 商贸 网络科技 装饰设计 农产品 餐饮服务 五金机电 电子商务 运输 建筑劳务 印务 服饰".split()
FORMS = ["有限公司", "有限责任公司", "股份有限公司"]
SHOPS = "早餐店 快餐店 杂货店 小卖部 鞋店 眼镜店 干洗店 汽车美容店 粮油店 药店 茶馆 米粉店 手机维修部".split()
AUTH_SUFFIX = ["税务局", "税务局稽查局", "税务局第一税务分局", "税务局第二稽查局"]
TAXES = "增值税 个人所得税 企业所得税 城市维护建设税 房产税 城镇土地使用税 印花税 资源税".split()
EVIDENCE = (
    "营业执照复印件 询问笔录 银行账户流水 记账凭证 增值税专用发票抄报联 购销合同 送货单 "
    "调取账簿资料清单 现场检查笔录 情况说明 身份证复印件 税务登记表 纳税申报表 资金往来明细"
).split()
PREMASKED = ["张**", "吕**", "XXX", "×××", "李某", "王某某", "陈*", "欧阳**", "刘××"]

T = "\t"


class G(Gen):
    """Set 1's generator with this set's own pools and wording."""

    def person(self, kind: str = "any") -> tuple[str, set[str]]:
        r = self.r
        if kind == "any":
            kind = r.choices(["three", "two", "compound", "word"], [45, 25, 12, 18])[0]
        if kind == "three":
            return r.choice(SURNAMES) + r.choice(GIVEN) + r.choice(GIVEN), set()
        if kind == "two":
            return r.choice(SURNAMES) + r.choice(GIVEN), {"two_char_name"}
        if kind == "compound":
            given = r.choice(GIVEN) + (r.choice(GIVEN) if r.random() < 0.5 else "")
            return r.choice(COMPOUND) + given, {"compound_surname"}
        if kind == "word":
            return r.choice(SURNAMES) + r.choice(WORD_GIVEN), {"given_name_word"}
        raise ValueError(kind)

    def region(self):
        return self.r.choice(REGIONS)

    def id18(self, region: str | None = None) -> str:
        r = self.r
        region = region or r.choice(REGIONS)[0]
        body = f"{region}{r.randint(1958, 2002):04d}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(0, 999):03d}"
        return body + id_check_char(body)

    def company(self, region) -> str:
        city = (region[2] or region[1]).rstrip("市省")
        return f"{city}{self.r.choice(BRANDS)}{self.r.choice(TRADES)}{self.r.choice(FORMS)}"

    def shop(self, owner: str, region) -> str:
        return f"{region[3]}{owner}{self.r.choice(SHOPS)}"

    def uscc_of(self, kind: str, region) -> str:
        head = "91" if kind == "company" else "92"
        body = (
            head
            + region[0]
            + ("MA" + "".join(self.r.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(7)))
        )
        return body + uscc_check_char(body)

    def home(self, region) -> str:
        r = self.r
        _, prov, city, dist, _ = region
        a = f"{prov}{city}{dist}{r.choice(STREETS)}{r.randint(2, 388)}号"
        if r.random() < 0.6:
            a += f"{r.choice(ESTATES)}{r.randint(1, 22)}栋{r.randint(1, 3)}单元{r.randint(2, 28)}0{r.randint(1, 4)}室"
        return a

    def business(self, region) -> str:
        r = self.r
        _, prov, city, dist, _ = region
        return f"{city or prov}{dist}{r.choice(STREETS)}{r.randint(2, 600)}号{r.choice(['', '一楼', '101室', '门面'])}"

    def authority_of(self, region) -> str:
        _, prov, city, dist, _ = region
        return f"国家税务总局{city or prov}{dist}{self.r.choice(AUTH_SUFFIX)}"

    def bureau_phone(self, region) -> str:
        return f"{region[4]}-{self.r.choice('5678')}{''.join(self.r.choice('0123456789') for _ in range(7))}"

    def private_landline(self, region) -> str:
        r = self.r
        local = r.choice("2345678") + "".join(r.choice("0123456789") for _ in range(7))
        return r.choice(["{a}-{l}", "{a}{l}", "（{a}）{l}", "{a} {l}"]).format(a=region[4], l=local)

    def mobile11(self) -> str:
        return self.r.choice(["139", "158", "186", "177", "135", "199"]) + "".join(
            self.r.choice("0123456789") for _ in range(8)
        )

    def amount_text(self) -> str:
        return f"{self.r.uniform(300, 900000):,.2f}"

    def day(self) -> str:
        return f"{self.r.choice([2025, 2026])}年{self.r.randint(1, 12)}月{self.r.randint(1, 28)}日"

    def docno(self, word: str) -> str:
        return f"{self.r.choice(['昆税', '甬海税', '榕鼓税', '洪东税', '济历税', '郑金税', '穗越税', '渝中税'])}{word}〔2026〕{self.r.randint(3, 480)}号"

    def passport(self) -> str:
        return self.r.choice("EGPKDS") + "".join(self.r.choice("0123456789") for _ in range(8))


def _sign(d: Doc, g: G, authority: str) -> None:
    """The closing lines of a document: the issuing authority and the date, one a line."""
    d.k("authority_name", authority)
    d.t("\n")
    d.k("date", g.day())
    d.t("\n")


def put_person(d: Doc, g: G, name: str, tags: set[str], *, pad: bool = False) -> None:
    if pad and len(name) in (2, 3) and "compound_surname" not in tags:
        sep = g.choice(["\u3000", " ", "  ", "\u3000\u3000"])
        name = sep.join(name) if len(name) == 2 or g.chance(0.5) else name[0] + sep + name[1:]
        tags = tags | {"name_padded"}
    d.p("name", name, tags=tags)


def put_id(d: Doc, g: G, id18: str | None = None, *, fancy: bool = True) -> str:
    id18 = id18 or g.id18()
    text = id18
    if fancy and g.chance(0.2):
        text = id18.translate(FULLWIDTH)
    d.p("id_number", text)
    return id18


# ------------------------------------------------------------------------------------------ documents


def evidence_list(g: G, i: int) -> Doc:
    """证据清单 as PDF text extraction gives it: space-aligned (pdftotext -layout) or one cell a line."""
    d = Doc(f"dev-evidence-{i:03d}", tags={"evidence_list"})
    region = g.region()
    layout = g.choice(["space", "cells", "tab"])
    d.tags.add({"space": "flat_space_aligned", "cells": "flat_cell_per_line", "tab": "flat_tab"}[layout])
    d.t(g.choice(["证据清单", "证据材料清单", "案件证据目录"]) + "\n")
    d.t("案件名称：")
    person_case = g.chance(0.5)
    if person_case:
        name, tags = g.person()
        put_person(d, g, name, tags)
        d.t("涉嫌少缴个人所得税案\n")
    else:
        d.k("org_name", g.company(region))
        d.t("偷税案\n")
    header = g.choice(
        [
            ["序号", "证据名称", "提供人", "页数", "备注"],
            ["序号", "证据名称", "证据来源", "提供人", "页码"],
            ["编号", "证据名称", "提供人", "证明对象", "页数"],
        ]
    )
    sep = {"space": "    ", "cells": "\n", "tab": T}[layout]
    d.t(sep.join(header) + "\n")
    pad_all = g.chance(0.4)
    for n in range(1, g.r.randint(4, 8)):
        cells: list[tuple[str, object]] = []
        for h in header:
            if h in ("序号", "编号"):
                cells.append(("t", str(n)))
            elif h == "证据名称":
                cells.append(("t", g.choice(EVIDENCE)))
            elif h == "提供人":
                if g.chance(0.7):
                    nm, tags = g.person()
                    cells.append(("name", (nm, tags)))
                else:
                    cells.append(("org", g.company(region) if g.chance(0.5) else g.authority_of(region)))
            elif h in ("页数", "页码"):
                cells.append(("t", str(g.r.randint(1, 30))))
            elif h == "证据来源":
                cells.append(("t", g.choice(["当事人提供", "调取", "银行协查", "现场提取"])))
            elif h == "证明对象":
                cells.append(("t", g.choice(["主体资格", "违法事实", "少缴税款", "资金流向"])))
            else:
                cells.append(("t", g.choice(["原件", "复印件", "", "加盖公章"]) or "—"))
        for c, (kind, value) in enumerate(cells):
            if c:
                d.t(sep)
            if kind == "t":
                d.t(str(value))
            elif kind == "org":
                d.k("authority_name" if "税务局" in str(value) else "org_name", str(value))
            else:
                nm, tags = value  # type: ignore[misc]
                put_person(d, g, nm, tags, pad=pad_all)
        d.t("\n")
    d.t(g.choice(["\n调查人员：", "\n制表人："]))
    d.t(g.person("three")[0])
    d.tags.add("officer_names_unlabelled")
    d.t("\n")
    return d


def service_receipt(g: G, i: int) -> Doc:
    """送达回证: label and value cells, one a line (PDF) or tab-separated, the party a person or a firm."""
    d = Doc(f"dev-receipt-{i:03d}", tags={"service_receipt"})
    region = g.region()
    layout = g.choice(["cells", "tab", "kv"])
    d.tags.add({"cells": "flat_cell_per_line", "tab": "flat_tab", "kv": "flat_key_value"}[layout])
    sep = {"cells": "\n", "tab": T, "kv": "："}[layout]
    d.t("税务文书送达回证\n")
    d.t("送达文书名称及文号" + sep + "税务行政处罚决定书（")
    d.k("document_number", g.docno("罚"))
    d.t("）\n受送达人" + sep)
    person = g.chance(0.6)
    if person:
        name, tags = g.person()
        put_person(d, g, name, tags, pad=g.chance(0.3))
        d.t("\n送达地点" + sep)
        d.p("home_address", g.home(region))
    else:
        d.k("org_name", g.company(region))
        d.t("\n送达地点" + sep)
        d.k("business_address", g.business(region))
    d.t("\n送达方式" + sep + g.choice(["直接送达", "留置送达", "邮寄送达"]) + "\n")
    d.t(g.choice(["受送达人签名或盖章", "签收人", "收件人签名"]) + sep)
    if person and g.chance(0.6):
        put_person(d, g, name, tags | {"name_repeated_in_row"})
    else:
        nm, tg = g.person()
        put_person(d, g, nm, tg)
    d.t("  ")
    d.k("date", g.day())
    d.t("\n代收人及代收理由" + sep)
    if g.chance(0.5):
        nm, tg = g.person()
        put_person(d, g, nm, tg)
        d.t(g.choice(["（配偶）", "（财务人员）", "（同住成年家属）", "，系其子"]))
    else:
        d.t("无")
    d.t("\n送达人" + sep + g.person("three")[0] + "、" + g.person("three")[0] + "\n")
    d.tags.add("officer_names_unlabelled")
    d.t("填发税务机关" + sep)
    d.k("authority_name", g.authority_of(region))
    d.t("\n")
    return d


ARREARS_HEADERS = [
    [
        "序号",
        "纳税人名称",
        "纳税人识别号",
        "法定代表人（负责人）姓名",
        "居民身份证（或其他有效身份证件）号码",
        "经营地点",
        "欠税税种",
        "欠税余额（元）",
    ],
    [
        "序号",
        "企业或单位名称",
        "统一社会信用代码",
        "负责人",
        "身份证号码",
        "生产经营地址",
        "税种",
        "欠缴金额",
    ],
    ["序号", "欠税人", "纳税人识别号", "法定代表人姓名", "证件号码", "经营场所", "欠税税种", "欠税金额"],
]


def arrears_rows(g: G, region, n: int) -> list[list[tuple[str, object]]]:
    rows = []
    for k in range(1, n + 1):
        kind = g.choice(["company", "company", "shop", "person"])
        tax = g.choice(TAXES)
        amount = g.amount_text()
        if kind == "company":
            nm, tags = g.person()
            idn = g.id18()
            rows.append(
                [
                    ("t", str(k)),
                    ("org_name", g.company(region)),
                    ("uscc", g.uscc_of("company", region)),
                    ("name", (nm, tags)),
                    ("id", idn),
                    ("business_address", g.business(region)),
                    ("t", tax),
                    ("amount", amount),
                ]
            )
        elif kind == "shop":
            nm, tags = g.person(g.choice(["three", "two", "word"]))
            idn = g.id18()
            tin = idn + f"{g.r.randint(0, 99):02d}"
            rows.append(
                [
                    ("t", str(k)),
                    ("shop_name", g.shop(nm, region)),
                    ("tin_individual", tin),
                    ("name", (nm, tags | {"owner_name_in_shop_name"})),
                    ("id", idn),
                    ("business_address", g.business(region)),
                    ("t", tax),
                    ("amount", amount),
                ]
            )
        else:
            nm, tags = g.person()
            idn = g.id18()
            rows.append(
                [
                    ("t", str(k)),
                    ("name", (nm, tags)),
                    ("id", idn),
                    ("name", (nm, tags | {"name_repeated_in_row"})),
                    ("id", idn),
                    ("home_address", g.home(region)),
                    ("t", tax),
                    ("amount", amount),
                ]
            )
    return rows


def put_cell(d: Doc, g: G, kind: str, value: object, pad: bool) -> None:
    if kind == "t":
        d.t(str(value))
    elif kind == "name":
        nm, tags = value  # type: ignore[misc]
        put_person(d, g, nm, tags, pad=pad)
    elif kind == "id":
        d.p("id_number", str(value))
    elif kind in ("tin_individual", "home_address"):
        d.p(kind, str(value))
    else:
        d.k(kind, str(value))


def arrears_notice(g: G, i: int, flat: str) -> Doc:
    d = Doc(f"dev-arrears-{flat}-{i:03d}", tags={"arrears_notice", f"flat_{flat}"})
    region = g.region()
    authority = g.authority_of(region)
    d.t(g.choice(["欠税公告", "关于公告欠税情况的通告", "欠缴税款公告"]) + "\n")
    d.k("document_number", g.docno("告"))
    d.t("\n    根据")
    d.k("law_citation", "《中华人民共和国税收征收管理法》第四十五条")
    d.t("及《欠税公告办法（试行）》的规定，现将截至")
    d.k("date", g.day())
    d.t("的欠税情况公告如下：\n")
    header = g.choice(ARREARS_HEADERS)
    rows = arrears_rows(g, region, g.r.randint(3, 6))
    pad = g.chance(0.35)
    if flat in ("tab", "pipe", "space_aligned", "cell_per_line"):
        sep = {"tab": T, "pipe": " | ", "space_aligned": "   ", "cell_per_line": "\n"}[flat]
        if flat == "pipe":
            d.t("| " + sep.join(header) + " |\n")
        else:
            d.t(sep.join(header) + "\n")
        for row in rows:
            if flat == "pipe":
                d.t("| ")
            for c, (kind, value) in enumerate(row):
                if c:
                    d.t(sep)
                put_cell(d, g, kind, value, pad)
            d.t(" |\n" if flat == "pipe" else "\n")
    elif flat == "key_value":
        for row in rows:
            for h, (kind, value) in zip(header, row, strict=True):
                d.t(h + "：")
                put_cell(d, g, kind, value, pad)
                d.t("\n")
            d.t("\n")
    else:  # semicolon
        for row in rows:
            for c, (h, (kind, value)) in enumerate(zip(header, row, strict=True)):
                if c:
                    d.t("；")
                d.t(h + "：")
                put_cell(d, g, kind, value, pad)
            d.t("。\n")
    d.t("\n特此公告。\n\n")
    _sign(d, g, authority)
    return d


def hearing_notice(g: G, i: int) -> Doc:
    d = Doc(f"dev-hearing-{i:03d}", tags={"hearing_notice"})
    region = g.region()
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    d.t("\n税务行政处罚听证通知书\n")
    d.k("document_number", g.docno("听通"))
    d.t("\n")
    person = g.chance(0.6)
    if person:
        name, tags = g.person()
        put_person(d, g, name, tags)
    else:
        d.k("org_name", g.company(region))
    d.t("：\n    " + g.choice(["根据你", "你"]) + g.choice(["于", "已于"]))
    d.k("date", g.day())
    d.t(g.choice(["提出的听证申请", "提交的听证要求", "要求听证的申请"]) + "，经审查，本机关决定于")
    d.k("date", g.day())
    d.t("上午9时在")
    d.k("business_address", g.business(region))
    d.t(
        g.choice(["举行听证", "公开举行听证会"])
        + "。听证主持人："
        + g.person("three")[0]
        + "，书记员："
        + g.person("three")[0]
        + "。\n"
    )
    d.tags.add("officer_names_unlabelled")
    if person and g.chance(0.6):
        d.t("    经查，")
        put_person(d, g, name, tags | {"name_repeated_in_row"})
        d.t(g.choice(["（住址：", "，住", "，家庭住址："]))
        d.p("home_address", g.home(region))
        d.t(g.choice(["）", "，"]) + "系本案当事人。")
    d.t("    你可以亲自参加听证，也可以委托一至二人代理。")
    if g.chance(0.7):
        d.t(g.choice(["已登记的委托代理人：", "你委托的代理人", "委托代理人"]))
        nm, tg = g.person()
        put_person(d, g, nm, tg)
        d.t(g.choice(["（律师，联系电话：", "，联系电话：", "，手机号码："]))
        d.p("phone", g.mobile11() if g.chance(0.6) else g.private_landline(region), tags={"private_landline"})
        d.t(g.choice(["）。", "。"]))
    if g.chance(0.5):
        d.t("证人")
        nm, tg = g.person()
        put_person(d, g, nm, tg)
        d.t(g.choice(["（住宅电话：", "，固定电话：", "，家庭电话："]))
        d.p("phone", g.private_landline(region), tags={"private_landline"})
        d.t(g.choice(["）将出席。", "，将出席作证。"]))
    d.t("\n\n联系人：" + g.person("three")[0] + "\n联系电话：")
    d.k("authority_phone", g.bureau_phone(region))
    d.t("\n纳税服务热线：")
    d.k("authority_phone", "12366")
    d.t("\n\n")
    _sign(d, g, authority)
    return d


def contact_notice(g: G, i: int) -> Doc:
    """A notice whose closing block has the bureau's number and, beside it, a party's private line."""
    d = Doc(f"dev-contact-{i:03d}", tags={"contact_block"})
    region = g.region()
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    d.t(g.choice(["\n税务事项通知书\n", "\n责令限期改正通知书\n", "\n税务检查通知书\n"]))
    d.k("document_number", g.docno("通"))
    d.t("\n")
    name, tags = g.person()
    put_person(d, g, name, tags)
    d.t(
        "：\n    你"
        + g.choice(["未按规定期限办理纳税申报", "存在未按规定开具发票的行为", "涉嫌少缴税款"])
        + "，请于"
    )
    d.k("date", g.day())
    d.t("前到本局办理有关事宜。\n\n")
    d.tags.add("private_landline")
    lines: list[tuple[str, str]] = []
    lines.append(("bureau", ""))
    lines.append(("party", ""))
    g.r.shuffle(lines)
    for kind, _ in lines:
        if kind == "bureau":
            d.t("联系人：" + g.person("three")[0] + "\n联系电话：")
            d.k("authority_phone", g.bureau_phone(region))
            d.t("\n联系地址：")
            d.k("business_address", g.business(region))
            d.t("\n")
        else:
            d.t(g.choice(["当事人联系电话：", "纳税人固定电话：", "你的预留电话：", "当事人住宅电话："]))
            d.p("phone", g.private_landline(region), tags={"private_landline"})
            d.t("\n")
            if g.chance(0.5):
                d.t(g.choice(["证人", "见证人"]))
                nm, tg = g.person()
                put_person(d, g, nm, tg)
                d.t("，电话：")
                d.p("phone", g.private_landline(region), tags={"private_landline"})
                d.t("\n")
    d.t("\n")
    _sign(d, g, authority)
    return d


def foreign_party(g: G, i: int) -> Doc:
    """A penalty decision on a foreign or Hong Kong / Macao / Taiwan party: passports, Latin names."""
    d = Doc(f"dev-foreign-{i:03d}", tags={"passport"})
    region = g.region()
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    d.t("\n行政处罚决定书\n")
    d.k("document_number", g.docno("罚"))
    d.t("\n")
    latin = g.choice(LATIN)
    form = g.choice(["alone", "before", "after"])
    d.t(g.choice(["当事人：", "被处罚人：", "纳税人姓名："]))
    if form == "alone":
        d.p("name", latin, tags={"latin_name"})
    elif form == "before":
        d.p("name", latin, tags={"latin_name"})
        d.t("（")
        nm, tg = g.person("three")
        d.p("name", nm, tags=tg | {"latin_before_chinese"})
        d.t("）")
    else:
        nm, tg = g.person("three")
        d.p("name", nm, tags=tg)
        d.t("（")
        d.p("name", latin, tags={"latin_name", "latin_after_chinese"})
        d.t("）")
    d.t(
        "\n"
        + g.choice(["国籍：", "国籍/地区："])
        + g.choice(["美国", "德国", "中国香港", "日本", "韩国", "越南", "加拿大"])
    )
    d.t("\n" + g.choice(["护照号码：", "证件类型及号码：护照 ", "护照号：", "Passport No.: "]))
    d.p("passport", g.passport(), tags={"passport"})
    d.t("\n" + g.choice(["住址：", "现住址：", "境内居住地："]))
    d.p("home_address", g.home(region))
    d.t("\n    经查，")
    if form == "alone":
        d.p("name", latin, tags={"latin_name"})
    else:
        d.p("name", nm, tags=tg | {"name_repeated_in_row"})
    d.t(g.choice(["于", "在"]))
    d.k("date", g.day())
    d.t("取得境内劳务报酬")
    d.k("amount", g.amount_text() + "元")
    bracket = g.chance(0.4)
    d.t("，未申报缴纳个人所得税。其" + ("持有的护照（号码" if bracket else g.choice(["所持护照", "护照"])))
    d.p("passport", g.passport(), tags={"passport", "passport_repeated"})
    d.t(("）" if bracket else "") + "已核实。依据")
    d.k("law_citation", "《中华人民共和国税收征收管理法》第六十四条第二款")
    d.t("，处以罚款")
    d.k("amount", g.amount_text() + "元")
    d.t("。\n\n")
    _sign(d, g, authority)
    return d


def shop_owner(g: G, i: int) -> Doc:
    """An individual business named after its owner: the shop name stays, the owner alone is masked."""
    d = Doc(f"dev-shop-{i:03d}", tags={"owner_name_in_shop_name"})
    region = g.region()
    authority = g.authority_of(region)
    owner, tags = g.person(g.choice(["three", "two", "word", "compound"]))
    shop = g.shop(owner, region)
    d.k("authority_name", authority)
    d.t("\n" + g.choice(["不予行政处罚决定书", "税务行政处罚决定书（简易）", "行政处罚决定书"]) + "\n")
    d.k("document_number", g.docno("罚"))
    d.t("\n" + g.choice(["当事人名称：", "纳税人名称：", "被处罚单位："]))
    d.k("shop_name", shop)
    d.t("\n统一社会信用代码：")
    d.k("uscc", g.uscc_of("shop", region))
    d.t("\n" + g.choice(["经营者：", "业主：", "负责人：", "经营者姓名："]))
    put_person(d, g, owner, tags | {"owner_name_in_shop_name"})
    d.t("\n" + g.choice(["经营场所：", "经营地址："]))
    d.k("business_address", g.business(region))
    d.t("\n    " + g.choice(["经查，", "你户", ""]))
    d.k("shop_name", shop)
    d.t(g.choice(["（经营者", "（业主"]))
    put_person(d, g, owner, tags | {"owner_name_in_shop_name", "name_repeated_in_row"})
    d.t("）" + g.choice(["未按规定保管发票", "逾期未申报", "未按规定设置账簿"]) + "。")
    put_person(d, g, owner, tags | {"owner_name_in_shop_name", "name_repeated_in_row"})
    d.t(g.choice(["本人于", "于"]))
    d.k("date", g.day())
    d.t(g.choice(["到本局说明情况并改正。", "主动补办手续。"]) + "\n\n")
    _sign(d, g, authority)
    return d


def person_penalty(g: G, i: int) -> Doc:
    """A natural person's decision, with the home address under one of its many labels."""
    d = Doc(f"dev-person-{i:03d}", tags={"person_penalty"})
    region = g.region()
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    d.t("\n税务行政处罚决定书\n")
    d.k("document_number", g.docno("罚"))
    d.t("\n" + g.choice(["当事人：", "当事人姓名：", "被处罚人："]))
    name, tags = g.person()
    put_person(d, g, name, tags, pad=g.chance(0.3))
    d.t(g.choice(["，", "\n"]) + g.choice(["居民身份证号码：", "身份证号：", "公民身份号码："]))
    put_id(d, g)
    d.t(
        g.choice(["，", "\n"])
        + g.choice(["住址：", "住所：", "户籍地址：", "居住地：", "现住：", "家庭住址：", "现住址："])
    )
    d.p("home_address", g.home(region), tags={"home_address_label"})
    d.t("\n    经查，")
    put_person(d, g, name, tags | {"name_repeated_in_row"})
    d.t(g.choice(["于", "在"]))
    d.k("date", g.day())
    d.t("出租位于")
    d.k("business_address", g.business(region))
    d.t("的房屋，取得租金收入")
    d.k("amount", g.amount_text() + "元")
    d.t("，未申报缴纳房产税。" + g.choice(["其配偶", "其同住人员", "出租方代理人"]))
    nm, tg = g.person()
    put_person(d, g, nm, tg)
    d.t(g.choice(["（现居住地：", "（住"]))
    d.p("home_address", g.home(region), tags={"home_address_label"})
    d.t("）" + g.choice(["在询问笔录中予以确认。", "签字确认。"]) + "\n    以上事实有")
    put_person(d, g, name, tags | {"name_repeated_in_row"})
    d.t(g.choice(["的询问笔录", "本人的陈述"]) + "等证据证明。依据")
    d.k("law_citation", "《中华人民共和国税收征收管理法》第六十三条第一款")
    d.t("，处少缴税款百分之五十的罚款")
    d.k("amount", g.amount_text() + "元")
    d.t("。\n\n")
    _sign(d, g, authority)
    return d


def premasked(g: G, i: int) -> Doc:
    d = Doc(f"dev-premasked-{i:03d}", tags={"already_masked_doc"})
    region = g.region()
    d.k("authority_name", g.authority_of(region))
    d.t("\n行政处罚结果公示\n行政相对人名称：")
    d.m(g.choice(PREMASKED))
    d.t("\n证件号码：")
    idn = g.id18()
    d.m(idn[:4] + "*" * 10 + idn[-4:] if g.chance(0.5) else idn[:6] + "********" + idn[-4:])
    d.t("\n联系电话：")
    mob = g.mobile11()
    d.m(mob[:3] + "****" + mob[-4:])
    d.t("\n违法事实：")
    d.m(g.choice(PREMASKED))
    d.t(g.choice(["于", "在"]))
    d.k("date", g.day())
    d.t("取得收入未申报，其同伙")
    d.m(g.choice(PREMASKED))
    d.t("、")
    nm, tg = g.person()
    put_person(d, g, nm, tg)
    d.t("等三人" + g.choice(["已补缴税款。", "均已到案说明。"]) + "\n处罚决定：罚款")
    d.k("amount", g.amount_text() + "元")
    d.t("\n")
    return d


FLATS = ["tab", "pipe", "space_aligned", "cell_per_line", "key_value", "semicolon"]


# hanziconv maps character by character; these are its choices no traditional text makes.
_TRADITIONAL_FIXES = (
    ("傢", "家"),
    ("曆", "歷"),
    ("瞭", "了"),
    ("纔", "才"),
    ("隻", "只"),
    ("鍾", "鐘"),
    ("衕", "同"),
)


def traditional(doc: Doc) -> Doc:
    """The same document in traditional characters (港澳台 parties), labels folded one for one."""
    from hanziconv import HanziConv

    for k, part in enumerate(doc.parts):
        converted = HanziConv.toTraditional(part)
        for wrong, right in _TRADITIONAL_FIXES:
            converted = converted.replace(wrong, right)
        assert len(converted) == len(part)
        doc.parts[k] = converted
    doc.id = doc.id.replace("dev-", "dev-trad-")
    doc.tags.add("traditional")
    return doc


def _records(docs: list[Doc]) -> list[dict]:
    for d in docs:
        for span in d.personal:
            span.setdefault("tags", [])
    return [d.record() for d in docs]


def _part(seed: int, plan: list[tuple[Callable[[G, int], Doc], int]]) -> list[dict]:
    """A part's documents: each template called so many times, in order, from one seeded generator."""
    g = G(seed)
    return _records([template(g, i) for template, count in plan for i in range(count)])


def generate() -> list[dict]:
    g = G(SEED)
    docs: list[Doc] = []
    for i in range(24):
        docs.append(evidence_list(g, i))
    for i in range(20):
        docs.append(service_receipt(g, i))
    for flat in FLATS:
        for i in range(7):
            docs.append(arrears_notice(g, i, flat))
    for i in range(20):
        docs.append(hearing_notice(g, i))
    for i in range(16):
        docs.append(contact_notice(g, i))
    for i in range(16):
        docs.append(foreign_party(g, i))
    for i in range(16):
        docs.append(shop_owner(g, i))
    for i in range(16):
        docs.append(person_penalty(g, i))
    for i in range(10):
        docs.append(premasked(g, i))
    # Traditional variants of every kind, written afresh (not copies of the documents above).
    for i in range(6):
        docs.append(traditional(person_penalty(g, 100 + i)))
        docs.append(traditional(arrears_notice(g, 100 + i, g.choice(FLATS))))
        docs.append(traditional(foreign_party(g, 100 + i)))
    for i in range(3):
        docs.append(traditional(hearing_notice(g, 100 + i)))
        docs.append(traditional(evidence_list(g, 100 + i)))
    return _records(docs)


# ------------------------------------------------------------------------------ part 2 (written later)
# Written after the first round of fixes, before the masker was run on it: other document shapes and
# wording, to see whether the fixes hold on text they were not made from.

TW_SURNAMES = (
    "陳 林 黃 張 李 王 吳 劉 蔡 楊 許 鄭 謝 郭 洪 曾 邱 廖 賴 周 徐 蘇 葉 莊 呂 江 何 蕭 羅 高".split()
)
TW_GIVEN = "志 明 淑 芬 美 玲 俊 傑 家 豪 怡 君 宗 翰 雅 婷 建 宏 冠 宇 佩 珊 文 彬 國 華 秀 英 嘉 偉".split()
HK_LATIN = [
    "CHAN Tai Man",
    "WONG Siu Ming",
    "LEUNG Ka Yan",
    "CHEUNG Chi Keung",
    "LAU Mei Ling",
    "HO Wing Sze",
]
FOREIGN_LATIN = [
    "JEAN-PIERRE DUPONT",
    "Maria Rossi",
    "HANS MUELLER",
    "Kim Soo Hyun",
    "JAMES O'BRIEN",
    "Akira Sato",
]


def tw_name(g: G) -> str:
    return g.choice(TW_SURNAMES) + g.choice(TW_GIVEN) + g.choice(TW_GIVEN)


def tw_id(g: G) -> str:
    """A Taiwan national ID (letter, 1/2 for sex, 8 digits) with its check digit."""
    letters = "ABCDEFGHJKLMNPQRSTUVXYWZIO"
    letter = g.choice(letters[:20])
    body = g.choice("12") + "".join(g.choice("0123456789") for _ in range(7))
    code = letters.index(letter) + 10
    digits = [code // 10, code % 10] + [int(c) for c in body]
    weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1]
    check = (10 - sum(d * w for d, w in zip(digits, weights, strict=True)) % 10) % 10
    return letter + body + str(check)


def hk_id(g: G) -> str:
    letter = g.choice("ACDEGHKPRVZ")
    digits = "".join(g.choice("0123456789") for _ in range(6))
    total = 8 * (ord(letter) - 55) + sum((7 - i) * int(c) for i, c in enumerate(digits))
    check = (11 - total % 11) % 11
    return f"{letter}{digits}({'A' if check == 10 else check})"


def traditional_native(g: G, i: int) -> Doc:
    """A decision written in traditional characters from the start (台港 wording, not converted)."""
    d = Doc(f"dev2-tradnative-{i:03d}", tags={"traditional", "traditional_native"})
    region = g.region()
    d.k("authority_name", g.authority_of(region))
    d.t("\n" + g.choice(["行政處罰決定書", "稅務行政處罰決定書", "處分書"]) + "\n")
    d.k("document_number", g.docno("罰"))
    d.t("\n")
    hk = g.chance(0.5)
    name = tw_name(g)
    d.t(g.choice(["受處分人：", "當事人：", "納稅義務人："]))
    d.p("name", name)
    if hk and g.chance(0.6):
        d.t("（")
        d.p("name", g.choice(HK_LATIN), tags={"latin_name", "latin_after_chinese"})
        d.t("）")
    if hk:
        d.t("\n香港身份證號碼：")
        d.p("passport", hk_id(g), tags={"hk_id"})
        d.t("\n港澳居民來往內地通行證號碼：")
        d.p("passport", "H" + "".join(g.choice("0123456789") for _ in range(8)), tags={"passport"})
    else:
        d.t("\n" + g.choice(["身分證統一編號：", "身分證字號：", "國民身分證號碼："]))
        d.p("id_number", tw_id(g), tags={"tw_id"})
    d.t("\n" + g.choice(["住址：", "戶籍地址：", "通訊地址：", "居所："]))
    if hk:
        d.p(
            "home_address",
            f"香港九龍旺角彌敦道{g.r.randint(10, 900)}號{g.r.randint(2, 30)}樓{g.choice('ABCDEF')}室",
        )
    else:
        d.p(
            "home_address",
            f"臺北市大安區忠孝東路{g.r.randint(1, 7)}段{g.r.randint(1, 300)}號{g.r.randint(2, 15)}樓",
        )
    d.t("\n" + g.choice(["行動電話：", "聯絡電話：", "手機："]))
    if hk:
        d.p(
            "phone",
            "+852 "
            + g.choice("569")
            + "".join(g.choice("0123456789") for _ in range(3))
            + " "
            + "".join(g.choice("0123456789") for _ in range(4)),
            tags={"phone_hk"},
        )
    else:
        d.p(
            "phone",
            "09"
            + "".join(g.choice("0123456789") for _ in range(2))
            + "-"
            + "".join(g.choice("0123456789") for _ in range(3))
            + "-"
            + "".join(g.choice("0123456789") for _ in range(3)),
            tags={"phone_tw"},
        )
    if g.chance(0.6):
        d.t("\n" + g.choice(["代理人：", "委任代理人：", "受託人："]))
        nm = tw_name(g)
        d.p("name", nm)
        d.t(g.choice(["律師", "（律師）", ""]))
    d.t("\n    " + g.choice(["經查，", "查"]))
    d.p("name", name, tags={"name_repeated_in_row"})
    d.t(g.choice(["於", "在"]))
    d.k("date", g.day())
    d.t(g.choice(["取得境內所得", "自境內取得勞務報酬"]))
    d.k("amount", g.amount_text() + "元")
    d.t("，未依規定申報納稅，" + g.choice(["經其本人", "經"]))
    d.p("name", name, tags={"name_repeated_in_row"})
    d.t(g.choice(["簽名確認。", "於詢問筆錄中承認。"]) + "依據")
    d.k("law_citation", "《中華人民共和國稅收徵收管理法》第六十四條第二款")
    d.t("，處以罰款")
    d.k("amount", g.amount_text() + "元")
    d.t("。\n")
    _sign(d, g, g.authority_of(region))
    return d


def narrative_penalty(g: G, i: int) -> Doc:
    """Running text naming several people by their relation to the case, without a label."""
    d = Doc(f"dev2-narrative-{i:03d}", tags={"narrative"})
    region = g.region()
    company = g.company(region)
    d.k("authority_name", g.authority_of(region))
    d.t("\n税务行政处罚决定书\n")
    d.k("document_number", g.docno("罚"))
    d.t("\n")
    d.k("org_name", company)
    d.t("（统一社会信用代码：")
    d.k("uscc", g.uscc_of("company", region))
    d.t("）：\n    经查，你公司" + g.choice(["实际控制人", "股东", "总经理"]))
    boss, bt = g.person(g.choice(["three", "word", "two"]))
    put_person(d, g, boss, bt)
    d.t(g.choice(["指使", "安排"]) + g.choice(["会计", "出纳", "开票员"]))
    clerk, ct = g.person(g.choice(["three", "two", "compound", "word"]))
    put_person(d, g, clerk, ct)
    d.t("于")
    d.k("date", g.day())
    d.t("至")
    d.k("date", g.day())
    d.t("期间，通过")
    put_person(d, g, clerk, ct | {"name_repeated_in_row"})
    d.t(g.choice(["的个人银行卡", "本人名下账户", "个人微信"]) + "收取货款")
    d.k("amount", g.amount_text() + "元")
    d.t("，未入账核算。" + g.choice(["上述款项后转入", "其中部分款项转给"]))
    third, tt = g.person(g.choice(["three", "two", "word"]))
    put_person(d, g, third, tt)
    d.t(g.choice(["个人账户", "名下银行账户（卡号", "的账户"]))
    if "卡号" in d.parts[-1]:
        d.p("bank_card", g.bank_card())
        d.t("）")
    d.t("。")
    put_person(d, g, boss, bt | {"name_repeated_in_row"})
    d.t(g.choice(["对上述事实无异议", "在询问中承认上述事实", "在询问笔录上签字确认"]) + "。")
    if g.chance(0.6):
        d.t("另查明，")
        put_person(d, g, clerk, ct | {"name_repeated_in_row"})
        d.t("与")
        put_person(d, g, third, tt | {"name_repeated_in_row"})
        d.t(g.choice(["系夫妻关系", "系亲属关系", "为同学关系"]) + "。")
    d.t("\n    依据")
    d.k("law_citation", "《中华人民共和国税收征收管理法》第六十三条第一款")
    d.t("，对你公司处少缴税款一倍的罚款")
    d.k("amount", g.amount_text() + "元")
    d.t("。\n")
    _sign(d, g, g.authority_of(region))
    return d


def shop_owner_running(g: G, i: int) -> Doc:
    """A 双公示 record of an individual business named after its owner, then the owner alone."""
    d = Doc(f"dev2-shoprun-{i:03d}", tags={"owner_name_in_shop_name", "shuanggongshi"})
    region = g.region()
    owner, tags = g.person(g.choice(["three", "two", "word"]))
    shop = g.choice(
        [
            f"{owner}{g.choice(SHOPS)}",
            f"{region[3]}{owner}{g.choice(SHOPS)}",
            f"{(region[2] or region[1]).rstrip('市')}市{owner}{g.choice(SHOPS)}",
        ]
    )
    layout = g.choice(["kv", "tab"])
    sep = "：" if layout == "kv" else T
    d.tags.add("flat_key_value" if layout == "kv" else "flat_tab")
    d.t("行政相对人名称" + sep)
    d.k("shop_name", shop)
    d.t("\n行政相对人类别" + sep + "个体工商户\n统一社会信用代码" + sep)
    d.k("uscc", g.uscc_of("shop", region))
    d.t("\n" + g.choice(["经营者姓名", "负责人姓名", "业主姓名"]) + sep)
    put_person(d, g, owner, tags | {"owner_name_in_shop_name"})
    d.t("\n证件类型" + sep + "身份证\n证件号码" + sep)
    d.p("id_number", g.id18())
    d.t("\n处罚决定书文号" + sep)
    d.k("document_number", g.docno("罚"))
    d.t("\n违法行为类型" + sep + "未按规定办理纳税申报\n违法事实" + sep)
    put_person(d, g, owner, tags | {"owner_name_in_shop_name", "name_repeated_in_row"})
    d.t(g.choice(["经营的", "开办的"]))
    d.k("shop_name", shop)
    d.t("未按期申报")
    d.k("date", g.day())
    d.t("所属期增值税，" + g.choice(["经催告后", "经责令限期改正后"]))
    put_person(d, g, owner, tags | {"owner_name_in_shop_name", "name_repeated_in_row"})
    d.t(g.choice(["仍未申报。", "逾期仍未改正。"]) + "\n处罚内容" + sep + "罚款")
    d.k("amount", g.amount_text() + "元")
    d.t("\n处罚机关" + sep)
    d.k("authority_name", g.authority_of(region))
    d.t("\n")
    return d


def latin_list(g: G, i: int) -> Doc:
    """Foreign employees in a list: Latin names alone, before or after the Chinese one."""
    d = Doc(f"dev2-latinlist-{i:03d}", tags={"latin_name"})
    region = g.region()
    d.k("org_name", g.company(region))
    d.t(g.choice(["外籍人员个人所得税未申报明细", "境外人员劳务报酬清单"]) + "\n")
    layout = g.choice(["pipe", "tab", "space"])
    sep = {"pipe": " | ", "tab": T, "space": "    "}[layout]
    d.tags.add({"pipe": "flat_pipe", "tab": "flat_tab", "space": "flat_space_aligned"}[layout])
    d.t(sep.join(["序号", "姓名", "国籍", "护照号码", "应补税额"]) + "\n")
    for k in range(1, g.r.randint(3, 6)):
        d.t(f"{k}{sep}")
        latin = g.choice(FOREIGN_LATIN + HK_LATIN)
        form = g.choice(["alone", "cn_after", "cn_before"])
        cn, ct = g.person("three")
        if form == "alone":
            d.p("name", latin, tags={"latin_name"})
        elif form == "cn_after":
            d.p("name", latin, tags={"latin_name"})
            d.t("（")
            d.p("name", cn, tags=ct | {"latin_before_chinese"})
            d.t("）")
        else:
            d.p("name", cn, tags=ct)
            d.t("（")
            d.p("name", latin, tags={"latin_name", "latin_after_chinese"})
            d.t("）")
        d.t(sep + g.choice(["法国", "意大利", "德国", "韩国", "爱尔兰", "日本", "中国香港"]) + sep)
        d.p(
            "passport",
            g.choice(["", "", "P"])
            + g.choice("0123456789ABCDEFGH")
            + "".join(g.choice("0123456789") for _ in range(8)),
            tags={"passport", "foreign_passport"},
        )
        d.t(sep)
        d.k("amount", g.amount_text())
        d.t("\n")
    d.t("\n经查，上述人员" + g.choice(["由", "均由"]))
    d.k("org_name", g.company(region))
    d.t("支付报酬。\n")
    return d


def cells_no_number(g: G, i: int) -> Doc:
    """A 非正常户 list, one cell a line, without a 序号 column (the header run gives the width)."""
    d = Doc(f"dev2-cells-{i:03d}", tags={"flat_cell_per_line", "abnormal_list"})
    region = g.region()
    d.t("非正常户认定名单\n")
    header = g.choice(
        [
            ["纳税人名称", "纳税人识别号", "负责人姓名", "身份证件号码", "经营地址"],
            ["纳税人名称", "统一社会信用代码", "法定代表人", "证件号码", "登记注册地址", "认定日期"],
        ]
    )
    d.t("\n".join(header) + "\n")
    for _ in range(g.r.randint(3, 6)):
        kind = g.choice(["company", "shop", "person"])
        nm, tags = g.person()
        idn = g.id18()
        for h in header:
            if h == "纳税人名称":
                if kind == "company":
                    d.k("org_name", g.company(region))
                elif kind == "shop":
                    d.k("shop_name", g.shop(nm, region))
                else:
                    put_person(d, g, nm, tags, pad=g.chance(0.3))
            elif h in ("纳税人识别号", "统一社会信用代码"):
                if kind == "company":
                    d.k("uscc", g.uscc_of("company", region))
                elif kind == "shop":
                    d.p("tin_individual", idn + "01")
                else:
                    d.p("id_number", idn)
            elif h in ("负责人姓名", "法定代表人"):
                put_person(
                    d,
                    g,
                    nm,
                    tags
                    | ({"name_repeated_in_row"} if kind != "company" else set())
                    | ({"owner_name_in_shop_name"} if kind == "shop" else set()),
                    pad=g.chance(0.3),
                )
            elif h in ("身份证件号码", "证件号码"):
                d.p("id_number", idn)
            elif h in ("经营地址", "登记注册地址"):
                if kind == "person":
                    addr = g.home(region)
                    if len(addr) > 22 and g.chance(0.5):
                        cut = g.r.randint(10, len(addr) - 5)
                        d.p("home_address", addr[:cut] + "\n" + addr[cut:], tags={"linebreak_in_value"})
                    else:
                        d.p("home_address", addr)
                else:
                    d.k("business_address", g.business(region))
            else:
                d.k("date", g.day())
            d.t("\n")
    d.t("\n")
    d.k("authority_name", g.authority_of(region))
    d.t("\n")
    return d


def hearing_table(g: G, i: int) -> Doc:
    """A hearing record's participants as a key-value block, the officers left unlabelled."""
    d = Doc(f"dev2-hearingtab-{i:03d}", tags={"hearing_notice"})
    region = g.region()
    d.t("听证笔录\n案由：")
    company = g.chance(0.5)
    if company:
        d.k("org_name", g.company(region))
    else:
        nm, tg = g.person()
        put_person(d, g, nm, tg)
    d.t("涉嫌未按规定开具发票案\n听证时间：")
    d.k("date", g.day())
    d.t("\n听证地点：")
    d.k("business_address", g.business(region))
    d.t("\n听证主持人：" + g.person("three")[0] + "    书记员：" + g.person("three")[0] + "\n")
    d.tags.add("officer_names_unlabelled")
    d.t("申请人：")
    if company:
        d.k("org_name", g.company(region))
        d.t("\n法定代表人：")
        nm, tg = g.person()
        put_person(d, g, nm, tg)
    else:
        put_person(d, g, nm, tg | {"name_repeated_in_row"})
    d.t(g.choice(["    性别：男    ", "，女，", "    "]))
    d.t("联系方式：")
    d.p("phone", g.mobile11())
    d.t("\n委托代理人：")
    ag, at = g.person()
    put_person(d, g, ag, at)
    d.t("    工作单位：")
    d.k("org_name", f"{(region[2] or region[1])}{g.choice(BRANDS)}律师事务所")
    d.t("\n案件调查人员：" + g.person("three")[0] + "、" + g.person("three")[0] + "\n")
    d.t("主持人：请申请人陈述。\n")
    d.t(g.choice(["申请人：", "代理人："]) + "我方认为处罚过重。\n")
    if g.chance(0.6):
        d.t("证人")
        wt, wtt = g.person()
        put_person(d, g, wt, wtt)
        d.t("（身份证号码：")
        d.p("id_number", g.id18())
        d.t("）到场作证。")
        put_person(d, g, wt, wtt | {"name_repeated_in_row"})
        d.t("称其未见过相关发票。\n")
    return d


def generate_part2() -> list[dict]:
    return _part(
        SEED + 2,
        [
            (traditional_native, 16),
            (narrative_penalty, 16),
            (shop_owner_running, 14),
            (latin_list, 12),
            (cells_no_number, 14),
            (hearing_table, 12),
        ],
    )


# ------------------------------------------------------------------------------ part 3 (written later)
# Written after the fixes made from part 2, before the masker was run on it.


def wide_pad(g: G, name: str) -> str:
    """A name spread to the width of a column as PDF text gives it (four spaces or more)."""
    return (" " * g.r.randint(4, 6)).join(name) if len(name) == 2 else name


def evidence_layout(g: G, i: int) -> Doc:
    """An evidence list as pdftotext -layout gives it, other column words, names inside evidence titles."""
    d = Doc(f"dev3-evidence-{i:03d}", tags={"evidence_list", "flat_space_aligned"})
    region = g.region()
    d.t("附件：" + g.choice(["证据目录", "证据材料目录", "主要证据清单"]) + "\n\n")
    header = g.choice(
        [
            ["编号", "证据名称及来源", "提供者", "证明内容"],
            ["序号", "证据", "出具人", "页码"],
            ["序号", "材料名称", "制作人", "张数"],
        ]
    )
    d.t("    ".join(header) + "\n")
    for n in range(1, g.r.randint(4, 7)):
        d.t(f"{n}    ")
        kind = g.choice(["titled", "plain", "plain"])
        if kind == "titled":
            nm, tg = g.person()
            put_person(d, g, nm, tg)
            d.t(g.choice(["询问笔录", "的证言", "证人证言", "身份证复印件", "银行流水"]))
        else:
            d.t(g.choice(EVIDENCE))
        d.t("      ")
        if g.chance(0.75):
            nm, tg = g.person()
            if len(nm) == 2 and g.chance(0.5):
                d.p("name", wide_pad(g, nm), tags=tg | {"name_padded", "name_wide_padded"})
            else:
                put_person(d, g, nm, tg)
        else:
            d.k("org_name", g.company(region))
        d.t("      " + g.choice(["违法事实", "主体资格", "资金流向", str(g.r.randint(1, 20))]) + "\n")
    return d


def receipt_signed(g: G, i: int) -> Doc:
    d = Doc(f"dev3-receipt-{i:03d}", tags={"service_receipt"})
    region = g.region()
    d.t("送 达 回 证\n")
    d.t("送达文书：税务处理决定书（")
    d.k("document_number", g.docno("处"))
    d.t("）\n受送达人（签名）：")
    nm, tg = g.person()
    put_person(d, g, nm, tg, pad=g.chance(0.4))
    d.t("\n见证人（签名）：")
    wn, wt = g.person()
    put_person(d, g, wn, wt)
    d.t("    见证人身份证号码：")
    d.p("id_number", g.id18())
    d.t("\n送达地址：")
    d.p("home_address", g.home(region))
    d.t("\n送达人（签名）：" + g.person("three")[0] + "\n")
    d.tags.add("officer_names_unlabelled")
    d.t("备注：受送达人拒绝签收，由见证人")
    put_person(d, g, wn, wt | {"name_repeated_in_row"})
    d.t("在场见证，留置送达。\n")
    return d


def arrears_kv_variant(g: G, i: int) -> Doc:
    d = Doc(f"dev3-arrearskv-{i:03d}", tags={"arrears_notice", "flat_key_value"})
    region = g.region()
    d.t("欠税公告（" + g.day() + "）\n\n")
    for _ in range(g.r.randint(2, 4)):
        kind = g.choice(["company", "shop"])
        nm, tg = g.person(g.choice(["three", "two", "word", "compound"]))
        d.t("纳税人名称：")
        if kind == "company":
            d.k("org_name", g.company(region))
        else:
            d.k("shop_name", g.shop(nm, region))
        d.t("\n" + g.choice(["负责人（业主）姓名：", "法定代表人或负责人姓名：", "业主（负责人）："]))
        put_person(
            d, g, nm, tg | ({"owner_name_in_shop_name"} if kind == "shop" else set()), pad=g.chance(0.3)
        )
        d.t(
            "\n"
            + g.choice(
                ["居民身份证号码：", "身份证件种类及号码：居民身份证 ", "居民身份证或其他有效身份证件号码："]
            )
        )
        d.p("id_number", g.id18())
        d.t("\n经营地点：")
        d.k("business_address", g.business(region))
        d.t("\n欠税余额：")
        d.k("amount", g.amount_text() + "元")
        if kind == "shop":
            d.t("\n备注：负责人即业主")
            put_person(d, g, nm, tg | {"owner_name_in_shop_name", "name_repeated_in_row"})
        d.t("\n\n")
    return d


def hearing_participants(g: G, i: int) -> Doc:
    d = Doc(f"dev3-hearing-{i:03d}", tags={"hearing_notice"})
    region = g.region()
    d.k("authority_name", g.authority_of(region))
    d.t("\n听证会通知\n听证申请人：")
    nm, tg = g.person()
    put_person(d, g, nm, tg)
    d.t("\n第三人：")
    tn, tt = g.person()
    put_person(d, g, tn, tt)
    d.t(
        g.choice(["（", "，"]) + "系申请人之" + g.choice(["妻", "兄", "合伙人"]) + g.choice(["）", ""]) + "\n"
    )
    d.t("听证参加人：")
    pn, pt = g.person()
    put_person(d, g, pn, pt)
    d.t("、")
    qn, qt = g.person()
    put_person(d, g, qn, qt)
    d.t("\n    定于")
    d.k("date", g.day())
    d.t("举行听证。请")
    put_person(d, g, nm, tg | {"name_repeated_in_row"})
    d.t(g.choice(["准时参加", "携带身份证件准时到场"]) + "。如有疑问，请拨打")
    d.k("authority_phone", "12366")
    d.t("。\n")
    return d


def traditional_list(g: G, i: int) -> Doc:
    """A traditional-character arrears list, tab-separated, with a padded name column."""
    d = Doc(f"dev3-tradlist-{i:03d}", tags={"traditional", "arrears_notice", "flat_tab"})
    g.region()  # drawn so the random stream stays the one dev3.jsonl was generated with
    d.t("欠稅公告\n")
    d.t(T.join(["序號", "納稅人名稱", "負責人姓名", "身分證號碼", "營業地址", "欠稅金額"]) + "\n")
    for k in range(1, g.r.randint(3, 6)):
        nm = tw_name(g)
        d.t(f"{k}{T}")
        person = g.chance(0.4)
        if person:
            d.p("name", nm)
        else:
            d.k("org_name", f"{g.choice(BRANDS)}{g.choice(['貿易', '科技', '餐飲'])}有限公司")
        d.t(T)
        d.p(
            "name", "　".join(nm) if g.chance(0.3) else nm, tags={"name_repeated_in_row"} if person else set()
        )
        d.t(T)
        d.p("id_number", tw_id(g), tags={"tw_id"})
        d.t(T)
        if person:
            d.p("home_address", f"臺中市西屯區台灣大道{g.r.randint(1, 4)}段{g.r.randint(1, 900)}號")
        else:
            d.k("business_address", f"臺中市西屯區市政路{g.r.randint(1, 500)}號")
        d.t(T)
        d.k("amount", g.amount_text())
        d.t("\n")
    return d


def generate_part3() -> list[dict]:
    return _part(
        SEED + 3,
        [
            (evidence_layout, 14),
            (receipt_signed, 10),
            (arrears_kv_variant, 10),
            (hearing_participants, 10),
            (traditional_list, 10),
        ],
    )


# ------------------------------------------------------------------------------ part 4 (written later)
# Written after the fixes made from part 3, before the masker was run on it.


def transcript(g: G, i: int) -> Doc:
    """A hearing or inquiry record: speakers named at the start of their lines."""
    d = Doc(f"dev4-transcript-{i:03d}", tags={"hearing_notice", "transcript"})
    region = g.region()
    d.t(g.choice(["听证笔录", "询问（调查）笔录"]) + "\n时间：")
    d.k("date", g.day())
    d.t("\n地点：")
    d.k("authority_name", g.authority_of(region))
    d.t(g.choice(["听证室", "询问室"]) + "\n")
    nm, tg = g.person(g.choice(["two", "word", "compound", "three"]))
    d.t(g.choice(["被询问人：", "当事人：", "申请人："]))
    put_person(d, g, nm, tg)
    d.t(g.choice(["    性别：男    年龄：46", "，女，1979年生", "    民族：汉"]) + "\n")
    d.t(
        "询问人："
        + g.person("three")[0]
        + "、"
        + g.person("three")[0]
        + "    记录人："
        + g.person("three")[0]
        + "\n"
    )
    d.tags.add("officer_names_unlabelled")
    for _ in range(g.r.randint(2, 4)):
        d.t("问：" + g.choice(["你的收入来源有哪些？", "这些款项是谁收取的？", "你对处罚有何意见？"]) + "\n")
        if g.chance(0.5):
            put_person(d, g, nm, tg | {"name_repeated_in_row"})
            d.t("：")
        else:
            d.t("答：")
        d.t(g.choice(["都是我本人收取的。", "由我妻子", "我没有异议。"]))
        if d.parts[-1] == "由我妻子":
            wn, wt = g.person(g.choice(["two", "word", "three"]))
            put_person(d, g, wn, wt)
            d.t("代收，转到她名下的账户。")
        d.t("\n")
    d.t("被询问人签名：")
    put_person(d, g, nm, tg | {"name_repeated_in_row"})
    d.t("\n")
    return d


def arrears_prose(g: G, i: int) -> Doc:
    """An arrears notice written as running text, one taxpayer a clause."""
    d = Doc(f"dev4-arrearsprose-{i:03d}", tags={"arrears_notice", "flat_semicolon"})
    region = g.region()
    d.k("authority_name", g.authority_of(region))
    d.t("关于公告欠缴税款的纳税人名单的公告\n    现将欠缴税款的纳税人公告如下：")
    for k in range(g.r.randint(2, 4)):
        if k:
            d.t("；")
        kind = g.choice(["person", "company"])
        nm, tg = g.person(g.choice(["two", "word", "compound", "three"]))
        if kind == "person":
            put_person(d, g, nm, tg)
            d.t(g.choice(["，居民身份证号码", "（居民身份证号码：", "，身份证件号码"]))
            d.p("id_number", g.id18())
            d.t("）" if "（" in d.parts[-2] else "")
            d.t("，欠缴" + g.choice(TAXES))
        else:
            d.k("org_name", g.company(region))
            d.t("（法定代表人")
            put_person(d, g, nm, tg)
            d.t("），欠缴" + g.choice(TAXES))
        d.k("amount", g.amount_text() + "元")
    d.t("。\n    特此公告。\n")
    return d


def sgs_table(g: G, i: int) -> Doc:
    """双公示 penalty records as a pipe or tab table with combined headers."""
    layout = g.choice(["pipe", "tab"])
    d = Doc(f"dev4-sgs-{i:03d}", tags={"shuanggongshi", f"flat_{layout}"})
    region = g.region()
    header = [
        "行政相对人名称（姓名）",
        "统一社会信用代码（身份证号码）",
        "法定代表人（负责人、业主）",
        "处罚决定书文号",
        "处罚内容",
    ]
    sep = " | " if layout == "pipe" else T
    edge = layout == "pipe" and g.chance(0.5)
    d.t(("| " if edge else "") + sep.join(header) + (" |" if edge else "") + "\n")
    if layout == "pipe" and g.chance(0.5):
        d.t(("| " if edge else "") + sep.join(["---"] * len(header)) + (" |" if edge else "") + "\n")
    for _ in range(g.r.randint(3, 5)):
        kind = g.choice(["company", "person", "shop"])
        nm, tg = g.person(g.choice(["two", "word", "compound", "three"]))
        d.t("| " if edge else "")
        if kind == "company":
            d.k("org_name", g.company(region))
            d.t(sep)
            d.k("uscc", g.uscc_of("company", region))
            d.t(sep)
            put_person(d, g, nm, tg)
        elif kind == "shop":
            d.k("shop_name", g.shop(nm, region))
            d.t(sep)
            d.k("uscc", g.uscc_of("shop", region))
            d.t(sep)
            put_person(d, g, nm, tg | {"owner_name_in_shop_name"})
        else:
            put_person(d, g, nm, tg)
            d.t(sep)
            d.p("id_number", g.id18())
            d.t(sep)
            put_person(d, g, nm, tg | {"name_repeated_in_row"})
        d.t(sep)
        d.k("document_number", g.docno("罚"))
        d.t(sep + "罚款")
        d.k("amount", g.amount_text() + "元")
        d.t((" |" if edge else "") + "\n")
    return d


def generate_part4() -> list[dict]:
    return _part(SEED + 4, [(transcript, 14), (arrears_prose, 14), (sgs_table, 14)])


# ------------------------------------------------------------------------------ part 5 (written later)
# Written after the fixes made from part 4, before the masker was run on it.


def header_contacts(g: G, i: int) -> Doc:
    """A decision whose header block, right under the bureau's name, gives people's landlines."""
    d = Doc(f"dev5-header-{i:03d}", tags={"private_landline", "contact_block"})
    region = g.region()
    d.k("authority_name", g.authority_of(region))
    d.t("\n" + g.choice(["税务处理决定书", "税务行政处罚决定书", "责令限期改正通知书"]) + "\n")
    d.k("document_number", g.docno("处"))
    d.t("\n")
    roles = g.r.sample(["证人", "委托代理人", "见证人", "财务负责人", "股东", "辩护律师"], 2)
    d.k("org_name", g.company(region))
    d.t("：\n")
    for role in roles:
        d.t(role + "：")
        nm, tg = g.person()
        put_person(d, g, nm, tg)
        d.t(g.choice(["，联系电话：", "  电话：", "（座机：", "，办公电话："]))
        d.p("phone", g.private_landline(region), tags={"private_landline"})
        d.t("）\n" if d.parts[-2].startswith("（") else "\n")
    d.t("    经查，你单位" + g.choice(["少缴增值税", "未按规定取得发票", "虚列成本"]))
    d.k("amount", g.amount_text() + "元")
    d.t("。本局于")
    d.k("date", g.day())
    d.t("通过电话（")
    d.p("phone", g.private_landline(region), tags={"private_landline", "phone_in_text"})
    d.t("）通知你单位" + g.choice(["财务人员", "出纳", "法定代表人"]) + "到局说明情况。\n")
    d.t("    如对本决定不服，可依法申请行政复议。咨询电话：")
    d.k("authority_phone", g.bureau_phone(region))
    d.t("。\n")
    _sign(d, g, g.authority_of(region))
    return d


def running_names(g: G, i: int) -> Doc:
    """Names in running text without a role word: the party's shop named after them, then the person."""
    d = Doc(f"dev5-running-{i:03d}", tags={"running_text"})
    region = g.region()
    owner, ot = g.person(g.choice(["two", "word", "compound", "three"]))
    shop = g.shop(owner, region)
    d.k("authority_name", g.authority_of(region))
    d.t("\n不予行政处罚决定书\n")
    d.k("document_number", g.docno("不罚"))
    d.t("\n")
    d.k("shop_name", shop)
    d.t("（统一社会信用代码：")
    d.k("uscc", g.uscc_of("shop", region))
    d.t("）：\n    经查，")
    put_person(d, g, owner, ot | {"owner_name_in_shop_name"})
    d.t(g.choice(["于", "在"]))
    d.k("date", g.day())
    d.t(g.choice(["至", "到"]))
    d.k("date", g.day())
    d.t(g.choice(["期间经营", "期间以"]))
    d.k("shop_name", shop)
    d.t("名义对外销售货物，未按规定开具发票。")
    helper, ht = g.person(g.choice(["two", "word", "compound"]))
    d.t(g.choice(["其雇员", "店员", "收银员"]))
    put_person(d, g, helper, ht)
    d.t(g.choice(["负责收款", "协助记账", "代为收取货款"]) + "。")
    put_person(d, g, owner, ot | {"owner_name_in_shop_name", "name_repeated_in_row"})
    d.t(g.choice(["首次违法且危害后果轻微，", "主动改正，"]) + "依据")
    d.k("law_citation", "《中华人民共和国行政处罚法》第三十三条")
    d.t("，决定不予行政处罚。\n")
    d.k("authority_name", g.authority_of(region))
    d.t("\n")
    return d


def generate_part5() -> list[dict]:
    return _part(SEED + 5, [(header_contacts, 16), (running_names, 20)])


# ------------------------------------------------------------------------------ part 6 (written later)
# Written after the fixes made from part 5, before the masker was run on it.


def wrapped_decision(g: G, i: int) -> Doc:
    """A decision as PDF text without layout gives it: every line cut at a fixed width, names and
    addresses broken across lines."""
    width = g.r.randint(28, 40)
    region = g.region()
    nm, tg = g.person(g.choice(["three", "word", "compound", "two"]))
    agent, at = g.person(g.choice(["three", "two"]))
    pieces: list[tuple[str, str]] = [
        ("k:authority_name", g.authority_of(region)),
        ("t", "\n税务行政处罚决定书\n"),
        ("k:document_number", g.docno("罚")),
        ("t", "\n当事人："),
        ("name", nm),
        ("t", "，公民身份号码："),
        ("p:id_number", g.id18()),
        ("t", "，住址："),
        ("p:home_address", g.home(region)),
        ("t", "。委托代理人："),
        ("name", agent),
        ("t", "。\n    经查，当事人"),
        ("name", nm),
        ("t", "于"),
        ("k:date", g.day()),
        ("t", "通过其本人名下账户收取房屋租金"),
        ("k:amount", g.amount_text() + "元"),
        ("t", "，未按规定申报缴纳个人所得税。上述事实有"),
        ("name", nm),
        ("t", "的陈述、租赁合同及银行流水等证据证明。依据"),
        ("k:law_citation", "《中华人民共和国税收征收管理法》第六十四条第二款"),
        ("t", "，对你处以罚款"),
        ("k:amount", g.amount_text() + "元"),
        ("t", "。\n"),
    ]
    d = Doc(f"dev6-wrapped-{i:03d}", tags={"wrapped_pdf"})
    column = 0
    for kind, value in pieces:
        out = []
        for ch in value:
            out.append(ch)
            column = 0 if ch == "\n" else column + 1
            if column >= width:
                out.append("\n")
                column = 0
        text = "".join(out)
        if kind == "t":
            d.t(text)
        elif kind == "name":
            d.p(
                "name",
                text,
                tags=(tg if value == nm else at) | ({"linebreak_in_value"} if "\n" in text else set()),
            )
        elif kind.startswith("p:"):
            d.p(kind[2:], text, tags={"linebreak_in_value"} if "\n" in text else set())
        else:
            d.k(kind[2:], text)
    return d


def service_by_publication(g: G, i: int) -> Doc:
    """送达公告 addressed to several people at once."""
    d = Doc(f"dev6-publication-{i:03d}", tags={"service_by_publication"})
    region = g.region()
    d.k("authority_name", g.authority_of(region))
    d.t("\n税务文书送达公告\n")
    people = [g.person(g.choice(["three", "two", "word", "compound"])) for _ in range(g.r.randint(2, 4))]
    for k, (nm, tg) in enumerate(people):
        if k:
            d.t("、")
        put_person(d, g, nm, tg)
    d.t("：\n    因你们下落不明，" + g.choice(["无法直接送达", "采用其他方式无法送达"]) + "，依据")
    d.k("law_citation", "《中华人民共和国税收征收管理法实施细则》第一百零六条")
    d.t("的规定，现将下列文书公告送达：\n")
    for k, (nm, tg) in enumerate(people):
        d.t(f"{'一二三四'[k]}、")
        put_person(d, g, nm, tg | {"name_repeated_in_row"})
        d.t(g.choice(["（身份证号码：", "（公民身份号码"]))
        d.p("id_number", g.id18())
        d.t("）：")
        d.k("document_number", g.docno("罚"))
        d.t("\n")
    d.t("    自公告之日起满三十日，即视为送达。\n")
    d.k("authority_name", g.authority_of(region))
    d.t("\n")
    return d


def latin_running(g: G, i: int) -> Doc:
    d = Doc(f"dev6-latin-{i:03d}", tags={"latin_name"})
    region = g.region()
    cn, ct = g.person("three")
    latin = g.choice(
        ["ZHANG WEI", "Peter MILLER", "SMITH John", "Li Xiaoyu", "MÜLLER Hans", "O'NEIL Kate", "Tanaka Yuki"]
    )
    form = g.choice(["latin_first", "cn_first", "cn_space"])
    d.k("authority_name", g.authority_of(region))
    d.t("\n行政处罚决定书\n当事人：")
    if form == "latin_first":
        d.p("name", latin, tags={"latin_name", "latin_before_chinese"})
        d.t("（中文名：")
        d.p("name", cn, tags=ct)
        d.t("）")
    elif form == "cn_first":
        d.p("name", cn, tags=ct)
        d.t("（英文名：")
        d.p("name", latin, tags={"latin_name", "latin_after_chinese"})
        d.t("）")
    else:
        d.p("name", cn, tags=ct)
        d.t(" ")
        d.p("name", latin, tags={"latin_name", "latin_after_chinese"})
    d.t("\n    经查，")
    d.p("name", latin, tags={"latin_name", "name_repeated_in_row"})
    d.t(g.choice(["于", "在"]))
    d.k("date", g.day())
    d.t("取得境内工资薪金所得未申报。")
    d.p("name", cn, tags=ct | {"name_repeated_in_row"})
    d.t("对上述事实无异议。\n")
    return d


def generate_part6() -> list[dict]:
    return _part(SEED + 6, [(wrapped_decision, 16), (service_by_publication, 12), (latin_running, 14)])


# ------------------------------------------------------------------------------ part 7 (written later)
# Written after the fixes made from part 6 and the probes that followed, before the masker was run on it.


def one_line_record(g: G, i: int) -> Doc:
    """A 双公示 record on one line, its fields separated by runs of spaces."""
    d = Doc(f"dev7-oneline-{i:03d}", tags={"shuanggongshi", "flat_space_aligned"})
    region = g.region()
    person = g.chance(0.5)
    nm, tg = g.person(g.choice(["three", "two", "word", "compound"]))
    d.t("行政相对人名称：")
    if person:
        put_person(d, g, nm, tg)
    else:
        d.k("org_name", g.company(region))
    d.t("    " + ("证件号码：" if person else "统一社会信用代码："))
    if person:
        d.p("id_number", g.id18())
    else:
        d.k("uscc", g.uscc_of("company", region))
    if not person:
        d.t("    法定代表人：")
        put_person(d, g, nm, tg)
    d.t("    处罚决定书文号：")
    d.k("document_number", g.docno("罚"))
    d.t("    罚款金额：")
    d.k("amount", g.amount_text() + "元")
    d.t("\n")
    return d


def abnormal_prose(g: G, i: int) -> Doc:
    d = Doc(f"dev7-abnormal-{i:03d}", tags={"abnormal_list", "flat_semicolon"})
    region = g.region()
    d.k("authority_name", g.authority_of(region))
    d.t("\n关于认定非正常户的公告\n    下列纳税人未按规定期限申报，经实地核查，已认定为非正常户：")
    for k in range(g.r.randint(2, 4)):
        if k:
            d.t("、")
        nm, tg = g.person(g.choice(["three", "two", "word", "compound"]))
        if g.chance(0.5):
            put_person(d, g, nm, tg)
            d.t("（纳税人识别号：")
            d.p("tin_individual", g.id18() + "01")
            d.t("）")
        else:
            d.k("shop_name", g.shop(nm, region))
            d.t("（经营者：")
            put_person(d, g, nm, tg | {"owner_name_in_shop_name"})
            d.t("）")
    d.t("。\n")
    return d


def witness_list(g: G, i: int) -> Doc:
    d = Doc(f"dev7-witness-{i:03d}", tags={"hearing_notice"})
    region = g.region()
    d.t("听证告知书\n")
    d.k("org_name", g.company(region))
    d.t("：\n法定代表人（负责人）：")
    nm, tg = g.person()
    put_person(d, g, nm, tg)
    d.t("\n    本局拟对你单位作出行政处罚。" + g.choice(["本案证人：", "证人有："]))
    ws = [g.person(g.choice(["three", "two", "word", "compound"])) for _ in range(g.r.randint(2, 3))]
    for k, (wn, wt) in enumerate(ws):
        if k:
            d.t("、")
        put_person(d, g, wn, wt)
    d.t("。你单位有权要求听证，请于3日内提出。\n")
    return d


def wrapped_header_cells(g: G, i: int) -> Doc:
    """A one-cell-a-line 欠税 list whose long header cells wrap onto a second line (PDF)."""
    d = Doc(f"dev7-wrapheader-{i:03d}", tags={"arrears_notice", "flat_cell_per_line"})
    region = g.region()
    d.t("欠税公告名单\n序号\n纳税人名称\n法定代表人\n（负责人）\n身份证件\n号码\n欠税金额\n")
    for k in range(1, g.r.randint(3, 5)):
        d.t(f"{k}\n")
        nm, tg = g.person(g.choice(["three", "two", "word", "compound"]))
        if g.chance(0.5):
            d.k("org_name", g.company(region))
        else:
            d.k("shop_name", g.shop(nm, region))
            tg = tg | {"owner_name_in_shop_name"}
        d.t("\n")
        put_person(d, g, nm, tg)
        d.t("\n")
        d.p("id_number", g.id18())
        d.t("\n")
        d.k("amount", g.amount_text())
        d.t("\n")
    return d


def generate_part7() -> list[dict]:
    return _part(
        SEED + 7,
        [(one_line_record, 14), (abnormal_prose, 14), (witness_list, 12), (wrapped_header_cells, 12)],
    )


# ------------------------------------------------------------------------------ part 8 (written later)
# Written for the masker's remaining leak classes (港澳台 numbers, ID + suffix taxpayer numbers, private
# landlines and whose block they stand in, persons' addresses under ambiguous labels, e-mail writings,
# names in narrative), before the masker was run on it.

HKMT_PREFIX = ("810000", "820000", "830000")


def hkmt_resident_id(g: G) -> str:
    """A 港澳台居民居住证 number: 810000 / 820000 / 830000, a birth date, a sequence and the ID checksum."""
    body = f"{g.choice(HKMT_PREFIX)}{g.r.randint(1958, 2002):04d}{g.r.randint(1, 12):02d}{g.r.randint(1, 28):02d}{g.r.randint(0, 999):03d}"
    return body + id_check_char(body)


def hm_permit(g: G) -> str:
    digits = 8 if g.chance(0.7) else 10
    return g.choice("HM") + "".join(g.choice("0123456789") for _ in range(digits))


def tw_permit(g: G) -> str:
    if g.chance(0.6):
        return "".join(g.choice("0123456789") for _ in range(8))
    letter = g.choice("ABCDEFG")
    left, right = g.choice(["()", "（）"])
    return "".join(g.choice("0123456789") for _ in range(10)) + left + letter + right


def macao_id(g: G) -> str:
    digits = g.choice("157") + "".join(g.choice("0123456789") for _ in range(6))
    left, right = g.choice(["()", "（）"])
    return f"{digits}{left}{g.choice('0123456789')}{right}"


HKMT_DOCS = [
    # (label, generator, tags)
    ("港澳台居民居住证号码", hkmt_resident_id, {"hkmt_residence_permit"}),
    ("居住证号码", hkmt_resident_id, {"hkmt_residence_permit"}),
    ("证件号码", hkmt_resident_id, {"hkmt_residence_permit"}),
    ("港澳居民来往内地通行证号码", hm_permit, {"hm_permit"}),
    ("回乡证号码", hm_permit, {"hm_permit"}),
    ("台湾居民来往大陆通行证号码", tw_permit, {"tw_permit"}),
    ("台胞证号码", tw_permit, {"tw_permit"}),
    ("香港居民身份证号码", hk_id, {"hk_id"}),
    ("澳门居民身份证号码", macao_id, {"macao_id"}),
    ("台湾身份证号码", tw_id, {"tw_id"}),
]


def _hkmt_value(d: Doc, g: G, make, tags: set[str]) -> None:
    value = make(g)
    if "hkmt_residence_permit" in tags:
        d.p("id_number", value, tags=tags)
    else:
        d.p("passport", value, tags=tags)


def hkmt_decision(g: G, i: int) -> Doc:
    """A decision on a resident of Hong Kong, Macao or Taiwan: the party's numbers under their labels,
    and the 居住证 number again in the narrative without a label."""
    d = Doc(f"dev8-hkmt-{i:03d}", tags={"person_penalty", "hkmt"})
    region = g.region()
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    d.t("\n税务行政处罚决定书\n")
    d.k("document_number", g.docno("罚"))
    d.t("\n")
    nm, tg = g.person(g.choice(["three", "two", "compound"]))
    d.t(g.choice(["当事人：", "被处罚人：", "纳税人："]))
    put_person(d, g, nm, tg)
    d.t(g.choice(["（香港居民）", "（澳门居民）", "（台湾居民）", ""]) + "\n")
    chosen = g.r.sample(HKMT_DOCS, 2)
    rid = None
    for label, make, tags in chosen:
        d.t(label + g.choice(["：", "：", " "]))
        if make is hkmt_resident_id:
            rid = hkmt_resident_id(g)
            d.p("id_number", rid, tags=tags)
        else:
            _hkmt_value(d, g, make, tags)
        d.t("\n")
    d.t("    经查，")
    put_person(d, g, nm, tg)
    if rid is not None and g.chance(0.7):
        d.t("（")
        d.p("id_number", rid, tags={"hkmt_residence_permit", "hkmt_unlabelled"})
        d.t("）")
    d.t("于")
    d.k("date", g.day())
    d.t("取得劳务报酬")
    d.k("amount", g.amount_text() + "元")
    d.t("，未依法申报缴纳个人所得税。对其处以罚款")
    d.k("amount", g.amount_text() + "元")
    d.t("。\n")
    if g.chance(0.5):
        other = hkmt_resident_id(g)
        d.t("    另查明，")
        nm2, tg2 = g.person("three")
        put_person(d, g, nm2, tg2)
        d.t(g.choice(["，", "（", " "]))
        d.p("id_number", other, tags={"hkmt_residence_permit", "hkmt_unlabelled"})
        d.t(g.choice(["，", "）", " "]) + "系其合伙人。\n")
    _sign(d, g, authority)
    return d


def hkmt_table(g: G, i: int) -> Doc:
    """A list of persons from Hong Kong, Macao and Taiwan: 证件类型 and 证件号码 columns."""
    flat = g.choice(["tab", "pipe", "space_aligned", "cell_per_line", "key_value", "semicolon"])
    d = Doc(f"dev8-hkmttable-{i:03d}", tags={"hkmt", "abnormal_list", f"flat_{flat}"})
    region = g.region()
    d.k("authority_name", g.authority_of(region))
    d.t("\n非正常户认定名单（个人）\n")
    header = ["序号", "姓名", "证件类型", "证件号码", "认定日期"]
    sep = {"tab": T, "pipe": " | ", "space_aligned": "    ", "cell_per_line": "\n"}.get(flat)
    if sep is not None:
        d.t(sep.join(header) + "\n")
    kinds = [
        ("港澳台居民居住证", hkmt_resident_id),
        ("港澳居民来往内地通行证", hm_permit),
        ("台湾居民来往大陆通行证", tw_permit),
        ("香港身份证", hk_id),
        ("澳门身份证", macao_id),
        ("台湾身份证", tw_id),
    ]
    for n in range(1, g.r.randint(3, 6)):
        nm, tg = g.person()
        kind, make = g.choice(kinds)
        value = make(g)
        typ = "id_number" if make is hkmt_resident_id else "passport"
        tags = {"hkmt_table"}
        cells = [("t", str(n)), ("name", None), ("t", kind), ("v", None), ("date", g.day())]
        if sep is None:
            joiner = "；" if flat == "semicolon" else "\n"
            for c, (h, (k, val)) in enumerate(zip(header, cells, strict=True)):
                if c:
                    d.t(joiner)
                d.t(h + "：")
                if k == "t":
                    d.t(val)
                elif k == "name":
                    put_person(d, g, nm, tg)
                elif k == "v":
                    d.p(typ, value, tags=tags)
                else:
                    d.k("date", val)
            d.t("\n\n" if flat == "key_value" else "\n")
            continue
        for c, (k, val) in enumerate(cells):
            if c:
                d.t(sep)
            if k == "t":
                d.t(val)
            elif k == "name":
                put_person(d, g, nm, tg)
            elif k == "v":
                d.p(typ, value, tags=tags)
            else:
                d.k("date", val)
        d.t("\n")
    return d


def _tin_writing(g: G, id18: str) -> tuple[str, set[str]]:
    suffix = g.choice(["01", "02", "03", "01", "11"])
    form = g.choice(["plain", "plain", "space", "hyphen", "break", "fullwidth", "bracket"])
    if form == "plain":
        return id18 + suffix, set()
    if form == "space":
        return f"{id18} {suffix}", {"tin_suffix_spaced"}
    if form == "hyphen":
        return f"{id18}-{suffix}", {"tin_suffix_spaced"}
    if form == "break":
        return f"{id18}\n{suffix}", {"tin_suffix_broken"}
    if form == "bracket":
        return f"{id18}（{suffix}）", {"tin_suffix_bracket"}
    return (id18 + suffix).translate(FULLWIDTH), {"fullwidth_digits"}


def tin_suffix(g: G, i: int) -> Doc:
    """Individuals' taxpayer numbers (ID number + two digits) in lists and notices, written in the ways
    lists print them."""
    d = Doc(f"dev8-tin-{i:03d}", tags={"tin_suffix"})
    region = g.region()
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    layout = g.choice(["prose", "kv", "cells", "tab"])
    d.tags.add(
        {"prose": "running_text", "kv": "flat_key_value", "cells": "flat_cell_per_line", "tab": "flat_tab"}[
            layout
        ]
    )
    d.t("\n" + g.choice(["欠税公告", "关于个体工商户欠税情况的公告", "非正常户公告"]) + "\n")
    if layout == "tab":
        d.t("序号\t业户名称\t经营者\t纳税人识别号\t欠税金额\n")
    if layout == "cells":
        d.t("序号\n业户名称\n经营者\n纳税人识别号\n欠税金额\n")
    for n in range(1, g.r.randint(3, 5)):
        nm, tg = g.person()
        id18 = g.id18() if g.chance(0.8) else hkmt_resident_id(g)
        while g.chance(0.3) and not id18.endswith("X"):
            id18 = g.id18()
        tin, wt = _tin_writing(g, id18)
        if layout == "prose":
            d.t(f"    {n}. ")
            d.k("shop_name", g.shop(nm, region))
            d.t("（经营者：")
            put_person(d, g, nm, tg | {"owner_name_in_shop_name"})
            d.t("，纳税人识别号：")
            d.p("tin_individual", tin, tags=wt | {"tin_suffix"})
            d.t("），欠缴" + g.choice(TAXES))
            d.k("amount", g.amount_text() + "元")
            d.t("。\n")
        elif layout == "kv":
            d.t("业户名称：")
            d.k("shop_name", g.shop(nm, region))
            d.t("\n经营者姓名：")
            put_person(d, g, nm, tg | {"owner_name_in_shop_name"})
            d.t("\n纳税人识别号：")
            d.p("tin_individual", tin, tags=wt | {"tin_suffix"})
            d.t("\n欠税金额：")
            d.k("amount", g.amount_text())
            d.t("\n\n")
        else:
            sep = T if layout == "tab" else "\n"
            d.t(f"{n}{sep}")
            d.k("shop_name", g.shop(nm, region))
            d.t(sep)
            put_person(d, g, nm, tg | {"owner_name_in_shop_name"})
            d.t(sep)
            d.p("tin_individual", tin, tags=wt | {"tin_suffix"})
            d.t(sep)
            d.k("amount", g.amount_text())
            d.t("\n")
    _sign(d, g, authority)
    return d


def _landline_writing(g: G, area: str) -> tuple[str, set[str]]:
    local = g.choice("2345678") + "".join(g.choice("0123456789") for _ in range(7))
    a3 = area[1:]
    forms = [
        (f"({area}){local[:4]} {local[4:]}", {"landline_grouped"}),
        (f"（{area}）{local}".translate(FULLWIDTH), {"fullwidth_digits"}),
        (f"{area}-{local}-{g.r.randint(100, 999)}", {"landline_extension"}),
        (f"{area}-{local}转{g.r.randint(100, 8999)}", {"landline_extension"}),
        (f"{area}-{local} 分机{g.r.randint(100, 999)}", {"landline_extension"}),
        (f"{area} {local[:4]} {local[4:]}", {"landline_grouped"}),
        (f"+86-{a3}-{local}", {"phone_intl_prefix"}),
        (f"+86 {a3} {local}", {"phone_intl_prefix"}),
        (f"0086 {a3} {local}", {"phone_intl_prefix"}),
        (f"0086-{a3}-{local[:4]}-{local[4:]}", {"phone_intl_prefix"}),
        (f"{local[:4]} {local[4:]}", {"landline_local"}),
        (f"{local[:4]}-{local[4:]}", {"landline_local"}),
        (local, {"landline_local"}),
        (f"{area}-{local[:4]}\n{local[4:]}", {"linebreak_in_value"}),
        (f"{area}-\n{local}", {"linebreak_in_value"}),
    ]
    return g.choice(forms)


PHONE_LABELS = ["电话：", "联系电话：", "座机：", "住宅电话：", "固定电话：", "电话 ", "联系电话"]


def private_phones(g: G, i: int) -> Doc:
    """Persons' landlines in the party's block, a witness's, an agent's, a family member's, beside the
    bureau's own numbers at the end (12366, 办税服务厅, the bureau's 联系人)."""
    d = Doc(f"dev8-phone-{i:03d}", tags={"private_landline", "contact_block"})
    region = g.region()
    area = region[4]
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    d.t(
        "\n"
        + g.choice(["税务行政处罚事项告知书", "税务事项通知书", "责令限期改正通知书", "税务检查通知书"])
        + "\n"
    )
    d.k("document_number", g.docno(g.choice(["告", "通", "检"])))
    d.t("\n")
    nm, tg = g.person()
    d.t(g.choice(["当事人：", "纳税人：", "被检查人："]))
    put_person(d, g, nm, tg)
    d.t("\n身份证号码：")
    put_id(d, g)
    d.t("\n" + g.choice(PHONE_LABELS))
    v, t = _landline_writing(g, area)
    d.p("phone", v, tags=t | {"private_landline", "party_block"})
    d.t("\n")
    if g.chance(0.5):
        d.t(g.choice(["委托代理人：", "代理人：", "法定代理人："]))
        an, at = g.person()
        put_person(d, g, an, at)
        d.t(g.choice(["，联系电话：", "（电话：", "  电话 "]))
        v, t = _landline_writing(g, area)
        d.p("phone", v, tags=t | {"private_landline", "agent_block"})
        d.t("\n")
    d.t("    本局于")
    d.k("date", g.day())
    d.t("对你" + g.choice(["未按规定期限申报", "取得收入未申报", "未按规定保管账簿"]) + "一事进行了调查。")
    if g.chance(0.6):
        wn, wt = g.person()
        d.t(g.choice(["证人", "见证人", "你的邻居", "你的配偶"]))
        put_person(d, g, wn, wt)
        opening = g.choice(["（联系电话：", "（住宅电话", "，电话："])
        d.t(opening)
        v, t = _landline_writing(g, area)
        d.p("phone", v, tags=t | {"private_landline", "witness_block"})
        d.t(("）" if opening.startswith("（") else "，") + "证实了上述事实。")
    d.t("拟对你处以罚款")
    d.k("amount", g.amount_text() + "元")
    d.t("。\n    如有异议，可在收到本告知书之日起3日内向本局提出。\n\n")
    closing = g.choice(["contact", "hall", "both"])
    if closing in ("contact", "both"):
        d.t("联系人：" + g.person("three")[0] + "\n联系电话：")
        d.k("authority_phone", g.bureau_phone(region))
        d.t("\n")
    if closing in ("hall", "both"):
        d.t(g.choice(["办税服务厅电话：", "纳税服务热线：", "咨询电话："]))
        d.k("authority_phone", g.choice(["12366", g.bureau_phone(region)]))
        d.t("\n")
    d.tags.add("officer_names_unlabelled")
    _sign(d, g, authority)
    return d


def phone_table(g: G, i: int) -> Doc:
    """A notice whose heading names the bureau, then a list of persons with their phones."""
    flat = g.choice(["tab", "pipe", "space_aligned", "cell_per_line", "key_value", "semicolon"])
    d = Doc(f"dev8-phonetable-{i:03d}", tags={"private_landline", f"flat_{flat}", "service_by_publication"})
    region = g.region()
    area = region[4]
    d.k("authority_name", g.authority_of(region))
    d.t(g.choice(["\n关于无法送达税务文书的公告\n", "\n送达公告\n", "\n关于限期办理纳税申报的公告\n"]))
    d.t("    下列纳税人经电话联系未果，现予公告送达：\n")
    header = ["序号", "姓名", "联系电话", "文书名称"]
    sep = {"tab": T, "pipe": " | ", "space_aligned": "    ", "cell_per_line": "\n"}.get(flat)
    if sep is not None:
        d.t(sep.join(header) + "\n")
    for n in range(1, g.r.randint(3, 5)):
        nm, tg = g.person()
        v, t = _landline_writing(g, area)
        if "\n" in v and flat in ("cell_per_line", "key_value"):
            v = v.replace("\n", "")
        doc = g.choice(["税务事项通知书", "责令限期改正通知书", "税务行政处罚决定书"])
        if sep is None:
            joiner = "；" if flat == "semicolon" else "\n"
            d.t(f"序号：{n}{joiner}姓名：")
            put_person(d, g, nm, tg)
            d.t(f"{joiner}联系电话：")
            d.p("phone", v, tags=t | {"private_landline", "table_row"})
            d.t(f"{joiner}文书名称：{doc}")
            d.t("\n\n" if flat == "key_value" else "\n")
            continue
        d.t(f"{n}{sep}")
        put_person(d, g, nm, tg)
        d.t(sep)
        d.p("phone", v, tags=t | {"private_landline", "table_row"})
        d.t(f"{sep}{doc}\n")
    d.t("    咨询电话：")
    d.k("authority_phone", g.bureau_phone(region))
    d.t("\n")
    d.k("date", g.day())
    d.t("\n")
    return d


PERSON_ADDRESS_LABELS = ["送达地址", "联系地址", "通讯地址", "户籍地址", "住所", "居住地", "住所地", "地址"]


def person_address(g: G, i: int) -> Doc:
    """A natural person's address under an ambiguous label in running text and in record blocks, beside
    an individual business's 经营地址 (public) and a company's 住所 (public)."""
    d = Doc(f"dev8-addr-{i:03d}", tags={"home_address_label"})
    region = g.region()
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    d.t("\n" + g.choice(["税务行政处罚决定书", "税务处理决定书", "税务文书送达公告"]) + "\n")
    d.k("document_number", g.docno(g.choice(["罚", "处", "送"])))
    d.t("\n")
    nm, tg = g.person()
    shape = g.choice(["block", "running", "owner", "you"])
    d.tags.add(f"addr_{shape}")
    label = g.choice(PERSON_ADDRESS_LABELS)
    if shape == "block":
        d.t("当事人：")
        put_person(d, g, nm, tg)
        d.t("\n" + g.choice(["性别：男\n", "性别：女\n", ""]) + "身份证号码：")
        put_id(d, g)
        d.t(f"\n{label}：")
        d.p("home_address", g.home(region), tags={"addr_person"})
        d.t("\n")
    elif shape == "running":
        d.t("当事人")
        put_person(d, g, nm, tg)
        d.t(g.choice(["，男，", "，女，", "，"]) + "公民身份号码")
        put_id(d, g)
        d.t(f"，{label}")
        d.t(g.choice(["：", "为", "在"]))
        d.p("home_address", g.home(region), tags={"addr_person"})
        d.t("。\n")
    elif shape == "owner":
        d.t("当事人：")
        d.k("shop_name", g.shop(nm, region))
        d.t("（个体工商户）\n统一社会信用代码：")
        d.k("uscc", g.uscc_of("shop", region))
        d.t("\n经营者：")
        put_person(d, g, nm, tg | {"owner_name_in_shop_name"})
        d.t("\n经营地址：")
        d.k("business_address", g.business(region))
        d.t(f"\n经营者{g.choice(['送达地址', '联系地址', '户籍地址', '居住地', '通讯地址'])}：")
        d.p("home_address", g.home(region), tags={"addr_person", "addr_owner"})
        d.t("\n")
    else:
        put_person(d, g, nm, tg)
        d.t("：\n    你（" + g.choice(["身份证号码", "公民身份号码"]))
        put_id(d, g)
        d.t(f"，{label}：")
        d.p("home_address", g.home(region), tags={"addr_person"})
        d.t("）" + g.choice(["于", "在"]))
        d.k("date", g.day())
        d.t("期间取得收入未申报。\n")
    d.t("    经查，")
    put_person(d, g, nm, tg)
    d.t("少缴" + g.choice(TAXES))
    d.k("amount", g.amount_text() + "元")
    d.t("。\n")
    if g.chance(0.5):
        d.t("    另查明，")
        d.k("org_name", g.company(region))
        d.t("（住所：")
        d.k("business_address", g.business(region))
        d.t("）为其提供了发票。\n")
    _sign(d, g, authority)
    return d


def address_table(g: G, i: int) -> Doc:
    """A list of persons and businesses with an address column under an address header."""
    flat = g.choice(["tab", "pipe", "space_aligned", "cell_per_line", "key_value", "semicolon"])
    d = Doc(f"dev8-addrtable-{i:03d}", tags={"home_address_label", "arrears_notice", f"flat_{flat}"})
    region = g.region()
    d.k("authority_name", g.authority_of(region))
    d.t("\n欠税公告\n")
    # a column of persons and businesses alike: a label both can have (not 户籍地址, 居住地)
    col = g.choice(["送达地址", "联系地址", "通讯地址", "地址", "住所"])
    header = ["序号", "纳税人名称", "证件号码", col, "欠税金额"]
    sep = {"tab": T, "pipe": " | ", "space_aligned": "    ", "cell_per_line": "\n"}.get(flat)
    if sep is not None:
        d.t(sep.join(header) + "\n")
    for n in range(1, g.r.randint(3, 6)):
        kind = g.choice(["person", "person", "shop", "company"])
        nm, tg = g.person()
        cells: list[tuple[str, object]] = [("t", str(n))]
        if kind == "person":
            cells += [("name", (nm, tg)), ("id", g.id18()), ("home", g.home(region))]
        elif kind == "shop":
            cells += [
                ("shop", g.shop(nm, region)),
                ("uscc", g.uscc_of("shop", region)),
                ("biz", g.business(region)),
            ]
        else:
            cells += [
                ("org", g.company(region)),
                ("uscc", g.uscc_of("company", region)),
                ("biz", g.business(region)),
            ]
        cells.append(("amount", g.amount_text()))
        joiner = sep if sep is not None else ("；" if flat == "semicolon" else "\n")
        for c, (k, val) in enumerate(cells):
            if c:
                d.t(joiner)
            if sep is None:
                d.t(header[c] + "：")
            if k == "t":
                d.t(str(val))
            elif k == "name":
                put_person(d, g, *val)  # type: ignore[misc]
            elif k == "id":
                d.p("id_number", str(val))
            elif k == "home":
                d.p("home_address", str(val), tags={"addr_table"})
            elif k == "shop":
                d.k("shop_name", str(val))
            elif k == "org":
                d.k("org_name", str(val))
            elif k == "uscc":
                d.k("uscc", str(val))
            elif k == "biz" and kind == "shop" and col == "送达地址":
                d.t(str(val))  # an individual business's 送达地址 is served on its owner: not scored
            elif k == "biz":
                d.k("business_address", str(val))
            else:
                d.k("amount", str(val))
        d.t("\n\n" if flat == "key_value" else "\n")
    return d


def _email_writing(g: G) -> tuple[str, int, set[str]]:
    """An e-mail address in an unusual writing; returns (text, significant characters of the domain
    part that may stay, tags)."""
    local = g.choice(["zhangwei", "lihua", "chenjing", "wangfang", "liuyang", "hz", "sunny"]) + str(
        g.r.randint(10, 9999)
    )
    domain = g.choice(["163.com", "qq.com", "126.com", "sina.com", "foxmail.com", "hotmail.com"])
    tail = sum(ch.isalnum() for ch in domain)
    form = g.choice(["fw", "spaces", "paren", "bracket", "hash", "dot", "upper", "break", "break2"])
    if form == "fw":
        return f"{local}＠{domain}", tail, {"fullwidth_at"}
    if form == "spaces":
        return f"{local} @ {domain}", tail, {"email_spaced"}
    if form == "paren":
        return f"{local}(at){domain}", tail, {"email_at_word"}
    if form == "bracket":
        return f"{local}[at]{domain}", tail, {"email_at_word"}
    if form == "hash":
        return f"{local}#{domain}", tail, {"email_hash"}
    if form == "dot":
        name, _, top = domain.partition(".")
        return f"{local} at {name} dot {top}", tail, {"email_at_word"}
    if form == "upper":
        return f"{local}@{domain}".upper(), tail, {"email_upper"}
    if form == "break":
        cut = g.r.randint(2, len(local) - 1)
        return f"{local[:cut]}\n{local[cut:]}@{domain}", tail, {"linebreak_in_value"}
    return f"{local}@\n{domain}", tail, {"linebreak_in_value"}


def email_variants(g: G, i: int) -> Doc:
    d = Doc(f"dev8-email-{i:03d}", tags={"email_variant"})
    region = g.region()
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    d.t("\n" + g.choice(["税务事项通知书", "电子送达确认书", "税务文书送达地址确认书"]) + "\n")
    nm, tg = g.person()
    d.t("受送达人：")
    put_person(d, g, nm, tg)
    d.t("\n")
    for _ in range(g.r.randint(1, 2)):
        d.t(g.choice(["电子邮箱：", "邮箱：", "E-mail：", "电子送达地址：", "个人邮箱 "]))
        v, tail, tags = _email_writing(g)
        d.p("email", v, head=1, tail=tail, tags=tags | {"email_variant"})
        d.t("\n")
    d.t("    本人同意以上述电子邮箱接收税务文书。\n本局邮箱：")
    d.k("url", f"{g.choice(['zj', 'gd', 'hn'])}tax@chinatax.gov.cn")
    d.t("\n")
    _sign(d, g, authority)
    return d


FAMILY = [
    "妻子",
    "丈夫",
    "儿子",
    "女儿",
    "父亲",
    "母亲",
    "配偶",
    "其妻",
    "其子",
    "其女",
    "其父",
    "其母",
    "胞弟",
    "哥哥",
]


def narrative_names(g: G, i: int) -> Doc:
    """Names in a case's narrative: after verbs, in lists joined by 、, with 先生/女士, family members,
    a minor's 法定代理人 / 监护人."""
    d = Doc(f"dev8-narr-{i:03d}", tags={"narrative", "running_text"})
    region = g.region()
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    d.t("\n税务行政处罚决定书\n")
    d.k("document_number", g.docno("罚"))
    d.t("\n当事人：")
    nm, tg = g.person()
    put_person(d, g, nm, tg)
    d.t("\n    经查，" + g.choice(["你", "当事人"]) + "于")
    d.k("date", g.day())
    d.t(g.choice(["将房屋出租给", "将款项转给", "委托", "雇佣", "联系"]))
    a, at = g.person()
    put_person(d, g, a, at | {"after_verb"})
    d.t(g.choice(["，", "用于经营，", "办理相关事宜，"]))
    d.t(g.choice(["收取租金", "取得收入"]))
    d.k("amount", g.amount_text() + "元")
    d.t("。本局" + g.choice(["约谈了", "询问了", "通知", "向"]))
    b, bt = g.person()
    put_person(d, g, b, bt | {"after_verb"})
    d.t(g.choice(["，", "送达了文书，", "到场说明情况，"]))
    relative = g.choice(FAMILY)
    d.t(relative if relative.startswith("其") else "其" + relative)
    c, ct = g.person()
    put_person(d, g, c, ct | {"family_member"})
    d.t(g.choice(["陪同到场。", "在场。", "代为签收。"]))
    d.t("参与经营的还有")
    for k in range(g.r.randint(2, 4)):
        if k:
            d.t("、")
        e, et = g.person()
        put_person(d, g, e, et | {"list_name"})
    d.t(g.choice(["等人。", "。", "三人。"]))
    if g.chance(0.5):
        d.t("\n    ")
        s, st = g.person(g.choice(["three", "two", "word"]))
        put_person(d, g, s, st | {"titled"})
        d.t(g.choice(["先生", "女士"]) + g.choice(["表示对上述事实无异议。", "提交了书面陈述。", "未到场。"]))
    if g.chance(0.6):
        d.t("\n    因当事人未成年，")
        d.t(g.choice(["法定代理人", "监护人"]))
        m, mt = g.person()
        put_person(d, g, m, mt | {"guardian"})
        d.t(g.choice(["（系当事人之母）", "（系当事人之父）", ""]) + "代为陈述申辩。")
    d.t("\n")
    _sign(d, g, authority)
    return d


def generate_part8() -> list[dict]:
    return _part(
        SEED + 8,
        [
            (hkmt_decision, 16),
            (hkmt_table, 12),
            (tin_suffix, 14),
            (private_phones, 20),
            (phone_table, 12),
            (person_address, 18),
            (address_table, 12),
            (email_variants, 12),
            (narrative_names, 16),
        ],
    )


# ------------------------------------------------------------------------------ part 9 (written later)
# Written after the fixes made from part 8, before the masker was run on it: the same classes in
# writings part 8 did not have.


def hkmt_running(g: G, i: int) -> Doc:
    """港澳台 numbers in running text: a permit beside a Taiwan ID, a Hong Kong card written with a space,
    a Macao card with slashes, a residence permit's number grouped by spaces."""
    d = Doc(f"dev9-hkmt-{i:03d}", tags={"hkmt", "running_text"})
    region = g.region()
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    d.t("\n不予行政处罚决定书\n")
    d.k("document_number", g.docno("不罚"))
    d.t("\n")
    nm, tg = g.person(g.choice(["three", "two"]))
    who = g.choice(["tw", "hk", "mo"])
    if who == "tw":
        d.t("当事人：台胞")
        put_person(d, g, nm, tg)
        d.t("，" + g.choice(["台胞证号码", "台湾居民来往大陆通行证号码", "通行证号"]) + g.choice(["", "："]))
        d.p("passport", tw_permit(g), tags={"tw_permit"})
        if g.chance(0.6):
            d.t("，身份证号码")
            d.p("passport", tw_id(g), tags={"tw_id", "tw_id_no_place"})
    elif who == "hk":
        d.t("当事人：")
        put_person(d, g, nm, tg)
        d.t("，香港永久性居民，身份证号码：")
        hid = hk_id(g)
        if g.chance(0.5):
            hid = hid.replace("(", " (")
        d.p("passport", hid, tags={"hk_id"})
        d.t("，回乡证号码：")
        d.p("passport", hm_permit(g), tags={"hm_permit"})
    else:
        d.t("当事人：")
        put_person(d, g, nm, tg)
        d.t("，澳门居民，身份证明局编号")
        digits = g.choice("157") + "".join(g.choice("0123456789") for _ in range(6))
        d.p("passport", f"{digits[0]}/{digits[1:]}/{g.choice('0123456789')}", tags={"macao_id"})
    d.t("。\n")
    rid = hkmt_resident_id(g)
    d.t("居住证号码：")
    grouped = f"{rid[:6]} {rid[6:14]} {rid[14:]}" if g.chance(0.5) else rid
    d.p("id_number", grouped, tags={"hkmt_residence_permit"})
    d.t("\n    经查，当事人于")
    d.k("date", g.day())
    d.t("取得收入")
    d.k("amount", g.amount_text() + "元")
    d.t("，未按期申报，鉴于其首次违法且及时改正，决定不予行政处罚。\n")
    _sign(d, g, authority)
    return d


def tin_running(g: G, i: int) -> Doc:
    d = Doc(f"dev9-tin-{i:03d}", tags={"tin_suffix", "running_text"})
    region = g.region()
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    d.t("\n税务事项通知书\n")
    nm, tg = g.person()
    put_person(d, g, nm, tg)
    d.t("（纳税人识别号为" if g.chance(0.5) else "：\n    你（纳税人识别号：")
    id18 = g.id18()
    if g.chance(0.3):
        id18 = id18[:-1] + "X" if id18.endswith("X") else id18
    tin, wt = _tin_writing(g, id18)
    d.p("tin_individual", tin, tags=wt | {"tin_suffix"})
    d.t("）未按规定期限办理" + g.choice(TAXES) + "纳税申报，请于")
    d.k("date", g.day())
    d.t("前到本局办理。\n")
    if g.chance(0.5):
        d.t("序号    纳税人名称    纳税人识别号    金额\n")
        for n in range(1, 3):
            nm2, tg2 = g.person()
            d.t(f"{n}    ")
            put_person(d, g, nm2, tg2)
            d.t("    ")
            tin2 = g.id18() + g.choice(["01", "02"])
            if g.chance(0.5):
                tin2 = tin2[:18] + " " + tin2[18:]
            d.p("tin_individual", tin2, tags={"tin_suffix", "flat_space_aligned"})
            d.t("    ")
            d.k("amount", g.amount_text())
            d.t("\n")
    _sign(d, g, authority)
    return d


def _landline9(g: G, area: str) -> tuple[str, set[str]]:
    local = g.choice("2345678") + "".join(g.choice("0123456789") for _ in range(7))
    a3 = area[1:]
    forms = [
        (f"{area}—{local}", {"landline_dash"}),
        (f"({area}) {local}", {"landline_grouped"}),
        (f"+86 ({a3}) {local[:4]} {local[4:]}", {"phone_intl_prefix"}),
        (f"{local[:3]}-{local[4:]}", {"landline_local"}),
        (f"{area}-{local}（宅）", {"landline_extension"}),
        (f"{area}－{local}", {"fullwidth_digits"}),
        (f"{area} - {local}", {"landline_grouped"}),
        (f"{area}.{local}", {"landline_dot"}),
        (f"{area}/{local}", {"landline_slash"}),
        (f"{area}-{local}、{g.mobile11()}", {"landline_and_mobile"}),
    ]
    return g.choice(forms)


def landline_running(g: G, i: int) -> Doc:
    d = Doc(f"dev9-phone-{i:03d}", tags={"private_landline"})
    region = g.region()
    area = region[4]
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    d.t("\n税务行政处罚决定书\n")
    d.k("document_number", g.docno("罚"))
    d.t("\n")
    nm, tg = g.person()
    d.t("被处罚人：")
    put_person(d, g, nm, tg)
    d.t("\n    经查，")
    put_person(d, g, nm, tg)
    d.t(g.choice(["的联系电话为", "（电话", "预留的座机"]))
    v, t = _landline9(g, area)
    d.p("phone", v, tags=t | {"private_landline", "running_text"})
    d.t("），" if "（电话" in d.parts[-2] else "，")
    d.t("本局多次拨打未能联系。\n")
    if g.chance(0.6):
        d.t("    本案证人")
        wn, wt = g.person()
        put_person(d, g, wn, wt)
        d.t("（" + g.choice(["座机", "tel: ", "Tel："]))
        v, t = _landline9(g, area)
        d.p("phone", v, tags=t | {"private_landline", "witness_block"})
        d.t("）证实了上述事实。\n")
    d.t("\n")
    kind = g.choice(["contact_son", "bureau"])
    if kind == "contact_son":
        d.t("联系人：")
        cn, ct = g.person()
        put_person(d, g, cn, ct)
        d.t(g.choice(["（当事人之子）", "（当事人配偶）", "（代理人）"]) + " 联系电话：")
        v, t = _landline9(g, area)
        d.p("phone", v, tags=t | {"private_landline", "closing_block_person"})
        d.t("\n")
    d.t(g.choice(["举报电话：", "监督电话：", "本局地址：" + g.business(region) + "，电话："]))
    d.k("authority_phone", g.bureau_phone(region))
    d.t("\n")
    _sign(d, g, authority)
    return d


def addr_running9(g: G, i: int) -> Doc:
    d = Doc(f"dev9-addr-{i:03d}", tags={"home_address_label"})
    region = g.region()
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    shape = g.choice(["confirm", "residence", "rep_home", "semicolon"])
    d.tags.add(f"addr9_{shape}")
    if shape == "confirm":
        d.t("\n送达地址确认书\n受送达人：")
        nm, tg = g.person()
        put_person(d, g, nm, tg)
        d.t("\n" + g.choice(["送达地址", "指定送达地址", "邮寄地址"]) + "：")
        d.p("home_address", g.home(region))
        d.t("\n邮政编码：" + str(g.r.randint(100000, 899999)) + "\n")
    elif shape == "residence":
        d.t("\n税务处理决定书\n")
        nm, tg = g.person()
        put_person(d, g, nm, tg)
        d.t(g.choice(["：\n    你（住所地：", "：\n    你（居住地址：", "：\n    你（经常居住地："]))
        d.p("home_address", g.home(region))
        d.t("）于")
        d.k("date", g.day())
        d.t("转让房产未申报个人所得税。\n")
    elif shape == "rep_home":
        d.t("\n税务行政处罚决定书\n当事人：")
        d.k("org_name", g.company(region))
        d.t("\n住所：")
        d.k("business_address", g.business(region))
        d.t("\n法定代表人：")
        nm, tg = g.person()
        put_person(d, g, nm, tg)
        d.t("，" + g.choice(["住址", "家庭住址", "住"]) + "：")
        d.p("home_address", g.home(region))
        d.t("\n")
    else:
        d.t("\n非正常户公告\n")
        for _ in range(g.r.randint(2, 3)):
            nm, tg = g.person()
            d.t("纳税人姓名：")
            put_person(d, g, nm, tg)
            d.t("；身份证号码：")
            d.p("id_number", g.id18())
            d.t("；" + g.choice(["联系地址", "通讯地址", "地址", "送达地址"]) + "：")
            d.p("home_address", g.home(region))
            d.t("；认定日期：")
            d.k("date", g.day())
            d.t("\n")
    _sign(d, g, authority)
    return d


def email9(g: G, i: int) -> Doc:
    d = Doc(f"dev9-email-{i:03d}", tags={"email_variant"})
    region = g.region()
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    d.t("\n电子送达确认书\n受送达人：")
    nm, tg = g.person()
    put_person(d, g, nm, tg)
    d.t("\n")
    local = g.choice(["zw", "lihong", "chen.jie", "wang_li", "sunfang"]) + str(g.r.randint(1, 999))
    domain = g.choice(["163.com", "qq.com", "126.com", "sina.cn", "yahoo.com.cn"])
    tail = sum(ch.isalnum() for ch in domain)
    form = g.choice(["dotbreak", "hashbr", "qq", "angle", "dotword", "fullstop"])
    if form == "dotbreak":
        name, _, top = domain.partition(".")
        v = f"{local}@{name}.\n{top}"
    elif form == "hashbr":
        v = f"{local}[#]{domain}"
    elif form == "qq":
        local = str(g.r.randint(10000000, 2999999999))
        v = f"{local}@qq.com"
        tail = 4
    elif form == "angle":
        v = f"{local}@{domain}"
    elif form == "dotword":
        v = f"{local}@{domain.replace('.', '(dot)')}"
    else:
        v = f"{local}@{domain.replace('.', '。')}"
    d.tags.add(f"email9_{form}")
    d.t("电子邮箱" + ("：<" if form == "angle" else "："))
    d.p("email", v, head=1, tail=tail, tags={"email_variant"})
    d.t(">\n" if form == "angle" else "\n")
    _sign(d, g, authority)
    return d


def names9(g: G, i: int) -> Doc:
    d = Doc(f"dev9-names-{i:03d}", tags={"narrative", "running_text"})
    region = g.region()
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    d.t("\n税务稽查结论\n被查对象：")
    d.k("org_name", g.company(region))
    d.t("\n    经查，该公司股东")
    people = [g.person() for _ in range(3)]
    put_person(d, g, *people[0])
    d.t("、")
    put_person(d, g, *people[1])
    d.t("和")
    put_person(d, g, *people[2])
    d.t(g.choice(["三人", "共同", "分别"]) + "出资设立该公司。")
    a, at = g.person()
    b, bt = g.person()
    d.t("实际控制人系")
    put_person(d, g, a, at)
    d.t("，其" + g.choice(["妻", "丈夫", "女儿"]))
    put_person(d, g, b, bt)
    d.t("负责财务。款项转入")
    c, ct = g.person()
    put_person(d, g, c, ct | {"account_holder"})
    d.t(g.choice(["个人账户", "名下银行卡", "的微信账户"]) + "，收款人为")
    e, et = g.person()
    put_person(d, g, e, et)
    d.t("。")
    f, ft = g.person()
    d.t("由其" + g.choice(["女儿", "儿子", "弟弟"]))
    put_person(d, g, f, ft | {"family_member"})
    d.t("代收文书，")
    h, ht = g.person()
    put_person(d, g, h, ht)
    d.t(g.choice(["同志", "先生", "女士"]) + "到场见证。")
    k, kt = g.person()
    d.t("（")
    put_person(d, g, k, kt | {"bracketed"})
    d.t("）\n")
    _sign(d, g, authority)
    return d


def generate_part9() -> list[dict]:
    return _part(
        SEED + 9,
        [
            (hkmt_running, 14),
            (tin_running, 12),
            (landline_running, 18),
            (addr_running9, 16),
            (email9, 14),
            (names9, 14),
        ],
    )


# ----------------------------------------------------------------------------- part 10 (written later)
# Written after part 9's fixes, before the masker was run on it: persons in the narrative of inspection
# reports and decisions (how a case tells who did what), and contact details in the shapes of 送达回证
# and 询问通知书.

ETHNIC = ["汉族", "回族", "满族", "壮族", "苗族", "土家族", "蒙古族", "朝鲜族"]


def person_intro(g: G, d: Doc, nm: str, tg: set[str]) -> None:
    """A person introduced as decisions do: 张三，男，汉族，1980年5月出生，… ."""
    put_person(d, g, nm, tg | {"intro"})
    style = g.choice(["ethnic", "born", "bracket", "job"])
    if style == "ethnic":
        d.t("，" + g.choice(ETHNIC) + "，")
    elif style == "born":
        d.t(f"，{g.r.randint(1960, 2000)}年{g.r.randint(1, 12)}月" + g.choice(["出生", "生", "出生，"]))
    elif style == "bracket":
        d.t(f"（{g.r.randint(1960, 2000)}年{g.r.randint(1, 12)}月{g.r.randint(1, 28)}日出生）")
    else:
        d.t("，" + g.choice(["无业", "个体经营者", "自由职业", "农民"]) + "，")


NARRATIVE_ACTS = [
    "于{date}注册成立",
    "未按规定申报",
    "向本局提交了情况说明",
    "签字确认",
    "本人承认",
    "夫妇共同经营",
    "亲自办理",
    "当场拒绝签收",
    "无正当理由拒不到场",
]


def narrative_report(g: G, i: int) -> Doc:
    d = Doc(f"dev10-report-{i:03d}", tags={"narrative", "running_text"})
    region = g.region()
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    d.t("\n" + g.choice(["税务稽查报告", "案件审理报告", "税务行政处罚决定书"]) + "\n")
    d.k("document_number", g.docno(g.choice(["罚", "审", "稽"])))
    d.t("\n一、当事人基本情况\n    ")
    nm, tg = g.person()
    person_intro(g, d, nm, tg)
    d.t("住所地不详。\n二、违法事实\n    ")
    for _ in range(3):
        who, wt = g.person()
        act = g.choice(NARRATIVE_ACTS)
        if "{date}" in act:
            put_person(d, g, who, wt | {"sentence_start"})
            d.t("于")
            d.k("date", g.day())
            d.t("注册成立")
            d.k("shop_name", g.shop(who, region))
            d.t("。")
            continue
        if g.chance(0.5):
            d.t(g.choice(["据查，", "另外，", "同时，", "此外，"]))
        put_person(d, g, who, wt | {"sentence_start"})
        d.t(act + "。")
    role = g.choice(["出纳员", "财务经理", "仓库保管员", "销售经理", "前台", "驾驶员"])
    d.t(f"该店{role}")
    r, rt = g.person()
    put_person(d, g, r, rt | {"job_title"})
    d.t(g.choice(["证实", "陈述", "供称"]) + "，相关款项均由")
    o, ot = g.person()
    put_person(d, g, o, ot)
    d.t("收取。")
    a, at = g.person()
    b, bt = g.person()
    put_person(d, g, a, at | {"pair"})
    d.t(g.choice(["和", "与"]))
    put_person(d, g, b, bt | {"pair"})
    d.t(g.choice(["系夫妻关系", "系父子关系", "共同出资"]) + "。\n")
    _sign(d, g, authority)
    return d


def receipt10(g: G, i: int) -> Doc:
    """A 送达回证 and a 询问通知书 with the party's contact lines and the bureau's at the end."""
    d = Doc(f"dev10-receipt-{i:03d}", tags={"service_receipt", "contact_block"})
    region = g.region()
    area = region[4]
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    d.t("\n询问通知书\n")
    nm, tg = g.person()
    put_person(d, g, nm, tg)
    d.t("：\n    请你于")
    d.k("date", g.day())
    d.t("到本局接受询问。\n    你的联系方式：")
    kind = g.choice(["mobile_landline", "fax", "qq"])
    if kind == "mobile_landline":
        d.p("phone", g.mobile11())
        d.t("；")
        v, t = _landline9(g, area)
        d.p("phone", v, tags=t | {"private_landline"})
    elif kind == "fax":
        d.t("电话/传真 ")
        v, t = _landline_writing(g, area)
        if "\n" in v:
            v = v.replace("\n", "")
        d.p("phone", v, tags=t | {"private_landline"})
    else:
        d.t("QQ邮箱 ")
        qq = str(g.r.randint(10000000, 2999999999))
        d.p("email", f"{qq}@qq.com", head=1, tail=4, tags={"email_variant"})
    d.t("\n    " + g.choice(["送达地址：", "现居住地址：", "常住地址："]))
    d.p("home_address", g.home(region), tags={"addr_person"})
    d.t("\n\n本局联系人：" + g.person("three")[0] + "、" + g.person("three")[0])
    d.tags.add("officer_names_unlabelled")
    d.t("\n联系电话：")
    d.k("authority_phone", g.bureau_phone(region))
    d.t("\n本局地址：")
    d.k("business_address", g.business(region))
    d.t("\n")
    _sign(d, g, authority)
    return d


def generate_part10() -> list[dict]:
    return _part(SEED + 10, [(narrative_report, 24), (receipt10, 16)])


# ----------------------------------------------------------------------------- part 11 (written later)
# Written after part 10's fixes, before the masker was run on it: the published record formats — 重大税收
# 违法失信案件 notices (fields that join name, sex and ID), 双公示 records as CSV rows, licences to natural
# persons, hearing notices with an agent's contacts, 欠税 lists with 经营地点 of shops and persons.


def _sex(g: G) -> str:
    return g.choice(["男", "女"])


def major_case(g: G, i: int) -> Doc:
    d = Doc(f"dev11-major-{i:03d}", tags={"major_case", "flat_key_value"})
    region = g.region()
    d.k("authority_name", g.authority_of(region))
    d.t("\n重大税收违法失信主体信息公布\n纳税人名称：")
    person = g.chance(0.4)
    nm, tg = g.person()
    if person:
        put_person(d, g, nm, tg)
        d.t("\n纳税人识别号：")
        d.p("id_number", g.id18())
        d.t("\n" + g.choice(["经营地点", "住所"]) + "：")
        d.p("home_address", g.home(region))
    else:
        d.k("org_name", g.company(region))
        d.t("\n纳税人识别号：")
        d.k("uscc", g.uscc_of("company", region))
        d.t("\n注册地址：")
        d.k("business_address", g.business(region))
        d.t("\n法定代表人或者负责人姓名、性别、证件名称及号码：")
        put_person(d, g, nm, tg)
        d.t(f"，{_sex(g)}，居民身份证，")
        d.p("id_number", g.id18())
    d.t("\n负有直接责任的财务负责人姓名、性别、证件名称及号码：")
    fn, ft = g.person()
    put_person(d, g, fn, ft)
    d.t(f"，{_sex(g)}，" + g.choice(["居民身份证，", "身份证 "]))
    d.p("id_number", g.id18())
    d.t("\n负有直接责任的中介机构信息及其从业人员信息：")
    if g.chance(0.5):
        d.k("org_name", f"{(region[2] or region[1]).rstrip('市省')}{g.choice(BRANDS)}税务师事务所有限公司")
        d.t("，从业人员")
        an, at = g.person()
        put_person(d, g, an, at)
        d.t(f"，{_sex(g)}，")
        d.p("id_number", g.id18())
    else:
        d.t("无")
    d.t("\n主要违法事实：经检查，")
    d.t("该纳税人" if g.chance(0.5) else "其")
    d.t("通过虚开增值税专用发票少缴税款")
    d.k("amount", g.amount_text() + "元")
    d.t("。\n相关法律依据及税务处理处罚情况：依照《中华人民共和国税收征收管理法》第六十三条，处以罚款")
    d.k("amount", g.amount_text() + "元")
    d.t("。\n")
    return d


def sgs_csv(g: G, i: int) -> Doc:
    """双公示 records exported as CSV rows (a header line, then comma-separated values)."""
    d = Doc(f"dev11-csv-{i:03d}", tags={"shuanggongshi", "flat_csv"})
    region = g.region()
    d.t(
        "行政相对人名称,行政相对人类别,行政相对人代码_1(统一社会信用代码),法定代表人,法定代表人证件类型,"
        "法定代表人证件号码,证件类型,证件号码,处罚决定书文号,处罚金额（万元）,处罚机关\n"
    )
    for _ in range(g.r.randint(2, 4)):
        nm, tg = g.person()
        kind = g.choice(["法人及非法人组织", "自然人", "个体工商户"])
        if kind == "法人及非法人组织":
            d.k("org_name", g.company(region))
            d.t(f",{kind},")
            d.k("uscc", g.uscc_of("company", region))
            d.t(",")
            put_person(d, g, nm, tg)
            d.t(",身份证,")
            d.p("id_number", g.id18())
            d.t(",,,")
        elif kind == "个体工商户":
            d.k("shop_name", g.shop(nm, region))
            d.t(f",{kind},")
            d.k("uscc", g.uscc_of("shop", region))
            d.t(",")
            put_person(d, g, nm, tg | {"owner_name_in_shop_name"})
            d.t(",身份证,")
            d.p("id_number", g.id18())
            d.t(",,,")
        else:
            put_person(d, g, nm, tg)
            d.t(f",{kind},,,,,身份证,")
            d.p("id_number", g.id18())
            d.t(",")
        d.k("document_number", g.docno("罚"))
        d.t(f",{g.r.randint(1, 90) / 10},")
        d.k("authority_name", g.authority_of(region))
        d.t("\n")
    return d


def licence_person(g: G, i: int) -> Doc:
    d = Doc(f"dev11-licence-{i:03d}", tags={"licence"})
    region = g.region()
    authority = g.authority_of(region)
    d.t("行政许可决定书\n")
    d.k("document_number", g.docno("许"))
    d.t("\n申请人：")
    nm, tg = g.person()
    put_person(d, g, nm, tg)
    d.t("\n申请人类别：自然人\n身份证件号码：")
    put_id(d, g)
    d.t("\n" + g.choice(["联系地址", "通讯地址", "地址"]) + "：")
    d.p("home_address", g.home(region))
    d.t("\n联系电话：")
    if g.chance(0.5):
        d.p("phone", g.mobile11())
    else:
        v, t = _landline9(g, region[4])
        d.p("phone", v, tags=t | {"private_landline"})
    d.t("\n    你于")
    d.k("date", g.day())
    d.t(
        "提出的"
        + g.choice(["增值税专用发票（增值税税控系统）最高开票限额审批", "代开发票申请"])
        + "申请，符合法定条件，本局决定准予行政许可。\n"
    )
    _sign(d, g, authority)
    return d


def hearing_agent(g: G, i: int) -> Doc:
    d = Doc(f"dev11-hearing-{i:03d}", tags={"hearing_notice", "contact_block"})
    region = g.region()
    area = region[4]
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    d.t("\n税务行政处罚听证通知书\n")
    d.k("document_number", g.docno("听通"))
    d.t("\n")
    nm, tg = g.person()
    put_person(d, g, nm, tg)
    d.t("：\n    根据你" + g.choice(["于", "在"]))
    d.k("date", g.day())
    d.t("提出的听证要求，本局决定于")
    d.k("date", g.day())
    d.t("举行听证。你可以委托一至二人作为代理人参加听证。\n")
    d.t("    你已委托")
    an, at = g.person()
    put_person(d, g, an, at | {"agent_name"})
    d.t(g.choice(["（律师）", "（税务师）", "（你的配偶）", ""]) + "为代理人，其联系电话")
    v, t = _landline9(g, area)
    d.p("phone", v, tags=t | {"private_landline", "agent_block"})
    d.t("，地址")
    d.p("home_address", g.home(region), tags={"agent_address"})
    d.t("。\n    听证主持人：" + g.person("three")[0] + "    书记员：" + g.person("three")[0] + "\n")
    d.tags.add("officer_names_unlabelled")
    d.t("    听证地点：")
    d.k("business_address", g.business(region))
    d.t("\n    联系人：" + g.person("three")[0] + "  联系电话：")
    d.k("authority_phone", g.bureau_phone(region))
    d.t("\n")
    _sign(d, g, authority)
    return d


def arrears_place(g: G, i: int) -> Doc:
    flat = g.choice(["tab", "pipe", "space_aligned", "cell_per_line", "key_value", "semicolon"])
    d = Doc(f"dev11-arrears-{i:03d}", tags={"arrears_notice", f"flat_{flat}"})
    region = g.region()
    d.k("authority_name", g.authority_of(region))
    d.t("\n欠税公告\n")
    header = ["纳税人名称", "纳税人识别号", "法定代表人（负责人）", "经营地点", "欠税税种", "欠税余额"]
    sep = {"tab": T, "pipe": "|", "space_aligned": "   ", "cell_per_line": "\n"}.get(flat)
    if sep is not None:
        d.t(sep.join(header) + "\n")
    for _ in range(g.r.randint(2, 4)):
        nm, tg = g.person()
        kind = g.choice(["company", "shop", "person"])
        cells: list[tuple[str, object]] = []
        if kind == "company":
            cells = [
                ("org", g.company(region)),
                ("uscc", g.uscc_of("company", region)),
                ("name", (nm, tg)),
                ("biz", g.business(region)),
            ]
        elif kind == "shop":
            cells = [
                ("shop", g.shop(nm, region)),
                ("uscc", g.uscc_of("shop", region)),
                ("name", (nm, tg | {"owner_name_in_shop_name"})),
                ("biz", g.business(region)),
            ]
        else:
            cells = [("name", (nm, tg)), ("tin", g.id18() + "01"), ("t", "—"), ("home", g.home(region))]
        cells += [("t", g.choice(TAXES)), ("amount", g.amount_text())]
        joiner = sep if sep is not None else ("；" if flat == "semicolon" else "\n")
        for c, (k, val) in enumerate(cells):
            if c:
                d.t(joiner)
            if sep is None:
                d.t(header[c] + "：")
            if k == "t":
                d.t(str(val))
            elif k == "name":
                put_person(d, g, *val)  # type: ignore[misc]
            elif k == "tin":
                d.p("tin_individual", str(val))
            elif k == "home":
                d.p("home_address", str(val), tags={"addr_table", "person_place"})
            elif k == "shop":
                d.k("shop_name", str(val))
            elif k == "org":
                d.k("org_name", str(val))
            elif k == "uscc":
                d.k("uscc", str(val))
            elif k == "biz":
                d.k("business_address", str(val))
            else:
                d.k("amount", str(val))
        d.t("\n\n" if flat == "key_value" else "\n")
    return d


def generate_part11() -> list[dict]:
    return _part(
        SEED + 11,
        [(major_case, 16), (sgs_csv, 12), (licence_person, 12), (hearing_agent, 14), (arrears_place, 18)],
    )


# ----------------------------------------------------------------------------- part 12 (written later)
# Written after part 11's fixes, before the masker was run on it: invoices and bank records naming
# persons (购买方, 开户名称, 持卡人, 缴款人), contact details inside table cells and combined headers,
# address labels not seen so far (户籍：, 住所地址, 现住地, 居住地点, 家庭住所).


def bank_invoice(g: G, i: int) -> Doc:
    d = Doc(f"dev12-bank-{i:03d}", tags={"narrative", "bank_record"})
    region = g.region()
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    d.t("\n税务处理决定书\n")
    d.k("document_number", g.docno("处"))
    d.t("\n    经查，")
    d.k("org_name", g.company(region))
    d.t("于")
    d.k("date", g.day())
    d.t("开具增值税普通发票，" + g.choice(["购买方名称：", "购买方：", "受票方："]))
    a, at = g.person()
    put_person(d, g, a, at | {"invoice_party"})
    d.t("，金额")
    d.k("amount", g.amount_text() + "元")
    d.t("。货款汇入" + g.choice(["开户名称为", "开户人", "持卡人"]))
    b, bt = g.person()
    put_person(d, g, b, bt | {"account_holder"})
    d.t("的银行账户（卡号")
    d.p("bank_card", g.bank_card())
    d.t("）。")
    d.t(g.choice(["缴款人", "交款人", "付款人"]) + "：")
    c, ct = g.person()
    put_person(d, g, c, ct)
    d.t("。\n")
    _sign(d, g, authority)
    return d


def cell_contacts(g: G, i: int) -> Doc:
    flat = g.choice(["tab", "pipe", "cell_per_line"])
    d = Doc(f"dev12-cells-{i:03d}", tags={"witness_table", f"flat_{flat}"})
    region = g.region()
    d.t("证人名单\n")
    header = ["序号", "证人姓名", "联系方式", g.choice(["住所（经营场所）", "住址", "通讯地址"])]
    sep = {"tab": T, "pipe": " | ", "cell_per_line": "\n"}[flat]
    d.t(sep.join(header) + "\n")
    for n in range(1, g.r.randint(3, 5)):
        nm, tg = g.person()
        d.t(f"{n}{sep}")
        put_person(d, g, nm, tg)
        d.t(sep)
        if g.chance(0.5):
            d.p("phone", g.mobile11())
        else:
            local = g.choice("2345678") + "".join(g.choice("0123456789") for _ in range(7))
            v = g.choice(
                [f"（{region[4]}）{local}", f"{region[4]} {local} 转 {g.r.randint(100, 999)}", f"宅电{local}"]
            )
            d.p("phone", v, tags={"private_landline", "table_row"})
        d.t(sep)
        d.p("home_address", g.home(region), tags={"addr_table"})
        d.t("\n")
    return d


NEW_HOME_LABELS = [
    "户籍：",
    "住所地址：",
    "现住地：",
    "居住地点：",
    "家庭住所：",
    "联系地址（送达地址）：",
    "住址（户籍）：",
]


def new_labels(g: G, i: int) -> Doc:
    d = Doc(f"dev12-labels-{i:03d}", tags={"home_address_label"})
    region = g.region()
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    d.t("\n税务行政处罚决定书\n")
    d.k("document_number", g.docno("罚"))
    d.t("\n当事人：")
    nm, tg = g.person()
    put_person(d, g, nm, tg)
    d.t("\n公民身份号码：")
    put_id(d, g)
    d.t("\n" + g.choice(NEW_HOME_LABELS))
    d.p("home_address", g.home(region))
    d.t("\n联系电话（座机）：")
    local = g.choice("2345678") + "".join(g.choice("0123456789") for _ in range(7))
    v = g.choice(
        [f"{region[4]}-{local}", f"{region[4]} {local}", f"（{region[4]}）{local}".translate(FULLWIDTH)]
    )
    d.p("phone", v, tags={"private_landline"})
    d.t("\n    经查，你于")
    d.k("date", g.day())
    d.t("取得经营所得未申报，少缴个人所得税")
    d.k("amount", g.amount_text() + "元")
    d.t("。\n")
    _sign(d, g, authority)
    return d


def generate_part12() -> list[dict]:
    return _part(SEED + 12, [(bank_invoice, 16), (cell_contacts, 14), (new_labels, 16)])


# ----------------------------------------------------------------------------- part 13 (written later)
# Written after part 12's fixes, before the masker was run on it: lists of persons in running text with
# no role word before the first name, and persons named once in a closing block.


LIST_OPENERS = ["涉案人员", "参与人员", "相关人员", "经营人员", "在场人员", "被约谈人员", "涉及的个人"]


def people_lists(g: G, i: int) -> Doc:
    d = Doc(f"dev13-lists-{i:03d}", tags={"narrative", "list_name"})
    region = g.region()
    authority = g.authority_of(region)
    d.k("authority_name", authority)
    d.t("\n税务稽查报告\n")
    d.k("document_number", g.docno("稽"))
    d.t("\n    " + g.choice(LIST_OPENERS) + g.choice(["：", "有", "包括", "为"]))
    for k in range(g.r.randint(2, 4)):
        if k:
            d.t("、")
        nm, tg = g.person()
        put_person(d, g, nm, tg)
    d.t(g.choice(["。", "等。", "，均已到场。"]))
    d.t("经查，上述人员于")
    d.k("date", g.day())
    d.t("起共同经营，收入")
    d.k("amount", g.amount_text() + "元")
    d.t("未申报。\n")
    if g.chance(0.6):
        d.t("    " + g.choice(["联系人", "经办人"]) + "：")
        nm, tg = g.person()
        put_person(d, g, nm, tg)
        d.t("（" + g.choice(["当事人之女", "当事人委托"]) + "），电话：")
        d.p("phone", g.mobile11())
        d.t("\n")
    _sign(d, g, authority)
    return d


def hkmt_table2(g: G, i: int) -> Doc:
    d = Doc(f"dev13-hkmt-{i:03d}", tags={"hkmt", "flat_tab"})
    region = g.region()
    d.k("authority_name", g.authority_of(region))
    d.t("\n个人所得税未申报人员名单\n序号\t姓名\t国籍（地区）\t身份证件号码\t应补税额\n")
    for n in range(1, g.r.randint(3, 5)):
        nm, tg = g.person()
        region_name, make = g.choice(
            [
                ("中国香港", hkmt_resident_id),
                ("中国澳门", hkmt_resident_id),
                ("中国台湾", hkmt_resident_id),
                ("中国香港", hk_id),
                ("中国台湾", tw_permit),
                ("中国澳门", macao_id),
            ]
        )
        d.t(f"{n}\t")
        put_person(d, g, nm, tg)
        d.t(f"\t{region_name}\t")
        value = make(g)
        d.p("id_number" if make is hkmt_resident_id else "passport", value)
        d.t("\t")
        d.k("amount", g.amount_text())
        d.t("\n")
    return d


def generate_part13() -> list[dict]:
    return _part(SEED + 13, [(people_lists, 18), (hkmt_table2, 10)])


def main() -> None:
    parts = (
        (generate(), "dev.jsonl"),
        (generate_part2(), "dev2.jsonl"),
        (generate_part3(), "dev3.jsonl"),
        (generate_part4(), "dev4.jsonl"),
        (generate_part5(), "dev5.jsonl"),
        (generate_part6(), "dev6.jsonl"),
        (generate_part7(), "dev7.jsonl"),
        (generate_part8(), "dev8.jsonl"),
        (generate_part9(), "dev9.jsonl"),
        (generate_part10(), "dev10.jsonl"),
        (generate_part11(), "dev11.jsonl"),
        (generate_part12(), "dev12.jsonl"),
        (generate_part13(), "dev13.jsonl"),
    )
    for records, name in parts:
        out = HERE / name
        with out.open("w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{len(records)} documents, {sum(len(r['text']) for r in records):,} characters -> {out}")


if __name__ == "__main__":
    main()
