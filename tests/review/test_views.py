from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sanxiang.review import services
from sanxiang.review.models import ReviewCase
from tests.review.conftest import ALL_OK, TODAY

pytestmark = pytest.mark.django_db


def _login(client, user):
    client.force_login(user)
    return client


def _approved_opinion(case, officer, reviewer):
    services.case_submit(actor=officer, case=case, today=TODAY)
    services.case_assign(actor=reviewer, case=case, reviewer=reviewer, today=TODAY)
    return services.review_record_opinion(
        actor=reviewer, case=case, opinion="approve", reasons="同意", findings=ALL_OK, today=TODAY
    )


def test_it_lists_and_shows_cases_in_scope(client, officer, case):
    _login(client, officer)
    assert case.title in client.get(reverse("review:case_list")).content.decode()
    page = client.get(reverse("review:case_detail", args=[case.pk])).content.decode()
    assert "须审核" in page and "较大数额罚款" in page


def test_it_hides_another_districts_case_and_redirects_anonymous(client, case, sibling_bureau_officer):
    assert client.get(reverse("review:case_list")).status_code == 302
    _login(client, sibling_bureau_officer)
    assert client.get(reverse("review:case_detail", args=[case.pk])).status_code == 404
    assert client.post(reverse("review:case_action", args=[case.pk, "submit"])).status_code == 404
    assert ReviewCase.objects.get(pk=case.pk).status == "draft"


def test_it_creates_a_case_from_the_form(client, officer, act):
    _login(client, officer)
    response = client.post(
        reverse("review:case_create"),
        {
            "act": act.pk,
            "decision_kind": "penalty",
            "penalty_amount": "300",
            "tax_amount": "0",
            "case_file": "报告",
        },
    )
    case = ReviewCase.objects.get()
    assert response.status_code == 302
    assert case.needs_review is False


def test_it_shows_a_blocked_leader_decision_as_a_message(client, leader, case):
    _login(client, leader)
    response = client.post(
        reverse("review:case_action", args=[case.pk, "decide"]),
        {"approve": "1", "mode": "individual"},
        follow=True,
    )
    assert "须经法制审核且审核通过后方可作出" in response.content.decode()
    assert ReviewCase.objects.get(pk=case.pk).status == "draft"


def test_it_serves_the_opinion_as_word_and_pdf(client, officer, reviewer, case):
    opinion = _approved_opinion(case, officer, reviewer)
    _login(client, reviewer)
    docx = client.get(reverse("review:opinion_document", args=[case.pk, opinion.pk, "docx"]))
    assert docx.status_code == 200
    assert docx.content[:2] == b"PK"
    pdf = client.get(reverse("review:opinion_document", args=[case.pk, opinion.pk, "pdf"]))
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


def test_it_draws_the_workflow(client, officer):
    _login(client, officer)
    page = client.get(reverse("review:workflow")).content.decode()
    assert "stateDiagram-v2" in page
    assert "退回补充调查" in page


def test_it_shows_statistics_with_chinese_labels_and_exports_them(
    client, officer, reviewer, case, parent_bureau_officer
):
    _approved_opinion(case, officer, reviewer)
    _login(client, parent_bureau_officer)
    page = client.get(reverse("review:statistics"), {"year": 2026}).content.decode()
    assert 'id="total">1<' in page
    assert "<td>行政处罚</td>" in page and "<td>行政处罚决定</td>" in page
    assert "同意 1" in page
    assert ">penalty<" not in page and "approve" not in page
    assert "100.0%" in page  # the district has one reviewer for one officer
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("review:statistics_xlsx"), {"year": 2026}).content)
    )
    rows = list(workbook["按执法类别"].values)
    assert rows[0][-1] == "同意"
    assert rows[1][:3] == ("行政处罚", 1, 0)
    assert rows[2][:2] == ("合计", 1)
    assert list(workbook["按拟作决定类别"].values)[1][:2] == ("行政处罚决定", 1)
    staffing = {row[0]: row for row in workbook["审核人员配备"].values}
    assert staffing["国家税务总局宝鸡市金台区税务局"][1:3] == (1, 1)


def test_it_guides_the_user_when_a_year_has_no_reviews(client, officer):
    _login(client, officer)
    page = client.get(reverse("review:statistics"), {"year": 2020}).content.decode()
    assert 'id="no-reviews"' in page
    assert "2020 年还没有送审的案件" in page


def test_it_refuses_statistics_to_anonymous_and_to_staff_without_a_review_role(client, org):
    from tests import factories as org_factories

    assert client.get(reverse("review:statistics")).status_code == 302
    assert client.get(reverse("review:statistics_xlsx")).status_code == 302
    _login(client, org_factories.user(org.district_a, org.a_collection, roles=["liaison"], scope="unit"))
    assert client.get(reverse("review:statistics")).status_code == 403


def test_it_counts_only_the_actors_scope_in_statistics(
    client, officer, reviewer, case, sibling_bureau_officer
):
    _approved_opinion(case, officer, reviewer)
    _login(client, sibling_bureau_officer)
    page = client.get(reverse("review:statistics"), {"year": 2026}).content.decode()
    assert 'id="no-reviews"' in page
    assert "金台区" not in page


def test_it_shows_the_decision_kind_in_chinese_on_list_detail_and_documents(client, officer, reviewer, case):
    _login(client, officer)
    listing = client.get(reverse("review:case_list")).content.decode()
    assert "<td>行政处罚决定</td>" in listing
    detail = client.get(reverse("review:case_detail", args=[case.pk])).content.decode()
    assert 'id="decision-kind">行政处罚决定；' in detail
    assert ">penalty" not in detail
    opinion = _approved_opinion(case, officer, reviewer)
    from docx import Document

    docx = client.get(reverse("review:opinion_document", args=[case.pk, opinion.pk, "docx"]))
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "拟作决定：行政处罚决定；罚款20000.00元" in text


def test_it_refuses_an_unknown_decision_kind(officer, act):
    from sanxiang.kernel.exceptions import ValidationFailed
    from tests.review.conftest import make_case

    with pytest.raises(ValidationFailed):
        make_case(officer, act, decision_kind="fine")
    assert not ReviewCase.objects.exists()


def test_it_guides_an_empty_case_list(client, officer):
    _login(client, officer)
    page = client.get(reverse("review:case_list")).content.decode()
    assert "登记送审案件" in page and "暂无案件" in page
    page = client.get(reverse("review:case_list"), {"q": "不存在"}).content.decode()
    assert "没有符合条件的案件" in page


def test_it_lists_unreviewed_decisions_per_unit(client, reviewer, act):
    from decimal import Decimal

    from tests.enforcement import factories

    factories.decision(act, penalty_amount=Decimal("60000"), decided_on=TODAY)
    services.unreviewed_scan(today=TODAY)
    _login(client, reviewer)
    page = client.get(reverse("review:unreviewed")).content.decode()
    assert "国家税务总局宝鸡市金台区税务局（1）" in page


def test_it_confirms_a_step_with_the_case_and_its_new_status(client, officer, case):
    _login(client, officer)
    response = client.post(reverse("review:case_action", args=[case.pk, "submit"]), follow=True)
    page = response.content.decode()
    case.refresh_from_db()
    assert f"已送审：{case}，当前状态“{case.get_status_display()}”。" in page
    assert "已办理。" not in page
