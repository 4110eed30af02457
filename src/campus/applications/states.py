"""The application's state machine: one table, one transition function, a label for the applicant."""

from django.core.exceptions import ValidationError

from .models import Application

S = Application.State

ALLOWED: dict[str, set[str]] = {
    S.DRAFT: {S.SUBMITTED, S.WITHDRAWN},
    S.SUBMITTED: {S.MORE_INFO, S.WITHDRAWN},
    S.MORE_INFO: {S.SUBMITTED, S.WITHDRAWN},
    S.WITHDRAWN: set(),
}

# What the applicant reads on the status page.
APPLICANT_LABELS = {
    S.DRAFT: "Not submitted yet",
    S.SUBMITTED: "Submitted – under review",
    S.MORE_INFO: "More information requested",
    S.WITHDRAWN: "Withdrawn",
}

EDITABLE = {S.DRAFT, S.MORE_INFO}


class TransitionNotAllowed(ValidationError):
    pass


def transition(application: Application, to: str) -> str:
    """Move ``application`` to state ``to`` (the caller saves); returns the state it came from."""
    current = application.state
    if to not in ALLOWED.get(current, set()):
        raise TransitionNotAllowed(
            f"An application that is “{APPLICANT_LABELS[current]}” cannot become “{APPLICANT_LABELS[to]}”."
        )
    application.state = to
    return current
