"""What backup and restore share: the archive format, results, and helpers for both."""

import hashlib
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connections, models
from django.db.migrations.recorder import MigrationRecorder

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
