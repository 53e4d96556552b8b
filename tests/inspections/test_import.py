"""Excel import of the target directory: errors name file, row and field; nothing half-written; idempotent."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.urls import reverse

from sanxiang.audit.models import AuditEvent
from sanxiang.inspections import services
from sanxiang.inspections.jobs import DIRECTORY_IMPORT
from sanxiang.inspections.models import TargetEntry
from sanxiang.jobs.models import Job, JobStatus
from sanxiang.kernel.exceptions import ValidationFailed

pytestmark = pytest.mark.django_db

HEADER = [
    "统一社会信用代码",
    "分类",
    "行业",
    "规模",
    "风险等级",
    "异常情形",
    "最近一次随机抽查日期",
    "纳税额2023",
    "纳税额2024",
    "纳税额2025",
]


def _xlsx(rows) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_it_imports_idempotently(world):
    a, b = world.taxpayers[-6], world.taxpayers[-5]
    content = _xlsx(
        [
            [
                a.uscc,
                "非重点税源企业",
                "批发和零售业",
                "小型",
                "高",
                "税收高风险、多次被检举",
                "2022-05-01",
                100,
                200,
                300,
            ],
            [
                b.tin,
                "非重点税源企业",
                "批发和零售业",
                "微型",
                "中",
                "列入联合惩戒名单",
                None,
                None,
                None,
                12.5,
            ],
        ]
    )
    report = services.targets_import_excel(
        actor=world.organiser, directory=world.abnormal, file_name="异常名录.xlsx", content=content
    )
    assert (report.created, report.updated) == (0, 2)  # both were already in the directory
    entry = TargetEntry.objects.get(directory=world.abnormal, taxpayer=a)
    assert entry.abnormal_reasons == ["high_risk", "repeatedly_reported"] and entry.risk_level == "high"
    assert entry.tax_paid == {"2023": "100.0", "2024": "200.0", "2025": "300.0"}
    again = services.targets_import_excel(
        actor=world.organiser, directory=world.abnormal, file_name="异常名录.xlsx", content=content
    )
    assert again.updated == 2 and TargetEntry.objects.filter(directory=world.abnormal).count() == 6


def test_errors_name_file_row_and_field_and_nothing_is_written(world):
    a = world.taxpayers[-6]
    content = _xlsx(
        [
            [a.uscc, "非重点税源企业", "批发和零售业", "小型", "高", "税收高风险", None, None, None, None],
            [
                world.taxpayers[-5].uscc,
                "大企业",
                "批发和零售业",
                "小型",
                "极高",
                "税收高风险",
                "昨天",
                None,
                None,
                None,
            ],
            ["91000000000000000X", "非重点税源企业", "", "", "", "税收高风险", None, None, None, None],
        ]
    )
    before = TargetEntry.objects.get(directory=world.abnormal, taxpayer=a).risk_level
    with pytest.raises(ValidationFailed) as caught:
        services.targets_import_excel(
            actor=world.organiser, directory=world.abnormal, file_name="名录.xlsx", content=content
        )
    errors = caught.value.extra["errors"]
    assert any("名录.xlsx 第3行“分类”" in e for e in errors)
    assert any("第3行“风险等级”" in e for e in errors)
    assert any("第3行“最近一次随机抽查日期”" in e for e in errors)
    assert any("第4行“纳税人识别号”" in e for e in errors)
    assert TargetEntry.objects.get(directory=world.abnormal, taxpayer=a).risk_level == before


def test_a_file_that_is_not_excel_is_refused(world):
    with pytest.raises(ValidationFailed) as caught:
        services.targets_import_excel(
            actor=world.organiser, directory=world.abnormal, file_name="x.xlsx", content=b"not excel"
        )
    assert "x.xlsx" in str(caught.value.message)


def _inspector_xlsx(rows) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["账号", "擅长行业", "擅长税种", "擅长案件类型", "其他在办案件数"])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_inspector_directory_imports_idempotently_and_names_bad_rows(world):
    from sanxiang.inspections.models import InspectorEntry

    first = world.inspectors[0]
    content = _inspector_xlsx([[first.username, "制造业、建筑业", "增值税", "偷税", 2]])
    report = services.inspectors_import_excel(
        actor=world.organiser, directory=world.inspector_dir, file_name="人员.xlsx", content=content
    )
    assert (report.created, report.updated) == (0, 1)
    entry = InspectorEntry.objects.get(directory=world.inspector_dir, user=first)
    assert entry.industries == sorted(["制造业", "建筑业"]) and entry.other_cases_in_hand == 2
    services.inspectors_import_excel(
        actor=world.organiser, directory=world.inspector_dir, file_name="人员.xlsx", content=content
    )
    assert InspectorEntry.objects.filter(directory=world.inspector_dir).count() == 6
    bad = _inspector_xlsx([[first.username, "", "", "", "两件"], ["nobody", "", "", "", 0]])
    with pytest.raises(ValidationFailed) as caught:
        services.inspectors_import_excel(
            actor=world.organiser, directory=world.inspector_dir, file_name="人员.xlsx", content=bad
        )
    errors = caught.value.extra["errors"]
    assert any("人员.xlsx 第2行“其他在办案件数”" in e for e in errors)
    assert any("人员.xlsx 第3行“账号”" in e for e in errors)
    entry.refresh_from_db()
    assert entry.other_cases_in_hand == 2


# --- the page: the import runs as a background job -------------------------------------------


def _submit(client, directory, name: str, content: bytes, run_jobs):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with run_jobs():
        response = client.post(
            reverse("inspections:directory_import", args=[directory.pk]),
            {"file": SimpleUploadedFile(name, content)},
        )
    job = Job.objects.get(kind=DIRECTORY_IMPORT)
    assert response.status_code == 302 and response["Location"] == reverse("jobs:detail", args=[job.pk])
    return job, client.get(response["Location"]).content.decode()


def test_the_directory_page_imports_through_a_job_whose_page_shows_the_result(world, client, run_jobs):
    a = world.taxpayers[-6]
    client.force_login(world.organiser)
    content = _xlsx([[a.uscc, "非重点税源企业", "批发和零售业", "小型", "高", "税收高风险", None, 1, 2, 3]])

    job, page = _submit(client, world.abnormal, "异常名录.xlsx", content, run_jobs)

    assert job.status == JobStatus.DONE and job.authority == world.abnormal.authority
    assert (job.result["created"], job.result["updated"], job.result["errors"]) == (0, 1, [])
    assert "导入完成：新增 0 条，更新 1 条。" in page and "异常名录.xlsx" in page
    entry = TargetEntry.objects.get(directory=world.abnormal, taxpayer=a)
    assert entry.risk_level == "high" and entry.tax_paid == {"2023": "1.0", "2024": "2.0", "2025": "3.0"}
    assert AuditEvent.objects.filter(action="inspections.directory.imported").count() == 1


def test_a_faulty_file_shows_every_error_on_the_job_page_and_writes_nothing(world, client, run_jobs):
    a = world.taxpayers[-6]
    before = TargetEntry.objects.get(directory=world.abnormal, taxpayer=a).risk_level
    client.force_login(world.organiser)
    content = _xlsx(
        [
            [a.uscc, "非重点税源企业", "", "", "低", "", None, None, None, None],
            ["91000000000000000X", "大企业", "", "", "", "", None, None, None, None],
        ]
    )

    job, page = _submit(client, world.abnormal, "名录.xlsx", content, run_jobs)

    assert job.status == JobStatus.DONE and job.result["error_count"] == 2
    assert "文件有 2 处错误，未导入任何数据" in page
    assert "名录.xlsx 第3行“分类”" in page and "第3行“纳税人识别号”" in page
    assert TargetEntry.objects.get(directory=world.abnormal, taxpayer=a).risk_level == before


def test_a_hostile_workbook_is_refused_by_the_safe_reader_through_the_job(world, client, run_jobs):
    from tests.reliability import hostile

    client.force_login(world.organiser)
    job, page = _submit(client, world.abnormal, "炸弹.xlsx", hostile.build("zip_bomb", ".xlsx"), run_jobs)

    assert job.status == JobStatus.DONE and job.result["error_count"] == 1
    assert "炸弹.xlsx" in page and "压缩炸弹" in page


def test_a_leader_who_may_only_view_cannot_start_an_import(world, client):
    client.force_login(world.leader)
    response = client.post(reverse("inspections:directory_import", args=[world.abnormal.pk]), {})
    assert response.status_code in (403, 404)
    assert not Job.objects.exists()
