"""Triage of a signal: new → watching → promoted | archived; an archived signal may be watched again."""

NEW, WATCHING, PROMOTED, ARCHIVED = "new", "watching", "promoted", "archived"
CHOICES = [(NEW, "New"), (WATCHING, "Watching"), (PROMOTED, "Promoted"), (ARCHIVED, "Archived")]

ALLOWED = {
    NEW: {WATCHING, PROMOTED, ARCHIVED},
    WATCHING: {PROMOTED, ARCHIVED},
    PROMOTED: {WATCHING, ARCHIVED},
    ARCHIVED: {WATCHING},
}


class TransitionError(Exception):
    pass


def transition(signal, to: str) -> str:
    """Check and apply a move of ``signal.state`` (saving is the service's job); returns the old state."""
    old = signal.state
    if to not in ALLOWED.get(old, set()):
        raise TransitionError(f"A {old} signal cannot become {to}.")
    signal.state = to
    return old
