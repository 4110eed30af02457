"""Run the periodic jobs that are due (campus.core.plugins.jobs; campus.core.periodic): ``manage.py tick``
once, or ``--loop 60``."""

import logging
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run the periodic jobs that are due (release decisions, expire offers, reminders, lost mail tasks)."

    def add_arguments(self, parser):
        parser.add_argument("--loop", type=int, default=0, metavar="SECONDS",
                            help="Repeat every SECONDS (0: run once and exit).")
        parser.add_argument("--force", action="store_true", help="Run every job now, due or not.")
        parser.add_argument("--list", action="store_true", help="List the registered jobs and exit.")

    def handle(self, *args, loop=0, force=False, list=False, **options):  # noqa: A002 - the option's name
        from campus.core import periodic
        from campus.core.plugins import jobs

        if list:
            for job in jobs.jobs():
                self.stdout.write(f"{job.name}: every {job.every}")
            return
        while True:
            try:
                results = periodic.run_due(force=force)
            except Exception:  # the database restarting, say: log it and try again next round
                if not loop:
                    raise
                logger.exception("tick failed; trying again in %s s", loop)
                connection.close()
            else:
                for name, result in results.items():
                    self.stdout.write(f"{name}: {result}")
            if not loop:
                return
            time.sleep(loop)
            close_old_connections()
