from django.db import migrations

ROLE_CODES = [
    "enforcement_officer",
    "legal_reviewer",
    "review_committee_member",
    "publicity_approver",
    "open_government_officer",
    "supervisor",
    "liaison",
    "leader",
    "administrator",
]


def create_roles(apps, schema_editor):
    Role = apps.get_model("core", "Role")
    for code in ROLE_CODES:
        Role.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
