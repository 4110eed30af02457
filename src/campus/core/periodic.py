"""Periodic work: apps register jobs in ``campus.core.plugins.jobs`` (from their ``plugin.py``); ``manage.py tick``
runs those that are due (``run_due`` here).

Each job is idempotent (releasing due calls, expiring offers, reminders with a dedupe key, re-queueing lost
mail tasks), so running one twice, or on two machines at once, does no harm; the last run of each job is
kept in ``core.PeriodicRun`` so that a job "every 24 hours" runs once a day however often ``tick`` runs.
``scripts/run.sh`` runs ``tick --loop 60`` next to the task worker; deploy/systemd has a timer for it.
"""

import logging

from django.db import transaction
from django.utils import timezone

from .plugins.jobs import jobs

logger = logging.getLogger(__name__)


def run_due(*, now=None, force: bool = False) -> dict[str, str]:
    """Run every job whose interval has passed since its last run (all with ``force``); returns name -> result."""
    from .models import PeriodicRun

    now = now or timezone.now()
    results = {}
    for job in jobs():
        with transaction.atomic():
            run, _created = PeriodicRun.objects.select_for_update().get_or_create(name=job.name)
            if not force and run.last_run_at and run.last_run_at + job.every > now:
                continue
            run.last_run_at = now
            run.save(update_fields=["last_run_at"])
        try:
            result = job.func()
        except Exception as error:  # one failing job must not stop the others; the next tick tries again
            logger.exception("Periodic job %s failed", job.name)
            PeriodicRun.objects.filter(name=job.name).update(last_result=f"failed: {error}"[:300], last_run_at=None)
            results[job.name] = f"failed: {error}"
            continue
        PeriodicRun.objects.filter(name=job.name).update(last_result=str(result)[:300])
        results[job.name] = str(result)
    return results
