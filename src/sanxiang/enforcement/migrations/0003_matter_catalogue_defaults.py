"""The matter catalogue's first rows (one per kind of act) and the progress tickets the portal
kept before the ticket moved here (the same stages, received on the 已受理 date)."""

import datetime

from django.db import migrations

# (act_kind, name, handling, time limit, unit, basis). Administrators edit the rows afterwards;
# these are only the defaults a new installation starts from.
DEFAULTS = [
    (
        "licensing",
        "行政许可",
        "promised",
        20,
        "working_days",
        "《中华人民共和国行政许可法》第四十二条、第八十二条（二十日内作出决定，以工作日计算）",
    ),
    (
        "penalty",
        "行政处罚",
        "promised",
        90,
        "days",
        "《中华人民共和国行政处罚法》第六十条（自立案之日起九十日内作出行政处罚决定）",
    ),
    (
        "tax_audit",
        "税务稽查",
        "promised",
        90,
        "days",
        "参照《中华人民共和国行政处罚法》第六十条（期限以本机关规定为准，须核对）",
    ),
    ("compulsory_measure", "行政强制", "immediate", 0, "working_days", ""),
    ("inspection", "行政检查", "immediate", 0, "working_days", ""),
    ("levy", "行政征收", "immediate", 0, "working_days", ""),
    ("abnormal_household", "非正常户认定", "immediate", 0, "working_days", ""),
    ("arrears_notice", "欠税公告", "immediate", 0, "working_days", ""),
    ("document_service", "文书送达", "immediate", 0, "working_days", ""),
    ("other", "其他执法事项", "immediate", 0, "working_days", ""),
]


def add_defaults(apps, schema_editor):
    Item = apps.get_model("enforcement", "MatterCatalogueItem")
    if Item.objects.exists():
        return
    Item.objects.bulk_create(
        Item(act_kind=kind, name=name, handling=handling, time_limit=limit, time_unit=unit, basis=basis, order=n)
        for n, (kind, name, handling, limit, unit, basis) in enumerate(DEFAULTS, 1)
    )


def copy_portal_tickets(apps, schema_editor):
    Old = apps.get_model("portal", "MatterTicket")
    New = apps.get_model("enforcement", "MatterTicket")
    for old in Old.objects.all().order_by("pk"):
        if New.objects.filter(act_id=old.act_id).exists():
            continue
        accepted = old.stage_dates.get("accepted") or old.issued_at.date().isoformat()
        New.objects.create(
            act_id=old.act_id,
            matter_number=old.matter_number,
            code_salt=old.code_salt,
            code_hash=old.code_hash,
            stage=old.stage,
            stage_dates=old.stage_dates,
            received_on=datetime.date.fromisoformat(accepted),
            issued_at=old.issued_at,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("enforcement", "0002_mattercatalogueitem_matterticket"),
        ("portal", "0003_log_records"),
    ]

    operations = [
        migrations.RunPython(add_defaults, migrations.RunPython.noop),
        migrations.RunPython(copy_portal_tickets, migrations.RunPython.noop),
    ]
