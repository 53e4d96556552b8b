"""Give existing 系统管理员 with all-data scope entry to /admin/ (``is_staff``), and nobody else.

From now on the org services keep ``is_staff`` in sync with roles and scope
(``sanxiang.kernel.access.may_use_admin_site``).
"""

from django.db import migrations


def forwards(apps, schema_editor):
    User = apps.get_model("core", "User")
    admins = User.objects.filter(is_active=True, data_scope="all", roles__code="administrator")
    User.objects.filter(pk__in=admins.values("pk")).update(is_staff=True)
    User.objects.exclude(pk__in=admins.values("pk")).filter(is_superuser=False).update(is_staff=False)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_second_wave_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
