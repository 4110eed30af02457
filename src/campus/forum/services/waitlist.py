"""The waitlist: a freed seat goes to the next in arrival order as an offer valid the event's N hours
(automatic mode) or when staff send it (mode "staff confirms"); an offer not taken in time lapses and the seat
goes on. Each step under the event's lock, with a mail."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from campus.core.activity import log_activity

from .. import states
from ..models import Event, Registration
from .common import R, RegistrationError, counts, locked_event, locked_registration, queue_mail


def waitlist(event):
    """The people waiting for ``event``, first in line first."""
    return Registration.objects.filter(event=event, state=R.WAITLISTED).order_by("queued_at", "id")


def _offer(registration: Registration, event, now, actor=None) -> None:
    states.transition(registration, R.OFFERED)
    registration.offered_at = now
    registration.offer_expires_at = now + timedelta(hours=event.offer_hours)
    registration.save(update_fields=["state", "offered_at", "offer_expires_at", "updated_at"])
    registration.event = event
    log_activity(action="forum.offered", target=registration, actor=actor, event=event.slug,
                 expires_at=registration.offer_expires_at.isoformat())
    queue_mail(registration, "forum_offer", actor=actor)


def fill_free_seats(event, *, now=None) -> int:
    """Offer every free seat of ``event`` (locked by the caller) to the next on the waitlist, in automatic
    mode; in "staff confirms" mode the seats wait for staff. Returns the number of offers made."""
    if event.offer_mode != Event.OfferMode.AUTOMATIC:
        return 0
    now = now or timezone.now()
    free = event.capacity - counts(event)["held"]
    if free <= 0:
        return 0
    made = 0
    for registration in waitlist(event).select_for_update()[:free]:
        _offer(registration, event, now)
        made += 1
    return made


def offer_seat(*, registration, actor) -> Registration:
    """Staff offer a free seat to ``registration`` (waitlisted): for events whose mode is "staff confirms"
    (the staff pages call it), or to move someone up by hand. Refused when no seat is free."""
    with transaction.atomic():
        event = locked_event(registration.event_id)
        registration = locked_registration(registration)
        if registration.state == R.OFFERED:
            return registration
        if registration.state != R.WAITLISTED:
            raise RegistrationError("Only someone on the waitlist can be offered a seat.")
        if counts(event)["held"] >= event.capacity:
            raise RegistrationError("No seat is free: every seat is taken or offered.")
        _offer(registration, event, timezone.now(), actor=actor)
    return registration


def offer_next(*, event, actor) -> Registration | None:
    """Staff offer the next free seat to the first on the waitlist (None: nobody waits)."""
    first = waitlist(event).first()
    return offer_seat(registration=first, actor=actor) if first is not None else None


def lapse_offers(*, now=None) -> dict:
    """The periodic job: offers past their time lapse (with a mail) and their seats go on; free seats of
    automatic events (capacity raised by staff) are offered too. Idempotent."""
    now = now or timezone.now()
    lapsed = offered = 0
    due = set(Registration.objects.filter(state=R.OFFERED, offer_expires_at__lte=now).values_list("event_id", flat=True))
    waiting = set(Registration.objects.filter(state=R.WAITLISTED, event__offer_mode=Event.OfferMode.AUTOMATIC)
                  .values_list("event_id", flat=True).distinct())
    for event_id in sorted(due | waiting):
        with transaction.atomic():
            event = locked_event(event_id)
            for registration in Registration.objects.select_for_update().filter(
                    event=event, state=R.OFFERED, offer_expires_at__lte=now):
                states.transition(registration, R.LAPSED)
                registration.save(update_fields=["state", "updated_at"])
                registration.event = event
                log_activity(action="forum.offer_lapsed", target=registration, event=event.slug)
                queue_mail(registration, "forum_offer_lapsed")
                lapsed += 1
            offered += fill_free_seats(event, now=now)
    return {"lapsed": lapsed, "offered": offered}


def confirm_directly(*, registration, actor) -> Registration:
    """Staff seat someone from the waitlist or with an offer at once (no offer period), if a seat is free."""
    with transaction.atomic():
        event = locked_event(registration.event_id)
        registration = locked_registration(registration)
        if registration.state == R.CONFIRMED:
            return registration
        if registration.state not in (R.WAITLISTED, R.OFFERED):
            raise RegistrationError("Only someone on the waitlist or with an offer can be seated.")
        if registration.state == R.WAITLISTED and counts(event)["held"] >= event.capacity:
            raise RegistrationError("No seat is free: every seat is taken or offered.")
        states.transition(registration, R.CONFIRMED)
        registration.confirmed_at = timezone.now()
        registration.save(update_fields=["state", "confirmed_at", "updated_at"])
        registration.event = event
        log_activity(action="forum.seated_by_staff", target=registration, actor=actor, event=event.slug)
        queue_mail(registration, "forum_registered", actor=actor)
    return registration
