"""The staff side's changes: check-in at the door and messages to registrants (keyword-only arguments, one
transaction each, the activity log, mail through the outbox after the commit)."""

import hashlib

from django.db import transaction
from django.utils import timezone

from campus.core.activity import log_activity

from ..models import Registration
from .common import R, RegistrationError, locked_registration

MESSAGE_EVENT = "forum_staff_message"


def check_in(*, registration, actor) -> tuple[Registration, bool]:
    """Mark ``registration`` (confirmed) as arrived: (the registration, whether this call checked it in).
    Pressed twice (two phones, a double tap): the first time stands, nothing more."""
    with transaction.atomic():
        registration = locked_registration(registration)
        if registration.state != R.CONFIRMED:
            raise RegistrationError("Only someone with a seat can be checked in: "
                                    f"{registration.get_state_display().lower()}.")
        if registration.checked_in_at is not None:
            return registration, False
        registration.checked_in_at = timezone.now()
        registration.checked_in_by = actor
        registration.save(update_fields=["checked_in_at", "checked_in_by", "updated_at"])
        log_activity(action="forum.checked_in", target=registration, actor=actor)
    return registration, True


def undo_check_in(*, registration, actor) -> Registration:
    """Take back a check-in made by mistake."""
    with transaction.atomic():
        registration = locked_registration(registration)
        if registration.checked_in_at is None:
            return registration
        registration.checked_in_at = None
        registration.checked_in_by = None
        registration.save(update_fields=["checked_in_at", "checked_in_by", "updated_at"])
        log_activity(action="forum.check_in_undone", target=registration, actor=actor)
    return registration


def message_registrants(*, event, registrations, subject: str, body: str, actor) -> int:
    """Queue ``subject``/``body`` to each of ``registrations`` (of ``event``) through the outbox. The same text
    to the same person is queued once, whatever the clicks. Returns how many messages exist for it."""
    from campus.communications import services as outbox

    from ..mail import context_for

    subject, body = subject.strip(), body.strip()
    if not subject or not body:
        raise RegistrationError("A message needs a subject and a text.")
    digest = hashlib.sha256(f"{subject}\n{body}".encode()).hexdigest()[:16]
    count = 0
    with transaction.atomic():
        for registration in registrations:
            if registration.event_id != event.pk or not registration.email:
                continue
            registration.event = event
            outbox.compose(
                event=MESSAGE_EVENT, edition=event.edition, to_user=registration.user, to_email=registration.email,
                context={**context_for(registration), "subject": subject, "message": body},
                dedupe_key=f"forum:{MESSAGE_EVENT}:{registration.pk}:{digest}",
                related=registration, actor=actor, send=True,
            )
            count += 1
        log_activity(action="forum.messaged", target=event, actor=actor, count=count, subject=subject)
    return count
