"""The default mail template of every mail event registered when the database is made (campus.core.plugins.mail).

An event registered later (a new app) needs no row: until a superuser saves a default text, the text its app
registers is used (services.default_template).
"""

from django.db import migrations


def load_defaults(apps, schema_editor):
    from campus.core.plugins import mail

    MailTemplate = apps.get_model("communications", "MailTemplate")
    for event in mail.events():
        if not MailTemplate.objects.filter(event=event.key, edition__isnull=True).exists():
            MailTemplate.objects.create(event=event.key, edition=None, subject=event.default_subject,
                                        body=event.default_body)


def remove_defaults(apps, schema_editor):
    apps.get_model("communications", "MailTemplate").objects.filter(edition__isnull=True).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("communications", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load_defaults, remove_defaults),
    ]
