"""Demo step (order 60): a year of disclosure requests at 宝鸡市税务局 and a few at 金台区.

Last year: every reply type, an extension, corrections (one answered, one abandoned), third-party
and other-organ consultations (one answered, one silent), a processing fee, a petition routed away,
a reconsideration upheld and a lawsuit pending; the annual report is written and published. This
year: open requests at every stage, one overdue, so the to-do lists, the overdue list and the
statistics have something to show. Everything goes through the services with the day it happened
as ``today``. Idempotent: an authority that already has requests is left as it is.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from sanxiang.holidays.selectors import current_calendar

from . import services
from .models import InformationRequest

TOPICS = [
    "本局{year}年度部门预算和决算",
    "本局{year}年行政处罚案件数量及罚没款总额",
    "本局关于增值税留抵退税工作的内部通知",
    "本局{year}年纳税信用A级纳税人名单的评定依据",
    "某区税务分局办税服务厅设置的批复文件",
    "本局稽查局对某商贸有限公司检查的处理决定书",
    "本局{year}年政府采购合同",
    "本局关于个体工商户定额核定的规范性文件",
    "本局{year}年公务接待费用支出明细",
    "本局信访工作制度",
]

BUSINESS_TYPES = ["business", "research", "public_interest", "legal_service", "other"]


def _wd(day: datetime.date, n: int) -> datetime.date:
    return current_calendar().add_working_days(day, n).date


def _new(
    ctx: Any, authority: Any, officer: Any, on: datetime.date, i: int, **extra: Any
) -> InformationRequest:
    person = ctx.faker.person(today=ctx.today)
    applicant_type = extra.pop(
        "applicant_type", "natural_person" if i % 3 else BUSINESS_TYPES[i % len(BUSINESS_TYPES)]
    )
    if applicant_type == "natural_person":
        who = {"applicant_name": person.name, "id_type": "resident_id", "id_number": person.id_number}
    else:
        who = {
            "applicant_name": ctx.faker.company_name(),
            "id_type": "uscc",
            "id_number": ctx.faker.uscc(),
            "legal_representative": person.name,
        }
    channel = extra.pop("channel", ["in_person", "post_signed", "email", "fax", "in_person"][i % 5])
    request, _token = services.request_create_by_staff(
        actor=officer,
        authority=authority,
        channel=channel,
        data={
            "applicant_type": applicant_type,
            **who,
            "phone": person.phone,
            "address": ctx.faker.address(),
            "description": TOPICS[i % len(TOPICS)].format(year=on.year - 1),
            "information_form": "paper" if i % 2 else "electronic",
            "delivery_method": ["post", "email", "pickup", "online"][i % 4],
            "oral_record": "",
        },
        today=on,
        submitted_on=on,
        signed_for_on=on if channel == "post_signed" else None,
        mail_received_on=on if channel == "email" else None,
        confirmed_on=on if channel in ("fax", "post_ordinary") else None,
    )
    return request


def _answer(
    ctx: Any,
    request: InformationRequest,
    reply_type: str,
    *,
    draft_on: datetime.date,
    issue_on: datetime.date,
    review: bool = False,
    **reply: Any,
) -> None:
    officer, head, legal = ctx.users["city_opengov"], ctx.users["city_opengov_head"], ctx.users["city_legal"]
    if request.status == "submitted":
        services.request_register(actor=officer, request=request, today=request.received_on or draft_on)
    if request.status == "registered":
        department = ctx.departments.get((_key(ctx, request.authority), "办公室"))
        if department is not None:
            services.request_assign(
                actor=officer, request=request, department=department, instructions="请检索并提出答复意见。"
            )
    services.reply_draft(
        actor=officer, request=request, reply_type=reply_type, needs_legal_review=review, **reply
    )
    if review:
        services.reply_review(
            actor=legal, request=request, opinion="经审查，答复依据充分，同意。", passed=True
        )
    services.reply_approve(actor=head, request=request, comment="同意。")
    services.reply_issue(actor=officer, request=request, on=issue_on, today=issue_on)
    method = request.delivery_method
    services.reply_deliver(
        actor=officer,
        request=request,
        on=issue_on,
        method=method,
        note=""
        if method == "online"
        else ("EMS 11" + f"{request.pk:08d}" if method == "post" else "已发送/已签收"),
    )


def _key(ctx: Any, authority: Any) -> str:
    return next((k for k, a in ctx.authorities.items() if a.pk == authority.pk), "")


PARTIAL_SOURCE = (
    "{year}年本局共办结行政处罚案件126件，罚没款合计386.5万元。其中，对某商贸有限公司的处罚涉及其"
    "商业秘密的进销存明细：甲类商品进项1,203万元、乙类商品销项988万元。案件承办人员联系电话13991234567。"
)


def run(ctx: Any) -> None:
    city = ctx.authorities.get("city")
    if city is None or InformationRequest.objects.filter(authority=city).exists():
        return
    officer, head = ctx.users["city_opengov"], ctx.users["city_opengov_head"]
    last = ctx.today.year - 1
    day = lambda m, d: current_calendar().roll_forward(datetime.date(last, m, d))  # noqa: E731

    plain = [
        ("already_public", {"obtain_how": "该信息已在本局门户网站“政府信息公开—财政信息”栏目公开。"}),
        ("disclosed", {"obtain_how": "现将该信息以附件形式提供给您。"}),
        (
            "withheld",
            {
                "withheld_reason": "enforcement_file",
                "reasons": "属于行政执法案卷信息（条例第十六条第二款）。",
            },
        ),
        (
            "withheld",
            {
                "withheld_reason": "process_info",
                "reasons": "属于内部讨论记录、过程稿（条例第十六条第二款）。",
            },
        ),
        (
            "withheld",
            {
                "withheld_reason": "internal_affairs",
                "reasons": "属于机关内部管理信息（条例第十六条第一款）。",
            },
        ),
        ("not_exist", {"reasons": "经本局办公室、财务管理处检索，未制作或获取该信息。"}),
        (
            "not_this_organ",
            {
                "reasons": "该信息由市场监督管理部门制作。",
                "responsible_organ": "宝鸡市市场监督管理局，电话 0917-3261234",
            },
        ),
        ("repeated", {"reasons": "本局已于此前答复相同内容的申请。"}),
        (
            "special_law",
            {"reasons": "涉税信息查询请按《中华人民共和国税收征收管理法》有关规定向主管税务机关办理。"},
        ),
        ("publication", {"obtain_how": "可在《国家税务总局公报》查阅。"}),
        ("unreasonable", {"reasons": "申请人一个月内提出同类申请四十余件，经要求说明理由，理由不合理。"}),
        ("confirm_existing", {"reasons": "您要求确认的文件已于此前向您提供。"}),
        ("needs_creation", {"reasons": "所需统计数据需对现有信息加工汇总。"}),
        ("still_unclear", {"reasons": "补正后仍未能说明所需信息的名称或特征。"}),
        ("disclosed", {"obtain_how": "请于工作日到本局办公室领取。"}),
        ("already_public", {"obtain_how": "见本局网站“法定主动公开内容”。"}),
    ]
    i = 0
    for month, (reply_type, reply) in enumerate(plain, start=1):
        on = day(min(month, 12), 3 + (month * 5) % 20)
        request = _new(ctx, city, officer, on, i)
        i += 1
        _answer(
            ctx,
            request,
            reply_type,
            draft_on=_wd(on, 5),
            issue_on=_wd(on, 10 + month % 8),
            review=reply_type == "withheld",
            **reply,
        )

    # Partial disclosure with a third-party consultation that objected (条例第三十二条、第三十七条).
    on = day(3, 10)
    request = _new(ctx, city, officer, on, i, applicant_type="legal_service")
    i += 1
    services.request_register(actor=officer, request=request, today=on)
    consultation = services.consultation_send(
        actor=officer,
        request=request,
        kind="third_party",
        party="某商贸有限公司",
        on=_wd(on, 2),
        today=_wd(on, 2),
    )
    services.consultation_reply(
        actor=officer, consultation=consultation, on=_wd(on, 9), opinion="object", today=_wd(on, 9)
    )
    source = PARTIAL_SOURCE.format(year=last - 1)
    start = source.index("甲类商品")
    end = source.index("988万元") + len("988万元")
    _answer(
        ctx,
        request,
        "partial",
        draft_on=_wd(on, 12),
        issue_on=_wd(on, 18),
        review=True,
        reasons="涉及第三方商业秘密，第三方不同意公开（条例第十五条、第三十二条）。",
        source_text=source,
        redactions=[{"start": start, "end": end, "reason": "第三方商业秘密"}],
    )
    services.remedy_record(
        actor=officer,
        request=request,
        kind="reconsideration",
        filed_on=_wd(on, 40),
        body=ctx.authorities["shaanxi"].name,
    )
    remedy = request.remedies.get()
    services.remedy_decide(actor=officer, remedy=remedy, outcome="upheld", decided_on=_wd(on, 90))

    # Extension approved by the office head, then disclosed; other-organ consultation that stayed silent.
    on = day(5, 12)
    request = _new(ctx, city, officer, on, i)
    i += 1
    services.request_register(actor=officer, request=request, today=on)
    consultation = services.consultation_send(
        actor=officer,
        request=request,
        kind="other_organ",
        party="宝鸡市财政局",
        on=_wd(on, 3),
        today=_wd(on, 3),
    )
    services.consultation_reply(
        actor=officer, consultation=consultation, on=_wd(on, 20), opinion="silent", today=_wd(on, 20)
    )
    services.request_extend(
        actor=head,
        request=request,
        on=_wd(on, 25),
        today=_wd(on, 25),
        days=15,
        reason="涉及多个部门，需调取档案。",
    )
    _answer(
        ctx, request, "disclosed", draft_on=_wd(on, 30), issue_on=_wd(on, 35), obtain_how="现以附件形式提供。"
    )
    services.remedy_record(
        actor=officer, request=request, kind="direct_suit", filed_on=_wd(on, 60), body="宝鸡市渭滨区人民法院"
    )

    # Correction answered, then disclosed; correction never answered → deemed abandoned.
    on = day(6, 9)
    request = _new(ctx, city, officer, on, i)
    i += 1
    services.request_register(actor=officer, request=request, today=on)
    services.request_correction_notice(
        actor=officer, request=request, on=_wd(on, 3), today=_wd(on, 3), items="请写明所需文件的名称或文号。"
    )
    services.request_correction_received(actor=officer, request=request, on=_wd(on, 8), today=_wd(on, 8))
    _answer(
        ctx, request, "disclosed", draft_on=_wd(on, 15), issue_on=_wd(on, 20), obtain_how="现以附件形式提供。"
    )
    on = day(7, 7)
    request = _new(ctx, city, officer, on, i)
    i += 1
    services.request_register(actor=officer, request=request, today=on)
    services.request_correction_notice(
        actor=officer,
        request=request,
        on=_wd(on, 2),
        today=_wd(on, 2),
        items="请明确所需信息的时间范围。",
        until=_wd(on, 12),
    )
    services.request_close_abandoned(actor=officer, request=request, today=_wd(on, 13))

    # Fee: one paid (按量), one never paid → deemed abandoned.
    on = day(8, 4)
    request = _new(ctx, city, officer, on, i, applicant_type="business")
    i += 1
    services.request_register(actor=officer, request=request, today=on)
    services.fee_notice_send(
        actor=officer, request=request, on=_wd(on, 3), today=_wd(on, 3), method="per_volume", pages=120
    )
    services.fee_paid(actor=officer, request=request, on=_wd(on, 8), today=_wd(on, 8))
    _answer(
        ctx, request, "disclosed", draft_on=_wd(on, 12), issue_on=_wd(on, 16), obtain_how="纸质材料已邮寄。"
    )
    on = day(9, 1)
    request = _new(ctx, city, officer, on, i)
    i += 1
    services.request_register(actor=officer, request=request, today=on)
    services.fee_notice_send(
        actor=officer,
        request=request,
        on=_wd(on, 2),
        today=_wd(on, 2),
        method="per_request",
        ordinal_in_month=15,
    )
    services.request_close_abandoned(actor=officer, request=request, today=_wd(on, 23))

    # A petition filed as a request (条例第三十九条).
    on = day(10, 13)
    request = _new(ctx, city, officer, on, i)
    i += 1
    services.request_route_away(
        actor=officer,
        request=request,
        today=on,
        channel_text="请通过宝鸡市税务局信访接待室或 12366 纳税缴费服务热线提出；涉税违法行为可通过检举渠道举报。",
    )

    # Carried over into this year: received late December, answered in January.
    on = day(12, 22)
    carried = _new(ctx, city, officer, on, i)
    i += 1
    services.request_register(actor=officer, request=carried, today=on)

    # This year: open requests at every stage, one overdue.
    this = ctx.today.year
    jan = current_calendar().roll_forward(datetime.date(this, 1, 12))
    _answer(ctx, carried, "disclosed", draft_on=jan, issue_on=jan, obtain_how="现以附件形式提供。")
    start = ctx.today - datetime.timedelta(days=45)
    overdue = _new(ctx, city, officer, current_calendar().roll_forward(start), i)
    i += 1
    assert overdue.received_on is not None  # its channel starts the clock on entry
    services.request_register(actor=officer, request=overdue, today=overdue.received_on)
    inspection = ctx.departments.get(("city", "稽查局"))
    if inspection is not None:
        services.request_assign(
            actor=officer, request=overdue, department=inspection, instructions="请检索相关处理决定。"
        )
    recent_day = ctx.today - datetime.timedelta(days=10)
    waiting = _new(ctx, city, officer, current_calendar().roll_forward(recent_day), i)
    i += 1
    assert waiting.received_on is not None  # its channel starts the clock on entry
    services.request_register(actor=officer, request=waiting, today=waiting.received_on)
    services.reply_draft(
        actor=officer, request=waiting, reply_type="disclosed", obtain_how="现以附件形式提供。"
    )
    fresh = _new(ctx, city, officer, ctx.today, i, channel="post_signed")
    i += 1
    services.request_register(actor=officer, request=fresh, today=ctx.today)
    services.request_submit_online(
        authority=city,
        data={
            "applicant_type": "natural_person",
            "applicant_name": ctx.faker.name(),
            "phone": ctx.faker.phone(),
            "description": "本局办税服务厅的办公时间和地址",
            "information_form": "electronic",
            "delivery_method": "online",
        },
        identity_proof=None,
        today=ctx.today,
    )

    # 金台区: two requests handled by its own office.
    jintai = ctx.authorities.get("jintai")
    jt_officer = ctx.users.get("jt_opengov")
    if jintai is not None and jt_officer is not None:
        for k, reply_type in enumerate(["disclosed", "not_exist"]):
            on = day(4 + k * 3, 8)
            request = _new(ctx, jintai, jt_officer, on, i)
            i += 1
            services.request_register(actor=jt_officer, request=request, today=on)
            services.reply_draft(
                actor=jt_officer,
                request=request,
                reply_type=reply_type,
                obtain_how="现以附件形式提供。",
                reasons="经检索未找到。",
            )
            services.reply_approve(actor=head, request=request)
            services.reply_issue(actor=jt_officer, request=request, on=_wd(on, 9), today=_wd(on, 9))

    report = services.annual_report_save(
        actor=officer,
        authority=city,
        year=last,
        overview=(
            f"{last}年，本局认真贯彻《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
            "规范依申请公开办理流程，严格执行登记、审核、办理、答复、归档制度。"
        ),
        problems="个别答复文书说理不够充分；下一步将加强答复文书审核和业务培训。",
        other_matters="本年度依据《政府信息公开信息处理费管理办法》收取信息处理费的情况见统计表。",
    )
    services.annual_report_publish(actor=head, report=report, now=timezone.now())
    ctx.out(f"  依申请公开：{InformationRequest.objects.count()} 件申请，{last} 年度报告已发布")
