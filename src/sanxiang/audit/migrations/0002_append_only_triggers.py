from django.db import migrations


def install(apps, schema_editor):
    from sanxiang.audit.triggers import install_append_only_triggers, wanted

    if wanted(schema_editor.connection):
        install_append_only_triggers(schema_editor.connection)


def drop(apps, schema_editor):
    from sanxiang.audit.triggers import drop_append_only_triggers

    drop_append_only_triggers(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(install, drop)]
