"""Tasks a dead worker left RUNNING are given back (manage.py recover_tasks, campus.core.taskrecovery)."""

import subprocess
import sys
import time
from pathlib import Path
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from campus.core.taskrecovery import recover_abandoned_tasks, this_host
from campus.programme import tasks
from campus.programme.models import ContactMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def claimed(seeded, django_capture_on_commit_callbacks):
    """make(worker_id, claimed_at=None, earlier_claims=0): a contact notification task claimed by ``worker_id``."""

    def make(worker_id, *, claimed_at=None, earlier_claims=0):
        contact = ContactMessage.objects.create(
            programme=seeded.programme, name="Ann", email="ann@example.org", topic="other", message="A question."
        )
        with django_capture_on_commit_callbacks(execute=True):
            result = tasks.notify_team_of_contact_message.enqueue(contact.pk)
        row = DBTaskResult.objects.get(pk=result.id)
        row.worker_ids = [f"earlier-{n}" for n in range(earlier_claims)]
        row.claim(worker_id)
        if claimed_at is not None:
            DBTaskResult.objects.filter(pk=row.pk).update(started_at=claimed_at)
        row.refresh_from_db()
        return row

    return make


def dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


@pytest.fixture
def live_worker():
    """A process whose command line says db_worker, as deploy/worker.sh starts one."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "db_worker"])
    for _ in range(100):  # until the kernel shows its command line (right after exec it may be empty)
        with open(f"/proc/{process.pid}/cmdline", "rb") as f:
            if b"db_worker" in f.read():
                break
        time.sleep(0.01)
    yield process
    process.kill()
    process.wait()


def status(row) -> str:
    row.refresh_from_db()
    return row.status


def test_a_task_of_a_dead_worker_of_this_machine_is_given_back_at_once(claimed, run_tasks, mailoutbox):
    row = claimed(f"{this_host()}:{dead_pid()}")
    [item] = recover_abandoned_tasks(lease_seconds=3600)
    assert (item.task_id, item.action, item.reason) == (str(row.pk), "requeued", "its worker is gone")
    assert status(row) == "READY" and row.started_at is None
    # ...and the next worker runs it, once.
    assert run_tasks() == 1 and len(mailoutbox) == 1
    row.refresh_from_db()
    assert row.status == "SUCCESSFUL" and row.worker_ids[-1] == "pytest" and len(row.worker_ids) == 2


def test_a_task_of_a_living_worker_is_left_alone(claimed, live_worker):
    row = claimed(f"{this_host()}:{live_worker.pid}")
    assert recover_abandoned_tasks(lease_seconds=0) == []
    assert status(row) == "RUNNING"


def test_a_pid_reused_by_a_newer_worker_does_not_keep_an_old_task(claimed, live_worker):
    row = claimed(f"{this_host()}:{live_worker.pid}", claimed_at=timezone.now() - timedelta(hours=1))
    assert [item.action for item in recover_abandoned_tasks(lease_seconds=86400)] == ["requeued"]
    assert status(row) == "READY"


def test_a_pid_reused_by_another_program_does_not_keep_the_task(claimed):
    other = subprocess.Popen(["sleep", "60"])
    try:
        # until the child has exec'd, its /proc cmdline is still this (Python) process's: wait for "sleep"
        cmdline = Path(f"/proc/{other.pid}/cmdline")
        for _ in range(500):
            if cmdline.read_bytes().startswith(b"sleep"):
                break
            time.sleep(0.01)
        row = claimed(f"{this_host()}:{other.pid}")
        assert len(recover_abandoned_tasks(lease_seconds=86400)) == 1
        assert status(row) == "READY"
    finally:
        other.kill()
        other.wait()


def test_a_task_of_a_worker_elsewhere_waits_for_the_lease(claimed):
    fresh = claimed("other-machine:4242")
    old = claimed("a-random-worker-id-of-django-tasks-db", claimed_at=timezone.now() - timedelta(seconds=901))
    [item] = recover_abandoned_tasks(lease_seconds=900)
    assert item.task_id == str(old.pk) and item.reason == "claimed more than 900s ago"
    assert status(fresh) == "RUNNING" and status(old) == "READY"


def test_a_task_that_keeps_losing_its_worker_fails_instead_of_looping(claimed):
    row = claimed(f"{this_host()}:{dead_pid()}", earlier_claims=4)
    [item] = recover_abandoned_tasks(lease_seconds=900, max_attempts=5)
    assert item.action == "failed"
    row.refresh_from_db()
    assert row.status == "FAILED" and row.exception_class_path == "campus.core.taskrecovery.TaskAbandoned"
    assert "claimed 5 times" in row.traceback and row.finished_at is not None


def test_finished_and_waiting_tasks_are_not_touched(claimed):
    done = claimed(f"{this_host()}:{dead_pid()}")
    DBTaskResult.objects.filter(pk=done.pk).update(status="SUCCESSFUL")
    assert recover_abandoned_tasks(lease_seconds=0) == []
    assert status(done) == "SUCCESSFUL"


def test_the_command_reports_what_it_gave_back(claimed, capsys, settings):
    settings.CAMPUS_TASK_LEASE_SECONDS = 900
    row = claimed(f"{this_host()}:{dead_pid()}")
    call_command("recover_tasks")
    out = capsys.readouterr().out
    assert f"requeued: task {row.pk} (campus.programme.tasks.notify_team_of_contact_message)" in out
    assert "1 task(s) given back" in out
    call_command("recover_tasks")
    assert "0 task(s) given back" in capsys.readouterr().out
