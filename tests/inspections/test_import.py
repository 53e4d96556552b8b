"""Excel import of the target directory: errors name file, row and field; nothing half-written; idempotent."""

from __future__ import annotations

import io

import openpyxl
import pytest

from sanxiang.inspections import services
from sanxiang.inspections.models import TargetEntry
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
