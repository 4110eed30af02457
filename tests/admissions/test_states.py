"""The state machines of admissions (campus.admissions.states): every transition in the tables works, every
other one is refused and changes nothing, every state has an applicant-facing label, and no code outside the
states module writes an offer's state or a decision's outcome or release (read from the source)."""

import itertools

import pytest
from django.utils import timezone

from campus.admissions import services, states
from campus.admissions.models import Decision, Offer
from tests.state_writes import Guard, writes, writes_in_source

O = Offer.State

EXPECTED_OFFER = {
    (O.SUGGESTED, O.OPEN), (O.SUGGESTED, O.WITHDRAWN),
    (O.OPEN, O.ACCEPTED), (O.OPEN, O.DECLINED), (O.OPEN, O.EXPIRED), (O.OPEN, O.WITHDRAWN),
}
OFFER_PAIRS = list(itertools.product(O.values, repeat=2))
OFFER_REFUSED = [pair for pair in OFFER_PAIRS if pair not in EXPECTED_OFFER]

D = (states.STAGED, states.ADMITTED, states.WAITLISTED, states.REJECTED)
EXPECTED_DECISION = {(states.STAGED, to) for to in D}
DECISION_REFUSED = [pair for pair in itertools.product(D, repeat=2) if pair not in EXPECTED_DECISION]

NOT_YET = ()  # every app writes these rows through the machine (privacy through each app's erasure services)
OFFER_GUARD = Guard(model="Offer", fields={"state"}, allowed={"admissions/states.py"},
                    other_objects={"message"})  # communications' OutboxMessage has a machine of its own
DECISION_GUARD = Guard(model="Decision", fields={"outcome", "released_at"}, allowed={"admissions/states.py"},
                       other_objects={"config"})  # AdmissionSettings.released_at: when the call was released


def test_the_offer_table_is_exactly_the_expected_one_and_every_state_has_a_label():
    assert {(a, b) for a, targets in states.OFFER_ALLOWED.items() for b in targets} == EXPECTED_OFFER
    assert set(states.OFFER_ALLOWED) == set(O.values) == set(states.OFFER_LABELS)
    assert all(states.OFFER_LABELS.values())
    assert states.ALLOWED is states.OFFER_ALLOWED


@pytest.mark.parametrize(("source", "target"), sorted(EXPECTED_OFFER))
def test_an_allowed_offer_transition_moves_and_returns_the_previous_state(source, target):
    offer = Offer(state=source)
    assert states.transition(offer, target) == source
    assert offer.state == target


@pytest.mark.parametrize(("source", "target"), OFFER_REFUSED)
def test_every_offer_transition_not_in_the_table_is_refused(source, target):
    offer = Offer(state=source)
    with pytest.raises(states.TransitionNotAllowed):
        states.transition(offer, target)
    assert offer.state == source


@pytest.mark.parametrize("state", sorted(set(O.values) - states.OFFER_INITIAL))
def test_an_offer_cannot_be_made_in_a_later_state(state):
    with pytest.raises(states.TransitionNotAllowed):
        states.make_offer(state=state)


def _decision(state):
    released = None if state == states.STAGED else timezone.now()
    outcome = {states.STAGED: "admit", states.ADMITTED: "admit", states.WAITLISTED: "waitlist",
               states.REJECTED: "reject"}[state]
    return Decision(outcome=outcome, released_at=released)


def test_the_decision_table_is_exactly_the_expected_one_and_every_state_has_a_label():
    assert {(a, b) for a, targets in states.DECISION_ALLOWED.items() for b in targets} == EXPECTED_DECISION
    assert set(states.DECISION_ALLOWED) == set(D) == set(states.DECISION_LABELS)
    assert all(states.DECISION_LABELS.values())
    assert [states.decision_state(_decision(state)) for state in D] == list(D)


@pytest.mark.parametrize(("source", "target"), sorted(EXPECTED_DECISION))
def test_an_allowed_decision_transition_moves(source, target):
    decision = _decision(source)
    assert states.decision_transition(decision, target, outcome="waitlist") == source
    assert states.decision_state(decision) == target
    if target == states.STAGED:
        assert decision.outcome == "waitlist" and decision.released_at is None


@pytest.mark.parametrize(("source", "target"), DECISION_REFUSED)
def test_every_decision_transition_not_in_the_table_is_refused(source, target):
    decision = _decision(source)
    before = (decision.outcome, decision.released_at)
    with pytest.raises(states.TransitionNotAllowed):
        states.decision_transition(decision, target, outcome="reject")
    assert (decision.outcome, decision.released_at) == before


def test_staging_an_unknown_outcome_is_refused():
    with pytest.raises(states.TransitionNotAllowed):
        states.decision_transition(Decision(), states.STAGED, outcome="maybe")


@pytest.mark.django_db
def test_a_refused_transition_through_a_service_changes_nothing_in_the_database(call, team_manager):
    """Dismissing an open offer is not in the table: the service refuses, the row keeps its state."""
    from tests.admissions.conftest import bulk_applications

    application = bulk_applications(call, 1)[0]
    offer = states.make_offer(application=application, state=O.OPEN, made_at=timezone.now())
    with pytest.raises(services.AdmissionError):
        services.dismiss_promotion(offer=offer, actor=team_manager)
    offer.refresh_from_db()
    assert offer.state == O.OPEN


# --- nobody else writes these fields ---------------------------------------------------------------------


def test_no_code_outside_the_states_module_writes_an_offer_state_or_a_decision():
    assert writes_in_source(OFFER_GUARD, skip=NOT_YET) == []
    assert writes_in_source(DECISION_GUARD, skip=NOT_YET) == []


def test_the_search_finds_every_kind_of_write():
    """The search above would fail on the code as it was before the state machines (each line a write)."""
    source = (
        "offer.state = O.EXPIRED\n"
        "offer.state, offer.responded_at = O.ACCEPTED, now\n"
        "Offer.objects.create(application=a, state=O.OPEN)\n"
        "Offer.objects.filter(pk=1).update(state='withdrawn')\n"
        "setattr(offer, 'state', 'open')\n"
        "decision.outcome, decision.released_at = 'waitlist', now\n"
        "Decision(application_id=1, outcome='admit')\n"
        "Decision.objects.update_or_create(application=a, defaults={'released_at': now})\n"
    )
    found = writes(OFFER_GUARD, source=source, path="x.py") + writes(DECISION_GUARD, source=source, path="x.py")
    assert sorted(int(hit.split(":")[1].split()[0]) for hit in found) == [1, 2, 3, 4, 5, 6, 6, 7, 8]
    reads_and_others = (
        "Offer.objects.filter(state=O.OPEN)\n"
        "message.state = to\n"
        "config.released_at = now\n"
        "AdmissionSettings.objects.create(call=c, released_at=now)\n"
        "OutboxMessage.objects.create(state='draft')\n"
    )
    assert writes(OFFER_GUARD, source=reads_and_others, path="y.py") == []
    assert writes(DECISION_GUARD, source=reads_and_others, path="y.py") == []
