"""The "Programme team" group (programme/0002) may read applications and their documents and manage
them (eligibility overrides, deadline extensions, requests for more information): the back office role."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_application", "change_application", "view_document"]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Programme team")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="applications", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Programme team").first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="applications", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [("applications", "0001_initial"), ("programme", "0002_programme_team_group")]
    operations = [migrations.RunPython(grant, revoke)]
