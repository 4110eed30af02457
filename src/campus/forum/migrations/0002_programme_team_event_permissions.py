"""The "Programme team" group (programme/0002) edits events and their agenda in the content editor (public
content, like the programme's pages). Registrations are not content: the staff pages show them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [f"{action}_{model}" for model in ("event", "agendasession") for action in ("add", "change", "delete", "view")]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Programme team")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="forum", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Programme team").first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="forum", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [("forum", "0001_initial"), ("programme", "0002_programme_team_group")]
    operations = [migrations.RunPython(grant, revoke)]
