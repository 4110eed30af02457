"""What the admissions app plugs into the shared parts (campus.core.plugins)."""

from campus.core.plugins import staff
from campus.team.permissions import Role, holds_any

staff.register(staff.StaffSection(
    title="Admissions", url_name="staff_admissions:home", order=40, predicate=holds_any(Role.MANAGER),
    description="The ranking board, the selection assistant, staged decisions, release, offers and the waitlist.",
))
