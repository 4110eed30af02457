"""The seed's closing band said "what your cluster should look like in 2020 and beyond", which reads oddly once the
edition is past: a site loaded from the old seed gets the same text without the year (staff-edited text is left)."""

from django.db import migrations

OLD = "what your cluster should look like in 2020 and beyond."
NEW = "what your cluster should look like in the years ahead."


def forwards(apps, schema_editor):
    Programme = apps.get_model("programme", "Programme")
    for programme in Programme.objects.filter(cta_text__contains=OLD):
        programme.cta_text = programme.cta_text.replace(OLD, NEW)
        programme.save(update_fields=["cta_text"])


class Migration(migrations.Migration):
    dependencies = [("programme", "0003_next_call_expected")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
