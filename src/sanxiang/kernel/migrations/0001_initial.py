# PeriodicRun moves from notifications into the kernel: the state changes, the table stays
# (``notifications_periodicrun``, created by notifications.0001_initial).

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("notifications", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PeriodicRun",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=100, verbose_name="计划任务")),
                        ("scheduled_for", models.DateTimeField(verbose_name="计划时间")),
                        ("claimed_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="认领时间")),
                        ("task_result_id", models.CharField(blank=True, max_length=64, verbose_name="任务结果编号")),
                    ],
                    options={
                        "verbose_name": "计划任务运行",
                        "verbose_name_plural": "计划任务运行",
                        "ordering": ["-scheduled_for", "name"],
                        "db_table": "notifications_periodicrun",
                        "constraints": [
                            models.UniqueConstraint(fields=("name", "scheduled_for"), name="periodic_run_unique_slot")
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
