"""The state machine of a participant's work on one assignment: not started, submitted, revision asked,
accepted. One table, one ``transition()``, a label the participant reads for every state.

The state is the one of the latest attempt (``Attempt.state``), or "not started" without any. A new attempt
is a transition to "submitted" (from "not started" or, when the assignment reopens, from "revision asked");
the module lead's decision moves a submitted attempt to "revision asked" or "accepted". ``transition()`` is
the only writer of ``Attempt.state``. Whether a revision may be submitted (the reopen policy, the maximum of
attempts, the closed flag) is ``submission_refusal()``: the participant's page and the service ask the same.
"""

from django.core.exceptions import ValidationError

from .models import Assignment, Attempt

NOT_STARTED = "not_started"
SUBMITTED = Attempt.State.SUBMITTED.value
REVISION_ASKED = Attempt.State.REVISION_ASKED.value
ACCEPTED = Attempt.State.ACCEPTED.value
STATES = (NOT_STARTED, SUBMITTED, REVISION_ASKED, ACCEPTED)

ALLOWED: dict[str, set[str]] = {
    NOT_STARTED: {SUBMITTED},
    SUBMITTED: {REVISION_ASKED, ACCEPTED},
    REVISION_ASKED: {SUBMITTED},  # a new attempt, when the assignment reopens
    ACCEPTED: set(),
}

# What the participant (and the lead's lists) read.
LABELS = {
    NOT_STARTED: "Not started",
    SUBMITTED: "Submitted – waiting for feedback",
    REVISION_ASKED: "Revision asked",
    ACCEPTED: "Accepted",
}

DECISIONS = ((REVISION_ASKED, "Ask for a revision"), (ACCEPTED, "Accept"))


class TransitionNotAllowed(ValidationError):
    pass


def state_of(latest: Attempt | None) -> str:
    return NOT_STARTED if latest is None else latest.state


def transition(attempt: Attempt | None, to: str, *, current: str | None = None) -> str:
    """Check the move of the work to ``to`` and, for a decision, write it on ``attempt`` (saved by the caller
    with the feedback); returns the state it came from. A submission passes the latest attempt (or None)."""
    current = current if current is not None else state_of(attempt)
    if to not in ALLOWED.get(current, set()):
        raise TransitionNotAllowed(f"Work that is “{LABELS[current]}” cannot become “{LABELS.get(to, to)}”.")
    if to != SUBMITTED:
        attempt.state = to
    return current


def submission_refusal(assignment: Assignment, attempts: list[Attempt]) -> str:
    """Why a new attempt of ``assignment`` is refused now ('' when it is allowed). ``attempts``: the
    participant's attempts of it, oldest first. A late submission is allowed (and marked late)."""
    if assignment.closed:
        return "This assignment is closed: it takes no more submissions."
    if not attempts:
        return ""
    latest = attempts[-1]
    if latest.state == SUBMITTED:
        return "Your attempt is waiting for feedback from the module lead."
    if latest.state == ACCEPTED:
        return "Your work is accepted: there is nothing more to submit."
    if assignment.max_attempts and len(attempts) >= assignment.max_attempts:
        return f"You have used every attempt ({assignment.max_attempts}) of this assignment."
    if assignment.reopen == Assignment.Reopen.NEVER:
        return "This assignment takes one attempt only; please talk to your module lead."
    if assignment.reopen == Assignment.Reopen.MANUAL and not latest.reopened:
        return "The module lead reopens this assignment by hand: please wait until they do."
    return ""
