"""Demo step (order 55): 宝鸡市税务局's proactive disclosure.

A policy library of real SAT and 财政部 documents (titles, numbers and dates are real; texts are
short summaries, and the validity annotations illustrate the feature rather than state the law),
two of the bureau's own normative documents, catalogue entries under other headings, one open
consultation with moderated comments, one closed consultation with its adoption summary, ratings
with a rectification, a public-opinion incident and case rulings. Everything goes through the
services the pages use. Idempotent: a document already registered (by number) is left alone.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from .models import Consultation, OfficialDocument, PublicOpinionIncident, TaxType, ValidityLabel
from .services import (
    comment_answer,
    comment_moderate,
    comment_submit,
    consultation_create,
    consultation_link_final,
    consultation_open,
    consultation_publish_summary,
    document_create,
    document_publish,
    document_register,
    document_review,
    document_submit,
    document_validity_change,
    incident_record,
    interpretation_create,
    rating_submit,
    rectification_assign,
    ruling_publish,
    ruling_register,
)

d = datetime.date
# number, title, issuer, kind, tax types, signed, published, effective, text, interpretation?
LIBRARY = [
    (
        "国家税务总局令第41号",
        "税务规范性文件制定管理办法",
        "国家税务总局",
        "rule",
        ["administration"],
        d(2017, 5, 16),
        d(2017, 5, 16),
        d(2017, 7, 1),
        "第一条 为了规范税务规范性文件制定和管理工作，根据有关法律法规，制定本办法。\n"
        "第二条 本办法所称税务规范性文件，是指县以上税务机关依照法定职权和规定程序制定并公开发布，"
        "涉及税务行政相对人权利义务，在本辖区内具有普遍约束力，在一定期限内反复适用的文件。\n"
        "第三条 制定税务规范性文件，应当进行合法性审核。\n"
        "第四条 税务规范性文件应当在发布后及时公开，未经公开的不得作为税务管理的依据。",
        True,
    ),
    (
        "国家税务总局公告2018年第28号",
        "企业所得税税前扣除凭证管理办法",
        "国家税务总局",
        "normative",
        ["cit"],
        d(2018, 6, 6),
        d(2018, 6, 6),
        d(2018, 7, 1),
        "第一条 为规范企业所得税税前扣除凭证管理，根据企业所得税法及其实施条例等规定，制定本办法。\n"
        "第二条 本办法所称税前扣除凭证，是指企业在计算企业所得税应纳税所得额时，证明与取得收入有关的、"
        "合理的支出实际发生，并据以税前扣除的各类凭证。\n"
        "第三条 税前扣除凭证在管理中遵循真实性、合法性、关联性原则。\n"
        "第四条 企业应在当年度企业所得税法规定的汇算清缴期结束前取得税前扣除凭证。",
        True,
    ),
    (
        "国家税务总局公告2018年第31号",
        "国家税务总局关于修改部分税收规范性文件的公告",
        "国家税务总局",
        "normative",
        ["administration", "vat"],
        d(2018, 6, 15),
        d(2018, 6, 15),
        d(2018, 6, 15),
        "为贯彻落实国税地税征管体制改革，国家税务总局对部分税收规范性文件进行了修改。\n"
        "第一条 将有关文件中的“国家税务局”“地方税务局”修改为“税务局”。\n"
        "第二条 对部分文件中涉及征管职责划分的条款予以修改或废止。\n"
        "第三条 本公告自发布之日起施行。",
        True,
    ),
    (
        "财政部 税务总局 海关总署公告2019年第39号",
        "关于深化增值税改革有关政策的公告",
        "财政部 税务总局 海关总署",
        "normative",
        ["vat"],
        d(2019, 3, 20),
        d(2019, 3, 20),
        d(2019, 4, 1),
        "第一条 增值税一般纳税人发生增值税应税销售行为或者进口货物，原适用16%税率的，税率调整为13%；"
        "原适用10%税率的，税率调整为9%。\n"
        "第二条 纳税人购进农产品，原适用10%扣除率的，扣除率调整为9%。\n"
        "第三条 自2019年4月1日起，试行增值税期末留抵税额退税制度。\n"
        "第四条 本公告自2019年4月1日起执行。",
        True,
    ),
    (
        "财税〔2019〕13号",
        "关于实施小微企业普惠性税收减免政策的通知",
        "财政部 税务总局",
        "normative",
        ["vat", "cit", "stamp"],
        d(2019, 1, 17),
        d(2019, 1, 17),
        d(2019, 1, 1),
        "第一条 对月销售额10万元以下（含本数）的增值税小规模纳税人，免征增值税。\n"
        "第二条 对小型微利企业年应纳税所得额不超过100万元的部分，减按25%计入应纳税所得额，按20%的税率缴纳企业所得税。\n"
        "第三条 由省、自治区、直辖市人民政府根据本地区实际情况，对增值税小规模纳税人可以在50%的税额幅度内减征资源税、印花税等。\n"
        "第四条 本通知执行期限为2019年1月1日至2021年12月31日。",
        True,
    ),
    (
        "国家税务总局公告2019年第44号",
        "关于办理2019年度个人所得税综合所得汇算清缴事项的公告",
        "国家税务总局",
        "normative",
        ["iit"],
        d(2019, 12, 7),
        d(2019, 12, 7),
        d(2020, 3, 1),
        "第一条 2019年度终了后，居民个人需要汇总2019年1月1日至12月31日取得的综合所得，办理汇算清缴。\n"
        "第二条 汇算清缴的时间为2020年3月1日至6月30日。\n"
        "第三条 纳税人可自主选择通过网络、邮寄等方式办理汇算清缴。",
        True,
    ),
]
# The bureau's own normative documents: (number, title, published, text, interpretation?)
OWN = [
    (
        "宝鸡市税务局公告2024年第1号",
        "国家税务总局宝鸡市税务局关于纳税信用修复有关事项的公告",
        d(2024, 4, 15),
        "第一条 为帮助纳税人及时纠正失信行为，根据纳税信用管理有关规定，现就纳税信用修复有关事项公告如下。\n"
        "第二条 纳税人可以通过电子税务局提交纳税信用修复申请。\n"
        "第三条 主管税务机关应当自受理之日起15个工作日内完成审核。",
        True,
    ),
    (
        "宝鸡市税务局公告2025年第2号",
        "国家税务总局宝鸡市税务局关于优化办税服务厅预约办税的公告",
        None,  # published by the demo's today, without interpretation: the 三同步 flag
        "第一条 纳税人可以通过电子税务局或12366热线预约办税。\n第二条 预约办税的纳税人到达办税服务厅后优先办理。",
        False,
    ),
]
CATALOGUE = [
    (
        "functions",
        "国家税务总局宝鸡市税务局主要职能",
        "机构职能 内设机构",
        "宝鸡市税务局负责贯彻执行税收法律法规，组织实施本地区税收和社会保险费、非税收入征收管理。",
    ),
    (
        "plans",
        "国家税务总局宝鸡市税务局2025年政务公开工作要点",
        "政务公开 工作要点",
        "一、加强政策发布解读\n二、做好税费政策库动态更新\n三、规范依申请公开办理",
    ),
    (
        "services",
        "增值税专用发票领用办事指南",
        "办事指南 发票",
        "办理条件：已办理税务登记的纳税人。\n办理材料：经办人身份证件。\n办理时限：即时办结。",
    ),
]
CONSULTATION_DRAFT = (
    "第一条 为规范本市税务系统首违不罚事项的适用，结合本市实际，制定本办法。\n"
    "第二条 当事人首次违反税收征收管理规定且危害后果轻微，在税务机关发现前主动改正的，不予行政处罚。\n"
    "第三条 税务机关适用首违不罚的，应当对当事人进行教育。\n"
    "第四条 本办法自发布之日起30日后施行。"
)


def _publish(
    ctx: Any, document: OfficialDocument, interpretation: bool, today: datetime.date
) -> OfficialDocument:
    drafter, officer, head = (
        ctx.users["city_legal"],
        ctx.users["city_opengov"],
        ctx.users["city_opengov_head"],
    )
    if interpretation:
        interpretation_create(
            actor=drafter,
            document=document,
            title=f"《{document.title}》政策解读",
            kind="qa",
            body=f"本文件的背景、主要内容和执行要求说明如下。{document.text[:60]}……",
            qa=[
                {"q": "本文件适用于哪些纳税人？", "a": "符合文件规定条件的纳税人均可适用。"},
                {"q": "从何时开始执行？", "a": f"自{(document.effective_on or today).isoformat()}起执行。"},
            ],
        )
    document_submit(actor=drafter, document=document)
    document_register(actor=officer, document=document)
    document_review(actor=head, document=document)
    return document_publish(actor=officer, document=document, today=today)


def demo_disclosure(ctx: Any) -> None:
    city = ctx.authorities.get("city")
    if city is None or not {"city_legal", "city_opengov", "city_opengov_head"} <= set(ctx.users):
        ctx.out("disclosure: the organisation step has not run, skipped")
        return
    drafter, officer = ctx.users["city_legal"], ctx.users["city_opengov"]
    if OfficialDocument.objects.filter(authority=city, document_number=LIBRARY[0][0]).exists():
        ctx.out("disclosure: already loaded")
        return
    types = {t.code: t for t in TaxType.objects.all()}
    docs: dict[str, OfficialDocument] = {}
    for number, title, issuer, kind, tax, signed, published, effective, text, interp in LIBRARY:
        document = document_create(
            actor=drafter,
            authority=city,
            title=title,
            document_number=number,
            issuer=issuer,
            own_issue=False,
            kind=kind,
            heading="tax_policy",
            subject_terms="、".join(types[c].name for c in tax),
            attribute="proactive",
            in_policy_library=True,
            tax_types=[types[c] for c in tax],
            signed_on=signed,
            published_on=published,
            effective_on=effective,
            text=text,
        )
        docs[number] = _publish(ctx, document, interp, published)
    for number, title, listed_on, text, interp in OWN:
        published = listed_on or ctx.today - datetime.timedelta(days=15)
        document = document_create(
            actor=drafter,
            authority=city,
            title=title,
            document_number=number,
            kind="normative",
            heading="regulations",
            subject_terms="纳税服务",
            attribute="proactive",
            in_policy_library=True,
            tax_types=[types["administration"]],
            signed_on=published,
            published_on=published,
            effective_on=published,
            text=text,
        )
        docs[number] = _publish(ctx, document, interp, published)
    labels = {label.code: label for label in ValidityLabel.objects.all()}
    document_validity_change(
        actor=officer,
        document=docs["财税〔2019〕13号"],
        label=labels["full_void"],
        effective_on=d(2022, 1, 1),
        by_document_text="执行期限届满",
        note="执行期限至2021年12月31日",
    )
    document_validity_change(
        actor=officer,
        document=docs["国家税务总局公告2018年第28号"],
        label=labels["partly_void"],
        articles="第四条",
        effective_on=d(2018, 6, 15),
        by_document=docs["国家税务总局公告2018年第31号"],
    )
    for heading, title, terms, text in CATALOGUE:
        document = document_create(
            actor=drafter,
            authority=city,
            title=title,
            heading=heading,
            subject_terms=terms,
            attribute="proactive",
            text=text,
            published_on=ctx.today - datetime.timedelta(days=30),
        )
        docs[title] = _publish(ctx, document, False, ctx.today - datetime.timedelta(days=30))
    # A withheld internal document and a returned one without attribute.
    internal = document_create(
        actor=drafter,
        authority=city,
        title="关于调整机关内部值班安排的通知",
        attribute="withheld",
        withheld_reason="internal_affairs",
    )
    document_submit(actor=drafter, document=internal)
    document_register(actor=officer, document=internal)
    missing = document_create(
        actor=drafter, authority=city, title="关于开展2025年税收宣传月活动的通知", heading="other"
    )
    document_submit(actor=drafter, document=missing)
    document_register(actor=officer, document=missing)

    _consultations(ctx, city, docs)
    guide = docs["增值税专用发票领用办事指南"]
    rating_submit(target=guide, score=5, reason="指南清楚")
    bad = rating_submit(target=guide, score=2, reason="办理材料写得不够具体", contact="13800000000")
    rectification_assign(actor=officer, rating=bad, department=officer.department, today=ctx.today)
    if not PublicOpinionIncident.objects.filter(authority=city).exists():
        incident_record(
            actor=officer,
            authority=city,
            title="网传“个人所得税汇算清缴截止日提前”",
            severity="major",
            source="微博",
            summary="网络流传汇算清缴截止日提前的不实信息，需发布权威信息澄清。",
            discovered_at=timezone.now() - datetime.timedelta(hours=3),
        )
    registered = ruling_register(
        actor=drafter,
        authority=city,
        document_number="宝税函〔2025〕5号",
        title="关于某公司资产划转企业所得税处理问题的批复",
        text="你公司《关于资产划转适用特殊性税务处理的请示》收悉。经研究，批复如下：符合条件的，可以适用特殊性税务处理。",
        decided_on=ctx.today - datetime.timedelta(days=20),
    )
    ruling_publish(actor=officer, ruling=registered)
    ruling_register(
        actor=drafter,
        authority=city,
        document_number="宝税函〔2025〕9号",
        title="关于某合作社农产品免税认定问题的批复",
        text="你社来函收悉。经研究，自产农产品销售符合免税条件。",
        decided_on=ctx.today - datetime.timedelta(days=3),
    )
    ctx.out(f"disclosure: 政策库 {len(LIBRARY) + len(OWN)} 件，目录 {len(CATALOGUE)} 件，征求意见 2 件")


def _consultations(ctx: Any, city: Any, docs: dict[str, OfficialDocument]) -> None:
    drafter, officer = ctx.users["city_legal"], ctx.users["city_opengov"]
    if Consultation.objects.filter(authority=city).exists():
        return
    closed = consultation_create(
        actor=drafter,
        authority=city,
        title="宝鸡市税务局纳税信用修复工作规程（征求意见稿）",
        explanation="为落实优化营商环境要求，帮助纳税人及时修复纳税信用，起草了本规程。",
        draft_text=docs["宝鸡市税务局公告2024年第1号"].text,
    )
    opens = d(2024, 2, 1)
    closed = consultation_open(actor=officer, consultation=closed, opens_on=opens, closes_on=d(2024, 3, 2))
    paragraphs = list(closed.paragraphs.order_by("number"))
    answers = [
        (
            paragraphs[1],
            "建议明确电子税务局之外的线下申请渠道。",
            "partly",
            "线下渠道已在办事指南中说明，正文保留电子税务局表述。",
        ),
        (paragraphs[2], "15个工作日偏长，建议缩短。", "adopted", ""),
        (None, "建议同时公布信用修复的办理流程图。", "not_adopted", "流程图将随政策解读发布，不纳入正文。"),
    ]
    for i, (paragraph, body, answer, reason) in enumerate(answers):
        comment = comment_submit(
            consultation=closed,
            paragraph=paragraph,
            body=body,
            commenter_name=ctx.faker.name(),
            contact=ctx.faker.phone(),
            client=f"demo-closed-{i}",
            today=opens + datetime.timedelta(days=3),
        )
        comment_moderate(actor=officer, comment=comment, approve=True)
        comment_answer(actor=drafter, comment=comment, answer=answer, reason=reason)
    spam = comment_submit(
        consultation=closed,
        body="低价代开发票，联系我",
        client="demo-spam",
        today=opens + datetime.timedelta(days=5),
    )
    comment_moderate(actor=officer, comment=spam, approve=False, reason="广告信息，与草案无关")
    consultation_publish_summary(
        actor=officer,
        consultation=closed,
        summary="征求意见期间共收到意见4条，公开3条；采纳1条，部分采纳1条，未采纳1条，理由见下表。",
        today=ctx.today,
    )
    consultation_link_final(actor=officer, consultation=closed, document=docs["宝鸡市税务局公告2024年第1号"])

    running = consultation_create(
        actor=drafter,
        authority=city,
        title="宝鸡市税务系统首违不罚适用办法（征求意见稿）",
        explanation="为统一全市首违不罚的适用标准，依据税务行政处罚“首违不罚”事项清单，起草了本办法。",
        draft_text=CONSULTATION_DRAFT,
    )
    start = ctx.today - datetime.timedelta(days=5)
    running = consultation_open(
        actor=officer, consultation=running, opens_on=start, closes_on=start + datetime.timedelta(days=30)
    )
    comment = comment_submit(
        consultation=running,
        paragraph=running.paragraphs.get(number=2),
        body="建议明确“危害后果轻微”的判断标准。",
        commenter_name=ctx.faker.name(),
        contact=ctx.faker.phone(),
        client="demo-running-0",
        today=ctx.today,
    )
    comment_moderate(actor=officer, comment=comment, approve=True)
    comment_submit(
        consultation=running,
        body="建议增加适用首违不罚的典型案例。",
        commenter_name=ctx.faker.name(),
        contact=ctx.faker.phone(),
        client="demo-running-1",
        today=ctx.today,
    )
