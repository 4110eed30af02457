"""The interviews app's services for erasing a person (called by its privacy handler, privacy_handler.py, inside
the erasure's transaction; the privacy app logs the erasure with counts only, so no entry per row)."""

from django.db import transaction

from . import states
from .models import InterviewSlot, Invitation


@transaction.atomic
def release_bookings_of_erased(*, applications) -> int:
    """The slots booked by an erased applicant's ``applications`` are free again (through the interview's
    state machine; the privacy app logs the erasure with counts only, so no entry per slot)."""
    freed = 0
    for slot in InterviewSlot.objects.select_for_update().filter(booked_by_id__in=applications).order_by("pk"):
        invitation = (Invitation.objects.select_for_update().filter(application_id=slot.booked_by_id).first()
                      or Invitation(application_id=slot.booked_by_id))  # never saved: freeing writes the slot
        states.transition(invitation, states.INVITED, held=slot)
        freed += 1
    return freed


@transaction.atomic
def cancel_and_clear_invitations(*, applications) -> int:
    """An erased applicant's invitations: the message cleared, the invitation cancelled (through the state
    machine; bookings are released first by ``release_bookings_of_erased``)."""
    changed = 0
    for invitation in Invitation.objects.select_for_update().filter(application_id__in=applications):
        invitation.message = ""
        invitation.save(update_fields=["message", "updated_at"])
        held = states.held_slot(invitation.application_id)
        if states.state_of(invitation, held) != states.CANCELLED:
            states.transition(invitation, states.CANCELLED, held=held)
        changed += 1
    return changed


def remove_from_panels(*, user) -> int:
    """An erased team member sits on no panel any more."""
    return InterviewSlot.panel.through.objects.filter(user=user).delete()[0]
