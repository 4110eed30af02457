"""The default mail template of every event (texts in campus/communications/defaults.py)."""

from django.db import migrations


def load_defaults(apps, schema_editor):
    from campus.communications.defaults import DEFAULTS

    MailTemplate = apps.get_model("communications", "MailTemplate")
    for event, (subject, body) in DEFAULTS.items():
        if not MailTemplate.objects.filter(event=event, edition__isnull=True).exists():
            MailTemplate.objects.create(event=event, edition=None, subject=subject, body=body)


def remove_defaults(apps, schema_editor):
    apps.get_model("communications", "MailTemplate").objects.filter(edition__isnull=True).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("communications", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load_defaults, remove_defaults),
    ]
