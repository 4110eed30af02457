"""kill -9 the task worker in the middle of a bulk send of 100 outbox messages: every recipient gets one copy.

A manager queues 100 drafts at once (``outbox.send``: one transaction, 100 send tasks). A real worker
(deploy/worker.sh: ``manage.py recover_tasks``, then ``exec manage.py db_worker``) delivers them over SMTP to
a real server in this process (aiosmtpd). The server holds back its answer to DATA of message number 51
and the worker is killed with SIGKILL while it waits: that message was not
accepted, its row stays QUEUED (the transaction that marked it SENT dies with the worker) and its task stays
RUNNING. The next worker's start gives the task back (recover_tasks) and delivers the message once.
Strict: 100 recipients, one copy each, every row SENT, 100 "sent" entries in the activity log.
"""

import asyncio
import signal
import socket
import subprocess
import threading
import time
from collections import Counter

import pytest
from aiosmtpd.controller import Controller

from .support import PYTHON, ROOT, base_env, free_port, kill_group, report, sql, wait_for

pytestmark = pytest.mark.fault

MAILS = 100
STALLS = (50,)  # the worker is killed while sending message number n + 1 (one kill: the 60 s budget under load)

PREPARE = f"""
from django.core.management import call_command
from django.db import transaction
from campus.accounts.models import User
from campus.communications import services as outbox
from campus.programme.models import Edition
call_command("migrate", verbosity=0)
call_command("load_seed_edition", verbosity=0)
edition = Edition.objects.get(is_current=True)
def person(email, name):
    user = User(email=email, full_name=name)
    user.set_unusable_password()  # no password hashing: 100 people in a moment
    return user
manager = User.objects.bulk_create([person("mia.manager@example.org", "Mia Manager")])[0]
people = User.objects.bulk_create([person(f"outbox-{{i:03d}}@example.org", f"Person {{i:03d}}") for i in range({MAILS})])
drafts = [
    outbox.compose(event="rejected", edition=edition, to_user=p, context={{"reference": f"BSR20-{{i:04d}}"}},
                   dedupe_key=f"fault:rejected:{{i}}")
    for i, p in enumerate(User.objects.filter(email__startswith="outbox-").order_by("email"))
]
with transaction.atomic():  # the bulk send: one commit, then 100 tasks
    assert outbox.send(messages=drafts, actor=manager) == {MAILS}
"""


class StallingInbox:
    """An SMTP server that holds back its answer to DATA for the messages numbered in ``stalls`` (+1)."""

    def __init__(self, stalls):
        self.envelopes = []
        self.stalls = list(stalls)
        self.stalled = {n: threading.Event() for n in self.stalls}
        self.release = {n: threading.Event() for n in self.stalls}

    async def handle_DATA(self, server, session, envelope):
        n = len(self.envelopes)
        if n in self.stalled and not self.stalled[n].is_set():
            self.stalled[n].set()
            for _ in range(300):  # at most 30 s
                if self.release[n].is_set():
                    break
                await asyncio.sleep(0.1)
            return "451 Requested action aborted: try again later"  # nobody is listening any more
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def recipients(self) -> Counter:
        return Counter(address for e in self.envelopes for address in e.rcpt_tos)


def task_rows(url: str) -> list[tuple]:
    return sql(url, "SELECT id, status, worker_ids, (args_kwargs->'args'->>0)::int "
                    "FROM django_tasks_database_dbtaskresult")


def test_every_recipient_gets_one_copy_although_the_worker_is_killed(fault_database, tmp_path):
    inbox = StallingInbox(STALLS)
    smtp_port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    env = base_env(
        DATABASE_URL=fault_database, DEBUG=0, LOG_FORMAT="json", SECRET_KEY="fault-test-" + "x" * 40,
        CAMPUS_VAR_DIR=tmp_path / "var", EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1", EMAIL_PORT=smtp_port,
    )
    url = fault_database
    workers: list[subprocess.Popen] = []
    logs = []

    def start_worker(n: int) -> subprocess.Popen:
        log = open(tmp_path / f"worker-{n}.log", "wb")
        logs.append(log)
        worker = subprocess.Popen(
            ["bash", str(ROOT / "deploy" / "worker.sh"), "--interval", "0.1", "--no-startup-delay"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        workers.append(worker)
        return worker

    def kill(worker: subprocess.Popen) -> None:
        kill_group(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)

    try:
        started = time.monotonic()
        result = subprocess.run([PYTHON, "manage.py", "shell", "-c", PREPARE], cwd=ROOT, env=env, capture_output=True,
                                text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        prepared = time.monotonic() - started
        assert Counter(row[1] for row in task_rows(url)) == {"READY": MAILS}
        assert sql(url, "SELECT state, count(*) FROM communications_outboxmessage GROUP BY state") == [("queued", MAILS)]

        in_flight = []
        for number, stall in enumerate(STALLS, 1):
            worker = start_worker(number)
            wait_for(inbox.stalled[stall].is_set, timeout=30, what=f"the worker to reach message {stall + 1}")
            running = [row for row in task_rows(url) if row[1] == "RUNNING"]
            assert len(running) == 1 and running[0][2][-1] == f"{socket.gethostname()[:50]}:{worker.pid}"
            task_id, message_id = running[0][0], running[0][3]
            in_flight.append((task_id, message_id))
            kill(worker)
            inbox.release[stall].set()
            # The transaction that marked the message SENT died with the worker: it is still QUEUED.
            state = "SELECT state, attempts FROM communications_outboxmessage WHERE id = %s"
            wait_for(lambda: sql(url, state, (message_id,)) == [("queued", 0)], timeout=10,
                     what="the dead worker's transaction to end")
            assert len(inbox.envelopes) == stall
            # The next worker's start (deploy/worker.sh) runs recover_tasks: the RUNNING task is given back.

        last = start_worker(len(STALLS) + 1)
        wait_for(lambda: Counter(row[1] for row in task_rows(url)) == {"SUCCESSFUL": MAILS}, timeout=30,
                 what="every send task to succeed")
        elapsed = time.monotonic() - started
        kill_group(last.pid, signal.SIGTERM)
        last.wait(timeout=10)

        recipients = inbox.recipients()
        figures = {"mails": MAILS, "delivered": len(inbox.envelopes), "distinct": len(recipients),
                   "duplicates": sum(1 for n in recipients.values() if n > 1), "prepare_seconds": round(prepared, 1),
                   "seconds": round(elapsed, 1)}
        report("outbox worker killed", figures)
        assert set(recipients) == {f"outbox-{i:03d}@example.org" for i in range(MAILS)}, "a message was lost"
        assert set(recipients.values()) == {1}, f"a recipient got more than one copy: {figures}"
        assert sql(url, "SELECT state, count(*) FROM communications_outboxmessage GROUP BY state") == [("sent", MAILS)]
        assert sql(url, "SELECT count(*) FROM core_activitylog WHERE action = 'communications.sent'") == [(MAILS,)]
        rows = {row[0]: row for row in task_rows(url)}
        for task_id, message_id in in_flight:
            assert len(rows[task_id][2]) >= 2, "the task of the dead worker was not run again"
            [(email, attempts)] = sql(url, "SELECT to_email, attempts FROM communications_outboxmessage WHERE id = %s",
                                      (message_id,))
            assert recipients[email] == 1 and attempts == 1
        for number in range(2, len(STALLS) + 2):
            assert "requeued: task" in (tmp_path / f"worker-{number}.log").read_text()
        assert last.returncode == 0
    finally:
        for worker in workers:
            kill_group(worker.pid, signal.SIGKILL)
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        for log in logs:
            log.close()
        for event in inbox.release.values():
            event.set()
        controller.stop()
