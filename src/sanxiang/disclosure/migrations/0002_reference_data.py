"""Reference data: tax types and the validity labels of RULES.md §7 (editable by administrators)."""

from django.db import migrations

TAX_TYPES = [
    ("vat", "增值税"),
    ("consumption", "消费税"),
    ("cit", "企业所得税"),
    ("iit", "个人所得税"),
    ("resource", "资源税"),
    ("urban_maintenance", "城市维护建设税"),
    ("property", "房产税"),
    ("land_use", "城镇土地使用税"),
    ("land_vat", "土地增值税"),
    ("vehicle_vessel", "车船税"),
    ("vehicle_purchase", "车辆购置税"),
    ("stamp", "印花税"),
    ("deed", "契税"),
    ("environmental", "环境保护税"),
    ("social_insurance", "社会保险费"),
    ("non_tax", "非税收入"),
    ("administration", "征收管理"),
]

# (code, label, base validity, needs articles): 🟡/❓ in RULES.md §7, hence data.
VALIDITY_LABELS = [
    ("full_in_force", "全文有效", "in_force", False),
    ("partly_void", "部分条款失效", "partly_void", True),
    ("partly_repealed", "部分条款废止", "partly_void", True),
    ("full_void", "全文失效", "void", False),
    ("full_repealed", "全文废止", "repealed", False),
]

SENSITIVE_WORDS = ["代开发票", "刷单", "办证", "赌博", "色情"]


def forwards(apps, schema_editor):
    TaxType = apps.get_model("disclosure", "TaxType")
    ValidityLabel = apps.get_model("disclosure", "ValidityLabel")
    SensitiveWord = apps.get_model("disclosure", "SensitiveWord")
    for order, (code, name) in enumerate(TAX_TYPES, start=1):
        TaxType.objects.update_or_create(code=code, defaults={"name": name, "order": order})
    for order, (code, label, validity, needs) in enumerate(VALIDITY_LABELS, start=1):
        ValidityLabel.objects.update_or_create(
            code=code, defaults={"label": label, "validity": validity, "needs_articles": needs, "order": order}
        )
    for word in SENSITIVE_WORDS:
        SensitiveWord.objects.get_or_create(word=word)


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
