# TeamMembership moved to campus.team: copy every row (same ids, same timestamps) into team_teammembership,
# move the content type (so its permissions and activity-log targets follow), then drop review's table.

from django.db import migrations

COLUMNS = "id, created_at, updated_at, role, edition_id, user_id"


def _copy(apps, schema_editor, source, target):
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    schema_editor.execute(f"INSERT INTO {quote(target)} ({COLUMNS}) SELECT {COLUMNS} FROM {quote(source)}")
    model = apps.get_model(*("team", "TeamMembership") if target == "team_teammembership" else ("review", "TeamMembership"))
    from django.core.management.color import no_style

    for sql in connection.ops.sequence_reset_sql(no_style(), [model]):
        schema_editor.execute(sql)


def _move_content_type(apps, from_label, to_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label=to_label, model="teammembership").exists():
        ContentType.objects.filter(app_label=from_label, model="teammembership").update(app_label=to_label)


def forwards(apps, schema_editor):
    _copy(apps, schema_editor, "review_teammembership", "team_teammembership")
    _move_content_type(apps, "review", "team")


def backwards(apps, schema_editor):
    _copy(apps, schema_editor, "team_teammembership", "review_teammembership")
    _move_content_type(apps, "team", "review")
    # module leads had no place in the old table's choices, but the column takes any text: they are kept.


class Migration(migrations.Migration):

    dependencies = [
        ("review", "0001_initial"),
        ("team", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        # elidable: it moves rows that exist; on an empty database (a fresh one, or a test's after a flush:
        # tests/baseline.py re-runs only the data migrations that are not elidable) it has nothing to do
        migrations.RunPython(forwards, backwards, elidable=True),
        migrations.DeleteModel(name="TeamMembership"),
    ]
