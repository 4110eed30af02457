from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from campus.applications import selectors, services
from campus.programme import selectors as programme_selectors


class Command(BaseCommand):
    help = ("Open the current edition's call now until the end of the N-th day (midnight in the call's zone); the "
            "decision date, the release moment and the modules move along by whole weeks.")

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30, help="How long the call stays open (default 30).")

    def handle(self, *args, **options):
        if options["days"] < 1:
            raise CommandError("--days must be at least 1.")
        edition = programme_selectors.current_edition(programme_selectors.current_programme())
        call = selectors.current_call(edition)
        if call is None:
            raise CommandError("The current edition has no call. Run load_seed_edition first.")
        try:
            shifted = services.open_call_for(call=call, days=options["days"], actor=None)
        except services.ApplicationError as error:
            raise CommandError(str(error)) from error
        edition = call.edition
        local = timezone.localtime(call.closes_at, call.zone)
        self.stdout.write(f"{call.title} is open until {local:%-d %B %Y, %H:%M %Z}: /apply/")
        if shifted:
            first = edition.modules.order_by("starts_on").first()
            self.stdout.write(
                f"Moved the later dates by {shifted // 7} weeks: decisions by {edition.acceptance_letter_on:%-d %B %Y}"
                + (f", the education starts on {first.starts_on:%-d %B %Y}." if first else ".")
            )
