"""Who may do what with a signal: the one sharing mechanism of the scouting tools (campus.radars.sharing)."""

from campus.radars.sharing import can_edit, can_view  # noqa: F401  (re-exported for the views)
from campus.team.permissions import Role, holds_any


def can_discuss(user, signal) -> bool:
    """Comments and votes: whoever may see the signal (its group, its cohort, its owners, the module leads)."""
    return can_view(user, signal)


def can_triage(user, signal) -> bool:
    return can_edit(user, signal)


staff_section = holds_any(Role.MODULE_LEAD, Role.MANAGER)
"""The staff overview (and its section): module leads and managers of an edition; each page then shows only the
cohort's work of the editions where the person holds one of these roles (``sharing.lead_ids``)."""
