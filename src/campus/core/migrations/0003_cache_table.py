"""The table of Django's database cache (``campus_cache``): the rate limits' counters when there is no Redis.

Made here, not only by ``manage.py createcachetable``, so that every way to a database (``make run``,
deploy/up.sh, the test databases) gets it by migrating. Made whatever CACHES says at migration time (a site
may migrate with Redis and run without it later).
"""

from django.db import migrations

TABLE = "campus_cache"


def create(apps, schema_editor):
    from django.core.management.commands.createcachetable import Command

    command = Command()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("core", "0002_periodic_run")]
    operations = [migrations.RunPython(create, drop, elidable=False)]
