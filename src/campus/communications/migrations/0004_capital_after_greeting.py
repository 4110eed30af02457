"""Sentences after "Dear {name}," start with a capital letter: the stored default texts (made by 0002 from the
texts the apps registered then) get the capital the registered texts have now. Only the first letter of the
first sentence changes; a text staff wrote differently is left as it is."""

import re

from django.db import migrations

GREETING = re.compile(r"\A(Dear \{name\},\r?\n\r?\n)([a-z])")


def capitalise(apps, schema_editor):
    MailTemplate = apps.get_model("communications", "MailTemplate")
    for template in MailTemplate.objects.filter(edition__isnull=True, body__startswith="Dear {name},"):
        body = GREETING.sub(lambda m: m.group(1) + m.group(2).upper(), template.body)
        if body != template.body:
            MailTemplate.objects.filter(pk=template.pk).update(body=body)


class Migration(migrations.Migration):

    dependencies = [
        ("communications", "0003_event_is_a_registered_key"),
    ]

    operations = [
        migrations.RunPython(capitalise, migrations.RunPython.noop, elidable=True),
    ]
