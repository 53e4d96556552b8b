"""Generate the held-out masking corpus `corpus.jsonl` (fixed seed, reproducible).

    /work/main/.venv/bin/python tests/eval/masking2/generate.py

Written without reading the masker, its tests or the first evaluation set. Templates are modelled on
the published decisions in `/work/shared/real/national-tax-decisions/` (河池/南宁 稽查局: parties
with 纳税人识别号 in brackets, contact phones of 法定代表人/办税人 already masked as `185****4140`,
invoice codes and number ranges broken across lines by PDF/Word text extraction) and on the usual
public layouts of 双公示 records, 欠税公告, 非正常户公告, 送达公告, 听证告知 and 重大税收违法失信案件.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from values import REGIONS, Gen, to_fullwidth  # noqa: E402

SEED = 20261207
OUT = Path(__file__).resolve().parent / "corpus.jsonl"


class Doc:
    """Builds one document piece by piece, recording exact character offsets of labelled values."""

    def __init__(self, did: str, dtype: str) -> None:
        self.id = did
        self.dtype = dtype
        self.buf: list[str] = []
        self.pos = 0
        self.personal: list[dict] = []
        self.public: list[dict] = []
        self.masked: list[dict] = []
        self.tags: set[str] = {dtype}

    def t(self, s: str) -> Doc:
        self.buf.append(s)
        self.pos += len(s)
        return self

    def _span(self, s: str, typ: str, tags, ctx: str) -> dict:
        start = self.pos
        self.t(s)
        span = {"start": start, "end": self.pos, "type": typ, "tags": sorted(set(tags))}
        if ctx:
            span["context"] = ctx
        return span

    def p(self, s: str, typ: str, tags=(), ctx: str = "") -> Doc:
        self.personal.append(self._span(s, typ, tags, ctx))
        self.tags.update(tags)
        return self

    def u(self, s: str, typ: str, tags=(), ctx: str = "") -> Doc:
        self.public.append(self._span(s, typ, tags, ctx))
        return self

    def m(self, s: str) -> Doc:
        start = self.pos
        self.t(s)
        self.masked.append({"start": start, "end": self.pos})
        self.tags.add("already_masked")
        return self

    def out(self) -> dict:
        return {
            "id": self.id,
            "text": "".join(self.buf),
            "tags": sorted(self.tags),
            "personal": self.personal,
            "public": self.public,
            "already_masked": self.masked,
        }


class Writer:
    def __init__(self, seed: int) -> None:
        self.g = Gen(seed)
        self.r = self.g.r

    # ---- personal value renderings (hard cases) -------------------------------------------
    def name(self, d: Doc, ctx: str, allow_spaced: bool = True) -> str:
        name, tags = self.g.name()
        shown = name
        if allow_spaced and "·" not in name and " " not in name and self.r.random() < 0.08:
            shown, tags = self.g.spaced(name), [*tags, "spaced_name"]
        d.p(shown, "name", tags, ctx)
        return name

    def id_number(self, d: Doc, ctx: str, region=None, typ: str = "id_number") -> str:
        r = self.r
        roll = r.random()
        area = (region or r.choice(REGIONS))[3]
        if roll < 0.1:
            v, tags = self.g.id15(), ["id15"]
        elif roll < 0.25:
            v, tags = self.g.id18(area, want_x=True), ["id_x"]
        else:
            v, tags = self.g.id18(area), []
        if r.random() < 0.15 and "id_x" in tags:
            v = v[:-1] + "x"
            tags.append("id_lower_x")
        shown = v
        roll = r.random()
        if roll < 0.08:
            shown, tags = to_fullwidth(v), [*tags, "fullwidth"]
        elif roll < 0.15 and len(v) == 18:
            shown, tags = f"{v[:6]} {v[6:14]} {v[14:]}", [*tags, "spaced_digits"]
        elif roll < 0.21:
            k = r.randint(4, len(v) - 4)
            shown, tags = v[:k] + "\n" + v[k:], [*tags, "linebreak_in_value"]
        d.p(shown, typ, tags, ctx)
        return v

    def mobile(self, d: Doc, ctx: str) -> None:
        r = self.r
        v = self.g.mobile()
        roll = r.random()
        tags: list[str] = []
        if roll < 0.1:
            shown, tags = "+86 " + v if r.random() < 0.5 else "+86-" + v, ["plus86"]
        elif roll < 0.17:
            shown, tags = "0086" + r.choice(["", " ", "-"]) + v, ["0086"]
        elif roll < 0.27:
            shown, tags = f"{v[:3]} {v[3:7]} {v[7:]}", ["spaced_digits"]
        elif roll < 0.33:
            shown, tags = f"{v[:3]}-{v[3:7]}-{v[7:]}", ["hyphenated"]
        elif roll < 0.41:
            shown, tags = to_fullwidth(v), ["fullwidth"]
        elif roll < 0.46:
            k = r.randint(4, 7)
            shown, tags = v[:k] + "\n" + v[k:], ["linebreak_in_value"]
        else:
            shown = v
        d.p(shown, "mobile", tags, ctx)

    def landline(self, d: Doc, ctx: str, region) -> None:
        r = self.r
        area = region[4]
        n = self.g.landline(area)
        form = r.choice(["{a}-{n}", "（{a}）{n}", "{a} {n}", "{a}{n}", "({a}){n}"])
        shown = form.format(a=area, n=n)
        tags = ["landline_area_code"]
        if r.random() < 0.35:
            shown += r.choice(["-", "转", "分机", " ext."]) + str(r.randint(1, 9999))
            tags.append("landline_ext")
        d.p(shown, "landline", tags, ctx)

    def bank_card(self, d: Doc, ctx: str) -> None:
        r = self.r
        v = self.g.bank_card()
        roll = r.random()
        tags: list[str] = []
        if roll < 0.25:
            shown, tags = " ".join(v[i : i + 4] for i in range(0, len(v), 4)), ["spaced_digits"]
        elif roll < 0.33:
            shown, tags = to_fullwidth(v), ["fullwidth"]
        elif roll < 0.40:
            k = r.randint(4, len(v) - 4)
            shown, tags = v[:k] + "\n" + v[k:], ["linebreak_in_value"]
        else:
            shown = v
        d.p(shown, "bank_card", tags, ctx)

    def email(self, d: Doc, ctx: str) -> None:
        v = self.g.email()
        if self.r.random() < 0.12:
            d.p(v.replace("@", "＠"), "email", ["fullwidth"], ctx)
        else:
            d.p(v, "email", [], ctx)

    def home(self, d: Doc, ctx: str, region) -> None:
        d.p(self.g.home_address(region), "home_address", [], ctx)

    def phone_any(self, d: Doc, ctx: str, region) -> None:
        if self.r.random() < 0.75:
            self.mobile(d, ctx)
        else:
            self.landline(d, ctx, region)

    # ---- public renderings ----------------------------------------------------------------
    def ent(self, d: Doc, region) -> str:
        v = self.g.enterprise(region)
        d.u(v, "enterprise_name")
        return v

    def uscc(self, d: Doc, region, kind: str = "91", typ: str = "uscc") -> str:
        v = self.g.uscc(region[3], kind)
        d.u(v, typ)
        return v

    def amount(self, d: Doc) -> None:
        d.u(self.g.amount(), "amount")

    def date(self, d: Doc) -> None:
        d.u(self.g.date(), "date")

    def date_range(self, d: Doc) -> None:
        """Two dates joined by 至, in order."""
        a, b = sorted([self.g.ymd(), self.g.ymd()])
        d.u(self.g.date(a), "date")
        d.t("至")
        d.u(self.g.date(b), "date")

    def invoice_range(self, d: Doc, line_break: bool) -> None:
        """An invoice number range as Word/PDF extraction leaves it (the break after the hyphen)."""
        a = self.r.randint(0, 99_999_000)
        d.u(f"{a:08d}", "invoice_number")
        d.t("-\n" if line_break else "-")
        d.u(f"{a + self.r.randint(1, 99):08d}", "invoice_number", ["after_linebreak"] if line_break else [])

    def law(self, d: Doc) -> None:
        d.u(self.g.law(), "legal_article")

    def authority(self, d: Doc, region) -> str:
        v = self.g.authority(region)
        d.u(v, "authority_name")
        return v

    def docno(self, d: Doc, region, kind: str) -> None:
        d.u(self.g.doc_number(region, kind), "doc_number")

    def bizaddr(self, d: Doc, region) -> None:
        d.u(self.g.business_address(region), "business_address")

    def auth_phone(self, d: Doc, region) -> None:
        r = self.r
        roll = r.random()
        if roll < 0.4:
            d.u("12366", "authority_phone")
        else:
            area = region[4]
            d.u(
                r.choice(["{a}-{n}", "（{a}）{n}", "{a}{n}"]).format(a=area, n=self.g.landline(area)),
                "authority_phone",
            )

    def head(self, did: str, dtype: str, title: str, kind: str) -> tuple[Doc, tuple]:
        """Issuing authority, title and document number: the opening of most decisions."""
        reg = self.r.choice(REGIONS)
        d = Doc(did, dtype)
        self.authority(d, reg)
        d.t(title)
        self.docno(d, reg, kind)
        return d, reg

    def sign(self, d: Doc, reg) -> None:
        """The closing: issuing authority and date on their own lines."""
        self.authority(d, reg)
        d.t("\n")
        self.date(d)

    # =====================================================================================
    # Document templates
    # =====================================================================================
    def penalty_individual(self, did: str) -> Doc:
        """税务行政处罚决定书 to a natural person (个人所得税 / 发票违法 by an individual)."""
        r = self.r
        d, reg = self.head(did, "penalty_decision", "\n税务行政处罚决定书\n", "罚")
        d.t("\n\n")
        style = r.random()
        if style < 0.5:
            d.t("当事人：")
            self.name(d, "当事人（自然人）")
            d.t("\n身份证件号码：" if r.random() < 0.5 else "\n居民身份证号码：")
            self.id_number(d, "当事人身份证件号码", reg)
            d.t("\n" + r.choice(["住址", "住所", "户籍地址", "居住地"]) + "：")
            self.home(d, "当事人住址", reg)
            d.t("\n联系电话：")
            self.phone_any(d, "当事人联系电话", reg)
            d.t("\n")
        else:
            d.t("")
            nm = self.name(d, "当事人（自然人）", allow_spaced=False)
            d.t("（" + r.choice(["纳税人识别号", "身份证号码", "证件号码"]) + "：")
            self.id_number(d, "自然人纳税人识别号", reg, typ=r.choice(["id_number", "taxpayer_id_personal"]))
            d.t("，现住")
            self.home(d, "当事人现住址", reg)
            d.t("）：\n")
            del nm
        d.t("    经我局于")
        self.date_range(d)
        d.t("对你")
        if r.random() < 0.5:
            d.t("取得的劳务报酬所得及经营所得")
        else:
            d.t("从事网络直播取得收入")
        d.t("进行检查，发现你存在违法事实及处罚依据如下：\n一、违法事实\n    你于")
        self.date_range(d)
        d.t("期间，通过本人名下")
        d.t(
            r.choice(["中国农业银行", "中国建设银行", "中国工商银行", "招商银行", "中国邮政储蓄银行"])
            + "账户（卡号"
        )
        d.t(r.choice(["：", " ", "："]))
        self.bank_card(d, "当事人本人银行卡号")
        d.t("）收取")
        self.ent(d, reg)
        d.t("（统一社会信用代码：")
        self.uscc(d, reg)
        d.t("）支付的款项合计")
        self.amount(d)
        d.t("，未按规定申报缴纳个人所得税")
        self.amount(d)
        d.t("。\n二、处罚决定\n    根据")
        self.law(d)
        d.t("的规定，对你少缴的税款处百分之五十的罚款")
        self.amount(d)
        d.t("。\n    限你自本决定书送达之日起十五日内到")
        self.authority(d, reg)
        d.t("缴纳入库。到期不缴纳罚款，我局可依照")
        self.law(d)
        d.t(
            "规定，每日按罚款数额的百分之三加处罚款。\n    如对本决定不服，可以自收到本决定书之日起六十日内依法向"
        )
        d.u(f"国家税务总局{reg[1]}税务局", "authority_name")
        d.t("申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院起诉。\n")
        if r.random() < 0.4:
            d.t("    咨询电话：")
            self.auth_phone(d, reg)
            d.t("\n")
        d.t("\n")
        self.sign(d, reg)
        return d

    def penalty_enterprise(self, did: str) -> Doc:
        """处罚决定书 to an enterprise: company facts public, legal representative's data personal."""
        r = self.r
        d, reg = self.head(did, "penalty_decision", "\n税务行政处罚决定书\n", "罚")
        d.t("\n\n")
        self.ent(d, reg)
        d.t("：（纳税人识别号：" if r.random() < 0.5 else "（统一社会信用代码：")
        self.uscc(d, reg, typ=r.choice(["uscc", "enterprise_tin"]))
        d.t("）\n    地址：" if r.random() < 0.5 else "）\n    注册地址：")
        self.bizaddr(d, reg)
        d.t("\n    法定代表人：")
        self.name(d, "法定代表人（处罚决定书：作个人信息处理）")
        if r.random() < 0.6:
            d.t("，身份证号码：")
            self.id_number(d, "法定代表人身份证号码", reg)
        if r.random() < 0.5:
            d.t("，住址：")
            self.home(d, "法定代表人住址", reg)
        d.t("\n    经我局于")
        self.date_range(d)
        d.t("对你公司")
        self.date_range(d)
        d.t("期间的涉税情况进行检查，检查组拨打你公司法定代表人在金税三期税收征管系统中备案的联系电话")
        if r.random() < 0.5:
            self.phone_any(d, "法定代表人备案电话", reg)
        else:
            d.m(f"{self.g.mobile()[:3]}****{self.g.mobile()[7:]}")
        d.t("、办税人")
        self.name(d, "办税人")
        d.t("备案的联系电话")
        self.phone_any(d, "办税人备案电话", reg)
        d.t("，均无法联系。\n    你公司于")
        self.date(d)
        d.t("向")
        self.ent(d, reg)
        d.t("开具增值税专用发票")
        d.t(f"{r.randint(2, 80)}份，发票代码：")
        d.u(self.g.invoice_code(), "invoice_code")
        d.t("，发票号码：")
        self.invoice_range(d, r.random() < 0.4)
        d.t("，金额合计")
        self.amount(d)
        d.t("，税额合计")
        self.amount(d)
        d.t("。\n    根据")
        self.law(d)
        d.t("规定，对你公司处以罚款")
        self.amount(d)
        d.t("。\n    请登录")
        d.u(self.g.url(reg), "url")
        d.t(" 查询本决定书。\n")
        self.sign(d, reg)
        return d

    def handling_decision(self, did: str) -> Doc:
        """税务处理决定书 in the real 河池/南宁 style; invoice codes broken across lines."""
        r = self.r
        d, reg = self.head(did, "handling_decision", "\n 税务处理决定书\n   ", "处")
        d.t("\n\n")
        self.ent(d, reg)
        d.t("（纳税人识别号：")
        self.uscc(d, reg, typ="enterprise_tin")
        d.t("）：\n     我局于")
        self.date_range(d)
        d.t("对你公司（地址：")
        self.bizaddr(d, reg)
        d.t(
            "）的涉税情况进行了检查，违法事实及处理决定如下：\n   一、违法事实\n     你公司未在税务登记注册地址和生产经营地址经营，经拨打你公司法定代表人"
        )
        self.name(d, "法定代表人（处理决定书）")
        d.t("、财务负责人")
        self.name(d, "财务负责人")
        d.t("在系统中备案的联系电话")
        if r.random() < 0.5:
            d.m(f"{self.g.mobile()[:3]}****{self.g.mobile()[7:]}")
        else:
            self.mobile(d, "财务负责人备案电话")
        d.t("、")
        self.mobile(d, "财务负责人备案电话")
        d.t("，语音提示为关机或暂停服务。\n     你公司领用增值税专用发票")
        d.t(f"{r.randint(10, 200)}份，发票代码：")
        code = self.g.invoice_code()
        if r.random() < 0.4:
            k = r.randint(3, len(code) - 3)
            d.u(code[:k] + "\n" + code[k:], "invoice_code", ["linebreak_in_value"])
        else:
            d.u(code, "invoice_code")
        d.t("，发票号码：")
        for i in range(r.randint(1, 3)):
            if i:
                d.t("、")
            self.invoice_range(d, r.random() < 0.5)
            d.t(f"（{r.randint(1, 25)}份）")
        d.t("。销方名称：")
        for i in range(r.randint(2, 4)):
            if i:
                d.t("、")
            self.ent(d, r.choice(REGIONS))
        d.t("等公司，发票金额合计")
        self.amount(d)
        d.t("，税额合计")
        self.amount(d)
        d.t("。\n   二、处理决定及依据\n     根据")
        self.law(d)
        d.t("、")
        self.law(d)
        d.t("规定，追缴你公司增值税")
        self.amount(d)
        d.t(
            "，并从滞纳税款之日起按日加收滞纳税款万分之五的滞纳金。\n     你公司若同我局在纳税上有争议，可自收到本决定书之日起六十日内依法向"
        )
        d.u(f"国家税务总局{reg[1]}税务局", "authority_name")
        d.t("申请行政复议。\n\n")
        self.sign(d, reg)
        return d

    def _sgs_fields(self, d: Doc, reg, individual: bool) -> list:
        """(label, writer) pairs of a 双公示 administrative penalty record."""
        r = self.r
        fields: list = []
        if individual:
            owner, tags = self.g.name()
            shop = self.g.shop(owner, reg)
            fields.append(("行政相对人名称", lambda: d.u(shop, "shop_name", ["owner_in_shop"])))
            fields.append(("行政相对人类别", lambda: d.t("个体工商户")))
            fields.append(("统一社会信用代码", lambda: self.uscc(d, reg, kind="92")))
            fields.append(
                ("经营者姓名", lambda: d.p(owner, "name", [*tags, "owner_also_in_shop"], "个体工商户经营者"))
            )
            fields.append(("证件类型", lambda: d.t("身份证")))
            fields.append(("证件号码", lambda: self.id_number(d, "经营者身份证号码", reg)))
        else:
            fields.append(("行政相对人名称", lambda: self.ent(d, reg)))
            fields.append(("行政相对人类别", lambda: d.t("法人及非法人组织")))
            fields.append(("统一社会信用代码", lambda: self.uscc(d, reg)))
            fields.append(("法定代表人", lambda: self.name(d, "法定代表人（双公示：作个人信息处理）")))
            if r.random() < 0.5:
                fields.append(("法定代表人证件号码", lambda: self.id_number(d, "法定代表人证件号码", reg)))
        fields.append(("行政处罚决定书文号", lambda: self.docno(d, reg, "罚")))
        fields.append(
            (
                "违法行为类型",
                lambda: d.t(
                    r.choice(["未按规定期限办理纳税申报", "虚开发票", "逃避追缴欠税", "未按规定保管发票"])
                ),
            )
        )
        fields.append(("处罚依据", lambda: self.law(d)))
        fields.append(("罚款金额（万元）" if r.random() < 0.3 else "罚款金额", lambda: self.amount(d)))
        fields.append(("处罚决定日期", lambda: self.date(d)))
        fields.append(("处罚机关", lambda: self.authority(d, reg)))
        fields.append(("数据来源单位", lambda: self.authority(d, reg)))
        return fields

    def shuanggongshi(self, did: str) -> Doc:
        """双公示 record, flattened as key-value lines, ；-joined, one cell per line or a pipe row."""
        r = self.r
        reg = r.choice(REGIONS)
        d = Doc(did, "shuanggongshi")
        fields = self._sgs_fields(d, reg, individual=r.random() < 0.5)
        flat = r.choice(["kv_lines", "semicolon", "cell_per_line", "pipe_table", "tab_table"])
        d.tags.add(f"flat_{flat}")
        d.t("行政处罚信息公示\n")
        if flat in ("kv_lines", "semicolon"):
            sep = "\n" if flat == "kv_lines" else "；"
            for i, (label, write) in enumerate(fields):
                if i:
                    d.t(sep)
                d.t(label + "：")
                write()
            d.t("。" if flat == "semicolon" else "\n")
        elif flat == "cell_per_line":
            for label, _ in fields:
                d.t(label + "\n")
            for _, write in fields:
                write()
                d.t("\n")
        else:
            sep = " | " if flat == "pipe_table" else "\t"
            d.t(sep.join(label for label, _ in fields) + "\n")
            for i, (_, write) in enumerate(fields):
                if i:
                    d.t(sep)
                write()
            d.t("\n")
        return d

    def admin_license(self, did: str) -> Doc:
        """行政许可 (发票领用 / 增值税专用发票最高开票限额审批) to an individual business."""
        r = self.r
        reg = r.choice(REGIONS)
        d = Doc(did, "admin_license")
        d.t("准予税务行政许可决定书\n")
        self.docno(d, reg, "许准字")
        d.t("\n")
        owner, tags = self.g.name()
        d.u(self.g.shop(owner, reg), "shop_name", ["owner_in_shop"])
        d.t("（纳税人识别号：")
        if r.random() < 0.5:
            self.id_number(d, "个体工商户以经营者身份证号码为纳税人识别号", reg, typ="taxpayer_id_personal")
        else:
            self.uscc(d, reg, kind="92", typ="enterprise_tin")
        d.t("，经营者：")
        d.p(owner, "name", [*tags, "owner_also_in_shop"], "个体工商户经营者")
        d.t("，经营地址：")
        self.bizaddr(d, reg)
        d.t("）：\n    你（单位）于")
        self.date(d)
        d.t("提出的增值税专用发票最高开票限额审批申请，申请限额为")
        d.u(r.choice(["十万元", "一百万元", "1万元", "10万元"]), "amount")
        d.t("，经审查，符合法定条件、标准，根据")
        d.u("《中华人民共和国行政许可法》第三十八条第一款", "legal_article")
        d.t("的规定，决定准予行政许可。\n    联系人：")
        self.name(d, "申请人指定的联系人")
        d.t("，联系电话：")
        self.phone_any(d, "申请人联系人电话", reg)
        if r.random() < 0.4:
            d.t("，电子邮箱：")
            self.email(d, "申请人个人邮箱")
        d.t("。\n    办税服务厅咨询电话：")
        self.auth_phone(d, reg)
        d.t("\n")
        self.sign(d, reg)
        return d

    def _table(self, d: Doc, header: list[str], rows: list[list], flat: str) -> None:
        """Write a table in one flattening; each cell is a callable writing its content."""
        r = self.r
        d.tags.add(f"flat_{flat}")
        if flat in ("tab_table", "pipe_table", "space_table"):
            sep = {"tab_table": "\t", "pipe_table": "|", "space_table": "  "}[flat]
            if flat == "pipe_table":
                d.t("|" + "|".join(header) + "|\n")
            else:
                d.t(sep.join(header) + "\n")
            for row in rows:
                if flat == "pipe_table":
                    d.t("|")
                for i, cell in enumerate(row):
                    if i and flat != "pipe_table":
                        d.t(sep if flat != "space_table" else " " * r.randint(2, 6))
                    cell()
                    if flat == "pipe_table":
                        d.t("|")
                d.t("\n")
        elif flat == "cell_per_line":
            d.t("\n".join(header) + "\n")
            for row in rows:
                for cell in row:
                    cell()
                    d.t("\n")
        elif flat == "kv_lines":
            for n, row in enumerate(rows, 1):
                d.t(f"{n}.\n")
                for h, cell in zip(header, row, strict=True):
                    d.t(h + "：")
                    cell()
                    d.t("\n")
        else:  # semicolon
            for n, row in enumerate(rows, 1):
                d.t(f"{n}、")
                for i, (h, cell) in enumerate(zip(header, row, strict=True)):
                    if i:
                        d.t("；")
                    d.t(h + "：")
                    cell()
                d.t("。\n")

    FLATS = ["tab_table", "pipe_table", "space_table", "cell_per_line", "kv_lines", "semicolon"]

    def arrears_notice(self, did: str) -> Doc:
        """欠税公告: company facts public, 法定代表人(负责人) name and ID personal."""
        r = self.r
        reg = r.choice(REGIONS)
        d = Doc(did, "arrears_notice")
        self.authority(d, reg)
        d.t("欠税公告\n")
        d.u(f"{reg[5]}税公告〔{r.choice([2024, 2025, 2026])}〕{r.randint(1, 40)}号", "doc_number")
        d.t("\n    根据")
        d.u("《中华人民共和国税收征收管理法》第四十五条", "legal_article")
        d.t("及《欠税公告办法（试行）》的规定，现将截至")
        self.date(d)
        d.t("的欠税情况公告如下：\n")
        header = [
            "纳税人名称",
            "纳税人识别号",
            "法定代表人（负责人）姓名",
            "身份证件号码",
            "经营地点",
            "欠税税种",
            "欠税余额（元）",
        ]
        rows = []
        for _ in range(r.randint(2, 5)):
            if r.random() < 0.35:
                owner, tags = self.g.name()
                shop = self.g.shop(owner, reg)
                rows.append(
                    [
                        lambda shop=shop: d.u(shop, "shop_name", ["owner_in_shop"]),
                        lambda: self.id_number(
                            d, "个体工商户纳税人识别号（身份证号码）", reg, typ="taxpayer_id_personal"
                        ),
                        lambda owner=owner, tags=tags: d.p(
                            owner, "name", [*tags, "owner_also_in_shop"], "个体工商户负责人"
                        ),
                        lambda: self.id_number(d, "负责人身份证件号码", reg),
                        lambda: self.bizaddr(d, reg),
                        lambda: d.t(r.choice(["增值税", "个人所得税", "城市维护建设税"])),
                        lambda: d.u(f"{r.randint(100, 999999)}.{r.randint(0, 99):02d}", "amount"),
                    ]
                )
            else:
                same = r.random() < 0.15
                rows.append(
                    [
                        lambda: self.ent(d, reg),
                        lambda: self.uscc(d, reg, typ=r.choice(["uscc", "enterprise_tin"])),
                        lambda: self.name(d, "法定代表人（欠税公告：作个人信息处理）"),
                        (lambda: d.m(f"{self.g.id18()[:4]}{'*' * 10}{self.g.id18()[-4:]}"))
                        if same
                        else (lambda: self.id_number(d, "法定代表人身份证件号码", reg)),
                        lambda: self.bizaddr(d, reg),
                        lambda: d.t(r.choice(["增值税", "企业所得税", "印花税", "房产税"])),
                        lambda: d.u(f"{r.randint(1000, 9999999):,}.{r.randint(0, 99):02d}", "amount"),
                    ]
                )
        self._table(d, header, rows, r.choice(self.FLATS))
        d.t("    特此公告。\n")
        self.sign(d, reg)
        return d

    def abnormal_notice(self, did: str) -> Doc:
        """非正常户公告 with names repeated in a row (法定代表人 = 财务负责人)."""
        r = self.r
        reg = r.choice(REGIONS)
        d = Doc(did, "abnormal_notice")
        self.authority(d, reg)
        d.t("关于认定非正常户的公告\n    根据")
        d.u("《税务登记管理办法》第四十条", "legal_article")
        d.t(
            "规定，下列纳税人未按照规定的期限申报纳税，经税务机关责令限期改正后，逾期仍不改正，且经实地检查无法找到，现认定为非正常户，予以公告：\n"
        )
        header = [
            "序号",
            "纳税人识别号",
            "纳税人名称",
            "法定代表人",
            "财务负责人",
            "登记注册地址",
            "认定日期",
        ]
        rows = []
        for n in range(1, r.randint(3, 6)):
            fin_same = r.random() < 0.3
            holder: dict = {}

            def legal(holder=holder):
                name, tags = self.g.name()
                holder["n"], holder["t"] = name, tags
                d.p(name, "name", tags, "法定代表人（非正常户公告）")

            def fin(holder=holder, fin_same=fin_same):
                if fin_same:
                    d.p(
                        holder["n"],
                        "name",
                        [*holder["t"], "repeated_name"],
                        "财务负责人（与法定代表人同一人）",
                    )
                else:
                    self.name(d, "财务负责人")

            rows.append(
                [
                    lambda n=n: d.t(str(n)),
                    lambda: self.uscc(d, reg, typ="enterprise_tin"),
                    lambda: self.ent(d, reg),
                    legal,
                    fin,
                    lambda: self.bizaddr(d, reg),
                    lambda: self.date(d),
                ]
            )
        self._table(d, header, rows, r.choice(self.FLATS))
        d.t("    咨询电话：")
        self.auth_phone(d, reg)
        d.t("\n    特此公告。\n")
        self.sign(d, reg)
        return d

    def service_notice(self, did: str) -> Doc:
        """税务文书送达公告 addressed to a natural person (户籍地址, 电子送达邮箱)."""
        r = self.r
        reg = r.choice(REGIONS)
        d = Doc(did, "service_notice")
        self.authority(d, reg)
        d.t(r.choice(["税务文书送达公告\n", "公告送达\n"]))
        d.u(f"{reg[5]}税稽送公〔{r.choice([2024, 2025, 2026])}〕{r.randint(1, 200)}号", "doc_number")
        d.t("\n")
        self.name(d, "受送达人（自然人）")
        d.t("（" + r.choice(["身份证号码", "公民身份号码", "身份证件号码"]) + "：")
        self.id_number(d, "受送达人身份证号码", reg)
        d.t("，" + r.choice(["户籍地址", "户籍所在地", "住址"]) + "：")
        self.home(d, "受送达人户籍地址", reg)
        d.t("）：\n    因采用直接送达、留置送达、邮寄送达等方式均无法向你送达，我局已于")
        self.date(d)
        d.t("向你原预留的电子送达地址")
        self.email(d, "受送达人电子送达邮箱")
        d.t("发送通知未获回复。根据")
        d.u("《中华人民共和国税收征收管理法实施细则》第一百零六条", "legal_article")
        d.t("规定，现向你公告送达《税务处理决定书》（")
        self.docno(d, reg, "处")
        d.t("）。自公告之日起满三十日，即视为送达。\n    你的配偶")
        self.name(d, "受送达人配偶")
        d.t("（联系电话")
        self.phone_any(d, "受送达人配偶电话", reg)
        d.t("）亦可代为签收。\n    联系地址：")
        self.bizaddr(d, reg)
        d.t("  联系电话：")
        self.auth_phone(d, reg)
        d.t("\n    特此公告。\n")
        self.sign(d, reg)
        return d

    def hearing_notice(self, did: str) -> Doc:
        """税务行政处罚事项告知书 (听证告知)."""
        r = self.r
        d, reg = self.head(did, "hearing_notice", "\n税务行政处罚事项告知书\n", "告")
        d.t("\n")
        if r.random() < 0.5:
            self.name(d, "当事人（自然人）")
            d.t("：\n    对你（身份证件号码")
            self.id_number(d, "当事人身份证件号码", reg)
            d.t("）")
        else:
            self.ent(d, reg)
            d.t("（")
            self.uscc(d, reg)
            d.t("，法定代表人")
            self.name(d, "法定代表人（告知书）")
            d.t("）：\n    对你单位")
        d.t("的税收违法行为拟于")
        self.date(d)
        d.t("之前作出行政处罚决定，根据")
        d.u("《中华人民共和国行政处罚法》第四十四条、第六十三条", "legal_article")
        d.t("规定，现将有关事项告知如下：\n    一、税收违法事实及处罚依据：未按规定取得发票")
        d.t(f"{r.randint(1, 40)}份，金额")
        self.amount(d)
        d.t("，依照")
        self.law(d)
        d.t("规定，拟处罚款")
        self.amount(d)
        d.t(
            "。\n    二、你有陈述、申辩的权利；拟罚款数额达到听证标准的，你有要求听证的权利。可自收到本告知书之日起五个工作日内向本局书面提出听证申请；逾期不提出，视为放弃听证权利。\n    联系人："
        )
        d.u(r.choice(["案件审理科", "法制科", "稽查一科"]), "authority_name")
        d.t("，电话：")
        self.auth_phone(d, reg)
        d.t("，地址：")
        self.bizaddr(d, reg)
        d.t("\n")
        self.sign(d, reg)
        return d

    def major_case(self, did: str) -> Doc:
        """重大税收违法失信案件信息: legal representative's name public by law (context), ID in doubt."""
        r = self.r
        reg = r.choice(REGIONS)
        d = Doc(did, "major_case")
        d.t("重大税收违法失信主体信息\n纳税人名称：")
        self.ent(d, reg)
        d.t("\n统一社会信用代码（纳税人识别号）：")
        self.uscc(d, reg)
        d.t("\n注册地址：")
        self.bizaddr(d, reg)
        d.t("\n法定代表人或者负责人姓名：")
        name, tags = self.g.name()
        d.u(
            name,
            "name_public_legal_rep",
            tags,
            "重大税收违法失信案件的法定代表人姓名依法公布（国家税务总局令第54号）",
        )
        d.t("，性别：" + r.choice(["男", "女"]) + "，身份证件号码：")
        if r.random() < 0.6:
            v = self.g.id18()
            d.m(v[:6] + "*" * 8 + v[-4:] if r.random() < 0.5 else v[:4] + "*" * 10 + v[-4:])
        else:
            self.id_number(d, "重大案件法定代表人证件号码：法规允许公布但未作部分遮蔽，存疑按个人信息", reg)
        if r.random() < 0.5:
            d.t("\n负有直接责任的财务负责人姓名：")
            self.name(d, "财务负责人（存疑按个人信息处理）")
        if r.random() < 0.4:
            d.t("\n负有直接责任的中介机构信息：")
            self.ent(d, reg)
            d.t("，从业人员：")
            self.name(d, "中介机构从业人员")
        d.t("\n案件性质：" + r.choice(["虚开增值税专用发票", "偷税", "逃避追缴欠税", "骗取出口退税"]))
        d.t("\n主要违法事实：经")
        self.authority(d, reg)
        d.t("检查，发现其在")
        self.date_range(d)
        d.t("期间，主要存在以下问题：虚开增值税专用发票")
        d.t(f"{r.randint(10, 300)}份，金额")
        self.amount(d)
        d.t("，税额")
        self.amount(d)
        d.t("。\n相关法律依据及税务处理处罚情况：依照")
        self.law(d)
        d.t("等相关法律法规的规定，对其处以罚款")
        self.amount(d)
        d.t("。\n")
        return d

    def evidence_list(self, did: str) -> Doc:
        """PDF-extracted 证据清单 / 送达回证 with signatures doubled by extraction and masked names."""
        r = self.r
        reg = r.choice(REGIONS)
        d = Doc(did, "service_receipt")
        d.t("税务文书送达回证\n送达文书名称\n《税务检查通知书》（")
        self.docno(d, reg, "检通")
        d.t("）\n受送达人\n")
        self.ent(d, reg)
        d.t("\n送达地点\n")
        self.bizaddr(d, reg)
        d.t("\n受送达人签名或盖章\n")
        name, tags = self.g.name()
        d.p(name, "name", tags, "签收人")
        d.p(name, "name", [*tags, "repeated_name"], "签收人（PDF 抽取重复）")
        d.t("\n")
        self.date(d)
        d.t("\n代收人代收理由、签名\n")
        if r.random() < 0.5:
            d.m(r.choice(["XXX", "×××", "***"]))
        else:
            d.m(name[0] + "**" if "·" not in name and " " not in name else "**")
        d.t("\n送达人\n")
        d.m(r.choice(["李某", "王某某", "张*", "XXX"]))
        d.t("、")
        d.m(r.choice(["刘某", "陈某某", "赵*"]))
        d.t("\n证据清单\n1.询问笔录（被询问人：")
        self.name(d, "被询问人")
        d.t("，联系电话：")
        self.phone_any(d, "被询问人电话", reg)
        d.t("）\n2.银行流水（户名：")
        self.name(d, "银行账户户名")
        d.t("，账号：")
        self.bank_card(d, "个人银行账号")
        d.t("）\n3.证件复印件（")
        v = self.g.id18()
        d.m(v[:4] + "*" * 10 + v[-4:])
        d.t("）\n4.")
        self.ent(d, reg)
        d.t("营业执照复印件（统一社会信用代码：")
        self.uscc(d, reg)
        d.t("）\n")
        return d

    def cross_border(self, did: str) -> Doc:
        """港澳台/外籍 individuals: passports, permits; some in traditional characters."""
        r = self.r
        reg = r.choice(REGIONS)
        trad = r.random() < 0.5
        d = Doc(did, "penalty_decision")
        d.tags.add("cross_border")
        if trad:
            d.tags.add("traditional_doc")
        self.authority(d, reg)
        d.t("\n稅務行政處罰決定書\n" if trad else "\n税务行政处罚决定书（简易）\n")
        self.docno(d, reg, "简罚")
        d.t("\n當事人：" if trad else "\n当事人：")
        which = r.random()
        if which < 0.4:
            name = r.choice(
                ["ZHANG Wei", "John SMITH", "Maria GARCIA", "TANAKA Hiroshi", "KIM Min-jun", "David BROWN"]
            )
            d.p(name, "name", ["latin_name"], "外籍当事人")
            d.t("，國籍：" if trad else "，国籍：")
            d.t(r.choice(["美国", "西班牙", "日本", "韩国", "英国"]))
            d.t("，護照號碼：" if trad else "，护照号码：")
            d.p(self.g.passport(), "passport", [], "当事人护照号码")
        else:
            name = r.choice(["陳國華", "張偉", "劉曉東", "黃麗華", "林嘉慧", "鄭鴻達", "吳淑貞", "蕭志偉"])
            d.p(name, "name", ["traditional"], "港澳台当事人")
            label, v = self.g.permit()
            d.t("，" + label + "：")
            d.p(v, "hk_macao_tw_permit", [], "当事人通行证号码")
        d.t("，聯繫電話：" if trad else "，联系电话：")
        self.mobile(d, "当事人电话")
        if r.random() < 0.5:
            d.t("，居住地：")
            self.home(d, "当事人境内居住地", reg)
        d.t("\n    你於" if trad else "\n    你于")
        self.date(d)
        d.t("在")
        self.ent(d, reg)
        d.t("取得勞務報酬所得" if trad else "取得劳务报酬所得")
        self.amount(d)
        d.t("，未按規定申報。依據" if trad else "，未按规定申报。依据")
        self.law(d)
        d.t("，處以罰款" if trad else "，处以罚款")
        self.amount(d)
        d.t("。\n")
        self.sign(d, reg)
        return d


TEMPLATES = [
    ("penalty_individual", 55),
    ("penalty_enterprise", 50),
    ("handling_decision", 40),
    ("shuanggongshi", 60),
    ("admin_license", 35),
    ("arrears_notice", 45),
    ("abnormal_notice", 40),
    ("service_notice", 45),
    ("hearing_notice", 35),
    ("major_case", 35),
    ("evidence_list", 40),
    ("cross_border", 30),
]


def build(seed: int = SEED) -> list[dict]:
    w = Writer(seed)
    docs = []
    for template, count in TEMPLATES:
        for i in range(count):
            docs.append(getattr(w, template)(f"{template}-{i:03d}").out())
    return docs


def main() -> None:
    docs = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    personal = sum(len(d["personal"]) for d in docs)
    public = sum(len(d["public"]) for d in docs)
    masked = sum(len(d["already_masked"]) for d in docs)
    print(f"{len(docs)} documents, {personal} personal, {public} public, {masked} already masked -> {OUT}")


if __name__ == "__main__":
    main()
