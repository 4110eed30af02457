"""What the parts of the admissions services share: the refusal, the call lock, the settings, the mails."""

from datetime import datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import dateformat, timezone

from campus.applications.models import Call
from campus.core.activity import log_activity

from ..models import AdmissionSettings, Offer

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
            "name": application.full_name,  # else the account's name, else "applicant" (communications)
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
    from .. import tasks

    def enqueue():
        for start in range(0, len(offer_ids), LETTER_BATCH):
            tasks.make_letters.enqueue(offer_ids[start:start + LETTER_BATCH])

    transaction.on_commit(enqueue)


def _locked_offer(offer) -> tuple[Call, Offer]:
    pk = getattr(offer, "pk", offer)
    call_id = Offer.objects.filter(pk=pk).values_list("application__call_id", flat=True).first()
    if call_id is None:
        raise AdmissionError("There is no such offer.")
    call = _locked_call(call_id)
    locked = Offer.objects.select_for_update().select_related("application__applicant").get(pk=pk)
    locked.application.call = call
    return call, locked



# --- settings -----------------------------------------------------------------------------------------


@transaction.atomic
def save_settings(*, settings: AdmissionSettings, actor, changed: list[str] | None = None) -> AdmissionSettings:
    settings.save()
    log_activity(action="admissions.settings_saved", target=settings.call, actor=actor,
                 changed=sorted(changed or []))
    if settings.auto_release and settings.release_at and settings.released_at is None:
        from .. import tasks

        call_id, run_after = settings.call_id, settings.release_at
        transaction.on_commit(lambda: tasks.release_due.using(run_after=run_after).enqueue(call_id))
    return settings


@transaction.atomic
def shift_release(*, call: Call, days: int, actor=None) -> bool:
    """Move the call's release moment by ``days`` (same wall-clock time in the call's zone) when the call's later
    dates moved (``applications.signals.call_dates_shifted``); a released call keeps its history."""
    found = AdmissionSettings.objects.select_for_update().filter(call=call, released_at__isnull=True).first()
    if not days or found is None or found.release_at is None:
        return False
    local = timezone.localtime(found.release_at, call.zone).replace(tzinfo=None) + timedelta(days=days)
    found.release_at = local.replace(tzinfo=call.zone)
    found.save(update_fields=["release_at", "updated_at"])
    log_activity(action="admissions.release_moved", target=call, actor=actor, days=days,
                 release_at=found.release_at.isoformat())
    return True
