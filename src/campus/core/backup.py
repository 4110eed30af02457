"""Backups: one archive with the database and every media file, and the way back.

``manage.py backup`` and ``manage.py restore`` are thin wrappers around :func:`create_backup` and
:func:`restore_backup`. The archive is a ``.tar.gz`` (PAX headers, so any file name survives)::

    database/db.sqlite3   the native copy (SQLite: the online backup API)            exact restore
    database/db.pgdump    ... or (PostgreSQL: ``pg_dump --format=custom``)          on the same database
    database/data.json    the portable copy: ``dumpdata`` JSON of the same moment    SQLite <-> PostgreSQL
    media/<path>          every regular file under MEDIA_ROOT (``private/`` included)
    manifest.json         written last: format, created_at, database vendor and row counts, migration
                          state, and every other member with its size and sha256

One moment: both database copies come from one snapshot (SQLite: a page-level copy made in one read
transaction, which the JSON is then read from; PostgreSQL: a REPEATABLE READ transaction whose snapshot
is exported to ``pg_dump --snapshot`` and read by ``dumpdata`` too). Media files are copied after the
snapshot: uploads are stored before their row commits and deleted only after the deletion commits, so
a file the snapshot refers to is missing only if it was deleted during the backup; such files are
listed in the manifest and reported, never silently dropped.

Restore reads and checks the whole archive (every sha256) into a staging folder before it changes
anything, refuses a database or media folder that already holds data unless ``force``, loads the
database, moves the files into place, verifies them again where they landed, runs ``migrate`` when the
code is newer than the backup, and checks the row count of every table against the manifest.
"""

import datetime
import errno
import hashlib
import io
import json
import os
import platform
import shutil
import sqlite3
import stat
import subprocess
import tarfile
import tempfile
import time
import zlib
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import django
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers import json as json_serializer
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections, models, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

FORMAT = "cluster-campus-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
PORTABLE = "database/data.json"
NATIVE = {"sqlite": "database/db.sqlite3", "postgresql": "database/db.pgdump"}
SUFFIXES = (".tar.gz", ".tgz")

# Rebuilt by ``migrate`` on the target and referred to by natural keys in the portable JSON.
PORTABLE_EXCLUDE = ["contenttypes", "auth.permission"]
# Tables ``migrate`` fills by itself (migration records, content types, permissions, and the "Programme team"
# group with its permissions from data migrations): rows there alone still make a fresh install.
MIGRATE_FILLS = {"django_migrations", "django_content_type", "auth_permission", "auth_group", "auth_group_permissions"}
# Tables whose rows the portable restore does not copy one for one (migrate makes them on the target).
PORTABLE_UNCOUNTED = {"django_migrations", "django_content_type", "auth_permission"}

# dumpdata's JSON with datetimes and times to the microsecond (Django's encoder cuts them to milliseconds).
# Registered under this name while a backup runs; the file is plain JSON that ``loaddata`` reads as "json".
EXACT_JSON = "campus-exact-json"
SNAPSHOT_ALIAS = "campus_backup_snapshot"
CHUNK = 1024 * 1024
MAX_MANIFEST = 256 * 1024 * 1024
PG_LOCK_TIMEOUT = "30s"


class BackupError(Exception):
    """The backup or restore cannot go on; the message says why and what to do."""


@dataclass
class BackupResult:
    path: Path
    size: int
    sha256: str
    manifest: dict
    seconds: float
    warnings: list[str] = field(default_factory=list)


@dataclass
class RestoreResult:
    manifest: dict
    method: str = ""  # "native" or "portable"; "" for --verify-only
    tables: int = 0
    rows: int = 0
    media_files: int = 0
    media_bytes: int = 0
    migrations_applied: list[str] = field(default_factory=list)
    left_in_place: list[str] = field(default_factory=list)
    missing_files: list[str] = field(default_factory=list)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


# --- backup ----------------------------------------------------------------------------------


def default_output() -> Path:
    return Path(settings.VAR_DIR) / "backups" / f"campus-{timezone.now():%Y%m%d-%H%M%S}Z.tar.gz"


def create_backup(output: Path | str | None = None, *, using: str = DEFAULT_DB_ALIAS) -> BackupResult:
    """Write one archive with the database (native and portable) and every media file; see the module doc."""
    started = time.monotonic()
    connection = connections[using]
    if connection.vendor not in NATIVE:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    if connection.in_atomic_block:
        raise BackupError("A backup cannot run inside a transaction: it needs a snapshot of its own.")
    media_root = _media_root()
    output = _output_path(output, media_root)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.name}.{os.getpid()}.partial")
    warnings: list[str] = []
    try:
        # Private CVs and password hashes: readable by the owner only, from the first byte on.
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as raw:
            with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6, format=tarfile.PAX_FORMAT) as tar:
                manifest = _write_members(tar, connection, media_root, output.parent, warnings)
                data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
                tar.addfile(_tarinfo(MANIFEST, len(data), time.time(), 0o600), io.BytesIO(data))
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, output)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BackupResult(
        path=output, size=output.stat().st_size, sha256=_sha256_of(output), manifest=manifest,
        seconds=time.monotonic() - started, warnings=warnings,
    )


def _output_path(output, media_root: Path) -> Path:
    path = Path(output) if output else default_output()
    if path.is_dir():
        path = path / default_output().name
    path = Path(os.path.abspath(path))
    if not path.name.endswith(SUFFIXES):
        raise BackupError(f"The archive is a .tar.gz: name it so ({path.name} is not).")
    if path.is_relative_to(media_root):
        raise BackupError(f"Write the archive outside MEDIA_ROOT ({media_root}): it would back itself up.")
    return path


def _write_members(tar, connection, media_root: Path, workplace: Path, warnings: list[str]) -> dict:
    created_at = timezone.now()
    files = []
    # The database copies go through a private folder next to the archive (not /tmp, which may be small).
    with tempfile.TemporaryDirectory(prefix=".campus-backup-", dir=workplace) as work:
        work = Path(work)
        with _snapshot(connection, work) as (alias, native):
            tables = _table_counts(connections[alias])
            migrations = _applied_migrations(connections[alias])
            referenced = _referenced_files(alias, media_root)
            behind = _schema_differs(connections[alias])
            portable = None
            if behind:
                # dumpdata reads through today's models, which need today's schema.
                warnings.append(
                    f"The database is not migrated to this code ({behind}), so the archive holds only the native "
                    "dump, no portable copy. It restores into the same kind of database; run migrate to get both."
                )
            else:
                portable = work / "data.json"
                serializers.register_serializer(EXACT_JSON, __name__)
                call_command(
                    "dumpdata", natural_foreign=True, use_base_manager=True, exclude=PORTABLE_EXCLUDE,
                    database=alias, output=str(portable), format=EXACT_JSON, verbosity=0, stdout=io.StringIO(),
                )
        files.append(_add_file(tar, native, NATIVE[connection.vendor]))
        if portable is not None:
            files.append(_add_file(tar, portable, PORTABLE))

    media_files, media_bytes = 0, 0
    archived = set()
    for path, rel in _walk_media(media_root, warnings):
        try:
            entry = _add_file(tar, path, MEDIA_PREFIX + rel)
        except FileNotFoundError:
            continue  # deleted since the snapshot was taken (its row is gone too, or it is reported below)
        files.append(entry)
        archived.add(rel)
        media_files += 1
        media_bytes += entry["size"]
    missing = sorted(referenced - archived)
    if missing:
        warnings.append(
            f"{len(missing)} file(s) the database refers to are not under MEDIA_ROOT (listed in the manifest "
            f"as media.missing): {', '.join(missing[:5])}{' …' if len(missing) > 5 else ''}"
        )
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": created_at.isoformat().replace("+00:00", "Z"),
        "software": {"django": django.get_version(), "python": platform.python_version()},
        "database": {
            "vendor": connection.vendor,
            "server_version": _server_version(connection),
            "native": NATIVE[connection.vendor],
            "native_format": "sqlite3 database file (online backup API)"
            if connection.vendor == "sqlite" else "pg_dump --format=custom",
            "portable": PORTABLE if portable is not None else None,
            "portable_format": "Django dumpdata JSON (--natural-foreign, --all, without contenttypes and "
            "auth.permission, which migrate rebuilds; datetimes to the microsecond)" if portable is not None else None,
            "tables": tables,
        },
        "migrations": migrations,
        "media": {"root": str(media_root), "files": media_files, "bytes": media_bytes, "missing": missing},
        "files": files,
    }


@contextmanager
def _snapshot(connection, work: Path):
    """Yield ``(alias, native_dump)``: a connection alias that reads the database as of one moment and
    the native dump of that same moment."""
    if connection.vendor == "sqlite":
        native = work / "db.sqlite3"
        _sqlite_copy(connection.settings_dict["NAME"], native)
        with _sqlite_alias(connection, native) as alias:
            yield alias, native
        return
    native = work / "db.pgdump"
    with transaction.atomic(using=connection.alias):
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot_id = cursor.fetchone()[0]
        # pg_dump reads under the snapshot of this open transaction; dumpdata runs inside it afterwards.
        _run(
            ["pg_dump", "--format=custom", "--compress=0", f"--snapshot={snapshot_id}", f"--file={native}"],
            env=_pg_env(connection), what="pg_dump",
        )
        yield connection.alias, native


def _schema_differs(connection) -> str:
    """'' when the database is migrated exactly to this code; else what differs, in words."""
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    unknown = set(executor.loader.applied_migrations) - set(executor.loader.disk_migrations)
    parts = []
    if pending:
        parts.append(f"{len(pending)} migration(s) not applied")
    if unknown:
        parts.append(f"{len(unknown)} applied migration(s) this code does not have")
    return ", ".join(parts)


def _sqlite_copy(source, target: Path) -> None:
    source = str(source)
    if source == ":memory:" or "mode=memory" in source:
        raise BackupError("The database is in memory: there is nothing on disk to back up.")
    if not Path(source).is_file():
        raise BackupError(f"There is no SQLite database at {source}.")
    src = sqlite3.connect(source, timeout=20)
    dst = sqlite3.connect(target)
    try:
        # pages=-1 (the default): every page in one step, under one read transaction, so one moment.
        # In WAL mode writers carry on meanwhile.
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        check = dst.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        dst.close()
        src.close()
    if check != "ok":
        raise BackupError(f"The copy of the database fails SQLite's integrity check ({check}); nothing was written.")


@contextmanager
def _sqlite_alias(connection, path: Path):
    """A temporary connection alias on an SQLite file (the snapshot), so Django can read from it."""
    config = deepcopy(connection.settings_dict)
    config.update(NAME=str(path), OPTIONS={"timeout": 20}, CONN_MAX_AGE=0, CONN_HEALTH_CHECKS=False)
    connections.settings[SNAPSHOT_ALIAS] = config
    try:
        yield SNAPSHOT_ALIAS
    finally:
        connections[SNAPSHOT_ALIAS].close()
        del connections[SNAPSHOT_ALIAS]
        del connections.settings[SNAPSHOT_ALIAS]


def _walk_media(media_root: Path, warnings: list[str]):
    """Yield ``(path, relative posix path)`` for every regular file under MEDIA_ROOT, sorted; links are skipped."""
    if not media_root.is_dir():
        return
    for dirpath, dirnames, filenames in os.walk(media_root):
        dirnames.sort()
        for name in [*dirnames]:
            if os.path.islink(os.path.join(dirpath, name)):
                warnings.append(f"Skipped a symbolic link (not followed): {os.path.join(dirpath, name)}")
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if path.is_symlink():
                warnings.append(f"Skipped a symbolic link (not followed): {path}")
                continue
            if not path.is_file():
                continue
            yield path, path.relative_to(media_root).as_posix()


class _HashingReader:
    def __init__(self, raw):
        self.raw = raw
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.raw.read(size)
        self.digest.update(data)
        return data


def _tarinfo(name: str, size: int, mtime: float, mode: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, int(mtime), mode
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def _add_file(tar: tarfile.TarFile, path: Path, name: str) -> dict:
    """Add one file, hashing exactly the bytes that go into the archive."""
    with open(path, "rb") as handle:
        st = os.fstat(handle.fileno())
        reader = _HashingReader(handle)
        tar.addfile(_tarinfo(name, st.st_size, st.st_mtime, stat.S_IMODE(st.st_mode)), reader)
    return {"path": name, "size": st.st_size, "sha256": reader.digest.hexdigest()}


class _ExactEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(json_serializer.Serializer):
    """The serializer behind EXACT_JSON (``serializers.register_serializer`` looks it up in this module)."""

    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = _ExactEncoder


Deserializer = json_serializer.Deserializer


# --- restore ---------------------------------------------------------------------------------


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


# --- shared ----------------------------------------------------------------------------------


def _media_root() -> Path:
    return Path(os.path.abspath(settings.MEDIA_ROOT))


def _table_counts(connection) -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def _applied_migrations(connection) -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def _referenced_files(alias: str, media_root: Path) -> set[str]:
    """Paths (relative to MEDIA_ROOT) of every file a FileField of any model refers to."""
    referenced = set()
    connection = connections[alias]
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        columns = {}
        for model in apps.get_models():
            table = model._meta.db_table
            if table in tables and any(isinstance(f, models.FileField) for f in model._meta.concrete_fields):
                columns[table] = {c.name for c in connection.introspection.get_table_description(cursor, table)}
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed or model._meta.db_table not in columns:
            continue  # (a model whose table a pending migration has yet to create)
        for model_field in model._meta.concrete_fields:
            if not isinstance(model_field, models.FileField) or model_field.column not in columns[model._meta.db_table]:
                continue
            names = (
                model._base_manager.using(alias)
                .exclude(**{f"{model_field.attname}__isnull": True})
                .exclude(**{model_field.attname: ""})
                .values_list(model_field.attname, flat=True)
            )
            for name in names.iterator():
                try:
                    path = Path(os.path.abspath(model_field.storage.path(name)))
                except (NotImplementedError, ValueError):  # storage without local paths; unsafe names
                    continue
                if path.is_relative_to(media_root):
                    referenced.add(path.relative_to(media_root).as_posix())
    return referenced


def _server_version(connection) -> str:
    if connection.vendor == "sqlite":
        return sqlite3.sqlite_version
    connection.ensure_connection()
    number = connection.pg_version
    return f"{number // 10000}.{number % 10000}"


_LIBPQ_ENV = {
    "dbname": "PGDATABASE", "user": "PGUSER", "password": "PGPASSWORD", "host": "PGHOST", "port": "PGPORT",
    "sslmode": "PGSSLMODE", "sslrootcert": "PGSSLROOTCERT", "sslcert": "PGSSLCERT", "sslkey": "PGSSLKEY",
    "sslcrl": "PGSSLCRL", "service": "PGSERVICE", "passfile": "PGPASSFILE", "options": "PGOPTIONS",
    "connect_timeout": "PGCONNECT_TIMEOUT", "gssencmode": "PGGSSENCMODE",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
}


def _pg_env(connection) -> dict[str, str]:
    """The environment for pg_dump / psql: the connection settings of DATABASES (the password in
    PGPASSWORD, never on a command line that `ps` shows)."""
    params = connection.get_connection_params()
    env = dict(os.environ)
    for key, variable in _LIBPQ_ENV.items():
        value = params.get(key)
        if value not in (None, ""):
            env[variable] = str(value)
    env.setdefault("PGAPPNAME", "campus-backup")
    return env


def _run(command: list[str], *, env, what: str) -> None:
    tool = shutil.which(command[0])
    if tool is None:
        raise BackupError(
            f"{command[0]} is not installed or not on PATH. Install the PostgreSQL client tools (Debian: "
            f"postgresql-client) of the server's major version or newer."
        )
    process = subprocess.run([tool, *command[1:]], env=env, capture_output=True, text=True)
    if process.returncode != 0:
        detail = (process.stderr or process.stdout).strip()[-3000:]
        raise BackupError(f"{what} failed (exit code {process.returncode}):\n{detail}")


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def human_size(size: int) -> str:
    for unit in ("bytes", "kB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} TB"
