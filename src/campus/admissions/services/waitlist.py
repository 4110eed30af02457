"""The waitlist: who is waiting, promotions when a place is freed, free places filled by hand."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from campus.applications.models import Application, Call
from campus.core.activity import log_activity

from .. import states
from ..models import AdmissionSettings, Decision, Offer
from .common import (
    RESERVED, AdmissionError, _enqueue_letters, _locked_call, _locked_offer, _offer_mail, live_offer_count,
    reply_by_for, settings_for,
)

O = Offer.State


def waiting(call: Call):
    """Released waitlist decisions whose applicant has never had an offer, in rank order."""
    return (
        Decision.objects.filter(application__call=call, outcome=Decision.Outcome.WAITLIST,
                                released_at__isnull=False, application__state=Application.State.SUBMITTED,
                                application__applicant__is_active=True)  # an erased person is never promoted
        .exclude(application__offers__isnull=False)
        .select_related("application__applicant")
        .order_by("waitlist_rank", "pk")
    )


def _open_promotion(*, call: Call, decision: Decision, config, now, replaces=None) -> Offer:
    return states.make_offer(application=decision.application, state=O.OPEN, via=Offer.Via.PROMOTION,
                             replaces=replaces, made_at=now,
                             reply_by=reply_by_for(call, days=config.offer_reply_days, now=now))


def _promote(*, call: Call, replaces: Offer, actor, now: datetime | None = None) -> Offer | None:
    """Give the place freed by ``replaces`` to the next on the waitlist (call locked by the caller).

    Automatic: an open offer and a queued "promoted" mail. Suggest and confirm: a suggested offer a
    manager confirms on the board. At most one promotion per freed offer (``replaces`` is unique).
    """
    if Offer.objects.filter(replaces=replaces).exists():
        return None
    if live_offer_count(call, RESERVED) >= call.edition.capacity:
        return None
    decision = waiting(call).first()
    if decision is None:
        log_activity(action="admissions.waitlist_empty", target=call, actor=actor, freed=replaces.pk)
        return None
    config = settings_for(call)
    now = now or timezone.now()
    if config.promotion == AdmissionSettings.Promotion.SUGGEST:
        offer = states.make_offer(application=decision.application, state=O.SUGGESTED, via=Offer.Via.PROMOTION,
                                  replaces=replaces)
        log_activity(action="admissions.promotion_suggested", target=decision.application, actor=actor,
                     **{"from": f"waitlist #{decision.waitlist_rank}", "to": "promotion suggested"})
        return offer
    offer = _open_promotion(call=call, decision=decision, config=config, now=now, replaces=replaces)
    log_activity(action="admissions.promoted", target=decision.application, actor=actor,
                 **{"from": f"waitlist #{decision.waitlist_rank}", "to": "offer open"})
    offer.application.call = call
    _offer_mail(offer, event="promoted", actor=actor, send=True)
    _enqueue_letters([offer.pk])
    return offer


def free_places(call: Call) -> int:
    return max(call.edition.capacity - live_offer_count(call, RESERVED), 0)


def fill_free_places(*, call: Call, actor) -> int:
    """A manager offers the free places (none freed by a decline or expiry pending, e.g. the waitlist was empty
    then) to the next on the waitlist: open offers, "promoted" mails queued. Under the call lock, so two
    clicks never give more places than are free. Returns how many offers were made."""
    with transaction.atomic():
        call = _locked_call(call)
        free = free_places(call)
        if not free:
            return 0
        config = settings_for(call)
        now = timezone.now()
        made = []
        for decision in waiting(call)[:free]:
            offer = _open_promotion(call=call, decision=decision, config=config, now=now)
            offer.application.call = call
            log_activity(action="admissions.promoted", target=decision.application, actor=actor,
                         **{"from": f"waitlist #{decision.waitlist_rank}", "to": "offer open"}, reason="free place")
            _offer_mail(offer, event="promoted", actor=actor, send=True)
            made.append(offer.pk)
        _enqueue_letters(made)
    return len(made)


def confirm_promotion(*, offer, actor) -> Offer:
    """A manager confirms a suggested promotion: the offer opens and the "promoted" mail is queued."""
    with transaction.atomic():
        call, offer = _locked_offer(offer)
        if offer.state == O.OPEN:
            return offer
        if offer.state != O.SUGGESTED:
            raise AdmissionError("Only a suggested promotion can be confirmed.")
        config = settings_for(call)
        now = timezone.now()
        states.transition(offer, O.OPEN)
        offer.made_at = now
        offer.reply_by = reply_by_for(call, days=config.offer_reply_days, now=now)
        offer.save(update_fields=["state", "made_at", "reply_by", "updated_at"])
        log_activity(action="admissions.promoted", target=offer.application, actor=actor,
                     **{"from": "promotion suggested", "to": "offer open"})
        _offer_mail(offer, event="promoted", actor=actor, send=True)
        _enqueue_letters([offer.pk])
    return offer


def dismiss_promotion(*, offer, actor) -> Offer:
    """A manager turns a suggested promotion down; the next on the waitlist is suggested instead."""
    with transaction.atomic():
        call, offer = _locked_offer(offer)
        if offer.state != O.SUGGESTED:
            raise AdmissionError("Only a suggested promotion can be dismissed.")
        states.transition(offer, O.WITHDRAWN)
        offer.save(update_fields=["state", "updated_at"])
        log_activity(action="admissions.promotion_dismissed", target=offer.application, actor=actor,
                     **{"from": "promotion suggested", "to": "withdrawn"})
        _promote(call=call, replaces=offer, actor=actor)
    return offer
