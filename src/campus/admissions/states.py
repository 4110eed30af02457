"""The state machines of admissions: the offer and the decision. One table and one ``transition()`` each, and
a label the applicant reads for every state (as ``campus.applications.states`` does for the application).

These functions are the only writers of ``Offer.state`` and of a decision's ``outcome`` and ``released_at``
(``tests/admissions/test_states.py`` greps the code to prove it); the services decide *when* (under the call
lock, with the activity log and the mails) and save.

The decision's state is derived, not stored: a decision is staged while ``released_at`` is empty and then
becomes admitted, waitlisted or rejected by its outcome at release (an admit beyond the capacity is
released as waitlisted). Two fields that already say it all needed no third one to keep in step.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from .models import Decision, Offer

O = Offer.State


class TransitionNotAllowed(ValidationError):
    pass


# --- the offer ------------------------------------------------------------------------------------------

# An offer is made open (at release, or an automatic promotion) or suggested (a promotion a manager confirms).
OFFER_INITIAL = {O.OPEN, O.SUGGESTED}

OFFER_ALLOWED: dict[str, set[str]] = {
    O.SUGGESTED: {O.OPEN, O.WITHDRAWN},  # confirmed; dismissed by a manager or the application withdrawn
    O.OPEN: {O.ACCEPTED, O.DECLINED, O.EXPIRED, O.WITHDRAWN},
    O.ACCEPTED: set(),  # the participant leaves the cohort through the team, not by changing the offer
    O.DECLINED: set(),
    O.EXPIRED: set(),
    O.WITHDRAWN: set(),
}

# What the applicant reads (a suggested promotion is never shown: they are still on the waitlist).
OFFER_LABELS = {
    O.SUGGESTED: "On the waitlist",
    O.OPEN: "Offer of a place – please reply",
    O.ACCEPTED: "Place accepted",
    O.DECLINED: "Offer declined",
    O.EXPIRED: "Offer expired",
    O.WITHDRAWN: "Offer withdrawn",
}
ALLOWED = OFFER_ALLOWED  # the offer is this module's main machine


def make_offer(*, state: str, **fields) -> Offer:
    """A new offer in one of the initial states (saved)."""
    if state not in OFFER_INITIAL:
        raise TransitionNotAllowed(f"An offer cannot start as “{OFFER_LABELS.get(state, state)}”.")
    return Offer.objects.create(state=state, **fields)


def transition(offer: Offer, to: str) -> str:
    """Move ``offer`` to state ``to`` (the caller saves); returns the state it came from."""
    current = offer.state
    if to not in OFFER_ALLOWED.get(current, set()):
        raise TransitionNotAllowed(
            f"An offer that is “{OFFER_LABELS[current]}” cannot become “{OFFER_LABELS.get(to, to)}”."
        )
    offer.state = to
    return current


# --- the decision ---------------------------------------------------------------------------------------

STAGED, ADMITTED, WAITLISTED, REJECTED = "staged", "admitted", "waitlisted", "rejected"
DECISION_STATES = (STAGED, ADMITTED, WAITLISTED, REJECTED)

DECISION_ALLOWED: dict[str, set[str]] = {
    STAGED: {STAGED, ADMITTED, WAITLISTED, REJECTED},  # staged again (another outcome) or released
    ADMITTED: set(),  # a released decision is final; the offer goes on with its own machine
    WAITLISTED: set(),  # a promotion is a new offer, the decision stays "waitlisted"
    REJECTED: set(),
}

# What the applicant reads (a staged decision is invisible to them).
DECISION_LABELS = {
    STAGED: "No decision yet",
    ADMITTED: "Offered a place",
    WAITLISTED: "On the waitlist",
    REJECTED: "Not admitted",
}

_RELEASED_AS = {Decision.Outcome.ADMIT: ADMITTED, Decision.Outcome.WAITLIST: WAITLISTED,
                Decision.Outcome.REJECT: REJECTED}
_OUTCOME_OF = {ADMITTED: Decision.Outcome.ADMIT, WAITLISTED: Decision.Outcome.WAITLIST,
               REJECTED: Decision.Outcome.REJECT}


def decision_state(decision: Decision) -> str:
    if decision.released_at is None:
        return STAGED
    return _RELEASED_AS[decision.outcome]


def decision_transition(decision: Decision, to: str, *, outcome: str | None = None, now: datetime | None = None) -> str:
    """Move ``decision`` to ``to`` (the caller saves); returns the state it came from.

    ``to=STAGED`` stages ``outcome`` (a new or a still staged decision); the released states release it now
    with their outcome (an admit released as waitlisted when no place is left).
    """
    current = decision_state(decision) if decision.outcome else STAGED  # a new decision: nothing staged yet
    if to not in DECISION_ALLOWED.get(current, set()):
        raise TransitionNotAllowed(
            f"A decision that is “{DECISION_LABELS[current]}” cannot become “{DECISION_LABELS.get(to, to)}”."
        )
    if to == STAGED:
        if outcome not in Decision.Outcome.values:
            raise TransitionNotAllowed(f"“{outcome}” is not a decision.")
        decision.outcome = outcome
    else:
        decision.outcome = _OUTCOME_OF[to]
        decision.released_at = now or timezone.now()
    return current
