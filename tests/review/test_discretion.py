"""Discretion through the stored benchmarks: range, 从旧兼从轻, 首违不罚 and its document, the command,
the Excel import."""

from __future__ import annotations

import datetime
import io
import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from sanxiang.jobs.models import Job, JobStatus
from sanxiang.review import selectors, services
from sanxiang.review.jobs import BENCHMARK_IMPORT
from sanxiang.review.models import BenchmarkVersion, ExemptionBatch
from tests import factories
from tests.review.conftest import TODAY, make_case

pytestmark = pytest.mark.django_db

LATE = {"days_late": 20, "first_time": False, "corrected_in_time": True}


def test_it_ships_the_benchmarks_and_both_exemption_batches():
    assert BenchmarkVersion.objects.count() == 2
    assert [(b.batch, b.effective_from) for b in ExemptionBatch.objects.all()] == [
        (1, datetime.date(2021, 4, 1)),
        (2, datetime.date(2022, 1, 1)),
    ]


def test_it_says_a_proposal_is_within_range(officer, act):
    case = make_case(
        officer,
        act,
        penalty_amount=Decimal("150"),
        violation_code="征管法§62",
        violation_date=datetime.date(2025, 3, 1),
        discretion_facts=LATE,
    )
    view = selectors.case_discretion(case=case, today=TODAY)
    assert view.result["within_range"] is True
    assert view.result["range"] == [0, 200]
    assert not case.needs_review


def test_it_flags_a_departure_from_the_benchmark_for_review(officer, act):
    case = make_case(
        officer,
        act,
        penalty_amount=Decimal("1500"),
        violation_code="征管法§62",
        violation_date=datetime.date(2025, 3, 1),
        discretion_facts=LATE,
        penalty_reason="当事人拒不改正，情节较重",
    )
    assert selectors.case_discretion(case=case, today=TODAY).result["within_range"] is False
    assert [r["code"] for r in case.fired_rules] == ["benchmark_departure"]


def test_it_applies_the_old_benchmark_unless_the_new_one_is_lighter():
    from sanxiang.lib.discretion import evaluate

    old = {
        "violation": "征管法§62",
        "subject": "organisation",
        "facts": LATE,
        "violation_date": "2022-03-01",
        "decision_date": "2022-05-01",
        "proposed_penalty": 500,
    }
    assert evaluate(old, selectors.benchmark_set(), today=TODAY)["benchmark"].startswith("《陕西省")
    newer = dict(old, violation_date="2023-06-01", decision_date="2024-05-01")
    result = evaluate(newer, selectors.benchmark_set(), today=TODAY)
    assert result["benchmark"].startswith("《西北五省")
    assert any("从旧兼从轻" in reason for reason in result["reasons"])


def test_it_shows_similar_past_decisions(officer, act, leader):
    for amount in ("100", "150", "200"):
        past = make_case(
            officer,
            act,
            penalty_amount=Decimal(amount),
            violation_code="征管法§62",
            violation_date=datetime.date(2025, 1, 1),
            discretion_facts=LATE,
        )
        services.case_decide(actor=leader, case=past, today=TODAY)
        services.case_record_decision(
            actor=officer, case=past, document_number=f"宝金税罚〔2026〕{amount}号", decided_on=TODAY
        )
    case = make_case(
        officer,
        act,
        penalty_amount=Decimal("180"),
        violation_code="征管法§62",
        violation_date=datetime.date(2025, 3, 1),
        discretion_facts=LATE,
    )
    similar = selectors.case_discretion(case=case, today=TODAY).similar
    assert similar["count"] == 3
    assert (similar["min"], similar["median"], similar["max"]) == (100, 150, 200)


def test_it_produces_the_no_penalty_decision_for_a_first_violation(client, officer, act):
    case = make_case(
        officer,
        act,
        decision_kind="no_penalty",
        penalty_amount=Decimal("0"),
        violation_code="征管法§62",
        violation_date=datetime.date(2025, 3, 1),
        discretion_facts={**LATE, "first_time": True},
        facts="2025年2月增值税逾期20日申报",
    )
    view = selectors.case_discretion(case=case, today=TODAY)
    assert view.result["first_violation_exemption"] is True
    assert view.result["within_range"] is True
    client.force_login(officer)
    response = client.get(reverse("review:exemption_document", args=[case.pk]))
    assert response.status_code == 200
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "不予行政处罚决定书" in text
    assert "不予行政处罚" in text and "第三十三条第一款" in text


def test_it_refuses_the_no_penalty_document_without_exemption(client, officer, act):
    case = make_case(
        officer,
        act,
        penalty_amount=Decimal("150"),
        violation_code="征管法§62",
        violation_date=datetime.date(2025, 3, 1),
        discretion_facts=LATE,
    )
    client.force_login(officer)
    response = client.get(reverse("review:exemption_document", args=[case.pk]), follow=True)
    assert "不适用首违不罚" in response.content.decode()


def test_it_runs_the_jsonl_command_with_one_line_per_input_and_fails_at_the_end(tmp_path):
    source = tmp_path / "in.jsonl"
    good = {
        "violation": "征管法§62",
        "subject": "organisation",
        "facts": {**LATE, "first_time": True, "unpaid_tax": 0},
        "violation_date": "2025-03-01",
        "proposed_penalty": 500,
    }
    source.write_text(
        json.dumps(good, ensure_ascii=False) + "\nnot json\n" + json.dumps(good, ensure_ascii=False) + "\n"
    )
    out = io.StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("discretion", "--jsonl", "--input", str(source), stdout=out)
    assert failed.value.returncode == 1
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 3
    assert lines[0]["first_violation_exemption"] is True and lines[0]["within_range"] is False
    assert lines[1]["error"]["line"] == 2
    assert lines[2] == lines[0]


def test_it_imports_a_benchmark_version_from_excel_as_a_job(client, reviewer, tmp_path, run_jobs):
    from sanxiang.lib.discretion import Benchmark, shipped_benchmark_set, write_benchmark_template

    shipped = shipped_benchmark_set().benchmarks[-1]
    newer = Benchmark.from_json(
        {**shipped.to_json(), "version": "2026版", "effective_from": "2026-01-01", "effective_until": None}
    )
    path = tmp_path / "b.xlsx"
    write_benchmark_template(path, newer)
    client.force_login(reviewer)
    with run_jobs(), open(path, "rb") as handle:
        response = client.post(reverse("review:benchmarks"), {"workbook": handle})
    job = Job.objects.get(kind=BENCHMARK_IMPORT)
    assert response.status_code == 302 and response["Location"] == reverse("jobs:detail", args=[job.pk])
    version = BenchmarkVersion.objects.get(version="2026版")
    assert job.status == JobStatus.DONE and job.result["ok"] and job.result["rules"] == len(newer.rules)
    assert len(version.payload["rules"]) == len(newer.rules)
    page = client.get(response["Location"]).content.decode()
    assert "已导入裁量基准" in page and "2026版" in page and "b.xlsx" in page

    # The same version again: the job's page says why, and nothing more is written.
    with run_jobs(), open(path, "rb") as handle:
        again = client.post(reverse("review:benchmarks"), {"workbook": handle})
    page = client.get(again["Location"]).content.decode()
    assert "该版本的裁量基准已导入。" in page and "未导入任何数据" in page
    assert BenchmarkVersion.objects.filter(version="2026版").count() == 1


def test_only_a_reviewer_or_administrator_may_submit_a_benchmark_import(client, org):
    officer = factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"], scope="unit")
    client.force_login(officer)
    response = client.post(
        reverse("review:benchmarks"), {"workbook": SimpleUploadedFile("b.xlsx", b"PK\x03\x04")}
    )
    assert response.status_code == 200
    assert "只有法制审核人员或系统管理员可以导入裁量基准。" in response.content.decode()
    assert not Job.objects.exists()
