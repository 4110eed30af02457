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

from .create import Deserializer, Serializer, create_backup, default_output
from .restore import restore_backup
from .shared import (
    BackupError,
    BackupResult,
    CHUNK,
    EXACT_JSON,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MAX_MANIFEST,
    MEDIA_PREFIX,
    MIGRATE_FILLS,
    NATIVE,
    PG_LOCK_TIMEOUT,
    PORTABLE,
    PORTABLE_EXCLUDE,
    PORTABLE_UNCOUNTED,
    RestoreResult,
    SNAPSHOT_ALIAS,
    SUFFIXES,
    human_size,
)

__all__ = [
    "BackupError",
    "BackupResult",
    "CHUNK",
    "Deserializer",
    "EXACT_JSON",
    "FORMAT",
    "FORMAT_VERSION",
    "MANIFEST",
    "MAX_MANIFEST",
    "MEDIA_PREFIX",
    "MIGRATE_FILLS",
    "NATIVE",
    "PG_LOCK_TIMEOUT",
    "PORTABLE",
    "PORTABLE_EXCLUDE",
    "PORTABLE_UNCOUNTED",
    "RestoreResult",
    "SNAPSHOT_ALIAS",
    "SUFFIXES",
    "Serializer",
    "create_backup",
    "default_output",
    "human_size",
    "restore_backup",
]
