from pathlib import Path

from django.core.management.base import BaseCommand

from campus.programme.services import SEED_FILE, load_seed_edition


class Command(BaseCommand):
    help = "Load the seed programme and edition (idempotent: existing rows are never changed)."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=SEED_FILE, help="The seed JSON file.")

    def handle(self, *args, **options):
        result = load_seed_edition(path=options["file"])
        self.stdout.write(
            "Seed: programme {}, edition {}.".format(
                "created" if result["programme_created"] else "already there",
                "created" if result["edition_created"] else "already there",
            )
        )
