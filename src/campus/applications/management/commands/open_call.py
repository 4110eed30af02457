from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from campus.applications import selectors, services
from campus.programme import selectors as programme_selectors


class Command(BaseCommand):
    help = "Open the current edition's call now for N days (to try the application, or to run a new call)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30, help="How long the call stays open (default 30).")

    def handle(self, *args, **options):
        if options["days"] < 1:
            raise CommandError("--days must be at least 1.")
        edition = programme_selectors.current_edition(programme_selectors.current_programme())
        call = selectors.current_call(edition)
        if call is None:
            raise CommandError("The current edition has no call. Run load_seed_edition first.")
        now = timezone.now()
        call.opens_at = min(call.opens_at, now)
        call.closes_at = now + timedelta(days=options["days"])
        services.save_call(call=call, actor=None)
        local = timezone.localtime(call.closes_at, call.zone)
        self.stdout.write(f"{call.title} is open until {local:%-d %B %Y, %H:%M %Z}: /apply/")
