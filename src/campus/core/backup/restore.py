"""Restore: bring back an archive made by ``create_backup`` (see the package doc for the order of things).

Split by concern: ``restore_archive`` reads and checks the archive, ``restore_database`` loads the database,
``restore_media`` moves the files into place; this module runs them in order and checks the result."""

import shutil
import tempfile
import time
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, OperationalError, connections

from .restore_archive import _check_migrations, _read_archive
from .restore_database import _migrate_if_needed, _restore_portable, _restore_postgresql, _restore_sqlite
from .restore_media import _restore_media
from .shared import (
    BackupError,
    MIGRATE_FILLS,
    NATIVE,
    PORTABLE_UNCOUNTED,
    RestoreResult,
    _media_root,
    _referenced_files,
    _table_counts,
    _walk_media,
)


def restore_backup(
    archive: Path | str, *, force: bool = False, portable: bool = False, verify_only: bool = False,
    using: str = DEFAULT_DB_ALIAS,
) -> RestoreResult:
    """Bring back an archive made by :func:`create_backup`; see the module doc for the order of things."""
    started = time.monotonic()
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"There is no archive at {archive}.")
    if verify_only:
        manifest = _read_archive(archive, None)
        return RestoreResult(manifest=manifest, seconds=time.monotonic() - started)

    connection = connections[using]
    if connection.vendor not in NATIVE:
        raise BackupError(f"Restore supports SQLite and PostgreSQL, not {connection.vendor}.")
    media_root = _media_root()
    media_root.mkdir(parents=True, exist_ok=True)
    staging = _staging_folder(media_root)
    try:
        manifest = _read_archive(archive, staging)
        result = RestoreResult(manifest=manifest)
        vendor = manifest["database"]["vendor"]
        result.method = "native" if vendor == connection.vendor and not portable else "portable"
        if result.method == "portable" and not manifest["database"]["portable"]:
            raise BackupError(
                f"This backup holds no portable copy (its database was not migrated to the code when it was made), "
                f"only a native {vendor} dump: restore it into {vendor}"
                + (" without --portable" if vendor == connection.vendor else "") + ". Nothing was restored."
            )
        _check_migrations(manifest, portable=result.method == "portable")
        try:
            _check_empty(connection, media_root, force=force)
        except OperationalError as exc:
            raise BackupError(
                f"Cannot open the database to restore into ({exc}). On PostgreSQL, create it first (createdb) and "
                "check DATABASE_URL. Nothing was restored."
            ) from exc

        _load_database(connection, manifest, staging, method=result.method)
        _check_rows(connection, manifest, result)
        result.migrations_applied = _migrate_if_needed(connection)
        result.media_files, result.media_bytes, result.left_in_place = _restore_media(manifest, staging, media_root)
        _check_files(connection, manifest, media_root, result)
        _clear_cache()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result.seconds = time.monotonic() - started
    return result


def _load_database(connection, manifest: dict, staging: Path, *, method: str) -> None:
    if method == "native":
        native = staging / manifest["database"]["native"]
        if connection.vendor == "sqlite":
            _restore_sqlite(connection, native)
        else:
            _restore_postgresql(connection, native, staging)
    else:
        _restore_portable(connection, staging / manifest["database"]["portable"])


def _check_rows(connection, manifest: dict, result: RestoreResult) -> None:
    """Row counts, table by table, before migrate may add tables or rows of its own."""
    expected = manifest["database"]["tables"]
    skip = PORTABLE_UNCOUNTED if result.method == "portable" else set()
    counts = _table_counts(connection)
    wrong = [
        f"{table}: {counts.get(table, 'no table')} rows, the backup has {rows}"
        for table, rows in sorted(expected.items()) if table not in skip and counts.get(table) != rows
    ]
    if wrong:
        raise BackupError("The database was restored but does not match the manifest:\n  " + "\n  ".join(wrong))
    result.tables = len(expected)
    result.rows = sum(rows for table, rows in expected.items() if table not in skip)


def _check_files(connection, manifest: dict, media_root: Path, result: RestoreResult) -> None:
    """Every file the restored database refers to should be in MEDIA_ROOT: a warning names those that are not."""
    referenced = _referenced_files(connection.alias, media_root)
    present = {path.relative_to(media_root).as_posix() for path, _ in _walk_media(media_root, [])}
    result.missing_files = sorted(referenced - present)
    if result.missing_files:
        already = set(result.missing_files) <= set(manifest["media"]["missing"])
        result.warnings.append(
            f"{len(result.missing_files)} file(s) the database refers to are not in MEDIA_ROOT"
            + (" (they were missing when the backup was made)" if already else "")
            + ": " + ", ".join(result.missing_files[:5]) + (" …" if len(result.missing_files) > 5 else "")
        )


def _staging_folder(media_root: Path) -> Path:
    """A private folder next to MEDIA_ROOT (same disk: files are renamed into place), else in the temp dir."""
    try:
        return Path(tempfile.mkdtemp(prefix=".campus-restore-", dir=media_root.parent))
    except OSError:
        return Path(tempfile.mkdtemp(prefix="campus-restore-"))


def _check_empty(connection, media_root: Path, *, force: bool) -> None:
    tables = _tables_with_rows(connection)
    files = sum(1 for _ in _walk_media(media_root, []))
    if (tables or files) and not force:
        held = []
        if tables:
            held.append(
                f"the database is not empty ({len(tables)} table(s) hold rows, e.g. {', '.join(tables[:4])})"
            )
        if files:
            held.append(f"MEDIA_ROOT ({media_root}) holds {files} file(s)")
        raise BackupError(
            "Refused: " + " and ".join(held) + ". Restoring would overwrite them. Restore into a fresh install, or "
            "run again with --force to replace what is there (back it up first). Nothing was restored."
        )


def _tables_with_rows(connection) -> list[str]:
    with connection.cursor() as cursor:
        names = [t for t in connection.introspection.table_names(cursor) if t not in MIGRATE_FILLS]
        full = []
        for table in sorted(names):
            cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")
            if cursor.fetchone() is not None:
                full.append(table)
    return full


def _clear_cache() -> None:
    """Cached pages are keyed by the content version, which the restored database may repeat."""
    from django.core.cache import cache

    cache.clear()
