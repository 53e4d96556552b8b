import datetime

import pytest

from sanxiang.lib.discretion import assess, parse_request, render_exemption_decision, shipped_benchmark_set
from sanxiang.lib.discretion.document import DOCUMENT_NUMBER_PLACEHOLDER


def assessment(subject="organisation", first_time=True):
    request = parse_request(
        {
            "violation": "征管法§62",
            "subject": subject,
            "facts": {"days_late": 20, "first_time": first_time, "corrected_in_time": True},
            "violation_date": "2025-03-01",
            "proposed_penalty": 0,
        }
    )
    return assess(request, shipped_benchmark_set(), today=datetime.date(2025, 4, 10))


def render(result, **extra):
    return render_exemption_decision(
        result,
        authority="国家税务总局某市某区税务局",
        party_name="某某有限公司",
        party_identifier="91610000XXXXXXXXXX",
        facts_text="未按照规定的期限办理2025年2月增值税纳税申报，逾期20日，已于责令限期改正期限内改正。",
        decision_date=datetime.date(2025, 4, 10),
        review_authority="国家税务总局某市税务局",
        **extra,
    )


def test_it_renders_the_decision_not_to_penalise():
    document = render(assessment())

    assert document["title"] == "不予行政处罚决定书"
    assert document["document_number"] == DOCUMENT_NUMBER_PLACEHOLDER
    assert document["party"] == "某某有限公司（统一社会信用代码（纳税人识别号）：91610000XXXXXXXXXX）"
    assert document["facts"].startswith("经查，你单位未按照规定的期限办理2025年2月增值税纳税申报")
    assert "改正。上述行为属于《中华人民共和国税收征收管理法》第六十二条" in document["facts"]
    assert "第一批，国家税务总局公告2021年第6号）第3项" in document["basis"]
    assert "《中华人民共和国行政处罚法》第三十三条第一款" in document["basis"]
    assert document["decision"] == "决定对你单位不予行政处罚。"
    assert "六十日内依法向国家税务总局某市税务局申请行政复议" in document["remedies"]
    assert "六个月内依法向人民法院起诉" in document["remedies"]
    assert document["date"] == "2025年4月10日"
    assert "《中华人民共和国税收征收管理法》第八十八条第二款" in document["legal_references"]


def test_it_addresses_an_individual_and_takes_a_document_number():
    document = render(assessment(subject="individual"), document_number="某税不罚〔2025〕12号")

    assert document["decision"] == "决定对你不予行政处罚。"
    assert document["document_number"] == "某税不罚〔2025〕12号"
    assert "身份证件号码" in document["party"]


def test_it_refuses_without_an_exemption():
    with pytest.raises(ValueError, match="不适用首违不罚"):
        render(assessment(first_time=False))
