"""Restoring a backup (see the package docstring for the checks made before anything changes)."""

import errno
import hashlib
import io
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
import time
import zlib
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from .shared import (
    BackupError,
    CHUNK,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MAX_MANIFEST,
    MEDIA_PREFIX,
    MIGRATE_FILLS,
    NATIVE,
    PG_LOCK_TIMEOUT,
    PORTABLE_UNCOUNTED,
    RestoreResult,
    _media_root,
    _pg_env,
    _referenced_files,
    _run,
    _sha256_of,
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

        if result.method == "native":
            native = staging / manifest["database"]["native"]
            if connection.vendor == "sqlite":
                _restore_sqlite(connection, native)
            else:
                _restore_postgresql(connection, native, staging)
        else:
            _restore_portable(connection, staging / manifest["database"]["portable"])

        # Row counts, table by table, before migrate may add tables or rows of its own.
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

        result.migrations_applied = _migrate_if_needed(connection)
        result.media_files, result.media_bytes, result.left_in_place = _restore_media(manifest, staging, media_root)
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
        _clear_cache()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result.seconds = time.monotonic() - started
    return result


def _staging_folder(media_root: Path) -> Path:
    """A private folder next to MEDIA_ROOT (same disk: files are renamed into place), else in the temp dir."""
    try:
        return Path(tempfile.mkdtemp(prefix=".campus-restore-", dir=media_root.parent))
    except OSError:
        return Path(tempfile.mkdtemp(prefix="campus-restore-"))


def _read_archive(archive: Path, staging: Path | None) -> dict:
    """Read every member (into ``staging`` when given), hash it, and compare with the manifest.

    Raises BackupError before anything outside ``staging`` is touched."""
    found: dict[str, tuple[int, str]] = {}
    manifest_bytes = None
    try:
        tar = tarfile.open(archive, mode="r:gz")
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        raise BackupError(f"{archive} is not a readable backup archive (.tar.gz): {exc}. Nothing was restored.")
    with tar:
        try:
            for member in tar:
                name = member.name
                _check_member_name(archive, name)
                if not member.isreg():
                    raise BackupError(
                        f"{archive} holds {name!r}, which is not a regular file: refused, nothing was restored."
                    )
                if name in found or (name == MANIFEST and manifest_bytes is not None):
                    raise BackupError(f"{archive} holds {name!r} twice: refused, nothing was restored.")
                source = tar.extractfile(member)
                if name == MANIFEST:
                    if member.size > MAX_MANIFEST:
                        raise BackupError(f"The manifest of {archive} is implausibly large: refused.")
                    manifest_bytes = source.read()
                    continue
                digest, size = hashlib.sha256(), 0
                target = None
                if staging is not None:
                    target = staging / name
                    target.parent.mkdir(parents=True, exist_ok=True)
                with (open(target, "wb") if target is not None else _NullWriter()) as sink:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
                        size += len(chunk)
                        sink.write(chunk)
                if target is not None:
                    os.chmod(target, (member.mode & 0o777) | 0o600)
                    os.utime(target, (member.mtime, member.mtime))
                found[name] = (size, digest.hexdigest())
        except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
            raise BackupError(
                f"{archive} is damaged: it cannot be read to the end ({exc}). Nothing was restored."
            ) from exc

    if manifest_bytes is None:
        raise BackupError(
            f"{archive} has no {MANIFEST}: it is not a Cluster Campus backup, or it was cut short. "
            "Nothing was restored."
        )
    try:
        manifest = json.loads(manifest_bytes)
        if manifest.get("format") != FORMAT:
            raise BackupError(
                f"{archive} is not a Cluster Campus backup (its manifest says format {manifest.get('format')!r})."
            )
        if manifest.get("format_version") != FORMAT_VERSION:
            raise BackupError(
                f"{archive} is in backup format version {manifest.get('format_version')!r}; this code reads version "
                f"{FORMAT_VERSION}. Restore it with the version of Cluster Campus that made it."
            )
        expected = {entry["path"]: (int(entry["size"]), str(entry["sha256"])) for entry in manifest["files"]}
        vendor = manifest["database"]["vendor"]
        needed = {manifest["database"]["native"]} | ({manifest["database"]["portable"]} - {None})
        shapes = (
            (manifest["migrations"], dict), (manifest["database"]["tables"], dict), (manifest["media"]["missing"], list)
        )
        if not all(isinstance(value, kind) for value, kind in shapes):
            raise TypeError("migrations, database.tables or media.missing has the wrong type")
    except BackupError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BackupError(f"The manifest of {archive} is damaged ({exc!r}). Nothing was restored.") from exc
    if vendor not in NATIVE or not needed <= expected.keys():
        raise BackupError(f"The manifest of {archive} does not list its database files. Nothing was restored.")

    problems = []
    for name in sorted(expected.keys() | found.keys()):
        if name not in found:
            problems.append(f"{name}: listed in the manifest, missing from the archive")
        elif name not in expected:
            problems.append(f"{name}: in the archive, not listed in the manifest")
        elif found[name][1] != expected[name][1] or found[name][0] != expected[name][0]:
            problems.append(
                f"{name}: sha256 mismatch (manifest {expected[name][1][:16]}…, {expected[name][0]} bytes; "
                f"archive {found[name][1][:16]}…, {found[name][0]} bytes)"
            )
    if problems:
        shown = problems[:20] + ([f"… and {len(problems) - 20} more"] if len(problems) > 20 else [])
        raise BackupError(
            f"{archive} failed verification: it was damaged or changed after it was made. Nothing was restored.\n  "
            + "\n  ".join(shown)
        )
    return manifest


class _NullWriter:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def write(self, data):
        return len(data)


def _check_member_name(archive: Path, name: str) -> None:
    path = PurePosixPath(name)
    safe = (
        name
        and "\x00" not in name
        and not path.is_absolute()
        and not any(part in ("", ".", "..") for part in name.split("/"))
        and (name == MANIFEST or name.startswith(("database/", MEDIA_PREFIX)))
        and name != MEDIA_PREFIX.rstrip("/")
    )
    if not safe:
        raise BackupError(f"{archive} holds an unexpected or unsafe path {name!r}: refused, nothing was restored.")


def _check_migrations(manifest: dict, *, portable: bool) -> None:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations)
    in_backup = {(app, name) for app, names in manifest["migrations"].items() for name in names}
    unknown = sorted(in_backup - known)
    if unknown:
        raise BackupError(
            "This backup was made by a newer (or different) version of Cluster Campus: it has migrations this code "
            f"does not know ({', '.join(f'{a}.{n}' for a, n in unknown[:5])}{' …' if len(unknown) > 5 else ''}). "
            "Install that version, restore, then upgrade. Nothing was restored."
        )
    if portable:
        lacking = sorted(set(loader.graph.nodes) - in_backup)
        if lacking:
            raise BackupError(
                "The portable copy loads only into the same version of the code that made it, and this code has "
                f"migrations the backup lacks ({', '.join(f'{a}.{n}' for a, n in lacking[:5])}"
                f"{' …' if len(lacking) > 5 else ''}). Restore with that version (then upgrade), or restore the "
                "native copy into the same kind of database. Nothing was restored."
            )


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


def _restore_media(manifest: dict, staging: Path, media_root: Path) -> tuple[int, int, list[str]]:
    entries = [e for e in manifest["files"] if e["path"].startswith(MEDIA_PREFIX)]
    restored = set()
    root = media_root.resolve()
    problems = []
    for entry in entries:
        rel = entry["path"][len(MEDIA_PREFIX):]
        dest = media_root / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        if not dest.parent.resolve().is_relative_to(root) or (dest.is_dir() and not dest.is_symlink()):
            raise BackupError(f"Cannot restore {rel}: in MEDIA_ROOT its place is a folder or a link out of MEDIA_ROOT.")
        if rel.startswith("private/"):
            _private_folders(dest.parent, media_root / "private")
        _move(staging / entry["path"], dest)
        # Verified again where it landed.
        if _sha256_of(dest) != entry["sha256"]:
            problems.append(rel)
        restored.add(rel)
    if problems:
        raise BackupError(
            f"{len(problems)} file(s) differ from the manifest after restoring: {', '.join(problems[:5])}"
        )
    left = sorted(rel for _, rel in _walk_media(media_root, []) if rel not in restored)
    return len(entries), sum(e["size"] for e in entries), left


def _private_folders(folder: Path, private_root: Path) -> None:
    """Folders under MEDIA_ROOT/private get the mode PrivateStorage gives them (0750)."""
    for path in [folder, *folder.parents]:
        if not path.is_relative_to(private_root):
            break
        os.chmod(path, 0o750)


def _move(source: Path, dest: Path) -> None:
    try:
        os.replace(source, dest)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        temporary = dest.with_name(f".{dest.name}.restoring")
        shutil.copy2(source, temporary)
        os.replace(temporary, dest)
        source.unlink()


def _clear_cache() -> None:
    """Cached pages are keyed by the content version, which the restored database may repeat."""
    from django.core.cache import cache

    cache.clear()
