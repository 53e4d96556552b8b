"""Default data: the review catalogue built from the rules, the checklist of 国办发〔2018〕118号, the
two national 首违不罚 batches and the example benchmark lineage, from the discretion lib's shipped
data (copied as it is at migration time; later versions come by Excel import)."""

import datetime
import json
from importlib import resources

from django.db import migrations

CHECKLIST = [
    ("subject", "执法主体是否合法，执法人员是否具备执法资格（持有效执法证件）"),
    ("procedure", "执法程序是否合法（立案、调查、告知、陈述申辩、听证等）"),
    ("facts", "案件事实是否清楚，证据是否合法充分"),
    ("law", "适用法律、法规、规章是否准确"),
    ("discretion", "裁量基准运用是否适当（是否属于首违不罚、是否在基准幅度内）"),
    ("authority", "是否超越本机关法定权限"),
    ("documents", "执法文书是否完备、规范"),
    ("criminal_transfer", "违法行为是否涉嫌犯罪、需要移送司法机关"),
]


def forwards(apps, schema_editor):
    from sanxiang.review.rules import DEFAULT_CATALOGUE

    Catalogue = apps.get_model("review", "ReviewCatalogue")
    Rule = apps.get_model("review", "CatalogueRule")
    ChecklistItem = apps.get_model("review", "ChecklistItem")
    Benchmark = apps.get_model("review", "BenchmarkVersion")
    Batch = apps.get_model("review", "ExemptionBatch")

    catalogue = Catalogue.objects.create(
        authority=None,
        name="重大执法决定法制审核事项清单（默认）",
        version="默认-2021",
        effective_from=datetime.date(2021, 7, 15),
    )
    for order, row in enumerate(DEFAULT_CATALOGUE, 1):
        Rule.objects.create(
            catalogue=catalogue,
            order=order,
            code=row["code"],
            label=row["label"],
            act_kinds=list(row.get("act_kinds") or []),
            condition=row.get("condition") or "",
            amount_field=row.get("amount_field") or "",
            threshold_organisation=row.get("threshold_organisation"),
            threshold_individual=row.get("threshold_individual"),
            collective=bool(row.get("collective")),
            quorum=row.get("quorum") or "2/3",
            leaders_collective=bool(row.get("leaders_collective")),
            basis=row.get("basis") or "",
            certainty=row.get("certainty") or "unconfirmed",
        )
    for order, (point, text) in enumerate(CHECKLIST, 1):
        ChecklistItem.objects.create(authority=None, point=point, text=text, order=order)

    data = resources.files("sanxiang.lib.discretion").joinpath("data")
    for name in ("shaanxi-2021.json", "northwest-2023.json"):
        payload = json.loads(data.joinpath("benchmarks", name).read_text(encoding="utf-8"))
        until = payload.get("effective_until")
        Benchmark.objects.create(
            name=payload["name"],
            region=payload["region"],
            version=payload["version"],
            effective_from=datetime.date.fromisoformat(payload["effective_from"]),
            effective_until=datetime.date.fromisoformat(until) if until else None,
            certainty=payload.get("certainty", "unconfirmed"),
            source=payload.get("source", ""),
            payload=payload,
        )
    items = json.loads(data.joinpath("first_violation_exemptions.json").read_text(encoding="utf-8"))["items"]
    batches = {}
    for item in items:
        batches.setdefault(item["batch"], []).append(item)
    for batch, rows in sorted(batches.items()):
        Batch.objects.create(
            batch=batch,
            announcement=rows[0]["announcement"],
            effective_from=datetime.date.fromisoformat(rows[0]["effective_from"]),
            items=rows,
        )


def backwards(apps, schema_editor):
    for name in ("ExemptionBatch", "BenchmarkVersion", "ChecklistItem", "CatalogueRule", "ReviewCatalogue"):
        apps.get_model("review", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("review", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
