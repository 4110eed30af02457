"""``manage.py booklet_demo_cohort --edition <slug> --count N``: a demo cohort of generated participants with
booklet profiles and portraits, for trying the booklet out (campus.booklet.demo). Never part of the seed; it
refuses to run twice for one edition."""

from django.core.management.base import BaseCommand, CommandError

from campus.programme.models import Edition

from ... import demo


class Command(BaseCommand):
    help = "Fill an edition with a demo cohort of generated participants, booklet profiles and photos."

    def add_arguments(self, parser):
        parser.add_argument("--edition", required=True, help="The edition's slug.")
        parser.add_argument("--count", type=int, default=22, help="How many participants (default 22).")
        parser.add_argument("--no-photos", action="store_true", help="Profiles without photos.")
        parser.add_argument("--seed", type=int, default=2020, help="The same seed makes the same people.")

    def handle(self, *args, edition, count, no_photos, seed, **options):
        found = list(Edition.objects.filter(slug=edition).select_related("programme")[:2])
        if not found:
            raise CommandError(f"No edition with the slug {edition!r}.")
        if len(found) > 1:
            raise CommandError(f"Several programmes have an edition {edition!r}; the slug must be unique.")
        try:
            made = demo.fill(found[0], count, with_photos=not no_photos, seed=seed)
        except demo.DemoError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Made a demo cohort of {made} participants with booklet profiles in {found[0]}.")
