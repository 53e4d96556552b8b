"""Version 1 of the indicator library, from ``evaluation.defaults`` as it stood when this ran.

Later changes to the defaults come as new library versions (a new migration or the library
page), never by editing version 1, which earlier periods were evaluated under."""

import datetime
from decimal import Decimal

from django.db import migrations


def install(apps, schema_editor):
    from sanxiang.evaluation.defaults import DEFAULT_INDICATORS
    from sanxiang.evaluation.rules import DEFAULT_GRADE_SCORES, DEFAULT_TOTAL_BANDS

    IndicatorLibrary = apps.get_model("evaluation", "IndicatorLibrary")
    Indicator = apps.get_model("evaluation", "Indicator")
    if IndicatorLibrary.objects.filter(version=1).exists():
        return
    library = IndicatorLibrary.objects.create(
        version=1,
        name="“三项制度”执行情况评估指标库",
        effective_from=datetime.date(2024, 1, 1),
        grade_scores=dict(DEFAULT_GRADE_SCORES),
        total_bands=[list(b) for b in DEFAULT_TOTAL_BANDS],
        note="默认指标库：实体、程序、技术、其他四个维度，按制度、事项、层级、部门、岗位分级定档。",
    )
    Indicator.objects.bulk_create(
        Indicator(library=library, position=index, **{**row, "weight": Decimal(str(row["weight"]))})
        for index, row in enumerate(DEFAULT_INDICATORS)
    )


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0001_initial")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
