"""manage.py recover_tasks: give back the tasks that a dead worker left RUNNING (see campus.core.taskrecovery).

deploy/worker.sh runs it before every worker start; on several machines run it every few minutes too
(the systemd timer in deploy/systemd/), so that tasks of a machine that is gone are picked up after the lease.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from campus.core.taskrecovery import recover_abandoned_tasks


class Command(BaseCommand):
    help = "Put tasks that a dead worker left RUNNING back in the queue."

    def add_arguments(self, parser):
        parser.add_argument(
            "--lease", type=int, default=None,
            help="Seconds after which a RUNNING task of a worker elsewhere counts as abandoned "
            "(default: CAMPUS_TASK_LEASE_SECONDS).",
        )
        parser.add_argument(
            "--max-attempts", type=int, default=5,
            help="A task claimed this many times is marked FAILED instead of queued again (default: 5).",
        )

    def handle(self, *, lease, max_attempts, verbosity, **options):
        lease = settings.CAMPUS_TASK_LEASE_SECONDS if lease is None else lease
        recovered = recover_abandoned_tasks(lease_seconds=lease, max_attempts=max_attempts)
        for item in recovered:
            self.stdout.write(
                f"{item.action}: task {item.task_id} ({item.task_path}), {item.reason}, worker {item.worker_id or '-'}"
            )
        if verbosity >= 1:
            self.stdout.write(f"recover_tasks: {len(recovered)} task(s) given back.")
