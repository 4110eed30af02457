from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campus.core.backup import BackupError, human_size, restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive made by `manage.py backup`: verify every sha256 first, then load the database "
        "(migrating it if this code is newer) and the media files. Refuses a database or MEDIA_ROOT that holds "
        "data unless --force. Stop the web server and the task worker first. See docs/backup.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="The .tar.gz written by `manage.py backup`.")
        parser.add_argument(
            "--force", action="store_true",
            help="Replace a database and MEDIA_ROOT that already hold data (files not in the backup stay).",
        )
        parser.add_argument(
            "--portable", action="store_true",
            help="Load the portable JSON copy even when the native dump fits this database "
            "(used anyway when the backup comes from the other kind of database).",
        )
        parser.add_argument(
            "--verify-only", action="store_true", help="Check the archive (every sha256); change nothing."
        )

    def handle(self, *args, **options):
        try:
            result = restore_backup(
                options["archive"], force=options["force"], portable=options["portable"],
                verify_only=options["verify_only"],
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        manifest = result.manifest
        files = [entry for entry in manifest["files"] if entry["path"].startswith("media/")]
        made = f"made {manifest['created_at']} on {manifest['database']['vendor']}"
        if options["verify_only"]:
            self.stdout.write(self.style.SUCCESS(
                f"{options['archive']} is intact ({made}): {len(manifest['files'])} files, every sha256 matches "
                f"the manifest; {len(files)} media files, {len(manifest['database']['tables'])} tables."
            ))
            return
        for warning in result.warnings:
            self.stderr.write(f"Warning: {warning}")
        how = {"native": "the native dump", "portable": "the portable JSON (dumpdata)"}[result.method]
        self.stdout.write(self.style.SUCCESS(f"Restored {options['archive']} ({made})."))
        self.stdout.write(
            f"  database   from {how}: {result.tables} tables, {result.rows} rows; every table's row count matches"
        )
        self.stdout.write(
            "  migrations " + (f"applied {len(result.migrations_applied)} newer: {', '.join(result.migrations_applied)}"
                               if result.migrations_applied else "up to date, none applied")
        )
        self.stdout.write(
            f"  media      {result.media_files} files, {human_size(result.media_bytes)}; every sha256 verified "
            "in the archive and again on disk"
        )
        if result.left_in_place:
            self.stdout.write(
                f"  kept       {len(result.left_in_place)} files in MEDIA_ROOT that are not in the backup"
            )
        self.stdout.write(f"  took       {result.seconds:.1f} s")
