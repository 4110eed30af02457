"""The certificate's one state machine: issued certificates are valid; a manager may revoke one (the public
URL then says "revoked" with the date); erasure of the holder empties it (the URL then says "not found")."""

from .models import Certificate

S = Certificate.State

ALLOWED = {
    S.VALID: {S.REVOKED, S.ERASED},
    S.REVOKED: {S.ERASED},
    S.ERASED: set(),
}

# What the holder and the public read for each state.
LABELS = {
    S.VALID: "Valid",
    S.REVOKED: "Revoked",
    S.ERASED: "Not found",
}


class TransitionError(Exception):
    pass


def transition(certificate: Certificate, to: str) -> None:
    """Move ``certificate`` (locked by the caller) to ``to`` or raise TransitionError; the caller saves."""
    if to not in ALLOWED[certificate.state]:
        raise TransitionError(f"A {certificate.get_state_display().lower()} certificate cannot become {to}.")
    certificate.state = to
