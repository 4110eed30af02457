"""What the interviews app plugs into the shared parts (campus.core.plugins)."""

from campus.core.plugins import staff
from campus.team.permissions import Role, holds_any

staff.register(staff.StaffSection(
    title="Interviews", url_name="staff_interviews:home", order=30,
    predicate=holds_any(Role.INTERVIEWER, Role.MANAGER),
    description="Interview slots, invitations, bookings and the panel's assessments.",
))
