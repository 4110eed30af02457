"""Registering for an event, confirming the address, cancelling: each under the event's lock."""

from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction
from django.utils import timezone

from campus.core.activity import log_activity

from .. import states
from ..models import Registration
from .common import R, RegistrationError, counts, locked_event, locked_registration, registration_window_open, queue_mail
from .waitlist import fill_free_seats

FIELDS = ("name", "organisation", "country", "role", "dietary_needs", "accessibility_needs", "on_attendee_list")


def address_confirmed(user) -> bool:
    """The account's address is one it confirmed (allauth's verified address)."""
    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


def _place(registration: Registration, event, now) -> None:
    """A seat if one is free and nobody waits before them, else the end of the waitlist (arrival order:
    ``queued_at``, then id). The caller holds the event's lock."""
    registration.queued_at = now
    seats = counts(event)
    if seats["held"] < event.capacity and not seats["waiting"]:
        states.transition(registration, R.CONFIRMED)
        registration.confirmed_at = now
    else:
        states.transition(registration, R.WAITLISTED)
    registration.save(update_fields=["state", "queued_at", "confirmed_at", "email_confirmed_at", "updated_at"])
    log_activity(action=f"forum.{registration.state}", target=registration, actor=registration.user,
                 event=event.slug)
    queue_mail(registration, "forum_registered" if registration.state == R.CONFIRMED else "forum_waitlisted")


def register(*, event, details: dict, email: str, user=None) -> tuple[Registration, bool]:
    """Register someone for ``event``: (the registration, whether it is new).

    Signed in with a confirmed address: placed at once (seat or waitlist). A guest (or an account whose address
    is not confirmed): unconfirmed, with a mail to confirm the address; the seat is decided on confirmation.
    Someone already registered with the address gets a mail with their links instead (the page says the same
    either way, so nobody learns whether an address is registered); an account sees its own registration."""
    email = (user.email if user is not None else email).strip().lower()
    confirmed = user is not None and address_confirmed(user) and user.email.lower() == email
    with transaction.atomic():
        event = locked_event(event)
        if not registration_window_open(event):
            raise RegistrationError("Registration for this event is closed.")
        existing = Registration.objects.filter(event=event, email__iexact=email, state__in=Registration.ACTIVE).first()
        if existing is not None:
            _remind(existing, confirmed=confirmed)
            return existing, False
        now = timezone.now()
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    event=event, user=user, email=email,
                    email_confirmed_at=now if confirmed else None,
                    **{name: details.get(name, "") if name != "on_attendee_list" else bool(details.get(name))
                       for name in FIELDS},
                )
        except IntegrityError:  # the same address at the same moment: the other request made it
            raise RegistrationError("This address was just registered; check your mail.") from None
        log_activity(action="forum.registered", target=registration, actor=user, event=event.slug)
        if confirmed:
            _place(registration, event, now)
        else:
            queue_mail(registration, "forum_confirm_email")
    return registration, True


def _remind(registration: Registration, *, confirmed: bool) -> None:
    """A second registration with the same address: the unconfirmed get the confirmation mail again, the others
    their links (at most once an hour; an account that confirmed the address sees its registration instead)."""
    if confirmed:
        return
    stamp = timezone.now().strftime("%Y%m%d%H")
    if registration.state == R.UNCONFIRMED:
        queue_mail(registration, "forum_confirm_email", dedupe=f"again-{stamp}")
    else:
        queue_mail(registration, "forum_your_links", dedupe=stamp)


def confirm_email(*, registration) -> Registration:
    """The guest confirmed their address (the button on the page their mail's link opens): placed now, in
    the order of confirmation. Pressed twice: nothing more."""
    with transaction.atomic():
        event = locked_event(registration.event_id)
        registration = locked_registration(registration)
        if registration.state != R.UNCONFIRMED:
            if registration.state == R.CANCELLED:
                raise RegistrationError("This registration was cancelled.")
            return registration
        if not registration_window_open(event):
            raise RegistrationError("Registration for this event closed before the address was confirmed.")
        now = timezone.now()
        registration.email_confirmed_at = now
        registration.event = event
        _place(registration, event, now)
    return registration


def cancel(*, registration, actor=None) -> Registration:
    """Cancel (the person's link, or staff). A seat it held goes to the next on the waitlist (automatic mode).
    Cancelled twice: nothing more."""
    with transaction.atomic():
        event = locked_event(registration.event_id)
        registration = locked_registration(registration)
        if registration.state == R.CANCELLED:
            return registration
        if not registration.is_active:
            raise RegistrationError(states.LABELS[registration.state] + ".")
        held = registration.state in Registration.HOLDS_SEAT
        states.transition(registration, R.CANCELLED)
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["state", "cancelled_at", "updated_at"])
        log_activity(action="forum.cancelled", target=registration, actor=actor, event=event.slug,
                     by_staff=bool(actor and actor != registration.user))
        if registration.email_confirmed_at:
            queue_mail(registration, "forum_cancelled")
        if held:
            fill_free_seats(event)
    return registration


def accept_offer(*, registration) -> Registration:
    """Take the seat offered (before the offer lapses). Pressed twice: nothing more."""
    with transaction.atomic():
        event = locked_event(registration.event_id)
        registration = locked_registration(registration)
        if registration.state == R.CONFIRMED:
            return registration
        if registration.state != R.OFFERED:
            raise RegistrationError("There is no seat offered to you now.")
        now = timezone.now()
        if registration.offer_expires_at and registration.offer_expires_at <= now:
            raise RegistrationError("The offer lapsed: the seat goes to the next person on the waitlist.")
        states.transition(registration, R.CONFIRMED)
        registration.confirmed_at = now
        registration.save(update_fields=["state", "confirmed_at", "updated_at"])
        log_activity(action="forum.offer_accepted", target=registration, actor=registration.user, event=event.slug)
        registration.event = event
        queue_mail(registration, "forum_registered")
    return registration
