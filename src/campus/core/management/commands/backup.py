from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campus.core.backup import BackupError, create_backup, human_size


class Command(BaseCommand):
    help = (
        "Write one archive (.tar.gz) with the database (native dump and portable JSON, from one snapshot) and "
        "every file under MEDIA_ROOT, plus a manifest with the migration state and a sha256 for every file. "
        "See docs/backup.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", type=Path,
            help="The archive to write (.tar.gz), or an existing folder to write it in. "
            "Default: var/backups/campus-<UTC time>Z.tar.gz. An existing file of that name is replaced.",
        )

    def handle(self, *args, **options):
        try:
            result = create_backup(options["output"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        manifest = result.manifest
        database, media = manifest["database"], manifest["media"]
        rows = sum(database["tables"].values())
        copies = database["native"] + (f" + {database['portable']}" if database["portable"] else ", no portable copy")
        for warning in result.warnings:
            self.stderr.write(f"Warning: {warning}")
        self.stdout.write(self.style.SUCCESS(f"Backup written: {result.path} ({human_size(result.size)}, mode 0600)"))
        self.stdout.write(f"  sha256     {result.sha256}")
        self.stdout.write(
            f"  database   {database['vendor']} {database['server_version']}: {len(database['tables'])} tables, "
            f"{rows} rows ({copies})"
        )
        self.stdout.write(f"  migrations {sum(len(names) for names in manifest['migrations'].values())} applied")
        self.stdout.write(f"  media      {media['files']} files, {human_size(media['bytes'])} from {media['root']}")
        self.stdout.write(f"  made at    {manifest['created_at']} in {result.seconds:.1f} s")
