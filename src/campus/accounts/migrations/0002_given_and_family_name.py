"""Given and family name of an account. An existing name is split at its last space (given name(s), family
name), so the name page shows it in its two fields; a one-word name becomes the given name."""

from django.db import migrations, models


def split_names(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    for user in User.objects.exclude(full_name="").filter(given_name="", family_name="").only("pk", "full_name"):
        given, _, family = user.full_name.strip().rpartition(" ")
        if not given:
            given, family = family, ""
        User.objects.filter(pk=user.pk).update(given_name=given[:100], family_name=family[:100])


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.AddField(model_name="user", name="given_name", field=models.CharField(blank=True, max_length=100)),
        migrations.AddField(model_name="user", name="family_name", field=models.CharField(blank=True, max_length=100)),
        migrations.RunPython(split_names, migrations.RunPython.noop, elidable=True),
    ]
