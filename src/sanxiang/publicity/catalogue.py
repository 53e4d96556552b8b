"""The default catalogue: categories, items, their fields and rule versions (plain data, no Django).

Loaded by migration ``0002_default_catalogue``; administrators edit the rows afterwards. Every rule
cites its source and how sure it is (RULES.md marks: confirmed ✅ / partly 🟡 / unconfirmed ❓).
"""

from __future__ import annotations

from typing import Any

OFFICER = "enforcement_officer"
APPROVER = "publicity_approver"
ADMIN = "administrator"


def f(
    key: str, label: str, type_: str = "text", *, required: bool = False, aliases: tuple = (), **extra: Any
):
    return {
        "key": key,
        "label": label,
        "type": type_,
        "required": required,
        "aliases": list(aliases),
        **extra,
    }


PARTY = f(
    "party_name", "当事人名称", required=True, aliases=("当事人", "行政相对人名称", "纳税人名称", "名称")
)
SUBJECT = f(
    "subject_type",
    "主体类型",
    "choice",
    aliases=("行政相对人类别", "相对人类型"),
    choices=[
        ["organisation", "法人及非法人组织"],
        ["individual_business", "个体工商户"],
        ["natural_person", "自然人"],
    ],
)
USCC = f("uscc", "统一社会信用代码", "uscc", aliases=("社会信用代码", "纳税人识别号"))
REP = f(
    "legal_representative",
    "法定代表人",
    aliases=("法定代表人（负责人）", "负责人", "业主"),
    mask="representative_name",
)
IDNO = f(
    "id_number", "身份证件号码", "id_number", aliases=("证件号码", "身份证号码", "身份证号"), mask="id_number"
)
AUTH = f("authority", "执法机关", aliases=("发布机关", "处罚机关", "作出机关", "许可机关", "公示机关"))
DOCNO = f(
    "document_number",
    "决定书文号",
    required=True,
    aliases=("文书号", "行政处罚决定书文号", "行政许可决定书文号", "文书编号"),
)
DATE = f(
    "event_date",
    "决定日期",
    "date",
    required=True,
    aliases=("决定书作出日期", "处罚决定日期", "许可决定日期"),
)
FACTS = f("facts", "违法事实", "longtext", aliases=("主要违法事实", "处罚事由"), text=True)
BASIS = f("basis", "处罚依据", "longtext", aliases=("法律依据",))
RESULT = f("result", "处罚结果", "longtext", aliases=("处理或处罚结果", "处罚内容"), text=True)
PENALTY = f("penalty_amount", "罚款金额（元）", "decimal", aliases=("罚款金额", "罚款"))
TAX = f("tax_amount", "追缴税款（元）", "decimal", aliases=("追缴税款金额", "税款"))
CREDIT = f(
    "credit_class",
    "失信程度",
    "choice",
    aliases=("失信行为程度",),
    choices=[["minor", "轻微"], ["general", "一般"], ["serious", "严重"]],
)
DOCKIND = f(
    "document_kind",
    "文书类型",
    "choice",
    choices=[
        ["税务行政处罚决定书", "税务行政处罚决定书"],
        ["税务处理决定书", "税务处理决定书"],
        ["不予行政处罚决定书", "不予行政处罚决定书"],
    ],
)
DECISION_FIELDS = [AUTH, PARTY, SUBJECT, USCC, REP, IDNO, DOCNO, DATE, FACTS, BASIS, RESULT, PENALTY, TAX]

CREDIT_DISPLAY = {
    "by_credit_class": {"minor": 3, "general": 12, "serious": 36},
    "min_by_credit_class": {"minor": 0, "general": 3, "serious": 12},
}

SRC_118 = "国办发〔2018〕118号（行政执法公示）"
SRC_51 = "国办发〔2015〕51号第十八条；国办发〔2018〕118号"
SRC_GUIDE = "税总依法行政办发〔2019〕1号《行政执法公示工作指引（试行）》"


def rule(
    effective_from: str, kind: str, params: dict, source: str, certainty: str, note: str = "", display=None
):
    return {
        "effective_from": effective_from,
        "kind": kind,
        "params": params,
        "display": display or {},
        "source": source,
        "certainty": certainty,
        "note": note,
    }


BEFORE_RULE = rule(
    "2019-07-17",
    "two_stage",
    {"handover": 20, "publish": 5},
    SRC_GUIDE + "；政府信息公开条例第二十六条",
    "confirmed",
    "信息形成或变更之日起20个工作日内移交，平台收到后5个工作日内发布。",
)

CATEGORIES: list[dict[str, Any]] = [
    {"code": "subjects", "label": "执法主体", "stage": "before", "order": 10},
    {"code": "officers", "label": "执法人员", "stage": "before", "order": 20},
    {"code": "powers", "label": "职责权限", "stage": "before", "order": 30},
    {"code": "procedures", "label": "执法依据与程序", "stage": "before", "order": 40},
    {"code": "hearings", "label": "听证公告", "stage": "during", "order": 10},
    {"code": "quota", "label": "定期定额核定", "stage": "during", "order": 20},
    {"code": "licensing", "label": "行政许可", "stage": "after", "order": 10},
    {"code": "penalty", "label": "行政处罚", "stage": "after", "order": 20},
    {"code": "other_decisions", "label": "其他执法决定", "stage": "after", "order": 30},
    {"code": "credit", "label": "纳税信用与失信", "stage": "after", "order": 40},
    {"code": "statistics", "label": "执法统计", "stage": "after", "order": 50},
]

_ROLES = {"draft_roles": [OFFICER, ADMIN], "approve_roles": [APPROVER, ADMIN]}

ITEMS: list[dict[str, Any]] = [
    {
        "code": "authority_info",
        "category": "subjects",
        "label": "执法主体信息",
        "masking_category": "before_stage",
        "event_label": "信息形成或变更日期",
        "fields": [
            AUTH,
            f("party_name", "机关名称", required=True, aliases=("执法主体",)),
            f("duties", "主要职责", "longtext", text=True),
            f("address", "办公地址"),
            f("contact", "联系方式"),
            f("event_date", "形成或变更日期", "date", required=True),
        ],
        "rules": [BEFORE_RULE],
    },
    {
        "code": "officer_list",
        "category": "officers",
        "label": "执法人员名单",
        "masking_category": "officer_list",
        "event_label": "信息形成或变更日期",
        "fields": [
            AUTH,
            f("party_name", "姓名", required=True, mask="official_name"),
            f("certificate_number", "执法证件编号", required=True, aliases=("证件编号", "检查证号")),
            f("enforcement_area", "执法类别/区域", aliases=("执法类别",)),
            f("event_date", "形成或变更日期", "date", required=True),
        ],
        "rules": [
            rule(
                "2019-07-17",
                "two_stage",
                {"handover": 20, "publish": 5},
                SRC_GUIDE,
                "confirmed",
                "持检查证与未持检查证人员分别列示（字段清单）。",
            )
        ],
    },
    {
        "code": "power_list",
        "category": "powers",
        "label": "权责清单",
        "masking_category": "before_stage",
        "event_label": "信息形成或变更日期",
        "fields": [
            AUTH,
            f("party_name", "权力事项名称", required=True, aliases=("事项名称",)),
            f("power_type", "权力类型", aliases=("类别",)),
            f("basis", "设定依据", "longtext"),
            f("duty", "责任事项", "longtext", text=True),
            f("event_date", "形成或变更日期", "date", required=True),
        ],
        "rules": [BEFORE_RULE],
    },
    {
        "code": "random_inspection_list",
        "category": "powers",
        "label": "随机抽查事项清单",
        "masking_category": "before_stage",
        "event_label": "信息形成或变更日期",
        "fields": [
            AUTH,
            f("party_name", "检查项目", required=True),
            f("sub_item", "检查子项"),
            f("basis", "检查依据", "longtext"),
            f("method", "检查方式"),
            f("content", "检查内容", "longtext", text=True),
            f("event_date", "形成或变更日期", "date", required=True),
        ],
        "rules": [
            rule(
                "2019-07-17",
                "two_stage",
                {"handover": 20, "publish": 5},
                SRC_GUIDE + "；[P33] 列名",
                "partly",
            )
        ],
    },
    {
        "code": "service_guide",
        "category": "procedures",
        "label": "执法流程与办税指南",
        "masking_category": "before_stage",
        "event_label": "信息形成或变更日期",
        "fields": [
            AUTH,
            f("party_name", "事项名称", required=True),
            f("conditions", "受理条件", "longtext", text=True),
            f("time_limit", "办理时限"),
            f("remedies", "监督方式与救济渠道", "longtext"),
            f("event_date", "形成或变更日期", "date", required=True),
        ],
        "rules": [BEFORE_RULE],
    },
    {
        "code": "hearing_notice",
        "category": "hearings",
        "label": "听证公告",
        "masking_category": "hearing_notice",
        "event_label": "听证通知日期",
        "fields": [
            AUTH,
            PARTY,
            SUBJECT,
            USCC,
            DOCNO,
            f("event_date", "听证通知日期", "date", required=True),
            f("hearing_at", "听证时间", required=True),
            f("place", "听证地点", required=True),
            f("matter", "听证事项", "longtext", text=True),
        ],
        "rules": [
            rule(
                "2021-07-15",
                "calendar_days",
                {"n": 3},
                "税务行政处罚听证程序实施办法（听证7日前通知）",
                "unconfirmed",
                "公告发布时限无全国规定，按通知后3日内发布配置，需核实。",
            )
        ],
    },
    {
        "code": "fixed_quota",
        "category": "quota",
        "label": "定期定额核定结果",
        "masking_category": "fixed_quota",
        "event_label": "核定日期",
        "fields": [
            AUTH,
            PARTY,
            SUBJECT,
            USCC,
            REP,
            f("quota", "核定定额（元/月）", "decimal", required=True),
            f("event_date", "核定日期", "date", required=True),
            f("business_address", "经营地址"),
        ],
        "rules": [rule("2019-01-03", "working_days", {"n": 20}, SRC_118 + "（其他执法决定）", "partly")],
    },
    {
        "code": "licensing_decision",
        "category": "licensing",
        "label": "行政许可决定",
        "masking_category": "licensing_decision",
        "fields": [
            AUTH,
            PARTY,
            SUBJECT,
            USCC,
            REP,
            DOCNO,
            f("event_date", "许可决定日期", "date", required=True, aliases=("决定日期",)),
            f("project", "项目名称", required=True),
            f("content", "许可内容", "longtext", text=True),
            f("valid_until", "有效期至", "date"),
        ],
        "rules": [rule("2015-06-11", "working_days", {"n": 7}, SRC_51, "confirmed")],
    },
    {
        "code": "penalty_decision",
        "category": "penalty",
        "label": "行政处罚决定",
        "masking_category": "penalty_decision",
        "withdraw_on_outcome": True,
        "fields": [*DECISION_FIELDS, CREDIT, DOCKIND],
        "rules": [
            rule("2015-06-11", "working_days", {"n": 7}, SRC_51, "confirmed", display={"months": 36}),
            rule(
                "2026-04-01",
                "working_days",
                {"n": 7},
                SRC_51 + "；信用修复管理办法（2026-04-01施行）",
                "partly",
                "公示期限按失信程度：轻微≤3个月，一般3个月–1年，严重1–3年。",
                display=CREDIT_DISPLAY,
            ),
        ],
    },
    {
        "code": "handling_decision",
        "category": "other_decisions",
        "label": "税务处理决定",
        "masking_category": "handling_decision",
        "fields": [*DECISION_FIELDS, DOCKIND],
        "rules": [
            rule("2019-01-03", "working_days", {"n": 20}, SRC_118, "confirmed", display={"months": 36})
        ],
    },
    {
        "code": "abnormal_household",
        "category": "other_decisions",
        "label": "非正常户认定",
        "masking_category": "abnormal_household",
        "event_label": "认定日期",
        "fields": [
            AUTH,
            PARTY,
            SUBJECT,
            USCC,
            REP,
            IDNO,
            f("document_number", "公告文号", aliases=("文书号",)),
            f("event_date", "认定日期", "date", required=True),
            f("business_address", "经营地址"),
        ],
        "rules": [rule("2019-01-03", "working_days", {"n": 20}, SRC_118 + "（其他执法决定）", "confirmed")],
    },
    {
        "code": "tax_reduction",
        "category": "other_decisions",
        "label": "税收减免",
        "masking_category": "tax_reduction",
        "fields": [
            AUTH,
            PARTY,
            SUBJECT,
            USCC,
            DOCNO,
            f("event_date", "核准日期", "date", required=True, aliases=("决定日期",)),
            f("tax_type", "税种"),
            f("amount", "减免金额（元）", "decimal"),
        ],
        "rules": [rule("2019-01-03", "working_days", {"n": 20}, SRC_118 + "（其他执法决定）", "partly")],
    },
    {
        "code": "arrears_notice",
        "category": "credit",
        "label": "欠税公告",
        "masking_category": "arrears_notice",
        "event_label": "欠税所属日期",
        "fields": [
            AUTH,
            PARTY,
            SUBJECT,
            USCC,
            REP,
            IDNO,
            f("business_address", "经营地点", aliases=("经营地址",)),
            f("tax_type", "欠税税种", required=True),
            f("balance", "欠税余额（元）", "decimal", required=True),
            f("new_arrears", "当期新发生欠税（元）", "decimal"),
            f("event_date", "欠税所属日期", "date", required=True),
        ],
        "rules": [
            rule(
                "2018-06-15",
                "periodic",
                {"months": {"organisation": 3, "individual_business": 6, "natural_person": 6}},
                "欠税公告办法（试行）第四条（令第9号，2018年修改）",
                "partly",
                "企业或单位每季度公告，个体工商户和其他个人每半年公告；大额欠税可随时公告。",
            )
        ],
    },
    {
        "code": "credit_a_list",
        "category": "credit",
        "label": "纳税信用A级纳税人名单",
        "masking_category": "credit_a_list",
        "event_label": "评价年度内日期",
        "fields": [
            AUTH,
            PARTY,
            USCC,
            f("year", "评价年度", required=True),
            f("event_date", "评价年度内日期", "date", required=True),
        ],
        "rules": [
            rule(
                "2025-07-01",
                "yearly_date",
                {"month": 4, "day": 30},
                "纳税缴费信用管理办法（2025年第12号公告）",
                "unconfirmed",
                "年度评价结果发布时间需核实，暂按次年4月30日配置。",
            )
        ],
    },
    {
        "code": "major_violation",
        "category": "credit",
        "label": "重大税收违法失信主体",
        "masking_category": "major_violation",
        "event_label": "确定文书送达日期",
        "fields": [
            AUTH,
            PARTY,
            SUBJECT,
            USCC,
            REP,
            IDNO,
            DOCNO,
            f("event_date", "确定文书送达日期", "date", required=True, aliases=("送达日期",)),
            FACTS,
            BASIS,
            RESULT,
        ],
        "rules": [
            rule(
                "2018-12-01",
                "day_of_next_month",
                {"day": 10},
                "国家税务总局公告2018年第54号（种子001所引“次月10日”）",
                "partly",
                "已被令第54号取代，保留为历史版本。",
                display={"months": 36},
            ),
            rule(
                "2022-02-01",
                "day_of_next_month",
                {"day": 15},
                "重大税收违法失信主体信息公布管理办法（国家税务总局令第54号）",
                "confirmed",
                "失信主体确定文书送达后的次月15日内公布；公布期限3年。",
                display={"months": 36},
            ),
        ],
    },
    {
        "code": "annual_statistics",
        "category": "statistics",
        "label": "行政执法统计年报",
        "masking_category": "before_stage",
        "event_label": "统计年度内日期",
        "fields": [
            AUTH,
            f("party_name", "标题", required=True),
            f("year", "统计年度", required=True),
            f("summary", "内容摘要", "longtext", text=True),
            f("event_date", "统计年度内日期", "date", required=True),
        ],
        "rules": [rule("2019-01-03", "yearly_date", {"month": 1, "day": 31}, SRC_118, "partly")],
    },
]

for _item in ITEMS:
    _item.setdefault("draft_roles", _ROLES["draft_roles"])
    _item.setdefault("approve_roles", _ROLES["approve_roles"])
    _item.setdefault("event_label", "决定日期")
    _item.setdefault("withdraw_on_outcome", False)

# Which masking field types an approver may lift by default (officials in office are public anyway;
# a legal representative's name is published by 令第54号 and 欠税公告办法 and may be shown elsewhere).
LIFTABLE = frozenset({"official_name", "representative_name"})
