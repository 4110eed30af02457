"""The rows every test with a database starts with: the data migrations' rows and the seed edition.

The seed edition (``campus.programme.services.load_seed_edition``: programme, edition, modules, the call with its
questions, the review criteria and phase) is loaded ONCE per test session, right after the test database is
made (tests/conftest.py, ``django_db_setup``). A ``db`` test runs inside a transaction that is rolled back, so it
starts with the seed and leaves it as it found it; ``seeded`` only fetches the edition.

A transactional test (``transactional_db``, ``live_server``: the browser, concurrency and fault tests) empties
every table after it (pytest-django's flush). Right after the load, :func:`take_snapshot` copies every table the
flush empties (the rows of the migrations, the post_migrate content types and permissions, the seed), and
:func:`ensure` puts that copy back in bulk, outside any test transaction, before the next test with a database
starts: a test never depends on what ran before it. The copy is exact (same ids, same values, PostgreSQL's
``COPY``, SQLite's own values), and about ten times cheaper than re-running the data migrations and the seed
loader (and the flush's post_migrate, which the flush then skips: tests/conftest.py).
:func:`reload` is the slow way the copy stands for, kept for tests/test_baseline.py, which checks that the two agree.
"""

from functools import cache

from django.db import connection

PROJECT_APPS_PREFIX = "campus."


class _SchemaEditorStandIn:
    """What a data migration's function may read of its ``schema_editor``: the connection."""

    connection = connection


@cache
def _data_migrations():
    """The project's data migrations (RunPython operations), in the order `migrate` ran them, and the app
    registry as it stands after the last migration (the historical models they expect)."""
    from django.apps import apps
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations.special import RunPython

    loader = MigrationLoader(connection, ignore_no_migrations=True)
    project_labels = {config.label for config in apps.get_app_configs() if config.name.startswith(PROJECT_APPS_PREFIX)}
    plan = []
    for leaf in loader.graph.leaf_nodes():
        for key in loader.graph.forwards_plan(leaf):
            if key not in plan:
                plan.append(key)
    functions = [
        operation.code
        for key in plan
        if key[0] in project_labels
        for operation in loader.graph.nodes[key].operations
        if isinstance(operation, RunPython) and not operation.elidable  # elidable: moves rows, makes none
    ]
    return functions, loader.project_state().apps


def _run_data_migrations() -> None:
    functions, state_apps = _data_migrations()
    for function in functions:
        function(state_apps, _SchemaEditorStandIn())


def seed_is_there() -> bool:
    from campus.programme.models import Edition

    return Edition.objects.filter(is_current=True).exists()


def ensure() -> None:
    """Put the rows back when a flush removed them (cheap when they are there)."""
    if seed_is_there():
        return
    if _snapshot:
        restore()
    else:
        reload()


def reload() -> None:
    """The data migrations' rows (when a flush removed them) and the seed edition, made again by their own code."""
    from django.contrib.auth.models import Group

    if not Group.objects.exists():  # emptied by a flush (a fresh test database has the migrations' rows)
        _run_data_migrations()
    load()


def load() -> None:
    from campus.programme.services import load_seed_edition

    load_seed_edition()


# --- the copy of the rows -------------------------------------------------------------------------------

_snapshot: dict[str, tuple[list[str], object]] = {}  # table -> (columns, rows: COPY text on PostgreSQL)


def _flushed_tables(using=connection) -> list[str]:
    """The tables a flush empties (``manage.py flush``: every model's table)."""
    return sorted(using.introspection.django_table_names(only_existing=True, include_views=False))


def has_snapshot() -> bool:
    return bool(_snapshot)


def take_snapshot() -> None:
    """Copy every table the flush empties, as it stands now (right after :func:`load`)."""
    quote = connection.ops.quote_name
    copy: dict[str, tuple[list[str], object]] = {}
    with connection.cursor() as cursor:
        for table in _flushed_tables():
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {quote(table)} TO STDOUT") as out:
                    data = b"".join(bytes(chunk) for chunk in out)
                columns = [column.name for column in connection.introspection.get_table_description(cursor, table)]
                if data:
                    copy[table] = (columns, data)
            else:
                cursor.execute(f"SELECT * FROM {quote(table)}")
                rows = cursor.fetchall()
                if rows:
                    copy[table] = ([column[0] for column in cursor.description], rows)
    _snapshot.clear()
    _snapshot.update(copy)


def restore(using=connection) -> None:
    """Empty every table a flush would and put the copy back, in one transaction; foreign keys are checked at its
    end (Django makes them deferrable on both databases). Sequences are left alone, as a flush without
    ``reset_sequences`` leaves them: they never move back, so new rows still get new ids."""
    from django.db import transaction

    quote = using.ops.quote_name
    with transaction.atomic(using=using.alias), using.cursor() as cursor:
        for table in _flushed_tables(using):
            cursor.execute(f"DELETE FROM {quote(table)}")
        for table, (columns, rows) in _snapshot.items():
            names = ", ".join(quote(column) for column in columns)
            if using.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as into:
                    into.write(rows)
            else:
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows)
