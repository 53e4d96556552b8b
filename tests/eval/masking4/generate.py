"""Generate the masking4 corpus: ~400 labelled Chinese tax publications, seeded, byte-identical on rerun.

    python tests/eval/masking4/generate.py            # writes corpus.jsonl next to this file
    python tests/eval/masking4/generate.py --out X    # writes elsewhere (check.py compares the two)

Written from published formats (real decisions in ../shared/real, stored public pages), without reading
the masker, its tests or the other evaluation sets.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

import values as V
from doc import Cell, Doc, flatten, masked, personal, to_fullwidth
from values import PUBLIC, Person, Val

SEED = 4_2026_1207
N_DOCS = 400
HERE = Path(__file__).resolve().parent

ZIHAO = (
    "恒信",
    "华瑞",
    "鑫源",
    "泰和",
    "宏达",
    "盛世",
    "金鼎",
    "博远",
    "中联",
    "永兴",
    "德润",
    "利通",
    "天成",
    "锦程",
    "富邦",
    "新锐",
    "凯旋",
    "顺发",
    "腾飞",
    "嘉禾",
    "瑞丰",
    "弘毅",
    "聚力",
    "星辰",
    "海纳",
    "中科",
)
INDUSTRY = (
    "贸易",
    "商贸",
    "建筑工程",
    "科技",
    "电子",
    "物流",
    "餐饮管理",
    "房地产开发",
    "劳务派遣",
    "文化传媒",
    "网络科技",
    "供应链管理",
    "建材",
    "医药",
    "农业开发",
    "广告",
    "投资咨询",
    "人力资源",
    "电子商务",
    "矿业",
)
SUFFIX = ("有限公司", "有限公司", "有限责任公司", "股份有限公司", "合伙企业（有限合伙）")
SHOPS = (
    "便利店",
    "五金店",
    "小吃店",
    "副食店",
    "理发店",
    "汽车修理部",
    "服装店",
    "水果店",
    "建材经营部",
    "烧烤店",
    "茶庄",
)
BANKS = ("中国工商银行", "中国建设银行", "中国农业银行", "招商银行", "中国银行", "交通银行", "广西北部湾银行")
TAX_KINDS = (
    "增值税",
    "企业所得税",
    "个人所得税",
    "城市维护建设税",
    "印花税",
    "房产税",
    "城镇土地使用税",
    "土地增值税",
)
ID_LABELS = ("身份证件号码", "居民身份证号码", "证件号码", "公民身份号码", "身份证号")


def plain_forms(
    rng: random.Random, raw: str, groups: tuple[int, ...], prose: bool, extra: tuple[str, ...] = ()
) -> tuple[str, tuple[str, ...]]:
    """Write a number the way documents write it: plain mostly, else full-width, grouped, broken."""
    forms = (
        ["plain"] * 6
        + ["fullwidth", "spaced", "stray_space"]
        + (["linebreak"] if prose else [])
        + list(extra)
    )
    form = rng.choice(forms)
    if form == "plain":
        return raw, ()
    if form == "fullwidth":
        return to_fullwidth(raw), ("fullwidth",)
    if form in ("spaced", "hyphen"):
        sep = " " if form == "spaced" else "-"
        out, i = [], 0
        for g in groups:
            out.append(raw[i : i + g])
            i += g
        if i < len(raw):
            out.append(raw[i:])
        return sep.join(x for x in out if x), (form,)
    if form in ("stray_space", "linebreak"):
        cut = rng.randint(2, len(raw) - 2)
        return raw[:cut] + (" " if form == "stray_space" else "\n") + raw[cut:], (form,)
    if form == "lower_x":
        return raw.lower(), ("lower_x",)
    raise ValueError(form)


class Ctx:
    """Everything one document draws from: its authority, place, and value makers that label what they make."""

    def __init__(self, rng: random.Random, doc: Doc, prose: bool) -> None:
        self.r = rng
        self.d = doc
        self.prose = prose
        self.city = rng.choice(V.CITIES)
        self.district, self.dcode = rng.choice(self.city.districts)
        self.year = rng.choice((2024, 2025, 2025, 2026, 2026, 2026))
        short = self.city.name[0] if len(self.city.name) > 3 else self.city.name[:1]
        self.prefix = short + self.district[0]
        self.bureau = f"国家税务总局{self.city.name}{self.district}税务局"
        self.city_bureau = f"国家税务总局{self.city.name}税务局"
        self.inspection = f"国家税务总局{self.city.name}税务局第{rng.choice('一二三')}稽查局"
        self.tax_office = f"{self.bureau}第{rng.choice('一二三四')}税务所"

    # -- public values --------------------------------------------------------------------------
    def pub(self, text: str, type_: str, *tags: str) -> Val:
        return Val(text, type_, PUBLIC, tags)

    def auth(self, which: str = "bureau") -> Val:
        name = {
            "bureau": self.bureau,
            "city": self.city_bureau,
            "inspection": self.inspection,
            "office": self.tax_office,
        }[which]
        return self.pub(name, "authority_name")

    def docno(self, code: str) -> Val:
        n = self.r.randint(1, 3999)
        bracket = self.r.choice(("〔{}〕", "〔{}〕", "[{}]", "（{}）"))
        return self.pub(f"{self.prefix}税{code}{bracket.format(self.year)}{n}号", "doc_number")

    def company_name(self) -> Val:
        r = self.r
        if r.random() < 0.12:
            p = V.person(r, r.choice(("three", "two")))
            return self.pub(
                f"{self.city.name}{p.name}{r.choice(INDUSTRY)}{r.choice(SUFFIX)}",
                "org_name",
                "contains_person_name",
            )
        place = r.choice((self.city.name, self.city.name, self.city.name[:-1], self.city.province[:2]))
        return self.pub(f"{place}{r.choice(ZIHAO)}{r.choice(INDUSTRY)}{r.choice(SUFFIX)}", "org_name")

    def shop_name(self, owner: Person) -> Val:
        return self.pub(
            f"{self.city.name}{self.district}{owner.name}{self.r.choice(SHOPS)}",
            "getihu_name",
            "named_after_owner",
        )

    def shop_name_plain(self) -> Val:
        r = self.r
        return self.pub(f"{self.city.name}{self.district}{r.choice(ZIHAO)}{r.choice(SHOPS)}", "getihu_name")

    def law_firm(self) -> Val:
        return self.pub(f"{self.city.province[:2]}{self.r.choice(ZIHAO)}律师事务所", "org_name", "law_firm")

    def agency(self) -> Val:
        return self.pub(
            f"{self.city.name}{self.r.choice(ZIHAO)}税务师事务所有限公司", "org_name", "tax_agency"
        )

    def bank_branch(self) -> Val:
        return self.pub(
            f"{self.r.choice(BANKS)}{self.city.name[:-1]}{self.r.choice(V.STREETS)[:2]}支行",
            "org_name",
            "bank",
        )

    def uscc(self, kind: str = "91") -> Val:
        raw = V.uscc(self.r, self.dcode, kind)
        text, tags = plain_forms(self.r, raw, (2, 6, 9), self.prose) if self.r.random() < 0.3 else (raw, ())
        return self.pub(text, "uscc", *tags)

    def tpn_org(self) -> Val:
        raw = self.dcode + V.org_code(self.r)
        return self.pub(raw, "taxpayer_org", "old_15")

    def inv_code(self) -> Val:
        return self.pub(V.invoice_code(self.r, self.dcode), "invoice_code")

    def inv_no(self) -> Val:
        return self.pub(V.invoice_number(self.r), "invoice_number")

    def amount(self) -> Val:
        return self.pub(V.amount(self.r), "amount")

    def date(self, year: int | None = None) -> Val:
        return self.pub(V.date(self.r, year or self.year), "date")

    def url(self) -> Val:
        r = self.r
        site = self.city.site
        path = r.choice(
            (
                f"/col/col{r.randint(10000, 99999)}/index.html",
                f"/{site}/c{r.randint(100000, 999999)}/{r.randint(2019, 2026)}{r.randint(1, 12):02d}/{r.randint(1000000, 9999999)}.shtml",
                "",
                f"/art/{self.year}/{r.randint(1, 12)}/{r.randint(1, 28)}/art_{r.randint(10000, 99999)}_{r.randint(1000000, 99999999)}.html",
            )
        )
        return self.pub(f"{r.choice(('https://', 'http://', ''))}{site}.chinatax.gov.cn{path}", "url")

    def auth_phone(self) -> Val:
        r = self.r
        form = r.random()
        if form < 0.35:
            return self.pub("12366", "authority_phone", "12366")
        if form < 0.5:
            return self.pub(f"{self.city.area}-12366", "authority_phone", "12366")
        return self.pub(f"{self.city.area}-{V.local_number(r, self.city.area)}", "authority_phone")

    def auth_address(self) -> Val:
        r = self.r
        return self.pub(
            f"{self.city.name}{self.district}{r.choice(V.STREETS)}{r.randint(1, 300)}号", "authority_address"
        )

    def biz_address(self) -> Val:
        r = self.r
        form = r.random()
        base = f"{self.city.name}{self.district}{r.choice(V.STREETS)}{r.randint(1, 999)}号"
        if form < 0.4:
            text = f"{base}{r.choice(V.BUILDINGS)}{r.randint(1, 40)}{r.randint(1, 20):02d}室"
        elif form < 0.7:
            text = f"{self.city.name}{self.district}{r.choice(V.MARKETS)}{r.choice('ABCDE')}区{r.randint(1, 200)}号商铺"
        else:
            text = base + (f"{r.randint(1, 9)}号厂房" if r.random() < 0.5 else "")
        return self.pub(text, "business_address")

    # -- personal values ------------------------------------------------------------------------
    def name(self, p: Person, *tags: str) -> None:
        """Write a person's name: ``LATIN（中文）`` when the person has both."""
        if p.latin:
            self.d.v(personal(p.latin, "name", "latin_name", *p.tags, *tags))
            self.d.t("（")
            self.d.v(personal(p.name, "name", *p.tags, *tags))
            self.d.t("）")
        else:
            self.d.v(personal(p.name, "name", *p.tags, *tags))

    def name_cell(self, p: Person, *tags: str) -> Cell:
        if p.latin:
            return [
                personal(p.latin, "name", "latin_name", *p.tags, *tags),
                "（",
                personal(p.name, "name", *p.tags, *tags),
                "）",
            ]
        return [personal(p.name, "name", *p.tags, *tags)]

    def region(self) -> str:
        return self.r.choice((self.dcode, self.dcode, self.r.choice(self.r.choice(V.CITIES).districts)[1]))

    def resident_id(self, *tags: str, raw: str | None = None) -> Val:
        r = self.r
        if raw is None:
            if r.random() < 0.15:
                raw = V.resident_id15(r, self.region())
            else:
                raw = V.resident_id18(r, self.region(), want_x=r.random() < 0.25)
        kind = "id15" if len(raw) == 15 else "id18"
        extra = ("lower_x",) if raw.endswith("X") else ()
        text, ftags = plain_forms(r, raw, (6, 8, 4) if len(raw) == 18 else (6, 6, 3), self.prose, extra)
        xt = ("x_checksum",) if raw.endswith("X") else ()
        return personal(text, "resident_id", kind, *xt, *ftags, *tags)

    def new_id(self) -> str:
        r = self.r
        return V.resident_id18(r, self.region(), want_x=r.random() < 0.25)

    def tpn_person(self, id_raw: str, *tags: str) -> Val:
        r = self.r
        if r.random() < 0.7:
            raw = id_raw + r.choice(("01", "02", "00", "03"))
            t2 = ("id_plus_suffix",)
        else:
            raw = id_raw
            t2 = ("id_as_taxpayer_number",)
        text, ftags = plain_forms(r, raw, (6, 8, 4, 2), self.prose)
        return personal(text, "taxpayer_person", *t2, *ftags, *tags)

    def mobile(self, *tags: str) -> Val:
        r = self.r
        raw = V.mobile(r)
        form = r.random()
        if form < 0.1:
            return personal(
                r.choice(("+86 ", "+86-", "+86", "0086-", "0086 ", "（+86）")) + raw,
                "mobile",
                "plus86",
                *tags,
            )
        text, ftags = plain_forms(r, raw, (3, 4, 4), self.prose, ("hyphen", "spaced"))
        return personal(text, "mobile", *ftags, *tags)

    def landline(self, *tags: str) -> Val:
        r = self.r
        area, local = self.city.area, V.local_number(r, self.city.area)
        form = r.choice(("dash", "dash", "paren", "fparen", "space", "ext", "fullwidth", "emdash"))
        text = {
            "dash": f"{area}-{local}",
            "paren": f"({area}){local}",
            "fparen": f"（{area}）{local}",
            "space": f"{area} {local}",
            "ext": f"{area}-{local}{r.choice(('转', '-', '－', ' 分机'))}{r.randint(100, 8999)}",
            "fullwidth": to_fullwidth(f"{area}-{local}"),
            "emdash": f"{area}—{local}",
        }[form]
        ftags = {"ext": ("ext",), "fullwidth": ("fullwidth",)}.get(form, ())
        return personal(text, "landline", *ftags, *tags)

    def email(self, p: Person | None = None, *tags: str) -> Val:
        r = self.r
        local = r.choice(
            (
                "zhang",
                "li",
                "wang",
                "liuyang",
                "chen.jing",
                "hk_wong",
                "ouyang",
                "maimaiti",
                "xiaoyu",
                "tianye",
            )
        )
        local += r.choice(("", str(r.randint(1, 9999)), "_" + str(r.randint(70, 99))))
        domain = r.choice(
            (
                "qq.com",
                "163.com",
                "126.com",
                "gmail.com",
                "sina.com",
                "hotmail.com",
                "yeah.net",
                "foxmail.com",
            )
        )
        if domain == "qq.com" and r.random() < 0.5:
            local = str(r.randint(10000, 2999999999))
        form = r.random()
        if form < 0.15:
            return personal(f"{local}＠{domain}", "email", "fullwidth_at", *tags)
        if form < 0.22:
            return personal(to_fullwidth(f"{local}@{domain}"), "email", "fullwidth", *tags)
        if form < 0.27:
            return personal(f"{local} @ {domain}", "email", "spaced", *tags)
        return personal(f"{local}@{domain}", "email", *tags)

    def bank_card(self, *tags: str) -> Val:
        r = self.r
        raw = V.bank_card(r)
        text, ftags = plain_forms(r, raw, (4, 4, 4, 4), self.prose, ("spaced", "spaced"))
        return personal(text, "bank_card", f"len{len(raw)}", *ftags, *tags)

    def passport(self, *tags: str) -> Val:
        r = self.r
        raw = V.passport(r)
        if r.random() < 0.15:
            return personal(to_fullwidth(raw), "passport", "fullwidth", *tags)
        return personal(raw, "passport", *tags)

    def permit(self, kind: str, *tags: str) -> Val:
        raw = V.permit(self.r, kind)
        return personal(raw, "permit", kind, *tags)

    def residence_permit(self, where: str, *tags: str) -> Val:
        return personal(V.residence_permit(self.r, where), "permit", "residence_" + where, *tags)

    def home(self, *tags: str) -> Val:
        r = self.r
        c = r.choice(V.CITIES) if r.random() < 0.3 else self.city
        district = r.choice(c.districts)[0]
        prov = c.province if r.random() < 0.3 and c.province != c.name else ""
        form = r.random()
        if form < 0.5:
            text = f"{prov}{c.name}{district}{r.choice(V.STREETS)}{r.randint(1, 400)}号{r.choice(V.ESTATES)}{r.randint(1, 30)}栋{r.randint(1, 4)}单元{r.randint(1, 33)}{r.randint(1, 8):02d}号"
        elif form < 0.75:
            text = f"{prov}{c.name}{district}{r.choice(V.TOWNS)}{r.choice(V.VILLAGES)}{r.randint(1, 12)}组{r.randint(1, 120)}号"
        else:
            text = f"{prov}{c.name}{district}{r.choice(V.ESTATES)}{r.randint(1, 20)}-{r.randint(1, 3)}-{r.randint(101, 2802)}"
        return personal(text, "home_address", *tags)

    # -- already masked ---------------------------------------------------------------------------
    def masked_name(self) -> Val:
        return masked(V.masked_name(self.r), "masked_name")

    def masked_id(self) -> Val:
        r = self.r
        raw = self.new_id()
        form = r.choice(("mid", "tail", "uscc"))
        if form == "mid":
            return masked(raw[:6] + "********" + raw[-4:], "masked_number")
        if form == "tail":
            return masked(raw[:4] + "*" * 10 + raw[-4:], "masked_number")
        return masked(V.uscc(r, self.dcode)[:4] + "********" + str(r.randint(1000, 9999)), "masked_number")

    def masked_phone(self) -> Val:
        raw = V.mobile(self.r)
        return masked(raw[:3] + "****" + raw[-4:], "masked_number")


def ident_for(c: Ctx, p: Person, *tags: str) -> tuple[str, Val]:
    """The identity document a person of this kind shows: permits for HK/Macao/Taiwan, passports for foreigners."""
    r = c.r
    if p.latin:
        if "-" in p.latin:
            if r.random() < 0.6:
                return "台湾居民来往大陆通行证号码", c.permit("tw", "hk_macao_tw", *tags)
            return "台湾居民居住证号码", c.residence_permit("tw", "hk_macao_tw", *tags)
        form = r.random()
        if form < 0.5:
            return "港澳居民来往内地通行证号码", c.permit("hkmo", "hk_macao_tw", *tags)
        if form < 0.75:
            return "香港身份证号码", c.permit("hkid", "hk_macao_tw", *tags)
        return "港澳居民居住证号码", c.residence_permit(r.choice(("hk", "mo")), "hk_macao_tw", *tags)
    if "foreign" in p.tags or "pinyin" in p.tags or r.random() < 0.05:
        return "护照号码", c.passport(*tags)
    return r.choice(ID_LABELS), c.resident_id(*tags)


def party_person(
    c: Ctx,
    role_word: str,
    role_tag: str,
    p: Person | None = None,
    *,
    with_id: bool = True,
    with_home: bool = True,
    extra: str = "",
    policy: bool = False,
) -> Person:
    d, r = c.d, c.r
    p = p or V.person(r)
    tags = (role_tag,) + (("policy_public",) if policy else ())
    d.t(f"{role_word}：")
    c.name(p, *tags)
    if extra:
        d.t(extra)
    if with_id:
        label, ident = ident_for(c, p, role_tag)
        d.t(f"，{label}：").v(ident)
    if with_home:
        d.t(f"，{r.choice(('住址', '家庭住址', '户籍所在地', '现住址', '经常居住地'))}：")
        d.v(c.home(role_tag))
    if r.random() < 0.4:
        d.t(f"，{r.choice(('联系电话', '手机号码', '联系方式', '电话'))}：")
        d.v(c.mobile(role_tag) if r.random() < 0.75 else c.landline(role_tag))
    d.t("。\n")
    return p


def party_company(c: Ctx, role_word: str = "当事人", *, policy_rep: bool = False) -> tuple[Val, Person]:
    d, r = c.d, c.r
    name = c.company_name()
    d.t(f"{role_word}：").v(name).t("\n")
    if r.random() < 0.8:
        d.t("统一社会信用代码：").v(c.uscc()).t("\n")
    else:
        d.t("纳税人识别号：").v(c.tpn_org()).t("\n")
    rep = V.person(r)
    d.t(r.choice(("法定代表人", "法定代表人（负责人）", "负责人")) + "：")
    c.name(rep, "role_legal_rep", *(("policy_public",) if policy_rep else ()))
    d.t("\n")
    d.t(r.choice(("地址", "注册地址", "经营地址", "生产经营地址")) + "：").v(c.biz_address()).t("\n")
    return name, rep


def closing(c: Ctx, who: str = "bureau") -> None:
    d, r = c.d, c.r
    if r.random() < 0.7:
        d.t("\n税务机关地址：").v(c.auth_address()).t("\n")
        d.t(r.choice(("联系电话：", "咨询电话：", "办税服务厅电话：", "纳税服务热线："))).v(c.auth_phone()).t(
            "\n"
        )
    d.t("\n" + " " * r.randint(10, 24)).v(c.auth(who)).t("\n" + " " * r.randint(14, 26)).v(c.date()).t("\n")


def appeal(c: Ctx) -> None:
    d = c.d
    d.t("如对本决定不服，可以自收到本决定书之日起六十日内依法向")
    d.v(c.auth("city"))
    d.t("申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院起诉。\n")


# --------------------------------------------------------------------------------------------
# Prose documents
# --------------------------------------------------------------------------------------------


def k_penalty_simple(c: Ctx) -> None:
    d, r = c.d, c.r
    d.t(" " * 8).v(c.auth("office")).t("\n        税务行政处罚决定书（简易）\n        ").v(c.docno("简罚")).t(
        "\n\n"
    )
    minor = r.random() < 0.12
    p = party_person(c, "被处罚人", "role_party", with_home=r.random() < 0.6)
    id_raw = c.new_id()
    d.t("纳税人识别号：").v(c.tpn_person(id_raw, "role_party")).t("\n")
    if minor:
        g = V.person(r)
        d.t("法定代理人：")
        c.name(g, "role_guardian")
        d.t(f"（系{r.choice(('父亲', '母亲', '监护人'))}），证件号码：").v(c.resident_id("role_guardian")).t(
            "\n"
        )
    d.t("违法事实：你（单位）于").v(c.date()).t("至").v(c.date()).t(
        f"期间未按照规定期限办理{r.choice(TAX_KINDS)}纳税申报。\n"
    )
    d.t("处罚依据：《中华人民共和国税收征收管理法》第六十二条。\n处罚决定：罚款").v(c.amount()).t("。\n")
    d.t("罚款限你（单位）自本决定书送达之日起十五日内到").v(c.auth("office")).t(
        f"缴纳入库，或者通过{r.choice(('电子税务局', '银行转账', '手机APP'))}缴纳。"
    )
    if r.random() < 0.5:
        d.t("缴款账户：").v(c.bank_card("role_party", "payer_account")).t(f"（{r.choice(BANKS)}）。")
    d.t("到期不缴纳罚款，每日按罚款数额的百分之三加处罚款。\n")
    d.t("被处罚人签收：").v(personal(p.name, "name", *p.tags, "role_party", "signature", "repeat")).t(
        "  签收日期："
    ).v(c.date()).t("\n")
    d.t("执法人员：").v(c.masked_name()).t("、").v(c.masked_name()).t("\n")
    appeal(c)
    closing(c, "office")


def k_penalty_general(c: Ctx) -> None:
    d, r = c.d, c.r
    d.t(" " * 10).v(c.auth("inspection")).t("\n              税务行政处罚决定书\n              ").v(
        c.docno("稽罚")
    ).t("\n\n")
    getihu = r.random() < 0.3
    if getihu:
        owner = V.person(r, r.choice(("three", "two", "three")))
        shop = c.shop_name(owner)
        d.v(shop).t("（统一社会信用代码：").v(c.uscc("92")).t("）：\n")
        d.t("经营者：")
        c.name(owner, "role_owner", "owner_in_shop_name")
        d.t("，身份证件号码：").v(c.resident_id("role_owner")).t("，经营场所：").v(
            c.biz_address().with_tags("getihu")
        ).t("。\n")
    else:
        name, rep = party_company(c, "当事人", policy_rep=True)
    d.t("  我局于").v(c.date()).t("至").v(c.date()).t("对你")
    d.t("（单位）" if getihu else "公司").t("进行了检查，违法事实及处罚决定如下：\n一、违法事实\n")
    d.t("  你单位在").v(c.date()).t("取得").v(c.company_name()).t("开具的增值税专用发票").t(
        str(r.randint(2, 60))
    ).t("份（发票代码：")
    d.v(c.inv_code()).t("，发票号码：").v(c.inv_no()).t("—").v(c.inv_no()).t("），金额合计").v(c.amount()).t(
        "，税额"
    ).v(c.amount()).t("，经核实无真实交易。")
    if r.random() < 0.6:
        fin = V.person(r)
        d.t("经询问你单位财务负责人")
        c.name(fin, "role_finance")
        d.t("（身份证号：").v(c.resident_id("role_finance")).t("，电话：").v(c.mobile("role_finance")).t(
            "），"
        )
        d.t("其承认上述发票系通过中间人")
        mid = V.person(r)
        c.name(mid, "role_intermediary")
        d.t("介绍购买，款项经")
        c.name(mid, "role_intermediary", "repeat")
        d.t("个人银行账户").v(c.bank_card("role_intermediary")).t("回流。\n")
    else:
        d.t("\n")
    d.t("二、处罚决定\n  根据《中华人民共和国税收征收管理法》第六十三条第一款，对你单位少缴的税款").v(
        c.amount()
    )
    d.t(f"处{r.choice(('百分之五十', '0.5倍', '一倍', '百分之六十'))}的罚款").v(c.amount()).t("。\n")
    d.t("  以上应缴款项限你单位自本决定书送达之日起十五日内到").v(c.auth("bureau")).t(
        "办税服务厅缴纳入库。\n"
    )
    appeal(c)
    if r.random() < 0.5:
        d.t("本决定书同时在").v(c.url()).t("公开。\n")
    closing(c, "inspection")


def k_tax_handling(c: Ctx) -> None:
    """稽查 case with many natural persons around one enterprise: spouses, witnesses, agents."""
    d, r = c.d, c.r
    d.t(" " * 8).v(c.auth("inspection")).t("\n                税务处理决定书\n              ").v(
        c.docno("稽处")
    ).t("\n\n")
    name = c.company_name()
    d.v(name).t("（纳税人识别号：").v(c.uscc()).t("）：\n")
    d.t("  我局于").v(c.date()).t("至").v(c.date()).t("对你公司（地址：").v(c.biz_address()).t("）")
    d.v(c.date()).t("至").v(c.date()).t("期间的涉税情况进行了检查，违法事实及处理决定如下：\n一、违法事实\n")
    rep, spouse, ctrl = V.person(r), V.person(r), V.person(r)
    d.t("  你公司法定代表人")
    c.name(rep, "role_legal_rep")
    d.t("（居民身份证号码：").v(c.resident_id("role_legal_rep")).t("）与其配偶")
    c.name(spouse, "role_spouse")
    d.t("（身份证号码：").v(c.resident_id("role_spouse")).t("，住").v(c.home("role_spouse")).t(
        "）共同控制你公司的资金。"
    )
    d.t("经查，你公司将销售收入").v(c.amount()).t("通过")
    c.name(spouse, "role_spouse", "repeat")
    d.t("个人名下").v(c.bank_card("role_spouse")).t("（开户行：").v(c.bank_branch()).t("）收取，未申报纳税。")
    d.t("实际控制人")
    c.name(ctrl, "role_controller")
    if r.random() < 0.4:
        d.t("（护照号码：").v(c.passport("role_controller"))
    else:
        d.t("（证件号码：").v(c.resident_id("role_controller"))
    d.t("）负责安排资金回流。\n")
    if r.random() < 0.7:
        w = V.person(r)
        d.t("  证人")
        c.name(w, "role_witness")
        d.t(f"（{r.choice(('系你公司出纳', '系你公司原会计', '系开票员', '系仓库保管员'))}，联系电话：").v(
            c.mobile("role_witness")
        ).t("）证实，")
        d.t("上述款项均按")
        c.name(rep, "role_legal_rep", "repeat")
        d.t("的指示转出。")
    if r.random() < 0.6:
        agent = V.person(r)
        d.t("你公司委托").v(c.agency()).t("的")
        c.name(agent, "role_agent")
        d.t("（税务师，电子邮箱：").v(c.email(agent, "role_agent")).t("）代理申报。")
    d.t("\n  你公司开具发票代码").v(c.inv_code()).t("、号码").v(c.inv_no()).t("至").v(c.inv_no()).t(
        "的发票，价税合计"
    ).v(c.amount()).t("。\n")
    d.t("二、处理决定\n  根据《中华人民共和国增值税暂行条例》第一条，追缴你公司").v(c.date()).t(
        "所属期增值税"
    ).v(c.amount())
    d.t("，城市维护建设税").v(c.amount()).t("，并从滞纳税款之日起按日加收万分之五的滞纳金。\n")
    d.t("  限你公司自收到本决定书之日起十五日内到").v(c.auth("bureau")).t("缴纳上述税款及滞纳金。")
    d.t(
        "若同我局在纳税上发生争议，必须先依照本决定的期限缴纳税款及滞纳金或者提供相应的担保，然后可自上述款项缴清或者提供相应担保被税务机关确认之日起六十日内依法向"
    )
    d.v(c.auth("city")).t("申请行政复议。\n")
    closing(c, "inspection")


def k_reconsideration(c: Ctx) -> None:
    d, r = c.d, c.r
    d.t(" " * 12).v(c.auth("city")).t("\n             税务行政复议决定书\n             ").v(
        c.docno("复决")
    ).t("\n\n")
    if r.random() < 0.5:
        p = party_person(c, "申请人", "role_applicant")
        applicant_person = True
    else:
        party_company(c, "申请人")
        applicant_person = False
        p = V.person(r)
    lawyer = V.person(r)
    d.t("委托代理人：")
    c.name(lawyer, "role_lawyer")
    d.t("，").v(c.law_firm()).t("律师，联系电话：").v(
        c.mobile("role_lawyer") if r.random() < 0.6 else c.landline("role_lawyer")
    ).t("。\n")
    if r.random() < 0.4:
        lawyer2 = V.person(r)
        d.t("委托代理人：")
        c.name(lawyer2, "role_lawyer")
        d.t("，该所实习律师。\n")
    d.t("被申请人：").v(c.auth("bureau")).t("，住所地：").v(c.auth_address()).t("。\n")
    d.t("法定代表人：").v(c.masked_name()).t("，局长。\n")
    if r.random() < 0.35:
        third = V.person(r)
        d.t("第三人：")
        c.name(third, "role_third_party")
        d.t("，男，" if r.random() < 0.5 else "，女，").t(f"{r.randint(1955, 2000)}年出生，").t(
            f"{r.choice(('汉族', '壮族', '维吾尔族', '回族', '苗族'))}，住"
        ).v(c.home("role_third_party")).t("。\n")
    d.t("  申请人不服被申请人作出的").v(c.docno("罚")).t("《税务行政处罚决定书》，于").v(c.date()).t(
        "向本机关申请行政复议，本机关依法予以受理。"
    )
    d.t("申请人称：")
    if applicant_person:
        d.t("其于").v(c.date()).t("取得的劳务报酬").v(c.amount()).t("已由支付方代扣代缴，")
        c.name(p, "role_applicant", "repeat")
        d.t("本人并无偷税故意。")
    else:
        d.t("其已补缴税款").v(c.amount()).t("，请求撤销罚款。")
    d.t(
        "\n  本机关认为，被申请人认定事实清楚，证据确实充分。根据《中华人民共和国行政复议法》第六十八条，本机关决定：维持被申请人作出的上述决定。\n"
    )
    d.t("  申请人如不服本决定，可以自收到本决定书之日起十五日内向").v(
        c.pub(f"{c.city.name}{c.district}人民法院", "authority_name", "court")
    ).t("提起行政诉讼。\n")
    closing(c, "city")


def k_urge(c: Ctx) -> None:
    d, r = c.d, c.r
    d.t(" " * 10).v(c.auth("bureau")).t("\n                 催告书\n            ").v(c.docno("催")).t("\n\n")
    if r.random() < 0.5:
        name, rep = party_company(c, "当事人")
        sub = "你单位"
    else:
        owner = V.person(r, r.choice(("three", "two")))
        d.v(c.shop_name(owner)).t("（业主：")
        c.name(owner, "role_owner", "owner_in_shop_name")
        d.t("，纳税人识别号：").v(c.tpn_person(c.new_id(), "role_owner")).t("）：\n")
        sub = "你"
    d.t("  本机关于").v(c.date()).t("作出").v(c.docno("罚")).t(f"《税务行政处罚决定书》，对{sub}处以罚款").v(
        c.amount()
    ).t("。")
    d.t(
        f"{sub}至今未履行。根据《中华人民共和国行政强制法》第三十五条，现催告{sub}自收到本催告书之日起十日内缴纳罚款"
    ).v(c.amount())
    d.t("及加处罚款").v(c.amount()).t("。逾期仍不履行的，本机关将依法强制执行。\n")
    d.t(f"  {sub}有权进行陈述和申辩。联系人：").v(c.masked_name()).t("，联系电话：").v(c.auth_phone()).t(
        "。\n"
    )
    closing(c)


def k_correction(c: Ctx) -> None:
    d, r = c.d, c.r
    d.t(" " * 10).v(c.auth("office")).t("\n            责令限期改正通知书\n            ").v(
        c.docno("限改")
    ).t("\n\n")
    if r.random() < 0.5:
        p = V.person(r)
        c.name(p, "role_party")
        d.t("（纳税人识别号：").v(c.tpn_person(c.new_id(), "role_party")).t("）：\n")
        sub = "你"
    else:
        name = c.company_name()
        d.v(name).t("（统一社会信用代码：").v(c.uscc()).t("）：\n")
        sub = "你单位"
    d.t(f"  经查，{sub}存在下列违法行为：\n  1.未按规定期限办理").v(c.date()).t(
        f"所属期{r.choice(TAX_KINDS)}纳税申报；\n"
    )
    d.t("  2.未按规定将全部银行账号向税务机关报告（账号：").put(
        c.bank_card("role_party")
        if sub == "你"
        else f"{r.randint(10**11, 10**12 - 1)}{r.randint(1000, 9999)}"
    ).t("）。\n")
    d.t(f"  根据《中华人民共和国税收征收管理法》第六十条，限{sub}于").v(c.date()).t("前改正。")
    if r.random() < 0.5:
        d.t("  如有问题，请联系办税服务厅（地址：").v(c.auth_address()).t("，电话：").v(c.auth_phone()).t(
            "）。"
        )
    if sub == "你" and r.random() < 0.6:
        d.t("本通知书已于").v(c.date()).t("通过电子邮件").v(c.email(None, "role_party")).t("送达。")
    d.t("\n")
    closing(c, "office")


def k_preservation(c: Ctx) -> None:
    d, r = c.d, c.r
    d.t(" " * 10).v(c.auth("bureau")).t("\n           税收保全措施决定书（冻结存款适用）\n           ").v(
        c.docno("保冻")
    ).t("\n\n")
    if r.random() < 0.5:
        p = party_person(c, "纳税人", "role_party", with_home=r.random() < 0.5)
    else:
        owner = V.person(r, r.choice(("three", "two")))
        d.v(c.shop_name(owner)).t("（经营者")
        c.name(owner, "role_owner", "owner_in_shop_name")
        d.t("，统一社会信用代码：").v(c.uscc("92")).t("）：\n")
        p = owner
    d.t(
        "  因你有逃避纳税义务行为，在规定的纳税期限内未提供纳税担保，根据《中华人民共和国税收征收管理法》第三十八条第一款第（一）项规定，经"
    )
    d.v(c.auth("bureau")).t("局长批准，决定从").v(c.date()).t("起冻结")
    c.name(p, "role_party", "repeat")
    d.t("在").v(c.bank_branch()).t("的存款，账号：").v(c.bank_card("role_party")).t(
        "，冻结金额相当于应纳税款"
    ).v(c.amount()).t("。")
    if r.random() < 0.5:
        d.t("另冻结其在").v(c.bank_branch()).t("的账户").v(c.bank_card("role_party")).t("内的存款。")
    d.t("\n")
    appeal(c)
    closing(c)


def k_enforcement(c: Ctx) -> None:
    d, r = c.d, c.r
    d.t(" " * 10).v(c.auth("bureau")).t("\n           税收强制执行决定书（扣缴税收款项适用）\n           ").v(
        c.docno("强扣")
    ).t("\n\n")
    if r.random() < 0.5:
        name, rep = party_company(c, "被执行人")
        holder = None
    else:
        holder = party_person(c, "被执行人", "role_party", with_home=True)
    d.t("  你（单位）未按照").v(c.docno("通")).t("《税务事项通知书》规定的期限缴纳税款").v(c.amount()).t(
        "，经催告仍未缴纳，根据《中华人民共和国税收征收管理法》第四十条，经"
    )
    d.v(c.auth("bureau")).t("局长批准，决定从你（单位）在").v(c.bank_branch())
    if holder is not None:
        d.t("的个人账户").v(c.bank_card("role_party"))
    else:
        d.t(f"的存款账户{r.randint(10**13, 10**14 - 1)}")
    d.t("中扣缴税款").v(c.amount()).t("及滞纳金").v(c.amount()).t("。\n")
    if holder is not None and r.random() < 0.4:
        d.t("  同时对")
        c.name(holder, "role_party", "repeat")
        d.t("名下位于").v(c.home("role_party", "property")).t("的房产依法查封。\n")
    appeal(c)
    closing(c)


def k_exit_ban(c: Ctx) -> None:
    d, r = c.d, c.r
    d.t(" " * 10).v(c.auth("city")).t("\n                阻止出境决定书\n             ").v(c.docno("阻")).t(
        "\n\n"
    )
    company = r.random() < 0.6
    p = V.person(r, r.choice(("three", "three", "two", "compound", "latin_cn", "dot", "latin", "place")))
    if company:
        name = c.company_name()
        d.v(name).t("法定代表人")
        c.name(p, "role_legal_rep")
        d.t("：\n")
    else:
        c.name(p, "role_party")
        d.t("：\n")
    docs = r.choice(("passport", "hkmo", "tw", "exit", "res", "id"))
    d.t("  证件类型及号码：")
    if docs == "passport":
        d.t("护照，").v(c.passport("role_party"))
    elif docs == "hkmo":
        d.t("港澳居民来往内地通行证，").v(c.permit("hkmo", "role_party", "hk_macao_tw"))
        if r.random() < 0.5:
            d.t("；香港身份证：").v(c.permit("hkid", "role_party", "hk_macao_tw"))
    elif docs == "tw":
        d.t("台湾居民来往大陆通行证，").v(c.permit("tw", "role_party", "hk_macao_tw"))
    elif docs == "exit":
        d.t("往来港澳通行证，").v(c.permit("exit", "role_party")).t("；护照：").v(c.passport("role_party"))
    elif docs == "res":
        where = r.choice(("hk", "mo", "tw"))
        d.t(
            {"hk": "港澳台居民居住证（香港）", "mo": "港澳台居民居住证（澳门）", "tw": "台湾居民居住证"}[
                where
            ]
            + "，"
        ).v(c.residence_permit(where, "role_party", "hk_macao_tw"))
    else:
        d.t("居民身份证，").v(c.resident_id("role_party"))
    d.t("\n  ")
    d.t("你公司" if company else "你").t("欠缴税款").v(c.amount()).t("，滞纳金").v(c.amount()).t(
        "，在出境前未按照规定结清应纳税款、滞纳金又不提供纳税担保。"
    )
    d.t("根据《中华人民共和国税收征收管理法》第四十四条，本局已通知出入境管理机关阻止")
    c.name(p, "role_party", "repeat")
    d.t("出境。\n")
    appeal(c)
    closing(c, "city")


def k_iit_streamer(c: Ctx) -> None:
    d, r = c.d, c.r
    d.t(" " * 10).v(c.auth("inspection")).t("\n              税务行政处罚决定书\n             ").v(
        c.docno("稽罚")
    ).t("\n\n")
    p = V.person(r)
    stage = V.stage_name(r)
    d.t("当事人：")
    c.name(p, "role_party")
    quoted = r.random() < 0.7
    d.t("（网络主播，艺名“" if quoted else "（艺名：").v(personal(stage, "name", "stage_name", "role_party"))
    d.t("”）" if quoted else "）")
    d.t("\n身份证件号码：").v(c.resident_id("role_party")).t("\n")
    d.t("住址：").v(c.home("role_party")).t("\n")
    d.t("  经查，").v(personal(stage, "name", "stage_name", "role_party", "repeat")).t("（即")
    c.name(p, "role_party", "repeat")
    d.t("）在").v(c.date()).t("至").v(c.date()).t(
        f"期间通过{r.choice(('直播打赏', '直播带货', '广告代言', '影视片酬'))}取得收入"
    ).v(c.amount())
    d.t("，通过设立").v(c.shop_name_plain()).t(
        "等个人独资企业将劳务报酬所得转换为经营所得，少缴个人所得税"
    ).v(c.amount()).t("。")
    if r.random() < 0.6:
        mgr = V.person(r)
        d.t("其经纪人")
        c.name(mgr, "role_agent")
        d.t("（手机").v(c.mobile("role_agent")).t("，邮箱").v(c.email(mgr, "role_agent")).t(
            "）负责签订合同。"
        )
    if r.random() < 0.5:
        d.t("合作平台").v(c.company_name()).t("已提供收入明细。")
    d.t("\n  根据《中华人民共和国税收征收管理法》第六十三条第一款，对")
    c.name(p, "role_party", "repeat")
    d.t("追缴税款、加收滞纳金并处罚款，合计").v(c.amount()).t("。\n")
    appeal(c)
    closing(c, "inspection")


def k_social_insurance(c: Ctx) -> None:
    d, r = c.d, c.r
    d.t(" " * 10).v(c.auth("bureau")).t("\n        社会保险费限期缴纳决定书\n        ").v(c.docno("社限")).t(
        "\n\n"
    )
    name, rep = party_company(c, "缴费单位")
    d.t("  经核查，你单位").v(c.date()).t("至").v(c.date()).t("期间未足额为下列职工缴纳社会保险费，合计").v(
        c.amount()
    ).t("：\n")
    for i in range(r.randint(2, 5)):
        e = V.person(r)
        d.t(f"  {i + 1}.")
        c.name(e, "role_employee")
        d.t("，社会保障号码：").v(c.resident_id("role_employee")).t("，欠缴").v(c.amount()).t(
            f"（{r.choice(('养老保险', '医疗保险', '失业保险', '工伤保险'))}）；\n"
        )
    d.t(
        "  根据《中华人民共和国社会保险法》第八十六条，限你单位自收到本决定书之日起十五日内缴纳，逾期按日加收万分之五的滞纳金。"
    )
    if r.random() < 0.5:
        d.t("职工")
        c.name(V.person(r), "role_complainant")
        d.t("于").v(c.date()).t("投诉，本局已书面答复其本人。")
    d.t("\n")
    appeal(c)
    closing(c)


def k_hearing(c: Ctx) -> None:
    d, r = c.d, c.r
    d.t(" " * 10).v(c.auth("inspection")).t("\n            税务行政处罚事项告知书\n            ").v(
        c.docno("稽罚告")
    ).t("\n\n")
    minor = r.random() < 0.3
    p = V.person(r)
    c.name(p, "role_party")
    d.t("：\n")
    if minor:
        g = V.person(r)
        d.t("（法定代理人：")
        c.name(g, "role_guardian")
        d.t("，联系电话：").v(c.mobile("role_guardian")).t("，住址：").v(c.home("role_guardian")).t("）\n")
    d.t("  对你（单位）出租位于").v(c.home("role_party", "property")).t("的房屋取得租金收入").v(c.amount()).t(
        "未申报纳税的行为，拟处以罚款"
    ).v(c.amount()).t("。")
    d.t(
        "根据《中华人民共和国行政处罚法》第六十三条，你（单位）有要求听证的权利。可自收到本告知书之日起五日内向本局书面提出听证申请；逾期不提出，视为放弃听证权利。\n"
    )
    d.t("  听证地点：").v(c.auth_address()).t("。联系电话：").v(c.auth_phone()).t("。\n")
    if r.random() < 0.5:
        d.t("  送达回证由")
        c.name(p, "role_party", "repeat")
        d.t("的配偶")
        c.name(V.person(r), "role_spouse")
        d.t("代收，签收电话").v(c.mobile("role_spouse")).t("。\n")
    closing(c, "inspection")


def k_no_penalty(c: Ctx) -> None:
    d, r = c.d, c.r
    d.t(" " * 10).v(c.auth("office")).t("\n             不予税务行政处罚决定书\n             ").v(
        c.docno("不罚")
    ).t("\n\n")
    if r.random() < 0.5:
        owner = V.person(r, r.choice(("three", "two", "word")))
        d.t("当事人：").v(c.shop_name(owner)).t("\n经营者：")
        c.name(owner, "role_owner", "owner_in_shop_name")
        d.t("\n统一社会信用代码：").v(c.uscc("92")).t("\n经营地址：").v(
            c.biz_address().with_tags("getihu")
        ).t("\n")
        d.t("联系电话：").v(c.mobile("role_owner")).t("\n")
    else:
        party_company(c)
    d.t("  你（单位）").v(c.date()).t(
        f"所属期{r.choice(TAX_KINDS)}未按期申报，属于首次违法且危害后果轻微，在税务机关发现前主动改正。"
    )
    d.t(
        "根据《中华人民共和国行政处罚法》第三十三条第一款及《税务行政处罚“首违不罚”事项清单》，决定不予行政处罚。\n"
    )
    appeal(c)
    closing(c, "office")


def k_service_notice(c: Ctx) -> None:
    d, r = c.d, c.r
    d.v(c.auth("bureau")).t("\n税务文书公告送达\n").v(c.docno("公告")).t("\n\n")
    for _ in range(r.randint(1, 3)):
        if r.random() < 0.5:
            p = V.person(r)
            c.name(p, "role_party")
            d.t("（身份证件号码：").v(c.resident_id("role_party")).t("）：\n")
        else:
            d.v(c.company_name()).t("（纳税人识别号：").v(c.uscc()).t("，法定代表人：")
            c.name(V.person(r), "role_legal_rep")
            d.t("）：\n")
        d.t(
            "  因采用直接送达、留置送达、委托送达、邮寄送达等方式无法送达，根据《中华人民共和国税收征收管理法实施细则》第一百零六条，现将"
        ).v(c.docno("罚"))
        d.t("《税务行政处罚决定书》公告送达。主要内容：罚款").v(c.amount()).t(
            "。自公告之日起满三十日，即视为送达。\n\n"
        )
    d.t("联系人：").v(c.masked_name()).t("  联系电话：").v(c.auth_phone()).t("\n")
    if r.random() < 0.5:
        d.t("原住所地经实地核查为").v(c.home("role_party", "last_known")).t("，已无人居住。\n")
    closing(c)


# --------------------------------------------------------------------------------------------
# Lists (tables) in the six flattenings and HTML
# --------------------------------------------------------------------------------------------


def table_head(c: Ctx, title: str, intro: str) -> None:
    d = c.d
    d.v(c.auth("city" if c.r.random() < 0.5 else "bureau")).t(title + "\n")
    d.t(intro + "\n\n")


def table_foot(c: Ctx) -> None:
    d, r = c.d, c.r
    d.t("\n")
    if r.random() < 0.7:
        d.t("咨询电话：").v(c.auth_phone()).t("；网址：").v(c.url()).t("\n")
    d.v(c.auth("city")).t("\n").v(c.date()).t("\n")


def row_party(
    c: Ctx, policy: bool, allow_getihu: bool = True, allow_person: bool = True
) -> tuple[Cell, Cell, Cell, Cell]:
    """(纳税人名称, 识别号, 法定代表人/负责人/业主, 证件号码) cells for one list row."""
    r = c.r
    pol = ("policy_public",) if policy else ()
    form = r.random()
    if allow_getihu and form < 0.3:
        owner = V.person(r, r.choice(("three", "two", "three", "word")))
        id_raw = c.new_id()
        tpn: Val = c.uscc("92") if r.random() < 0.5 else c.tpn_person(id_raw, "role_owner")
        return (
            [c.shop_name(owner)],
            [tpn],
            c.name_cell(owner, "role_owner", "owner_in_shop_name", *pol),
            [c.resident_id("role_owner", raw=id_raw)],
        )
    if allow_person and form < 0.45:
        p = V.person(r)
        id_raw = c.new_id()
        return (
            c.name_cell(p, "role_party", *pol),
            [c.tpn_person(id_raw, "role_party")],
            c.name_cell(p, "role_party", "repeat_in_row", *pol),
            [
                c.resident_id("role_party", raw=id_raw)
                if not (p.latin or "foreign" in p.tags)
                else ident_for(c, p, "role_party")[1]
            ],
        )
    rep = V.person(r)
    code = c.uscc() if r.random() < 0.8 else c.tpn_org()
    ident = ident_for(c, rep, "role_legal_rep")[1]
    if r.random() < 0.08:
        ident = c.masked_id()
    return [c.company_name()], [code], c.name_cell(rep, "role_legal_rep", *pol), [ident]


def t_d_list(c: Ctx, layout: str) -> None:
    r = c.r
    table_head(
        c,
        f"关于公布{c.year - 1}年度纳税信用D级纳税人名单的公告",
        "根据《纳税信用管理办法》，现将评价为D级的纳税人名单公布如下：",
    )
    headers = ["序号", "纳税人名称", "纳税人识别号", "法定代表人或负责人", "身份证件号码", "评价年度"]
    rows = []
    for i in range(r.randint(3, 8)):
        name, tpn, rep, ident = row_party(c, policy=False, allow_person=False)
        rows.append([[str(i + 1)], name, tpn, rep, ident, [c.pub(f"{c.year - 1}年度", "date")]])
    flatten(c.d, headers, rows, layout)
    table_foot(c)


def t_arrears(c: Ctx, layout: str) -> None:
    r = c.r
    table_head(
        c,
        f"{c.year}年第{r.randint(1, 4)}期欠税公告",
        "根据《中华人民共和国税收征收管理法》第四十五条及《欠税公告办法》，现将欠税情况公告如下：",
    )
    headers = [
        "纳税人名称",
        "纳税人识别号",
        "法定代表人（负责人、业主）姓名",
        "证件号码",
        "经营地点",
        "欠税税种",
        "欠税余额（元）",
    ]
    rows = []
    for _ in range(r.randint(3, 7)):
        name, tpn, rep, ident = row_party(c, policy=True)
        place = c.biz_address()
        if name and isinstance(name[0], Val) and name[0].type == "name":
            place = c.home("role_party", "residence_as_place")
        rows.append(
            [
                name,
                tpn,
                rep,
                ident,
                [place],
                [r.choice(TAX_KINDS)],
                [c.pub(V.amount(r).rstrip("元"), "amount")],
            ]
        )
    flatten(c.d, headers, rows, layout)
    table_foot(c)


def t_abnormal(c: Ctx, layout: str) -> None:
    r = c.r
    table_head(
        c,
        "关于认定非正常户的公告",
        "下列纳税人未按照规定期限申报纳税，经实地核查，查无下落，现认定为非正常户：",
    )
    headers = ["纳税人识别号", "纳税人名称", "法定代表人", "证件号码", "注册地址", "认定日期"]
    rows = []
    for _ in range(r.randint(3, 8)):
        name, tpn, rep, ident = row_party(c, policy=True, allow_person=False)
        rows.append([tpn, name, rep, ident, [c.biz_address()], [c.date()]])
    flatten(c.d, headers, rows, layout)
    table_foot(c)


def t_sgs_penalty(c: Ctx, layout: str) -> None:
    r = c.r
    table_head(
        c,
        "行政处罚信息公示（双公示）",
        "依据《关于进一步做好“信用中国”网站行政许可和行政处罚等信用信息公示工作的通知》，公示如下：",
    )
    headers = [
        "行政相对人名称",
        "统一社会信用代码",
        "法定代表人",
        "证件号码",
        "处罚决定书文号",
        "处罚内容",
        "罚款金额（万元）",
        "处罚决定日期",
        "处罚机关",
    ]
    rows = []
    for _ in range(r.randint(2, 6)):
        name, tpn, rep, ident = row_party(c, policy=True, allow_person=r.random() < 0.5)
        rows.append(
            [
                name,
                tpn,
                rep,
                ident,
                [c.docno("罚")],
                [r.choice(("罚款", "罚款并没收违法所得", "警告"))],
                [c.pub(f"{r.randint(1, 900) / 10:.1f}", "amount")],
                [c.date()],
                [c.auth(r.choice(("bureau", "inspection")))],
            ]
        )
    flatten(c.d, headers, rows, layout)
    table_foot(c)


def t_sgs_license(c: Ctx, layout: str) -> None:
    r = c.r
    table_head(c, "行政许可信息公示", "增值税专用发票（增值税税控系统）最高开票限额审批结果如下：")
    headers = [
        "行政相对人名称",
        "统一社会信用代码",
        "法定代表人",
        "许可决定书文号",
        "许可内容",
        "许可决定日期",
        "有效期至",
        "许可机关",
        "经办人电话",
    ]
    rows = []
    for _ in range(r.randint(2, 6)):
        name, tpn, rep, _ident = row_party(c, policy=True, allow_person=False)
        contact: Val = c.mobile("role_contact") if r.random() < 0.5 else c.auth_phone()
        rows.append(
            [
                name,
                tpn,
                rep,
                [c.docno("许准")],
                [f"最高开票限额{r.choice(('十万元', '一百万元', '一万元'))}"],
                [c.date()],
                [c.date(c.year + 1)],
                [c.auth()],
                [contact],
            ]
        )
    flatten(c.d, headers, rows, layout)
    table_foot(c)


def t_service_list(c: Ctx, layout: str) -> None:
    r = c.r
    table_head(c, "税务文书送达公告", "下列受送达人的税务文书无法直接送达，现予公告送达：")
    headers = ["受送达人", "证件号码", "文书名称", "文书文号", "最后已知地址", "联系电话"]
    rows = []
    for _ in range(r.randint(2, 6)):
        if r.random() < 0.6:
            p = V.person(r)
            who: Cell = c.name_cell(p, "role_party")
            ident: Cell = [ident_for(c, p, "role_party")[1]] if r.random() < 0.85 else [c.masked_id()]
            addr: Cell = [c.home("role_party", "last_known")]
            phone: Cell = (
                [c.mobile("role_party") if r.random() < 0.5 else c.landline("role_party")]
                if r.random() < 0.8
                else [c.masked_phone()]
            )
        else:
            who, ident = [c.company_name()], [c.uscc()]
            addr, phone = [c.biz_address()], [c.auth_phone()]
        rows.append(
            [
                who,
                ident,
                [r.choice(("税务行政处罚决定书", "税务处理决定书", "税务事项通知书", "责令限期改正通知书"))],
                [c.docno("罚")],
                addr,
                phone,
            ]
        )
    flatten(c.d, headers, rows, layout)
    table_foot(c)


def t_si_list(c: Ctx, layout: str) -> None:
    r = c.r
    table_head(c, "社会保险费欠费单位及人员公示", "下列缴费单位及灵活就业人员欠缴社会保险费，现予公示：")
    headers = [
        "缴费人",
        "社会保障号码或信用代码",
        "险种",
        "欠费金额",
        "联系人",
        "联系人电话",
        "电子邮箱",
        "扣款账号",
    ]
    rows = []
    for _ in range(r.randint(3, 7)):
        if r.random() < 0.5:
            p = V.person(r)
            rows.append(
                [
                    c.name_cell(p, "role_party"),
                    [c.resident_id("role_party")],
                    ["城乡居民养老保险"],
                    [c.amount()],
                    c.name_cell(p, "role_party", "repeat_in_row"),
                    [c.mobile("role_party")],
                    [c.email(p, "role_party")],
                    [c.bank_card("role_party")],
                ]
            )
        else:
            contact = V.person(r)
            rows.append(
                [
                    [c.company_name()],
                    [c.uscc()],
                    ["职工基本养老保险"],
                    [c.amount()],
                    c.name_cell(contact, "role_contact"),
                    [c.landline("role_contact") if r.random() < 0.5 else c.mobile("role_contact")],
                    [c.email(contact, "role_contact")],
                    ["—"],
                ]
            )
    flatten(c.d, headers, rows, layout)
    table_foot(c)


def t_major_case(c: Ctx, layout: str) -> None:
    r = c.r
    table_head(
        c,
        "重大税收违法失信主体信息公布",
        "根据《重大税收违法失信主体信息公布管理办法》，现将有关信息公布如下：",
    )
    headers = [
        "纳税人名称",
        "统一社会信用代码",
        "注册地址",
        "法定代表人姓名",
        "法定代表人性别",
        "法定代表人身份证件号码",
        "负有直接责任的财务负责人",
        "财务负责人身份证件号码",
        "负有直接责任的中介机构",
        "主要违法事实",
        "处罚情况",
    ]
    rows = []
    for _ in range(r.randint(1, 3)):
        rep, fin = V.person(r), V.person(r)
        fin_id: Val = c.resident_id("role_finance")
        ag: Cell = [c.agency()] if r.random() < 0.4 else ["无"]
        facts = [
            "经",
            c.auth("inspection"),
            "检查，该纳税人在",
            c.date(),
            "至",
            c.date(),
            "期间，虚开增值税专用发票",
            str(r.randint(5, 300)),
            "份，金额",
            c.amount(),
            "。",
        ]
        rows.append(
            [
                [c.company_name()],
                [c.uscc()],
                [c.biz_address()],
                c.name_cell(rep, "role_legal_rep", "policy_public"),
                [r.choice("男女")],
                [ident_for(c, rep, "role_legal_rep")[1]],
                c.name_cell(fin, "role_finance", "policy_public"),
                [fin_id],
                ag,
                facts,
                ["处以罚款", c.amount()],
            ]
        )
    flatten(c.d, headers, rows, layout)
    table_foot(c)


PROSE: dict[str, Callable[[Ctx], None]] = {
    "penalty_simple": k_penalty_simple,
    "penalty_general": k_penalty_general,
    "tax_handling": k_tax_handling,
    "reconsideration": k_reconsideration,
    "urge": k_urge,
    "correction": k_correction,
    "preservation": k_preservation,
    "enforcement": k_enforcement,
    "exit_ban": k_exit_ban,
    "iit_streamer": k_iit_streamer,
    "social_insurance": k_social_insurance,
    "hearing_notice": k_hearing,
    "no_penalty": k_no_penalty,
    "service_notice": k_service_notice,
}
TABLES: dict[str, Callable[[Ctx, str], None]] = {
    "d_list": t_d_list,
    "arrears": t_arrears,
    "abnormal": t_abnormal,
    "sgs_penalty": t_sgs_penalty,
    "sgs_license": t_sgs_license,
    "service_list": t_service_list,
    "si_list": t_si_list,
    "major_case": t_major_case,
}
PROSE_LAYOUTS = ("prose", "pdf_wrap", "ocr")
TABLE_LAYOUTS = ("tab", "pipe", "cell_line", "space", "kv", "semicolon", "html")


def build(n_docs: int = N_DOCS, seed: int = SEED) -> list[dict[str, object]]:
    rng = random.Random(seed)
    plan = [(k, lay) for k in PROSE for lay in PROSE_LAYOUTS] + [
        (k, lay) for k in TABLES for lay in TABLE_LAYOUTS
    ]
    records = []
    for i in range(n_docs):
        kind, layout = plan[i % len(plan)]
        d = Doc(f"m4-{i + 1:04d}", kind, layout)
        if kind in PROSE:
            c = Ctx(rng, d, prose=True)
            PROSE[kind](c)
            if layout == "pdf_wrap":
                d.pdf_wrap(rng)
            elif layout == "ocr":
                d.ocr_noise(rng)
        else:
            c = Ctx(rng, d, prose=layout == "cell_line")
            TABLES[kind](c, layout)
        records.append(d.record())
    return records


def dump(records: list[dict[str, object]]) -> str:
    return "".join(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n" for rec in records)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "corpus.jsonl")
    args = parser.parse_args(argv)
    args.out.write_text(dump(build()), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
