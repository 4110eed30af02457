"""The registration's one state machine.

unconfirmed → confirmed | waitlisted      (the address confirmed: a seat if one is free, else the waitlist)
waitlisted  → offered | confirmed         (a seat freed: an offer valid N hours; staff may also seat directly)
offered     → confirmed | lapsed          (the offer taken, or not in time)
any active  → cancelled                   (by the person's link, by staff, by the erasure)

``transition`` is the only code that writes ``Registration.state``; the services decide when (under a lock
on the event row), set the moments and save.
"""

from .models import Registration

S = Registration.State

ALLOWED = {
    S.UNCONFIRMED: {S.CONFIRMED, S.WAITLISTED, S.CANCELLED},
    S.CONFIRMED: {S.CANCELLED},
    S.WAITLISTED: {S.OFFERED, S.CONFIRMED, S.CANCELLED},
    S.OFFERED: {S.CONFIRMED, S.LAPSED, S.CANCELLED},
    S.LAPSED: set(),
    S.CANCELLED: set(),
}

# What the registrant reads for each state.
LABELS = {
    S.UNCONFIRMED: "Waiting for you to confirm your e-mail address",
    S.CONFIRMED: "You have a seat",
    S.WAITLISTED: "You are on the waitlist",
    S.OFFERED: "A seat is offered to you",
    S.LAPSED: "The seat offered to you was not taken in time",
    S.CANCELLED: "Cancelled",
}


class TransitionError(Exception):
    pass


def transition(registration: Registration, to: str) -> None:
    """Move ``registration`` (locked by the caller) to ``to`` or raise TransitionError; the caller saves."""
    if to not in ALLOWED[registration.state]:
        raise TransitionError(f"This registration is {LABELS[registration.state].lower()}: "
                              f"it cannot become {S(to).label.lower()}.")
    registration.state = to
