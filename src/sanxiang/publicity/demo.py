"""Demo data: a few thousand realistic publicity entries whose raw records carry personal data.

Drafts are created through ``entries_bulk_create`` (the import's path) and most are then submitted
and approved one by one through the workflow services, so the portal receives them through
``public_entry_publish``. Idempotent: a second run finds the entries by document number.
"""

from __future__ import annotations

import datetime
import random
from typing import Any

from sanxiang.kernel.demo import DemoContext

PER_DISTRICT = 1100  # two districts → 2,200 entries plus the before-stage lists


def _decision_text(ctx: DemoContext, rng: random.Random, party: dict, today: datetime.date) -> str:
    f = ctx.faker
    person = f.person(today=today)
    return (
        f"经查，当事人{party['party_name']}（{party.get('uscc') or party.get('id_number', '')}），"
        f"{'法定代表人' + party['legal_representative'] + '，' if party.get('legal_representative') else ''}"
        f"联系电话{f.phone()}，住所{f.address()}。"
        f"其于{today.year - 1}年通过开户行账号{f.bank_card()}收取货款未按规定申报，"
        f"财务负责人{person.name}（身份证号{person.id_number}）对上述事实予以确认。"
        f"依据《中华人民共和国税收征收管理法》第六十三条第一款，决定处以罚款{rng.randint(1, 200) * 500}元。"
        f"如不服本决定，可依法申请行政复议或者提起行政诉讼。咨询电话12366。"
    )


def _party(ctx: DemoContext, rng: random.Random, today: datetime.date) -> dict[str, Any]:
    f = ctx.faker
    kind = rng.random()
    if kind < 0.55:
        return {
            "party_name": f.company_name(),
            "subject_type": "organisation",
            "uscc": f.uscc(),
            "legal_representative": f.name(),
        }
    if kind < 0.8:
        owner = f.person(today=today)
        return {
            "party_name": f.shop_name(owner.name),
            "subject_type": "individual_business",
            "uscc": f.uscc(),
            "legal_representative": owner.name,
        }
    person = f.person(today=today)
    return {"party_name": person.name, "subject_type": "natural_person", "id_number": person.id_number}


ITEM_MIX = [
    ("penalty_decision", 0.45),
    ("handling_decision", 0.15),
    ("licensing_decision", 0.12),
    ("abnormal_household", 0.08),
    ("arrears_notice", 0.08),
    ("tax_reduction", 0.05),
    ("major_violation", 0.03),
    ("hearing_notice", 0.04),
]


def _row(
    ctx: DemoContext, rng: random.Random, code: str, serial: int, prefix: str, today: datetime.date
) -> dict:
    party = _party(ctx, rng, today)
    event = today - datetime.timedelta(days=rng.randint(1, 700))
    row: dict[str, Any] = {**party, "event_date": event.isoformat()}
    year = event.year
    if code in ("penalty_decision", "handling_decision", "major_violation"):
        mark = {"penalty_decision": "罚", "handling_decision": "处", "major_violation": "失信"}[code]
        row.update(
            document_number=f"{prefix}税稽{mark}〔{year}〕{serial}号",
            facts="少缴增值税及附加税费，经查属实。",
            basis="《中华人民共和国税收征收管理法》第六十三条",
            result=f"追缴税款并处罚款{rng.randint(1, 90) * 1000}元",
            penalty_amount=str(rng.randint(1, 90) * 1000),
            _text=_decision_text(ctx, rng, party, today),
        )
        if code == "penalty_decision":
            row["credit_class"] = rng.choice(["minor", "general", "general", "serious"])
    elif code == "licensing_decision":
        row.update(
            document_number=f"{prefix}税许〔{year}〕{serial}号",
            project="增值税专用发票最高开票限额审批",
            content="准予行政许可，最高开票限额十万元。",
        )
    elif code == "abnormal_household":
        row.update(
            document_number=f"{prefix}税非正常〔{year}〕{serial}号",
            business_address=ctx.faker.business_address(),
        )
    elif code == "arrears_notice":
        row.update(
            tax_type=rng.choice(["增值税", "企业所得税", "个人所得税"]),
            balance=str(rng.randint(1, 900) * 100),
            business_address=ctx.faker.business_address(),
        )
        if party["subject_type"] != "organisation":
            row["id_number"] = row.get("id_number") or ctx.faker.person(today=today).id_number
    elif code == "tax_reduction":
        row.update(
            document_number=f"{prefix}税减〔{year}〕{serial}号",
            tax_type="房产税",
            amount=str(rng.randint(1, 500) * 100),
        )
    elif code == "hearing_notice":
        row.update(
            document_number=f"{prefix}税听〔{year}〕{serial}号",
            hearing_at=f"{event + datetime.timedelta(days=10):%Y年%m月%d日} 上午9时",
            place="本局三楼听证室",
            matter="拟对当事人处以罚款，当事人申请听证。",
        )
    return row


def demo_publicity(ctx: DemoContext) -> None:
    # Fails loudly when the portal has not been built yet: nothing is faked.
    from sanxiang.portal import publog
    from sanxiang.portal.services import public_entry_publish  # noqa: F401

    from . import services
    from .models import Entry, Item

    if (
        Entry.objects.filter(
            source_key__startswith="penalty_decision-", authority=ctx.authorities["jintai"]
        ).count()
        >= 100
    ):
        ctx.out("执法公示：演示数据已存在")
        return
    rng = random.Random(2026)
    items = {i.code: i for i in Item.objects.all()}
    counts = {"created": 0, "published": 0, "withdrawn": 0}
    # One signed checkpoint of the publication log for the whole step instead of one per entry;
    # each version masked once, when drafted (its approval moments later reuses the result).
    with publog.checkpoint_batch(), services.masks_reused():
        for district, prefix in (("jintai", "宝金"), ("weibin", "宝渭")):
            _district(ctx, rng, items, district, prefix, counts)
    ctx.out(
        f"执法公示：{counts['created']} 条公示信息，已公示 {counts['published']} 条，"
        f"撤回 {counts['withdrawn']} 条"
    )


def _district(
    ctx: DemoContext, rng: random.Random, items: dict[str, Any], district: str, prefix: str, counts: dict
) -> None:
    from sanxiang.audit.services import audit_log

    from . import services
    from .imports import entries_bulk_create

    today = ctx.today
    short = "jt" if district == "jintai" else "wb"
    officer, approver = ctx.users[f"{short}_officer"], ctx.users[f"{short}_approver"]
    authority = ctx.authorities[district]
    by_item: dict[str, list] = {}
    for serial in range(1, PER_DISTRICT + 1):
        code = rng.choices([c for c, _w in ITEM_MIX], [w for _c, w in ITEM_MIX])[0]
        item = items[code]
        raw = _row(ctx, rng, code, serial, prefix, today)
        text = raw.pop("_text", "")
        clean, errors = services.clean_data(item, raw, today=today)
        if errors:
            continue
        clean["_text"] = text
        by_item.setdefault(code, []).append((authority, clean))
    by_item["officer_list"] = [
        (
            authority,
            {
                "party_name": ctx.faker.name(),
                "certificate_number": f"61030{n:07d}{district[:1]}",
                "enforcement_area": "税务检查",
                "event_date": (today - datetime.timedelta(days=rng.randint(1, 60))).isoformat(),
                "subject_type": "natural_person",
            },
        )
        for n in range(1, 31)
    ]
    total = 2 * sum(len(rows) for rows in by_item.values())  # both districts are about the same size
    for code, rows in by_item.items():
        entries = entries_bulk_create(actor=officer, item=items[code], rows=rows, today=today)
        counts["created"] += len(entries)
        audit_log(
            actor=officer,
            action="publicity.entry.imported",
            target=items[code],
            authority=authority,
            data={"count": len(entries), "source": "demo"},
        )
        rolls = [rng.random() for _entry in entries]
        # Under 0.1 stays a draft (some of them overdue); the rest is submitted in one go.
        services.entries_submit_many(
            actor=officer, entries=[e for e, roll in zip(entries, rolls, strict=True) if roll >= 0.1]
        )
        # From 0.15 on published (in one batch), above 0.985 then withdrawn again.
        approved = [e for e, roll in zip(entries, rolls, strict=True) if roll >= 0.15]
        services.entries_approve_many(actor=approver, entries=approved)
        counts["published"] += len(approved)
        for entry, roll in zip(entries, rolls, strict=True):
            if roll > 0.985:
                services.entry_withdraw(actor=approver, entry=entry, reason="决定已被复议机关撤销")
                counts["withdrawn"] += 1
        ctx.progress(counts["created"], max(total, counts["created"]))
