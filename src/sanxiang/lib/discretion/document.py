"""The 不予行政处罚决定书 that an applied 首违不罚 exemption requires, as text sections.

国家税务总局公告2021年第33号 requires a formal decision not to penalise, stating the facts, the
basis, the conclusion and the remedies (RULES.md §5.2). The review app turns these sections into
Word and PDF; masking of the party's identifiers is the app's concern, not this module's.
"""

from __future__ import annotations

import datetime
from typing import Any

from .catalogue import violations
from .engine import Assessment

__all__ = ["DOCUMENT_NUMBER_PLACEHOLDER", "render_exemption_decision"]

DOCUMENT_NUMBER_PLACEHOLDER = "____税不罚〔____〕____号"


def _chinese_date(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def render_exemption_decision(
    assessment: Assessment,
    *,
    authority: str,
    party_name: str,
    party_identifier: str,
    facts_text: str,
    decision_date: datetime.date,
    review_authority: str,
    document_number: str | None = None,
) -> dict[str, Any]:
    """Sections of the decision; raises ``ValueError`` when the exemption does not apply.

    Remedies: administrative reconsideration within 60 days (行政复议法第二十条) or a lawsuit within
    6 months (行政诉讼法第四十六条) of receipt; for a penalty decision the party may choose either
    (税收征收管理法第八十八条第二款).
    """
    item = assessment.exemption
    if item is None:
        raise ValueError("不适用首违不罚，不能制作不予行政处罚决定书")
    you = "你单位" if assessment.request.subject == "organisation" else "你"
    violation = violations()[assessment.request.violation]
    identifier_label = (
        "统一社会信用代码（纳税人识别号）"
        if assessment.request.subject == "organisation"
        else "身份证件号码（纳税人识别号）"
    )
    facts = facts_text.strip().rstrip("。")
    return {
        "authority": authority,
        "title": "不予行政处罚决定书",
        "document_number": document_number or DOCUMENT_NUMBER_PLACEHOLDER,
        "party": f"{party_name}（{identifier_label}：{party_identifier}）",
        "facts": f"经查，{you}{facts}。上述行为属于{violation.basis}规定的“{violation.title}”。",
        "basis": (
            f"{you}的上述行为属于{item.citation}所列事项：{item.description}。"
            f"该违法行为系首次发生，危害后果轻微，并在税务机关发现前主动改正或者在责令限期改正的期限内改正。"
            f"根据《中华人民共和国行政处罚法》第三十三条第一款和{item.announcement}的规定，"
        ),
        "decision": f"决定对{you}不予行政处罚。",
        "education": (
            f"请{you}认真学习税收法律法规，依法履行纳税义务，自觉守法；"
            "再次发生同类违法行为的，税务机关将依法予以行政处罚。"
        ),
        "remedies": (
            f"{you}如对本决定不服，可以自收到本决定书之日起六十日内依法向{review_authority}申请行政复议，"
            "或者自收到本决定书之日起六个月内依法向人民法院起诉。"
        ),
        "issuer": authority,
        "date": _chinese_date(decision_date),
        "legal_references": [
            "《中华人民共和国行政处罚法》第三十三条第一款",
            item.citation,
            violation.basis,
            "《中华人民共和国税收征收管理法》第八十八条第二款",
            "《中华人民共和国行政复议法》第二十条",
            "《中华人民共和国行政诉讼法》第四十六条",
        ],
    }
