from django.db import migrations

LISTS = (
    ("next-edition", "The next edition", "When applications for the next edition open, and its dates and places.", 1),
    ("forum", "The forum", "The Cluster Education Forum: dates, programme and registration.", 2),
)


def add_lists(apps, schema_editor):
    NewsList = apps.get_model("news", "NewsList")
    for key, title, description, order in LISTS:
        NewsList.objects.get_or_create(key=key, defaults={"title": title, "description": description, "order": order})


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]
    operations = [migrations.RunPython(add_lists, migrations.RunPython.noop)]
