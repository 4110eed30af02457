"""The rows every test with a database starts with: the data migrations' rows and the seed edition.

The seed edition (``campus.programme.services.load_seed_edition``: programme, edition, modules, the call with its
questions, the review criteria and phase) is loaded ONCE per test session, right after the test database is
made (tests/conftest.py, ``django_db_setup``). A ``db`` test runs inside a transaction that is rolled back, so it
starts with the seed and leaves it as it found it; ``seeded`` only fetches the edition.

A transactional test (``transactional_db``, ``live_server``: the browser, concurrency and fault tests) empties
every table after it (pytest-django's flush). The flush re-creates content types and permissions (post_migrate)
but not the rows that data migrations made (the "Programme team" group and its permissions, the default mail
templates) nor the seed. :func:`ensure` puts both back, outside any test transaction, before the next test with
a database starts: a test never depends on what ran before it.
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
    """Put the data migrations' rows and the seed edition back when a flush removed them (cheap when there)."""
    if seed_is_there():
        return
    from django.contrib.auth.models import Group

    if not Group.objects.exists():  # emptied by a flush (a fresh test database has the migrations' rows)
        _run_data_migrations()
    load()


def load() -> None:
    from campus.programme.services import load_seed_edition

    load_seed_edition()
