"""Erasure and retention of registrations (the privacy handler calls these; the periodic job too).

Retention (declared in privacy.py): an unconfirmed registration is deleted after 7 days; dietary and
accessibility needs are cleared a month after the event; a registration is anonymised six months after the
event (the counts stay true)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from campus.core.activity import log_activity
from campus.core.plugins.privacy import add_months

from .. import states
from ..models import Registration, new_token
from .common import R, locked_event, locked_registration
from .waitlist import fill_free_seats

UNCONFIRMED_DAYS = 7
NEEDS_MONTHS = 1
ANONYMISE_MONTHS = 6
PERSONAL = {"name": "", "email": "", "organisation": "", "country": "", "role": "", "dietary_needs": "",
            "accessibility_needs": "", "on_attendee_list": False, "user": None}


def anonymise(*, registrations, reason: str = "erasure") -> int:
    """Cancel what is still active for an event to come (the seat goes on, no mail to the person) and clear
    every personal field; new tokens, so old links open nothing. Returns how many rows changed."""
    changed = 0
    for pk in [getattr(r, "pk", r) for r in registrations]:
        with transaction.atomic():
            found = Registration.objects.filter(pk=pk).values_list("event_id", flat=True).first()
            if found is None:
                continue
            event = locked_event(found)
            registration = locked_registration(pk)
            # an event still to come: the seat goes on; a past one keeps its state (the counts stay true)
            upcoming = event.ends_on >= timezone.localdate()
            held = upcoming and registration.state in Registration.HOLDS_SEAT
            if upcoming and registration.is_active:
                states.transition(registration, R.CANCELLED)
                registration.cancelled_at = timezone.now()
            for name, value in PERSONAL.items():
                setattr(registration, name, value)
            registration.token, registration.checkin_code = new_token(), new_token()
            registration.anonymised_at = timezone.now()
            registration.save()
            log_activity(action="forum.anonymised", target=registration, reason=reason)
            if held:
                fill_free_seats(event)
            changed += 1
    return changed


def delete_unconfirmed(*, now=None, dry_run: bool = False) -> int:
    """Registrations whose address was never confirmed, older than 7 days: deleted (they held no seat)."""
    now = now or timezone.now()
    stale = Registration.objects.filter(state=R.UNCONFIRMED, created_at__lt=now - timedelta(days=UNCONFIRMED_DAYS))
    if dry_run:
        return stale.count()
    deleted, _ = stale.delete()
    return deleted


def purge_expired(*, now=None, dry_run: bool = False) -> dict:
    """Retention: unconfirmed ones deleted; needs cleared a month after the event; anonymised after six."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    needs_before = add_months(today, -NEEDS_MONTHS)
    anonymise_before = add_months(today, -ANONYMISE_MONTHS)
    needs = Registration.objects.filter(event__ends_on__lt=needs_before, anonymised_at__isnull=True).exclude(
        dietary_needs="", accessibility_needs="")
    old = Registration.objects.filter(event__ends_on__lt=anonymise_before, anonymised_at__isnull=True)
    result = {"forum_unconfirmed_deleted": delete_unconfirmed(now=now, dry_run=dry_run),
              "forum_needs_cleared": needs.count(), "forum_registrations_anonymised": old.count()}
    if not dry_run:
        with transaction.atomic():
            needs.update(dietary_needs="", accessibility_needs="", updated_at=now)
        anonymise(registrations=list(old.values_list("pk", flat=True)), reason="retention")
    return result

