"""Strip the RULES.md certainty marks (✅/🟡/❓) from stored benchmark text, and the editors' word
"可配置" from the default catalogue's legal bases.

The example benchmarks were copied from the lib's JSON with the marks inside their notes and source;
offline they render as empty boxes and only repeat the separate ``certainty`` field. A clerk reads
a rule's basis, not a note that its threshold is a setting.
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
    Rule = apps.get_model("review", "CatalogueRule")
    for rule in Rule.objects.filter(basis__contains="，可配置）"):
        rule.basis = rule.basis.replace("，可配置）", "）")
        rule.save(update_fields=["basis"])


class Migration(migrations.Migration):
    dependencies = [("review", "0004_case_penalty_reason")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
