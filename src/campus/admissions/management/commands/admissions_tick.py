"""Run the admissions clock: release due calls, expire offers past their reply-by moment (each promotes the
next on the waitlist), send the 48-hour reminders. Idempotent: run it as often as you like.

``manage.py tick`` runs it every minute with the other periodic jobs (campus.core.periodic; scripts/run.sh).
"""

import logging
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Release due calls, expire offers past their reply-by date, send the 48-hour reminders (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--loop", type=int, default=0, metavar="SECONDS",
                            help="Repeat every SECONDS (0: run once and exit).")

    def handle(self, *args, loop=0, **options):
        from campus.admissions.services import tick

        while True:
            try:
                done = tick()
            except Exception:  # a database restart, say: log it and try again next round
                if not loop:
                    raise
                logger.exception("admissions_tick failed; trying again in %s s", loop)
                connection.close()
            else:
                self.stdout.write(f"released {done.released}, expired {done.expired}, reminded {done.reminded}")
            if not loop:
                return
            time.sleep(loop)
            close_old_connections()
