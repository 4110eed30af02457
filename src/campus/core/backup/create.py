"""Making a backup (see the package docstring for the archive)."""

import datetime
import hashlib
import io
import json
import os
import platform
import sqlite3
import stat
import tarfile
import tempfile
import time
from contextlib import contextmanager
from copy import deepcopy
from pathlib import Path

import django
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.serializers import json as json_serializer
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from .shared import (
    BackupError,
    BackupResult,
    EXACT_JSON,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MEDIA_PREFIX,
    NATIVE,
    PORTABLE,
    PORTABLE_EXCLUDE,
    SNAPSHOT_ALIAS,
    SUFFIXES,
    _applied_migrations,
    _media_root,
    _pg_env,
    _referenced_files,
    _run,
    _server_version,
    _sha256_of,
    _table_counts,
    _walk_media,
)


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
