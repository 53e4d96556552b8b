# PeriodicRun now belongs to the kernel (kernel.0001_initial); only the state is removed here,
# the table ``notifications_periodicrun`` stays and is the kernel model's table.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("notifications", "0001_initial"),
        ("kernel", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="PeriodicRun")],
            database_operations=[],
        ),
    ]
