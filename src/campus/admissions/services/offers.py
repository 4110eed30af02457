"""Offers: the applicant's answer, withdrawal, and the clock (expiry, the 48-hour reminder, due releases)."""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from campus.applications.models import Application
from campus.core.activity import log_activity

from .. import states
from ..letters import confirmation_context
from ..mail import CONFIRMATION_ATTACHMENT
from ..models import AdmissionSettings, Offer
from ..signals import offer_accepted
from .common import REMINDER_BEFORE, AdmissionError, _locked_call, _locked_offer, _mail, _outbox, long_date
from .decisions import release_if_due
from .waitlist import _promote

O = Offer.State


def accept_offer(*, offer, actor) -> Offer:
    """Accept an open offer (accepting twice is fine: the second does nothing). Creates the participant."""
    with transaction.atomic():
        call, offer = _locked_offer(offer)
        if offer.state == O.ACCEPTED:
            return offer
        if offer.state != O.OPEN:
            raise AdmissionError(f"This offer is {offer.get_state_display().lower()} and can no longer be accepted.")
        if offer.reply_by and timezone.now() > offer.reply_by:
            raise AdmissionError("The reply-by date of this offer has passed; it can no longer be accepted.")
        states.transition(offer, O.ACCEPTED)
        offer.responded_at = timezone.now()
        offer.save(update_fields=["state", "responded_at", "updated_at"])
        log_activity(action="admissions.offer_accepted", target=offer.application, actor=actor,
                     **{"from": "offer open", "to": "accepted"})
        offer_accepted.send(sender=Offer, offer=offer, actor=actor)
        _mail(event="place_confirmed", application=offer.application,
              dedupe_key=f"admissions:place_confirmed:{offer.pk}", context=confirmation_context(offer),
              related=offer, attachment=CONFIRMATION_ATTACHMENT, actor=actor, send=True)
    return offer


def decline_offer(*, offer, actor) -> Offer:
    """Decline an open offer (twice is fine); the place goes to the next on the waitlist."""
    with transaction.atomic():
        call, offer = _locked_offer(offer)
        if offer.state == O.DECLINED:
            return offer
        if offer.state != O.OPEN:
            raise AdmissionError(f"This offer is {offer.get_state_display().lower()} and can no longer be declined.")
        states.transition(offer, O.DECLINED)
        offer.responded_at = timezone.now()
        offer.save(update_fields=["state", "responded_at", "updated_at"])
        log_activity(action="admissions.offer_declined", target=offer.application, actor=actor,
                     **{"from": "offer open", "to": "declined"})
        _mail(event="offer_declined", application=offer.application,
              dedupe_key=f"admissions:offer_declined:{offer.pk}", context={}, related=offer, actor=actor, send=True)
        _promote(call=call, replaces=offer, actor=actor)
    return offer


def application_withdrawn(*, application: Application, actor=None) -> int:
    """The applicant withdrew: an open or suggested offer is withdrawn and its place goes to the next on the
    waitlist. An accepted offer stays (the participant leaves the cohort through the team). Idempotent."""
    with transaction.atomic():
        call = _locked_call(application.call_id)
        offers = list(Offer.objects.select_for_update().filter(application_id=application.pk,
                                                               state__in=[O.OPEN, O.SUGGESTED]))
        for offer in offers:
            before = states.transition(offer, O.WITHDRAWN)
            offer.save(update_fields=["state", "updated_at"])
            log_activity(action="admissions.offer_withdrawn", target=application, actor=actor,
                         **{"from": f"offer {before}", "to": "withdrawn"}, reason="application withdrawn")
            _promote(call=call, replaces=offer, actor=actor)
    return len(offers)


# --- the clock: expiry, reminders, automatic release (admissions_tick) --------------------------------


def expire_offer(*, offer, now: datetime | None = None) -> bool:
    now = now or timezone.now()
    with transaction.atomic():
        call, offer = _locked_offer(offer)
        if offer.state != O.OPEN or offer.reply_by is None or offer.reply_by >= now:
            return False
        states.transition(offer, O.EXPIRED)
        offer.save(update_fields=["state", "updated_at"])
        log_activity(action="admissions.offer_expired", target=offer.application, actor=None,
                     **{"from": "offer open", "to": "expired"})
        _promote(call=call, replaces=offer, actor=None, now=now)
    return True


def send_reminder(*, offer, now: datetime | None = None) -> bool:
    """The reminder 48 hours before the reply-by moment, once per offer."""
    now = now or timezone.now()
    with transaction.atomic():
        _call, offer = _locked_offer(offer)
        if offer.state != O.OPEN or offer.reminded_at is not None or offer.reply_by is None:
            return False
        if not (offer.reply_by - REMINDER_BEFORE <= now < offer.reply_by):
            return False
        if offer.made_at and offer.made_at > offer.reply_by - REMINDER_BEFORE:
            return False  # made less than 48 hours before its reply-by moment: the offer mail is the reminder
        offer.reminded_at = now
        offer.save(update_fields=["reminded_at", "updated_at"])
        application = offer.application
        _mail(event="reminder", application=application, dedupe_key=f"admissions:reminder:{offer.pk}",
              context={"reply_by": long_date(offer.reply_by, application.call),
                       "offer_url": _outbox().site_url() + reverse("admissions:offer")},
              related=offer, actor=None, send=True)
        log_activity(action="admissions.reminder_sent", target=application, actor=None)
    return True


@dataclass
class Tick:
    released: int = 0
    expired: int = 0
    reminded: int = 0


def tick(*, now: datetime | None = None) -> Tick:
    """What the clock does (idempotent; run it as often as you like): release due calls, expire offers past
    their reply-by moment (each promotes the next on the waitlist), send the 48-hour reminders."""
    now = now or timezone.now()
    done = Tick()
    due = AdmissionSettings.objects.filter(auto_release=True, released_at__isnull=True, release_at__lte=now)
    for call_id in due.values_list("call_id", flat=True):
        if release_if_due(call_id=call_id, now=now) is not None:
            done.released += 1
    for offer_id in Offer.objects.filter(state=O.OPEN, reply_by__lt=now).values_list("pk", flat=True):
        done.expired += expire_offer(offer=offer_id, now=now)
    remind = Offer.objects.filter(state=O.OPEN, reminded_at__isnull=True, reply_by__gte=now,
                                  reply_by__lte=now + REMINDER_BEFORE)
    for offer_id in remind.values_list("pk", flat=True):
        done.reminded += send_reminder(offer=offer_id, now=now)
    return done
