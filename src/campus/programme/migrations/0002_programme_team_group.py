"""A "Programme team" group whose members may edit all public content and read contact messages."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT = ["programme", "edition", "requirement", "outcome", "partner", "module", "learningoutcome", "meetup",
           "benefit", "faq", "page"]


def create_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Programme team")
    codenames = [f"{action}_{model}" for model in CONTENT for action in ("add", "change", "delete", "view")]
    codenames += ["view_contactmessage", "change_contactmessage"]
    group.permissions.add(*Permission.objects.filter(content_type__app_label="programme", codename__in=codenames))


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Programme team").delete()


class Migration(migrations.Migration):
    dependencies = [("programme", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length"),
                    ("contenttypes", "0002_remove_content_type_name")]
    operations = [migrations.RunPython(create_group, remove_group)]
