"""What the forum's services share: the refusal, the event lock, the seat count, the mails."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from ..models import Event, Registration

R = Registration.State


class RegistrationError(Exception):
    """A guard refused the change; the message is meant for the person who tried."""


def locked_event(event) -> Event:
    """The event row, locked: every change of who holds a seat happens under it (PostgreSQL: FOR UPDATE; SQLite's
    IMMEDIATE transactions serialise the writers anyway)."""
    return (Event.objects.select_for_update(of=("self",)).select_related("programme", "edition")
            .get(pk=getattr(event, "pk", event)))


def locked_registration(registration) -> Registration:
    return Registration.objects.select_for_update().get(pk=getattr(registration, "pk", registration))


def counts(event) -> dict:
    """Seats held (confirmed or offered) and people waiting, in one query."""
    found = Registration.objects.filter(event=event).aggregate(
        held=Count("pk", filter=Q(state__in=Registration.HOLDS_SEAT)),
        waiting=Count("pk", filter=Q(state=R.WAITLISTED)),
    )
    return {"held": found["held"] or 0, "waiting": found["waiting"] or 0}


def registration_window_open(event, now=None) -> bool:
    now = now or timezone.now()
    if not event.published:
        return False
    if event.registration_opens_at and now < event.registration_opens_at:
        return False
    if event.registration_closes_at:
        return now < event.registration_closes_at
    return timezone.localdate(now, event.zone) < event.starts_on


def _outbox():
    from campus.communications import services as outbox

    return outbox


def personal_url(registration, action: str = "") -> str:
    """The person's own links (their token): the overview, or the page of ``action`` (confirm, cancel, accept)."""
    name = f"forum:registration_{action}" if action else "forum:registration"
    return _outbox().site_url() + reverse(name, kwargs={"token": registration.token})


def queue_mail(registration: Registration, key: str, *, dedupe: str = "", extra: dict | None = None, actor=None):
    """Queue the mail ``key`` (a forum mail event) to the registrant, once per ``dedupe`` (default: once per
    registration and event key), inside the caller's transaction (sent after the commit)."""
    from ..mail import context_for

    event = registration.event
    return _outbox().compose(
        event=key, edition=event.edition, to_user=registration.user, to_email=registration.email,
        context={**context_for(registration), **(extra or {})},
        dedupe_key=f"forum:{key}:{registration.pk}{':' + dedupe if dedupe else ''}",
        related=registration, actor=actor, send=True,
    )
