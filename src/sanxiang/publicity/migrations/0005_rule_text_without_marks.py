"""Strip the RULES.md certainty marks (✅/🟡/❓) from stored catalogue rule text.

The default catalogue carried "（❓）" and "（字段清单🟡）" in its notes; offline they render as empty
boxes and only repeat the rule's separate ``certainty`` field.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from sanxiang.lib.marks import without_marks

    ItemRule = apps.get_model("publicity", "ItemRule")
    for rule in ItemRule.objects.all():
        source, note = without_marks(rule.source), without_marks(rule.note)
        if (source, note) != (rule.source, rule.note):
            rule.source, rule.note = source, note
            rule.save(update_fields=["source", "note"])


class Migration(migrations.Migration):
    dependencies = [("publicity", "0004_document_source")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
