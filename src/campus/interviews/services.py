"""Every change of interviews happens here: invitations, slots, bookings and the panel's assessment.

Decisions (see docs/interviews.md):
- Inviting is idempotent: inviting someone who holds an invitation changes nothing and mails nothing.
  Re-inviting after a cancellation revives the invitation and mails once more.
- Cancelling an invitation frees the booked slot. Withdrawing the application cancels its invitation
  (applications' ``application_withdrawn`` signal, received in apps.py), so its slot is free at once.
- A booked slot cannot be deleted: cancel the booking first (the applicant may then book again).
- An applicant holds one slot; booking another slot moves the booking (the old slot is freed).
- The applicant may book, move or cancel until ``CHANGE_HOURS`` hours before the interview; later, only
  the team can (a manager cancels the booking).
- Two bookings of one slot at the same moment: the slot is locked (select_for_update), the booking is a
  conditional update (only while free) and the database refuses a second booking (OneToOne); the loser is
  told "That slot was just taken, choose another."
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from campus.applications.models import Application
from campus.core.activity import log_activity

from . import permissions, states
from .models import InterviewSlot, Invitation

CHANGE_HOURS = 24
ICS_ATTACHMENT = "interview_ics"
TAKEN = "That slot was just taken, choose another."


class InterviewError(Exception):
    """A refusal with a message for the person who asked."""


def _manager_required(actor, call):
    if not permissions.can_manage_interviews(actor, call):
        raise PermissionDenied("Only a programme manager of this edition may do that.")


def _fmt(moment, zone) -> str:
    local = timezone.localtime(moment, zone)
    return f"{local.day} {local:%B %Y, %H:%M} ({local:%Z}, {zone.key})"


def slot_context(slot) -> dict:
    """What a mail about ``slot`` may say (placeholders of the "interview_booked" template)."""
    zone = slot.zone
    local_end = timezone.localtime(slot.ends_at, zone)
    where = " / ".join(part for part in (slot.online_link, slot.place) if part)
    return {
        "when": f"{_fmt(slot.starts_at, zone)} – {local_end:%H:%M}",
        "where": where,
        "panel": ", ".join(member.get_full_name() for member in slot.panel.all()) or "the project team",
    }


def _book_by(call) -> str:
    """Until when the free slots of ``call`` can be booked (the last one's start less CHANGE_HOURS)."""
    last = InterviewSlot.objects.filter(call=call, booked_by__isnull=True).order_by("-starts_at").first()
    if last is None or last.starts_at - timedelta(hours=CHANGE_HOURS) <= timezone.now():
        return "as soon as you can"
    local = timezone.localtime(last.starts_at - timedelta(hours=CHANGE_HOURS), last.zone)
    return f"{local.day} {local:%B %Y, %H:%M} ({local:%Z})"


# --- invitations ------------------------------------------------------------------------------------


def _mail_invitation(invitation, *, actor, dedupe_key):
    from campus.communications import services as outbox

    application = invitation.application
    outbox.compose(
        event="interview_invitation",
        edition=application.call.edition,
        to_user=application.applicant,
        context={
            "name": application.full_name,
            "message": invitation.message,
            "reference": application.reference,
            "book_by": _book_by(application.call),
            "booking_url": outbox.site_url() + reverse("apply:status"),
        },
        dedupe_key=dedupe_key,
        related=invitation,
        actor=actor,
        send=True,
    )


@transaction.atomic
def invite(*, applications, actor, message: str = "") -> dict:
    """Invite submitted applications to an interview. Returns {"invited": [...], "already": [...],
    "skipped": [...]} (applications). Idempotent: an invited person is not invited (nor mailed) twice."""
    result = {"invited": [], "already": [], "skipped": []}
    ids = [getattr(a, "pk", a) for a in applications]
    rows = (
        Application.objects.select_for_update(of=("self",))
        .filter(pk__in=ids)
        .select_related("call__edition", "applicant")
        .order_by("pk")
    )
    for application in rows:
        _manager_required(actor, application.call)
        if application.state != Application.State.SUBMITTED:
            result["skipped"].append(application)
            continue
        invitation, created = Invitation.objects.get_or_create(
            application=application, defaults={"invited_by": actor, "message": message}
        )
        if created:
            dedupe_key = f"interview_invitation:{invitation.pk}"
        elif invitation.cancelled_at is not None:
            # invited again after a cancellation: a new mail (its own key), the invitation lives again
            dedupe_key = f"interview_invitation:{invitation.pk}:{invitation.cancelled_at.timestamp():.0f}"
            states.transition(invitation, states.INVITED, held=None)
            invitation.invited_by = actor
            invitation.message = message
            invitation.save(update_fields=["invited_by", "message", "updated_at"])
        else:
            result["already"].append(application)
            continue
        invitation.application = application
        log_activity(action="interviews.invited", target=application, actor=actor,
                     invitation=invitation.pk, **{"from": "", "to": "invited"})
        _mail_invitation(invitation, actor=actor, dedupe_key=dedupe_key)
        result["invited"].append(application)
    return result


@transaction.atomic
def cancel_invitation(*, invitation, actor, check_permission: bool = True, reason: str = "") -> Invitation:
    """Withdraw the invitation; a booked slot is freed. No mail (tell the applicant yourself).

    Only a manager of the edition, unless ``check_permission=False``: for other apps' services that have
    checked their own permission (the erasure of a person, by the privacy team)."""
    invitation = (
        Invitation.objects.select_for_update().select_related("application__call__edition").get(pk=invitation.pk)
    )
    if check_permission:
        _manager_required(actor, invitation.application.call)
    held = states.held_slot(invitation.application_id)
    if states.state_of(invitation, held) == states.CANCELLED:
        return invitation
    before = states.transition(invitation, states.CANCELLED, held=held)
    if held is not None:
        _log_freed(held, invitation.application_id, actor=actor, reason="invitation cancelled")
    log_activity(action="interviews.invitation_cancelled", target=invitation.application, actor=actor,
                 invitation=invitation.pk, **{"from": before, "to": "cancelled"},
                 **({"reason": reason} if reason else {}))
    return invitation


# --- slots ----------------------------------------------------------------------------------------------


def _check_panel(call, panel):
    wrong = [user for user in panel if not permissions.can_sit_on_panel(user, call)]
    if wrong:
        names = ", ".join(user.get_full_name() or user.email for user in wrong)
        raise InterviewError(f"Not an interviewer of this edition: {names}.")


def _check_where(online_link, place):
    if not online_link and not place:
        raise InterviewError("Give an online link or a place.")


@transaction.atomic
def create_slot(*, call, starts_at, ends_at, timezone_name: str, online_link: str = "", place: str = "",
                panel=(), actor) -> InterviewSlot:
    _manager_required(actor, call)
    _check_where(online_link, place)
    if ends_at <= starts_at:
        raise InterviewError("The interview must end after it starts.")
    panel = list(panel)
    _check_panel(call, panel)
    slot = InterviewSlot.objects.create(call=call, starts_at=starts_at, ends_at=ends_at, timezone=timezone_name,
                                        online_link=online_link, place=place)
    slot.panel.set(panel)
    log_activity(action="interviews.slot_created", target=slot, actor=actor,
                 starts_at=starts_at.isoformat(), panel=[user.pk for user in panel])
    return slot


@transaction.atomic
def create_slots(*, call, first_start, length: timedelta, count: int, gap: timedelta = timedelta(0),
                 timezone_name: str, online_link: str = "", place: str = "", panel=(), actor) -> list[InterviewSlot]:
    """``count`` consecutive slots of ``length``, ``gap`` apart, from ``first_start``."""
    if not 1 <= count <= 50:
        raise InterviewError("Create between 1 and 50 slots at a time.")
    slots = []
    start = first_start
    for _ in range(count):
        slots.append(create_slot(call=call, starts_at=start, ends_at=start + length, timezone_name=timezone_name,
                                 online_link=online_link, place=place, panel=panel, actor=actor))
        start = start + length + gap
    return slots


@transaction.atomic
def update_slot(*, slot, actor, panel=None, **fields) -> InterviewSlot:
    """Change the time, zone, link, place or panel. A booked slot keeps its booking (the applicant sees the
    new details on the status page and in the .ics)."""
    slot = InterviewSlot.objects.select_for_update().select_related("call__edition").get(pk=slot.pk)
    _manager_required(actor, slot.call)
    allowed = {"starts_at", "ends_at", "timezone", "online_link", "place"}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    before = {name: getattr(slot, name) for name in fields}
    for name, value in fields.items():
        setattr(slot, name, value)
    _check_where(slot.online_link, slot.place)
    if slot.ends_at <= slot.starts_at:
        raise InterviewError("The interview must end after it starts.")
    slot.save()
    if panel is not None:
        panel = list(panel)
        _check_panel(slot.call, panel)
        slot.panel.set(panel)
    changed = {name: str(value) for name, value in fields.items() if before[name] != value}
    log_activity(action="interviews.slot_changed", target=slot, actor=actor, changed=changed,
                 **({"panel": [user.pk for user in panel]} if panel is not None else {}))
    return slot


@transaction.atomic
def delete_slot(*, slot, actor) -> None:
    """Delete a free slot. A booked slot is refused: cancel the booking first."""
    slot = InterviewSlot.objects.select_for_update().select_related("call__edition").get(pk=slot.pk)
    _manager_required(actor, slot.call)
    if slot.booked_by_id is not None:
        raise InterviewError("This slot is booked: cancel the booking first (the applicant can then book another).")
    log_activity(action="interviews.slot_deleted", target=slot, actor=actor, starts_at=slot.starts_at.isoformat())
    slot.delete()


# --- bookings -------------------------------------------------------------------------------------------


def _log_freed(slot, application_id, *, actor, reason: str):
    log_activity(action="interviews.booking_cancelled", target=slot, actor=actor, application=application_id,
                 reason=reason, **{"from": "booked", "to": "free"})


def _free(slot, *, actor, reason: str):
    """Free the booking ``slot`` holds (locked by the caller): the holder's interview goes back to
    "invited" (a booking without an invitation, only possible by repairing data, is freed the same way)."""
    application_id = slot.booked_by_id
    invitation = (
        Invitation.objects.select_for_update().filter(application_id=application_id).first()
        or Invitation(application_id=application_id)  # never saved: freeing writes only the slot
    )
    states.transition(invitation, states.INVITED, held=slot)
    _log_freed(slot, application_id, actor=actor, reason=reason)


@transaction.atomic
def release_booking_of(*, application, actor, reason: str) -> InterviewSlot | None:
    """Free the slot ``application`` holds, whoever asks and however late (for other apps' services that
    have checked their own permission, e.g. the erasure of a person). Returns the freed slot (None: none)."""
    slot = states.held_slot(getattr(application, "pk", application))
    if slot is None:
        return None
    _free(slot, actor=actor, reason=reason)
    return slot


WITHDRAWN = "the application was withdrawn"


@transaction.atomic
def application_withdrawn(*, application, actor) -> None:
    """Receiver's work for applications' ``application_withdrawn`` (connected in apps.py), inside the
    withdrawal's transaction: the invitation is cancelled and a booked slot freed, through the interview's
    state machine, so the slot is free for others at once (no page needs to look at the application)."""
    invitation = Invitation.objects.filter(application_id=application.pk).first()
    if invitation is not None:
        cancel_invitation(invitation=invitation, actor=actor, check_permission=False, reason=WITHDRAWN)
    else:  # a booking without an invitation (only by repairing data)
        release_booking_of(application=application, actor=actor, reason=WITHDRAWN)


def _too_late(slot, now) -> bool:
    return slot.starts_at - now < timedelta(hours=CHANGE_HOURS)


def _mail_booking(slot, application, *, actor):
    from campus.communications import services as outbox

    outbox.compose(
        event="interview_booked",
        edition=application.call.edition,
        to_user=application.applicant,
        context={**slot_context(slot), "name": application.full_name, "reference": application.reference},
        dedupe_key=f"interview_booked:{slot.pk}:{application.pk}:{slot.booked_at.timestamp():.6f}",
        related=slot,
        attachment=ICS_ATTACHMENT,
        actor=actor,
        send=True,
    )


def book(*, application, slot, actor) -> InterviewSlot:
    """The applicant books ``slot``; a booking they hold already is moved to it (the old slot is freed)."""
    try:
        with transaction.atomic():
            return _book(application=application, slot=slot, actor=actor)
    except IntegrityError:
        # the database refused a second booking of the slot (or a second slot for the application)
        raise InterviewError(TAKEN) from None


def _book(*, application, slot, actor) -> InterviewSlot:
    # Lock order, always: the invitation (one applicant, many tabs), then the slot (many applicants).
    invitation = (
        Invitation.objects.select_for_update().select_related("application__call")
        .filter(application=application).first()
    )
    application = Application.objects.select_related("call__edition", "applicant").get(pk=application.pk)
    if invitation is not None:
        application.interview_invitation = invitation
    if actor.pk != application.applicant_id or not permissions.can_book(actor, application):
        raise PermissionDenied("Only an invited applicant can book an interview.")
    slot = InterviewSlot.objects.select_for_update().filter(pk=slot.pk, call=application.call).first()
    now = timezone.now()
    if slot is None:
        raise InterviewError("There is no such interview time.")
    if slot.booked_by_id == application.pk:
        return slot  # booked already (a second click): nothing changes
    if slot.booked_by_id is not None:
        raise InterviewError(TAKEN)
    if _too_late(slot, now):
        raise InterviewError(
            f"Interviews can be booked until {CHANGE_HOURS} hours before they start; choose a later time."
        )
    old = states.held_slot(application.pk)
    if old is not None and _too_late(old, now):
        raise InterviewError(
            f"Your interview starts in less than {CHANGE_HOURS} hours; to change it, write to the team."
        )
    try:
        states.transition(invitation, states.BOOKED, slot=slot, held=old, now=now)
    except states.SlotTaken:
        raise InterviewError(TAKEN) from None
    if old is not None:
        _log_freed(old, application.pk, actor=actor, reason="moved")
    log_activity(action="interviews.booked", target=application, actor=actor, slot=slot.pk,
                 starts_at=slot.starts_at.isoformat(),
                 **{"from": f"slot {old.pk}" if old else "invited", "to": f"slot {slot.pk}"})
    _mail_booking(slot, application, actor=actor)
    return slot


@transaction.atomic
def cancel_booking(*, application, actor) -> InterviewSlot | None:
    """Free the slot ``application`` holds. The applicant may do it until ``CHANGE_HOURS`` before the
    interview; a manager of the edition any time."""
    application = Application.objects.select_related("call__edition").get(pk=application.pk)
    slot = InterviewSlot.objects.select_for_update().filter(booked_by=application).first()
    by_manager = permissions.can_manage_interviews(actor, application.call)
    if not by_manager and actor.pk != application.applicant_id:
        raise PermissionDenied("Not your booking.")
    if slot is None:
        return None
    if not by_manager and _too_late(slot, timezone.now()):
        raise InterviewError(
            f"Your interview starts in less than {CHANGE_HOURS} hours; to cancel it, write to the team."
        )
    _free(slot, actor=actor, reason="cancelled by the team" if actor.pk != application.applicant_id else "cancelled")
    return slot


# --- the panel's assessment -----------------------------------------------------------------------------


def record_assessment(*, slot, panel_member, scores: dict, recommendation: str, comment_team: str = "",
                      comment_applicant: str = ""):
    """The panel member's assessment of whoever booked ``slot``: a review of kind "interview"."""
    from campus.review import services as review_services

    slot = InterviewSlot.objects.select_related("call__edition", "booked_by").prefetch_related("panel").get(pk=slot.pk)
    if not permissions.can_assess(panel_member, slot):
        raise PermissionDenied("Only the panel of this interview (or a manager) may assess it.")
    if slot.booked_by_id is None:
        raise InterviewError("Nobody has booked this slot: there is nobody to assess.")
    return review_services.save_review(
        application=slot.booked_by, reviewer=panel_member, kind="interview", scores=scores,
        recommendation=recommendation, comment_team=comment_team, comment_applicant=comment_applicant,
        actor=panel_member,
    )
