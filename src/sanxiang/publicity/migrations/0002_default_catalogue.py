"""Load the default catalogue and the masking policy table (from ``DEFAULT_POLICIES``)."""

import datetime

from django.db import migrations


def load(apps, schema_editor):
    from sanxiang.lib.masking import DEFAULT_POLICIES, DisplayMode, FieldType
    from sanxiang.publicity.catalogue import CATEGORIES, ITEMS, LIFTABLE

    Category = apps.get_model("publicity", "Category")
    Item = apps.get_model("publicity", "Item")
    ItemRule = apps.get_model("publicity", "ItemRule")
    MaskPolicy = apps.get_model("publicity", "MaskPolicy")
    categories = {}
    for spec in CATEGORIES:
        categories[spec["code"]], _ = Category.objects.update_or_create(
            code=spec["code"], defaults={k: v for k, v in spec.items() if k != "code"}
        )
    masking_categories = set()
    for order, spec in enumerate(ITEMS):
        fields = {k: v for k, v in spec.items() if k not in ("code", "category", "rules")}
        item, _ = Item.objects.update_or_create(
            code=spec["code"], defaults={**fields, "category": categories[spec["category"]], "order": order * 10}
        )
        masking_categories.add(spec["masking_category"])
        for rule in spec["rules"]:
            ItemRule.objects.update_or_create(
                item=item,
                effective_from=datetime.date.fromisoformat(rule["effective_from"]),
                defaults={k: v for k, v in rule.items() if k != "effective_from"},
            )
    ordinary = "penalty_decision"
    for category in sorted(masking_categories):
        for subject_type in ("natural_person", "individual_business", "organisation"):
            row = DEFAULT_POLICIES.get((category, subject_type)) or DEFAULT_POLICIES[(ordinary, subject_type)]
            for field_type in FieldType:
                mode = row.modes.get(field_type, DisplayMode.HIDDEN)
                MaskPolicy.objects.get_or_create(
                    category=category,
                    subject_type=subject_type,
                    field_type=field_type.value,
                    defaults={"mode": mode.value, "liftable": field_type.value in LIFTABLE},
                )


class Migration(migrations.Migration):
    dependencies = [("publicity", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
