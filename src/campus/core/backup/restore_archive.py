"""Restore, first step: read the whole archive into a staging folder and check it (names, sha256, manifest,
migrations) before anything is changed."""

import hashlib
import json
import os
import tarfile
import zlib
from pathlib import Path, PurePosixPath

from django.db.migrations.loader import MigrationLoader

from .shared import BackupError, CHUNK, FORMAT, FORMAT_VERSION, MANIFEST, MAX_MANIFEST, MEDIA_PREFIX, NATIVE


def _read_archive(archive: Path, staging: Path | None) -> dict:
    """Read every member (into ``staging`` when given), hash it, and compare with the manifest.

    Raises BackupError before anything outside ``staging`` is touched."""
    found, manifest_bytes = _read_members(archive, staging)
    if manifest_bytes is None:
        raise BackupError(
            f"{archive} has no {MANIFEST}: it is not a Cluster Campus backup, or it was cut short. "
            "Nothing was restored."
        )
    manifest, expected = _parse_manifest(archive, manifest_bytes)
    _compare(archive, expected, found)
    return manifest


def _read_members(archive: Path, staging: Path | None) -> tuple[dict[str, tuple[int, str]], bytes | None]:
    """{name: (size, sha256)} of every member but the manifest, and the manifest's bytes (None: none)."""
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
                found[name] = _copy_member(member, source, staging)
        except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
            raise BackupError(
                f"{archive} is damaged: it cannot be read to the end ({exc}). Nothing was restored."
            ) from exc
    return found, manifest_bytes


def _copy_member(member, source, staging: Path | None) -> tuple[int, str]:
    """Copy one member into ``staging`` (or nowhere), hashing it on the way; returns (size, sha256)."""
    digest, size = hashlib.sha256(), 0
    target = None
    if staging is not None:
        target = staging / member.name
        target.parent.mkdir(parents=True, exist_ok=True)
    with (open(target, "wb") if target is not None else _NullWriter()) as sink:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            sink.write(chunk)
    if target is not None:
        os.chmod(target, (member.mode & 0o777) | 0o600)
        os.utime(target, (member.mtime, member.mtime))
    return size, digest.hexdigest()


def _parse_manifest(archive: Path, manifest_bytes: bytes) -> tuple[dict, dict[str, tuple[int, str]]]:
    """The manifest and the {path: (size, sha256)} it lists; refuses another format or a damaged manifest."""
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
    return manifest, expected


def _compare(archive: Path, expected: dict, found: dict) -> None:
    """Every member listed, every listed member there, with its size and sha256."""
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
