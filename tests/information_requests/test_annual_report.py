"""The annual report's every figure against hand-made data; the check rule 一+二 = 三+四."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from sanxiang.information_requests import selectors, services
from sanxiang.information_requests.rules import RESULT_ROWS
from sanxiang.kernel.exceptions import PermissionDeniedError, ValidationFailed
from tests.enforcement import factories as ef

from .conftest import counter_request

D = datetime.date
pytestmark = pytest.mark.django_db


def _issue(office, request, reply_type, on, received, **reply):
    services.request_register(actor=office.officer, request=request, today=received)
    services.reply_draft(actor=office.officer, request=request, reply_type=reply_type, **reply)
    services.reply_approve(actor=office.head, request=request)
    services.reply_issue(actor=office.officer, request=request, on=on, today=on)
    return request


@pytest.fixture
def year_2025(office):
    """Hand-made: what each request should count as is written next to it."""
    # Closed in 2024: not in the 2025 report at all.
    _issue(office, counter_request(office, on=D(2024, 5, 6)), "disclosed", D(2024, 5, 10), D(2024, 5, 6))
    # 二 上年结转 自然人; 三（一）予以公开 自然人.
    _issue(office, counter_request(office, on=D(2024, 12, 20)), "disclosed", D(2025, 1, 10), D(2024, 12, 20))
    # 二 上年结转 商业企业; 四 结转下年度 商业企业.
    counter_request(
        office,
        on=D(2024, 12, 23),
        applicant_type="business",
        applicant_name="某商贸有限公司",
        id_type="",
        id_number="",
    )
    # 一 自然人; 三（三）4 保护第三方合法权益.
    _issue(
        office,
        counter_request(office, on=D(2025, 3, 3)),
        "withheld",
        D(2025, 3, 20),
        D(2025, 3, 3),
        withheld_reason="third_party",
        reasons="涉及商业秘密。",
    )
    # 一 法律服务机构; 三（二）部分公开.
    _issue(
        office,
        counter_request(office, on=D(2025, 4, 1), applicant_type="legal_service", id_type="", id_number=""),
        "partial",
        D(2025, 4, 15),
        D(2025, 4, 1),
        reasons="部分涉及个人隐私。",
        source_text="甲乙丙丁",
        redactions=[{"start": 0, "end": 1}],
    )
    # 一 科研机构; 三（五）1 信访举报投诉类.
    routed = counter_request(office, on=D(2025, 5, 6), applicant_type="research", id_type="", id_number="")
    services.request_route_away(
        actor=office.officer, request=routed, channel_text="请拨打12366。", today=D(2025, 5, 6)
    )
    # 一 自然人; 三（六）1 逾期不补正.
    gone = counter_request(office, on=D(2025, 6, 3))
    services.request_register(actor=office.officer, request=gone, today=D(2025, 6, 3))
    services.request_correction_notice(
        actor=office.officer,
        request=gone,
        on=D(2025, 6, 4),
        today=D(2025, 6, 4),
        items="文号",
        until=D(2025, 6, 10),
    )
    services.refresh_open_clocks(today=D(2025, 6, 11))
    # 一 社会公益组织; 三（四）1 本机关不掌握.
    _issue(
        office,
        counter_request(office, on=D(2025, 7, 1), applicant_type="public_interest", id_type="", id_number=""),
        "not_exist",
        D(2025, 7, 10),
        D(2025, 7, 1),
    )
    # 一 自然人; 三（六）2 逾期未缴费 — fee notice, never paid.
    unpaid = counter_request(office, on=D(2025, 8, 1))
    services.request_register(actor=office.officer, request=unpaid, today=D(2025, 8, 1))
    services.fee_notice_send(
        actor=office.officer,
        request=unpaid,
        on=D(2025, 8, 4),
        today=D(2025, 8, 4),
        method="per_volume",
        pages=40,
    )
    services.refresh_open_clocks(today=D(2025, 9, 10))
    # 一 其他; fee paid (350 yuan), 三（一）.
    paid = counter_request(office, on=D(2025, 9, 1), applicant_type="other", id_type="", id_number="")
    services.request_register(actor=office.officer, request=paid, today=D(2025, 9, 1))
    services.fee_notice_send(
        actor=office.officer,
        request=paid,
        on=D(2025, 9, 2),
        today=D(2025, 9, 2),
        method="per_volume",
        pages=65,
    )
    services.fee_paid(actor=office.officer, request=paid, on=D(2025, 9, 5), today=D(2025, 9, 5))
    services.reply_draft(
        actor=office.officer, request=paid, reply_type="already_public", obtain_how="见本局网站。"
    )
    services.reply_approve(actor=office.head, request=paid)
    services.reply_issue(actor=office.officer, request=paid, on=D(2025, 9, 12), today=D(2025, 9, 12))
    # 一 自然人; closed in 2026 → 四 结转下年度.
    late = counter_request(office, on=D(2025, 12, 15))
    _issue(office, late, "disclosed", D(2026, 1, 8), D(2025, 12, 15))
    # 一 自然人; open → 四.
    counter_request(office, on=D(2025, 12, 22))
    # Remedies filed in 2025.
    first = selectors.request_list(actor=office.officer).get(received_on=D(2025, 3, 3))
    r1 = services.remedy_record(
        actor=office.officer, request=first, kind="reconsideration", filed_on=D(2025, 4, 10)
    )
    services.remedy_decide(actor=office.officer, remedy=r1, outcome="upheld", decided_on=D(2025, 6, 1))
    services.remedy_record(actor=office.officer, request=first, kind="direct_suit", filed_on=D(2025, 5, 1))
    r3 = services.remedy_record(
        actor=office.officer, request=first, kind="suit_after_reconsideration", filed_on=D(2025, 7, 1)
    )
    services.remedy_decide(actor=office.officer, remedy=r3, outcome="corrected", decided_on=D(2026, 2, 1))
    # Decisions for table 二.
    act = ef.act(ef.taxpayer(office.org.city))
    ef.decision(act, kind="penalty", decided_on=D(2025, 5, 5), document_number="宝税罚〔2025〕1号")
    ef.decision(act, kind="penalty", decided_on=D(2024, 5, 5), document_number="宝税罚〔2024〕9号")
    ef.decision(act, kind="licensing_granted", decided_on=D(2025, 6, 5), document_number="宝税许〔2025〕2号")
    return office


def test_every_figure_matches_the_hand_made_data(year_2025):
    tables = selectors.annual_report_tables(authority=year_2025.org.city, year=2025)
    assert tables.new == {
        "natural_person": 5,
        "legal_service": 1,
        "research": 1,
        "public_interest": 1,
        "other": 1,
    }
    assert tables.carried_in == {"natural_person": 1, "business": 1}
    assert tables.results == {
        "disclosed": {"natural_person": 1, "other": 1},
        "withheld.third_party": {"natural_person": 1},
        "partial": {"legal_service": 1},
        "not_processed.petition": {"research": 1},
        "other.no_correction": {"natural_person": 1},
        "unable.not_held": {"public_interest": 1},
        "other.fee_unpaid": {"natural_person": 1},
    }
    assert tables.carried_out == {"business": 1, "natural_person": 2}
    assert tables.check_rule_holds()
    rows = dict(tables.requests_rows())
    assert rows["一、本年新收政府信息公开申请数量"] == [5, 0, 1, 1, 1, 1, 9]
    assert rows["二、上年结转政府信息公开申请数量"] == [1, 1, 0, 0, 0, 0, 2]
    assert rows["三、本年度办理结果 （七）总计"] == [4, 0, 1, 1, 1, 1, 8]
    assert rows["四、结转下年度继续办理"] == [2, 1, 0, 0, 0, 0, 3]
    assert len(rows) == 2 + len(RESULT_ROWS) + 2
    assert tables.remedy_values() == [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1]
    assert tables.fees_total == 350
    proactive = {row[0]: row[1] for block in tables.proactive for row in block["rows"]}
    assert proactive["行政处罚"] == [1]
    assert proactive["行政许可"] == [1]
    assert proactive["行政强制"] == [0]
    # The proactive side (sanxiang.disclosure) supplies 规章 and 行政规范性文件: none issued here.
    assert proactive["规章"] == [0, 0, 0]


def test_check_rule_holds_for_the_next_year_too(year_2025):
    tables = selectors.annual_report_tables(authority=year_2025.org.city, year=2026)
    assert tables.carried_in == {"business": 1, "natural_person": 2}
    assert tables.check_rule_holds()


def test_regulatory_counts_come_from_the_disclosure_app_when_installed(year_2025, monkeypatch):
    import sys
    import types

    from django.apps import apps

    module = types.ModuleType("sanxiang.disclosure.selectors")
    module.regulatory_document_counts = lambda *, authority, year: {
        "rule": {"issued": 1, "repealed": 0, "in_force": 4},
        "normative": {"issued": 3, "repealed": 2, "in_force": 17},
    }
    monkeypatch.setitem(sys.modules, "sanxiang.disclosure.selectors", module)
    monkeypatch.setattr(apps, "is_installed", lambda name: True)
    tables = selectors.annual_report_tables(authority=year_2025.org.city, year=2025)
    regulatory = dict(tables.proactive[0]["rows"])
    assert regulatory == {"规章": [1, 0, 4], "行政规范性文件": [3, 2, 17]}


def test_publish_freezes_the_tables_and_puts_the_report_on_the_portal(year_2025):
    office = year_2025
    report = services.annual_report_save(
        actor=office.officer,
        authority=office.org.city,
        year=2025,
        overview="本年度共收到申请9件。",
        problems="答复文书规范性有待提高。",
        other_matters="无。",
    )
    assert selectors.report_warnings(actor=office.officer, today=D(2026, 1, 5))
    with pytest.raises(PermissionDeniedError):
        services.annual_report_publish(actor=office.officer, report=report, now=timezone.now())
    now = timezone.make_aware(datetime.datetime(2026, 1, 20, 10))
    services.annual_report_publish(actor=office.head, report=report, now=now)
    report.refresh_from_db()
    assert report.status == "published"
    assert report.figures["check_rule_holds"] is True
    assert not [
        w
        for w in selectors.report_warnings(actor=office.officer, today=D(2026, 1, 21))
        if w[0] == office.org.city
    ]
    from sanxiang.portal.models import PublicEntry

    assert PublicEntry.objects.filter(source_key=report.publication_key).exists()
    with pytest.raises(ValidationFailed):
        services.annual_report_save(
            actor=office.officer,
            authority=office.org.city,
            year=2025,
            overview="x",
            problems="y",
            other_matters="",
        )


def test_word_export_has_the_national_sections(year_2025):
    import io

    from docx import Document

    from sanxiang.information_requests.documents import annual_report_docx

    report = services.annual_report_save(
        actor=year_2025.officer,
        authority=year_2025.org.city,
        year=2025,
        overview="总体",
        problems="问题",
        other_matters="其他",
    )
    tables = selectors.annual_report_tables(authority=report.authority, year=2025)
    document = Document(io.BytesIO(annual_report_docx(report, tables)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[1:] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    request_table = document.tables[4]
    assert request_table.rows[1].cells[-1].text == "9"
