"""Restore: move the media files from the staging folder into MEDIA_ROOT and check them where they landed."""

import errno
import os
import shutil
from pathlib import Path


from .shared import BackupError, MEDIA_PREFIX, _sha256_of, _walk_media


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
