"""Give back the tasks that a dead worker left RUNNING.

django-tasks-db's worker claims a task (status RUNNING, its worker id appended to ``worker_ids``) in one
transaction and runs it afterwards. A worker killed in between (``kill -9``, out of memory, the machine
lost, or a database outage that makes the worker exit) leaves the task RUNNING for ever: nothing in
django-tasks-db picks it up again. :func:`recover_abandoned_tasks` puts such tasks back to READY, and
``manage.py recover_tasks`` runs it; deploy/worker.sh runs it before every worker start.

When is a RUNNING task abandoned?

- Its worker id is ``<host>:<pid>`` (deploy/worker.sh starts ``db_worker --worker-id "$(hostname):$$"``),
  the host is this machine, and no ``db_worker`` process with that pid has run since before the task was
  claimed: recovered at once.
- Otherwise (another machine, or a random id): when it was claimed longer ago than the lease
  (``CAMPUS_TASK_LEASE_SECONDS``, 15 minutes; our tasks take seconds).

Running a task again is safe because every task is idempotent (a contact notification or a receipt
checks, under ``select_for_update``, whether it was sent). A task that was given back ``max_attempts``
times is marked FAILED instead: a task that kills its worker every time must not loop for ever.
"""

import logging
import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

logger = logging.getLogger(__name__)

HOST_LENGTH = 50  # worker ids are at most 64 characters: host (cut to 50) + ":" + pid


class TaskAbandoned(Exception):
    """Recorded as the error of a task that kept losing its worker."""


@dataclass(frozen=True)
class Recovered:
    task_id: str
    task_path: str
    worker_id: str
    action: str  # "requeued" or "failed"
    reason: str


def this_host() -> str:
    return socket.gethostname()[:HOST_LENGTH]


def _process_stat(pid: int) -> tuple[str, datetime] | None:
    """State letter and start time of process ``pid`` (Linux /proc), or None when that cannot be read."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        state, start_ticks = fields[0].decode(), int(fields[19])  # fields 3 and 22 of proc_pid_stat(5)
        with open("/proc/uptime", "rb") as f:
            uptime = float(f.read().split()[0])
        # Both counted from boot: the age does not depend on the wall clock's adjustments since then.
        age = uptime - start_ticks / os.sysconf("SC_CLK_TCK")
        return state, timezone.now() - timedelta(seconds=age)
    except (OSError, ValueError, IndexError):
        return None


def local_worker_alive(pid: int, *, claimed_at: datetime | None) -> bool:
    """Is the db_worker that claimed a task at ``claimed_at`` still running as process ``pid`` here?"""
    if pid <= 0:
        return False
    if not os.path.isdir("/proc/self"):  # no /proc: "a process with that pid exists" is all we can know
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    stat = _process_stat(pid)
    if stat is None:
        return False  # no such process
    state, started = stat
    if state in ("Z", "X"):
        return False  # exited, not yet reaped
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmdline = f.read()
    except OSError:
        return False
    if cmdline and b"db_worker" not in cmdline:
        return False  # the pid was reused by something else (an empty cmdline: a process in mid-exec)
    if claimed_at is not None and started > claimed_at + timedelta(seconds=1):
        return False  # a newer process got the same pid
    return True


def _worker_state(worker_id: str, claimed_at: datetime | None) -> str:
    """"alive", "dead" (a worker of this machine that is gone) or "unknown" (judged by the lease)."""
    host, sep, pid = worker_id.rpartition(":")
    if not sep or not pid.isdigit() or host != this_host():
        return "unknown"
    return "alive" if local_worker_alive(int(pid), claimed_at=claimed_at) else "dead"


def recover_abandoned_tasks(
    *, lease_seconds: int, max_attempts: int = 5, now: datetime | None = None
) -> list[Recovered]:
    """Put RUNNING tasks of dead workers back to READY (or FAILED after ``max_attempts`` claims)."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    lease_cutoff = now - timedelta(seconds=lease_seconds)
    recovered = []
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).only(
        "id", "task_path", "worker_ids", "started_at"
    )
    for result in running:
        worker_id = result.worker_ids[-1] if result.worker_ids else ""
        state = _worker_state(worker_id, result.started_at)
        if state == "alive":
            continue
        if state == "unknown" and result.started_at is not None and result.started_at > lease_cutoff:
            continue
        reason = "its worker is gone" if state == "dead" else f"claimed more than {lease_seconds}s ago"
        # Only if nobody touched it meanwhile (finished, or claimed again since we read it).
        same = DBTaskResult.objects.filter(pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at)
        if len(result.worker_ids) >= max_attempts:
            changed = same.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=f"{TaskAbandoned.__module__}.{TaskAbandoned.__qualname__}",
                traceback=f"TaskAbandoned: claimed {len(result.worker_ids)} times and {reason} each time; "
                f"workers: {', '.join(result.worker_ids)}",
            )
            action = "failed"
        else:
            changed = same.update(status=TaskResultStatus.READY, started_at=None)
            action = "requeued"
        if changed:
            item = Recovered(str(result.pk), result.task_path, worker_id, action, reason)
            logger.warning(
                "Task %s (%s) %s: %s (worker %s)", item.task_id, item.task_path, action, reason, worker_id or "-",
                extra={"task_id": item.task_id, "worker_id": worker_id, "action": action},
            )
            recovered.append(item)
    return recovered
