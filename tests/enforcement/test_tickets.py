"""Progress tickets of 承诺件: issued on registration through the staff form, the API and a
source-system push (one service, one transaction), the 受理回执 in Word and PDF, the catalogue."""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from sanxiang.enforcement import rules, services, tickets
from sanxiang.enforcement.models import EnforcementAct, MatterCatalogueItem, MatterTicket
from sanxiang.kernel.exceptions import ValidationFailed
from tests.enforcement import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(officer):
    client = APIClient()
    client.force_authenticate(officer)
    return client


def _payload(org, company, **extra):
    return {
        "kind": "penalty",
        "matter": "逾期申报",
        "taxpayer": company.pk,
        "authority": org.district_a.code,
        "started_on": "2026-03-02",
        **extra,
    }


def test_the_catalogue_marks_penalties_promised_and_inspections_immediate():
    by_kind = {i.act_kind: i for i in MatterCatalogueItem.objects.all()}
    assert by_kind["penalty"].handling == "promised" and by_kind["penalty"].time_limit == 90
    assert by_kind["licensing"].time_unit == "working_days" and by_kind["licensing"].time_limit == 20
    assert by_kind["inspection"].handling == "immediate"


def test_a_keyword_row_comes_before_the_row_for_the_whole_kind():
    entries = [
        rules.CatalogueEntry(1, "penalty", "", "promised", 90, "days"),
        rules.CatalogueEntry(2, "penalty", "简易", "immediate", 0, "days"),
        rules.CatalogueEntry(3, "", "", "immediate", 0, "days"),
    ]
    assert rules.catalogue_match(entries, kind="penalty", matter="简易程序罚款").pk == 2
    assert rules.catalogue_match(entries, kind="penalty", matter="逾期申报").pk == 1
    assert rules.catalogue_match(entries, kind="levy", matter="x").pk == 3


def test_the_staff_form_issues_a_ticket_for_a_promised_matter_only(client, officer, org, company_a):
    client.force_login(officer)
    url = reverse("enforcement:act_create")
    base = {
        "matter": "逾期申报",
        "taxpayer": company_a.pk,
        "authority": org.district_a.pk,
        "started_on": "2026-03-02",
        "status": "in_progress",
    }
    assert client.post(url, {**base, "kind": "penalty"}).status_code == 302
    assert client.post(url, {**base, "kind": "inspection"}).status_code == 302
    penalty = EnforcementAct.objects.get(kind="penalty")
    inspection = EnforcementAct.objects.get(kind="inspection")
    ticket = MatterTicket.objects.get(act=penalty)
    assert not MatterTicket.objects.filter(act=inspection).exists()
    assert ticket.received_on == datetime.date(2026, 3, 2)
    # 90 calendar days from 2 March 2026 end on Sunday 31 May, so on the next working day
    # (行政处罚法第六十条; a period ending on a rest day runs to the next working day).
    assert ticket.due_on == datetime.date(2026, 6, 1)
    page = client.get(reverse("enforcement:act_detail", kwargs={"pk": penalty.pk})).content.decode()
    assert ticket.matter_number in page and "下载受理回执（PDF）" in page


def test_the_api_issues_a_ticket_and_returns_its_number(api, org, company_a):
    response = api.post(reverse("api:enforcement:act-list"), _payload(org, company_a), format="json")
    assert response.status_code == 201
    ticket = MatterTicket.objects.get(act_id=response.json()["id"])
    assert response.json()["matter_number"] == ticket.matter_number
    immediate = api.post(
        reverse("api:enforcement:act-list"), _payload(org, company_a, kind="levy"), format="json"
    )
    assert immediate.json()["matter_number"] is None


def test_a_source_push_issues_one_ticket_however_often_it_is_repeated(api, org, company_a):
    url = reverse("api:enforcement:act-by-source", kwargs={"system": "jinsan", "source_id": "2026-7"})
    first = api.put(url, _payload(org, company_a), format="json")
    again = api.put(
        url, _payload(org, company_a, status="concluded", concluded_on="2026-04-01"), format="json"
    )
    assert (first.status_code, again.status_code) == (201, 200)
    ticket = MatterTicket.objects.get()
    assert first.json()["matter_number"] == again.json()["matter_number"] == ticket.matter_number
    assert ticket.stage == "concluded" and ticket.stage_dates["concluded"] == "2026-04-01"


def test_a_failing_ticket_rolls_the_registration_back(officer, org, company_a, monkeypatch):
    def broken(**kwargs):
        raise ValidationFailed("x")

    monkeypatch.setattr(tickets, "_issue", broken)
    with pytest.raises(ValidationFailed):
        services.act_create(
            actor=officer, kind="penalty", matter="逾期申报", taxpayer=company_a, authority=org.district_a
        )
    assert not EnforcementAct.objects.exists()


def test_the_code_is_random_hashed_and_checked(officer, act_a):
    ticket, code = tickets.matter_ticket_issue(actor=officer, act=act_a, on=datetime.date(2026, 3, 2))
    assert len(code) == 8 and set(code) <= set(rules.CODE_ALPHABET)
    assert code not in ticket.code_hash and code not in ticket.code_sealed
    assert rules.code_matches(code.lower(), ticket.code_salt, ticket.code_hash)
    assert not rules.code_matches("AAAAAAAA", ticket.code_salt, ticket.code_hash)
    assert tickets.matter_ticket_code(ticket) == code


def test_a_decision_moves_the_ticket_to_decided(officer, act_a):
    ticket, _code = tickets.matter_ticket_issue(actor=officer, act=act_a, on=datetime.date(2026, 3, 2))
    services.decision_create(
        actor=officer, act=act_a, kind="penalty", decided_on=datetime.date(2026, 3, 20), penalty_amount=500
    )
    ticket.refresh_from_db()
    assert ticket.stage == "decided" and ticket.stage_dates["decided"] == "2026-03-20"


@pytest.fixture
def licensing_ticket(officer, org, company_a):
    act = services.act_create(
        actor=officer,
        kind="licensing",
        matter="增值税防伪税控系统最高开票限额审批",
        taxpayer=company_a,
        authority=org.district_a,
        started_on=datetime.date(2025, 9, 26),
    )
    return act, MatterTicket.objects.get(act=act)


def test_the_time_limit_runs_on_the_working_day_calendar(licensing_ticket):
    _act, ticket = licensing_ticket
    # 20 working days from Friday 26 Sep 2025: 28 Sep and 11 Oct are adjusted working days,
    # 1-8 Oct the National Day holiday; weekends alone would give 24 Oct.
    assert ticket.due_on == datetime.date(2025, 10, 30)
    assert ticket.time_limit_label == "20工作日"


def test_the_receipt_opens_in_word_and_pdf_with_number_code_and_time_limit(
    client, officer, licensing_ticket, audit_calls
):
    from docx import Document
    from pypdf import PdfReader

    act, ticket = licensing_ticket
    code = tickets.matter_ticket_code(ticket)
    client.force_login(officer)
    word = client.get(reverse("enforcement:act_receipt", kwargs={"pk": act.pk, "fmt": "docx"}))
    assert word.status_code == 200 and word["Cache-Control"] == "private, no-store"
    document = Document(io.BytesIO(word.content))
    cells = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert cells["事项编号"] == ticket.matter_number and cells["查询码"] == code
    assert cells["受理日期"] == "2025年9月26日" and cells["办理期限"] == "2025年10月30日"
    assert cells["受理事项"] == act.matter and cells["承诺办理时限"] == "20工作日"
    pdf = client.get(reverse("enforcement:act_receipt", kwargs={"pk": act.pk, "fmt": "pdf"}))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    compact = "".join(text.split())
    assert "受理回执" in compact and ticket.matter_number in compact and code in compact
    assert "2025年10月30日" in compact
    printed = [c for c in audit_calls if c["action"] == "enforcement.matter_ticket.receipt_printed"]
    assert len(printed) == 2


def test_an_immediate_matter_has_no_receipt_and_others_cannot_print_it(
    client, officer, sibling_bureau_officer, org, company_a, licensing_ticket
):
    act, _ticket = licensing_ticket
    client.force_login(sibling_bureau_officer)
    assert (
        client.get(reverse("enforcement:act_receipt", kwargs={"pk": act.pk, "fmt": "pdf"})).status_code == 404
    )
    levy = factories.act(company_a, kind="levy")
    client.force_login(officer)
    response = client.get(reverse("enforcement:act_receipt", kwargs={"pk": levy.pk, "fmt": "docx"}))
    assert response.status_code == 302
