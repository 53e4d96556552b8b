"""Version 1 of the audio/video matter list (records/defaults.py), editable by the legal department."""

import datetime

from django.db import migrations


def create(apps, schema_editor):
    from sanxiang.records.defaults import DEFAULT_MATTERS

    Version = apps.get_model("records", "MatterListVersion")
    Matter = apps.get_model("records", "RequiredMatter")
    if Version.objects.exists():
        return
    version = Version.objects.create(
        number=1, effective_from=datetime.date(2019, 1, 1), note="初始清单：RULES.md §3.2 与种子 002（武汉 7 类 9 项）"
    )
    for order, row in enumerate(DEFAULT_MATTERS, start=1):
        Matter.objects.create(version=version, order=order, **row)


def remove(apps, schema_editor):
    apps.get_model("records", "MatterListVersion").objects.filter(number=1).delete()


class Migration(migrations.Migration):
    dependencies = [("records", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
