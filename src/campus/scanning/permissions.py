"""Who may do what with a signal: the one sharing mechanism of the scouting tools (campus.radars.sharing)."""

from campus.radars.sharing import can_edit, can_view  # noqa: F401  (re-exported for the views)


def can_discuss(user, signal) -> bool:
    """Comments and votes: whoever may see the signal (its group, its cohort, its owners, the module leads)."""
    return can_view(user, signal)


def can_triage(user, signal) -> bool:
    return can_edit(user, signal)
