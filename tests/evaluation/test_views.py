"""The evaluation pages: who may open them, what they show, exports, and the leader's home panel."""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse

from sanxiang.evaluation import services
from tests import factories

from . import builders as b

pytestmark = pytest.mark.django_db
D = datetime.date


def login(client, user):
    client.force_login(user)
    return client


def test_unit_page_shows_scores_not_enabled_sources_and_links_to_records(
    client, org, library, leader, monkeypatch
):
    from sanxiang.kernel import measures as registry

    monkeypatch.setattr(
        registry, "_measures", {c: m for c, m in registry._measures.items() if m.system != "records"}
    )
    b.entry(org.district_a, due=D(2026, 11, 5), published=D(2026, 11, 5))
    page = login(client, leader).get(reverse("evaluation:unit", args=[org.city.pk]) + "?period=2026-11")
    html = page.content.decode()
    assert page.status_code == 200
    assert "数据来源未启用" in html
    assert reverse("evaluation:drill", args=[org.city.pk, "GS-01"]) in html
    assert org.district_a.name in html  # drill-down to subordinate units
    drill = client.get(reverse("evaluation:drill", args=[org.city.pk, "GS-01"]) + "?period=2026-11")
    assert drill.status_code == 200 and "/staff/publicity/entries/" in drill.content.decode()


def test_unit_outside_scope_is_404_and_roles_without_evaluation_403(client, org, library):
    district_leader = factories.user(org.district_b, org.b_legal, roles=["leader"], scope="unit")
    assert (
        login(client, district_leader).get(reverse("evaluation:unit", args=[org.district_a.pk])).status_code
        == 404
    )
    officer = factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"])
    assert login(client, officer).get(reverse("evaluation:unit", args=[org.district_a.pk])).status_code == 403


def test_officer_view_only_for_the_officer_and_superiors(client, org, library):
    officer = factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"])
    colleague = factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"])
    boss = factories.user(org.district_a, org.a_legal, roles=["leader"], scope="unit")
    url = reverse("evaluation:officer", args=[officer.pk])
    assert login(client, officer).get(url).status_code == 200
    assert login(client, boss).get(url).status_code == 200
    assert login(client, colleague).get(url).status_code == 404


def test_excel_and_word_exports(client, org, library, leader):
    from docx import Document
    from openpyxl import load_workbook

    b.entry(org.district_a, due=D(2026, 11, 5), published=D(2026, 11, 5))
    client = login(client, leader)
    xlsx = client.get(reverse("evaluation:unit_xlsx", args=[org.city.pk]) + "?period=2026-11")
    assert xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert org.city.name in values and org.district_a.name in values
    docx = client.get(reverse("evaluation:unit_docx", args=[org.city.pk]) + "?period=2026-11")
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "评估报告" in text and "综合得分" in text


def test_leader_home_shows_the_evaluation_summary_and_loop_counts(client, org, library, leader):
    b.case(org.district_a, needs_review=True, unreviewed=True, decided_on=D(2026, 11, 3))
    services.loop_findings_refresh(now=__import__("django.utils.timezone", fromlist=["now"]).now())
    html = login(client, leader).get(reverse("core:home")).content.decode()
    assert 'id="evaluation-panel"' in html and "应审未审 1" in html


def test_officer_home_has_no_evaluation_panel(client, org, library):
    officer = factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"])
    assert 'id="evaluation-panel"' not in login(client, officer).get(reverse("core:home")).content.decode()


def test_period_close_and_snapshot_page(client, org, library, legal):
    client = login(client, legal)
    response = client.post(reverse("evaluation:period_close", args=[org.city.pk]), {"month": "2026-10"})
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200 and "snapshot-digest" in page.content.decode()


def test_loops_page_lists_findings_in_scope(client, org, library):
    b.case(org.district_a, needs_review=True, unreviewed=True, decided_on=D(2026, 11, 3))
    services.loop_findings_refresh(now=__import__("django.utils.timezone", fromlist=["now"]).now())
    officer = factories.user(org.district_a, org.a_legal, roles=["legal_reviewer"], scope="unit")
    html = login(client, officer).get(reverse("evaluation:loops")).content.decode()
    assert "须法制审核的决定未经审核即作出" in html
