"""Strip the RULES.md certainty marks (✅/🟡/❓) from stored benchmark text.

The example benchmarks were copied from the lib's JSON with the marks inside their notes and source;
offline they render as empty boxes and only repeat the separate ``certainty`` field.
"""

from django.db import migrations


def _plain(value):
    from sanxiang.lib.marks import without_marks

    if isinstance(value, str):
        return without_marks(value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def forwards(apps, schema_editor):
    Benchmark = apps.get_model("review", "BenchmarkVersion")
    for benchmark in Benchmark.objects.all():
        source, payload = _plain(benchmark.source), _plain(benchmark.payload)
        if (source, payload) != (benchmark.source, benchmark.payload):
            benchmark.source, benchmark.payload = source, payload
            benchmark.save(update_fields=["source", "payload"])


class Migration(migrations.Migration):
    dependencies = [("review", "0003_decision_kind_choices")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
