"""Who may do what with radars: the predicates of ``sharing`` (one mechanism for every scouting tool) and the
staff section's: module leads and managers of any edition see the cohort's radars."""

from campus.team.permissions import Role, holds_any

from .sharing import can_edit, can_view, edited_by, visible_to  # noqa: F401  (the app's one place to ask)

staff_section = holds_any(Role.MODULE_LEAD, Role.MANAGER)
