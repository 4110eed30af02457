"""The erasure request's state machine: one table, one transition function, a label for the person."""

from django.core.exceptions import ValidationError

from .models import ErasureRequest

S = ErasureRequest.State

ALLOWED: dict[str, set[str]] = {
    S.PENDING: {S.APPROVED, S.REFUSED, S.CANCELLED},
    S.APPROVED: set(),
    S.REFUSED: set(),
    S.CANCELLED: set(),
}

# What the person reads on /my-data/.
PERSON_LABELS = {
    S.PENDING: "Waiting for the team’s decision",
    S.APPROVED: "Approved: your data is erased",
    S.REFUSED: "Refused",
    S.CANCELLED: "Cancelled by you",
}


class TransitionNotAllowed(ValidationError):
    pass


def transition(request: ErasureRequest, to: str) -> str:
    """Move ``request`` to state ``to`` (the caller saves); returns the state it came from."""
    current = request.state
    if to not in ALLOWED.get(current, set()):
        raise TransitionNotAllowed(f"A request that is “{PERSON_LABELS[current]}” cannot become “{PERSON_LABELS[to]}”.")
    request.state = to
    return current
