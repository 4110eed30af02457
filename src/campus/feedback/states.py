"""The state machine of a survey: draft (being built), open (participants answer), closed (results final).

One table, one ``transition()``, a label for participants and one for staff. A closed survey may open again
(staff closed it too early); a survey never goes back to draft, since its questions are fixed once anyone could
have answered them.
"""

from django.core.exceptions import ValidationError

from .models import Survey

DRAFT, OPEN, CLOSED = Survey.State.DRAFT, Survey.State.OPEN, Survey.State.CLOSED

ALLOWED: dict[str, set[str]] = {
    DRAFT: {OPEN},
    OPEN: {CLOSED},
    CLOSED: {OPEN},
}

PARTICIPANT_LABELS = {
    DRAFT: "Not open yet",
    OPEN: "Open for your answers",
    CLOSED: "Closed",
}

STAFF_LABELS = {
    DRAFT: "Draft: questions can be changed",
    OPEN: "Open: participants answer",
    CLOSED: "Closed",
}


class TransitionNotAllowed(ValidationError):
    pass


def transition(survey: Survey, to: str) -> str:
    """Move ``survey`` to ``to`` and save; returns the state it came from."""
    current = survey.state
    if to not in ALLOWED.get(current, set()):
        raise TransitionNotAllowed(
            f"A survey that is “{STAFF_LABELS[current]}” cannot become “{STAFF_LABELS.get(to, to)}”.")
    if to == OPEN and not survey.questions.exists():
        raise TransitionNotAllowed("Add at least one question before opening the survey.")
    survey.state = to
    survey.save(update_fields=["state", "updated_at"])
    return current
