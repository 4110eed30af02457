"""The only place that changes admissions: staged decisions, their release, offers, the waitlist.

Rules (docs/admissions.md):

- Every change that touches capacity runs in one transaction with the call's row locked
  (``select_for_update``; on SQLite the IMMEDIATE transaction mode serialises writers the same way), so two
  managers releasing at once, or thirty people accepting at once, never put more live offers (open +
  accepted + suggested) than ``edition.capacity``.
- Releasing twice changes nothing: only staged, unreleased decisions are released; mails have dedupe keys.
- A promotion is tied to the offer it replaces (``Offer.replaces`` is one-to-one): the database refuses a
  second promotion for the same declined or expired offer.
- Mail only through the outbox: by-hand releases create DRAFTS that staff preview and send in bulk;
  automatic steps (automatic release, promotions, reminders) queue their mails at once.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import dateformat, timezone

from campus.applications.models import Application, Call
from campus.core.activity import log_activity

from .models import AdmissionSettings, Decision, Offer
from .signals import offer_accepted

O = Offer.State
LIVE = (O.OPEN, O.ACCEPTED)  # what counts against the capacity once released
RESERVED = (O.OPEN, O.ACCEPTED, O.SUGGESTED)  # a suggested promotion holds its place until confirmed
REMINDER_BEFORE = timedelta(hours=48)
LETTER_BATCH = 50  # letters made by one background task


class AdmissionError(Exception):
    """A guard refused the change; the message is meant for the person who tried."""


# --- helpers ------------------------------------------------------------------------------------------


def _outbox():
    from campus.communications import services as outbox

    return outbox


def _locked_call(call) -> Call:
    return Call.objects.select_for_update().select_related("edition__programme").get(pk=getattr(call, "pk", call))


def settings_for(call: Call) -> AdmissionSettings:
    """The admission settings of ``call`` (made on first use; release moment: the acceptance-letter date,
    09:00 in the call's zone)."""
    found = AdmissionSettings.objects.filter(call=call).first()
    if found is not None:
        return found
    edition = call.edition
    release_at = None
    if edition.acceptance_letter_on:
        release_at = datetime.combine(edition.acceptance_letter_on, time(9, 0), tzinfo=call.zone)
    try:
        with transaction.atomic():
            return AdmissionSettings.objects.create(call=call, release_at=release_at)
    except IntegrityError:  # made by a concurrent request
        return AdmissionSettings.objects.get(call=call)


def reply_by_for(call: Call, *, days: int, now: datetime | None = None) -> datetime:
    """The end (23:59:59) of the day ``days`` after today, in the call's zone, stored in UTC."""
    now = now or timezone.now()
    day = timezone.localtime(now, call.zone).date() + timedelta(days=days)
    return datetime.combine(day, time(23, 59, 59), tzinfo=call.zone)


def long_date(moment: datetime, call: Call) -> str:
    return dateformat.format(timezone.localtime(moment, call.zone), "j F Y")


def live_offer_count(call: Call, states=LIVE) -> int:
    return Offer.objects.filter(application__call=call, state__in=states).count()


def _mail(*, event, application, dedupe_key, context, related=None, attachment="", actor=None, send=False):
    call = application.call
    return _outbox().compose(
        event=event,
        edition=call.edition,
        to_user=application.applicant,
        context={
            "reference": application.reference,
            "call": call.title,
            "full_name": application.full_name or application.applicant.email,
            **context,
        },
        dedupe_key=dedupe_key,
        related=related,
        attachment=attachment,
        actor=actor,
        send=send,
    )


def _offer_mail(offer: Offer, *, event: str, actor=None, send=False):
    application = offer.application
    return _mail(
        event=event,
        application=application,
        dedupe_key=f"admissions:{event}:{offer.pk}",
        context={
            "reply_by": long_date(offer.reply_by, application.call) if offer.reply_by else "",
            "offer_url": _outbox().site_url() + reverse("admissions:offer"),
        },
        related=offer,
        attachment="acceptance_letter",
        actor=actor,
        send=send,
    )


def _enqueue_letters(offer_ids: list[int]) -> None:
    if not offer_ids:
        return
    from . import tasks

    def enqueue():
        for start in range(0, len(offer_ids), LETTER_BATCH):
            tasks.make_letters.enqueue(offer_ids[start:start + LETTER_BATCH])

    transaction.on_commit(enqueue)


# --- staging ------------------------------------------------------------------------------------------


@transaction.atomic
def stage_decisions(*, call: Call, decisions: dict, actor) -> int:
    """Stage (or change) unreleased decisions: ``{application_id: (outcome, waitlist_rank or None)}``.

    Only submitted applications of ``call``. Released decisions cannot be changed here (refused with a
    message, nothing changed). The staged waitlist is renumbered 1..n: entries given here in the order given
    (by the rank given, then the order of the dict), the other staged waitlist entries after them in their
    old order. Returns how many decisions were made or changed.
    """
    call = _locked_call(call)
    ids = [int(pk) for pk in decisions]
    for pk, (outcome, _rank) in decisions.items():
        if outcome not in Decision.Outcome.values:
            raise AdmissionError(f"“{outcome}” is not a decision.")
    applications = {
        a.pk: a for a in Application.objects.filter(call=call, pk__in=ids, state=Application.State.SUBMITTED)
    }
    missing = [pk for pk in ids if pk not in applications]
    if missing:
        raise AdmissionError(
            f"{len(missing)} of the chosen applications are not submitted applications of this call; nothing was staged."
        )
    existing = {d.application_id: d for d in Decision.objects.filter(application_id__in=ids)}
    released = [applications[pk].reference for pk, d in existing.items() if d.released_at is not None]
    if released:
        raise AdmissionError(
            "Decisions already released cannot be changed here: " + ", ".join(sorted(released)) + ". Nothing was staged."
        )
    changed = 0
    touched: list[Decision] = []
    for pk in ids:
        outcome, rank = decisions[pk] if pk in decisions else decisions[str(pk)]
        decision = existing.get(pk)
        before = (decision.outcome, decision.waitlist_rank) if decision else None
        if decision is None:
            decision = Decision(application_id=pk, outcome=outcome, staged_by=actor)
        decision.outcome = outcome
        decision.waitlist_rank = rank if outcome == Decision.Outcome.WAITLIST else None
        decision.staged_by = actor if getattr(actor, "is_authenticated", False) else None
        decision._before = before
        touched.append(decision)
    # the staged waitlist, renumbered 1..n: every entry by its rank (none: at the end), an entry given here
    # before an old one of the same rank, entries given here in the order given
    given = [d for d in touched if d.outcome == Decision.Outcome.WAITLIST]
    given_ids = {d.application_id for d in given}
    others = list(
        Decision.objects.filter(
            application__call=call, released_at__isnull=True, outcome=Decision.Outcome.WAITLIST
        ).exclude(application_id__in=ids).order_by("waitlist_rank", "pk")
    )
    inf = float("inf")
    keyed = [((d.waitlist_rank or inf, 0, i), d) for i, d in enumerate(given)]
    keyed += [((d.waitlist_rank or inf, 1, i), d) for i, d in enumerate(others)]
    waitlist = [d for _key, d in sorted(keyed, key=lambda item: item[0])]
    for rank, decision in enumerate(waitlist, start=1):
        if decision.application_id in given_ids:
            decision.waitlist_rank = rank
        elif decision.waitlist_rank != rank:
            decision.waitlist_rank = rank
            decision.save(update_fields=["waitlist_rank", "updated_at"])
    for decision in touched:
        before = decision._before
        after = (decision.outcome, decision.waitlist_rank)
        if before == after:
            continue
        decision.save()
        changed += 1
        log_activity(
            action="admissions.decision_staged", target=decision.application, actor=actor,
            **{"from": _label(before), "to": _label(after)},
        )
    return changed


def _label(value) -> str:
    if value is None:
        return "no decision"
    outcome, rank = value
    return f"waitlist #{rank}" if outcome == Decision.Outcome.WAITLIST else outcome


@transaction.atomic
def clear_decision(*, application: Application, actor) -> bool:
    """Remove a staged decision (not a released one)."""
    _locked_call(application.call_id)
    decision = Decision.objects.filter(application=application).first()
    if decision is None:
        return False
    if decision.released_at is not None:
        raise AdmissionError(f"The decision on {application.reference} is released and cannot be removed.")
    before = (decision.outcome, decision.waitlist_rank)
    decision.delete()
    staged = Decision.objects.filter(application__call_id=application.call_id, released_at__isnull=True,
                                     outcome=Decision.Outcome.WAITLIST).order_by("waitlist_rank", "pk")
    for rank, other in enumerate(staged, start=1):
        if other.waitlist_rank != rank:
            other.waitlist_rank = rank
            other.save(update_fields=["waitlist_rank", "updated_at"])
    log_activity(action="admissions.decision_cleared", target=application, actor=actor,
                 **{"from": _label(before), "to": "no decision"})
    return True


# --- settings -----------------------------------------------------------------------------------------


@transaction.atomic
def save_settings(*, settings: AdmissionSettings, actor, changed: list[str] | None = None) -> AdmissionSettings:
    settings.save()
    log_activity(action="admissions.settings_saved", target=settings.call, actor=actor,
                 changed=sorted(changed or []))
    if settings.auto_release and settings.release_at and settings.released_at is None:
        from . import tasks

        call_id, run_after = settings.call_id, settings.release_at
        transaction.on_commit(lambda: tasks.release_due.using(run_after=run_after).enqueue(call_id))
    return settings


# --- release ------------------------------------------------------------------------------------------


@dataclass
class Plan:
    """What a release would do now (the confirmation page shows it; release() does exactly this)."""

    capacity: int
    live: int
    admits: list = field(default_factory=list)  # decisions that get an offer
    overflow: list = field(default_factory=list)  # admits beyond the capacity: top of the waitlist
    waitlist: list = field(default_factory=list)  # staged waitlist decisions, in rank order
    rejects: list = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.admits or self.overflow or self.waitlist or self.rejects)


def release_plan(call: Call) -> Plan:
    staged = list(
        Decision.objects.filter(application__call=call, released_at__isnull=True)
        .select_related("application__applicant")
        .order_by("waitlist_rank", "pk")
    )
    plan = Plan(capacity=call.edition.capacity, live=live_offer_count(call, RESERVED))
    free = max(plan.capacity - plan.live, 0)
    admits = [d for d in staged if d.outcome == Decision.Outcome.ADMIT]  # in staging order (pk)
    admits.sort(key=lambda d: d.pk)
    plan.admits, plan.overflow = admits[:free], admits[free:]
    plan.waitlist = [d for d in staged if d.outcome == Decision.Outcome.WAITLIST]
    plan.rejects = [d for d in staged if d.outcome == Decision.Outcome.REJECT]
    return plan


@dataclass
class Released:
    offers: int = 0
    waitlisted: int = 0
    rejected: int = 0
    moved_to_waitlist: int = 0


def release(*, call: Call, actor=None, automatic: bool = False) -> Released:
    """Release every staged decision of ``call``, in one transaction with the call locked.

    Admits get an open offer (reply by the end of the day ``offer_reply_days`` from now, call's zone) while
    places are free; admits beyond the capacity go to the top of this release's waitlist (after anyone
    already on a released waitlist). Mails: drafts when released by hand, queued when automatic.
    """
    with transaction.atomic():
        call = _locked_call(call)
        config = settings_for(call)
        plan = release_plan(call)
        result = Released()
        if plan.empty:
            return result
        for decision in plan.admits + plan.overflow + plan.waitlist + plan.rejects:
            decision.application.call = call  # one Call for every mail: no query per decision
        now = timezone.now()
        reply_by = reply_by_for(call, days=config.offer_reply_days, now=now)
        last_rank = (
            Decision.objects.filter(application__call=call, released_at__isnull=False,
                                    outcome=Decision.Outcome.WAITLIST)
            .order_by("-waitlist_rank").values_list("waitlist_rank", flat=True).first()
        ) or 0
        offers = []
        for decision in plan.admits:
            offer = Offer.objects.create(application=decision.application, state=O.OPEN, via=Offer.Via.RELEASE,
                                         reply_by=reply_by, made_at=now)
            offers.append(offer)
            decision.released_at = now
            decision.save(update_fields=["released_at", "updated_at"])
            log_activity(action="admissions.offer_made", target=decision.application, actor=actor,
                         **{"from": "staged: admit", "to": "offer open"}, reply_by=reply_by.isoformat())
            _offer_mail(offer, event="offer", actor=actor, send=automatic)
            result.offers += 1
        for rank, decision in enumerate(plan.overflow + plan.waitlist, start=last_rank + 1):
            moved = decision.outcome == Decision.Outcome.ADMIT
            decision.outcome, decision.waitlist_rank, decision.released_at = Decision.Outcome.WAITLIST, rank, now
            decision.save(update_fields=["outcome", "waitlist_rank", "released_at", "updated_at"])
            log_activity(
                action="admissions.waitlisted", target=decision.application, actor=actor,
                **{"from": "staged: admit" if moved else "staged: waitlist", "to": f"waitlist #{rank}"},
                note="No place left: moved to the top of the waitlist." if moved else "",
            )
            _mail(event="waitlisted", application=decision.application,
                  dedupe_key=f"admissions:waitlisted:{decision.pk}",
                  context={"rank": rank}, related=decision, actor=actor, send=automatic)
            result.waitlisted += 1
            result.moved_to_waitlist += moved
        for decision in plan.rejects:
            decision.released_at = now
            decision.save(update_fields=["released_at", "updated_at"])
            log_activity(action="admissions.rejected", target=decision.application, actor=actor,
                         **{"from": "staged: reject", "to": "not admitted"})
            _mail(event="rejected", application=decision.application,
                  dedupe_key=f"admissions:rejected:{decision.pk}", context={"feedback": ""}, related=decision, actor=actor,
                  send=automatic)
            result.rejected += 1
        if config.released_at is None:
            config.released_at = now
            config.save(update_fields=["released_at", "updated_at"])
        log_activity(action="admissions.released", target=call, actor=actor, automatic=automatic,
                     offers=result.offers, waitlisted=result.waitlisted, rejected=result.rejected,
                     moved_to_waitlist=result.moved_to_waitlist)
        _enqueue_letters([offer.pk for offer in offers])
    return result


def release_if_due(*, call_id: int, now: datetime | None = None) -> Released | None:
    """The automatic release: only when switched on, due and not released yet (idempotent)."""
    now = now or timezone.now()
    config = AdmissionSettings.objects.filter(call_id=call_id).select_related("call").first()
    if config is None or not config.auto_release or config.released_at is not None:
        return None
    if config.release_at is None or config.release_at > now:
        return None
    return release(call=config.call, actor=None, automatic=True)


# --- offers: the applicant's answer -------------------------------------------------------------------


def _locked_offer(offer) -> tuple[Call, Offer]:
    pk = getattr(offer, "pk", offer)
    call_id = Offer.objects.filter(pk=pk).values_list("application__call_id", flat=True).first()
    if call_id is None:
        raise AdmissionError("There is no such offer.")
    call = _locked_call(call_id)
    locked = Offer.objects.select_for_update().select_related("application__applicant").get(pk=pk)
    locked.application.call = call
    return call, locked


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
        offer.state, offer.responded_at = O.ACCEPTED, timezone.now()
        offer.save(update_fields=["state", "responded_at", "updated_at"])
        log_activity(action="admissions.offer_accepted", target=offer.application, actor=actor,
                     **{"from": "offer open", "to": "accepted"})
        offer_accepted.send(sender=Offer, offer=offer, actor=actor)
    return offer


def decline_offer(*, offer, actor) -> Offer:
    """Decline an open offer (twice is fine); the place goes to the next on the waitlist."""
    with transaction.atomic():
        call, offer = _locked_offer(offer)
        if offer.state == O.DECLINED:
            return offer
        if offer.state != O.OPEN:
            raise AdmissionError(f"This offer is {offer.get_state_display().lower()} and can no longer be declined.")
        offer.state, offer.responded_at = O.DECLINED, timezone.now()
        offer.save(update_fields=["state", "responded_at", "updated_at"])
        log_activity(action="admissions.offer_declined", target=offer.application, actor=actor,
                     **{"from": "offer open", "to": "declined"})
        _promote(call=call, replaces=offer, actor=actor)
    return offer


# --- the waitlist -------------------------------------------------------------------------------------


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
        offer = Offer.objects.create(application=decision.application, state=O.SUGGESTED, via=Offer.Via.PROMOTION,
                                     replaces=replaces)
        log_activity(action="admissions.promotion_suggested", target=decision.application, actor=actor,
                     **{"from": f"waitlist #{decision.waitlist_rank}", "to": "promotion suggested"})
        return offer
    offer = Offer.objects.create(application=decision.application, state=O.OPEN, via=Offer.Via.PROMOTION,
                                 replaces=replaces, made_at=now,
                                 reply_by=reply_by_for(call, days=config.offer_reply_days, now=now))
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
            offer = Offer.objects.create(application=decision.application, state=O.OPEN, via=Offer.Via.PROMOTION,
                                         made_at=now, reply_by=reply_by_for(call, days=config.offer_reply_days, now=now))
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
        offer.state, offer.made_at = O.OPEN, now
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
        offer.state = O.WITHDRAWN
        offer.save(update_fields=["state", "updated_at"])
        log_activity(action="admissions.promotion_dismissed", target=offer.application, actor=actor,
                     **{"from": "promotion suggested", "to": "withdrawn"})
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
            before = offer.state
            offer.state = O.WITHDRAWN
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
        offer.state = O.EXPIRED
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


# --- letters --------------------------------------------------------------------------------------------


def ensure_letter(*, offer) -> Offer:
    """Make the acceptance letter of ``offer`` once and store it (a second call returns the stored one)."""
    pk = getattr(offer, "pk", offer)
    ensure_letters(offer_ids=[pk])
    return Offer.objects.select_related("application__call").get(pk=pk)


def ensure_letters(*, offer_ids: list[int]) -> int:
    """Make the missing letters of these offers (one typst compile each, two at a time: typst releases the
    interpreter while it compiles) and store them; offers that have their letter keep it. Returns how many
    were made."""
    from concurrent.futures import ThreadPoolExecutor

    from django.core.files.base import ContentFile

    from campus.core.pdf import render_pdf

    from .letters import LETTER_TEMPLATE, acceptance_letter_data, module_rows

    offers = list(
        Offer.objects.filter(pk__in=offer_ids, letter="")
        .select_related("application__call__edition__programme", "application__applicant")
    )
    if not offers:
        return 0
    modules: dict[int, list] = {}
    for offer in offers:
        edition = offer.application.call.edition
        if edition.pk not in modules:
            modules[edition.pk] = module_rows(edition)
    data = [acceptance_letter_data(offer, modules=modules[offer.application.call.edition_id]) for offer in offers]
    with ThreadPoolExecutor(max_workers=2) as pool:
        pdfs = list(pool.map(lambda item: render_pdf(LETTER_TEMPLATE, data=item), data))
    made = 0
    with transaction.atomic():
        locked = {o.pk: o for o in Offer.objects.select_for_update().filter(pk__in=[o.pk for o in offers])}
        for offer, pdf in zip(offers, pdfs):
            row = locked.get(offer.pk)
            if row is None or row.letter:
                continue  # made by a concurrent run meanwhile
            row.letter.save(f"acceptance-letter-{offer.application.reference}.pdf", ContentFile(pdf), save=False)
            row.save(update_fields=["letter", "updated_at"])
            log_activity(action="admissions.letter_made", target=offer.application, actor=None)
            made += 1
    return made
