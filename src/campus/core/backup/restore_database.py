"""Restore: load the database (native copy or portable JSON), with model signals muted, and migrate."""

import io
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from .shared import BackupError, PG_LOCK_TIMEOUT, PORTABLE_UNCOUNTED, _pg_env, _run


def _restore_sqlite(connection, native: Path) -> None:
    target = str(connection.settings_dict["NAME"])
    if target == ":memory:" or "mode=memory" in target:
        raise BackupError("The database is in memory: restore into an SQLite file.")
    connections.close_all()
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(native)
    dst = sqlite3.connect(target, timeout=20)
    try:
        # Page by page into the target, replacing whatever it held, in one write transaction.
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _restore_postgresql(connection, dump: Path, staging: Path) -> None:
    """Drop every table and load the dump, all in one transaction: it either all happens or nothing does."""
    script = staging / "restore.sql"
    _run(["pg_restore", "--no-owner", "--no-privileges", f"--file={script}", str(dump)], env=None, what="pg_restore")
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    env = _pg_env(connection)
    connections.close_all()
    drop = staging / "drop.sql"
    statements = [f"SET lock_timeout = '{PG_LOCK_TIMEOUT}';"]
    if tables:
        statements.append(f"DROP TABLE IF EXISTS {', '.join(connection.ops.quote_name(t) for t in tables)} CASCADE;")
    drop.write_text("\n".join(statements) + "\n")
    _run(
        ["psql", "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--single-transaction",
         f"--file={drop}", f"--file={script}"],
        env=env, what="psql (loading the dump)",
    )


def _restore_portable(connection, data: Path) -> None:
    """Empty schema -> migrate -> remove the rows data migrations made -> loaddata (primary keys kept)."""
    _drop_all_tables(connection)
    call_command("migrate", interactive=False, verbosity=0, stdout=io.StringIO())
    tables = [t for t in connection.introspection.django_table_names(only_existing=True, include_views=False)
              if t not in PORTABLE_UNCOUNTED]
    connection.ops.execute_sql_flush(
        connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=True)
    )
    with _model_signals_muted():
        call_command("loaddata", str(data), verbosity=0, stdout=io.StringIO())


@contextmanager
def _model_signals_muted():
    """Loading a backup is not a change anybody made: no receiver runs (no mail, no counters bumped).
    Receivers that skip ``raw`` saves would do nothing anyway; this also holds for those that do not."""
    muted = (pre_save, post_save, pre_delete, post_delete, m2m_changed)
    saved = {}
    for signal in muted:
        with signal.lock:
            saved[signal] = signal.receivers
            signal.receivers = []
            signal.sender_receivers_cache.clear()
    try:
        yield
    finally:
        for signal in muted:
            with signal.lock:
                signal.receivers = saved[signal]
                signal.sender_receivers_cache.clear()


def _drop_all_tables(connection) -> None:
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        if not tables:
            return
        quoted = [connection.ops.quote_name(t) for t in tables]
        if connection.vendor == "postgresql":
            cursor.execute(f"SET lock_timeout = '{PG_LOCK_TIMEOUT}'")
            cursor.execute(f"DROP TABLE IF EXISTS {', '.join(quoted)} CASCADE")
        else:
            cursor.execute("PRAGMA foreign_keys = OFF")
            try:
                for table in quoted:
                    cursor.execute(f"DROP TABLE IF EXISTS {table}")
            finally:
                cursor.execute("PRAGMA foreign_keys = ON")


def _migrate_if_needed(connection) -> list[str]:
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if not plan:
        return []
    call_command("migrate", interactive=False, verbosity=0, stdout=io.StringIO())
    return [f"{migration.app_label}.{migration.name}" for migration, backwards in plan if not backwards]
