"""Quality bar: 50 people register at the same moment for the last 10 seats: exactly 10 get a seat and 40 go
on the waitlist in arrival order; then 10 cancel at the same moment: exactly 10 offers go out, to the first 10
in line. Threads, each with its own database connection, through the services; on SQLite (file database,
IMMEDIATE transactions) and on PostgreSQL (DATABASE_URL: select_for_update on the event row)."""

import threading

import pytest
from django.db import connection

from campus.communications.models import OutboxMessage
from campus.forum import services
from campus.forum.models import Registration

from .conftest import DETAILS, guest, make_event, make_user

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]
R = Registration.State


def all_at_once(jobs):
    """Run every job at the same moment (a barrier), each in its own thread and connection; their errors."""
    barrier = threading.Barrier(len(jobs))
    errors, lock = [], threading.Lock()

    def run(job):
        try:
            barrier.wait(timeout=60)
            job()
        except Exception as error:  # noqa: BLE001 - reported below
            with lock:
                errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    return errors


def queue_order(event, state):
    return list(Registration.objects.filter(event=event, state=state).order_by("queued_at", "id")
                .values_list("pk", flat=True))


def test_fifty_register_for_the_last_ten_seats_then_ten_cancel_at_once(seeded):
    event = make_event(seeded, slug="rush", capacity=30)
    for i in range(20):
        guest(event, f"early{i}@example.org")
    people = [make_user(f"rush{i}@example.org", given=f"R{i}") for i in range(50)]

    errors = all_at_once([
        (lambda user=user: services.register(event=event, email=user.email, user=user, details=DETAILS))
        for user in people
    ])
    assert errors == []
    rushed = Registration.objects.filter(event=event, user__isnull=False)
    assert rushed.count() == 50
    assert rushed.filter(state=R.CONFIRMED).count() == 10
    assert rushed.filter(state=R.WAITLISTED).count() == 40
    assert Registration.objects.filter(event=event, state=R.CONFIRMED).count() == 30
    # arrival order: every seat went to someone who arrived before everyone waiting; ids and arrival agree
    seated = rushed.filter(state=R.CONFIRMED).order_by("queued_at", "id")
    waiting = queue_order(event, R.WAITLISTED)
    assert max(r.queued_at for r in seated) <= Registration.objects.get(pk=waiting[0]).queued_at
    assert max(r.pk for r in seated) < min(waiting) and waiting == sorted(waiting)
    assert OutboxMessage.objects.filter(event="forum_waitlisted").count() == 40

    leaving = list(seated[:10])
    errors = all_at_once([(lambda r=r: services.cancel(registration=r)) for r in leaving])
    assert errors == []
    offered = queue_order(event, R.OFFERED)
    assert len(offered) == 10 and offered == waiting[:10]
    assert OutboxMessage.objects.filter(event="forum_offer").count() == 10
    assert Registration.objects.filter(event=event, state__in=Registration.HOLDS_SEAT).count() == 30
    assert queue_order(event, R.WAITLISTED) == waiting[10:]


def test_the_same_guest_confirming_twice_at_once_is_placed_once(seeded):
    event = make_event(seeded, slug="twice", capacity=1)
    registration = guest(event, "double@example.org", confirm=False)
    errors = all_at_once([lambda: services.confirm_email(registration=registration)] * 2)
    assert errors == []
    assert Registration.objects.get(pk=registration.pk).state == R.CONFIRMED
    assert OutboxMessage.objects.filter(event="forum_registered").count() == 1
