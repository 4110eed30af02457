"""The shipped canvas types (SWOT, business model canvas, PESTEL, five forces, stakeholder map, cluster value
proposition) and the "Programme team" group's right to edit canvas types in the content editor."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from campus.canvases.catalogue import load


def forwards(apps, schema_editor):
    load(apps.get_model("canvases", "CanvasType"), apps.get_model("canvases", "CanvasBox"))
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Programme team")
    codenames = [f"{action}_{model}" for model in ("canvastype", "canvasbox")
                 for action in ("add", "change", "delete", "view")]
    group.permissions.add(*Permission.objects.filter(content_type__app_label="canvases", codename__in=codenames))


def backwards(apps, schema_editor):
    pass  # the types stay: canvases may use them


class Migration(migrations.Migration):
    dependencies = [("canvases", "0001_initial"), ("programme", "0002_programme_team_group")]
    operations = [migrations.RunPython(forwards, backwards)]
