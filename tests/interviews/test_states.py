"""The interview's state machine (campus.interviews.states): invited, booked, cancelled. Every transition in
the table works, every other one is refused before anything is written, every state has an applicant-facing
label, the services other apps need go through it, and nothing outside it writes ``cancelled_at``,
``booked_by`` or ``booked_at`` (read from the source)."""

import itertools

import pytest
from django.utils import timezone

from campus.core.models import ActivityLog
from campus.interviews import services, states
from campus.interviews.models import InterviewSlot, Invitation
from tests.state_writes import Guard, writes, writes_in_source

S = states
EXPECTED = {
    (S.INVITED, S.BOOKED), (S.INVITED, S.CANCELLED),
    (S.BOOKED, S.BOOKED), (S.BOOKED, S.INVITED), (S.BOOKED, S.CANCELLED),
    (S.CANCELLED, S.INVITED),
}
REFUSED = [pair for pair in itertools.product(S.STATES, repeat=2) if pair not in EXPECTED]

NOT_YET = ()  # every app writes these rows through the machine (privacy through each app's erasure services)
INVITATION_GUARD = Guard(model="Invitation", fields={"cancelled_at"}, allowed={"interviews/states.py"},
                         other_objects={"registration"})  # the forum's Registration has a cancelled_at of its own
BOOKING_GUARD = Guard(model="InterviewSlot", fields={"booked_by", "booked_by_id", "booked_at"},
                      allowed={"interviews/states.py"})


def _in_state(state):
    """An unsaved invitation and the slot it holds, in ``state``."""
    invitation = Invitation(application_id=1, cancelled_at=timezone.now() if state == S.CANCELLED else None)
    held = InterviewSlot(pk=7, booked_by_id=1) if state == S.BOOKED else None
    return invitation, held


def test_the_table_is_exactly_the_expected_one_and_every_state_has_a_label():
    assert {(a, b) for a, targets in S.ALLOWED.items() for b in targets} == EXPECTED
    assert set(S.ALLOWED) == set(S.STATES) == set(S.APPLICANT_LABELS)
    assert all(S.APPLICANT_LABELS.values())
    assert [S.state_of(*_in_state(state)) for state in S.STATES] == list(S.STATES)


@pytest.mark.parametrize(("source", "target"), REFUSED)
def test_every_transition_not_in_the_table_is_refused_before_anything_is_written(source, target):
    """No database here: a write (or a read) would fail with pytest-django's "Database access not allowed"."""
    invitation, held = _in_state(source)
    before = invitation.cancelled_at
    with pytest.raises(S.TransitionNotAllowed):
        S.transition(invitation, target, held=held, slot=InterviewSlot(pk=8))
    assert invitation.cancelled_at == before and (held is None or held.booked_by_id == 1)


@pytest.mark.django_db
def test_each_allowed_transition_writes_what_it_says(invited, make_slot, manager):
    invitation = Invitation.objects.get(application=invited)
    first, second = make_slot(days=3), make_slot(days=4)
    assert S.transition(invitation, S.BOOKED, slot=first) == S.INVITED
    first.refresh_from_db()
    assert first.booked_by_id == invited.pk and first.booked_at is not None
    assert S.transition(invitation, S.BOOKED, slot=second) == S.BOOKED  # a move frees the first
    first.refresh_from_db()
    assert first.booked_by_id is None and first.booked_at is None
    assert S.transition(invitation, S.INVITED) == S.BOOKED
    assert not InterviewSlot.objects.filter(booked_by=invited).exists()
    S.transition(invitation, S.BOOKED, slot=second)
    assert S.transition(invitation, S.CANCELLED) == S.BOOKED
    invitation.refresh_from_db()
    assert invitation.cancelled_at is not None and not InterviewSlot.objects.filter(booked_by=invited).exists()
    assert S.transition(invitation, S.INVITED) == S.CANCELLED
    invitation.refresh_from_db()
    assert invitation.cancelled_at is None


@pytest.mark.django_db
def test_booking_a_slot_taken_meanwhile_is_refused(invited, second_application, manager, make_slot):
    slot = make_slot()
    InterviewSlot.objects.filter(pk=slot.pk).update(booked_by=second_application)  # another transaction
    invitation = Invitation.objects.get(application=invited)
    with pytest.raises(S.SlotTaken):
        S.transition(invitation, S.BOOKED, slot=slot, held=None)


@pytest.mark.django_db
def test_release_booking_of_frees_the_slot_whoever_asks_and_however_late(invited, make_slot, django_user_model):
    slot = make_slot(days=3)
    services.book(application=invited, slot=slot, actor=invited.applicant)
    InterviewSlot.objects.filter(pk=slot.pk).update(starts_at=timezone.now() + timezone.timedelta(hours=1),
                                                    ends_at=timezone.now() + timezone.timedelta(hours=2))
    officer = django_user_model.objects.create_user(email="privacy@example.org", password="x-long-password-1")
    assert services.release_booking_of(application=invited, actor=officer, reason="erased").pk == slot.pk
    slot.refresh_from_db()
    assert slot.booked_by_id is None
    assert services.release_booking_of(application=invited, actor=officer, reason="erased") is None
    entry = ActivityLog.objects.filter(action="interviews.booking_cancelled").latest("pk")
    assert entry.data["reason"] == "erased"


@pytest.mark.django_db
def test_cancel_invitation_without_the_permission_check_is_for_other_services(invited, make_slot, django_user_model):
    slot = make_slot()
    services.book(application=invited, slot=slot, actor=invited.applicant)
    officer = django_user_model.objects.create_user(email="privacy@example.org", password="x-long-password-1")
    invitation = Invitation.objects.get(application=invited)
    with pytest.raises(services.PermissionDenied):
        services.cancel_invitation(invitation=invitation, actor=officer)
    services.cancel_invitation(invitation=invitation, actor=officer, check_permission=False, reason="erased")
    invitation.refresh_from_db()
    slot.refresh_from_db()
    assert invitation.cancelled_at is not None and slot.booked_by_id is None
    first = invitation.cancelled_at
    services.cancel_invitation(invitation=invitation, actor=officer, check_permission=False)  # twice: nothing
    invitation.refresh_from_db()
    assert invitation.cancelled_at == first


# --- nobody else writes these fields ---------------------------------------------------------------------


def test_no_code_outside_the_states_module_writes_an_invitation_or_a_booking():
    assert writes_in_source(INVITATION_GUARD, skip=NOT_YET) == []
    assert writes_in_source(BOOKING_GUARD, skip=NOT_YET) == []


def test_the_search_finds_the_writes_the_services_made_before():
    source = (
        "invitation.cancelled_at = None\n"
        "slot.booked_by = None\n"
        "slot.booked_at = None\n"
        "InterviewSlot.objects.filter(pk=1, booked_by__isnull=True).update(booked_by=a, booked_at=now)\n"
        "Invitation.objects.create(application=a, cancelled_at=now)\n"
        "InterviewSlot.objects.filter(booked_by=a).exists()\n"
    )
    found = writes(INVITATION_GUARD, source=source, path="x.py") + writes(BOOKING_GUARD, source=source, path="x.py")
    assert sorted(int(hit.split(":")[1].split()[0]) for hit in found) == [1, 2, 3, 4, 4, 5]
