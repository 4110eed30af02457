"""The state machine of an applicant's interview: invited, booked, cancelled. One table, one
``transition()``, a label the applicant reads for every state (as ``campus.applications.states`` does).

The state is derived, not stored: "cancelled" is ``Invitation.cancelled_at``, "booked" is the slot whose
``booked_by`` is the application, "invited" is neither. No state column was added, because the booking
must stay on the slot: its one-to-one ``booked_by`` and the compare-and-set update below are what make two
applicants booking one slot at once safe, and a second field would only have to be kept in step with it.
Instead ``transition()`` is the only writer of ``cancelled_at``, ``booked_by`` and ``booked_at``
(``tests/interviews/test_states.py`` greps the code to prove it). Unlike the offer's, this transition
writes the rows itself: a booking is a conditional update of the slot, not a field the caller saves.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone

from .models import InterviewSlot, Invitation

INVITED, BOOKED, CANCELLED = "invited", "booked", "cancelled"
STATES = (INVITED, BOOKED, CANCELLED)

ALLOWED: dict[str, set[str]] = {
    INVITED: {BOOKED, CANCELLED},
    BOOKED: {BOOKED, INVITED, CANCELLED},  # moved to another slot; the booking cancelled; the invitation cancelled
    CANCELLED: {INVITED},  # invited again
}

# What the applicant reads on the status page.
APPLICANT_LABELS = {
    INVITED: "Invited to an interview – please book a time",
    BOOKED: "Interview booked",
    CANCELLED: "Interview invitation withdrawn",
}

_UNKNOWN = object()


class TransitionNotAllowed(ValidationError):
    pass


class SlotTaken(Exception):
    """The slot was booked by someone else meanwhile (the compare-and-set found it taken)."""


def held_slot(application_id) -> InterviewSlot | None:
    """The slot the application holds, locked (None: none)."""
    return InterviewSlot.objects.select_for_update().filter(booked_by_id=application_id).first()


def state_of(invitation: Invitation, held: InterviewSlot | None) -> str:
    """A held slot counts first: a booking under a cancelled invitation (rows written before this machine)
    is "booked", so that it can be freed."""
    if held is not None:
        return BOOKED
    return CANCELLED if invitation.cancelled_at is not None else INVITED


def _free(slot: InterviewSlot) -> None:
    slot.booked_by = None
    slot.booked_at = None
    slot.save(update_fields=["booked_by", "booked_at", "updated_at"])


def transition(invitation: Invitation, to: str, *, slot: InterviewSlot | None = None, held=_UNKNOWN, now=None) -> str:
    """Move the interview of ``invitation``'s application to ``to`` and save; returns the state it came from.

    ``held`` is the slot the application holds now (looked up, locked, when not given); ``slot`` the slot to
    book (to ``BOOKED``). Booking frees the slot held before (a move) and books ``slot`` only while it is
    free (raises ``SlotTaken`` otherwise); to ``INVITED`` from ``BOOKED`` frees the slot; to ``CANCELLED``
    frees it and stamps the invitation; to ``INVITED`` from ``CANCELLED`` revives the invitation.
    """
    if held is _UNKNOWN:
        held = held_slot(invitation.application_id)
    current = state_of(invitation, held)
    if to not in ALLOWED.get(current, set()):
        raise TransitionNotAllowed(
            f"An interview that is “{APPLICANT_LABELS[current]}” cannot become “{APPLICANT_LABELS.get(to, to)}”."
        )
    now = now or timezone.now()
    if to == BOOKED and slot is None:
        raise TransitionNotAllowed("Which slot?")
    if held is not None and (to != BOOKED or held.pk != slot.pk):
        _free(held)
    if to == BOOKED:
        # compare-and-set: only a free slot is booked, whatever the other transaction did
        updated = InterviewSlot.objects.filter(pk=slot.pk, booked_by__isnull=True).update(
            booked_by=invitation.application_id, booked_at=now, updated_at=now
        )
        if updated != 1:
            raise SlotTaken(slot.pk)
        slot.refresh_from_db()
    elif to == CANCELLED and invitation.cancelled_at is None:
        invitation.cancelled_at = now
        invitation.save(update_fields=["cancelled_at", "updated_at"])
    elif current == CANCELLED:
        invitation.cancelled_at = None
        invitation.save(update_fields=["cancelled_at", "updated_at"])
    return current
